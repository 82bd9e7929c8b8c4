import ExcelJS from 'exceljs';
import type { DelimitedRow } from './delimited-reader';
import { FileLevelError } from './issues';
import { type XlsxCellValue, xlsxCellText } from './xlsx-cells';
import type { XlsxLimits } from './xlsx-container';

// The rows of the activity sheet of an XLSX workbook (spec/formats.md §4.4), streamed with exceljs's
// WorkbookReader, as text rows shaped like those of the CSV reader so that one mapping serves both.
// Only one row is held at a time; exceljs caches the shared strings and styles (bounded beforehand by
// checkXlsxContainer) and parks worksheets that precede them in the ZIP in temporary files.

/** Fields exceljs sets at run time that its type declarations leave out. */
type RuntimeWorkbookReader = {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
};
type RuntimeWorksheetReader = ExcelJS.stream.xlsx.WorksheetReader & {
  name: string;
  /** the worksheet XML: a file stream when exceljs parked the sheet in a temporary file */
  iterator: { destroy?: () => void };
};

export type ReadXlsxRowsOptions = {
  limits: XlsxLimits;
  /** Called with the name of the sheet chosen, before its first row. */
  onSheet?: (name: string) => void;
};

/** The sheet named Activities (any case) if there is one, else the first sheet (§4.4). */
export function chooseActivitySheet(sheetNames: readonly string[]): string | null {
  return sheetNames.find((n) => n.toLowerCase() === 'activities') ?? sheetNames[0] ?? null;
}

const unreadable = (message: string) => new FileLevelError('FILE-UNREADABLE', message);

const tooManyRows = (limits: XlsxLimits) =>
  unreadable(
    `The sheet holds more than ${limits.maxRows.toLocaleString('en-US')} rows, the most an upload may hold. Split it into several workbooks and upload each.`,
  );

const tooManyColumns = (limits: XlsxLimits, row: number, column: number) =>
  unreadable(
    `Row ${row} has a value in column ${column}, but a sheet may use at most ${limits.maxColumns} columns. Delete the cells beyond column ${limits.maxColumns} and upload again.`,
  );

const rowsOutOfOrder = (row: number, previous: number) =>
  unreadable(
    `The workbook lists row ${row} after row ${previous}; a workbook saved by Excel lists its rows in order. Open it in Excel, save it as .xlsx and upload again.`,
  );

const notReadable = (detail: string) =>
  unreadable(
    `The workbook could not be read (${detail}). Open it in Excel, save it as "Excel Workbook (.xlsx)" and upload again, or save the sheet as CSV.`,
  );

/**
 * A cell's value for xlsxCellText. A formula's `cell.value` leaves out a cached result that is falsy
 * (0, "", an error read as NaN), so a 0 would read as empty; `cell.result` keeps it.
 */
function cellValueOf(cell: ExcelJS.Cell): XlsxCellValue {
  if (cell.type === ExcelJS.ValueType.Formula) return { formula: cell.formula, result: cell.result };
  return cell.value;
}

/** One worksheet row → a text row; cells without a value are empty fields. */
export function xlsxRowFields(row: ExcelJS.Row, limits: XlsxLimits, date1904: boolean): string[] {
  const fields: string[] = [];
  row.eachCell((cell, column) => {
    if (column > limits.maxColumns) throw tooManyColumns(limits, row.number, column);
    const text = xlsxCellText(cellValueOf(cell), cell.numFmt, date1904);
    if (text === '') return;
    while (fields.length < column - 1) fields.push('');
    fields[column - 1] = text;
  });
  return fields;
}

async function* sheetRows(
  sheet: RuntimeWorksheetReader,
  limits: XlsxLimits,
  date1904: boolean,
): AsyncGenerator<DelimitedRow> {
  let count = 0;
  let previous = 0;
  for await (const row of sheet) {
    if (++count > limits.maxRows) throw tooManyRows(limits);
    // row numbers are the report's row numbers and the job's resume point: they must increase
    if (!Number.isInteger(row.number) || row.number <= previous) throw rowsOutOfOrder(row.number, previous);
    previous = row.number;
    const fields = xlsxRowFields(row, limits, date1904);
    yield { line: row.number, fields, blank: fields.length === 0, errors: [] };
  }
}

/**
 * The rows of the workbook's activity sheet, blank rows included (flagged `blank`), numbered as in the
 * spreadsheet. Throws FileLevelError (FILE-UNREADABLE) for a broken workbook or a row or column limit.
 * Call it on a file that passed checkXlsxContainer.
 */
export async function* readXlsxRows(
  file: string,
  options: ReadXlsxRowsOptions,
): AsyncGenerator<DelimitedRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // date formats live in the styles: without them date cells would arrive as serial numbers
    styles: 'cache',
    // a hyperlink cell's value is its display text already; the targets are not needed
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const runtime = reader as unknown as RuntimeWorkbookReader;
  const sheets = reader[Symbol.asyncIterator]();
  let target: string | null = null;
  let found = false;
  let current: RuntimeWorksheetReader | null = null;
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      current = next.value as RuntimeWorksheetReader;
      if (target === null) {
        const names = (runtime.model?.sheets ?? []).map((s) => s.name);
        target = chooseActivitySheet(names);
        if (target === null) throw notReadable('its list of sheets, xl/workbook.xml, names no sheet');
      }
      if (found || current.name !== target) {
        await drainSheet(current);
        continue;
      }
      found = true;
      options.onSheet?.(target);
      yield* sheetRows(current, options.limits, runtime.properties?.model?.date1904 === true);
    }
  } catch (err) {
    if (err instanceof FileLevelError) throw err;
    throw notReadable((err as Error).message);
  } finally {
    if (current) await drainSheet(current);
    // run exceljs to its end so that it deletes the temporary files of sheets not reached
    await drainSheets(sheets);
  }
  if (!found) {
    throw notReadable(
      target === null
        ? 'it holds no worksheet'
        : `its sheet "${target}" is not a worksheet with cells; name the activity sheet Activities`,
    );
  }
}

/**
 * Reads a sheet to its end without using it. Destroying exceljs's sheet stream instead races with its
 * own clean-up of a sheet parked in a temporary file: the file is deleted while the stream still opens
 * it, and the ENOENT surfaces as an uncaught exception that would stop the server.
 */
async function drainSheet(sheet: RuntimeWorksheetReader): Promise<void> {
  try {
    for await (const _row of sheet as unknown as AsyncIterable<unknown>) {
      // discarded
    }
  } catch {
    // the workbook's error was reported already (or the rows were read in full)
  }
}

async function drainSheets(sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>): Promise<void> {
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) return;
      await drainSheet(next.value as RuntimeWorksheetReader);
    }
  } catch {
    // the workbook's error was reported already (or the rows were read in full)
  }
}
