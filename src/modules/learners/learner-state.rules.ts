import { codeListSet, type Findings, hasControlChar } from '../activities/activity-fields.rules';
import type { LearnerInput } from './learner.schema';
import type { LearnerRuleContext } from './learner-context';
import { present } from './learner-fields.rules';

// State of licensure, license number and NPI (learners.md §2, §4 check 5, §7).

/** Per-state settings edited by the state board (learners.md §7). */
export type StateSettings = {
  requiresLicenseId: boolean;
  /** A regular expression the whole license number must match; null or empty = any value (decisions.md §19). */
  licenseIdPattern: string | null;
  acceptsNpi: boolean;
};

export const DEFAULT_STATE_SETTINGS: StateSettings = {
  requiresLicenseId: false,
  licenseIdPattern: null,
  acceptsNpi: true,
};

export function stateSettings(state: string, ctx: Pick<LearnerRuleContext, 'states'>): StateSettings {
  return { ...DEFAULT_STATE_SETTINGS, ...(ctx.states?.[state] ?? {}) };
}

const patterns = new Map<string, RegExp | null>();

/** Anchored, so a pattern written as `\d{6}` cannot pass on a part of the number. */
export function wholeMatch(pattern: string | null | undefined, value: string): boolean {
  if (!pattern) return true;
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null; // a broken setting must not reject every row; the settings screen validates patterns
    }
    patterns.set(pattern, re);
  }
  return re === null || re.test(value);
}

const LICENSE_CHARS = /^[A-Za-z0-9 ./-]+$/;

/** NPI check digit: Luhn over the 10 digits with the card-issuer prefix 80840 in front. */
export function isValidNpi(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = `80840${value}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type StateFields = {
  licenseState: string | null | undefined;
  licenseId: string | null | undefined;
  npi: string | null | undefined;
};

/**
 * `syntaxOnly` (delete rows, §4): formats are checked, but whether the state demands a license
 * number is not, since a delete matches a stored record rather than identifying anyone.
 */
export function readStateFields(
  f: Findings,
  input: LearnerInput,
  ctx: Pick<LearnerRuleContext, 'states'>,
  syntaxOnly: boolean,
): StateFields {
  const licenseState = readLicenseState(f, input);
  const settings = licenseState ? stateSettings(licenseState, ctx) : undefined;
  const licenseId = readLicenseId(f, input.licenseId, licenseState, settings);
  const npi = readNpi(f, input.npi);
  if (!syntaxOnly && settings?.requiresLicenseId && licenseId === null) {
    const npiCounts = settings.acceptsNpi && npi !== null;
    if (!npiCounts) {
      const alternative = settings.acceptsNpi ? ' or the NPI' : '';
      f.error(
        'licenseId',
        'LRN-LICENSE-REQUIRED',
        `${licenseState} requires the state license number${alternative}; add it, or leave out the license state and identify the learner through a board`,
      );
    }
  }
  return { licenseState, licenseId, npi };
}

function readLicenseState(f: Findings, input: LearnerInput): string | null | undefined {
  const raw = present(input.licenseState);
  if (raw === null) {
    if (present(input.licenseId) !== null) {
      f.error(
        'licenseState',
        'LRN-STATE-CODE',
        'License state is needed with a license number: give the USPS code of the issuing state, such as GA',
      );
      return undefined;
    }
    return null;
  }
  const code = codeListSet('states').canonical(raw);
  if (code) return code;
  f.error(
    'licenseState',
    'LRN-STATE-CODE',
    `State must be a 2-letter USPS code such as GA (states and territories); "${raw}" is not`,
    input.licenseState,
  );
  return undefined;
}

function readLicenseId(
  f: Findings,
  raw: string | null | undefined,
  state: string | null | undefined,
  settings: StateSettings | undefined,
): string | null | undefined {
  const value = present(raw);
  if (value === null) return null;
  if (value.length > 20 || !LICENSE_CHARS.test(value) || hasControlChar(value)) {
    f.error(
      'licenseId',
      'LRN-LICENSE-FORMAT',
      'License number must be 1–20 characters of letters, digits, spaces, - . and /, as printed on the license',
      raw,
    );
    return undefined;
  }
  if (state && settings && !wholeMatch(settings.licenseIdPattern, value)) {
    f.error(
      'licenseId',
      'LRN-LICENSE-FORMAT',
      `License number "${value}" does not have the form ${state} uses (${settings.licenseIdPattern}); check it against the license`,
      raw,
    );
    return undefined;
  }
  return value;
}

function readNpi(f: Findings, raw: string | null | undefined): string | null | undefined {
  const value = present(raw);
  if (value === null) return null;
  if (isValidNpi(value)) return value;
  const why = /^\d{10}$/.test(value) ? 'its check digit is wrong' : 'it must be exactly 10 digits';
  f.error('npi', 'LRN-NPI-FORMAT', `NPI "${value}" is not valid: ${why}; copy it from NPPES`, raw);
  return undefined;
}
