import { type Findings, type Requirement, readCount } from './activity-fields.rules';

// Calendar dates for the activity rules (activities.md §1.2, formats.md §2.8 and §9). Dates are
// 'YYYY-MM-DD' strings throughout; arithmetic goes through UTC so no time zone can shift a day.

export const EARLIEST_DATE = '2005-01-01';
/** The CURRENT rule set takes reporting years from 2022; older years come from legacy layouts. */
export const EARLIEST_CURRENT_END_DATE = '2022-01-01';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Uploads send US dates (formats.md §2.8); day-first dates are never guessed.
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export type DateParse = { ok: true; date: string } | { ok: false; reason: 'format' | 'invalid' };

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const formatDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function parseDate(raw: string): DateParse {
  const text = raw.trim();
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  if (!iso && !us) return { ok: false, reason: 'format' };
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(us![3]), Number(us![1]), Number(us![2])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: 'invalid' };
  return { ok: true, date: formatDate(y, m, d) };
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d + days); // setUTCFullYear, unlike Date.UTC, keeps years below 100
  return formatDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** "+ N years" keeps month and day; 29 February becomes 28 February (activities.md conventions). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const year = y + years;
  return formatDate(year, m, Math.min(d, daysInMonth(year, m)));
}

export const spanYears = (format: string): number => (format === 'EM' ? 3 : 1);

/** Last end date the span rule allows: start + 1 year − 1 day; EM start + 3 years − 1 day. */
export const lastAllowedEndDate = (startDate: string, format: string): string =>
  addDays(addYears(startDate, spanYears(format)), -1);

/** 31 December of the year of today + 3. */
export const latestAllowedDate = (today: string): string => `${yearOf(today) + 3}-12-31`;

export function readDate(
  f: Findings,
  path: string,
  raw: string | null | undefined,
  label: string,
): string | null | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const parsed = parseDate(raw);
  if (parsed.ok) return parsed.date;
  if (parsed.reason === 'format') {
    f.error(
      path,
      'ACT-DATE-FORMAT',
      `${label} must be a date written YYYY-MM-DD or MM/DD/YYYY, such as 2025-03-14`,
      raw,
    );
  } else {
    f.error(
      path,
      'ACT-DATE-INVALID',
      `${label} ${raw} is not a real calendar date; check the month and day`,
      raw,
    );
  }
  return undefined;
}

export type ActivityDates = { startDate: string | null | undefined; endDate: string | null | undefined };

/**
 * D3 and D4: both dates present and real, in range, in order and within the format's span.
 * `format` is undefined when it could not be read; the span check then has no limit to apply.
 * Legacy rule sets (`limits: false`) keep format, validity and order but skip the range and span
 * limits (formats.md §3.6: old PARS reported a multi-year activity once per year).
 */
export function readActivityDates(
  f: Findings,
  raw: { startDate?: string | null; endDate?: string | null },
  format: string | null | undefined,
  today: string,
  limits = true,
): ActivityDates {
  const startDate = readDate(f, 'startDate', raw.startDate, 'Start date');
  const endDate = readDate(f, 'endDate', raw.endDate, 'End date');
  if (startDate === null) f.error('startDate', 'ACT-REQUIRED', 'Start date is required (YYYY-MM-DD)');
  if (endDate === null) f.error('endDate', 'ACT-REQUIRED', 'End date is required (YYYY-MM-DD)');
  if (limits && startDate) checkDateRange(f, 'startDate', startDate, 'Start date', today);
  if (limits && endDate) checkDateRange(f, 'endDate', endDate, 'End date', today);
  if (startDate && endDate) checkOrderAndSpan(f, startDate, endDate, limits ? format : null);
  return { startDate, endDate };
}

function checkDateRange(f: Findings, path: string, date: string, label: string, today: string): void {
  const latest = latestAllowedDate(today);
  if (date < EARLIEST_DATE || date > latest) {
    f.error(path, 'ACT-DATE-RANGE', `${label} must be between ${EARLIEST_DATE} and ${latest}`, date);
  } else if (path === 'endDate' && date < EARLIEST_CURRENT_END_DATE) {
    f.error(
      path,
      'ACT-DATE-RANGE',
      `End date must be ${EARLIEST_CURRENT_END_DATE} or later; activities of earlier reporting years are loaded with the legacy PARS templates`,
      date,
    );
  }
}

