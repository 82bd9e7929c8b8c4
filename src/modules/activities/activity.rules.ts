import { codeList } from '../../reference/codes';
import {
  type ActivityInput,
  type ActivityStatus,
  REQUESTED_STATUSES,
  type RequestedStatus,
} from './activity.schema';
import {
  type EnduringCountRecord,
  enduringRequirements,
  readActivityDates,
  readEnduringCounts,
  yearOf,
} from './activity-dates.rules';
import {
  type CodeSet,
  codeListSet,
  codeSet,
  codeSetOf,
  createFindings,
  type Findings,
  fromHundredths,
  hasControlChar,
  isLegacyRuleSet,
  isQuarterStep,
  oneOf,
  type Requirement,
  type RuleContext,
  type RuleMessage,
  readCode,
  readCodeList,
  readCount,
  readCountMap,
  readText,
  readUrl,
  sumOf,
  toHundredths,
  trimText,
} from './activity-fields.rules';
import {
  type MocRegistrationRecord,
  mocRequirements,
  REGISTRATIONS,
  readMocRegistrations,
} from './activity-moc.rules';
import {
  type MipsRecord,
  mipsRequirements,
  type RemsRecord,
  readMips,
  readRems,
  remsRequirements,
} from './activity-rems.rules';

// The meaning of an activity record (spec/activities.md §1 and §3, formats.md §9): every intake
// channel turns its input into an ActivityInput, and these pure functions turn that into the one
// canonical record, or into the ACT-* reasons why not, and compute the status it reaches.

export type { EnduringCountRecord } from './activity-dates.rules';
export type { BoardLists, Requirement, RuleContext, RuleMessage, RuleSet } from './activity-fields.rules';
export { isLegacyRuleSet } from './activity-fields.rules';
export type { MocCreditType, MocRegistrationRecord } from './activity-moc.rules';
export { DEFAULT_BOARD_RULES } from './activity-moc.rules';
export type { MipsRecord, RemsRecord } from './activity-rems.rules';
export { RPC_SUPPORTER } from './activity-rems.rules';

export type CommercialSupporterRecord = {
  name: string | null;
  kind: string | null;
  amountCents: number | null;
  inKindTypes: string[];
  inKindOther: string | null;
};

/** The normalised, canonical activity: what is stored, compared and evaluated. */
export type ActivityRecord = {
  providerActivityId: string | null;
  requestedStatus: RequestedStatus;
  title: string;
  format: string;
  deliveryMethod: string | null;
  startDate: string;
  endDate: string;
  city: string | null;
  state: string | null;
  country: string | null;
  creditsDesignated: number | null;
  description: string | null;
  providership: string | null;
  jointProviders: string[];
  topics: string[];
  listInPassport: boolean | null;
  hasFee: boolean | null;
  registration: string | null;
  activityUrl: string | null;
  outcomeMeasures: string[];
  commercialSupportReceived: boolean | null;
  commercialSupporters: CommercialSupporterRecord[];
  physicianLearnerCount: number | null;
  otherLearnerCount: number | null;
  otherLearnersByProfession: Record<string, number>;
  enduringCounts: EnduringCountRecord[];
  mocRegistrations: MocRegistrationRecord[];
  rems: RemsRecord | null;
  mips: MipsRecord | null;
};

export type NormalizeResult = {
  record: ActivityRecord | null;
  errors: RuleMessage[];
  warnings: RuleMessage[];
};
export type StatusResult = { status: ActivityStatus; targetStatus: ActivityStatus; missing: Requirement[] };

// ---------------------------------------------------------------------------------------------
// Code lists and enumerations

const PROVIDERSHIPS = codeSet(['DIRECT', 'JOINT']);
const SUPPORT_KINDS = codeSet(['MONETARY', 'IN_KIND']);
const STATUS_REQUESTS = codeSet(REQUESTED_STATUSES);
/** Territories that ISO lists as countries but USPS as states (activities.md §1.2). */
const US_TERRITORIES: Readonly<Record<string, string>> = {
  ASM: 'AS',
  GUM: 'GU',
  MNP: 'MP',
  PRI: 'PR',
  UMI: 'UM',
  VIR: 'VI',
};
const LOCATION_DELIVERY = ['IN_PERSON', 'HYBRID'];

