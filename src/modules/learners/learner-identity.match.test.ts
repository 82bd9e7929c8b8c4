import { describe, expect, it } from 'vitest';
import {
  boardDestination,
  diplomate,
  JANE,
  licensee,
  npiFrom,
  stateDestination,
} from './learner-identity.fixtures';
import { lookupKeys, rosterEntryKeys } from './learner-identity.keys';
import { matchDestination } from './learner-identity.match';
import { defaultIdentityPolicy, effectiveBoardPolicy } from './learner-identity.policy';
import type {
  DestinationIdentity,
  DestinationMatch,
  LearnerIdentity,
  RosterEntry,
} from './learner-identity.types';

// learners.md §5 policy table and formats.md §9 IDN-* codes.

type Case = [
  name: string,
  identity: Partial<LearnerIdentity>,
  destination: DestinationIdentity,
  roster: RosterEntry[],
  expected: string,
];

/** A compact form of a result: `MATCH d-1`, `NO_MATCH IDN-NAME-MISMATCH(lastName)`, `AMBIGUOUS`. */
function summary(m: DestinationMatch): string {
  if (m.result === 'MATCH') return `MATCH ${m.entryId}`;
  if (m.result === 'AMBIGUOUS') return 'AMBIGUOUS';
  return `NO_MATCH ${m.reasons.map((r) => (r.code === 'IDN-NAME-MISMATCH' ? `${r.code}(${r.fields.join(',')})` : r.code)).join(' ')}`;
}

function run([, identity, destination, roster, expected]: Case) {
  expect(summary(matchDestination({ ...JANE, ...identity }, destination, roster))).toBe(expected);
}

const strict = (id: string | null) => boardDestination(id, 'STRICT');
const abp = (id: string | null) => boardDestination(id, 'ID_NAMES_OR_DOB');
const NPI = npiFrom('123456789');
const OTHER_NPI = npiFrom('987654321');

describe('STRICT: the board ID finds the entry; first name, last name and birth month/day all match', () => {
  it.each<Case>([
    ['everything matches', {}, strict('123456'), [diplomate()], 'MATCH d-1'],
    ['ID written differently', {}, strict(' 12-34.56 '), [diplomate()], 'MATCH d-1'],
    ['ID letters in another case', {}, strict('ab-12'), [diplomate({ boardId: 'AB12' })], 'MATCH d-1'],
    ['no entry with the ID', {}, strict('999'), [diplomate()], 'NO_MATCH IDN-NOT-FOUND'],
    ['empty roster', {}, strict('123456'), [], 'NO_MATCH IDN-NOT-FOUND'],
    [
      'last name differs',
      { lastName: 'Smyth' },
      strict('123456'),
      [diplomate()],
      'NO_MATCH IDN-NAME-MISMATCH(lastName)',
    ],
    [
      'first name differs',
      { firstName: 'Joan' },
      strict('123456'),
      [diplomate()],
      'NO_MATCH IDN-NAME-MISMATCH(firstName)',
    ],
    [
      'both names differ',
      { firstName: 'Joan', lastName: 'Smyth' },
      strict('123456'),
      [diplomate()],
      'NO_MATCH IDN-NAME-MISMATCH(firstName,lastName)',
    ],
    [
      'names swapped',
      { firstName: 'Smith', lastName: 'Jane' },
      strict('123456'),
      [diplomate()],
      'NO_MATCH IDN-NAME-MISMATCH(firstName,lastName)',
    ],
    [
      'birth date differs',
      { birthMonthDay: '03/08' },
      strict('123456'),
      [diplomate()],
      'NO_MATCH IDN-DOB-MISMATCH',
    ],
    [
      'every comparison fails: each is reported',
      { firstName: 'Joan', birthMonthDay: '07/03' },
      strict('123456'),
      [diplomate()],
      'NO_MATCH IDN-NAME-MISMATCH(firstName) IDN-DOB-MISMATCH',
    ],
    ['birth date unpadded', { birthMonthDay: '3/7' }, strict('123456'), [diplomate()], 'MATCH d-1'],
    ['suffix on the row', { lastName: 'Smith, Jr.' }, strict('123456'), [diplomate()], 'MATCH d-1'],
    ['suffix on the roster', {}, strict('123456'), [diplomate({ lastName: 'Smith III' })], 'MATCH d-1'],
    [
      'accents, case and punctuation',
      { firstName: 'JOSÉ-LUIS', lastName: "o'brien" },
      strict('123456'),
      [diplomate({ firstName: 'Jose Luis', lastName: 'OBrien' })],
      'MATCH d-1',
    ],
    [
      'a former last name in otherNames',
      { lastName: 'Jones' },
      strict('123456'),
      [diplomate({ otherNames: ['Jones'] })],
      'MATCH d-1',
    ],
    [
      'a nickname in otherNames',
      { firstName: 'Janie' },
      strict('123456'),
      [diplomate({ otherNames: ['Janie'] })],
      'MATCH d-1',
    ],
    [
      'a full other name',
      { firstName: 'Jane', lastName: 'Jones' },
      strict('123456'),
      [diplomate({ otherNames: ['Jane Jones'] })],
      'MATCH d-1',
    ],
    [
      'otherNames do not excuse a birth date',
      { lastName: 'Jones', birthMonthDay: '03/08' },
      strict('123456'),
      [diplomate({ otherNames: ['Jones'] })],
      'NO_MATCH IDN-DOB-MISMATCH',
    ],
    [
      'a RETIRED entry identifies nobody',
      {},
      strict('123456'),
      [diplomate({ rosterState: 'RETIRED' })],
      'NO_MATCH IDN-NOT-FOUND',
    ],
    [
      'an INACTIVE diplomate is still the person',
      {},
      strict('123456'),
      [diplomate({ status: 'INACTIVE' })],
      'MATCH d-1',
    ],
    ['licensee entries are not a board roster', {}, strict('A12345'), [licensee()], 'NO_MATCH IDN-NOT-FOUND'],
    [
      'a name that is only punctuation never matches',
      { firstName: '..' },
      strict('123456'),
      [diplomate({ firstName: '-' })],
      'NO_MATCH IDN-NAME-MISMATCH(firstName)',
    ],
  ])('%s', (...c) => run(c));
});

