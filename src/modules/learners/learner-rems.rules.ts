import { codeList } from '../../reference/codes';
import { type CodeSet, codeSet, type Findings, oneOf } from '../activities/activity-fields.rules';
import { type LearnerInput, REMS_DEA_REGISTRATIONS, REMS_PRACTICE_TYPES } from './learner.schema';
import type { LearnerActivity } from './learner-context';
import { present } from './learner-fields.rules';

// REMS fields of a learner row (learners.md §4 check 8, §11) and the MIPS flag (§12).

let professions: CodeSet | undefined;
/** Professions are accepted by code or by name (formats.md §5 column 15). */
const remsProfessions = (): CodeSet => {
  const rows = codeList('rems-professions');
  professions ??= codeSet(
    rows.map((r) => r.code),
    rows.map((r) => [r.name, r.code] as const),
  );
  return professions;
};
// Files write "Individual", "Primary care"; the aliases let both spellings through.
const DEA = codeSet(REMS_DEA_REGISTRATIONS);
const PRACTICE = codeSet(
  REMS_PRACTICE_TYPES,
  REMS_PRACTICE_TYPES.map((c) => [c.replaceAll('_', ' '), c] as const),
);

export type RemsFields = {
  remsProfession: string | null | undefined;
  remsDeaRegistration: (typeof REMS_DEA_REGISTRATIONS)[number] | null | undefined;
  remsPracticeType: (typeof REMS_PRACTICE_TYPES)[number] | null | undefined;
  remsPrescribedLastYear: boolean | null;
};

const REMS_FIELDS = [
  ['remsProfession', 'Profession (REMS)'],
  ['remsDeaRegistration', 'DEA registration (REMS)'],
  ['remsPracticeType', 'Practice type (REMS)'],
  ['remsPrescribedLastYear', 'Prescribed opioid analgesics (REMS)'],
] as const;

export function hasRemsData(input: LearnerInput): boolean {
  return REMS_FIELDS.some(([key]) => given(input[key]));
}

const given = (value: string | boolean | null | undefined) =>
  typeof value === 'boolean' || present(value) !== null;

/**
 * `activity` undefined/null (unknown activity): the fields are only read, since whether they are
 * allowed depends on the activity. `syntaxOnly` (deletes): read without requiring anything.
 */
export function readRemsFields(
  f: Findings,
  input: LearnerInput,
  activity: LearnerActivity | null | undefined,
  syntaxOnly: boolean,
): RemsFields {
  const isRems = activity ? activity.rems !== null : undefined;
  if (isRems === false && !syntaxOnly) {
    for (const [key, label] of REMS_FIELDS) {
      if (given(input[key])) {
        f.error(
          key,
          'LRN-REMS-NOT-ALLOWED',
          `${label} applies only to REMS activities, and this activity is not one; leave it empty`,
          input[key],
        );
      }
    }
    return {
      remsProfession: null,
      remsDeaRegistration: null,
      remsPracticeType: null,
      remsPrescribedLastYear: null,
    };
  }
  const required = isRems === true && !syntaxOnly;
  return {
    remsProfession: readRemsCode(f, 'remsProfession', input.remsProfession, remsProfessions(), required, {
      code: 'LRN-REMS-PROFESSION',
      label: 'Profession (REMS)',
      accepted: `a code or name of the REMS profession list, such as ${oneOf(remsProfessions().codes.slice(0, 3))}`,
    }),
    remsDeaRegistration: readRemsCode(f, 'remsDeaRegistration', input.remsDeaRegistration, DEA, required, {
      code: 'LRN-REMS-DEA',
      label: 'DEA registration (REMS)',
      accepted: 'Individual, Institutional or None',
    }) as RemsFields['remsDeaRegistration'],
    remsPracticeType: readRemsCode(f, 'remsPracticeType', input.remsPracticeType, PRACTICE, false, {
      // formats.md §9 has no code for this optional field; see the note in the hand-back report.
      code: 'LRN-REMS-PRACTICE-TYPE',
      label: 'Practice type (REMS)',
      accepted: oneOf(REMS_PRACTICE_TYPES),
    }) as RemsFields['remsPracticeType'],
    remsPrescribedLastYear: input.remsPrescribedLastYear ?? null,
  };
}

type RemsCodeRule = { code: string; label: string; accepted: string };

function readRemsCode(
  f: Findings,
  path: string,
  raw: string | null | undefined,
  set: CodeSet,
  required: boolean,
  rule: RemsCodeRule,
): string | null | undefined {
  const value = present(raw);
  if (value === null) {
    if (required) f.error(path, rule.code, `${rule.label} is required on a REMS activity: ${rule.accepted}`);
    return null;
  }
  const code = set.canonical(value);
  if (code) return code;
  f.error(path, rule.code, `${rule.label} must be ${rule.accepted}; "${value}" is not`, raw);
  return undefined;
}

/** §12: kept only where the activity is a MIPS Improvement Activity; elsewhere ignored, silently. */
export function readMipsParticipation(
  input: LearnerInput,
  activity: LearnerActivity | null | undefined,
): boolean | null {
  return activity?.mips?.improvementActivity === true ? (input.mipsParticipationMet ?? null) : null;
}
