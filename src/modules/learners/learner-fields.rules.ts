import { parseDate } from '../activities/activity-dates.rules';
import {
  charLength,
  type Findings,
  fromHundredths,
  hasControlChar,
  isQuarterStep,
  trimText,
} from '../activities/activity-fields.rules';

// Field readers for learner rows. Same convention as activity-fields.rules.ts:
//   a value → the normalised value; null → nothing given; undefined → given but unreadable, and the
//   reason has been reported, so later checks that need the value are skipped instead of piling up.

export type Raw = string | number | null | undefined;

/** Trimmed text, or null when absent or blank. */
export function present(raw: Raw): string | null {
  if (raw === null || raw === undefined) return null;
  const value = trimText(String(raw));
  return value === '' ? null : value;
}

// ---------------------------------------------------------------------------------------------
// Names and birth month/day

// Letters of any script (with their combining marks, for names typed in decomposed form), spaces,
// hyphen, both apostrophes and the period of initials (learners.md §2).
const NAME = /^[\p{L}\p{M} '’.-]+$/u;

export function readName(f: Findings, path: string, raw: Raw, label: string): string | null | undefined {
  const value = present(raw);
  if (value === null) {
    f.error(path, 'LRN-REQUIRED', `${label} is required (1–50 characters)`);
    return null;
  }
  const length = charLength(value);
  // a name needs at least one letter: "..." would fold to an empty key part
  if (length > 50 || !NAME.test(value) || !/\p{L}/u.test(value) || hasControlChar(value)) {
    const problem = length > 50 ? `is ${length} characters long` : 'has other characters';
    f.error(
      path,
      'LRN-NAME-FORMAT',
      `${label} must be 1–50 characters of letters, spaces, hyphens, apostrophes and periods; it ${problem}`,
      raw,
    );
    return undefined;
  }
  return value;
}

const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})$/;
const WITH_YEAR = /^\d{1,2}\/\d{1,2}\/\d{2,4}$|^\d{4}-\d{2}-\d{2}$/;
// A leap year, so that 02/29 is a real birthday.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `M/D` or `MM/DD` → `MM/DD`; the year is never taken (learners.md §2). */
export function parseMonthDay(raw: string): string | undefined {
  const match = MONTH_DAY.exec(raw.trim());
  if (!match) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return undefined;
  return `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

export function readBirthMonthDay(f: Findings, raw: Raw): string | null | undefined {
  const value = present(raw);
  if (value === null) {
    f.error('birthMonthDay', 'LRN-REQUIRED', 'Birth month and day are required as MM/DD, such as 04/23');
    return null;
  }
  const parsed = parseMonthDay(value);
  if (parsed) return parsed;
  const why = WITH_YEAR.test(value)
    ? 'leave out the year'
    : MONTH_DAY.test(value)
      ? 'that day does not exist'
      : `"${value}" is not`;
  f.error('birthMonthDay', 'LRN-DOB-FORMAT', `Birth month and day must be MM/DD, such as 04/23; ${why}`, raw);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates

const ISO_FORM = /^\d{4}-\d{2}-\d{2}$/;

export function readCompletionDate(f: Findings, raw: Raw, usDatesOnly: boolean): string | null | undefined {
  const value = present(raw);
  if (value === null) {
    f.error('completionDate', 'LRN-REQUIRED', 'Completion date is required, such as 03/18/2025');
    return null;
  }
  const forms = usDatesOnly
    ? 'M/D/YYYY or MM/DD/YYYY (month first)'
    : 'MM/DD/YYYY (month first) or YYYY-MM-DD';
  const parsed = usDatesOnly && ISO_FORM.test(value) ? null : parseDate(value);
  if (parsed?.ok) return parsed.date;
  const message =
    parsed?.reason === 'invalid'
      ? `Completion date "${value}" is not a real calendar date; check the month and day (month comes first)`
      : `Completion date must be written ${forms}, such as 03/18/2025; "${value}" is not`;
  f.error('completionDate', 'LRN-DATE-FORMAT', message, raw);
  return undefined;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------
// Credits and points

// as the activity sheets read decimals (cells.ts, formats.md §2.8): no `+`, a `-` fails the range check
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

export type AmountLabel = { path: string; label: string };

/**
 * A credit or point amount as integer hundredths. Strings come from files, numbers from JSON; both
 * follow LRN-CREDIT-FORMAT → LRN-CREDIT-RANGE → LRN-CREDIT-PRECISION, first failure only, since a
 * value that is not a number has no range worth reporting.
 */
export function readAmount(f: Findings, raw: Raw, { path, label }: AmountLabel): number | null | undefined {
  const value = present(raw);
  if (value === null) return null;
  const parsed = parseAmount(raw as string | number);
  if (parsed === 'format') {
    f.error(path, 'LRN-CREDIT-FORMAT', `${label} must be a number such as 1.5; "${value}" is not`, raw);
    return undefined;
  }
  if (parsed.positive === false) {
    f.error(
      path,
      'LRN-CREDIT-RANGE',
      `${label} must be more than 0; leave it empty when none is claimed`,
      raw,
    );
    return undefined;
  }
  if (parsed.hundredths === undefined || !isQuarterStep(parsed.hundredths)) {
    f.error(
      path,
      'LRN-CREDIT-PRECISION',
      `${label} must be in steps of 0.25 with at most 2 decimals, such as 1.25; "${value}" is not`,
      raw,
    );
    return undefined;
  }
  return parsed.hundredths;
}

type ParsedAmount = 'format' | { positive: boolean; hundredths: number | undefined };

/** Reads the decimal as written, so 0.1 + 0.2 in JSON is not rounded into a valid 0.30. */
export function parseAmount(raw: string | number): ParsedAmount {
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : raw.trim();
  if (/e/i.test(text)) return Number.isFinite(Number(text)) ? exponentAmount(Number(text)) : 'format';
  if (!DECIMAL.test(text)) return 'format';
  const negative = text.startsWith('-');
  const [whole = '', decimals = ''] = text.replace(/^-/, '').split('.');
  const places = decimals.replace(/0+$/, ''); // 1.250 is written 1.25 by another program
  const hundredths =
    places.length > 2 ? undefined : Number(whole || '0') * 100 + Number(places.padEnd(2, '0'));
  const positive = !negative && Number(text) > 0;
  return { positive, hundredths };
}

function exponentAmount(x: number): ParsedAmount {
  const hundredths = Math.round(x * 100);
  return { positive: x > 0, hundredths: Math.abs(x * 100 - hundredths) < 1e-9 ? hundredths : undefined };
}

export const amountText = (hundredths: number): string => String(fromHundredths(hundredths));

// ---------------------------------------------------------------------------------------------
// Lists

/** Codes from a list or from a file cell separated by `,` or `;` (learners.md §2). */
export function splitCodes(raw: string | readonly string[] | null | undefined): string[] {
  if (raw === null || raw === undefined) return [];
  const items = typeof raw === 'string' ? raw.split(/[,;]/) : raw;
  return items.map((item) => trimText(item)).filter((item) => item !== '');
}