describe('leading zeros: compared again without them, and only a single hit is accepted', () => {
  it.each<Case>([
    ['row without, roster with', {}, strict('1234'), [diplomate({ boardId: '001234' })], 'MATCH d-1'],
    ['row with, roster without', {}, strict('0-01234'), [diplomate({ boardId: '1234' })], 'MATCH d-1'],
    [
      'two entries equal without zeros',
      {},
      strict('1234'),
      [diplomate({ boardId: '01234' }), diplomate({ entryId: 'd-2', physicianId: 'p-2', boardId: '001234' })],
      'AMBIGUOUS',
    ],
    [
      'an exact hit wins over the fallback',
      {},
      strict('01234'),
      [
        diplomate({ boardId: '1234', firstName: 'Other' }),
        diplomate({ entryId: 'd-2', physicianId: 'p-2', boardId: '01234' }),
      ],
      'MATCH d-2',
    ],
    [
      'an exact hit that fails is not retried without zeros',
      {},
      strict('01234'),
      [
        diplomate({ boardId: '01234', firstName: 'Other' }),
        diplomate({ entryId: 'd-2', physicianId: 'p-2', boardId: '1234' }),
      ],
      'NO_MATCH IDN-NAME-MISMATCH(firstName)',
    ],
    [
      'an ID of zeros has no fallback form',
      {},
      strict('000'),
      [diplomate({ boardId: '0' })],
      'NO_MATCH IDN-NOT-FOUND',
    ],
    [
      'the single fallback hit must still match names and birth date',
      { birthMonthDay: '04/07' },
      strict('1234'),
      [diplomate({ boardId: '001234' })],
      'NO_MATCH IDN-DOB-MISMATCH',
    ],
  ])('%s', (...c) => run(c));
});

