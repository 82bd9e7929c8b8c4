import { parseMonthDay } from './learner-fields.rules';
import { isValidNpi } from './learner-state.rules';

// The comparison normalisations of learners.md §5. The row and the roster entry go through the same
// functions, so a stored key and an in-memory comparison can never disagree.

export { isValidNpi };

/** The suffix words of §5 that may trail a last name (hints also look for them in first names). */
export const NAME_SUFFIXES = ['Jr', 'Sr', 'II', 'III', 'IV', 'MD', 'DO'] as const;

// One trailing suffix word, separated from the name by spaces and/or a comma. The name part must keep
// at least one character, so a last name that is only "Do" stays "Do".
const SUFFIX = new RegExp(`^(.*[^\\s,])[\\s,]+(?:${NAME_SUFFIXES.join('|')})\\.?$`, 'iu');

/** Removes one trailing `Jr`, `Sr`, `II`, `III`, `IV`, `MD` or `DO` (with or without a period). */
export function stripNameSuffix(lastName: string): string {
  const trimmed = lastName.trim();
  return SUFFIX.exec(trimmed)?.[1] ?? trimmed;
}

/**
 * NFKD, combining marks removed, lower-cased, then only letters (any script) kept. The Greek final
 * sigma is folded into σ: JavaScript lower-cases Σ by context, so without the fold an upper-case and
 * a mixed-case spelling, or "ΑΣ Β" and "ΑΣΒ", would compare unequal.
 */
export function foldName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ς/gu, 'σ')
    .replace(/\P{L}/gu, '');
}

/** A last name as compared: the suffix goes first, because finding it needs the separators. */
export function foldLastName(raw: string): string {
  return foldName(stripNameSuffix(raw));
}

/** `M/D` or `MM/DD` → `MM/DD`; null when it is not a month/day, which then matches nothing. */
export function normalizeBirthMonthDay(raw: string): string | null {
  return parseMonthDay(raw) ?? null;
}

/** License number and board ID: upper-case, spaces, `-`, `.` and `/` removed. */
export function normalizeIdentifier(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-./]/gu, '');
}

/** The fallback form of a normalised identifier; empty for an ID of zeros only (no fallback then). */
export function withoutLeadingZeros(normalized: string): string {
  return normalized.replace(/^0+/u, '');
}

/** An NPI as compared; null when absent or not a valid NPI, so it can find nobody. */
export function normalizeNpi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const npi = normalizeIdentifier(raw);
  return isValidNpi(npi) ? npi : null;
}
