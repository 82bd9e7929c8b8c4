// Value syntax of delimited layouts (spec/formats.md §2.8) as pure parsers. Each answers
//   { value }        — the value, or null when the cell is empty (no value, "not answered");
//   { error }        — a code of formats.md §9 and a plain-English message naming the field (the
//                      caller's `label`), the accepted forms and the fix.
// Only the syntax is checked here; whether a code is in its list, a date in range, a count below its
// maximum is decided later by the activity rules, so every channel reports it the same way.
// Cells arrive trimmed (§2.4); the parsers trim again so they can be used on any string.

export type CellError = { code: string; message: string };
export type CellResult<T> = { value: T | null } | { error: CellError };

export const isCellError = <T>(r: CellResult<T>): r is { error: CellError } => 'error' in r;

const EDGE_SPACES = /^[ \u00a0]+|[ \u00a0]+$/g;
function clean(raw: string | null | undefined): string {
  if (!raw) return '';
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  // Cells from the reader are trimmed already; only edited strings pay for the regular expression.
  if (first !== 32 && first !== 0xa0 && last !== 32 && last !== 0xa0) return raw;
  return raw.replace(EDGE_SPACES, '');
}
const fail = (code: string, message: string): { error: CellError } => ({ error: { code, message } });
const EMPTY = { value: null } as const;

/** Characters as users count them (code points). */
const charLength = (value: string): number => [...value].length;

// ---------------------------------------------------------------------------------------------
// Dates

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) =>
  [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export type DateCellOptions = {
  label: string;
  /** OpenPARS sheets also accept YYYY-MM-DD; legacy templates and OP-LRN-TAB-1 do not (§2.8). */
  allowIso?: boolean;
  /** Other channels' codes (learners: LRN-DATE-FORMAT for both). */
  codes?: { format?: string; invalid?: string };
};

/** `M/D/YYYY` or `MM/DD/YYYY` (and `YYYY-MM-DD` where allowed) → 'YYYY-MM-DD'. Never day-first. */
export function parseDateCell(raw: string, options: DateCellOptions): CellResult<string> {
  const text = clean(raw);
  if (text === '') return EMPTY;
  const formatCode = options.codes?.format ?? 'ACT-DATE-FORMAT';
  const invalidCode = options.codes?.invalid ?? 'ACT-DATE-INVALID';
  const forms = options.allowIso ? 'MM/DD/YYYY (month first) or YYYY-MM-DD' : 'MM/DD/YYYY (month first)';
  const us = US_DATE.exec(text);
  const iso = us || !options.allowIso ? null : ISO_DATE.exec(text);
  if (!us && !iso) {
    return fail(
      formatCode,
      `${options.label} must be a date written ${forms}, such as 03/18/2016; "${text}" is not`,
    );
  }
  const [y, m, d] = us
    ? [Number(us[3]), Number(us[1]), Number(us[2])]
    : [Number(iso?.[1]), Number(iso?.[2]), Number(iso?.[3])];
  if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
    return { value: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
  }
  const dayFirst =
    us && m > 12 && d >= 1 && d <= 12 && m <= daysInMonth(y, d)
      ? `; dates are month first, so did you mean ${pad(d)}/${pad(m)}/${pad(y, 4)}?`
      : '; check the month and day';
  return fail(invalidCode, `${options.label} "${text}" is not a real calendar date${dayFirst}`);
}

// ---------------------------------------------------------------------------------------------
// Yes/No

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);

/** `Yes`, `No`, `Y`, `N`, `true`, `false` in any case; empty = not answered. */
export function parseYesNoCell(raw: string, options: { label: string; code?: string }): CellResult<boolean> {
  const text = clean(raw);
  if (text === '') return EMPTY;
  const key = text.toLowerCase();
  if (YES.has(key)) return { value: true };
  if (NO.has(key)) return { value: false };
  return fail(
    options.code ?? 'ACT-BOOLEAN',
    `${options.label} must be Yes or No (Y, N, true and false are also accepted); "${text}" is not. Leave it empty if the question was not answered`,
  );
}

// ---------------------------------------------------------------------------------------------
// Text

/** Tab, CR, LF and U+0000–U+001F (activities.md conventions); line breaks where allowed. */
export function hasControlChar(value: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x1f) continue;
    if (allowLineBreaks && (c === 0x0a || c === 0x0d)) continue;
    return true;
  }
  return false;
}

export type TextCellOptions = { label: string; max?: number; allowLineBreaks?: boolean };

/**
 * Free text. With `max`, also checks length (ACT-TEXT-LENGTH) and control characters (FMT-CONTROL-CHAR):
 * used for text that no later rule sees (legacy-only fields); other text is checked by the rules.
 */
export function parseTextCell(raw: string, options?: TextCellOptions): CellResult<string> {
  const text = clean(raw);
  if (text === '') return EMPTY;
  if (!options?.max) return { value: text };
  if (hasControlChar(text, options.allowLineBreaks)) {
    return fail(
      'FMT-CONTROL-CHAR',
      `${options.label} must not contain tabs, line breaks or other control characters; remove them`,
    );
  }
  const length = charLength(text);
  if (length > options.max) {
    return fail(
      'ACT-TEXT-LENGTH',
      `${options.label} must be at most ${options.max} characters long (it has ${length}); shorten it`,
    );
  }
  return { value: text };
}