describe('several roster entries behind one key', () => {
  it.each<Case>([
    [
      'one of them passes',
      {},
      strict('123456'),
      [diplomate({ firstName: 'Joan' }), diplomate({ entryId: 'd-2', physicianId: 'p-2' })],
      'MATCH d-2',
    ],
    [
      'two pass for the same physician',
      {},
      strict('123456'),
      [diplomate({ entryId: 'd-2' }), diplomate({ entryId: 'd-1' })],
      'MATCH d-1',
    ],
    [
      'two pass for different physicians',
      {},
      strict('123456'),
      [diplomate(), diplomate({ entryId: 'd-2', physicianId: 'p-2' })],
      'AMBIGUOUS',
    ],
    [
      'none passes: every failed comparison is reported',
      {},
      strict('123456'),
      [diplomate({ firstName: 'Joan' }), diplomate({ entryId: 'd-2', birthMonthDay: '01/01' })],
      'NO_MATCH IDN-NAME-MISMATCH(firstName) IDN-DOB-MISMATCH',
    ],
  ])('%s', (...c) => run(c));
});

describe('ID_NAMES_OR_DOB (ABP): the ID finds the entry; names match, or else the birth date does', () => {
  it.each<Case>([
    ['everything matches', {}, abp('123456'), [diplomate()], 'MATCH d-1'],
    ['names differ, birth date matches', { lastName: 'Jones' }, abp('123456'), [diplomate()], 'MATCH d-1'],
    [
      'birth date differs, names match',
      { birthMonthDay: '12/25' },
      abp('123456'),
      [diplomate()],
      'MATCH d-1',
    ],
    [
      'both differ',
      { lastName: 'Jones', birthMonthDay: '12/25' },
      abp('123456'),
      [diplomate()],
      'NO_MATCH IDN-NAME-MISMATCH(lastName) IDN-DOB-MISMATCH',
    ],
    ['ID not on the roster', {}, abp('999'), [diplomate()], 'NO_MATCH IDN-NOT-FOUND'],
  ])('%s', (...c) => run(c));
});

describe('NAME_DOB (ABS without an ID): exactly one entry with the same names and birth date', () => {
  const abs = boardDestination(null, 'STRICT');
  it.each<Case>([
    ['one entry', {}, abs, [diplomate()], 'MATCH d-1'],
    [
      'configured NAME_DOB ignores a board ID',
      {},
      boardDestination('999', 'NAME_DOB'),
      [diplomate()],
      'MATCH d-1',
    ],
    ['through otherNames', { lastName: 'Jones' }, abs, [diplomate({ otherNames: ['Jones'] })], 'MATCH d-1'],
    ['nobody', { lastName: 'Jones' }, abs, [diplomate()], 'NO_MATCH IDN-NOT-FOUND'],
    // Without an identifier there is no "found" entry to differ from: a wrong birth date finds nobody.
    ['birth date differs', { birthMonthDay: '03/08' }, abs, [diplomate()], 'NO_MATCH IDN-NOT-FOUND'],
    ['impossible birth date', { birthMonthDay: '02/30' }, abs, [diplomate()], 'NO_MATCH IDN-NOT-FOUND'],
    [
      'two people',
      {},
      abs,
      [diplomate(), diplomate({ entryId: 'd-2', physicianId: 'p-2', boardId: '777' })],
      'AMBIGUOUS',
    ],
    [
      'two entries of one physician',
      {},
      abs,
      [diplomate({ entryId: 'd-2' }), diplomate({ boardId: '777' })],
      'MATCH d-1',
    ],
    ['a blank board ID counts as none', {}, boardDestination(' - ', 'STRICT'), [diplomate()], 'MATCH d-1'],
  ])('%s', (...c) => run(c));
});

