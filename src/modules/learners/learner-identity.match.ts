import { compareWithEntry, type EntryComparison } from './learner-identity.compare';
import { type LookupPlan, lookupPlan } from './learner-identity.keys';
import { normalizeIdentifier, normalizeNpi, withoutLeadingZeros } from './learner-identity.normalize';
import {
  ambiguousPeopleReason,
  ambiguousWithoutZerosReason,
  birthMonthDayMismatchReason,
  nameMismatchReason,
  notFoundReason,
} from './learner-identity.reasons';
import type {
  DestinationIdentity,
  DestinationMatch,
  IdentityReason,
  LearnerIdentity,
  RosterEntry,
} from './learner-identity.types';

// Stage 2 identity for one ROSTER-mode destination (learners.md §5), over the candidate entries the
// repository fetched by `lookupKeys` (or the whole roster: the answer is the same).

/**
 * Which entries may match at all. Only LIVE entries: a RETIRED one has left the roster (§3.3).
 * The roster `status` (diplomate ACTIVE/INACTIVE; licensee ACTIVE/INACTIVE/EXPIRED/REVOKED) does not
 * filter: identity asks who the learner is, and an inactive diplomate or a lapsed licensee is still
 * that person — the spec restricts by status only where it routes credit ("every other state board
 * where the physician holds an ACTIVE license", §7), and the board's verdict decides whether the
 * credit counts. Filtering here would tell the provider "no one with this ID" about a real person.
 */
function eligibleEntries(plan: LookupPlan, candidates: readonly RosterEntry[]): RosterEntry[] {
  const state = plan.by === 'BOARD_ID' ? null : plan.state;
  return candidates.filter((e) => {
    if (e.rosterState !== 'LIVE') return false;
    if (state === null) return e.kind === 'DIPLOMATE';
    return e.kind === 'LICENSEE' && e.licenseState.toUpperCase() === state;
  });
}

export type LocatedEntries =
  | { found: 'NONE' }
  /** The leading-zeros fallback hit more than one entry; §5 accepts only a single hit. */
  | { found: 'SEVERAL_WITHOUT_ZEROS' }
  | { found: 'ENTRIES'; entries: RosterEntry[] };

/** The entries a row's key leads to, before names and birth month/day are weighed (except NAME_DOB). */
export function locateEntries(
  identity: LearnerIdentity,
  plan: LookupPlan,
  candidates: readonly RosterEntry[],
): LocatedEntries {
  const eligible = eligibleEntries(plan, candidates);
  switch (plan.by) {
    case 'BOARD_ID':
    case 'LICENSE':
      return locateById(plan.id, plan.idWithoutZeros, eligible);
    case 'NPI': {
      const { npi } = plan;
      return found(npi ? eligible.filter((e) => normalizeNpi(e.npi) === npi) : []);
    }
    case 'NAME_DOB':
      // §5 NAME_DOB and the last step of STATE: the lookup itself is the full comparison.
      return found(
        plan.birthMonthDay && plan.lastName
          ? eligible.filter((e) => {
              const c = compareWithEntry(identity, e);
              return c.names && c.birthMonthDay;
            })
          : [],
      );
  }
}

function entryIdentifier(entry: RosterEntry): string {
  return normalizeIdentifier(entry.kind === 'DIPLOMATE' ? entry.boardId : entry.licenseId);
}

function locateById(id: string, idWithoutZeros: string, eligible: RosterEntry[]): LocatedEntries {
  if (!id) return { found: 'NONE' };
  const exact = eligible.filter((e) => entryIdentifier(e) === id);
  if (exact.length > 0) return found(exact);
  if (!idWithoutZeros) return { found: 'NONE' };
  const loose = eligible.filter((e) => withoutLeadingZeros(entryIdentifier(e)) === idWithoutZeros);
  if (loose.length > 1) return { found: 'SEVERAL_WITHOUT_ZEROS' };
  return found(loose);
}

function found(entries: RosterEntry[]): LocatedEntries {
  return entries.length > 0 ? { found: 'ENTRIES', entries } : { found: 'NONE' };
}

/** ABP (ID_NAMES_OR_DOB) accepts the entry found by ID when either the names or the birth date agree. */
function passes(destination: DestinationIdentity, plan: LookupPlan, c: EntryComparison): boolean {
  const namesOrDob =
    plan.by === 'BOARD_ID' && destination.kind === 'BOARD' && destination.policy === 'ID_NAMES_OR_DOB';
  return namesOrDob ? c.names || c.birthMonthDay : c.names && c.birthMonthDay;
}

export function matchDestination(
  identity: LearnerIdentity,
  destination: DestinationIdentity,
  candidates: readonly RosterEntry[],
): DestinationMatch {
  const plan = lookupPlan(identity, destination);
  const located = locateEntries(identity, plan, candidates);
  if (located.found === 'NONE') return { result: 'NO_MATCH', reasons: [notFoundReason(plan)] };
  if (located.found === 'SEVERAL_WITHOUT_ZEROS')
    return { result: 'AMBIGUOUS', reasons: [ambiguousWithoutZerosReason(plan)] };

  const compared = located.entries.map((entry) => ({ entry, comparison: compareWithEntry(identity, entry) }));
  const passing = compared.filter((x) => passes(destination, plan, x.comparison)).map((x) => x.entry);
  if (passing.length === 0) {
    const comparisons = compared.map((x) => x.comparison);
    return { result: 'NO_MATCH', reasons: mismatchReasons(plan, comparisons) };
  }

  // Several entries passing is the same person when the registry links them to one physician (for
  // example an expired and a current license in one state); only different people are ambiguous.
  const physicians = new Set(passing.map((e) => e.physicianId));
  if (physicians.size > 1) return { result: 'AMBIGUOUS', reasons: [ambiguousPeopleReason(plan)] };
  const chosen = preferredEntry(passing);
  return { result: 'MATCH', entryId: chosen.entryId, physicianId: chosen.physicianId };
}

/**
 * Among entries of one physician, an ACTIVE one is "the license used for identity" (§7 routes by it);
 * the entry ID breaks ties so the answer does not depend on the order the database returned rows in.
 */
function preferredEntry(entries: RosterEntry[]): RosterEntry {
  const rank = (e: RosterEntry) => (e.status === 'ACTIVE' ? 0 : 1);
  return [...entries].sort(
    (a, b) => rank(a) - rank(b) || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
  )[0]!;
}

/** One reason per kind of comparison that failed, over every entry the key led to. */
function mismatchReasons(plan: LookupPlan, comparisons: EntryComparison[]): IdentityReason[] {
  const nameFields = new Set<'firstName' | 'lastName'>();
  let birthMonthDay = false;
  for (const c of comparisons) {
    if (!c.names) {
      if (!c.firstName) nameFields.add('firstName');
      if (!c.lastName) nameFields.add('lastName');
    }
    if (!c.birthMonthDay) birthMonthDay = true;
  }
  const reasons: IdentityReason[] = [];
  if (nameFields.size > 0)
    reasons.push(
      nameMismatchReason(
        plan,
        (['firstName', 'lastName'] as const).filter((f) => nameFields.has(f)),
      ),
    );
  if (birthMonthDay) reasons.push(birthMonthDayMismatchReason(plan));
  return reasons;
}
