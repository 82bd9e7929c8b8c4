import { describe, expect, it } from 'vitest';
import { defaultAnnualDeadline, federalHolidays, isBusinessDay, yearsPastDeadline } from './deadline.rules';

describe('annual deadline (program.md §4.3)', () => {
  it('moves a Sunday 31 March to Monday 1 April (the spec’s example for 2023)', () => {
    expect(defaultAnnualDeadline(2023)).toBe('2024-04-01');
  });

  it.each([
    [2019, '2020-03-31'], // Tuesday
    [2020, '2021-03-31'], // Wednesday
    [2021, '2022-03-31'], // Thursday
    [2022, '2023-03-31'], // Friday
    [2024, '2025-03-31'], // Monday
    [2025, '2026-03-31'], // Tuesday
    [2027, '2028-03-31'], // Friday
    [2029, '2030-04-01'], // 31 March 2030 is a Sunday
    [2026, '2027-03-31'], // Wednesday
  ])('year %i is due %s', (year, due) => {
    expect(defaultAnnualDeadline(year)).toBe(due);
  });

  it('knows the federal holidays, observed on the nearest weekday', () => {
    expect(federalHolidays(2023)).toEqual([
      '2023-01-02', // New Year's Day (Sunday) observed Monday
      '2023-01-16',
      '2023-02-20',
      '2023-05-29',
      '2023-06-19',
      '2023-07-04',
      '2023-09-04',
      '2023-10-09',
      '2023-11-10', // Veterans Day (Saturday) observed Friday
      '2023-11-23',
      '2023-12-25',
    ]);
    expect(federalHolidays(2021)).toContain('2021-12-31'); // New Year 2022 (Saturday) observed
    expect(federalHolidays(2020)).not.toContain('2020-06-19'); // Juneteenth from 2021
    expect(isBusinessDay('2024-07-04')).toBe(false);
    expect(isBusinessDay('2024-07-05')).toBe(true);
    expect(isBusinessDay('2024-07-06')).toBe(false);
  });

  it('lists the years whose deadline has passed, the deadline day itself still open', () => {
    expect(yearsPastDeadline('2024-04-01').at(-1)).toBe(2022);
    expect(yearsPastDeadline('2024-04-02').at(-1)).toBe(2023);
    expect(yearsPastDeadline('2024-04-02')[0]).toBe(2005);
  });
});
