// Shapes of stage-2 identity (learners.md §3, §5; codes in formats.md §9): what the repository hands
// the matcher and what the matcher answers. Kept apart from the rules so the repository and the web
// form import no logic.

/** The comparison policies of learners.md §5 that a certifying board's `identityPolicy` can hold. */
export type BoardIdentityPolicy = 'STRICT' | 'ID_NAMES_OR_DOB' | 'NAME_DOB';
/** State boards always use STATE. */
export type IdentityPolicy = BoardIdentityPolicy | 'STATE';

/** Destination reasons of formats.md §9 (severity X). */
export type IdnCode = 'IDN-NOT-FOUND' | 'IDN-NAME-MISMATCH' | 'IDN-DOB-MISMATCH' | 'IDN-AMBIGUOUS';

/** The row fields a reason asks the provider to recheck. */
export type IdentityField = 'firstName' | 'lastName' | 'birthMonthDay' | 'boardId' | 'licenseId' | 'npi';

/** A plain-English reason; built from the lookup method only, never from a roster value. */
export type IdentityReason = { code: IdnCode; fields: IdentityField[]; message: string };

/** What every learner row carries about the person (learners.md §3.1), as the provider sent it. */
export type LearnerIdentity = {
  firstName: string;
  lastName: string;
  /** `M/D` or `MM/DD`, no year. */
  birthMonthDay: string;
};

/** The identifier a row offers to one destination. */
export type DestinationIdentity =
  | {
      kind: 'BOARD';
      /** The board's `identityPolicy` setting; without a board ID it falls back to NAME_DOB (ABS, §6). */
      policy: BoardIdentityPolicy;
      boardId: string | null;
    }
  | {
      kind: 'STATE';
      /** USPS code of the license used for identity. */
      licenseState: string;
      licenseId: string | null;
      npi: string | null;
    };

type RosterPerson = {
  entryId: string;
  /** The physician the registry links this entry to (learners.md §3.2). */
  physicianId: string;
  /** A snapshot upload retires the entries it no longer lists; retired entries identify nobody. */
  rosterState: 'LIVE' | 'RETIRED';
  firstName: string;
  lastName: string;
  otherNames: readonly string[];
  birthMonthDay: string;
  npi: string | null;
  /** Only for verifying CME Passport claims (beyond.md §1); identity never reads it. */
  email?: string | null;
};

export type RosterLicense = { state: string; licenseId: string };

/** A row of an `OP-ROSTER-DIPLOMATE-1` roster (learners.md §3.3). */
export type DiplomateEntry = RosterPerson & {
  kind: 'DIPLOMATE';
  boardId: string;
  /** Does not filter matching (see learner-identity.match.ts). */
  status: 'ACTIVE' | 'INACTIVE';
  /** Links the diplomate to licensee entries in the registry; identity does not compare them. */
  licenses: readonly RosterLicense[];
};

/** A row of an `OP-ROSTER-LICENSEE-1` roster (learners.md §3.3). */
export type LicenseeEntry = RosterPerson & {
  kind: 'LICENSEE';
  licenseState: string;
  licenseId: string;
  licenseType: 'MD' | 'DO' | 'OTHER';
  /** Does not filter matching (see learner-identity.match.ts). */
  status: 'ACTIVE' | 'INACTIVE' | 'EXPIRED' | 'REVOKED';
  issueDate: string | null;
  expiryDate: string | null;
};

/** One entry of one destination's roster, values as the board uploaded them. */
export type RosterEntry = DiplomateEntry | LicenseeEntry;

export type DestinationMatch =
  | { result: 'MATCH'; entryId: string; physicianId: string }
  | { result: 'NO_MATCH'; reasons: IdentityReason[] }
  | { result: 'AMBIGUOUS'; reasons: IdentityReason[] };
