import type { LookupPlan } from './learner-identity.keys';
import type { IdentityField, IdentityReason } from './learner-identity.types';

// Reason messages reach providers in upload reports, the fix list and API answers. They name the field
// to recheck and what to do, and are built only from the lookup method — never from a roster value.

function rosterOf(plan: LookupPlan): string {
  return plan.by === 'BOARD_ID' || (plan.by === 'NAME_DOB' && plan.state === null)
    ? 'the board'
    : 'the state licensing board';
}

const ID_WORDING = {
  BOARD_ID: { field: 'boardId', noun: 'board ID' },
  LICENSE: { field: 'licenseId', noun: 'license number' },
  NPI: { field: 'npi', noun: 'NPI' },
} as const satisfies Record<string, { field: IdentityField; noun: string }>;

const NAME_DOB_FIELDS: IdentityField[] = ['firstName', 'lastName', 'birthMonthDay'];

/** What to add so a names + birth month/day lookup can tell people apart. */
function strongerKey(plan: LookupPlan): string {
  return rosterOf(plan) === 'the board' ? 'the board ID' : 'the license number';
}

/** "this board ID" — the key the entry was found by (name lookups find the entry by everything). */
function foundBy(plan: LookupPlan): string {
  return plan.by === 'NAME_DOB' ? 'this name and birth month/day' : `this ${ID_WORDING[plan.by].noun}`;
}

/** "the board's record for this board ID": the record a mismatch or a hint refers to. */
export function recordFoundBy(plan: LookupPlan): string {
  return `${rosterOf(plan)}'s record for ${foundBy(plan)}`;
}

export function notFoundReason(plan: LookupPlan): IdentityReason {
  const code = 'IDN-NOT-FOUND';
  const roster = rosterOf(plan);
  switch (plan.by) {
    case 'BOARD_ID':
      return {
        code,
        fields: ['boardId'],
        message: `No one with this board ID is on ${roster}'s roster. Check the board ID and the board it belongs to.`,
      };
    case 'LICENSE':
      return {
        code,
        fields: ['licenseId'],
        message: `No license with this number is on ${roster}'s roster. Check the state and the license number.`,
      };
    case 'NPI':
      return {
        code,
        fields: ['npi'],
        message: plan.npi
          ? `No licensee with this NPI is on ${roster}'s roster for this state. Check the NPI, or give the license number.`
          : 'The NPI is not a valid NPI (ten digits with a correct check digit), so no one can be found by it.',
      };
    case 'NAME_DOB':
      if (!plan.birthMonthDay)
        return {
          code,
          fields: ['birthMonthDay'],
          message: 'The birth month/day is not a real date in MM/DD form, so no one can be found by it.',
        };
      return {
        code,
        fields: NAME_DOB_FIELDS,
        message: `No one on ${roster}'s roster has this first name, last name and birth month/day. Check them, or give ${strongerKey(plan)}.`,
      };
  }
}

export function nameMismatchReason(plan: LookupPlan, fields: ('firstName' | 'lastName')[]): IdentityReason {
  const subject =
    fields.length === 1
      ? `The ${fields[0] === 'firstName' ? 'first' : 'last'} name does not`
      : 'The first and last names do not';
  return {
    code: 'IDN-NAME-MISMATCH',
    fields,
    message: `${subject} match ${recordFoundBy(plan)}. Check the spelling, and that first and last name are not swapped.`,
  };
}

export function birthMonthDayMismatchReason(plan: LookupPlan): IdentityReason {
  return {
    code: 'IDN-DOB-MISMATCH',
    fields: ['birthMonthDay'],
    message: `The birth month/day does not match ${recordFoundBy(plan)}. Check the month and the day, and their order.`,
  };
}

/** The leading-zeros fallback of §5 found several entries: §5 accepts only a single hit. */
export function ambiguousWithoutZerosReason(plan: LookupPlan): IdentityReason {
  if (plan.by === 'NAME_DOB') return ambiguousPeopleReason(plan);
  const { field, noun } = ID_WORDING[plan.by];
  return {
    code: 'IDN-AMBIGUOUS',
    fields: [field],
    message: `More than one record on ${rosterOf(plan)}'s roster has this ${noun} once leading zeros are ignored. Enter the ${noun} exactly as issued, leading zeros included.`,
  };
}

/** Several people pass every comparison. */
export function ambiguousPeopleReason(plan: LookupPlan): IdentityReason {
  if (plan.by === 'NAME_DOB')
    return {
      code: 'IDN-AMBIGUOUS',
      fields: NAME_DOB_FIELDS,
      message: `More than one person on ${rosterOf(plan)}'s roster has this name and birth month/day. Give ${strongerKey(plan)} to tell them apart.`,
    };
  const { field, noun } = ID_WORDING[plan.by];
  return {
    code: 'IDN-AMBIGUOUS',
    fields: [field],
    message: `This ${noun} leads to more than one person on ${rosterOf(plan)}'s roster, so the learner cannot be told apart. Ask ${rosterOf(plan)} to correct its roster, or give another identifier.`,
  };
}

/** learners.md §5: the destinations that pass name different physicians. */
export function ambiguousAcrossDestinationsReason(): IdentityReason {
  return {
    code: 'IDN-AMBIGUOUS',
    fields: [],
    message:
      'The identifiers on this row lead to different people on different rosters. Check that the board ID, license number and NPI all belong to this learner.',
  };
}