/** Formats that take a delivery method: those named in delivery-methods.tsv (C, RSS, EM, OTH). */
function deliveryMethodsFor(format: string): string[] {
  return codeList('delivery-methods')
    .filter((r) => (r.allowed_formats ?? '').split(',').includes(format))
    .map((r) => r.code);
}

const takesDeliveryMethod = (format: string) => deliveryMethodsFor(format).length > 0;

/** Formats whose location can apply at all (activity-types.tsv `location_required`). */
const formatHasLocation = (format: string) =>
  codeList('activity-types').find((r) => r.code === format)?.location_required !== 'no';

const locationApplies = (deliveryMethod: string | null) =>
  deliveryMethod !== null && LOCATION_DELIVERY.includes(deliveryMethod);

// ---------------------------------------------------------------------------------------------
// normalizeActivity

export function normalizeActivity(
  input: ActivityInput,
  ctx: RuleContext,
  previous?: ActivityRecord | null,
): NormalizeResult {
  const f = createFindings();
  const legacy = isLegacyRuleSet(ctx.ruleSet);
  const providerActivityId = readProviderActivityId(f, input.providerActivityId);
  const requestedStatus = readCode(f, 'requestedStatus', input.requestedStatus, {
    label: 'Requested status',
    set: STATUS_REQUESTS,
    errorCode: 'ACT-STATUS-CODE',
  });
  const title = readText(f, 'title', input.title, { label: 'Title', max: 250 });
  if (title === null) f.error('title', 'ACT-REQUIRED', 'Title is required (1–250 characters)');
  const format = readFormat(f, input.format);
  const dates = readActivityDates(f, input, format, ctx.today, !legacy);
  const deliveryMethod = readDeliveryMethod(f, input.deliveryMethod, format);
  const location = readLocation(f, input, format, deliveryMethod);
  const credits = readCreditsDesignated(f, input.creditsDesignated, ctx.jointAccreditation, legacy);
  const providership = readCode(f, 'providership', input.providership, {
    label: 'Providership',
    set: PROVIDERSHIPS,
  });
  const counts = readLearnerCounts(f, input);
  const support = readCommercialSupport(f, input);

  const record = {
    providerActivityId,
    requestedStatus: (requestedStatus ?? 'AUTO') as RequestedStatus,
    title,
    format,
    deliveryMethod: deliveryMethod ?? null,
    startDate: dates.startDate,
    endDate: dates.endDate,
    ...location,
    creditsDesignated: typeof credits === 'number' ? fromHundredths(credits) : null,
    description: readText(f, 'description', input.description, {
      label: 'Description',
      max: 4000,
      allowLineBreaks: true,
    }),
    providership: providership ?? null,
    jointProviders: readJointProviders(f, input.jointProviders, providership),
    topics: readTopics(f, input.topics, ctx.topics),
    ...readListing(f, input),
    outcomeMeasures:
      readCodeList(f, 'outcomeMeasures', input.outcomeMeasures, {
        label: 'Outcome measure',
        set: codeListSet('outcome-measures'),
      }) ?? [],
    ...support,
    physicianLearnerCount: counts.physicianLearnerCount,
    otherLearnerCount: counts.otherLearnerCount,
    otherLearnersByProfession: counts.otherLearnersByProfession,
    enduringCounts: readEnduringCounts(f, input.enduringCounts, format, dates),
    mocRegistrations: readMocRegistrations(f, input.mocRegistrations, ctx, {
      ...dates,
      creditsHundredths: credits,
      previous: previous?.mocRegistrations ?? [],
    }),
    rems: readRems(f, input.rems, ctx, counts.learners),
    mips: readMips(f, input.mips, ctx, previous?.mips),
  };

  const { errors, warnings } = f;
  const { startDate, endDate } = record;
  if (errors.length > 0 || !title || !format || !startDate || !endDate)
    return { record: null, errors, warnings };
  return { record: { ...record, title, format, startDate, endDate }, errors, warnings };
}

