// program.md §4.3: the annual report for year Y is due 31 March of Y+1 (23:59:59 America/Chicago),
// or the next business day when 31 March is not one. Business day = Monday–Friday and not a US federal
// holiday (decisions.md §20: a committed, tested rule set for the federal holidays of 5 U.S.C. 6103).

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

/** The n-th given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(y: number, m: number, dow: number, n: number): string {
  if (n > 0) {
    const first = weekday(y, m, 1);
    return iso(y, m, 1 + ((dow - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = weekday(y, m, lastDay);
  return iso(y, m, lastDay - ((last - dow + 7) % 7));
}

/** A fixed-date holiday on a Saturday is observed on the Friday before, on a Sunday the Monday after. */
function observed(y: number, m: number, d: number): string {
  const dow = weekday(y, m, d);
  const shift = dow === 6 ? -1 : dow === 0 ? 1 : 0;
  const date = new Date(Date.UTC(y, m - 1, d + shift));
  return date.toISOString().slice(0, 10);
}

export function federalHolidays(year: number): string[] {
  return [
    observed(year, 1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    ...(year >= 2021 ? [observed(year, 6, 19)] : []), // Juneteenth (from 2021)
    observed(year, 7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    observed(year, 11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
    observed(year, 12, 25), // Christmas Day
    observed(year + 1, 1, 1), // next New Year's Day observed on 31 December
  ].filter((d) => d.startsWith(`${year}-`));
}

export function isBusinessDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = weekday(y, m, d);
  return dow !== 0 && dow !== 6 && !federalHolidays(y).includes(date);
}

/** The default deadline date of reporting year `year`. */
export function defaultAnnualDeadline(year: number): string {
  const date = new Date(Date.UTC(year + 1, 2, 31));
  while (!isBusinessDay(date.toISOString().slice(0, 10))) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Reporting years from 2005 whose default deadline is before `today` (the deadline day itself is open). */
export function yearsPastDeadline(today: string): number[] {
  const years: number[] = [];
  for (let y = 2005; defaultAnnualDeadline(y) < today; y++) years.push(y);
  return years;
}
