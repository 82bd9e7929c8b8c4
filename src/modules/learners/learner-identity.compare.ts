import { foldLastName, foldName, normalizeBirthMonthDay } from './learner-identity.normalize';
import type { LearnerIdentity, RosterEntry } from './learner-identity.types';

// Field-by-field comparison of a learner with one roster entry (learners.md §5). It answers only
// yes/no per field: roster values never leave this module, so nothing built on it can show them.

export type EntryComparison = {
  firstName: boolean;
  lastName: boolean;
  /** First and last name agree, field by field or as one of the entry's other names. */
  names: boolean;
  birthMonthDay: boolean;
};

/**
 * The entry's `otherNames` in comparison form. §5 says only that "an otherNames entry counts as a
 * match"; rosters use it for former last names, nicknames and full alternative names alike, so an
 * entry may stand for the first name, the last name, or both together. Suffixes are stripped as for
 * a last name so "John Smith Jr" works as a full name.
 */
export function otherNameForms(entry: RosterEntry): string[] {
  return entry.otherNames.map(foldLastName).filter((n) => n.length > 0);
}

/** A learner's names in comparison form; an empty form (no letters at all) never matches. */
export function learnerNameForms(identity: LearnerIdentity) {
  const first = foldName(identity.firstName);
  const last = foldLastName(identity.lastName);
  return { first, last, full: first && last ? first + last : '' };
}

export function birthMonthDayMatches(a: string, b: string): boolean {
  const left = normalizeBirthMonthDay(a);
  return left !== null && left === normalizeBirthMonthDay(b);
}

export function compareWithEntry(identity: LearnerIdentity, entry: RosterEntry): EntryComparison {
  const learner = learnerNameForms(identity);
  const others = otherNameForms(entry);
  const firstName =
    learner.first.length > 0 &&
    (learner.first === foldName(entry.firstName) || others.includes(learner.first));
  const lastName =
    learner.last.length > 0 &&
    (learner.last === foldLastName(entry.lastName) || others.includes(learner.last));
  const fullNameIsOtherName = learner.full.length > 0 && others.includes(learner.full);
  return {
    firstName,
    lastName,
    names: (firstName && lastName) || fullNameIsOtherName,
    birthMonthDay: birthMonthDayMatches(identity.birthMonthDay, entry.birthMonthDay),
  };
}
