import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthMonthDayMatches } from './learner-identity.compare';
import { npiFrom } from './learner-identity.fixtures';
import { lookupKeys, rosterEntryKeys } from './learner-identity.keys';
import { matchDestination } from './learner-identity.match';
import { NAME_SUFFIXES, normalizeBirthMonthDay } from './learner-identity.normalize';
import type { DestinationIdentity, LearnerIdentity, RosterEntry } from './learner-identity.types';

// Properties of learners.md §5 matching, over small value pools so that rows and roster entries
// collide often (same names, IDs equal up to leading zeros, shared physicians).

// Last-name cores: no tail of any of them is a suffix word, so inserting a separator inside one cannot
// turn its end into a suffix (which would legitimately change the comparison).
const LAST_CORES = ['Smith', 'Nguyen', 'García', 'Müller', "O'Brien", 'Σταυρόπουλος', 'Łukasiewicz', 'Ito'];
const FIRSTS = ['Jane', 'Jose', 'José', 'Zoë', 'Οδυσσέας', 'Anne-Marie', 'Li', 'Ann'];
const IDS = ['123', '0123', '00123', 'A-123', 'a123', 'B77', '77'];
const NPIS = [npiFrom('123456789'), npiFrom('987654321'), npiFrom('555000111')];
const MONTH_DAYS = ['03/07', '07/03', '3/7', '12/12', '02/29', '11/30'];
const STATES = ['CA', 'NV'];
const SUFFIX_FORMS = NAME_SUFFIXES.flatMap((s) => [` ${s}`, `, ${s}.`, `,${s}`]);

const lastName = fc
  .tuple(fc.constantFrom(...LAST_CORES), fc.option(fc.constantFrom(...SUFFIX_FORMS), { nil: '' }))
  .map(([core, suffix]) => ({ core, suffix }));

const person = fc.record({
  physicianId: fc.constantFrom('p-1', 'p-2', 'p-3'),
  firstName: fc.constantFrom(...FIRSTS),
  lastName: lastName.map(({ core, suffix }) => core + suffix),
  otherNames: fc.array(fc.constantFrom(...FIRSTS, ...LAST_CORES, 'Jane Smith'), { maxLength: 2 }),
  birthMonthDay: fc.constantFrom(...MONTH_DAYS),
  npi: fc.option(fc.constantFrom(...NPIS), { nil: null }),
  rosterState: fc.constantFrom('LIVE', 'LIVE', 'LIVE', 'RETIRED' as const),
});

const rosterEntry: fc.Arbitrary<RosterEntry> = fc.oneof(
  fc
    .record({
      p: person,
      boardId: fc.constantFrom(...IDS),
      status: fc.constantFrom('ACTIVE', 'INACTIVE' as const),
    })
    .map(({ p, boardId, status }) => ({
      ...p,
      entryId: 'e-0',
      kind: 'DIPLOMATE' as const,
      boardId,
      status,
      licenses: [],
    })),
  fc
    .record({
      p: person,
      licenseState: fc.constantFrom(...STATES),
      licenseId: fc.constantFrom(...IDS),
      status: fc.constantFrom('ACTIVE', 'INACTIVE', 'EXPIRED', 'REVOKED' as const),
    })
    .map(({ p, licenseState, licenseId, status }) => ({
      ...p,
      entryId: 'e-0',
      kind: 'LICENSEE' as const,
      licenseState,
      licenseId,
      status,
      licenseType: 'MD' as const,
      issueDate: null,
      expiryDate: null,
    })),
);

/** Entry IDs unique within a roster, as the database guarantees. */
const roster = fc
  .array(rosterEntry, { minLength: 1, maxLength: 8 })
  .map((entries) => entries.map((e, i) => ({ ...e, entryId: `e-${i}` })));

const identityParts = fc.record({
  firstName: fc.constantFrom(...FIRSTS),
  last: lastName,
  birthMonthDay: fc.constantFrom(...MONTH_DAYS),
});