describe('STATE: license number, else NPI, else names + birth date — all within the state', () => {
  const byLicense = (licenseId: string) => stateDestination('CA', { licenseId });
  it.each<Case>([
    ['license matches', {}, byLicense('a-12345'), [licensee()], 'MATCH l-1'],
    [
      'state code in lower case',
      {},
      stateDestination('ca', { licenseId: 'A12345' }),
      [licensee()],
      'MATCH l-1',
    ],
    [
      'license in another state',
      {},
      stateDestination('NV', { licenseId: 'A12345' }),
      [licensee()],
      'NO_MATCH IDN-NOT-FOUND',
    ],
    ['license not on the roster', {}, byLicense('B999'), [licensee()], 'NO_MATCH IDN-NOT-FOUND'],
    ['license leading zeros', {}, byLicense('12345'), [licensee({ licenseId: '0012345' })], 'MATCH l-1'],
    [
      'license found, names differ',
      { lastName: 'Jones' },
      byLicense('A12345'),
      [licensee()],
      'NO_MATCH IDN-NAME-MISMATCH(lastName)',
    ],
    [
      'license found, birth date differs',
      { birthMonthDay: '07/03' },
      byLicense('A12345'),
      [licensee()],
      'NO_MATCH IDN-DOB-MISMATCH',
    ],
    [
      'a wrong license number is not rescued by a right NPI',
      {},
      stateDestination('CA', { licenseId: 'B999', npi: NPI }),
      [licensee({ npi: NPI })],
      'NO_MATCH IDN-NOT-FOUND',
    ],
    ['NPI matches', {}, stateDestination('CA', { npi: NPI }), [licensee({ npi: NPI })], 'MATCH l-1'],
    [
      'NPI written with dashes',
      {},
      stateDestination('CA', { npi: '123-456-7893' }),
      [licensee({ npi: NPI })],
      'MATCH l-1',
    ],
    [
      'NPI of someone else',
      {},
      stateDestination('CA', { npi: OTHER_NPI }),
      [licensee({ npi: NPI })],
      'NO_MATCH IDN-NOT-FOUND',
    ],
    [
      'NPI in another state',
      {},
      stateDestination('NV', { npi: NPI }),
      [licensee({ npi: NPI })],
      'NO_MATCH IDN-NOT-FOUND',
    ],
    [
      'invalid NPI',
      {},
      stateDestination('CA', { npi: '1234567890' }),
      [licensee({ npi: '1234567890' })],
      'NO_MATCH IDN-NOT-FOUND',
    ],
    [
      'NPI found, birth date differs',
      { birthMonthDay: '12/01' },
      stateDestination('CA', { npi: NPI }),
      [licensee({ npi: NPI })],
      'NO_MATCH IDN-DOB-MISMATCH',
    ],
    ['names and birth date', {}, stateDestination('CA'), [licensee()], 'MATCH l-1'],
    [
      'names and birth date, nobody',
      { firstName: 'Joan' },
      stateDestination('CA'),
      [licensee()],
      'NO_MATCH IDN-NOT-FOUND',
    ],
    ['names and birth date, other state', {}, stateDestination('NV'), [licensee()], 'NO_MATCH IDN-NOT-FOUND'],
    [
      'names and birth date, two people',
      {},
      stateDestination('CA'),
      [licensee(), licensee({ entryId: 'l-2', physicianId: 'p-2', licenseId: 'B2' })],
      'AMBIGUOUS',
    ],
    [
      'an expired and a current license of one physician: the current one is used',
      {},
      stateDestination('CA'),
      [licensee({ status: 'EXPIRED' }), licensee({ entryId: 'l-2', licenseId: 'B2' })],
      'MATCH l-2',
    ],
    [
      'a REVOKED license is still the person',
      {},
      byLicense('A12345'),
      [licensee({ status: 'REVOKED' })],
      'MATCH l-1',
    ],
    [
      'diplomate entries are not a state roster',
      {},
      stateDestination('CA'),
      [diplomate()],
      'NO_MATCH IDN-NOT-FOUND',
    ],
  ])('%s', (...c) => run(c));
});