/** The provider's own key: any printable text of 1–50 characters (formats.md §9 ACT-PROVIDER-ID-FORMAT). */
function readProviderActivityId(f: Findings, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const value = trimText(raw);
  const problem =
    value === ''
      ? 'must not be empty'
      : [...value].length > 50
        ? 'must be at most 50 characters'
        : hasControlChar(value)
          ? 'must not contain tabs, line breaks or other control characters'
          : null;
  if (problem)
    f.error('providerActivityId', 'ACT-PROVIDER-ID-FORMAT', `Provider activity ID ${problem}`, raw);
  return value === '' ? null : value;
}

function readFormat(f: Findings, raw: string | null | undefined): string | null | undefined {
  const format = readCode(f, 'format', raw, {
    label: 'Format',
    set: codeListSet('activity-types'),
    errorCode: 'ACT-FORMAT-CODE',
  });
  if (format === null)
    f.error(
      'format',
      'ACT-REQUIRED',
      'Format is required (C, RSS, EM, JN, MR, TIW, CML, PI, ISL, LFT or OTH)',
    );
  return format;
}

/** A1's value: allowed per format (§4.2); formats without a delivery method drop a given one. */
function readDeliveryMethod(
  f: Findings,
  raw: string | null | undefined,
  format: string | null | undefined,
): string | null | undefined {
  const given = raw !== null && raw !== undefined && trimText(raw) !== '';
  if (given && format && !takesDeliveryMethod(format)) {
    f.warn(
      'deliveryMethod',
      'ACT-VALUE-IGNORED',
      `Format ${format} takes no delivery method; the value was discarded`,
      raw,
    );
    return null;
  }
  const allowed = format ? deliveryMethodsFor(format) : codeListSet('delivery-methods').codes;
  const method = readCode(f, 'deliveryMethod', raw, {
    label: format ? `Delivery method for format ${format}` : 'Delivery method',
    set: codeListSet('delivery-methods'),
    errorCode: 'ACT-DELIVERY-CODE',
  });
  if (method && !allowed.includes(method)) {
    f.error(
      'deliveryMethod',
      'ACT-DELIVERY-CODE',
      `Delivery method ${method} is not allowed for format ${format}; use ${oneOf(allowed)}`,
      raw,
    );
    return undefined;
  }
  return method;
}

type Location = { city: string | null; state: string | null; country: string | null };

/**
 * A2/A3 values. A location is discarded only when it cannot apply: a format without one, or a known
 * delivery method other than IN_PERSON/HYBRID. While the delivery method is still missing (A1 open)
 * the location is kept, so a draft does not lose what the user typed.
 */
function readLocation(
  f: Findings,
  input: ActivityInput,
  format: string | null | undefined,
  deliveryMethod: string | null | undefined,
): Location {
  const cannotApply =
    (format && !formatHasLocation(format)) ||
    (deliveryMethod !== null && deliveryMethod !== undefined && !locationApplies(deliveryMethod));
  if (cannotApply) {
    const reason = deliveryMethod ? `delivery method ${deliveryMethod}` : `format ${format}`;
    for (const key of ['city', 'state', 'country'] as const) {
      const raw = input[key];
      if (raw !== null && raw !== undefined && trimText(raw) !== '') {
        f.warn(
          key,
          'ACT-VALUE-IGNORED',
          `A ${key} is not used with ${reason} (only in person or hybrid); it was discarded`,
          raw,
        );
      }
    }
    return { city: null, state: null, country: null };
  }
  const city = readText(f, 'city', input.city, { label: 'City', max: 100 });
  const { country, impliedState } = readCountry(f, input.country);
  const state = readState(f, input.state, country, impliedState);
  return { city, state, country: country ?? null };
}

function readCountry(
  f: Findings,
  raw: string | null | undefined,
): { country: string | null | undefined; impliedState: string | null } {
  if (raw !== null && raw !== undefined && /^[a-z]{2}$/i.test(trimText(raw))) {
    f.error(
      'country',
      'ACT-COUNTRY-CODE',
      `Country must be a 3-letter ISO 3166-1 alpha-3 code such as USA or CAN; 2-letter codes such as ${trimText(raw).toUpperCase()} are not accepted`,
      raw,
    );
    return { country: undefined, impliedState: null };
  }
  const country = readCode(f, 'country', raw, {
    label: 'Country',
    set: codeListSet('countries'),
    errorCode: 'ACT-COUNTRY-CODE',
    hint: 'a 3-letter ISO 3166-1 alpha-3 code such as USA or CAN',
  });
  const territoryState = country ? US_TERRITORIES[country] : undefined;
  if (!territoryState) return { country, impliedState: null };
  f.warn(
    'country',
    'ACT-COUNTRY-NORMALISED',
    `${country} is a US territory; stored as country USA with state ${territoryState}`,
    raw,
  );
  return { country: 'USA', impliedState: territoryState };
}

