import type { Activity, ActivityInput } from '../../../api/activities';
import { deliveryMethodsFor } from '../../../lib/activity-labels';

// The activity form keeps what the person typed (text for numbers, '' for "not answered") and turns it
// into the API's ActivityInput on every change, so the same rules as the server can check it
// (DESIGN.md "One rule, one place"). Fields that cannot apply — a location for an online course,
// joint providers of a directly provided activity — stay in the form state but are not sent.

export type YesNo = '' | 'yes' | 'no';

export type SupporterState = {
  key: string;
  name: string;
  kind: string;
  amount: string;
  inKindTypes: string[];
  inKindOther: string;
};

export type CreditTypeState = { code: string; amount: string };

export type MocState = {
  key: string;
  board: string;
  creditTypes: CreditTypeState[];
  practiceAreas: string[];
  contentAreas: string[];
  internalId: string;
  hasFee: YesNo;
  registration: string;
  activityUrl: string;
  claimDate: string;
  attested: boolean;
  /** When the attestation was recorded; null until saved. */
  attestedAt: string | null;
};

export type EnduringYearState = { physicianLearners: string; otherLearners: string };

export type RemsState = {
  type: string;
  blueprintSections: string[];
  rpcId: string;
  prescribersLastYear: string;
  byProfession: Record<string, string>;
  deaIndividual: string;
  deaInstitutional: string;
  byPracticeType: Record<string, string>;
};

export type MipsState = {
  improvementActivity: YesNo;
  participationDefinition: string;
  attested: boolean;
  attestedAt: string | null;
};

export type InstanceState = {
  key: string;
  providerActivityId: string;
  startDate: string;
  endDate: string;
  deliveryMethod: string;
  city: string;
  state: string;
  country: string;
};

export type ActivityFormState = {
  providerActivityId: string;
  requestedStatus: string;
  title: string;
  format: string;
  description: string;
  providership: string;
  jointProviders: string[];
  topics: string[];
  startDate: string;
  endDate: string;
  deliveryMethod: string;
  city: string;
  state: string;
  country: string;
  creditsDesignated: string;
  listInPassport: YesNo;
  hasFee: YesNo;
  registration: string;
  activityUrl: string;
  outcomeMeasures: string[];
  commercialSupportReceived: YesNo;
  commercialSupporters: SupporterState[];
  physicianLearnerCount: string;
  otherLearnerCount: string;
  otherLearnersByProfession: Record<string, string>;
  /** Keyed by calendar year. */
  enduringCounts: Record<string, EnduringYearState>;
  mocRegistrations: MocState[];
  isRems: boolean;
  rems: RemsState;
  mips: MipsState;
  /** New activities only: create a repeat group instead of one activity (activities.md §5). */
  repeat: boolean;
  instances: InstanceState[];
};

let keySeq = 0;
/** A stable React key for rows the person adds and removes. */
export const rowKey = (prefix: string) => `${prefix}-${++keySeq}`;

export const emptyRems = (): RemsState => ({
  type: '',
  blueprintSections: [],
  rpcId: '',
  prescribersLastYear: '',
  byProfession: {},
  deaIndividual: '',
  deaInstitutional: '',
  byPracticeType: {},
});

export const emptySupporter = (): SupporterState => ({
  key: rowKey('supporter'),
  name: '',
  kind: '',
  amount: '',
  inKindTypes: [],
  inKindOther: '',
});

export const emptyMoc = (board: string): MocState => ({
  key: rowKey('moc'),
  board,
  creditTypes: [],
  practiceAreas: [],
  contentAreas: [],
  internalId: '',
  hasFee: '',
  registration: '',
  activityUrl: '',
  claimDate: '',
  attested: false,
  attestedAt: null,
});

export const emptyInstance = (from?: Partial<InstanceState>): InstanceState => ({
  key: rowKey('instance'),
  providerActivityId: '',
  startDate: '',
  endDate: '',
  deliveryMethod: '',
  city: '',
  state: '',
  country: 'USA',
  ...from,
});