describe('reasons', () => {
  it('name the field to recheck in plain English and carry no roster value', () => {
    const roster = [diplomate({ firstName: 'Rosalind', lastName: 'Franklin', birthMonthDay: '07/25' })];
    const result = matchDestination(JANE, strict('123456'), roster);
    expect(result).toEqual({
      result: 'NO_MATCH',
      reasons: [
        {
          code: 'IDN-NAME-MISMATCH',
          fields: ['firstName', 'lastName'],
          message: expect.stringMatching(
            /^The first and last names do not match the board's record for this board ID\./,
          ),
        },
        {
          code: 'IDN-DOB-MISMATCH',
          fields: ['birthMonthDay'],
          message: expect.stringMatching(/^The birth month\/day does not match/),
        },
      ],
    });
    expect(JSON.stringify(result)).not.toMatch(/Rosalind|Franklin|07\/25/);
  });

  it.each<[DestinationIdentity, string]>([
    [strict('9'), 'boardId'],
    [stateDestination('CA', { licenseId: '9' }), 'licenseId'],
    [stateDestination('CA', { npi: NPI }), 'npi'],
  ])('IDN-NOT-FOUND points at the identifier given', (destination, field) => {
    const result = matchDestination(JANE, destination, []);
    expect(result.result === 'NO_MATCH' && result.reasons[0]!.fields).toEqual([field]);
  });
});

describe('candidate keys', () => {
  it('a row looks up by the key its policy uses', () => {
    expect(lookupKeys(JANE, strict('00-12'))).toEqual(['BOARD_ID:0012', 'BOARD_ID_NZ:12']);
    expect(lookupKeys(JANE, boardDestination(null, 'STRICT'))).toEqual([
      'NAME_DOB:smith:03/07',
      'NAME_DOB:janesmith:03/07',
    ]);
    expect(lookupKeys(JANE, stateDestination('ca', { licenseId: 'a1', npi: NPI }))).toEqual([
      'LICENSE:CA:A1',
      'LICENSE_NZ:CA:A1',
    ]);
    expect(lookupKeys(JANE, stateDestination('CA', { npi: NPI }))).toEqual([`NPI:CA:${NPI}`]);
    expect(lookupKeys(JANE, stateDestination('CA'))).toEqual([
      'NAME_DOB:CA:smith:03/07',
      'NAME_DOB:CA:janesmith:03/07',
    ]);
  });

  it('keys that can find nobody are not asked for', () => {
    expect(lookupKeys(JANE, strict('000'))).toEqual(['BOARD_ID:000']);
    expect(lookupKeys(JANE, stateDestination('CA', { npi: '1234567890' }))).toEqual([]);
    expect(lookupKeys({ ...JANE, birthMonthDay: '13/13' }, stateDestination('CA'))).toEqual([]);
  });

  it('a roster entry is indexed under its identifiers and each name it may be found by', () => {
    expect(rosterEntryKeys(diplomate({ boardId: '0012', otherNames: ['Jones', 'Jane Jones'] }))).toEqual([
      'BOARD_ID:0012',
      'BOARD_ID_NZ:12',
      'NAME_DOB:smith:03/07',
      'NAME_DOB:jones:03/07',
      'NAME_DOB:janejones:03/07',
    ]);
    expect(rosterEntryKeys(licensee({ npi: NPI }))).toEqual([
      'LICENSE:CA:A12345',
      'LICENSE_NZ:CA:A12345',
      `NPI:CA:${NPI}`,
      'NAME_DOB:CA:smith:03/07',
    ]);
  });
});

describe('policies', () => {
  it('seeds each board from codes/boards.tsv and the §6 table', () => {
    expect(defaultIdentityPolicy('ABIM')).toBe('STRICT');
    expect(defaultIdentityPolicy('ABS')).toBe('STRICT');
    expect(defaultIdentityPolicy('ABP')).toBe('ID_NAMES_OR_DOB');
    expect(defaultIdentityPolicy('ST-CA')).toBe('STATE');
    expect(defaultIdentityPolicy('ST-ME-DO')).toBe('STATE');
    expect(defaultIdentityPolicy('NOPE')).toBeUndefined();
  });

  it('falls back to names + birth date only when no board ID is given', () => {
    expect(effectiveBoardPolicy('STRICT', '123')).toBe('STRICT');
    expect(effectiveBoardPolicy('ID_NAMES_OR_DOB', '123')).toBe('ID_NAMES_OR_DOB');
    expect(effectiveBoardPolicy('STRICT', null)).toBe('NAME_DOB');
    expect(effectiveBoardPolicy('STRICT', ' ')).toBe('NAME_DOB');
  });
});
