import { describe, expect, it } from 'vitest';
import { csvCell, reportCsvLines } from './report.csv';

describe('report.csv', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', `"'+1"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
  ])('makes %j safe for Excel', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes one line per message and one for a row without messages', () => {
    expect(
      reportCsvLines({
        row: 3,
        key: 'A-1',
        outcome: 'ADDED',
        status: 'ACTIVE',
        errors: [],
        warnings: [],
        missing: [],
      }),
    ).toEqual(['3,A-1,ADDED,ACTIVE,,,,,,']);
    const lines = reportCsvLines({
      row: 4,
      key: 'A-2',
      outcome: 'REJECTED',
      status: null,
      errors: [
        {
          code: 'ACT-STATE-CODE',
          path: 'state',
          columnName: 'state',
          value: 'XX',
          message: 'State must be a 2-letter USPS code such as GA',
        },
      ],
      warnings: [{ code: 'ACT-VALUE-IGNORED', path: 'city', message: 'City ignored' }],
      missing: [],
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '4,A-2,REJECTED,,error,ACT-STATE-CODE,state,state,XX,State must be a 2-letter USPS code such as GA',
    );
  });
});
