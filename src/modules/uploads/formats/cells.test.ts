import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CellResult,
  hasControlChar,
  isCellError,
  parseCodeCell,
  parseDateCell,
  parseDecimalCell,
  parseIntegerCell,
  parseMoneyCell,
  parseTextCell,
  parseYesNoCell,
  parseYesNoOrTextCell,
  splitNames,
} from './cells';

// spec/formats.md §2.8 value syntax.

const codeOf = <T>(r: CellResult<T>) => (isCellError(r) ? r.error.code : null);
const cellValue = <T>(r: CellResult<T>) => (isCellError(r) ? undefined : r.value);

describe('dates (§2.8)', () => {
  const us = (raw: string) => parseDateCell(raw, { label: 'Activity Date (column 6)' });
  const sheet = (raw: string) => parseDateCell(raw, { label: 'startDate', allowIso: true });

  it.each([
    ['03/18/2016', '2016-03-18'],
    ['3/8/2016', '2016-03-08'],
    ['12/31/2021', '2021-12-31'],
    ['02/29/2016', '2016-02-29'],
    [' 1/1/2015 ', '2015-01-01'],
    ['', null],
  ])('US form %j → %j', (raw, expected) => {
    expect(us(raw)).toEqual({ value: expected });
  });

  it.each([
    ['2016-03-18', 'ACT-DATE-FORMAT', 'ISO only in OpenPARS sheets'],
    ['03-18-2016', 'ACT-DATE-FORMAT', 'dashes'],
    ['03/18/16', 'ACT-DATE-FORMAT', '2-digit year'],
    ['March 18, 2016', 'ACT-DATE-FORMAT', 'words'],
    ['18.03.2016', 'ACT-DATE-FORMAT', 'dots'],
    ['02/30/2016', 'ACT-DATE-INVALID', 'impossible day'],
    ['02/29/2015', 'ACT-DATE-INVALID', 'not a leap year'],
    ['26/03/2024', 'ACT-DATE-INVALID', 'day-first is never guessed'],
    ['00/10/2016', 'ACT-DATE-INVALID', 'month 0'],
    ['04/31/2016', 'ACT-DATE-INVALID', '30-day month'],
  ])('%j fails with %s (%s)', (raw, code) => {
    expect(codeOf(us(raw))).toBe(code);
  });

  it('names the field, the accepted form and suggests the month-first reading', () => {
    const r = us('26/03/2024');
    expect(isCellError(r) && r.error.message).toMatch(
      /^Activity Date \(column 6\) .*did you mean 03\/26\/2024\?/,
    );
    const f = us('2016-03-18');
    expect(isCellError(f) && f.error.message).toContain('MM/DD/YYYY');
  });

  it('OpenPARS sheets also take YYYY-MM-DD, still checked for reality', () => {
    expect(sheet('2024-03-26')).toEqual({ value: '2024-03-26' });
    expect(sheet('03/26/2024')).toEqual({ value: '2024-03-26' });
    expect(codeOf(sheet('2023-02-29'))).toBe('ACT-DATE-INVALID');
    expect(codeOf(sheet('2024-3-26'))).toBe('ACT-DATE-FORMAT');
  });

  it('other channels can name their own codes', () => {
    const codes = { format: 'LRN-DATE-FORMAT', invalid: 'LRN-DATE-FORMAT' };
    expect(codeOf(parseDateCell('26/03/2024', { label: 'CompletionDate', codes }))).toBe('LRN-DATE-FORMAT');
  });

  it('every real date round-trips through MM/DD/YYYY', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2005-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-');
          expect(us(`${m}/${day}/${y}`)).toEqual({ value: iso });
          expect(us(`${Number(m)}/${Number(day)}/${y}`)).toEqual({ value: iso });
        },
      ),
    );
  });
});

