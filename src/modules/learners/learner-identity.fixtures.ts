import type {
  BoardIdentityPolicy,
  DestinationIdentity,
  DiplomateEntry,
  LearnerIdentity,
  LicenseeEntry,
} from './learner-identity.types';

// Builders for the identity tests: a roster entry or destination with only the fields a test cares
// about spelled out.

/** A valid NPI from nine digits: the check digit is Luhn over `80840` + the digits. */
export function npiFrom(nineDigits: string): string {
  for (let check = 0; check <= 9; check++) {
    const digits = `80840${nineDigits}${check}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return `${nineDigits}${check}`;
  }
  throw new Error('unreachable: one check digit always fits');
}

export const JANE: LearnerIdentity = { firstName: 'Jane', lastName: 'Smith', birthMonthDay: '03/07' };

export function diplomate(over: Partial<DiplomateEntry> = {}): DiplomateEntry {
  return {
    kind: 'DIPLOMATE',
    entryId: 'd-1',
    physicianId: 'p-1',
    rosterState: 'LIVE',
    status: 'ACTIVE',
    boardId: '123456',
    firstName: 'Jane',
    lastName: 'Smith',
    otherNames: [],
    birthMonthDay: '03/07',
    npi: null,
    licenses: [],
    ...over,
  };
}

export function licensee(over: Partial<LicenseeEntry> = {}): LicenseeEntry {
  return {
    kind: 'LICENSEE',
    entryId: 'l-1',
    physicianId: 'p-1',
    rosterState: 'LIVE',
    status: 'ACTIVE',
    licenseState: 'CA',
    licenseId: 'A12345',
    licenseType: 'MD',
    issueDate: null,
    expiryDate: null,
    firstName: 'Jane',
    lastName: 'Smith',
    otherNames: [],
    birthMonthDay: '03/07',
    npi: null,
    ...over,
  };
}

export function boardDestination(
  boardId: string | null,
  policy: BoardIdentityPolicy = 'STRICT',
): DestinationIdentity {
  return { kind: 'BOARD', policy, boardId };
}

export function stateDestination(
  licenseState: string,
  { licenseId = null, npi = null }: { licenseId?: string | null; npi?: string | null } = {},
): DestinationIdentity {
  return { kind: 'STATE', licenseState, licenseId, npi };
}
