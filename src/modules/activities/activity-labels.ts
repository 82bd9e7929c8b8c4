import type { RequestedStatus } from './activity.schema';

// Words for the activity fields and the enumerations that have no code-list file (spec/activities.md
// §1, §4.9). Shared by the web app (form, status panel, history) and the server (upload templates), so a
// label reads the same on screen and in a downloaded template.

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

/** Labels of the record's fields, for the missing-requirement list, the change history and templates. */
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

/** "creditTypes" → "credit types". */
export function fieldWords(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A rule path → words: "commercialSupporters.0.amount" → "Commercial supporters 1, amount". */
export function fieldLabel(path: string): string {
  const [head = '', ...rest] = path.split('.');
  const base = ACTIVITY_FIELD_LABELS[head] ?? head;
  if (rest.length === 0) return base;
  const parts = rest.map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : fieldWords(p)));
  return `${base} ${parts.join(', ')}`;
}
