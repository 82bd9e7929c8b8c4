import type { ActivityStatus } from '../../../src/modules/activities/activity.schema';
import { type CodeListName, codeList } from '../../../src/reference/codes';

// Words for the activity codes and fields (spec/activities.md §1, §3, §4). Code lists come from
// src/reference/codes, the same data the rules read; field labels and the enumerations without a
// code-list file live beside the schema, so the server's upload templates use the same words.
export {
  ACTIVITY_FIELD_LABELS,
  fieldLabel,
  PRACTICE_TYPE_LABELS,
  PROVIDERSHIP_LABELS,
  REGISTRATION_LABELS,
  REMS_TYPE_LABELS,
  REQUESTED_STATUS_LABELS,
  SUPPORT_KIND_LABELS,
} from '../../../src/modules/activities/activity-labels';

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  DRAFT: 'Draft',
  ACTIVE: 'Active',
  READY_TO_CLOSE: 'Ready to close',
  CLOSED: 'Closed',
};

export const ACTIVITY_STATUS_COLORS: Record<ActivityStatus, string> = {
  DRAFT: 'gray',
  ACTIVE: 'blue',
  READY_TO_CLOSE: 'orange',
  CLOSED: 'green',
};

export function activityStatusLabel(status: string | null | undefined): string {
  if (!status) return '';
  return ACTIVITY_STATUS_LABELS[status as ActivityStatus] ?? status;
}

/** The name of a code in one of the reference lists, or the code itself. */
export function codeLabel(list: CodeListName, code: string | null | undefined): string {
  if (!code) return '';
  return codeList(list).find((r) => r.code === code)?.name ?? code;
}

export function codeOptions(list: CodeListName): { value: string; label: string }[] {
  return codeList(list).map((r) => ({ value: r.code, label: r.name }));
}

/** Formats with their code, as people know both: "C — Course". */
export function formatOptions(): { value: string; label: string }[] {
  return codeList('activity-types').map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }));
}

/** Delivery methods allowed with a format (delivery-methods.tsv `allowed_formats`, §4.2). */
export function deliveryMethodsFor(format: string | null | undefined): string[] {
  if (!format) return [];
  return codeList('delivery-methods')
    .filter((r) => (r.allowed_formats ?? '').split(',').includes(format))
    .map((r) => r.code);
}

export const certifyingBoards = () => codeList('boards').filter((b) => b.kind === 'certifying');

export function creditTypesOf(board: string) {
  return codeList('credit-types').filter((r) => r.board === board);
}

/** Whole dollars as "$15,000". */
export function formatDollars(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `$${value.toLocaleString('en-US')}`;
}

/** Credits with two places at most: "6.5", "40". */
export function formatCredits(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? String(n) : String(value);
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value ? 'Yes' : 'No';
}

/** The MOC attestation a provider confirms for each board (spec/activities.md §4.6). */
export function mocAttestationText(boardName: string): string {
  return `On behalf of the provider, I confirm that this activity meets the requirements of the ${boardName}; that we will collect learners’ permission and report their completions through OpenPARS within 30 days; that the activity’s data may be published; and that we accept audits by our accreditor and by the board.`;
}

/** The five MIPS Improvement Activity criteria attested (spec/activities.md §4.7). */
export const MIPS_CRITERIA = [
  'addresses a quality or safety gap supported by a needs assessment or problem analysis;',
  'has specific, measurable improvement aims;',
  'includes interventions intended to produce improvement;',
  'collects and analyses performance data to assess the interventions;',
  'defines meaningful clinician participation, identifies who met it and gives them documentation.',
] as const;