function readState(
  f: Findings,
  raw: string | null | undefined,
  country: string | null | undefined,
  impliedState: string | null,
): string | null {
  const given = raw !== null && raw !== undefined && trimText(raw) !== '';
  if (given && country && country !== 'USA') {
    f.warn(
      'state',
      'ACT-VALUE-IGNORED',
      `State applies only when the country is USA (country is ${country}); it was discarded`,
      raw,
    );
    return null;
  }
  const state = readCode(f, 'state', raw, {
    label: 'State',
    set: codeListSet('states'),
    errorCode: 'ACT-STATE-CODE',
    hint: 'a 2-letter USPS code such as GA',
  });
  if (impliedState && state && state !== impliedState) {
    f.error(
      'state',
      'ACT-STATE-CODE',
      `State ${state} does not match the territory given as country; give ${impliedState} or leave state empty`,
      raw,
    );
  }
  return impliedState ?? state ?? null;
}

/**
 * A4's value as integer hundredths: 0–999.75 in quarter steps; 0 only under Joint Accreditation.
 * Legacy rule sets take any value with at most 2 decimals (formats.md §3.6).
 */
function readCreditsDesignated(
  f: Findings,
  raw: number | null | undefined,
  jointAccreditation: boolean,
  legacy = false,
): number | null | undefined {
  if (raw === null || raw === undefined) return null;
  const path = 'creditsDesignated';
  if (!Number.isFinite(raw)) {
    f.error(
      path,
      'ACT-NUMBER-FORMAT',
      'AMA PRA Category 1 Credits designated must be a number such as 1.5',
      raw,
    );
    return undefined;
  }
  const hundredths = toHundredths(raw);
  const precise = hundredths !== undefined && (legacy || isQuarterStep(hundredths));
  if (!precise) {
    f.error(
      path,
      'ACT-CREDIT-PRECISION',
      legacy
        ? 'AMA PRA Category 1 Credits designated must have at most 2 decimals, such as 1.33'
        : 'AMA PRA Category 1 Credits designated must be in steps of 0.25 with at most 2 decimals, such as 1.25',
      raw,
    );
  }
  // 0.25 and 999.75 are exact in binary, so comparing the number itself is safe; it also catches
  // 1000.123, which has no hundredths to compare.
  const minimum = jointAccreditation ? 0 : 0.25;
  const inRange = raw >= minimum && raw <= 999.75;
  if (!inRange) {
    const zero = jointAccreditation ? '' : ' (0 is allowed only for Joint Accreditation providers)';
    f.error(
      path,
      'ACT-NUMBER-RANGE',
      `AMA PRA Category 1 Credits designated must be between ${minimum} and 999.75${zero}`,
      raw,
    );
  }
  return precise && inRange ? hundredths : undefined;
}

function readJointProviders(
  f: Findings,
  raw: readonly string[] | undefined,
  providership: string | null | undefined,
): string[] {
  if (!raw?.length) return [];
  if (providership === 'DIRECT') {
    f.warn(
      'jointProviders',
      'ACT-VALUE-IGNORED',
      'Joint providers apply only when providership is JOINT; they were discarded',
      raw,
    );
    return [];
  }
  return raw.flatMap((name, i) => {
    const value = readText(f, `jointProviders.${i}`, name, { label: 'Joint provider name', max: 200 });
    if (value === null)
      f.error(
        `jointProviders.${i}`,
        'ACT-TEXT-LENGTH',
        'Joint provider name must be 1–200 characters long; remove the empty entry',
        name,
      );
    return value === null ? [] : [value];
  });
}

/** Without the operator's topic list any code is taken, upper-cased; repeats are refused either way. */
const ANY_TOPIC: CodeSet = { codes: [], canonical: (raw) => trimText(raw).toUpperCase() || undefined };

