import { learnerNameForms, otherNameForms } from './learner-identity.compare';
import {
  foldLastName,
  normalizeBirthMonthDay,
  normalizeIdentifier,
  normalizeNpi,
  withoutLeadingZeros,
} from './learner-identity.normalize';
import { effectiveBoardPolicy } from './learner-identity.policy';
import type { DestinationIdentity, LearnerIdentity, RosterEntry } from './learner-identity.types';

// Candidate lookup by key. The repository stores `rosterEntryKeys(entry)` for every LIVE entry in an
// indexed (roster, key) table and fetches a batch's candidates with one `key = ANY(…)` query over
// `lookupKeys(…)` of its rows. The keys are built so that an entry the matcher could pick always
// shares a key with the row (a property test checks this), so matching against the fetched
// candidates gives the same answer as matching against the whole roster.

/** How one destination looks the learner up (learners.md §5, "Policy" table). */
export type LookupPlan =
  | { by: 'BOARD_ID'; id: string; idWithoutZeros: string }
  | { by: 'LICENSE'; state: string; id: string; idWithoutZeros: string }
  /** `npi` is null when the value given is not a valid NPI: such a lookup finds nobody. */
  | { by: 'NPI'; state: string; npi: string | null }
  | {
      by: 'NAME_DOB';
      /** Null for a certifying board's roster; the license state for a state board's. */
      state: string | null;
      lastName: string;
      fullName: string;
      birthMonthDay: string | null;
    };

export function lookupPlan(identity: LearnerIdentity, destination: DestinationIdentity): LookupPlan {
  if (destination.kind === 'BOARD') {
    const policy = effectiveBoardPolicy(destination.policy, destination.boardId);
    if (policy !== 'NAME_DOB') return { by: 'BOARD_ID', ...identifierForms(destination.boardId ?? '') };
    return nameDobPlan(identity, null);
  }
  const state = destination.licenseState.toUpperCase();
  // §5 STATE: license number when given, else NPI, else names + birth month/day. No falling through
  // to a weaker key when a stronger one was given but found nobody: that would hide a wrong number.
  if (destination.licenseId && normalizeIdentifier(destination.licenseId).length > 0)
    return { by: 'LICENSE', state, ...identifierForms(destination.licenseId) };
  if (destination.npi && destination.npi.trim().length > 0)
    return { by: 'NPI', state, npi: normalizeNpi(destination.npi) };
  return nameDobPlan(identity, state);
}

function identifierForms(value: string) {
  const id = normalizeIdentifier(value);
  return { id, idWithoutZeros: withoutLeadingZeros(id) };
}

function nameDobPlan(identity: LearnerIdentity, state: string | null): LookupPlan {
  const names = learnerNameForms(identity);
  return {
    by: 'NAME_DOB',
    state,
    lastName: names.last,
    fullName: names.full,
    birthMonthDay: normalizeBirthMonthDay(identity.birthMonthDay),
  };
}

const key = {
  boardId: (id: string) => `BOARD_ID:${id}`,
  boardIdWithoutZeros: (id: string) => `BOARD_ID_NZ:${id}`,
  license: (state: string, id: string) => `LICENSE:${state}:${id}`,
  licenseWithoutZeros: (state: string, id: string) => `LICENSE_NZ:${state}:${id}`,
  npi: (state: string, npi: string) => `NPI:${state}:${npi}`,
  nameDob: (state: string | null, name: string, monthDay: string) =>
    state ? `NAME_DOB:${state}:${name}:${monthDay}` : `NAME_DOB:${name}:${monthDay}`,
};

/** The keys to fetch one row's candidates by; empty when the row cannot match anyone. */
export function lookupKeys(identity: LearnerIdentity, destination: DestinationIdentity): string[] {
  const plan = lookupPlan(identity, destination);
  switch (plan.by) {
    case 'BOARD_ID':
      return idKeys(plan.id, plan.idWithoutZeros, key.boardId, key.boardIdWithoutZeros);
    case 'LICENSE':
      return idKeys(
        plan.id,
        plan.idWithoutZeros,
        (id) => key.license(plan.state, id),
        (id) => key.licenseWithoutZeros(plan.state, id),
      );
    case 'NPI':
      return plan.npi ? [key.npi(plan.state, plan.npi)] : [];
    case 'NAME_DOB': {
      const { birthMonthDay, state } = plan;
      if (!birthMonthDay) return [];
      // The full name finds entries whose otherNames hold "first last" in one piece.
      return unique([plan.lastName, plan.fullName].filter((n) => n.length > 0)).map((n) =>
        key.nameDob(state, n, birthMonthDay),
      );
    }
  }
}

function idKeys(
  id: string,
  idWithoutZeros: string,
  exact: (id: string) => string,
  withoutZeros: (id: string) => string,
): string[] {
  if (!id) return [];
  return idWithoutZeros ? [exact(id), withoutZeros(idWithoutZeros)] : [exact(id)];
}

/** The keys a roster entry is indexed under. */
export function rosterEntryKeys(entry: RosterEntry): string[] {
  const keys: string[] = [];
  const monthDay = normalizeBirthMonthDay(entry.birthMonthDay);
  const names = unique([foldLastName(entry.lastName), ...otherNameForms(entry)].filter((n) => n.length > 0));
  if (entry.kind === 'DIPLOMATE') {
    const { id, idWithoutZeros } = identifierForms(entry.boardId);
    keys.push(...idKeys(id, idWithoutZeros, key.boardId, key.boardIdWithoutZeros));
    if (monthDay) keys.push(...names.map((n) => key.nameDob(null, n, monthDay)));
    return keys;
  }
  const state = entry.licenseState.toUpperCase();
  const { id, idWithoutZeros } = identifierForms(entry.licenseId);
  keys.push(
    ...idKeys(
      id,
      idWithoutZeros,
      (v) => key.license(state, v),
      (v) => key.licenseWithoutZeros(state, v),
    ),
  );
  const npi = normalizeNpi(entry.npi);
  if (npi) keys.push(key.npi(state, npi));
  if (monthDay) keys.push(...names.map((n) => key.nameDob(state, n, monthDay)));
  return keys;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
