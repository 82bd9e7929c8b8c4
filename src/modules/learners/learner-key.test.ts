import { describe, expect, it } from 'vitest';
import type { LearnerRecord } from './learner.schema';
import {
  foldLastName,
  foldName,
  normalizeBirthMonthDay,
  normalizeIdentifier,
  stripNameSuffix,
} from './learner-identity.normalize';
import { learnerAddKey, learnerDeleteKey } from './learner-key';

// formats.md §8.4–§8.5 and learners.md §5, §8.

const RECORD: LearnerRecord = {
  action: 'ADD',
  recordId: null,
  parsActivityId: 1001,
  providerActivityId: null,
  providerLearnerId: 'L-1',
  firstName: 'José',
  lastName: "O'Brien",
  birthMonthDay: '04/03',
  completionDate: '2025-05-20',
  licenseState: 'GA',
  licenseId: 'MD-012.345',
  npi: '1234567893',
  cmeCredits: 2.5,
  board: 'ABIM',
  boardId: '123456',
  mocPoints: 2.5,
  mocCreditTypes: ['PA', 'MK'],
  remsProfession: null,
  remsDeaRegistration: null,
  remsPracticeType: null,
  remsPrescribedLastYear: null,
  mipsParticipationMet: null,
  afterBoardYearEnd: false,
};
const rec = (changes: Partial<LearnerRecord>): LearnerRecord => ({ ...RECORD, ...changes });

describe('name normalisation (§5)', () => {
  it.each([
    ['Smith Jr', 'Smith'],
    ['Smith, Jr.', 'Smith'],
    ['Smith jr.', 'Smith'],
    ['Smith III', 'Smith'],
    ['Smith IV', 'Smith'],
    ['Smith, MD', 'Smith'],
    ['Smith DO', 'Smith'],
    ['Smith Jr MD', 'Smith Jr'], // one suffix only
    ['Do', 'Do'], // a surname, not a suffix: nothing before it
    ['Jrson', 'Jrson'],
    ['Ivanova', 'Ivanova'],
  ])('stripNameSuffix(%j) = %j', (input, expected) => {
    expect(stripNameSuffix(input)).toBe(expected);
  });

  it.each([
    ['José', 'jose'],
    ['JOSE', 'jose'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['Mary-Jane', 'maryjane'],
    ['Mary Jane', 'maryjane'],
    ['J. R.', 'jr'],
    ['Ｊｏｓé', 'jose'], // full-width letters fold under NFKD
    ['Zoë', 'zoe'],
    ['Иванова', 'иванова'],
  ])('foldName(%j) = %j', (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });

  it('last names lose the suffix before folding', () => {
    expect(foldLastName('García, Jr.')).toBe('garcia');
  });

  it.each([
    ['md-012.345', 'MD012345'],
    [' A 12/34 ', 'A1234'],
    ['007', '007'], // leading zeros stay in keys; only identity matching retries without them
  ])('normalizeIdentifier(%j) = %j', (input, expected) => {
    expect(normalizeIdentifier(input)).toBe(expected);
  });

  it('pads birth month/day', () => {
    expect(normalizeBirthMonthDay('4/3')).toBe('04/03');
    expect(normalizeBirthMonthDay('02/29')).toBe('02/29');
  });
});

describe('learnerAddKey (formats.md §8.4)', () => {
  const key = learnerAddKey(RECORD);

  it.each<[string, Partial<LearnerRecord>]>([
    ['names in other case, spacing and punctuation', { firstName: 'JOSE', lastName: 'O Brien' }],
    ['accents removed', { firstName: 'Jose' }],
    ['a suffix on the last name', { lastName: "O'Brien, Jr." }],
    ['license number punctuation and case', { licenseId: 'md 012345' }],
    ['board ID spacing', { boardId: '123-456' }],
    ['credit types in another order and case', { mocCreditTypes: ['mk', 'PA'] }],
    ['amounts differ (the key ignores them; §8.5 then says LRN-DUPLICATE)', { cmeCredits: 3, mocPoints: 3 }],
    ['provider learner reference differs', { providerLearnerId: 'other' }],
  ])('same key: %s', (_why, changes) => {
    expect(learnerAddKey(rec(changes))).toBe(key);
  });

  it.each<[string, Partial<LearnerRecord>]>([
    ['another activity', { parsActivityId: 1002 }],
    ['another first name', { firstName: 'Josef' }],
    ['another birthday', { birthMonthDay: '04/04' }],
    ['another completion date', { completionDate: '2025-05-21' }],
    ['another board', { board: 'ABA', mocCreditTypes: ['LL'] }],
    ['no board', { board: null, boardId: null, mocPoints: null, mocCreditTypes: [] }],
    ['another credit-type set (ABA pair halves differ)', { mocCreditTypes: ['MK'] }],
    ['another license', { licenseId: 'MD012346' }],
    ['another state', { licenseState: 'FL' }],
    ['another NPI', { npi: '1245319599' }],
  ])('different key: %s', (_why, changes) => {
    expect(learnerAddKey(rec(changes))).not.toBe(key);
  });

  it('parts cannot run into each other', () => {
    expect(learnerAddKey(rec({ firstName: 'Ann', lastName: 'Alee' }))).not.toBe(
      learnerAddKey(rec({ firstName: 'Anna', lastName: 'Lee' })),
    );
  });
});

describe('learnerDeleteKey (learners.md §8)', () => {
  const key = learnerDeleteKey(RECORD);

  it.each<[string, Partial<LearnerRecord>]>([
    ['identifiers left out of the delete', { licenseState: null, licenseId: null, npi: null, boardId: null }],
    ['names in other case and accents', { firstName: 'JOSE', lastName: 'obrien' }],
    ['credit types in another order', { mocCreditTypes: ['MK', 'PA'] }],
    ['amounts as another decimal form', { cmeCredits: 2.5, mocPoints: 2.5 }],
    ['action', { action: 'DELETE' }],
  ])('same key: %s', (_why, changes) => {
    expect(learnerDeleteKey(rec(changes))).toBe(key);
  });

  it.each<[string, Partial<LearnerRecord>]>([
    ['other CME credits', { cmeCredits: 2.75 }],
    ['other MOC points', { mocPoints: 2 }],
    ['no CME', { cmeCredits: null }],
    ['a REMS profession', { remsProfession: 'PHYSICIAN' }],
    ['another board', { board: 'ABS' }],
    ['another date', { completionDate: '2025-05-19' }],
  ])('different key: %s', (_why, changes) => {
    expect(learnerDeleteKey(rec(changes))).not.toBe(key);
  });
});
