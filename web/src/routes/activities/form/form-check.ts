import {
  type ActivityRecord,
  evaluateStatus,
  normalizeActivity,
  type Requirement,
  type RuleContext,
  type RuleMessage,
} from '../../../../../src/modules/activities/activity.rules';
import type { ActivityStatus } from '../../../../../src/modules/activities/activity.schema';
import { type ActivityFormState, formToInput, instanceActivityInput } from './form-state';

// The live check of the form: the API's own rules (normalizeActivity + evaluateStatus) on what the
// person has typed, with the same context the server uses.

export type FormCheck = {
  /** Reasons the record cannot be saved (a save would be refused with exactly these). */
  errors: RuleMessage[];
  /** Values the rules would change or discard. */
  warnings: RuleMessage[];
  record: ActivityRecord | null;
  status: ActivityStatus | null;
  targetStatus: ActivityStatus | null;
  missing: Requirement[];
};

/** Fields an instance of a repeat group carries itself (activities.md §5). */
const INSTANCE_FIELDS = [
  'providerActivityId',
  'startDate',
  'endDate',
  'deliveryMethod',
  'city',
  'state',
  'country',
];

const ownField = (path: string) => INSTANCE_FIELDS.includes(path.split('.')[0] ?? '');

export function checkForm(state: ActivityFormState, ctx: RuleContext): FormCheck {
  if (state.repeat && state.instances.length > 0) return checkRepeat(state, ctx);
  return checkOne(formToInput(state), ctx);
}

function checkOne(input: ReturnType<typeof formToInput>, ctx: RuleContext): FormCheck {
  const { record, errors, warnings } = normalizeActivity(input, ctx);
  const evaluation = record ? evaluateStatus(record, ctx) : null;
  return {
    errors,
    warnings,
    record,
    status: evaluation?.status ?? null,
    targetStatus: evaluation?.targetStatus ?? null,
    missing: evaluation?.missing ?? [],
  };
}

/**
 * Every instance is checked as it will be created. Messages about an instance's own fields move to
 * `instances.<i>.<field>`; messages about the shared fields are the same for every instance and are
 * kept once. The status shown is the first instance's; the others differ only by their own dates.
 */
function checkRepeat(state: ActivityFormState, ctx: RuleContext): FormCheck {
  const errors: RuleMessage[] = [];
  const warnings: RuleMessage[] = [];
  const seen = new Set<string>();
  const add = (list: RuleMessage[], m: RuleMessage, index: number) => {
    const path = ownField(m.path) ? `instances.${index}.${m.path}` : m.path;
    const key = `${path}|${m.code}|${ownField(m.path) ? m.message : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push({ ...m, path });
  };
  let head: FormCheck | null = null;
  for (let i = 0; i < state.instances.length; i++) {
    const result = checkOne(instanceActivityInput(state, i), ctx);
    for (const e of result.errors) add(errors, e, i);
    for (const w of result.warnings) add(warnings, w, i);
    if (i === 0) head = result;
  }
  const missing = (head?.missing ?? []).map((m) =>
    ownField(m.field) ? { ...m, field: `instances.0.${m.field}` } : m,
  );
  return {
    errors,
    warnings,
    record: errors.length === 0 ? (head?.record ?? null) : null,
    status: errors.length === 0 ? (head?.status ?? null) : null,
    targetStatus: errors.length === 0 ? (head?.targetStatus ?? null) : null,
    missing: errors.length === 0 ? missing : [],
  };
}

/** D1–D4 for the messages that stop a save because a draft field is missing or wrong (§3.1). */
export function draftRequirementOf(path: string): string | null {
  const field = path.split('.').pop() ?? path;
  const byField: Record<string, string> = { title: 'D1', format: 'D2', startDate: 'D3', endDate: 'D4' };
  return byField[field] ?? null;
}

/** Messages keyed by path, the first per path. */
export function messagesByPath(
  messages: readonly { path: string; message: string }[],
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const m of messages) if (!(m.path in map)) map[m.path] = m.message;
  return map;
}
