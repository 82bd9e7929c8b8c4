import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boardDestination,
  diplomate,
  JANE,
  licensee,
  npiFrom,
  stateDestination,
} from './learner-identity.fixtures';
import { type IdentityHint, identityHints } from './learner-identity.hints';
import { matchDestination } from './learner-identity.match';
import { foldName, normalizeBirthMonthDay, normalizeIdentifier } from './learner-identity.normalize';
import type { DestinationIdentity, LearnerIdentity, RosterEntry } from './learner-identity.types';

// beyond.md §1 "Hints for provider staff": name the field to recheck; offer a corrected value only
// when it is built from the provider's own value; never show a roster value, masked or not.

const strict = boardDestination('123456', 'STRICT');

type HintCase = [
  name: string,
  identity: Partial<LearnerIdentity>,
  destination: DestinationIdentity,
  roster: RosterEntry[],
  expected: { fields: string[]; suggestion?: Partial<LearnerIdentity>; message?: RegExp }[],
];

describe('identity hints', () => {
  it.each<HintCase>([
    ['nothing to say about a match', {}, strict, [diplomate()], []],
    [
      'first and last name swapped',
      { firstName: 'Smith', lastName: 'Jane' },
      strict,
      [diplomate()],
      [
        {
          fields: ['firstName', 'lastName'],
          suggestion: { firstName: 'Jane', lastName: 'Smith' },
          message: /look swapped/,
        },
      ],
    ],
    [
      'a suffix left in the first name',
      { firstName: 'John Jr.' },
      strict,
      [diplomate({ firstName: 'John' })],
      [{ fields: ['firstName'], suggestion: { firstName: 'John' }, message: /the suffix "Jr\."/ }],
    ],
    [
      'a title in the first name',
      { firstName: 'Dr. Jane' },
      strict,
      [diplomate()],
      [{ fields: ['firstName'], suggestion: { firstName: 'Jane' }, message: /the title "Dr\."/ }],
    ],
    [
      'a middle initial in the first name',
      { firstName: 'Jane Q.' },
      strict,
      [diplomate()],
      [{ fields: ['firstName'], suggestion: { firstName: 'Jane' }, message: /an extra word, "Q\."/ }],
    ],
    [
      'a name field stuffed with words gets no suggestion (no roster probing)',
      { firstName: 'Ann Beth Jane Dana' },
      strict,
      [diplomate()],
      [{ fields: ['firstName'], message: /^The first name does not match/ }],
    ],
    [
      'a second family name in the last name',
      { lastName: 'Smith Lopez' },
      strict,
      [diplomate()],
      [{ fields: ['lastName'], suggestion: { lastName: 'Smith' } }],
    ],
    [
      'a misspelt last name: the field is named, nothing is suggested',
      { lastName: 'Smyth' },
      strict,
      [diplomate()],
      [
        {
          fields: ['lastName'],
          message:
            /^The last name does not match the board's record for this board ID\. Check the spelling\.$/,
        },
      ],
    ],
    [
      'one name fixable, the other not',
      { firstName: 'Dr. Jane', lastName: 'Smyth' },
      strict,
      [diplomate()],
      [
        { fields: ['firstName'], suggestion: { firstName: 'Jane' } },
        { fields: ['lastName'], message: /^The last name does not match/ },
      ],
    ],
    [
      'a swap the roster does not confirm is not suggested',
      { firstName: 'Smith', lastName: 'Jane' },
      strict,
      [diplomate({ lastName: 'Smyth' })],
      [{ fields: ['firstName', 'lastName'], message: /do not match/ }],
    ],
    [
      'month and day swapped',
      { birthMonthDay: '07/03' },
      strict,
      [diplomate()],
      [
        {
          fields: ['birthMonthDay'],
          suggestion: { birthMonthDay: '03/07' },
          message: /look swapped\. Did you mean 03\/07/,
        },
      ],
    ],
    [
      'month and day swapped, typed without zeros',
      { birthMonthDay: '7/3' },
      strict,
      [diplomate()],
      [{ fields: ['birthMonthDay'], suggestion: { birthMonthDay: '03/07' } }],
    ],
    [
      'another birth date: the field is named, nothing is suggested',
      { birthMonthDay: '03/08' },
      strict,
      [diplomate()],
      [
        {
          fields: ['birthMonthDay'],
          message:
            /^The birth month\/day does not match the board's record for this board ID\. Check the month and the day\.$/,
        },
      ],
    ],
    [
      'month equal to day: swapping changes nothing',
      { birthMonthDay: '05/05' },
      strict,
      [diplomate({ birthMonthDay: '05/06' })],
      [{ fields: ['birthMonthDay'] }],
    ],
    [
      'ABP: both differ, both hinted',
      { firstName: 'Smith', lastName: 'Jane', birthMonthDay: '07/03' },
      boardDestination('123456', 'ID_NAMES_OR_DOB'),
      [diplomate()],
      [
        { fields: ['firstName', 'lastName'], suggestion: { firstName: 'Jane', lastName: 'Smith' } },
        { fields: ['birthMonthDay'], suggestion: { birthMonthDay: '03/07' } },
      ],
    ],
    [
      'state license found, birth date swapped',
      { birthMonthDay: '07/03' },
      stateDestination('CA', { licenseId: 'A12345' }),
      [licensee()],
      [
        {
          fields: ['birthMonthDay'],
          suggestion: { birthMonthDay: '03/07' },
          message: /the state licensing board's record for this license number/,
        },
      ],
    ],
    [
      'state NPI found, names swapped',
      { firstName: 'Smith', lastName: 'Jane' },
      stateDestination('CA', { npi: npiFrom('123456789') }),
      [licensee({ npi: npiFrom('123456789') })],
      [
        {
          fields: ['firstName', 'lastName'],
          suggestion: { firstName: 'Jane', lastName: 'Smith' },
          message: /for this NPI/,
        },
      ],
    ],
    [
      'ID not found: recheck the ID',
      {},
      boardDestination('999', 'STRICT'),
      [diplomate()],
      [{ fields: ['boardId'] }],
    ],
    [
      'no ID and nobody by name: recheck names and birth date, nothing suggested',
      { birthMonthDay: '07/03' },
      boardDestination(null, 'STRICT'),
      [diplomate()],
      [{ fields: ['firstName', 'lastName', 'birthMonthDay'], message: /give the board ID/ }],
    ],
    [
      'several records behind the ID: no corrections',
      { birthMonthDay: '07/03' },
      strict,
      [diplomate(), diplomate({ entryId: 'd-2', firstName: 'Joan' })],
      [
        { fields: ['firstName'] },
        { fields: ['birthMonthDay'], message: /^The birth month\/day does not match/ },
      ],
    ],
  ])('%s', (_, identity, destination, roster, expected) => {
    const hints = identityHints({ ...JANE, ...identity }, destination, roster);
    expect(hints.map((h) => h.fields)).toEqual(expected.map((e) => e.fields));
    expected.forEach((e, i) => {
      expect(hints[i]!.suggestion).toEqual(e.suggestion);
      if (e.message) expect(hints[i]!.message).toMatch(e.message);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// No roster value ever reaches the provider.
//
// Roster names are Greek words and roster identifiers are digits, while every fixed phrase of the
// messages is plain English. So anything in an answer that is neither a fixed phrase nor something
// the provider typed would show up as a Greek or digit token — masked fragments ("Α***") included.

const GREEK = ['Αλέξης', 'Βασίλης', 'Γιώργος', 'Δήμητρα', 'Ελένη', 'Ζωή', 'Θεόδωρος', 'Ιωάννα'];
const EXTRA = ['Dr.', 'Jr', 'Q.', 'Lopez', 'MD'];
const greek = fc.constantFrom(...GREEK);
const digits = fc.stringMatching(/^[0-9]{3,7}$/);
const monthDay = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([m, d]) => normalizeBirthMonthDay(`${m}/${d}`))
  .filter((md): md is string => md !== null);

const person = fc.record({
  physicianId: fc.constantFrom('p-1', 'p-2'),
  firstName: greek,
  lastName: greek,
  otherNames: fc.array(greek, { maxLength: 2 }),
  birthMonthDay: monthDay,
  npi: fc.option(fc.stringMatching(/^[0-9]{9}$/).map(npiFrom), { nil: null }),
  email: fc.tuple(greek, digits).map(([n, d]) => `${n}${d}@example.org`),
  rosterState: fc.constant('LIVE' as const),
  status: fc.constant('ACTIVE' as const),
});

const entry: fc.Arbitrary<RosterEntry> = fc.oneof(
  fc.record({ p: person, boardId: digits }).map(({ p, boardId }) => ({
    ...p,
    entryId: 'e',
    kind: 'DIPLOMATE' as const,
    boardId,
    licenses: [],
  })),
  fc.record({ p: person, licenseId: digits }).map(({ p, licenseId }) => ({
    ...p,
    entryId: 'e',
    kind: 'LICENSEE' as const,
    licenseState: 'CA',
    licenseId,
    licenseType: 'MD' as const,
    issueDate: null,
    expiryDate: null,
  })),
);

const swapMonthDay = (md: string) => md.split('/').reverse().join('/');

/** A row made from one roster entry by the slips the hints look for, or by plain wrong values. */
const scenario = fc
  .record({
    entries: fc.array(entry, { minLength: 1, maxLength: 4 }),
    first: fc.nat(6),
    last: fc.nat(4),
    dob: fc.nat(2),
    id: fc.nat(3),
    extra: fc.constantFrom(...EXTRA),
    otherGreek: greek,
    otherDigits: digits,
    otherMonthDay: monthDay,
    idKind: fc.nat(2),
    policy: fc.constantFrom('STRICT', 'ID_NAMES_OR_DOB', 'NAME_DOB' as const),
  })
  .map((s) => {
    const entries = s.entries.map((e, i) => ({ ...e, entryId: `e-${i}` }));
    const e = entries[0]!;
    const firstName = [
      e.firstName,
      e.lastName,
      `${e.firstName} ${s.extra}`,
      `${s.extra} ${e.firstName}`,
      e.firstName.toUpperCase(),
      s.otherGreek,
      `${e.firstName[0]}.`,
    ][s.first]!;
    const lastName = [
      e.lastName,
      e.firstName,
      `${e.lastName} ${s.extra}`,
      s.otherGreek,
      e.lastName.toLowerCase(),
    ][s.last]!;
    const birthMonthDay = [e.birthMonthDay, swapMonthDay(e.birthMonthDay), s.otherMonthDay][s.dob]!;
    const ownId = e.kind === 'DIPLOMATE' ? e.boardId : e.licenseId;
    const id = [ownId, `00${ownId}`, s.otherDigits, ownId][s.id]!;
    const destination: DestinationIdentity =
      e.kind === 'DIPLOMATE'
        ? { kind: 'BOARD', policy: s.policy, boardId: s.idKind === 2 ? null : id }
        : {
            kind: 'STATE',
            licenseState: 'CA',
            licenseId: s.idKind === 0 ? id : null,
            npi: s.idKind === 1 ? e.npi : null,
          };
    return { identity: { firstName, lastName, birthMonthDay }, destination, entries };
  });

function inputValues(identity: LearnerIdentity, d: DestinationIdentity): string[] {
  const ids = d.kind === 'BOARD' ? [d.boardId] : [d.licenseState, d.licenseId, d.npi];
  return [identity.firstName, identity.lastName, identity.birthMonthDay, ...ids].filter(
    (v): v is string => !!v,
  );
}

function rosterValues(e: RosterEntry): string[] {
  const ids = e.kind === 'DIPLOMATE' ? [e.boardId] : [e.licenseId];
  return [e.firstName, e.lastName, ...e.otherNames, e.birthMonthDay, e.npi, e.email, ...ids].filter(
    (v): v is string => !!v,
  );
}

/** Every string an answer can show: hint messages and suggestions, and the match reasons. */
function shown(
  hints: IdentityHint[],
  identity: LearnerIdentity,
  d: DestinationIdentity,
  entries: RosterEntry[],
) {
  const match = matchDestination(identity, d, entries);
  return [
    ...hints.flatMap((h) => [h.message, ...Object.values(h.suggestion ?? {})]),
    ...(match.result === 'MATCH' ? [] : match.reasons.map((r) => r.message)),
  ];
}

const MONTH_DAY_IN_TEXT = /\d{1,2}\/\d{1,2}/gu;
const monthDaysIn = (text: string) => (text.match(MONTH_DAY_IN_TEXT) ?? []).map(normalizeBirthMonthDay);

/** Whether `text` shows `value`: as written, as a folded name, as an identifier or as a month/day. */
function shows(text: string, value: string): boolean {
  if (text.toLowerCase().includes(value.toLowerCase())) return true;
  const name = foldName(value);
  if (name.length > 0 && foldName(text).includes(name)) return true;
  const id = normalizeIdentifier(value);
  // a month/day in the text is checked as one below; as an identifier "07/01" would read "0701" and
  // falsely show a roster ID "701"
  if (/^\d{3,}$/u.test(id) && normalizeIdentifier(text.replace(MONTH_DAY_IN_TEXT, ' ')).includes(id))
    return true;
  const md = normalizeBirthMonthDay(value);
  return md !== null && monthDaysIn(text).includes(md);
}

/** A month/day "comes from the input" when its month and day are both numbers the provider typed. */
function inputHasMonthDay(identity: LearnerIdentity, value: string): boolean {
  const md = normalizeBirthMonthDay(value);
  const typed = normalizeBirthMonthDay(identity.birthMonthDay);
  if (!md || !typed) return false;
  return [...md.split('/')].sort().join() === [...typed.split('/')].sort().join();
}

const numberToken = (t: string) => (/^\d+$/u.test(t) ? t.replace(/^0+(?=\d)/u, '') : t);
const tokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map(numberToken);

function expectNoRosterValueShown({
  identity,
  destination,
  entries,
}: {
  identity: LearnerIdentity;
  destination: DestinationIdentity;
  entries: RosterEntry[];
}) {
  const hints = identityHints(identity, destination, entries);
  const texts = shown(hints, identity, destination, entries);
  const typed = inputValues(identity, destination);
  for (const value of entries.flatMap(rosterValues)) {
    const provided =
      typed.some((t) => shows(t, value)) ||
      (normalizeBirthMonthDay(value) !== null && inputHasMonthDay(identity, value));
    if (provided) continue;
    for (const text of texts)
      expect(shows(text, value), `"${text}" shows roster value "${value}"`).toBe(false);
  }
}

describe('hints never show a roster value', () => {
  it('no answer contains a roster value the provider did not type', () => {
    fc.assert(fc.property(scenario, expectNoRosterValueShown), { numRuns: 1000 });
  });

  it('does not mistake the swapped-date suggestion for a roster ID (a shrunk counterexample)', () => {
    expectNoRosterValueShown({
      identity: { firstName: 'Αλέξης', lastName: 'Αλέξης', birthMonthDay: '01/07' },
      destination: { kind: 'STATE', licenseState: 'CA', licenseId: null, npi: '0000000006' },
      entries: [
        {
          physicianId: 'p-1',
          firstName: 'Αλέξης',
          lastName: 'Αλέξης',
          otherNames: [],
          birthMonthDay: '07/01',
          npi: '0000000006',
          email: 'Αλέξης000@example.org',
          rosterState: 'LIVE',
          status: 'ACTIVE',
          entryId: 'e-0',
          kind: 'LICENSEE',
          licenseState: 'CA',
          licenseId: '701',
          licenseType: 'MD',
          issueDate: null,
          expiryDate: null,
        },
      ] as RosterEntry[],
    });
  });

  it('every word of an answer is a fixed English word or a word the provider typed', () => {
    fc.assert(
      fc.property(scenario, ({ identity, destination, entries }) => {
        const hints = identityHints(identity, destination, entries);
        const typed = new Set(inputValues(identity, destination).flatMap(tokens));
        for (const text of shown(hints, identity, destination, entries))
          for (const token of tokens(text))
            if (!typed.has(token)) expect(token, `"${token}" in "${text}"`).toMatch(/^[a-z]+$/u);
      }),
      { numRuns: 1000 },
    );
  });

  it('the scenarios reach the suggestions (so the properties above test something)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ identity, destination, entries }) => {
        for (const h of identityHints(identity, destination, entries))
          for (const field of Object.keys(h.suggestion ?? {})) seen.add(field);
      }),
      { numRuns: 1000 },
    );
    expect([...seen].sort()).toEqual(['birthMonthDay', 'firstName', 'lastName']);
  });
});
