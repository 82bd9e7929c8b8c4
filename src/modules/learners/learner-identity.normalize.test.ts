import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npiFrom } from './learner-identity.fixtures';
import {
  foldLastName,
  foldName,
  isValidNpi,
  normalizeBirthMonthDay,
  normalizeIdentifier,
  normalizeNpi,
  stripNameSuffix,
  withoutLeadingZeros,
} from './learner-identity.normalize';

// learners.md §5 comparison rules.

describe('last-name suffix (one trailing word, after a space or a comma)', () => {
  it.each([
    ['Smith Jr', 'Smith'],
    ['Smith Jr.', 'Smith'],
    ['Smith, Jr.', 'Smith'],
    ['Smith,Jr', 'Smith'],
    ['smith JR', 'smith'],
    ['Smith Sr.', 'Smith'],
    ['Smith II', 'Smith'],
    ['Smith III', 'Smith'],
    ['Smith IV', 'Smith'],
    ['Smith MD', 'Smith'],
    ['Smith, M.D', 'Smith, M.D'], // "M.D" is not the word MD
    ['Smith DO', 'Smith'],
    ['Smith Jr III', 'Smith Jr'], // only one word goes
    ['Do', 'Do'], // a surname that is a suffix word stays
    ['Jr', 'Jr'],
    ['Smithjr', 'Smithjr'], // not separated
    ['Smith-Jr', 'Smith-Jr'], // a hyphen is not a separator
    ['Dodo', 'Dodo'],
  ])('%s → %s', (name, expected) => {
    expect(stripNameSuffix(name)).toBe(expected);
  });
});

describe('name folding', () => {
  it.each([
    ['José', 'jose'],
    ['JOSÉ', 'jose'],
    ['Anne-Marie', 'annemarie'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['Zoë', 'zoe'],
    ['Łukasz', 'łukasz'], // Ł has no decomposition: it stays a letter of its own
    ['ﬁona', 'fiona'], // NFKD splits the ligature
    ['Μαρία', 'μαρια'], // letters of any script stay
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['Οδυσσευς', 'οδυσσευσ'],
    ['李 小龍', '李小龍'],
    ['Mary Ann 2', 'maryann'],
  ])('%s → %s', (name, expected) => {
    expect(foldName(name)).toBe(expected);
  });

  it('a last name loses its suffix before folding', () => {
    expect(foldLastName('García, Jr.')).toBe('garcia');
    expect(foldLastName('Nguyen Do')).toBe('nguyen');
    expect(foldLastName('Do')).toBe('do');
  });

  it('is idempotent and leaves only lower-case letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const once = foldName(s);
        expect(foldName(once)).toBe(once);
        expect(once).toMatch(/^\p{L}*$/u);
      }),
    );
  });
});

describe('birth month/day', () => {
  it.each([
    ['3/7', '03/07'],
    ['03/07', '03/07'],
    [' 3/07 ', '03/07'],
    ['12/31', '12/31'],
    ['2/29', '02/29'],
    ['02/30', null],
    ['13/01', null],
    ['0/5', null],
    ['03/07/1970', null],
    ['March 7', null],
    ['', null],
  ])('%s → %s', (value, expected) => {
    expect(normalizeBirthMonthDay(value)).toBe(expected);
  });
});

describe('license number and board ID', () => {
  it.each([
    ['ab-12 34', 'AB1234'],
    ['A.B/12-34', 'AB1234'],
    ['  00123 ', '00123'],
  ])('%s → %s', (value, expected) => {
    expect(normalizeIdentifier(value)).toBe(expected);
  });

  it('the fallback form drops leading zeros only', () => {
    expect(withoutLeadingZeros('00123')).toBe('123');
    expect(withoutLeadingZeros('A00123')).toBe('A00123');
    expect(withoutLeadingZeros('1230')).toBe('1230');
    expect(withoutLeadingZeros('000')).toBe('');
  });
});

describe('NPI (Luhn with the 80840 prefix)', () => {
  it('accepts the CMS example 1234567893 and refuses its neighbours', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678930')).toBe(false);
  });

  it('exactly one check digit fits any nine digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const valid = Array.from({ length: 10 }, (_, d) => `${nine}${d}`).filter(isValidNpi);
        expect(valid).toEqual([npiFrom(nine)]);
      }),
    );
  });

  it('compares in 10-digit form; an invalid NPI has no form', () => {
    expect(normalizeNpi('123-456-7893')).toBe('1234567893');
    expect(normalizeNpi('1234567890')).toBeNull();
    expect(normalizeNpi(null)).toBeNull();
  });
});