export function emptyActivityForm(): ActivityFormState {
  return {
    providerActivityId: '',
    requestedStatus: 'AUTO',
    title: '',
    format: '',
    description: '',
    providership: '',
    jointProviders: [],
    topics: [],
    startDate: '',
    endDate: '',
    deliveryMethod: '',
    city: '',
    state: '',
    country: 'USA',
    creditsDesignated: '',
    listInPassport: '',
    hasFee: '',
    registration: '',
    activityUrl: '',
    outcomeMeasures: [],
    commercialSupportReceived: '',
    commercialSupporters: [],
    physicianLearnerCount: '',
    otherLearnerCount: '',
    otherLearnersByProfession: {},
    enduringCounts: {},
    mocRegistrations: [],
    isRems: false,
    rems: emptyRems(),
    mips: { improvementActivity: '', participationDefinition: '', attested: false, attestedAt: null },
    repeat: false,
    instances: [],
  };
}

// ---- stored record → form ---------------------------------------------------------------------

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
const yesNo = (value: boolean | null | undefined): YesNo =>
  value === true ? 'yes' : value === false ? 'no' : '';
const textMap = (map: Record<string, number> | null | undefined) =>
  Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(v)]));

export function activityToForm(a: Activity): ActivityFormState {
  return {
    ...emptyActivityForm(),
    providerActivityId: text(a.providerActivityId),
    requestedStatus: a.requestedStatus ?? 'AUTO',
    title: a.title ?? '',
    format: a.format ?? '',
    description: text(a.description),
    providership: text(a.providership),
    jointProviders: [...(a.jointProviders ?? [])],
    topics: [...(a.topics ?? [])],
    startDate: text(a.startDate),
    endDate: text(a.endDate),
    deliveryMethod: text(a.deliveryMethod),
    city: text(a.city),
    state: text(a.state),
    country: a.country ?? 'USA',
    creditsDesignated: text(a.creditsDesignated),
    listInPassport: yesNo(a.listInPassport),
    hasFee: yesNo(a.hasFee),
    registration: text(a.registration),
    activityUrl: text(a.activityUrl),
    outcomeMeasures: [...(a.outcomeMeasures ?? [])],
    commercialSupportReceived: yesNo(a.commercialSupportReceived),
    commercialSupporters: (a.commercialSupporters ?? []).map((s) => ({
      key: rowKey('supporter'),
      name: text(s.name),
      kind: text(s.kind),
      amount: text(s.amount),
      inKindTypes: [...(s.inKindTypes ?? [])],
      inKindOther: text(s.inKindOther),
    })),
    physicianLearnerCount: text(a.physicianLearnerCount),
    otherLearnerCount: text(a.otherLearnerCount),
    otherLearnersByProfession: textMap(a.otherLearnersByProfession),
    enduringCounts: Object.fromEntries(
      (a.enduringCounts ?? []).map((e) => [
        String(e.year),
        { physicianLearners: String(e.physicianLearners), otherLearners: String(e.otherLearners) },
      ]),
    ),
    mocRegistrations: (a.mocRegistrations ?? []).map((m) => ({
      key: rowKey('moc'),
      board: m.board,
      creditTypes: (m.creditTypes ?? []).map((c) => ({ code: c.code, amount: String(c.amount) })),
      practiceAreas: [...(m.practiceAreas ?? [])],
      contentAreas: [...(m.contentAreas ?? [])],
      internalId: text(m.internalId),
      hasFee: yesNo(m.hasFee),
      registration: text(m.registration),
      activityUrl: text(m.activityUrl),
      claimDate: text(m.claimDate),
      attested: m.attestedAt !== null && m.attestedAt !== undefined,
      attestedAt: m.attestedAt ?? null,
    })),
    isRems: a.rems !== null && a.rems !== undefined,
    rems: a.rems
      ? {
          type: text(a.rems.type),
          blueprintSections: [...(a.rems.blueprintSections ?? [])],
          rpcId: text(a.rems.rpcId),
          prescribersLastYear: text(a.rems.prescribersLastYear),
          byProfession: textMap(a.rems.byProfession),
          deaIndividual: text(a.rems.deaIndividual),
          deaInstitutional: text(a.rems.deaInstitutional),
          byPracticeType: textMap(a.rems.byPracticeType),
        }
      : emptyRems(),
    mips: {
      improvementActivity: yesNo(a.mips?.improvementActivity),
      participationDefinition: text(a.mips?.participationDefinition),
      attested: Boolean(a.mips?.attestedAt),
      attestedAt: a.mips?.attestedAt ?? null,
    },
  };
}