/** "Yes/No or text ≤ N" (the "Other" columns of the legacy templates): Yes/No → boolean, else text. */
export function parseYesNoOrTextCell(
  raw: string,
  options: { label: string; max: number },
): CellResult<boolean | string> {
  const text = clean(raw);
  if (text === '') return EMPTY;
  const key = text.toLowerCase();
  if (YES.has(key)) return { value: true };
  if (NO.has(key)) return { value: false };
  return parseTextCell(text, {
    label: `${options.label} (Yes, No or a description)`,
    max: options.max,
  });
}

/** Names separated by `;` (Joint Provider(s)); with `escapes`, `\;` is a literal `;` (§4.1). */
export function splitNames(raw: string, options: { escapes?: boolean } = {}): string[] {
  const text = clean(raw);
  if (text === '') return [];
  const names: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (options.escapes && c === '\\' && text[i + 1] === ';') {
      current += ';';
      i++;
    } else if (c === ';') {
      names.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  names.push(current);
  return names.map(clean).filter((n) => n !== '');
}

// ---------------------------------------------------------------------------------------------
// Numbers

export type DecimalPrecision = 'legacy' | 'current';

export type DecimalCellOptions = {
  label: string;
  /** legacy: at most 2 decimals; current: also a multiple of 0.25 (activities.md conventions). */
  precision: DecimalPrecision;
  max?: number;
};

const DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * Digits with an optional `.` and decimals; no thousands separator, currency symbol or exponent. A
 * leading `-` is read and fails the range check. Trailing zeros after the point do not count as
 * decimals (`1.500` is 1.5).
 */
export function parseDecimalCell(raw: string, options: DecimalCellOptions): CellResult<number> {
  const text = clean(raw);
  if (text === '') return EMPTY;
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    return fail(
      'ACT-NUMBER-FORMAT',
      `${options.label} must be a number written with digits and an optional decimal point, without thousands separators or currency symbols, such as 14.5; "${text}" is not`,
    );
  }
  if (m[1] === '-') {
    return fail('ACT-NUMBER-RANGE', `${options.label} must not be negative; "${text}" is`);
  }
  const whole = m[2] === '' ? '0' : (m[2] as string);
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) {
    return fail(
      'ACT-CREDIT-PRECISION',
      `${options.label} may have at most 2 decimal places, such as 14.25; round "${text}"`,
    );
  }
  const value = Number(`${whole}.${decimals || '0'}`);
  if (!Number.isFinite(value) || (options.max !== undefined && value > options.max)) {
    const most = options.max !== undefined ? `at most ${options.max}` : 'a realistic number';
    return fail('ACT-NUMBER-RANGE', `${options.label} must be ${most}; "${text}" is too large`);
  }
  if (options.precision === 'current' && Number(decimals.padEnd(2, '0')) % 25 !== 0) {
    return fail(
      'ACT-CREDIT-PRECISION',
      `${options.label} must be a multiple of 0.25 (such as 1.25, 1.5 or 1.75); "${text}" is not`,
    );
  }
  return { value };
}

/** Digits only. `-5` is read as negative and fails the range (ACT-NUMBER-RANGE). */
export function parseIntegerCell(raw: string, options: { label: string; max?: number }): CellResult<number> {
  const text = clean(raw);
  if (text === '') return EMPTY;
  const m = /^(-?)(\d+)$/.exec(text);
  if (!m) {
    return fail(
      'ACT-NUMBER-FORMAT',
      `${options.label} must be a whole number written with digits only, without separators or decimals, such as 1040; "${text}" is not`,
    );
  }
  if (m[1] === '-') {
    return fail('ACT-NUMBER-RANGE', `${options.label} must not be negative; "${text}" is`);
  }
  const value = Number(m[2]);
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value > max) {
    return fail(
      'ACT-NUMBER-RANGE',
      `${options.label} must be at most ${max.toLocaleString('en-US')}; "${text}" is too large`,
    );
  }
  return { value };
}

/** Whole US dollars as an integer; `.0`/`.00` tolerated. `$5,000` and `25000.50` fail. */
export function parseMoneyCell(raw: string, options: { label: string; max?: number }): CellResult<number> {
  const text = clean(raw);
  if (text === '') return EMPTY;
  const m = /^(-?)(\d+)(?:\.0{1,2})?$/.exec(text);
  if (!m) {
    return fail(
      'ACT-AMOUNT-FORMAT',
      `${options.label} must be whole US dollars written with digits only, without "$", commas or cents, such as 25000; "${text}" is not`,
    );
  }
  if (m[1] === '-') {
    return fail('ACT-NUMBER-RANGE', `${options.label} must not be negative; "${text}" is`);
  }
  const value = Number(m[2]);
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value > max) {
    return fail(
      'ACT-NUMBER-RANGE',
      `${options.label} must be at most ${max.toLocaleString('en-US')} dollars; "${text}" is too large`,
    );
  }
  return { value };
}

// ---------------------------------------------------------------------------------------------
// Codes

/**
 * A code in any case → upper case. Membership in the code list is left to the rules, which report it
 * with the field's own code (ACT-STATE-CODE, ACT-COUNTRY-CODE, ACT-CODE-UNKNOWN…) and the list.
 */
export function parseCodeCell(raw: string): CellResult<string> {
  const text = clean(raw);
  return text === '' ? EMPTY : { value: text.toUpperCase() };
}