function readTopics(
  f: Findings,
  raw: readonly string[] | undefined,
  topics: readonly string[] | undefined,
): string[] {
  const set = topics ? codeSetOf(topics) : ANY_TOPIC;
  return readCodeList(f, 'topics', raw, { label: 'Topic', set }) ?? [];
}

function readListing(f: Findings, input: ActivityInput) {
  return {
    listInPassport: input.listInPassport ?? null,
    hasFee: input.hasFee ?? null,
    registration:
      readCode(f, 'registration', input.registration, { label: 'Registration', set: REGISTRATIONS }) ?? null,
    activityUrl: readUrl(f, 'activityUrl', input.activityUrl, 'Activity URL'),
  };
}

type Support = {
  commercialSupportReceived: boolean | null;
  commercialSupporters: CommercialSupporterRecord[];
};

function readCommercialSupport(f: Findings, input: ActivityInput): Support {
  const received = input.commercialSupportReceived ?? null;
  const supporters = (input.commercialSupporters ?? []).map((s, i) =>
    readSupporter(f, `commercialSupporters.${i}`, s),
  );
  if (received === false && supporters.length > 0) {
    f.error(
      'commercialSupporters',
      'ACT-SUPPORT-INCONSISTENT',
      'Commercial supporters are listed but commercial support received is No; answer Yes or remove the supporters',
    );
  }
  return { commercialSupportReceived: received, commercialSupporters: supporters };
}

type SupporterInput = NonNullable<ActivityInput['commercialSupporters']>[number];

function readSupporter(f: Findings, path: string, s: SupporterInput): CommercialSupporterRecord {
  const kind = readCode(f, `${path}.kind`, s.kind, { label: 'Kind of support', set: SUPPORT_KINDS });
  const inKindTypes =
    readCodeList(f, `${path}.inKindTypes`, s.inKindTypes, {
      label: 'In-kind type',
      set: codeListSet('in-kind-types'),
    }) ?? [];
  if (kind === 'MONETARY' && inKindTypes.length > 0) {
    f.error(
      `${path}.inKindTypes`,
      'ACT-SUPPORT-INCONSISTENT',
      'In-kind types belong on an IN_KIND entry, not a MONETARY one; add a separate IN_KIND entry',
      s.inKindTypes,
    );
  }
  let inKindOther = readText(f, `${path}.inKindOther`, s.inKindOther, {
    label: 'Other in-kind description',
    max: 200,
  });
  if (inKindOther !== null && !inKindTypes.includes('OTHER')) {
    f.warn(
      `${path}.inKindOther`,
      'ACT-VALUE-IGNORED',
      'Other in-kind description applies only when in-kind types include OTHER; it was discarded',
      s.inKindOther,
    );
    inKindOther = null;
  }
  return {
    name: readText(f, `${path}.name`, s.name, { label: 'Supporter name', max: 200 }),
    kind: kind ?? null,
    amountCents: readSupportAmount(f, `${path}.amount`, s.amount, kind),
    inKindTypes,
    inKindOther,
  };
}

/** Whole dollars 1–999,999,999 on MONETARY entries; in-kind support is never given a dollar value. */
function readSupportAmount(
  f: Findings,
  path: string,
  raw: number | null | undefined,
  kind: string | null | undefined,
): number | null {
  if (raw === null || raw === undefined) return null;
  if (kind === 'IN_KIND') {
    f.error(
      path,
      'ACT-SUPPORT-INCONSISTENT',
      'An IN_KIND entry has no amount; remove it or record the money as a MONETARY entry',
      raw,
    );
    return null;
  }
  if (!Number.isInteger(raw)) {
    f.error(path, 'ACT-AMOUNT-FORMAT', 'Amount must be whole US dollars without cents, such as 5000', raw);
    return null;
  }
  if (raw < 1 || raw > 999_999_999) {
    f.error(path, 'ACT-NUMBER-RANGE', 'Amount must be between 1 and 999,999,999 US dollars', raw);
    return null;
  }
  return raw * 100;
}

type LearnerCounts = {
  physicianLearnerCount: number | null;
  otherLearnerCount: number | null;
  otherLearnersByProfession: Record<string, number>;
  /** physician + other learners, when both are known; what REMS breakdowns may not exceed. */
  learners: number | undefined;
};