// ---- form → ActivityInput ---------------------------------------------------------------------

const opt = (value: string): string | null => (value.trim() === '' ? null : value);
const bool = (value: YesNo): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);

/**
 * A number as typed: '' is "not given" (null); anything that is not a plain decimal becomes NaN, which
 * the rules report as a number-format error. Thousands separators are accepted where `commas` is set.
 */
export function parseNumber(value: string, commas = false): number | null {
  const raw = commas ? value.trim().replaceAll(',', '') : value.trim();
  if (raw === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(raw)) return Number.NaN;
  return Number(raw);
}

function countMap(map: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, value] of Object.entries(map)) {
    const n = parseNumber(value, true);
    if (n !== null) out[code] = n;
  }
  return out;
}

const LOCATION_METHODS = ['IN_PERSON', 'HYBRID'];
export const locationApplies = (deliveryMethod: string) => LOCATION_METHODS.includes(deliveryMethod);

type Place = Pick<InstanceState, 'deliveryMethod' | 'city' | 'state' | 'country'>;

/** Delivery method and location as sent: only what can apply to the format and method. */
function placeInput(format: string, place: Place) {
  const method = deliveryMethodsFor(format).length > 0 ? opt(place.deliveryMethod) : null;
  const located = method !== null && locationApplies(method);
  const usa = place.country === 'USA' || place.country === '';
  return {
    deliveryMethod: method,
    city: located ? opt(place.city) : null,
    state: located && usa ? opt(place.state) : null,
    country: located ? opt(place.country) : null,
  };
}

/** Calendar years an enduring material runs, from its dates (empty while they are not both valid). */
export function enduringYears(startDate: string, endDate: string): number[] {
  const first = Number(startDate.slice(0, 4));
  const last = Number(endDate.slice(0, 4));
  if (!/^\d{4}-/.test(startDate) || !/^\d{4}-/.test(endDate) || last < first || last - first > 5) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The enduring-count entries sent, in year order; the same order maps error paths back to years. */
export function enduringEntries(state: ActivityFormState) {
  return Object.entries(state.enduringCounts)
    .filter(([, e]) => e.physicianLearners.trim() !== '' || e.otherLearners.trim() !== '')
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([year, e]) => ({
      year: Number(year),
      physicianLearners: parseNumber(e.physicianLearners, true) ?? Number.NaN,
      otherLearners: parseNumber(e.otherLearners, true) ?? Number.NaN,
    }));
}

function supporterInput(s: SupporterState) {
  const inKind = s.kind === 'IN_KIND';
  return {
    name: s.name,
    kind: s.kind,
    amount: inKind ? null : parseNumber(s.amount, true),
    inKindTypes: inKind ? s.inKindTypes : [],
    inKindOther: inKind && s.inKindTypes.includes('OTHER') ? opt(s.inKindOther) : null,
  };
}

function mocInput(m: MocState) {
  return {
    board: m.board,
    creditTypes: m.creditTypes.map((c) => ({ code: c.code, amount: parseNumber(c.amount) ?? Number.NaN })),
    practiceAreas: m.practiceAreas,
    contentAreas: m.contentAreas,
    internalId: opt(m.internalId),
    hasFee: bool(m.hasFee),
    registration: opt(m.registration),
    activityUrl: opt(m.activityUrl),
    claimDate: opt(m.claimDate),
    attested: m.attested,
  };
}

