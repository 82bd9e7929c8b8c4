import type { LearnerRecord } from './learner.schema';
import {
  foldLastName,
  foldName,
  normalizeBirthMonthDay,
  normalizeIdentifier,
} from './learner-identity.normalize';

// Keys of learner rows (formats.md §8.4–§8.5, learners.md §8). Keys never depend on identity
// resolution, so a file gives the same keys whatever the rosters say, and re-running a file finds
// its own rows.
// Names, identifiers and birth month/day are normalised by learner-identity.normalize.ts (§5), the
// same functions identity matching uses, so a key and a roster comparison never disagree.

const foldMonthDay = (raw: string) => normalizeBirthMonthDay(raw) ?? raw.trim();

const orNone = (value: string | null | undefined): string => value ?? '';
const folded = (value: string | null | undefined, fold: (v: string) => string) =>
  value === null || value === undefined ? '' : fold(value);

/** The set of credit types: order and case of the row do not matter. */
const creditTypeSet = (types: readonly string[]): string =>
  [...new Set(types.map((t) => t.trim().toUpperCase()))].sort().join(',');

/** Amounts compared in hundredths, so 1.5, "1.50" and 1.500 agree. */
const amount = (value: number | null): string => (value === null ? '' : String(Math.round(value * 100)));

type KeyFields = Pick<
  LearnerRecord,
  | 'parsActivityId'
  | 'firstName'
  | 'lastName'
  | 'birthMonthDay'
  | 'completionDate'
  | 'board'
  | 'boardId'
  | 'licenseState'
  | 'licenseId'
  | 'npi'
  | 'mocCreditTypes'
>;

/** The learner part both keys share: activity and normalised names and birth month/day. */
function learnerPart(r: KeyFields): string[] {
  return [
    String(r.parsActivityId ?? ''),
    folded(r.firstName, foldName),
    folded(r.lastName, foldLastName),
    folded(r.birthMonthDay, foldMonthDay),
  ];
}

/**
 * formats.md §8.4 add key: activity, normalised names and birth month/day, the identifiers as given
 * (board + board ID, license state + number, NPI), completion date, board or none, credit-type set.
 * JSON keeps the parts apart, so no value can run into its neighbour.
 */
export function learnerAddKey(r: KeyFields): string {
  return JSON.stringify([
    ...learnerPart(r),
    orNone(r.board?.toUpperCase()),
    folded(r.boardId, normalizeIdentifier),
    orNone(r.licenseState?.toUpperCase()),
    folded(r.licenseId, normalizeIdentifier),
    folded(r.npi, normalizeIdentifier),
    orNone(r.completionDate),
    orNone(r.board?.toUpperCase()),
    creditTypeSet(r.mocCreditTypes),
  ]);
}

/**
 * learners.md §8 delete match: activity, normalised names and birth month/day, completion date,
 * board or none, credit-type set, cmeCredits, mocPoints and remsProfession — no identifiers, so a
 * delete does not need to repeat the license or board ID it was added with.
 */
export function learnerDeleteKey(
  r: KeyFields & Pick<LearnerRecord, 'cmeCredits' | 'mocPoints' | 'remsProfession'>,
): string {
  return JSON.stringify([
    ...learnerPart(r),
    orNone(r.completionDate),
    orNone(r.board?.toUpperCase()),
    creditTypeSet(r.mocCreditTypes),
    amount(r.cmeCredits),
    amount(r.mocPoints),
    orNone(r.remsProfession?.toUpperCase()),
  ]);
}