function checkOrderAndSpan(
  f: Findings,
  startDate: string,
  endDate: string,
  format: string | null | undefined,
): void {
  if (endDate < startDate) {
    f.error(
      'endDate',
      'ACT-DATE-ORDER',
      `End date ${endDate} is before the start date ${startDate}; swap or correct them`,
      endDate,
    );
    return;
  }
  if (!format) return;
  const last = lastAllowedEndDate(startDate, format);
  if (endDate > last) {
    f.error(
      'endDate',
      'ACT-DATE-SPAN',
      `End date must not be more than ${spanYears(format) === 3 ? '3 years' : '1 year'} after the start date (EM: 3 years; other formats: 1 year), so ${last} at the latest; split longer activities into several records`,
      endDate,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Enduring materials across calendar years (activities.md §6; ACT-ENDURING-COUNTS and C9)

export type EnduringCountRecord = { year: number; physicianLearners: number; otherLearners: number };

type EnduringCountInput = { year: number; physicianLearners: number; otherLearners: number };

/** Cumulative counts at 31 December, one per calendar year of an EM, never falling; sorted by year. */
export function readEnduringCounts(
  f: Findings,
  raw: readonly EnduringCountInput[] | null | undefined,
  format: string | null | undefined,
  dates: ActivityDates,
): EnduringCountRecord[] {
  if (!raw?.length) return [];
  if (format && format !== 'EM') {
    f.error(
      'enduringCounts',
      'ACT-ENDURING-COUNTS',
      'Enduring counts apply only to enduring materials (format EM); remove them',
    );
    return [];
  }
  const first = dates.startDate ? yearOf(dates.startDate) : undefined;
  const last = dates.endDate ? yearOf(dates.endDate) : undefined;
  const entries: (EnduringCountRecord & { index: number })[] = [];
  for (const [i, e] of raw.entries()) {
    const path = `enduringCounts.${i}`;
    const physicians = readCount(
      f,
      `${path}.physicianLearners`,
      e.physicianLearners,
      'Cumulative physician learners',
    );
    const others = readCount(f, `${path}.otherLearners`, e.otherLearners, 'Cumulative other learners');
    if (first !== undefined && last !== undefined && (e.year < first || e.year > last)) {
      f.error(
        `${path}.year`,
        'ACT-ENDURING-COUNTS',
        `Enduring counts year must be between ${first} and ${last}, the years of the activity`,
        e.year,
      );
    } else if (entries.some((x) => x.year === e.year)) {
      f.error(
        `${path}.year`,
        'ACT-ENDURING-COUNTS',
        `Enduring counts for ${e.year} are given twice; give one entry per year`,
        e.year,
      );
    } else if (typeof physicians === 'number' && typeof others === 'number') {
      entries.push({ year: e.year, physicianLearners: physicians, otherLearners: others, index: i });
    }
  }
  entries.sort((a, b) => a.year - b.year);
  for (const [k, e] of entries.entries()) {
    const before = entries[k - 1];
    if (
      before &&
      (e.physicianLearners < before.physicianLearners || e.otherLearners < before.otherLearners)
    ) {
      f.error(
        `enduringCounts.${e.index}`,
        'ACT-ENDURING-COUNTS',
        `Enduring counts are cumulative: ${e.year} may not be lower than ${before.year}; give totals since release`,
      );
    }
  }
  return entries.map(({ index: _, ...e }) => e);
}

type EnduringActivity = {
  startDate: string;
  endDate: string;
  enduringCounts: readonly EnduringCountRecord[];
  physicianLearnerCount: number | null;
  otherLearnerCount: number | null;
};

/** C9, for an EM: an entry for every year it ran, and the last one equal to the learner counts. */
export function enduringRequirements(r: EnduringActivity): Requirement[] {
  const missing: Requirement[] = [];
  const years = new Set(r.enduringCounts.map((e) => e.year));
  const absent: number[] = [];
  for (let y = yearOf(r.startDate); y <= yearOf(r.endDate); y++) if (!years.has(y)) absent.push(y);
  if (absent.length > 0) {
    missing.push({
      requirement: 'C9',
      field: 'enduringCounts',
      message: `Give the cumulative counts at 31 December for ${absent.join(', ')}`,
    });
  }
  const last = r.enduringCounts[r.enduringCounts.length - 1];
  if (
    last &&
    (last.physicianLearners !== r.physicianLearnerCount || last.otherLearners !== r.otherLearnerCount)
  ) {
    missing.push({
      requirement: 'C9',
      field: 'enduringCounts',
      message: `The ${last.year} enduring counts must equal the physician and other learner counts`,
    });
  }
  return missing;
}