function readLearnerCounts(f: Findings, input: ActivityInput): LearnerCounts {
  const physicians = readCount(f, 'physicianLearnerCount', input.physicianLearnerCount, 'Physician learners');
  const others = readCount(f, 'otherLearnerCount', input.otherLearnerCount, 'Other learners');
  const byProfession = readCountMap(f, 'otherLearnersByProfession', input.otherLearnersByProfession, {
    label: 'Profession',
    set: codeListSet('ja-professions'),
  });
  if (
    byProfession &&
    Object.keys(byProfession).length > 0 &&
    typeof others === 'number' &&
    sumOf(byProfession) !== others
  ) {
    f.error(
      'otherLearnersByProfession',
      'ACT-COUNT-SUM',
      `Other learners by profession add up to ${sumOf(byProfession)} but other learners is ${others}; make them equal`,
    );
  }
  return {
    physicianLearnerCount: physicians ?? null,
    otherLearnerCount: others ?? null,
    otherLearnersByProfession: byProfession ?? {},
    learners: typeof physicians === 'number' && typeof others === 'number' ? physicians + others : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// evaluateStatus (activities.md §3.1–§3.2, CURRENT rule set)

const LEVEL: Readonly<Record<ActivityStatus, number>> = { DRAFT: 0, ACTIVE: 1, READY_TO_CLOSE: 1, CLOSED: 2 };

/** ACTIVE and READY_TO_CLOSE are one level; the date alone tells them apart. */
export const statusLevel = (status: ActivityStatus): number => LEVEL[status];

export function evaluateStatus(record: ActivityRecord, ctx: RuleContext): StatusResult {
  const ended = record.endDate < ctx.today;
  const active = activeRequirements(record);
  const closing = closingRequirements(record, ctx);
  const open: ActivityStatus = ended ? 'READY_TO_CLOSE' : 'ACTIVE';
  const reached: ActivityStatus = active.length > 0 ? 'DRAFT' : closing.length > 0 ? open : 'CLOSED';
  const capLevel = record.requestedStatus === 'AUTO' ? LEVEL.CLOSED : LEVEL[record.requestedStatus];
  const status = LEVEL[reached] <= capLevel ? reached : capLevel === LEVEL.DRAFT ? 'DRAFT' : open;
  const targetStatus: ActivityStatus =
    record.requestedStatus === 'AUTO' ? (ended ? 'CLOSED' : 'ACTIVE') : record.requestedStatus;
  const missing = [
    ...(LEVEL[reached] < LEVEL.ACTIVE && LEVEL[targetStatus] >= LEVEL.ACTIVE ? active : []),
    ...(LEVEL[reached] < LEVEL.CLOSED && LEVEL[targetStatus] >= LEVEL.CLOSED ? closing : []),
  ];
  return { status, targetStatus, missing };
}

/** A status is a shortfall when it is below its target; ACTIVE and READY_TO_CLOSE count as equal. */
export const isBelowTarget = (r: Pick<StatusResult, 'status' | 'targetStatus'>): boolean =>
  LEVEL[r.status] < LEVEL[r.targetStatus];

type Need = (requirement: string, field: string, message: string) => void;

function collector(): { missing: Requirement[]; need: Need } {
  const missing: Requirement[] = [];
  return { missing, need: (requirement, field, message) => missing.push({ requirement, field, message }) };
}

/** A1–A8. */
export function activeRequirements(r: ActivityRecord): Requirement[] {
  const { missing, need } = collector();
  if (takesDeliveryMethod(r.format) && r.deliveryMethod === null) {
    need(
      'A1',
      'deliveryMethod',
      `Delivery method is needed for format ${r.format} (${oneOf(deliveryMethodsFor(r.format))})`,
    );
  }
  if (locationApplies(r.deliveryMethod)) {
    if (r.city === null) need('A2', 'city', 'City is needed for in-person and hybrid activities');
    if (r.country === null)
      need('A2', 'country', 'Country (alpha-3, such as USA) is needed for in-person and hybrid activities');
    if (r.country === 'USA' && r.state === null)
      need('A3', 'state', 'State (2-letter USPS code) is needed for activities in the USA');
  }
  if (r.creditsDesignated === null)
    need(
      'A4',
      'creditsDesignated',
      'AMA PRA Category 1 Credits designated are needed to make the activity active',
    );
  if (r.description === null)
    need('A5', 'description', 'A description is needed to make the activity active');
  if (r.providership === null)
    need('A6', 'providership', 'Providership (DIRECT or JOINT) is needed to make the activity active');
  if (r.listInPassport === null)
    need('A7', 'listInPassport', 'Say whether to list the activity in CME Passport');
  if (r.listInPassport === true || r.mocRegistrations.length > 0) {
    const why = r.listInPassport === true ? 'listed in CME Passport' : 'registered for MOC';
    if (r.hasFee === null)
      need('A8', 'hasFee', `Say whether there is a participation fee (the activity is ${why})`);
    if (r.registration === null)
      need('A8', 'registration', `Registration (OPEN or LIMITED) is needed (the activity is ${why})`);
    if (r.activityUrl === null)
      need('A8', 'activityUrl', `An activity URL is needed (the activity is ${why})`);
  }
  return missing;
}

/** C1–C12. */
export function closingRequirements(r: ActivityRecord, ctx: RuleContext): Requirement[] {
  const { missing, need } = collector();
  if (r.endDate >= ctx.today)
    need('C1', 'endDate', `The activity can close only after it has ended (end date ${r.endDate})`);
  if (r.providership === 'JOINT' && r.jointProviders.length === 0)
    need('C2', 'jointProviders', 'Name at least one joint provider');
  if (r.outcomeMeasures.length === 0) need('C3', 'outcomeMeasures', 'Give at least one outcome measure');
  if (r.commercialSupportReceived === null)
    need('C4', 'commercialSupportReceived', 'Say whether commercial support was received');
  if (r.commercialSupportReceived === true) supportRequirements(r, need);
  if (r.physicianLearnerCount === null)
    need('C6', 'physicianLearnerCount', 'Give the number of physician learners (0 if none)');
  if (r.otherLearnerCount === null)
    need('C7', 'otherLearnerCount', 'Give the number of other learners (0 if none)');
  if (ctx.jointAccreditation) professionRequirements(r, need);
  if (r.format === 'EM') missing.push(...enduringRequirements(r));
  missing.push(...mocRequirements(r.mocRegistrations, r, ctx.boardLists));
  if (r.rems) missing.push(...remsRequirements(r.rems, r));
  if (r.mips) missing.push(...mipsRequirements(r.mips));
  return missing;
}

/** C5 */
function supportRequirements(r: ActivityRecord, need: Need): void {
  if (r.commercialSupporters.length === 0)
    need('C5', 'commercialSupporters', 'Commercial support was received: add at least one supporter');
  for (const [i, s] of r.commercialSupporters.entries()) {
    if (s.name === null) need('C5', `commercialSupporters.${i}.name`, 'Give the supporter’s name');
    if (s.kind === null)
      need('C5', `commercialSupporters.${i}.kind`, 'Give the kind of support (MONETARY or IN_KIND)');
    if (s.kind === 'MONETARY' && s.amountCents === null)
      need('C5', `commercialSupporters.${i}.amount`, 'Give the amount of monetary support in whole dollars');
  }
}

/**
 * C8. An empty map is "not given", except when there are no other learners to break down: demanding
 * an entry of 0 there would be busywork.
 */
function professionRequirements(r: ActivityRecord, need: Need): void {
  const map = r.otherLearnersByProfession;
  const given = Object.keys(map).length > 0 || r.otherLearnerCount === 0;
  if (!given)
    need('C8', 'otherLearnersByProfession', 'Joint Accreditation: give the other learners by profession');
  else if (r.otherLearnerCount !== null && sumOf(map) !== r.otherLearnerCount) {
    need(
      'C8',
      'otherLearnersByProfession',
      `Other learners by profession must add up to other learners (${r.otherLearnerCount})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Derived values

/** Calendar year of endDate (activities.md §1.1). */
export const reportingYearOf = (record: ActivityRecord): number => yearOf(record.endDate);

/** Top-level fields whose values differ, compared deeply (map key order does not matter). */
export function activityChanges(before: ActivityRecord, after: ActivityRecord): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof ActivityRecord>;
  return [...keys].filter((key) => !deepEqual(before[key], after[key]));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
