import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_MAX_BYTES, StreamingOrder, xlsxLimitsFor } from './xlsx-container';

// spec/formats.md §8.2 container limits, and the part order exceljs's streaming reader depends on.
// The limits are exercised on real workbooks in xlsx.adapter.test.ts.

describe('xlsxLimitsFor', () => {
  it('allows 10 × UPLOAD_MAX_BYTES inflated, 256 MiB of shared strings, 1,100,000 rows, 500 columns', () => {
    expect(DEFAULT_UPLOAD_MAX_BYTES).toBe(200 * 1024 * 1024);
    expect(xlsxLimitsFor(DEFAULT_UPLOAD_MAX_BYTES)).toEqual({
      maxInflatedBytes: 2000 * 1024 * 1024,
      maxSharedStringsBytes: 256 * 1024 * 1024,
      maxRows: 1_100_000,
      maxColumns: 500,
    });
  });
});

const problemOf = (names: string[], hasStyles = names.includes('xl/styles.xml')) => {
  const order = new StreamingOrder(hasStyles);
  for (const n of names) order.entry(n);
  return order.problem;
};

describe('StreamingOrder', () => {
  it('accepts sheets that exceljs parks until the end', () => {
    // Excel's usual order: the sheets come before the styles and the shared strings
    expect(
      problemOf([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/worksheets/sheet1.xml',
        'xl/theme/theme1.xml',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
      ]),
    ).toBeNull();
    // the list of sheets last
    expect(
      problemOf([
        'xl/worksheets/sheet1.xml',
        'xl/sharedStrings.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
      ]),
    ).toBeNull();
  });

  it('accepts a sheet streamed on the spot after everything it needs', () => {
    expect(
      problemOf([
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    ).toBeNull();
  });

  it('refuses a sheet streamed on the spot before the styles or the list of sheets', () => {
    expect(
      problemOf([
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
        'xl/styles.xml',
      ]),
    ).toBe('xl/worksheets/sheet1.xml comes before xl/styles.xml');
    expect(
      problemOf([
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet2.xml',
        'xl/workbook.xml',
      ]),
    ).toBe('xl/worksheets/sheet2.xml comes before xl/workbook.xml');
  });

  it('does not need styles that the workbook does not have', () => {
    expect(
      problemOf([
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    ).toBeNull();
  });
});
