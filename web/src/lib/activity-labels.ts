import type { ActivityStatus, RequestedStatus } from '../../../src/modules/activities/activity.schema';
import { type CodeListName, codeList } from '../../../src/reference/codes';

// Words for the activity codes and fields (spec/activities.md §1, §3, §4). Code lists come from
// src/reference/codes, the same data the rules read.

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

export const REQUESTED_STATUS_LABELS: Record<RequestedStatus, string> = {
  AUTO: 'Automatic — as far as the data allows',
  DRAFT: 'Keep as a draft',
  ACTIVE: 'Active at most (do not close)',
  CLOSED: 'Closed, once complete',
};

export const PROVIDERSHIP_LABELS: Record<string, string> = {
  DIRECT: 'Directly provided',
  JOINT: 'Jointly provided',
};

export const REGISTRATION_LABELS: Record<string, string> = {
  OPEN: 'Open to all',
  LIMITED: 'Limited to a defined group',
};

export const SUPPORT_KIND_LABELS: Record<string, string> = {
  MONETARY: 'Monetary',
  IN_KIND: 'In kind',
};

export const REMS_TYPE_LABELS: Record<string, string> = {
  COMPLIANT: 'REMS-compliant (covers the whole FDA Blueprint)',
  RELATED: 'REMS-related (covers some Blueprint sections)',
};

export const PRACTICE_TYPE_LABELS: Record<string, string> = {
  PRIMARY_CARE: 'Primary care',
  PAIN_SPECIALIST: 'Pain specialist',
  NON_PAIN_SPECIALIST: 'Other specialist (not pain)',
};

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

/** Labels of the record's fields, for the missing-requirement list and the change history. */
export const ACTIVITY_FIELD_LABELS: Record<string, string> = {
  providerActivityId: 'Provider activity ID',
  requestedStatus: 'Requested status',
  status: 'Status',
  title: 'Title',
  format: 'Format',
  deliveryMethod: 'Delivery method',
  startDate: 'Start date',
  endDate: 'End date',
  city: 'City',
  state: 'State',
  country: 'Country',
  creditsDesignated: 'Credits designated',
  description: 'Description',
  providership: 'Providership',
  jointProviders: 'Joint providers',
  topics: 'Topics',
  listInPassport: 'List in CME Passport',
  hasFee: 'Participation fee',
  registration: 'Registration',
  activityUrl: 'Activity URL',
  outcomeMeasures: 'Outcome measures',
  commercialSupportReceived: 'Commercial support received',
  commercialSupporters: 'Commercial supporters',
  physicianLearnerCount: 'Physician learners',
  otherLearnerCount: 'Other learners',
  otherLearnersByProfession: 'Other learners by profession',
  enduringCounts: 'Enduring-material counts',
  mocRegistrations: 'MOC registrations',
  rems: 'REMS details',
  mips: 'MIPS details',
};

/** "commercialSupporters.0.amount" → "Commercial supporters 1, amount". */
export function fieldLabel(path: string): string {
  const [head = '', ...rest] = path.split('.');
  const base = ACTIVITY_FIELD_LABELS[head] ?? head;
  if (rest.length === 0) return base;
  const parts = rest.map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : humanizeKey(p)));
  return `${base} ${parts.join(', ')}`;
}

function humanizeKey(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words;
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