describe('Yes/No (§2.8)', () => {
  const yn = (raw: string) => parseYesNoCell(raw, { label: 'Commercial Support Received? (column 15)' });
  it.each([
    ['Yes', true],
    ['yes', true],
    ['Y', true],
    ['true', true],
    ['TRUE', true],
    ['No', false],
    ['n', false],
    ['False', false],
    ['', null],
  ])('%j → %j', (raw, value) => {
    expect(yn(raw)).toEqual({ value });
  });
  it.each(['Maybe', '1', '0', 'x', 'Yes.'])('%j fails with ACT-BOOLEAN', (raw) => {
    const r = yn(raw);
    expect(codeOf(r)).toBe('ACT-BOOLEAN');
    expect(isCellError(r) && r.error.message).toMatch(
      /^Commercial Support Received\? \(column 15\) must be Yes or No/,
    );
  });
  it('"Yes/No or text" keeps a description as text, within its length', () => {
    const other = (raw: string) => parseYesNoOrTextCell(raw, { label: 'Sub-category: Other', max: 200 });
    expect(other('no')).toEqual({ value: false });
    expect(other('Journal club')).toEqual({ value: 'Journal club' });
    expect(codeOf(other('x'.repeat(201)))).toBe('ACT-TEXT-LENGTH');
    expect(codeOf(other('a\tb'))).toBe('FMT-CONTROL-CHAR');
  });
});

describe('decimals (§2.8, §3.6)', () => {
  const legacy = (raw: string) =>
    parseDecimalCell(raw, { label: 'Hours of Instruction', precision: 'legacy' });
  const current = (raw: string) =>
    parseDecimalCell(raw, { label: 'creditsDesignated', precision: 'current' });

  it.each([
    ['14.5', 14.5],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['52', 52],
    ['1.33', 1.33],
    ['1.500', 1.5],
    ['007', 7],
    ['', null],
  ])('legacy %j → %j', (raw, value) => {
    expect(legacy(raw)).toEqual({ value });
  });

  it.each([
    ['1,5', 'ACT-NUMBER-FORMAT'],
    ['1,040.5', 'ACT-NUMBER-FORMAT'],
    ['$14', 'ACT-NUMBER-FORMAT'],
    ['two', 'ACT-NUMBER-FORMAT'],
    ['1e3', 'ACT-NUMBER-FORMAT'],
    ['.', 'ACT-NUMBER-FORMAT'],
    ['+2', 'ACT-NUMBER-FORMAT'],
    ['-2', 'ACT-NUMBER-RANGE'],
    ['-0.5', 'ACT-NUMBER-RANGE'],
    ['1.125', 'ACT-CREDIT-PRECISION'],
  ])('legacy %j fails with %s', (raw, code) => {
    expect(codeOf(legacy(raw))).toBe(code);
  });

  it('current precision also needs multiples of 0.25; legacy does not', () => {
    expect(current('1.25')).toEqual({ value: 1.25 });
    expect(current('2.5')).toEqual({ value: 2.5 });
    expect(codeOf(current('1.33'))).toBe('ACT-CREDIT-PRECISION');
    expect(codeOf(current('1.1'))).toBe('ACT-CREDIT-PRECISION');
    expect(legacy('1.1')).toEqual({ value: 1.1 });
  });

  it('a maximum is a range check', () => {
    expect(codeOf(parseDecimalCell('1000', { label: 'x', precision: 'current', max: 999.75 }))).toBe(
      'ACT-NUMBER-RANGE',
    );
    expect(codeOf(legacy('9'.repeat(400)))).toBe('ACT-NUMBER-RANGE');
  });

  it('any value with at most 2 decimals reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (hundredths) => {
        const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
        expect(cellValue(legacy(text))).toBe(hundredths / 100);
      }),
    );
  });
});

