import { birthMonthDayMatches, compareWithEntry } from './learner-identity.compare';
import { type LookupPlan, lookupPlan } from './learner-identity.keys';
import { locateEntries, matchDestination } from './learner-identity.match';
import { NAME_SUFFIXES, normalizeBirthMonthDay } from './learner-identity.normalize';
import { recordFoundBy } from './learner-identity.reasons';
import type {
  DestinationIdentity,
  IdentityField,
  LearnerIdentity,
  RosterEntry,
} from './learner-identity.types';

// Hints for provider staff (beyond.md §1): when the identifier is found but other data differ, name
// the field to recheck and, where one of a few common slips explains the difference, offer a value
// built from the provider's OWN submission (names swapped, month and day swapped, a suffix, title or
// middle name in a name field).
//
// Why this cannot leak: roster entries are only ever handed to compareWithEntry / birthMonthDayMatches,
// which answer yes or no. Every string below is a fixed phrase or a piece of `identity`.

export type IdentityHint = {
  fields: IdentityField[];
  message: string;
  /** A corrected value made only from what the provider submitted; a suggestion, never applied. */
  suggestion?: Partial<LearnerIdentity>;
};

export function identityHints(
  identity: LearnerIdentity,
  destination: DestinationIdentity,
  candidates: readonly RosterEntry[],
): IdentityHint[] {
  const match = matchDestination(identity, destination, candidates);
  if (match.result === 'MATCH') return [];
  const plan = lookupPlan(identity, destination);
  const located = locateEntries(identity, plan, candidates);
  const single = located.found === 'ENTRIES' && located.entries.length === 1 ? located.entries[0] : undefined;
  // Corrections only make sense against the one record an identifier points to; a name lookup that
  // found nobody, or several records, leaves only the reasons themselves (they already name the field).
  if (match.result === 'AMBIGUOUS' || plan.by === 'NAME_DOB' || !single)
    return match.reasons.map(({ fields, message }) => ({ fields, message }));

  const comparison = compareWithEntry(identity, single);
  const hints: IdentityHint[] = [];
  if (!comparison.names) hints.push(...nameHints(identity, single, plan, comparison));
  if (!comparison.birthMonthDay) hints.push(birthMonthDayHint(identity, single, plan));
  return hints;
}

function nameHints(
  identity: LearnerIdentity,
  entry: RosterEntry,
  plan: LookupPlan,
  comparison: { firstName: boolean; lastName: boolean },
): IdentityHint[] {
  const swapped = { ...identity, firstName: identity.lastName, lastName: identity.firstName };
  if (compareWithEntry(swapped, entry).names)
    return [
      {
        fields: ['firstName', 'lastName'],
        message: `The first and last names look swapped compared with ${recordFoundBy(plan)}. Did you mean first name "${swapped.firstName}" and last name "${swapped.lastName}"?`,
        suggestion: { firstName: swapped.firstName, lastName: swapped.lastName },
      },
    ];
  const wrong = (['firstName', 'lastName'] as const).filter((f) => !comparison[f]);
  const fixes = wrong.map((field) => extraWordHint(identity, entry, plan, field));
  const unexplained = wrong.filter((_, i) => fixes[i] === undefined);
  const hints = fixes.filter((h) => h !== undefined);
  if (unexplained.length === 0) return hints;
  const subject =
    unexplained.length === 1 ? `The ${label(unexplained[0]!)} does not` : 'The first and last names do not';
  return [
    ...hints,
    { fields: unexplained, message: `${subject} match ${recordFoundBy(plan)}. Check the spelling.` },
  ];
}

const label = (field: 'firstName' | 'lastName') => (field === 'firstName' ? 'first name' : 'last name');

const MAX_WORDS_FOR_EXTRA_WORD_HINT = 3;
const TITLES = ['Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'Mx'];
const bare = (word: string) => word.replace(/[.,]+$/u, '').toLowerCase();
const isSuffix = (word: string) => NAME_SUFFIXES.some((s) => s.toLowerCase() === bare(word));
const isTitle = (word: string) => TITLES.some((t) => t.toLowerCase() === bare(word));

/**
 * A name field holding one word too many — "John Jr", "Dr. Jane", "John R." — is the commonest slip
 * after a swap. Drop each word in turn; the first variant that matches becomes the suggestion. Only
 * for short names: a field stuffed with candidate words would otherwise make the hint a roster probe.
 */
function extraWordHint(
  identity: LearnerIdentity,
  entry: RosterEntry,
  plan: LookupPlan,
  field: 'firstName' | 'lastName',
): IdentityHint | undefined {
  const words = identity[field].trim().split(/[\s,]+/u);
  if (words.length < 2 || words.length > MAX_WORDS_FOR_EXTRA_WORD_HINT) return undefined;
  for (let i = 0; i < words.length; i++) {
    const extra = words[i]!;
    const corrected = words.filter((_, j) => j !== i).join(' ');
    if (!compareWithEntry({ ...identity, [field]: corrected }, entry)[field]) continue;
    const what = isSuffix(extra)
      ? `the suffix "${extra}"`
      : isTitle(extra)
        ? `the title "${extra}"`
        : `an extra word, "${extra}" (a middle name or initial?)`;
    return {
      fields: [field],
      message: `The ${label(field)} seems to include ${what}, which ${recordFoundBy(plan)} does not have. Did you mean "${corrected}"?`,
      suggestion: { [field]: corrected },
    };
  }
  return undefined;
}

function birthMonthDayHint(identity: LearnerIdentity, entry: RosterEntry, plan: LookupPlan): IdentityHint {
  const given = normalizeBirthMonthDay(identity.birthMonthDay);
  const [month, day] = given ? given.split('/') : [];
  // The swapped value is the provider's own month and day in the other order; when it is no real
  // date (13/05) or the same date (05/05) there is nothing to suggest.
  const swapped = month && day ? normalizeBirthMonthDay(`${day}/${month}`) : null;
  if (swapped && swapped !== given && birthMonthDayMatches(swapped, entry.birthMonthDay))
    return {
      fields: ['birthMonthDay'],
      message: `The birth month/day does not match ${recordFoundBy(plan)}; the month and day look swapped. Did you mean ${swapped} (MM/DD)?`,
      suggestion: { birthMonthDay: swapped },
    };
  return {
    fields: ['birthMonthDay'],
    message: `The birth month/day does not match ${recordFoundBy(plan)}. Check the month and the day.`,
  };
}
