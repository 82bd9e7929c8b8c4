import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateCell, parseDecimalCell } from './cells';
import {
  FORMULA_ERROR_TEXT,
  INVALID_DATE_TEXT,
  isDateFormat,
  isoDate,
  plainDecimal,
  serialToIsoDate,
  xlsxCellText,
} from './xlsx-cells';

// spec/formats.md §4.4: what each kind of XLSX cell reads as.

describe('plainDecimal', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [2.5, '2.5'],
    [-2.5, '-2.5'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [-1.25e-9, '-0.00000000125'],
    [12345678901, '12345678901'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [0.1 + 0.2, '0.3'],
    [1.1000000000000001, '1.1'],
    [123456789012345680, '123456789012346000'],
  ])('%s → %s', (n, text) => {
    expect(plainDecimal(n)).toBe(text);
  });

  it('never writes an exponent and keeps the value to 15 significant digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }), (n) => {
        const text = plainDecimal(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(Number(n.toPrecision(15)) || 0);
      }),
    );
  });

  it('reads as the same decimal the sheet parser accepts', () => {
    const parsed = parseDecimalCell(plainDecimal(1.25), { label: 'creditsDesignated', precision: 'current' });
    expect(parsed).toEqual({ value: 1.25 });
  });
});

describe('dates', () => {
  it('recognises date and time formats, not numbers or quoted text', () => {
    for (const f of ['mm-dd-yy', 'yyyy-mm-dd', 'd-mmm-yy', 'm/d/yyyy h:mm', '[$-409]mmmm d, yyyy', 'h:mm:ss'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of [undefined, '', 'General', '0.00', '#,##0', '0%', '"days" 0', '[Red]0.00', '0.0E+00'])
      expect(isDateFormat(f)).toBe(false);
  });

  it('writes ISO dates that parseDateCell accepts', () => {
    const text = isoDate(new Date(Date.UTC(2025, 2, 1)));
    expect(text).toBe('2025-03-01');
    expect(parseDateCell(text, { label: 'startDate', allowIso: true })).toEqual({ value: '2025-03-01' });
  });

  it('converts serial numbers in both date systems, dropping the time of day', () => {
    expect(serialToIsoDate(45717)).toBe('2025-03-01');
    expect(serialToIsoDate(45717.75)).toBe('2025-03-01');
    expect(serialToIsoDate(44255, true)).toBe('2025-03-01');
  });

  it('marks a date that is not a calendar date instead of leaving the cell empty', () => {
    expect(isoDate(new Date(Number.NaN))).toBe(INVALID_DATE_TEXT);
    expect(serialToIsoDate(1e9)).toBe(INVALID_DATE_TEXT);
  });
});

describe('xlsxCellText', () => {
  it('takes text as written, trimmed at the edges like a CSV field', () => {
    expect(xlsxCellText('007')).toBe('007');
    expect(xlsxCellText('  Grand rounds\u00a0')).toBe('Grand rounds');
    expect(xlsxCellText('Line one\nline two')).toBe('Line one\nline two');
  });

  it('writes numbers as plain decimals and date-formatted numbers as dates', () => {
    expect(xlsxCellText(1e-7)).toBe('0.0000001');
    expect(xlsxCellText(45717, 'mm-dd-yy')).toBe('2025-03-01');
    expect(xlsxCellText(new Date(Date.UTC(2025, 5, 15, 13, 30)))).toBe('2025-06-15');
  });

  it('writes TRUE and FALSE as Yes and No', () => {
    expect(xlsxCellText(true)).toBe('Yes');
    expect(xlsxCellText(false)).toBe('No');
  });

  it('reads empty cells as empty', () => {
    expect(xlsxCellText(null)).toBe('');
    expect(xlsxCellText(undefined)).toBe('');
  });

  it('joins rich text runs, and gives error cells their error text', () => {
    expect(xlsxCellText({ richText: [{ text: 'Grand ' }, { font: { bold: true }, text: 'rounds' }] })).toBe(
      'Grand rounds',
    );
    expect(xlsxCellText({ error: '#N/A' })).toBe('#N/A');
  });

  it('reads a formula by its cached result, with the same conversions', () => {
    expect(xlsxCellText({ formula: 'A1*2', result: 3 })).toBe('3');
    expect(xlsxCellText({ formula: 'A1*2', result: 0 })).toBe('0');
    expect(xlsxCellText({ formula: 'A1&""', result: ' text ' })).toBe('text');
    expect(xlsxCellText({ formula: 'TODAY()', result: 45717 }, 'm/d/yyyy')).toBe('2025-03-01');
    expect(xlsxCellText({ sharedFormula: 'B2', result: 1e-7 })).toBe('0.0000001');
    expect(xlsxCellText({ formula: 'NA()', result: Number.NaN })).toBe(FORMULA_ERROR_TEXT);
    // a formula written by a program and never calculated has no cached value
    expect(xlsxCellText({ formula: 'A1*2' })).toBe('');
  });

  it('reads a hyperlink by its text', () => {
    expect(xlsxCellText({ text: 'Course page', hyperlink: 'https://example.org' })).toBe('Course page');
  });
});
