import type { FileLevelError, FormatAdapter, OpenFile } from '../upload.types';
import { jsonActivitiesAdapter } from './json.adapter';
import { detectDelimitedActivities, isLegacyLayout, legacyActivitiesAdapter } from './legacy.adapter';
import { sheetActivitiesAdapter } from './sheet.adapter';
import { createXlsxActivitiesAdapter } from './xlsx.adapter';
import { DEFAULT_UPLOAD_MAX_BYTES, xlsxLimitsFor } from './xlsx-container';
import { xmlActivitiesAdapter } from './xml.adapter';

// Which adapter reads a stored activity file, decided from its content alone (formats.md §2.7, §8.2):
// JSON by its first significant character, then the delimited layouts by their header or marker.
// A ZIP archive is read as an XLSX workbook (§4.4); a file starting with `<` as MEMS-based XML (§6).

type AdapterChoice = { adapter: FormatAdapter } | { error: FileLevelError };

export type ChooseAdapterOptions = {
  /** The UPLOAD_MAX_BYTES setting: an XLSX file may decompress to 10 times this (§8.2). */
  uploadMaxBytes?: number;
};

/** `PK\x03\x04`, the first local file header of a ZIP archive (and so of every .xlsx file). */
const isZipStart = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** `<` in UTF-16, after a byte-order mark or without one (XML 1.0 Appendix F): XML, not a text sheet. */
const isUtf16XmlStart = (b: Uint8Array) =>
  (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x3c && b[3] === 0x00) ||
  (b[0] === 0xfe && b[1] === 0xff && b[2] === 0x00 && b[3] === 0x3c) ||
  (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) ||
  (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f);

const NOT_YET =
  'This version reads JSON files ({"activities": […]} or an array), MEMS-based XML (root ACCMEActivities, OP-ACT-XML-1), OpenPARS activity sheets as XLSX workbooks, CSV or TSV (header row naming providerActivityId or parsActivityId) and the tab-delimited legacy PARS templates (D, C, B, pre-2011).';

export async function chooseAdapter(
  open: OpenFile,
  options: ChooseAdapterOptions = {},
): Promise<AdapterChoice> {
  let first = true;
  for await (const chunk of open()) {
    // stored chunks are 1 MiB: the first one holds the whole signature
    if (first && isZipStart(chunk)) {
      const limits = xlsxLimitsFor(options.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES);
      return { adapter: createXlsxActivitiesAdapter(limits) };
    }
    if (first && isUtf16XmlStart(chunk)) return { adapter: xmlActivitiesAdapter };
    first = false;
    const text = Buffer.from(chunk.subarray(0, 64))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (text.length === 0) continue;
    if (text.startsWith('[') || text.startsWith('{')) return { adapter: jsonActivitiesAdapter };
    if (text.startsWith('<')) return { adapter: xmlActivitiesAdapter };
    break;
  }
  // not JSON: a delimited layout (formats.md §2.7)
  const detection = await detectDelimitedActivities(open);
  if ('error' in detection)
    return { error: { code: detection.error.code, message: detection.error.message } };
  const { result } = detection;
  if (!result.ok) {
    const message =
      result.error.code === 'FILE-UNKNOWN-LAYOUT'
        ? `${result.error.message} ${NOT_YET}`
        : result.error.message;
    return { error: { code: result.error.code, message } };
  }
  if (isLegacyLayout(result.layout)) return { adapter: legacyActivitiesAdapter };
  if (result.layout === 'OP-ACT-1') return { adapter: sheetActivitiesAdapter };
  return {
    error: {
      code: 'FILE-UNKNOWN-LAYOUT',
      message: `This file looks like a ${result.layout} file, which this version cannot read yet. ${NOT_YET}`,
    },
  };
}