describe('integers (§2.8)', () => {
  const int = (raw: string) => parseIntegerCell(raw, { label: '# of Physicians' });
  it.each([
    ['1040', 1040],
    ['0', 0],
    ['00012', 12],
    ['', null],
  ])('%j → %j', (raw, value) => {
    expect(int(raw)).toEqual({ value });
  });
  it.each([
    ['1,040', 'ACT-NUMBER-FORMAT'],
    ['two', 'ACT-NUMBER-FORMAT'],
    ['12.0', 'ACT-NUMBER-FORMAT'],
    ['1 040', 'ACT-NUMBER-FORMAT'],
    ['-5', 'ACT-NUMBER-RANGE'],
    ['99999999999999999999', 'ACT-NUMBER-RANGE'],
  ])('%j fails with %s', (raw, code) => {
    expect(codeOf(int(raw))).toBe(code);
  });
  it('a maximum is a range check', () => {
    expect(codeOf(parseIntegerCell('10000001', { label: 'x', max: 10_000_000 }))).toBe('ACT-NUMBER-RANGE');
  });
});

describe('money (§2.8)', () => {
  const money = (raw: string) =>
    parseMoneyCell(raw, { label: 'Monetary Amount Received (for Support Source)' });
  it.each([
    ['25000', 25000],
    ['25000.0', 25000],
    ['25000.00', 25000],
    ['0', 0],
    ['', null],
  ])('%j → %j', (raw, value) => {
    expect(money(raw)).toEqual({ value });
  });
  it.each([
    ['$5,000', 'ACT-AMOUNT-FORMAT'],
    ['5,000', 'ACT-AMOUNT-FORMAT'],
    ['25000.50', 'ACT-AMOUNT-FORMAT'],
    ['25000.000', 'ACT-AMOUNT-FORMAT'],
    ['USD 10', 'ACT-AMOUNT-FORMAT'],
    ['-500', 'ACT-NUMBER-RANGE'],
  ])('%j fails with %s', (raw, code) => {
    expect(codeOf(money(raw))).toBe(code);
  });
  it('says what to write', () => {
    const r = money('$5,000');
    expect(isCellError(r) && r.error.message).toMatch(
      /whole US dollars.*without "\$", commas or cents, such as 25000/,
    );
  });
});

describe('codes, text and names', () => {
  it('codes are read in any case; membership is left to the rules', () => {
    expect(parseCodeCell(' rss ')).toEqual({ value: 'RSS' });
    expect(parseCodeCell('Xyz')).toEqual({ value: 'XYZ' });
    expect(parseCodeCell('')).toEqual({ value: null });
  });

  it('text is trimmed of spaces and U+00A0 only; with a maximum it is checked', () => {
    expect(parseTextCell('\u00a0 a  b \u00a0')).toEqual({ value: 'a  b' });
    expect(parseTextCell('   ')).toEqual({ value: null });
    expect(codeOf(parseTextCell('abc', { label: 'x', max: 2 }))).toBe('ACT-TEXT-LENGTH');
    expect(parseTextCell('a\nb', { label: 'x', max: 10, allowLineBreaks: true })).toEqual({ value: 'a\nb' });
    expect(codeOf(parseTextCell('a\nb', { label: 'x', max: 10 }))).toBe('FMT-CONTROL-CHAR');
    expect(hasControlChar('a\u0001b')).toBe(true);
  });

  it('lengths count characters, not UTF-16 units', () => {
    expect(parseTextCell('😀'.repeat(200), { label: 'x', max: 200 })).toEqual({ value: '😀'.repeat(200) });
  });

  it('names are separated by ";"; sheets may escape a literal ";"', () => {
    expect(splitNames(' Midwest Pain Society ; ; Acme, Inc. ')).toEqual([
      'Midwest Pain Society',
      'Acme, Inc.',
    ]);
    expect(splitNames('')).toEqual([]);
    expect(splitNames('A\\; B;C', { escapes: true })).toEqual(['A; B', 'C']);
    expect(splitNames('A\\; B;C')).toEqual(['A\\', 'B', 'C']);
  });
});