function remsInput(r: RemsState) {
  return {
    type: opt(r.type),
    blueprintSections: r.type === 'RELATED' ? r.blueprintSections : [],
    rpcId: opt(r.rpcId),
    prescribersLastYear: parseNumber(r.prescribersLastYear, true),
    byProfession: countMap(r.byProfession),
    deaIndividual: parseNumber(r.deaIndividual, true),
    deaInstitutional: parseNumber(r.deaInstitutional, true),
    byPracticeType: countMap(r.byPracticeType),
  };
}

function mipsInput(m: MipsState) {
  if (m.improvementActivity === '' && m.participationDefinition.trim() === '') return null;
  if (m.improvementActivity === 'no') return { improvementActivity: false };
  return {
    improvementActivity: bool(m.improvementActivity),
    participationDefinition: opt(m.participationDefinition),
    attested: m.attested,
  };
}

/** The whole form as the API takes it (one activity; see repeatInputs for a repeat group). */
export function formToInput(state: ActivityFormState): ActivityInput {
  const isEnduring = state.format === 'EM';
  return {
    providerActivityId: opt(state.providerActivityId),
    requestedStatus: state.requestedStatus || 'AUTO',
    title: state.title,
    format: opt(state.format),
    startDate: opt(state.startDate),
    endDate: opt(state.endDate),
    ...placeInput(state.format, state),
    creditsDesignated: parseNumber(state.creditsDesignated),
    description: opt(state.description),
    providership: opt(state.providership),
    jointProviders: state.providership === 'JOINT' ? state.jointProviders : [],
    topics: state.topics,
    listInPassport: bool(state.listInPassport),
    hasFee: bool(state.hasFee),
    registration: opt(state.registration),
    activityUrl: opt(state.activityUrl),
    outcomeMeasures: state.outcomeMeasures,
    commercialSupportReceived: bool(state.commercialSupportReceived),
    commercialSupporters:
      state.commercialSupportReceived === 'yes' ? state.commercialSupporters.map(supporterInput) : [],
    physicianLearnerCount: parseNumber(state.physicianLearnerCount, true),
    otherLearnerCount: parseNumber(state.otherLearnerCount, true),
    otherLearnersByProfession: countMap(state.otherLearnersByProfession),
    enduringCounts: isEnduring ? enduringEntries(state) : [],
    mocRegistrations: state.mocRegistrations.map(mocInput),
    rems: state.isRems ? remsInput(state.rems) : null,
    mips: mipsInput(state.mips),
  };
}

/** The ID an instance gets without one of its own: the shared ID plus "-01" … (activities.md §5). */
export function generatedInstanceId(base: string, index: number, count: number): string | null {
  const shared = base.trim();
  if (!shared) return null;
  const digits = Math.max(2, String(count).length);
  return `${shared}-${String(index + 1).padStart(digits, '0')}`;
}

export function instanceInput(format: string, instance: InstanceState): ActivityInput {
  return {
    providerActivityId: opt(instance.providerActivityId),
    startDate: opt(instance.startDate),
    endDate: opt(instance.endDate),
    ...placeInput(format, instance),
  };
}

/** `POST /activities:repeat` body: the shared fields and one entry per instance. */
export function repeatInputs(state: ActivityFormState): {
  shared: ActivityInput;
  instances: ActivityInput[];
} {
  return {
    shared: formToInput(state),
    instances: state.instances.map((i) => instanceInput(state.format, i)),
  };
}

/** One instance as it will be created, for the local check. */
export function instanceActivityInput(state: ActivityFormState, index: number): ActivityInput {
  const shared = formToInput(state);
  const instance = state.instances[index];
  if (!instance) return shared;
  const own = instanceInput(state.format, instance);
  return {
    ...shared,
    ...own,
    providerActivityId:
      own.providerActivityId ?? generatedInstanceId(state.providerActivityId, index, state.instances.length),
  };
}

/** The DOM id of the control that edits a field path ("commercialSupporters.0.amount"). */
export function fieldId(path: string): string {
  return `activity-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
