import type { FileInspection, FormatAdapter, OpenFile, SourceRecord } from '../upload.types';
import type { DelimitedRow } from './delimited-reader';
import { FileLevelError, type FileWarning, fileWarning } from './issues';
import {
  analyzeActivitySheetHeader,
  isPre2011Year,
  legacyMarkerLayout,
  type SheetHeader,
} from './layout-detect';
import { sheetRecord } from './sheet.adapter';
import { checkXlsxContainer, spoolToTempFile, withSpooledFile, type XlsxLimits } from './xlsx-container';
import { readXlsxRows } from './xlsx-rows';

// The OpenPARS activity sheet OP-ACT-1 as an XLSX workbook (spec/formats.md §4.1, §4.4, §8.2). The
// workbook's rows become text rows and go through the CSV sheet's header analysis and row mapping,
// so both spellings of the sheet mean the same. The stored file is spooled to a temporary file (the
// ZIP checks need random access), checked against the container limits, then streamed by exceljs.

type SheetStart = { header: SheetHeader; warnings: FileWarning[]; sheet: string };

const legacyHint = ({ fields, line }: DelimitedRow) => {
  const first = fields[0] ?? '';
  const layout = legacyMarkerLayout(first) ?? (isPre2011Year(first) ? 'PARS-2010' : null);
  return layout
    ? ` Row ${line} looks like a ${layout} template row: the legacy PARS templates are read as tab-delimited text, so save the sheet from Excel as "Text (Tab delimited)" and upload that file.`
    : '';
};

/** The header row (the first non-blank row) → its analysis, or the file-level error. */
function readHeader(row: DelimitedRow, sheet: string): SheetStart {
  const analysis = analyzeActivitySheetHeader(row.fields, row.line);
  if (!analysis.ok) {
    throw new FileLevelError(
      analysis.error.code,
      `Sheet "${sheet}": ${analysis.error.message}${legacyHint(row)}`,
      row.line,
    );
  }
  return { header: analysis.header, warnings: analysis.warnings, sheet };
}

/**
 * The sheet's rows after the header: `onHeader` first receives the header, then every non-blank data
 * row is yielded. A sheet without a header row or without data rows is FILE-EMPTY.
 */
async function* dataRows(
  file: string,
  limits: XlsxLimits,
  onHeader: (start: SheetStart) => void,
): AsyncGenerator<{ header: SheetHeader; row: DelimitedRow }> {
  let sheet = '';
  let header: SheetHeader | null = null;
  let rows = 0;
  for await (const row of readXlsxRows(file, { limits, onSheet: (name) => (sheet = name) })) {
    if (row.blank) continue;
    if (header === null) {
      const start = readHeader(row, sheet);
      header = start.header;
      onHeader(start);
      continue;
    }
    rows++;
    yield { header, row };
  }
  if (header === null) {
    throw new FileLevelError(
      'FILE-EMPTY',
      `The workbook's sheet "${sheet || 'Activities'}" holds no rows. Put the activities on a sheet named Activities (or the first sheet), with the field names in its first row.`,
    );
  }
  if (rows === 0) {
    throw new FileLevelError(
      'FILE-EMPTY',
      `The workbook's sheet "${sheet}" holds only its header row (row ${header.line}) and no data rows. Add at least one data row.`,
      header.line,
    );
  }
}

/** The XLSX reader of OP-ACT-1 under the given container limits (xlsxLimitsFor(UPLOAD_MAX_BYTES)). */
export function createXlsxActivitiesAdapter(limits: XlsxLimits): FormatAdapter {
  return {
    async inspect(open: OpenFile): Promise<FileInspection> {
      try {
        return await withSpooledFile(open, async (file) => {
          await checkXlsxContainer(file, limits);
          let warnings: FileWarning[] = [];
          // the whole sheet is read: a row or column limit broken near its end rejects the file
          // before anything is applied
          for await (const _ of dataRows(file, limits, (start) => (warnings = start.warnings))) {
            // rows are only counted here; their cells are checked when they are applied
          }
          return { layout: 'OP-ACT-1', encoding: null, warnings: warnings.map(fileWarning) };
        });
      } catch (err) {
        if (err instanceof FileLevelError) return { error: { code: err.code, message: err.message } };
        throw err;
      }
    },

    async *records(open: OpenFile): AsyncIterable<SourceRecord> {
      const spooled = await spoolToTempFile(open);
      try {
        // records() may be called on its own: the container is checked again before exceljs opens it
        await checkXlsxContainer(spooled.path, limits);
        for await (const { header, row } of dataRows(spooled.path, limits, () => {})) {
          yield sheetRecord(header, row);
        }
      } finally {
        await spooled.dispose();
      }
    },
  };
}
