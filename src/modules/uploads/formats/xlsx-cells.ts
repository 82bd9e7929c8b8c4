import { trimField } from './delimited-reader';

// One XLSX cell, as exceljs's streaming reader hands it over, → the text a CSV cell would hold, so
// workbook rows go through the same OP-ACT-1 mapping as CSV rows (spec/formats.md §4.4). Pure; the
// rules are those of §4.4: text as written, numbers as plain decimals, date-formatted cells as ISO
// dates, TRUE/FALSE as Yes/No, formulas by their cached value.

/**
 * What exceljs puts in `cell.value` when streaming: plain values, `Date` for a number under a date
 * format, `{richText}`, `{error}`, `{formula|sharedFormula, result}`, or `{text, hyperlink}`.
 */
export type XlsxCellValue = unknown;

/** Written for a formula whose cached value was an error: exceljs's streaming reader keeps no error text. */
export const FORMULA_ERROR_TEXT = '#ERROR';
/** Written for a date cell whose serial number is not a calendar date (Excel shows it as ####). */
export const INVALID_DATE_TEXT = '#VALUE!';

/** Excel keeps 15 significant digits; the 16th and 17th of a stored double are binary noise (0.1+0.2). */
const EXCEL_PRECISION = 15;

/** A number as a plain decimal, never with an exponent: 1e-7 → "0.0000001", 1e21 → "1000…0". */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const rounded = Number(n.toPrecision(EXCEL_PRECISION));
  if (rounded === 0) return '0';
  const text = String(rounded);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const sign = m[1] ?? '';
  const digits = `${m[2]}${m[3] ?? ''}`;
  // the decimal point sits after `point` digits of `digits`
  const point = 1 + Number(m[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Whether a number format shows a date or time: any of y m d h s b outside quoted text and `[…]`
 * sections. This is the rule exceljs applies to plain cells; we need it ourselves because the
 * streaming reader leaves a formula's cached result a bare serial number even under a date format.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const visible = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(visible);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A calendar date as `YYYY-MM-DD` (what parseDateCell accepts). Excel dates carry no zone: read UTC. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return INVALID_DATE_TEXT;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return INVALID_DATE_TEXT;
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

// Excel's day 0 in the 1900 system is 1899-12-30 (the phantom 29 Feb 1900 included); 1904 system: 1904-01-01.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 24 * 3600 * 1000;

/** An Excel serial date number → the calendar date (time of day dropped). */
export function serialToIsoDate(serial: number, date1904 = false): string {
  const ms = Math.round(serial * DAY_MS) + (date1904 ? EPOCH_1904 : EPOCH_1900);
  return isoDate(new Date(ms));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function scalarText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return isDateFormat(numFmt) ? serialToIsoDate(value, date1904) : plainDecimal(value);
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return isoDate(value);
  return '';
}

/**
 * The text of one cell. `numFmt` is the cell's number format (needed for formula results under a
 * date format); `date1904` the workbook's date system. Edge spaces are trimmed as in CSV (§2.4).
 */
export function xlsxCellText(value: XlsxCellValue, numFmt?: string, date1904 = false): string {
  return trimField(rawCellText(value, numFmt, date1904));
}

function rawCellText(value: XlsxCellValue, numFmt: string | undefined, date1904: boolean): string {
  if (!isObject(value) || value instanceof Date) return scalarText(value, numFmt, date1904);
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run) => (isObject(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if (typeof value.error === 'string') return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    // the streaming reader turns a cached error (t="e") into NaN: the error text itself is lost
    if (typeof result === 'number' && Number.isNaN(result)) return FORMULA_ERROR_TEXT;
    // a formula never calculated (written by a program, not Excel) has no cached value: the cell is empty
    return rawCellText(result, numFmt, date1904);
  }
  // a hyperlink cell shows its text
  if ('hyperlink' in value) return rawCellText(value.text, numFmt, date1904);
  return '';
}
