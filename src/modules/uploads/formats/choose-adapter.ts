import type { FileLevelError, FormatAdapter, OpenFile } from '../upload.types';
import { jsonActivitiesAdapter } from './json.adapter';
import { detectDelimitedActivities, isLegacyLayout, legacyActivitiesAdapter } from './legacy.adapter';
import { sheetActivitiesAdapter } from './sheet.adapter';

// Which adapter reads a stored activity file, decided from its content alone (formats.md §2.7, §8.2):
// JSON by its first significant character, then the delimited layouts by their header or marker.

type AdapterChoice = { adapter: FormatAdapter } | { error: FileLevelError };

const NOT_YET =
  'This version reads JSON files ({"activities": […]} or an array), OpenPARS activity sheets saved as CSV or TSV (header row naming providerActivityId or parsActivityId) and the tab-delimited legacy PARS templates (D, C, B, pre-2011); XLSX workbooks and the XML layout follow (save an XLSX sheet as CSV to upload it now).';

export async function chooseAdapter(open: OpenFile): Promise<AdapterChoice> {
  for await (const chunk of open()) {
    const text = Buffer.from(chunk.subarray(0, 64))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (text.length === 0) continue;
    if (text.startsWith('[') || text.startsWith('{')) return { adapter: jsonActivitiesAdapter };
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