const destination: fc.Arbitrary<DestinationIdentity> = fc.oneof(
  fc.record({
    kind: fc.constant('BOARD' as const),
    policy: fc.constantFrom('STRICT', 'ID_NAMES_OR_DOB', 'NAME_DOB' as const),
    boardId: fc.option(fc.constantFrom(...IDS), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('STATE' as const),
    licenseState: fc.constantFrom(...STATES),
    licenseId: fc.option(fc.constantFrom(...IDS), { nil: null }),
    npi: fc.option(fc.constantFrom(...NPIS, '1234567890'), { nil: null }),
  }),
);

type Parts = { firstName: string; last: { core: string; suffix: string }; birthMonthDay: string };

/**
 * A row and a destination, half the time taken from a roster entry (with some fields replaced) so
 * that matches, mismatches of one field and ambiguities all come up, not only "not found".
 */
const mostly = fc.constantFrom(true, true, true, false);
const scenario = fc
  .record({
    entries: roster,
    pick: fc.nat(),
    fromEntry: fc.constantFrom(true, true, true, false),
    parts: identityParts,
    dest: destination,
    keep: fc.record({ first: mostly, last: mostly, dob: mostly, id: mostly }),
    policy: fc.constantFrom('STRICT', 'ID_NAMES_OR_DOB', 'NAME_DOB' as const),
  })
  .map(({ entries, pick, fromEntry, parts, dest, keep, policy }) => {
    const e = entries[pick % Math.max(entries.length, 1)];
    if (!fromEntry || !e) return { entries, parts, dest };
    const core = LAST_CORES.find((c) => e.lastName.startsWith(c))!;
    const fromRow: Parts = {
      firstName: keep.first ? e.firstName : parts.firstName,
      last: keep.last ? { core, suffix: e.lastName.slice(core.length) } : parts.last,
      birthMonthDay: keep.dob ? e.birthMonthDay : parts.birthMonthDay,
    };
    const fromDest: DestinationIdentity =
      e.kind === 'DIPLOMATE'
        ? { kind: 'BOARD', policy, boardId: keep.id ? e.boardId : null }
        : {
            kind: 'STATE',
            licenseState: e.licenseState,
            licenseId: keep.id ? e.licenseId : null,
            npi: e.npi,
          };
    return { entries, parts: fromRow, dest: fromDest };
  });

// ---------------------------------------------------------------------------------------------
// Perturbations a provider's data goes through: case, spacing and punctuation.

/** Flips the case of characters whose other case is one character (not ß → SS, another spelling). */
function flipCase(value: string, flips: readonly boolean[]): string {
  return [...value]
    .map((c, i) => {
      if (!flips[i % flips.length]) return c;
      const other = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
      return [...other].length === 1 ? other : c;
    })
    .join('');
}

/** Inserts `noise[i]` before character `i` wherever it is given, within `from`..`to`. */
function insertNoise(value: string, noise: readonly string[], from: number, to: number): string {
  const chars = [...value];
  return chars.map((c, i) => (i >= from && i <= to && i < noise.length ? noise[i] + c : c)).join('');
}

const nameNoise = fc.array(fc.constantFrom('', '', ' ', '  ', '-', "'", '’', '.'), { maxLength: 20 });
const idNoise = fc.array(fc.constantFrom('', '', ' ', '-', '.', '/'), { maxLength: 20 });
const flips = fc.array(fc.boolean(), { minLength: 1, maxLength: 20 });

const identityOf = (p: Parts): LearnerIdentity => ({
  firstName: p.firstName,
  lastName: p.last.core + p.last.suffix,
  birthMonthDay: p.birthMonthDay,
});

const perturbation = fc.record({
  first: fc.tuple(flips, nameNoise),
  last: fc.tuple(flips, nameNoise, fc.constantFrom(' ', ', ', ',', '  ,  ')),
  ids: fc.tuple(flips, idNoise),
});

type PerturbationValue = {
  first: [boolean[], string[]];
  last: [boolean[], string[], string];
  ids: [boolean[], string[]];
};

function perturbIdentity(p: Parts, x: PerturbationValue): LearnerIdentity {
  const [firstFlips, firstNoise] = x.first;
  const [lastFlips, lastNoise, separator] = x.last;
  // Noise goes strictly inside the core of the last name, and the suffix keeps a valid separator:
  // both ends of a last name carry meaning for the suffix rule.
  const core = insertNoise(p.last.core, lastNoise, 1, [...p.last.core].length - 1);
  const suffix = p.last.suffix ? separator + p.last.suffix.replace(/^[\s,]+/u, '') : '';
  return {
    firstName: insertNoise(flipCase(p.firstName, firstFlips), firstNoise, 0, 99),
    lastName: flipCase(core + suffix, lastFlips),
    birthMonthDay: p.birthMonthDay,
  };
}
function perturbId(value: string | null, [idFlips, noise]: [boolean[], string[]]): string | null {
  return value === null ? null : insertNoise(flipCase(value, idFlips), noise, 0, 99);
}

function perturbDestination(d: DestinationIdentity, ids: [boolean[], string[]]): DestinationIdentity {
  if (d.kind === 'BOARD') return { ...d, boardId: perturbId(d.boardId, ids) };
  return {
    ...d,
    licenseState: d.licenseState.toLowerCase(),
    licenseId: perturbId(d.licenseId, ids),
    npi: perturbId(d.npi, ids),
  };
}

describe('matching (learners.md §5) — properties', () => {
  it('does not change under case, spacing and punctuation changes of the names and identifiers', () => {
    fc.assert(
      fc.property(scenario, perturbation, ({ parts, dest, entries }, x) => {
        const plain = matchDestination(identityOf(parts), dest, entries);
        const noisy = matchDestination(perturbIdentity(parts, x), perturbDestination(dest, x.ids), entries);
        expect(noisy).toEqual(plain);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the candidates', () => {
    fc.assert(
      fc.property(scenario, ({ parts, dest, entries }) => {
        const identity = identityOf(parts);
        expect(matchDestination(identity, dest, [...entries].reverse())).toEqual(
          matchDestination(identity, dest, entries),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer over the candidates fetched by key as over the whole roster', () => {
    fc.assert(
      fc.property(scenario, ({ parts, dest, entries }) => {
        const identity = identityOf(parts);
        const wanted = new Set(lookupKeys(identity, dest));
        const fetched = entries.filter((e) => rosterEntryKeys(e).some((k) => wanted.has(k)));
        expect(matchDestination(identity, dest, fetched)).toEqual(matchDestination(identity, dest, entries));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('swapping month and day', () => {
  const monthDay = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([m, d]) => `${m}/${d}`)
    .filter((md) => normalizeBirthMonthDay(md) !== null);
  const swap = (md: string) => md.split('/').reverse().join('/');

  it('never compares equal unless month and day are equal', () => {
    fc.assert(
      fc.property(monthDay, (md) => {
        const [m, d] = md.split('/').map(Number);
        expect(birthMonthDayMatches(swap(md), md)).toBe(m === d);
      }),
    );
  });

  it('never yields a match where the birth date must match (STRICT, NAME_DOB, STATE; ABP with other names)', () => {
    fc.assert(
      fc.property(monthDay, rosterEntry, fc.boolean(), (md, entry, useNpi) => {
        fc.pre(md.split('/')[0] !== md.split('/')[1]);
        const e: RosterEntry = { ...entry, entryId: 'e-1', birthMonthDay: md, rosterState: 'LIVE' };
        const row: LearnerIdentity = {
          firstName: e.firstName,
          lastName: e.lastName,
          birthMonthDay: swap(md),
        };
        const destinations: [DestinationIdentity, LearnerIdentity][] =
          e.kind === 'DIPLOMATE'
            ? [
                [{ kind: 'BOARD', policy: 'STRICT', boardId: e.boardId }, row],
                [{ kind: 'BOARD', policy: 'NAME_DOB', boardId: null }, row],
                [
                  { kind: 'BOARD', policy: 'ID_NAMES_OR_DOB', boardId: e.boardId },
                  { ...row, lastName: 'Zzyzx' },
                ],
              ]
            : [
                [
                  {
                    kind: 'STATE',
                    licenseState: e.licenseState,
                    licenseId: useNpi ? null : e.licenseId,
                    npi: e.npi,
                  },
                  row,
                ],
                [{ kind: 'STATE', licenseState: e.licenseState, licenseId: null, npi: null }, row],
              ];
        for (const [dest, identity] of destinations)
          expect(matchDestination(identity, dest, [e]).result).not.toBe('MATCH');
      }),
      { numRuns: 500 },
    );
  });
});
