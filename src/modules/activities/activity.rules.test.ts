import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActivityRecord,
  activityChanges,
  evaluateStatus,
  isBelowTarget,
  normalizeActivity,
  type RuleContext,
  type RuleMessage,
  reportingYearOf,
  statusLevel,
} from './activity.rules';
import type { ActivityInput } from './activity.schema';
import { activityInputSchema } from './activity.schema';
import { addDays, lastAllowedEndDate, parseDate } from './activity-dates.rules';

// spec/activities.md §1, §3–§6 and formats.md §9. Fixed "today": 2025-06-15 (so the latest allowed
// date is 2028-12-31 and an activity ending 2025-06-14 has ended).

const TODAY = '2025-06-15';
const YESTERDAY = '2025-06-14';

const ctx: RuleContext = {
  today: TODAY,
  jointAccreditation: false,
  boardLists: {
    ABIM: { practiceAreas: ['CARDIOLOGY', 'ONCOLOGY'], contentAreas: [] },
    ABA: { practiceAreas: ['ANESTHESIOLOGY'], contentAreas: ['AIRWAY', 'PAIN', 'PHARMACOLOGY'] },
    ABO: { practiceAreas: ['CORNEA'], contentAreas: [] },
    ABPath: { practiceAreas: ['CLINICAL'], contentAreas: [] },
    ABS: { practiceAreas: ['GENERAL'], contentAreas: [], requiresInternalId: true },
  },
  remsBlueprintSections: ['S1', 'S2', 'S3'],
  topics: ['OPIOID_PRESCRIBING', 'PAIN_MANAGEMENT'],
  currentUser: 'user-1',
  now: '2025-06-15T14:00:00.000Z',
};
const jaCtx: RuleContext = { ...ctx, jointAccreditation: true };

const FORMATS = ['C', 'RSS', 'EM', 'JN', 'MR', 'TIW', 'CML', 'PI', 'ISL', 'LFT', 'OTH'] as const;

/** Per format: dates that have ended by TODAY, and how the activity is delivered. */
const SHAPE: Record<string, Partial<ActivityInput>> = {
  C: {
    startDate: '2025-03-10',
    endDate: '2025-03-12',
    deliveryMethod: 'IN_PERSON',
    city: 'Atlanta',
    state: 'GA',
    country: 'USA',
  },
  RSS: {
    startDate: '2024-07-01',
    endDate: '2025-05-31',
    deliveryMethod: 'HYBRID',
    city: 'Chicago',
    state: 'IL',
    country: 'USA',
  },
  EM: {
    startDate: '2023-06-01',
    endDate: '2025-05-31',
    deliveryMethod: 'ONLINE',
    enduringCounts: [
      { year: 2023, physicianLearners: 10, otherLearners: 4 },
      { year: 2024, physicianLearners: 20, otherLearners: 9 },
      { year: 2025, physicianLearners: 30, otherLearners: 12 },
    ],
  },
  OTH: { startDate: '2025-01-01', endDate: '2025-03-31', deliveryMethod: 'PRINT' },
};
const NO_DELIVERY = { startDate: '2025-01-01', endDate: '2025-03-31' };

/** A record that meets every requirement of §3.1, REMS, MIPS and MOC included. */
function complete(format: string = 'C'): ActivityInput {
  const shape = SHAPE[format] ?? NO_DELIVERY;
  return {
    providerActivityId: `P25-${format}`,
    title: 'Updates in Cardiology',
    format,
    ...shape,
    creditsDesignated: 10,
    description: 'A two-day update.\r\nSecond line.',
    providership: 'JOINT',
    jointProviders: ['Heart Society'],
    topics: ['OPIOID_PRESCRIBING'],
    listInPassport: true,
    hasFee: false,
    registration: 'OPEN',
    activityUrl: 'https://cme.example.org/activities/1',
    outcomeMeasures: ['KNOWLEDGE', 'COMPETENCE'],
    commercialSupportReceived: true,
    commercialSupporters: [
      { name: 'Acme Pharma', kind: 'MONETARY', amount: 5000 },
      { name: 'REMS Program Companies (RPC)', kind: 'MONETARY', amount: 20000 },
      {
        name: 'MedDevice Co',
        kind: 'IN_KIND',
        inKindTypes: ['DURABLE_EQUIPMENT', 'OTHER'],
        inKindOther: 'Mannequins',
      },
    ],
    physicianLearnerCount: 30,
    otherLearnerCount: 12,
    otherLearnersByProfession: { NURSE: 8, PHARMACIST: 4 },
    mocRegistrations: [
      {
        board: 'ABIM',
        creditTypes: [{ code: 'MK', amount: 10 }],
        practiceAreas: ['CARDIOLOGY'],
        claimDate: shape.endDate,
        attested: true,
      },
    ],
    rems: {
      type: 'COMPLIANT',
      rpcId: 'RPC-123',
      prescribersLastYear: 20,
      byProfession: { PHYSICIAN: 30, PHARMACIST: 12 },
      deaIndividual: 15,
      deaInstitutional: 5,
      byPracticeType: { PRIMARY_CARE: 25, PAIN_SPECIALIST: 10 },
    },
    mips: { improvementActivity: true, participationDefinition: 'Two PDSA cycles completed', attested: true },
  };
}

/** A complete record with the given changes; `undefined` removes a field. */
function withChanges(changes: Partial<ActivityInput>, format = 'C'): ActivityInput {
  const input = { ...complete(format), ...changes } as Record<string, unknown>;
  for (const key of Object.keys(changes)) if (input[key] === undefined) delete input[key];
  return input as ActivityInput;
}

const moc = (entry: Record<string, unknown>, extra: Partial<ActivityInput> = {}) =>
  withChanges({
    mocRegistrations: [
      { ...complete().mocRegistrations![0]!, ...entry } as NonNullable<
        ActivityInput['mocRegistrations']
      >[number],
    ],
    ...extra,
  });
const rems = (fields: Record<string, unknown>, extra: Partial<ActivityInput> = {}) =>
  withChanges({ rems: { ...complete().rems!, ...fields } as ActivityInput['rems'], ...extra });
const supporter = (s: Record<string, unknown>) =>
  withChanges({ commercialSupporters: [s as NonNullable<ActivityInput['commercialSupporters']>[number]] });

function recordOf(
  input: ActivityInput,
  c: RuleContext = ctx,
  previous?: ActivityRecord | null,
): ActivityRecord {
  const { record, errors } = normalizeActivity(input, c, previous);
  if (!record) throw new Error(`not saved: ${JSON.stringify(errors)}`);
  return record;
}

const statusOf = (input: ActivityInput, c: RuleContext = ctx) => evaluateStatus(recordOf(input, c), c);
const where = (messages: RuleMessage[]) => messages.map((m) => `${m.code}@${m.path}`);

// ---------------------------------------------------------------------------------------------

describe('complete records', () => {
  it.each(FORMATS)('a complete %s record reaches CLOSED with nothing missing', (format) => {
    const { record, errors, warnings } = normalizeActivity(complete(format), ctx);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(evaluateStatus(record!, ctx)).toEqual({ status: 'CLOSED', targetStatus: 'CLOSED', missing: [] });
  });

  it('a complete record also closes for a Joint Accreditation provider', () => {
    expect(statusOf(complete('EM'), jaCtx).status).toBe('CLOSED');
  });
});

// ---------------------------------------------------------------------------------------------

type ErrorCase = [code: string, why: string, input: ActivityInput, path: string, c?: RuleContext];

const long = (n: number) => 'x'.repeat(n);

const errorCases: ErrorCase[] = [
  // D1–D4 (ACT-REQUIRED and friends)
  ['ACT-REQUIRED', 'D1 title missing', withChanges({ title: undefined }), 'title'],
  ['ACT-REQUIRED', 'D1 title only spaces', withChanges({ title: '   ' }), 'title'],
  ['ACT-REQUIRED', 'D2 format missing', withChanges({ format: null }), 'format'],
  ['ACT-REQUIRED', 'D3 start date missing', withChanges({ startDate: undefined }), 'startDate'],
  ['ACT-REQUIRED', 'D4 end date missing', withChanges({ endDate: '' }), 'endDate'],
  ['ACT-FORMAT-CODE', 'unknown format', withChanges({ format: 'XX' }), 'format'],
  ['ACT-FORMAT-CODE', 'legacy type IL only in legacy layouts', withChanges({ format: 'IL' }), 'format'],
  ['ACT-DATE-FORMAT', 'slashes year-first', withChanges({ startDate: '2025/03/10' }), 'startDate'],
  ['ACT-DATE-FORMAT', 'words', withChanges({ endDate: 'March 12 2025' }), 'endDate'],
  [
    'ACT-DATE-INVALID',
    '30 February',
    withChanges({ endDate: '2025-02-30', startDate: '2025-02-01' }),
    'endDate',
  ],
  ['ACT-DATE-INVALID', 'US 02/30', withChanges({ startDate: '02/30/2025' }), 'startDate'],
  ['ACT-DATE-INVALID', 'day-first is never guessed', withChanges({ startDate: '26/03/2025' }), 'startDate'],
  ['ACT-DATE-INVALID', '29 February of a common year', withChanges({ startDate: '2025-02-29' }), 'startDate'],
  [
    'ACT-DATE-ORDER',
    'end before start',
    withChanges({ startDate: '2025-03-12', endDate: '2025-03-10' }),
    'endDate',
  ],
  [
    'ACT-DATE-SPAN',
    'C over 1 year',
    withChanges({ startDate: '2024-03-10', endDate: '2025-03-10' }),
    'endDate',
  ],
  [
    'ACT-DATE-SPAN',
    'EM over 3 years',
    withChanges({ startDate: '2022-06-01', endDate: '2025-06-01' }, 'EM'),
    'endDate',
  ],
  [
    'ACT-DATE-RANGE',
    'start before 2005',
    withChanges({ startDate: '2004-12-31', endDate: '2005-01-02' }),
    'startDate',
  ],
  [
    'ACT-DATE-RANGE',
    'end before 2022 (CURRENT)',
    withChanges({ startDate: '2021-12-01', endDate: '2021-12-31' }),
    'endDate',
  ],
  [
    'ACT-DATE-RANGE',
    'after 31 Dec of today + 3',
    withChanges({ startDate: '2029-01-01', endDate: '2029-01-02' }),
    'startDate',
  ],
  // text
  ['ACT-TEXT-LENGTH', 'title 251', withChanges({ title: long(251) }), 'title'],
  ['ACT-TEXT-LENGTH', 'description 4001', withChanges({ description: long(4001) }), 'description'],
  ['ACT-TEXT-LENGTH', 'city 101', withChanges({ city: long(101) }), 'city'],
  ['ACT-TEXT-LENGTH', 'joint provider 201', withChanges({ jointProviders: [long(201)] }), 'jointProviders.0'],
  [
    'ACT-TEXT-LENGTH',
    'empty joint provider',
    withChanges({ jointProviders: ['Heart Society', ' '] }),
    'jointProviders.1',
  ],
  [
    'ACT-TEXT-LENGTH',
    'supporter name 201',
    supporter({ name: long(201), kind: 'MONETARY', amount: 1 }),
    'commercialSupporters.0.name',
  ],
  [
    'ACT-TEXT-LENGTH',
    'inKindOther 201',
    supporter({ name: 'A', kind: 'IN_KIND', inKindTypes: ['OTHER'], inKindOther: long(201) }),
    'commercialSupporters.0.inKindOther',
  ],
  [
    'ACT-TEXT-LENGTH',
    'MIPS definition 2001',
    withChanges({ mips: { improvementActivity: true, participationDefinition: long(2001) } }),
    'mips.participationDefinition',
  ],
  ['ACT-TEXT-LENGTH', 'board activity ID 51', moc({ internalId: long(51) }), 'mocRegistrations.0.internalId'],
  ['ACT-TEXT-LENGTH', 'RPC ID 31', rems({ rpcId: long(31) }), 'rems.rpcId'],
  [
    'ACT-PROVIDER-ID-FORMAT',
    'empty after trimming',
    withChanges({ providerActivityId: '   ' }),
    'providerActivityId',
  ],
  [
    'ACT-PROVIDER-ID-FORMAT',
    '51 characters',
    withChanges({ providerActivityId: long(51) }),
    'providerActivityId',
  ],
  [
    'ACT-PROVIDER-ID-FORMAT',
    'control character',
    withChanges({ providerActivityId: 'P1\tP2' }),
    'providerActivityId',
  ],
  ['FMT-CONTROL-CHAR', 'tab in title', withChanges({ title: 'Cardio\tlogy' }), 'title'],
  ['FMT-CONTROL-CHAR', 'line break in city', withChanges({ city: 'At\nlanta' }), 'city'],
  ['FMT-CONTROL-CHAR', 'trailing tab is not trimmed away', withChanges({ title: 'Cardiology\t' }), 'title'],
  ['FMT-CONTROL-CHAR', 'tab in description', withChanges({ description: 'a\tb' }), 'description'],
  [
    'FMT-CONTROL-CHAR',
    'NUL in supporter name',
    supporter({ name: 'Ac\u0000me', kind: 'MONETARY', amount: 1 }),
    'commercialSupporters.0.name',
  ],
  [
    'FMT-CONTROL-CHAR',
    'line break in MIPS definition',
    withChanges({ mips: { improvementActivity: true, participationDefinition: 'a\nb' } }),
    'mips.participationDefinition',
  ],
  // codes
  [
    'ACT-STATUS-CODE',
    'unknown requested status',
    withChanges({ requestedStatus: 'PUBLISHED' }),
    'requestedStatus',
  ],
  [
    'ACT-DELIVERY-CODE',
    'unknown delivery method',
    withChanges({ deliveryMethod: 'VIRTUAL' }),
    'deliveryMethod',
  ],
  [
    'ACT-DELIVERY-CODE',
    'IN_PERSON not allowed for EM',
    withChanges({ deliveryMethod: 'IN_PERSON' }, 'EM'),
    'deliveryMethod',
  ],
  [
    'ACT-DELIVERY-CODE',
    'PRINT not allowed for C',
    withChanges({ deliveryMethod: 'PRINT' }),
    'deliveryMethod',
  ],
  ['ACT-COUNTRY-CODE', 'alpha-2 rejected', withChanges({ country: 'US' }), 'country'],
  ['ACT-COUNTRY-CODE', 'unknown alpha-3', withChanges({ country: 'XYZ' }), 'country'],
  ['ACT-STATE-CODE', 'unknown state', withChanges({ state: 'XX' }), 'state'],
  ['ACT-STATE-CODE', 'state name instead of code', withChanges({ state: 'Georgia' }), 'state'],
  ['ACT-STATE-CODE', 'state contradicts territory', withChanges({ country: 'PRI', state: 'GA' }), 'state'],
  [
    'ACT-CODE-UNKNOWN',
    'outcome measure repeated (any case)',
    withChanges({ outcomeMeasures: ['KNOWLEDGE', 'knowledge'] }),
    'outcomeMeasures.1',
  ],
  [
    'ACT-CODE-UNKNOWN',
    'topic repeated',
    withChanges({ topics: ['PAIN_MANAGEMENT', 'PAIN_MANAGEMENT'] }),
    'topics.1',
  ],
  ['ACT-CODE-UNKNOWN', 'providership', withChanges({ providership: 'SOLO' }), 'providership'],
  ['ACT-CODE-UNKNOWN', 'registration', withChanges({ registration: 'CLOSED' }), 'registration'],
  [
    'ACT-CODE-UNKNOWN',
    'outcome measure',
    withChanges({ outcomeMeasures: ['KNOWLEDGE', 'SATISFACTION'] }),
    'outcomeMeasures.1',
  ],
  [
    'ACT-CODE-UNKNOWN',
    'in-kind type',
    supporter({ name: 'A', kind: 'IN_KIND', inKindTypes: ['FOOD'] }),
    'commercialSupporters.0.inKindTypes.0',
  ],
  [
    'ACT-CODE-UNKNOWN',
    'supporter kind',
    supporter({ name: 'A', kind: 'GRANT' }),
    'commercialSupporters.0.kind',
  ],
  [
    'ACT-CODE-UNKNOWN',
    'JA profession',
    withChanges({ otherLearnersByProfession: { NURSE: 8, DOCTOR: 4 } }),
    'otherLearnersByProfession.DOCTOR',
  ],
  [
    'ACT-CODE-UNKNOWN',
    'profession given twice in two cases',
    withChanges({ otherLearnersByProfession: { NURSE: 8, nurse: 4 } }),
    'otherLearnersByProfession.nurse',
  ],
  ['ACT-CODE-UNKNOWN', 'topic', withChanges({ topics: ['ASTROLOGY'] }), 'topics.0'],
  ['ACT-CODE-UNKNOWN', 'REMS type', rems({ type: 'PARTIAL' }), 'rems.type'],
  [
    'ACT-CODE-UNKNOWN',
    'REMS blueprint section',
    rems({ type: 'RELATED', blueprintSections: ['S9'] }),
    'rems.blueprintSections.0',
  ],
  ['ACT-CODE-UNKNOWN', 'REMS profession', rems({ byProfession: { ALIEN: 1 } }), 'rems.byProfession.ALIEN'],
  [
    'ACT-CODE-UNKNOWN',
    'REMS practice type',
    rems({ byPracticeType: { SURGERY: 1 } }),
    'rems.byPracticeType.SURGERY',
  ],
  [
    'ACT-CODE-UNKNOWN',
    'MOC practice area',
    moc({ practiceAreas: ['ASTROLOGY'] }),
    'mocRegistrations.0.practiceAreas.0',
  ],
  [
    'ACT-CODE-UNKNOWN',
    'MOC content area',
    moc({
      board: 'ABA',
      creditTypes: [{ code: 'LL', amount: 1 }],
      practiceAreas: ['ANESTHESIOLOGY'],
      contentAreas: ['NOPE'],
    }),
    'mocRegistrations.0.contentAreas.0',
  ],
  [
    'ACT-CODE-UNKNOWN',
    'practice area of a board without a list',
    moc({ board: 'ABP', creditTypes: [{ code: 'P2', amount: 1 }], practiceAreas: ['GENERAL'] }),
    'mocRegistrations.0.practiceAreas.0',
  ],
  ['ACT-CODE-UNKNOWN', 'MOC registration', moc({ registration: 'MAYBE' }), 'mocRegistrations.0.registration'],
  // numbers
  ['ACT-NUMBER-RANGE', 'negative count', withChanges({ physicianLearnerCount: -1 }), 'physicianLearnerCount'],
  [
    'ACT-NUMBER-RANGE',
    'count over 10,000,000',
    withChanges({ otherLearnerCount: 10_000_001, otherLearnersByProfession: {} }),
    'otherLearnerCount',
  ],
  ['ACT-NUMBER-RANGE', 'credits over 999.75', withChanges({ creditsDesignated: 1000 }), 'creditsDesignated'],
  ['ACT-NUMBER-RANGE', 'negative credits', withChanges({ creditsDesignated: -1 }), 'creditsDesignated'],
  [
    'ACT-NUMBER-RANGE',
    'credits 0 without Joint Accreditation',
    withChanges({ creditsDesignated: 0, mocRegistrations: [] }),
    'creditsDesignated',
  ],
  [
    'ACT-NUMBER-RANGE',
    'supporter amount 0',
    supporter({ name: 'A', kind: 'MONETARY', amount: 0 }),
    'commercialSupporters.0.amount',
  ],
  [
    'ACT-NUMBER-RANGE',
    'supporter amount 1,000,000,000',
    supporter({ name: 'A', kind: 'MONETARY', amount: 1_000_000_000 }),
    'commercialSupporters.0.amount',
  ],
  ['ACT-NUMBER-RANGE', 'negative REMS number', rems({ deaIndividual: -5 }), 'rems.deaIndividual'],
  [
    'ACT-NUMBER-RANGE',
    'negative profession count',
    withChanges({ otherLearnersByProfession: { NURSE: -1 } }),
    'otherLearnersByProfession.NURSE',
  ],
  [
    'ACT-NUMBER-FORMAT',
    'fractional count',
    withChanges({ physicianLearnerCount: 1.5 }),
    'physicianLearnerCount',
  ],
  ['ACT-CREDIT-PRECISION', 'not a quarter', withChanges({ creditsDesignated: 1.1 }), 'creditsDesignated'],
  ['ACT-CREDIT-PRECISION', 'three decimals', withChanges({ creditsDesignated: 1.255 }), 'creditsDesignated'],
  [
    'ACT-CREDIT-PRECISION',
    'three decimals that look like quarters',
    withChanges({ creditsDesignated: 0.125 }),
    'creditsDesignated',
  ],
  [
    'ACT-CREDIT-PRECISION',
    'float noise is not rounded away',
    withChanges({ creditsDesignated: 0.1 + 0.2 }),
    'creditsDesignated',
  ],
  [
    'ACT-AMOUNT-FORMAT',
    'cents',
    supporter({ name: 'A', kind: 'MONETARY', amount: 25000.5 }),
    'commercialSupporters.0.amount',
  ],
  // consistency
  ['ACT-URL-FORMAT', 'no scheme', withChanges({ activityUrl: 'cme.example.org' }), 'activityUrl'],
  ['ACT-URL-FORMAT', 'ftp', withChanges({ activityUrl: 'ftp://cme.example.org' }), 'activityUrl'],
  ['ACT-URL-FORMAT', 'one slash', withChanges({ activityUrl: 'http:/cme.example.org' }), 'activityUrl'],
  [
    'ACT-URL-FORMAT',
    'over 500 characters',
    withChanges({ activityUrl: `https://example.org/${long(481)}` }),
    'activityUrl',
  ],
  ['ACT-URL-FORMAT', 'MOC URL', moc({ activityUrl: 'www.example.org' }), 'mocRegistrations.0.activityUrl'],
  [
    'ACT-SUPPORT-INCONSISTENT',
    'supporters while support = No',
    withChanges({ commercialSupportReceived: false }),
    'commercialSupporters',
  ],
  [
    'ACT-SUPPORT-INCONSISTENT',
    'amount on IN_KIND',
    supporter({ name: 'A', kind: 'IN_KIND', amount: 100 }),
    'commercialSupporters.0.amount',
  ],
  [
    'ACT-SUPPORT-INCONSISTENT',
    'in-kind types on MONETARY',
    supporter({ name: 'A', kind: 'MONETARY', amount: 100, inKindTypes: ['FACILITIES_SPACE'] }),
    'commercialSupporters.0.inKindTypes',
  ],
  [
    'ACT-COUNT-SUM',
    'professions ≠ other learners',
    withChanges({ otherLearnersByProfession: { NURSE: 8, PHARMACIST: 5 } }),
    'otherLearnersByProfession',
  ],
  [
    'ACT-COUNT-SUM',
    'REMS by profession > learners',
    rems({ byProfession: { PHYSICIAN: 43 } }),
    'rems.byProfession',
  ],
  [
    'ACT-COUNT-SUM',
    'REMS by practice type > learners',
    rems({ byPracticeType: { PRIMARY_CARE: 40, PAIN_SPECIALIST: 3 } }),
    'rems.byPracticeType',
  ],
  [
    'ACT-COUNT-SUM',
    'REMS DEA sum > learners',
    rems({ deaIndividual: 40, deaInstitutional: 3 }),
    'rems.deaIndividual',
  ],
  [
    'ACT-COUNT-SUM',
    'REMS prescribers > learners',
    rems({ prescribersLastYear: 43 }),
    'rems.prescribersLastYear',
  ],
  [
    'ACT-ENDURING-COUNTS',
    'counts on a course',
    withChanges({ enduringCounts: [{ year: 2025, physicianLearners: 1, otherLearners: 1 }] }),
    'enduringCounts',
  ],
  [
    'ACT-ENDURING-COUNTS',
    'year outside the activity',
    withChanges({ enduringCounts: [{ year: 2022, physicianLearners: 1, otherLearners: 1 }] }, 'EM'),
    'enduringCounts.0.year',
  ],
  [
    'ACT-ENDURING-COUNTS',
    'repeated year',
    withChanges(
      {
        enduringCounts: [
          { year: 2024, physicianLearners: 1, otherLearners: 1 },
          { year: 2024, physicianLearners: 2, otherLearners: 2 },
        ],
      },
      'EM',
    ),
    'enduringCounts.1.year',
  ],
  [
    'ACT-ENDURING-COUNTS',
    'cumulative value falling',
    withChanges(
      {
        enduringCounts: [
          { year: 2024, physicianLearners: 5, otherLearners: 1 },
          { year: 2023, physicianLearners: 9, otherLearners: 1 },
        ],
      },
      'EM',
    ),
    'enduringCounts.0',
  ],
  ['ACT-MOC-BOARD', 'unknown board', moc({ board: 'ABX' }), 'mocRegistrations.0.board'],
  ['ACT-MOC-BOARD', 'state board', moc({ board: 'ST-CA' }), 'mocRegistrations.0.board'],
  [
    'ACT-MOC-BOARD',
    'board registered twice (any case)',
    withChanges({
      mocRegistrations: [
        complete().mocRegistrations![0]!,
        { ...complete().mocRegistrations![0]!, board: 'abim' },
      ],
    }),
    'mocRegistrations.1.board',
  ],
  // ABPath's start limit (2018-01-01) can only be broken together with the span or range rules today.
  [
    'ACT-MOC-BOARD',
    'ABPath before 2018',
    withChanges(
      {
        startDate: '2017-12-01',
        endDate: '2022-01-31',
        mocRegistrations: [{ board: 'ABPath', creditTypes: [{ code: 'LL', amount: 1 }] }],
      },
      'JN',
    ),
    'mocRegistrations.0.board',
  ],
  [
    'ACT-MOC-CREDIT-TYPE',
    'type of another board',
    moc({ creditTypes: [{ code: 'LL', amount: 1 }] }),
    'mocRegistrations.0.creditTypes.0.code',
  ],
  [
    'ACT-MOC-CREDIT-TYPE',
    'type repeated',
    moc({
      creditTypes: [
        { code: 'MK', amount: 1 },
        { code: 'mk', amount: 2 },
      ],
    }),
    'mocRegistrations.0.creditTypes.1.code',
  ],
  [
    'ACT-MOC-AMOUNT',
    'zero',
    moc({ creditTypes: [{ code: 'MK', amount: 0 }] }),
    'mocRegistrations.0.creditTypes.0.amount',
  ],
  [
    'ACT-MOC-AMOUNT',
    'not a quarter',
    moc({ creditTypes: [{ code: 'MK', amount: 1.1 }] }),
    'mocRegistrations.0.creditTypes.0.amount',
  ],
  [
    'ACT-MOC-AMOUNT',
    'three decimals',
    moc({ creditTypes: [{ code: 'MK', amount: 0.125 }] }),
    'mocRegistrations.0.creditTypes.0.amount',
  ],
  [
    'ACT-MOC-AMOUNT',
    'above credits designated',
    moc({ creditTypes: [{ code: 'MK', amount: 10.25 }] }),
    'mocRegistrations.0.creditTypes.0.amount',
  ],
  [
    'ACT-MOC-ABO-IMP-PS',
    'ABO with IMP and PS',
    moc({
      board: 'ABO',
      practiceAreas: ['CORNEA'],
      creditTypes: [
        { code: 'IMP', amount: 1 },
        { code: 'PS', amount: 1 },
      ],
    }),
    'mocRegistrations.0.creditTypes',
  ],
  [
    'ACT-MOC-CLAIM-DATE',
    'before the end date',
    moc({ claimDate: '2025-03-11' }),
    'mocRegistrations.0.claimDate',
  ],
  [
    'ACT-MOC-CLAIM-DATE',
    'more than 1 year after the end date',
    moc({ claimDate: '2026-03-13' }),
    'mocRegistrations.0.claimDate',
  ],
  [
    'ACT-DATE-INVALID',
    'claim date not a date',
    moc({ claimDate: '2026-02-30' }),
    'mocRegistrations.0.claimDate',
  ],
];

describe('rule errors (formats.md §9, severity R)', () => {
  it.each(errorCases)('%s: %s', (code, _why, input, path, c = ctx) => {
    const { record, errors } = normalizeActivity(input, c);
    expect(record).toBeNull();
    expect(where(errors)).toContain(`${code}@${path}`);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(15);
  });

  it('the cases above start from records that are valid', () => {
    for (const format of FORMATS) expect(normalizeActivity(complete(format), ctx).errors).toEqual([]);
  });

  it('reports every failing rule of a record, not only the first', () => {
    const { errors } = normalizeActivity(
      withChanges({
        title: long(300),
        state: 'XX',
        creditsDesignated: 1.1,
        physicianLearnerCount: -2,
        activityUrl: 'nope',
      }),
      ctx,
    );
    expect(where(errors).sort()).toEqual(
      [
        'ACT-TEXT-LENGTH@title',
        'ACT-STATE-CODE@state',
        'ACT-CREDIT-PRECISION@creditsDesignated',
        'ACT-NUMBER-RANGE@physicianLearnerCount',
        'ACT-URL-FORMAT@activityUrl',
      ].sort(),
    );
  });

  it('skips checks that need an unreadable value', () => {
    // With an unreadable end date there is no order, span or claim-date check to make.
    const { errors } = normalizeActivity(withChanges({ endDate: 'soon', startDate: '2025-04-01' }), ctx);
    expect(where(errors)).toEqual(['ACT-DATE-FORMAT@endDate']);
  });

  it('names the field, the accepted values and the fix in plain English', () => {
    const [state] = normalizeActivity(withChanges({ state: 'XX' }), ctx).errors;
    expect(state).toEqual({
      path: 'state',
      code: 'ACT-STATE-CODE',
      message: 'State must be a 2-letter USPS code such as GA; "XX" is not',
      value: 'XX',
    });
    const [span] = normalizeActivity(
      withChanges({ startDate: '2024-03-10', endDate: '2025-03-10' }),
      ctx,
    ).errors;
    expect(span!.message).toMatch(/End date must not be more than 1 year after the start date \(EM: 3 years/);
  });
});

// ---------------------------------------------------------------------------------------------

type WarningCase = [code: string, why: string, input: ActivityInput, path: string];

const warningCases: WarningCase[] = [
  [
    'ACT-VALUE-IGNORED',
    'delivery method on a journal article',
    withChanges({ deliveryMethod: 'ONLINE' }, 'JN'),
    'deliveryMethod',
  ],
  [
    'ACT-VALUE-IGNORED',
    'even an unknown one, for LFT',
    withChanges({ deliveryMethod: 'CARRIER_PIGEON' }, 'LFT'),
    'deliveryMethod',
  ],
  ['ACT-VALUE-IGNORED', 'city of an online course', withChanges({ deliveryMethod: 'ONLINE' }), 'city'],
  ['ACT-VALUE-IGNORED', 'country of an enduring material', withChanges({ country: 'USA' }, 'EM'), 'country'],
  ['ACT-VALUE-IGNORED', 'state outside the USA', withChanges({ country: 'CAN', state: 'ON' }), 'state'],
  [
    'ACT-VALUE-IGNORED',
    'joint providers of a DIRECT activity',
    withChanges({ providership: 'DIRECT' }),
    'jointProviders',
  ],
  [
    'ACT-VALUE-IGNORED',
    'inKindOther without OTHER',
    supporter({ name: 'A', kind: 'IN_KIND', inKindTypes: ['FACILITIES_SPACE'], inKindOther: 'x' }),
    'commercialSupporters.0.inKindOther',
  ],
  [
    'ACT-COUNTRY-NORMALISED',
    'Puerto Rico as a country',
    withChanges({ country: 'PRI', state: undefined }),
    'country',
  ],
];

describe('warnings (severity W): the record is still saved', () => {
  it.each(warningCases)('%s: %s', (code, _why, input, path) => {
    const { record, errors, warnings } = normalizeActivity(input, ctx);
    expect(errors).toEqual([]);
    expect(record).not.toBeNull();
    expect(where(warnings)).toContain(`${code}@${path}`);
  });

  it('discards what it warns about', () => {
    expect(recordOf(withChanges({ deliveryMethod: 'ONLINE' }, 'JN')).deliveryMethod).toBeNull();
    expect(recordOf(withChanges({ deliveryMethod: 'ONLINE' }))).toMatchObject({
      city: null,
      state: null,
      country: null,
    });
    expect(recordOf(withChanges({ country: 'CAN', state: 'ON' }))).toMatchObject({
      country: 'CAN',
      state: null,
    });
    expect(recordOf(withChanges({ providership: 'DIRECT' })).jointProviders).toEqual([]);
  });

  it.each([
    ['ASM', 'AS'],
    ['GUM', 'GU'],
    ['MNP', 'MP'],
    ['PRI', 'PR'],
    ['UMI', 'UM'],
    ['vir', 'VI'],
  ])('territory %s becomes USA + %s', (country, state) => {
    expect(recordOf(withChanges({ country, state: undefined }))).toMatchObject({ country: 'USA', state });
    expect(recordOf(withChanges({ country, state }))).toMatchObject({ country: 'USA', state });
  });

  it('keeps the location of a course whose delivery method is not chosen yet', () => {
    const record = recordOf(withChanges({ deliveryMethod: undefined }));
    expect(record).toMatchObject({ deliveryMethod: null, city: 'Atlanta', state: 'GA', country: 'USA' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('normalised record', () => {
  it('holds exactly the fields of the input shape, nothing internal', () => {
    const record = recordOf({
      title: 'T',
      format: 'C',
      startDate: '2025-03-01',
      endDate: '2025-03-01',
      physicianLearnerCount: 3,
      otherLearnerCount: 2,
    });
    const inputKeys = Object.keys(activityInputSchema.shape).sort();
    expect(Object.keys(record).sort()).toEqual(inputKeys);
  });

  it('trims text, stores codes in the code-list case, money in cents and defaults the rest', () => {
    const record = recordOf({
      title: '  Grand Rounds \u00a0',
      format: 'rss',
      startDate: '7/1/2024',
      endDate: '05/31/2025',
      deliveryMethod: 'hybrid',
      city: ' Chicago ',
      state: 'il',
      country: 'usa',
      creditsDesignated: 12.5,
      commercialSupportReceived: true,
      commercialSupporters: [{ name: ' Acme ', kind: 'monetary', amount: 25000 }],
      mocRegistrations: [
        { board: 'abpath', creditTypes: [{ code: 'sam', amount: 2.25 }], practiceAreas: ['clinical'] },
      ],
    });
    expect(record).toMatchObject({
      title: 'Grand Rounds',
      format: 'RSS',
      startDate: '2024-07-01',
      endDate: '2025-05-31',
      deliveryMethod: 'HYBRID',
      city: 'Chicago',
      state: 'IL',
      country: 'USA',
      creditsDesignated: 12.5,
      requestedStatus: 'AUTO',
      description: null,
      jointProviders: [],
      outcomeMeasures: [],
      listInPassport: null,
      otherLearnersByProfession: {},
      rems: null,
      mips: null,
      commercialSupporters: [
        { name: 'Acme', kind: 'MONETARY', amountCents: 2_500_000, inKindTypes: [], inKindOther: null },
      ],
    });
    expect(record.mocRegistrations[0]).toEqual({
      board: 'ABPath',
      creditTypes: [{ code: 'SAM', amount: 2.25 }],
      practiceAreas: ['CLINICAL'],
      contentAreas: [],
      internalId: null,
      hasFee: null,
      registration: null,
      activityUrl: null,
      claimDate: null,
      attestedAt: null,
      attestedBy: null,
    });
  });

  it('keeps line breaks inside a description and trims those around it', () => {
    expect(recordOf(withChanges({ description: '\r\n Line one\r\nLine two \n' })).description).toBe(
      'Line one\r\nLine two',
    );
  });

  it('sorts enduring counts by year', () => {
    const counts = complete('EM').enduringCounts!;
    const record = recordOf(withChanges({ enduringCounts: [counts[2]!, counts[0]!, counts[1]!] }, 'EM'));
    expect(record.enduringCounts.map((c) => c.year)).toEqual([2023, 2024, 2025]);
  });

  it('accepts 0 credits from a Joint Accreditation provider', () => {
    expect(
      recordOf(withChanges({ creditsDesignated: 0, mocRegistrations: [] }), jaCtx).creditsDesignated,
    ).toBe(0);
    expect(recordOf(withChanges({ creditsDesignated: 999.75 })).creditsDesignated).toBe(999.75);
  });

  it('accepts REMS professions by name', () => {
    const record = recordOf(rems({ byProfession: { 'advanced practice nurse': 3, physician: 30 } }));
    expect(record.rems!.byProfession).toEqual({ ADVANCED_PRACTICE_NURSE: 3, PHYSICIAN: 30 });
  });

  it('keeps topics without a topic list, upper-cased', () => {
    const { topics: _, ...noTopics } = ctx;
    expect(recordOf(withChanges({ topics: ['anything_goes'] }), noTopics).topics).toEqual(['ANYTHING_GOES']);
  });
});

describe('attestations', () => {
  // Built inside each test so that a broken rule fails these tests rather than the whole file.
  const original = () => recordOf(complete());
  const later: RuleContext = { ...ctx, now: '2025-07-01T09:00:00.000Z', currentUser: 'user-2' };

  it('stamps a new attestation with the current user and time', () => {
    const first = original();
    expect(first.mocRegistrations[0]).toMatchObject({ attestedAt: ctx.now, attestedBy: 'user-1' });
    expect(first.mips).toMatchObject({ attestedAt: ctx.now, attestedBy: 'user-1' });
  });

  it('keeps an existing attestation when attested is sent again', () => {
    const first = original();
    const again = recordOf(complete(), later, first);
    expect(again.mocRegistrations[0]).toMatchObject({ attestedAt: ctx.now, attestedBy: 'user-1' });
    expect(again.mips).toMatchObject({ attestedAt: ctx.now, attestedBy: 'user-1' });
    expect(activityChanges(first, again)).toEqual([]);
  });

  it('keeps it when attested is left out and clears it when attested is false', () => {
    const first = original();
    const absent = recordOf(moc({ attested: undefined }), later, first);
    expect(absent.mocRegistrations[0]!.attestedBy).toBe('user-1');
    const cleared = recordOf(moc({ attested: false }), later, first);
    expect(cleared.mocRegistrations[0]).toMatchObject({ attestedAt: null, attestedBy: null });
    expect(recordOf(moc({ attested: undefined })).mocRegistrations[0]!.attestedAt).toBeNull();
  });

  it('a new board gets a new attestation, not another board’s', () => {
    const first = original();
    const aba = {
      board: 'ABA',
      creditTypes: [{ code: 'LL', amount: 1 }],
      practiceAreas: ['ANESTHESIOLOGY'],
      contentAreas: ['PAIN'],
      attested: true,
    };
    const record = recordOf(
      withChanges({ mocRegistrations: [...complete().mocRegistrations!, aba] }),
      later,
      first,
    );
    expect(record.mocRegistrations[1]).toMatchObject({
      board: 'ABA',
      attestedBy: 'user-2',
      attestedAt: later.now,
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('dates', () => {
  it.each([
    ['C', '2024-03-10', '2025-03-09', true],
    ['C', '2024-03-10', '2025-03-10', false],
    ['C', '2024-02-29', '2025-02-27', true],
    ['C', '2024-02-29', '2025-02-28', false],
    ['C', '2024-12-31', '2025-12-30', true],
    ['C', '2025-03-10', '2025-03-10', true],
    ['EM', '2022-03-10', '2025-03-09', true],
    ['EM', '2022-03-10', '2025-03-10', false],
    ['EM', '2024-02-29', '2027-02-27', true],
    ['EM', '2024-02-29', '2027-02-28', false],
    ['RSS', '2023-03-01', '2024-02-29', true],
    ['RSS', '2023-03-01', '2024-03-01', false],
  ])('%s from %s to %s is within the span: %s', (format, startDate, endDate, ok) => {
    const input = withChanges({ startDate, endDate, enduringCounts: [], mocRegistrations: [] }, format);
    const codes = normalizeActivity(input, { ...ctx, today: '2026-01-01' }).errors.map((e) => e.code);
    expect(codes.includes('ACT-DATE-SPAN')).toBe(!ok);
  });

  it.each([
    ['3/1/2025', '2025-03-01'],
    ['03/01/2025', '2025-03-01'],
    ['2/29/2024', '2024-02-29'],
    ['2025-03-01', '2025-03-01'],
    [' 2025-03-01 ', '2025-03-01'],
  ])('reads %s as %s', (raw, date) => {
    expect(parseDate(raw)).toEqual({ ok: true, date });
  });

  it.each([
    ['2005-01-01', '2025-01-01', true],
    ['2004-12-31', '2025-01-01', false],
    ['2028-12-30', '2028-12-31', true],
    ['2028-12-31', '2029-01-01', false],
  ])('range: %s … %s is allowed: %s', (startDate, endDate, ok) => {
    const input = withChanges({ startDate, endDate, mocRegistrations: [] }, 'JN');
    const codes = normalizeActivity(input, ctx).errors.map((e) => e.code);
    expect(codes.includes('ACT-DATE-RANGE')).toBe(!ok);
  });

  it('claim date may be the end date or exactly one year after it', () => {
    expect(normalizeActivity(moc({ claimDate: '2025-03-12' }), ctx).errors).toEqual([]);
    expect(normalizeActivity(moc({ claimDate: '2026-03-12' }), ctx).errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Legacy rule sets (formats.md §3.6): the same checks, without the CURRENT date span and range limits,
// and with credits in hundredths instead of quarter steps.

/** A Template D style row, already mapped: a one-day conference of 2016. */
function legacyInput(changes: Partial<ActivityInput> = {}): ActivityInput {
  return {
    providerActivityId: 'P16-0001',
    title: '2016 Annual Cardiovascular Update',
    format: 'C',
    deliveryMethod: 'IN_PERSON',
    startDate: '2016-03-18',
    endDate: '2016-03-18',
    city: 'Chicago',
    state: 'IL',
    country: 'USA',
    creditsDesignated: 14.5,
    description: 'Update on heart failure',
    providership: 'DIRECT',
    jointProviders: [],
    listInPassport: false,
    outcomeMeasures: ['COMPETENCE'],
    commercialSupportReceived: false,
    commercialSupporters: [],
    physicianLearnerCount: 412,
    otherLearnerCount: 57,
    ...changes,
  };
}

const LEGACY_RULE_SETS = ['PARS2015', 'PARS2014', 'PARS2011', 'PARS2010'] as const;
const multiYear: Partial<ActivityInput> = { format: 'RSS', startDate: '2014-01-06', endDate: '2016-12-31' };

const legacyCases: [string, Partial<ActivityInput>, string[], string[]][] = [
  // why, changes, errors under a legacy rule set, errors under CURRENT (at least these)
  ['a one-day 2016 activity', {}, [], ['ACT-DATE-RANGE@endDate']],
  ['an RSS running three years (span)', multiYear, [], ['ACT-DATE-SPAN@endDate', 'ACT-DATE-RANGE@endDate']],
  [
    'an EM started before 2005 (range)',
    { format: 'EM', deliveryMethod: 'PRINT', startDate: '2003-05-01', endDate: '2005-12-31' },
    [],
    ['ACT-DATE-RANGE@startDate'],
  ],
  ['credits in hundredths', { creditsDesignated: 14.33 }, [], ['ACT-CREDIT-PRECISION@creditsDesignated']],
  ['credits of 0.1', { creditsDesignated: 0.1 }, ['ACT-NUMBER-RANGE@creditsDesignated'], []],
  [
    'credits with 3 decimals',
    { creditsDesignated: 1.333 },
    ['ACT-CREDIT-PRECISION@creditsDesignated'],
    ['ACT-CREDIT-PRECISION@creditsDesignated'],
  ],
  ['an unknown state', { state: 'XX' }, ['ACT-STATE-CODE@state'], ['ACT-STATE-CODE@state']],
  ['a 2-letter country', { country: 'US' }, ['ACT-COUNTRY-CODE@country'], ['ACT-COUNTRY-CODE@country']],
  ['an unknown country', { country: 'XYZ' }, ['ACT-COUNTRY-CODE@country'], ['ACT-COUNTRY-CODE@country']],
  ['a title over 250 characters', { title: 'x'.repeat(251) }, ['ACT-TEXT-LENGTH@title'], []],
  [
    'a tab inside the description',
    { description: 'Heart\tfailure' },
    ['FMT-CONTROL-CHAR@description'],
    ['FMT-CONTROL-CHAR@description'],
  ],
  ['an end date before the start date', { endDate: '2016-03-17' }, ['ACT-DATE-ORDER@endDate'], []],
  ['a date that does not exist', { startDate: '2016-02-30' }, ['ACT-DATE-INVALID@startDate'], []],
  [
    'supporters while support received is No',
    { commercialSupporters: [{ name: 'Pfizer Inc.', kind: 'MONETARY', amount: 25000 }] },
    ['ACT-SUPPORT-INCONSISTENT@commercialSupporters'],
    ['ACT-SUPPORT-INCONSISTENT@commercialSupporters'],
  ],
  [
    'a supporter amount with cents',
    {
      commercialSupportReceived: true,
      commercialSupporters: [{ name: 'Pfizer Inc.', kind: 'MONETARY', amount: 25000.5 }],
    },
    ['ACT-AMOUNT-FORMAT@commercialSupporters.0.amount'],
    ['ACT-AMOUNT-FORMAT@commercialSupporters.0.amount'],
  ],
];

describe('legacy rule sets (formats.md §3.6)', () => {
  it.each(LEGACY_RULE_SETS.flatMap((ruleSet) => legacyCases.map((c) => [ruleSet, ...c] as const)))(
    '%s: %s',
    (ruleSet, _why, changes, legacyErrors, currentErrors) => {
      const legacy = normalizeActivity(legacyInput(changes), { ...ctx, ruleSet });
      expect(where(legacy.errors)).toEqual(legacyErrors);
      expect(legacy.record === null).toBe(legacyErrors.length > 0);
      const current = normalizeActivity(legacyInput(changes), ctx);
      for (const e of currentErrors) expect(where(current.errors)).toContain(e);
    },
  );

  it('CURRENT is the default rule set', () => {
    const input = legacyInput(multiYear);
    expect(normalizeActivity(input, { ...ctx, ruleSet: 'CURRENT' })).toEqual(normalizeActivity(input, ctx));
  });

  it('keeps credits in hundredths and normalises a territory as for CURRENT', () => {
    const { record, warnings } = normalizeActivity(
      legacyInput({ creditsDesignated: 14.33, country: 'PRI', state: null }),
      { ...ctx, ruleSet: 'PARS2015' },
    );
    expect(record).toMatchObject({ creditsDesignated: 14.33, country: 'USA', state: 'PR' });
    expect(where(warnings)).toEqual(['ACT-COUNTRY-NORMALISED@country']);
  });
});

// ---------------------------------------------------------------------------------------------

type RequirementCase = [id: string, why: string, input: ActivityInput, field: string, c?: RuleContext];

const activeCases: RequirementCase[] = [
  ['A1', 'delivery method of a course', withChanges({ deliveryMethod: undefined }), 'deliveryMethod'],
  [
    'A1',
    'delivery method of an enduring material',
    withChanges({ deliveryMethod: undefined }, 'EM'),
    'deliveryMethod',
  ],
  ['A2', 'city of an in-person course', withChanges({ city: undefined }), 'city'],
  [
    'A2',
    'country of a hybrid series',
    withChanges({ country: undefined, state: undefined }, 'RSS'),
    'country',
  ],
  ['A3', 'state in the USA', withChanges({ state: null }), 'state'],
  [
    'A4',
    'credits designated',
    withChanges({ creditsDesignated: undefined, mocRegistrations: [] }),
    'creditsDesignated',
  ],
  ['A5', 'description', withChanges({ description: ' ' }), 'description'],
  ['A6', 'providership', withChanges({ providership: undefined, jointProviders: undefined }), 'providership'],
  [
    'A7',
    'listInPassport',
    withChanges({ listInPassport: undefined, mocRegistrations: [] }),
    'listInPassport',
  ],
  ['A8', 'fee of a listed activity', withChanges({ hasFee: undefined }), 'hasFee'],
  [
    'A8',
    'registration of an MOC-registered, unlisted activity',
    withChanges({ listInPassport: false, registration: undefined }),
    'registration',
  ],
  ['A8', 'URL of a listed activity', withChanges({ activityUrl: undefined }), 'activityUrl'],
];

const closingCases: RequirementCase[] = [
  ['C2', 'joint providers', withChanges({ jointProviders: [] }), 'jointProviders'],
  ['C3', 'outcome measures', withChanges({ outcomeMeasures: [] }), 'outcomeMeasures'],
  [
    'C4',
    'commercial support answered',
    withChanges({ commercialSupportReceived: null }),
    'commercialSupportReceived',
  ],
  ['C5', 'at least one supporter', withChanges({ commercialSupporters: [] }), 'commercialSupporters'],
  ['C5', 'supporter name', supporter({ kind: 'MONETARY', amount: 1 }), 'commercialSupporters.0.name'],
  ['C5', 'supporter kind', supporter({ name: 'Acme' }), 'commercialSupporters.0.kind'],
  [
    'C5',
    'amount of monetary support',
    supporter({ name: 'Acme', kind: 'MONETARY' }),
    'commercialSupporters.0.amount',
  ],
  ['C6', 'physician learners', withChanges({ physicianLearnerCount: undefined }), 'physicianLearnerCount'],
  ['C7', 'other learners', withChanges({ otherLearnerCount: undefined }), 'otherLearnerCount'],
  [
    'C8',
    'professions for Joint Accreditation',
    withChanges({ otherLearnersByProfession: undefined }),
    'otherLearnersByProfession',
    jaCtx,
  ],
  [
    'C9',
    'a year of enduring counts',
    withChanges({ enduringCounts: complete('EM').enduringCounts!.slice(0, 2) }, 'EM'),
    'enduringCounts',
  ],
  [
    'C9',
    'last entry equals the learner counts',
    withChanges({ physicianLearnerCount: 31, rems: null }, 'EM'),
    'enduringCounts',
  ],
  ['C10', 'credit types', moc({ creditTypes: [] }), 'mocRegistrations.0.creditTypes'],
  ['C10', 'practice areas', moc({ practiceAreas: [] }), 'mocRegistrations.0.practiceAreas'],
  [
    'C10',
    'ABA content areas (1–2)',
    moc({ board: 'ABA', creditTypes: [{ code: 'LL', amount: 1 }], practiceAreas: ['ANESTHESIOLOGY'] }),
    'mocRegistrations.0.contentAreas',
  ],
  [
    'C10',
    'ABA at most 2 content areas',
    moc({
      board: 'ABA',
      creditTypes: [{ code: 'LL', amount: 1 }],
      practiceAreas: ['ANESTHESIOLOGY'],
      contentAreas: ['AIRWAY', 'PAIN', 'PHARMACOLOGY'],
    }),
    'mocRegistrations.0.contentAreas',
  ],
  [
    'C10',
    'internal ID where the board requires it',
    moc({ board: 'ABS', creditTypes: [{ code: 'CME', amount: 1 }], practiceAreas: ['GENERAL'] }),
    'mocRegistrations.0.internalId',
  ],
  ['C10', 'claim date', moc({ claimDate: undefined }), 'mocRegistrations.0.claimDate'],
  ['C10', 'attestation', moc({ attested: false }), 'mocRegistrations.0.attestedAt'],
  ['C11', 'REMS type', rems({ type: null }), 'rems.type'],
  ['C11', 'sections of a REMS-related activity', rems({ type: 'RELATED' }), 'rems.blueprintSections'],
  ['C11', 'RPC ID when the RPC is a supporter', rems({ rpcId: null }), 'rems.rpcId'],
  ['C11', 'prescribers', rems({ prescribersLastYear: undefined }), 'rems.prescribersLastYear'],
  ['C11', 'by profession', rems({ byProfession: undefined }), 'rems.byProfession'],
  ['C11', 'DEA individual', rems({ deaIndividual: undefined }), 'rems.deaIndividual'],
  ['C11', 'DEA institutional', rems({ deaInstitutional: undefined }), 'rems.deaInstitutional'],
  ['C11', 'by practice type', rems({ byPracticeType: {} }), 'rems.byPracticeType'],
  [
    'C12',
    'MIPS participation definition',
    withChanges({ mips: { improvementActivity: true, attested: true } }),
    'mips.participationDefinition',
  ],
  [
    'C12',
    'MIPS attestation',
    withChanges({ mips: { improvementActivity: true, participationDefinition: 'x' } }),
    'mips.attestedAt',
  ],
];

describe('status requirements (activities.md §3.1)', () => {
  it.each(activeCases)('%s: %s → DRAFT', (id, _why, input, field, c = ctx) => {
    const result = statusOf(input, c);
    expect(result.status).toBe('DRAFT');
    expect(result.targetStatus).toBe('CLOSED');
    expect(result.missing).toContainEqual(expect.objectContaining({ requirement: id, field }));
  });

  it.each(closingCases)('%s: %s → READY_TO_CLOSE', (id, _why, input, field, c = ctx) => {
    const result = statusOf(input, c);
    expect(result.status).toBe('READY_TO_CLOSE');
    expect(result.targetStatus).toBe('CLOSED');
    expect(result.missing).toContainEqual(expect.objectContaining({ requirement: id, field }));
    expect(result.missing.every((m) => m.requirement.startsWith('C'))).toBe(true);
  });

  it('C1: an activity cannot close before it ends, even when asked to', () => {
    const result = statusOf(withChanges({ requestedStatus: 'CLOSED', endDate: TODAY, mocRegistrations: [] }));
    expect(result).toEqual({
      status: 'ACTIVE',
      targetStatus: 'CLOSED',
      missing: [expect.objectContaining({ requirement: 'C1', field: 'endDate' })],
    });
  });

  it('A-level checks do not apply where they do not belong', () => {
    // No delivery method for JN, no location online, no A8 when neither listed nor MOC-registered.
    expect(
      statusOf(
        withChanges(
          {
            listInPassport: false,
            mocRegistrations: [],
            hasFee: null,
            registration: null,
            activityUrl: null,
          },
          'JN',
        ),
      ).status,
    ).toBe('CLOSED');
    expect(
      statusOf(withChanges({ deliveryMethod: 'ONLINE', city: null, state: null, country: null })).status,
    ).toBe('CLOSED');
    expect(statusOf(withChanges({ country: 'CAN', state: null })).status).toBe('CLOSED');
  });

  it('C10 takes the board listing values from the activity when the entry leaves them empty', () => {
    expect(statusOf(moc({ hasFee: null, registration: null, activityUrl: null })).status).toBe('CLOSED');
    expect(
      statusOf(moc({ hasFee: true, registration: 'LIMITED', activityUrl: 'https://board.example.org/x' }))
        .status,
    ).toBe('CLOSED');
  });

  it('C10 board listing values: missing on both the entry and the activity, A8 and C10 are both listed', () => {
    // A8 already demands the activity's own values once a board is registered, so at the C level
    // the fallback always finds them; the C10 entry shows up only together with A8.
    const result = statusOf(moc({}, { listInPassport: false, hasFee: undefined }));
    expect(result.status).toBe('DRAFT');
    expect(result.missing).toContainEqual(expect.objectContaining({ requirement: 'A8', field: 'hasFee' }));
    expect(result.missing).toContainEqual(
      expect.objectContaining({ requirement: 'C10', field: 'mocRegistrations.0.hasFee' }),
    );
  });

  it('C8 applies only to Joint Accreditation providers and accepts no breakdown of zero learners', () => {
    expect(statusOf(withChanges({ otherLearnersByProfession: undefined })).status).toBe('CLOSED');
    const none = withChanges({ otherLearnerCount: 0, otherLearnersByProfession: undefined, rems: null });
    expect(statusOf(none, jaCtx).status).toBe('CLOSED');
  });

  it('lists every missing requirement between the reached and the target level', () => {
    const result = statusOf(
      withChanges({ description: undefined, outcomeMeasures: [], physicianLearnerCount: undefined }),
    );
    expect(result.status).toBe('DRAFT');
    expect(result.missing.map((m) => m.requirement)).toEqual(['A5', 'C3', 'C6']);
  });

  it('every missing requirement carries a plain message', () => {
    for (const [, , input, , c] of [...activeCases, ...closingCases]) {
      for (const m of statusOf(input, c).missing) expect(m.message).toMatch(/^[A-Z].{10,}/);
    }
  });
});

describe('requested status caps the result (§3.2 step 3–4)', () => {
  const future = { startDate: '2025-06-01', endDate: '2025-08-31', mocRegistrations: [] };
  it.each([
    ['AUTO', {}, 'CLOSED', 'CLOSED'],
    ['CLOSED', {}, 'CLOSED', 'CLOSED'],
    ['ACTIVE', {}, 'READY_TO_CLOSE', 'ACTIVE'],
    ['DRAFT', {}, 'DRAFT', 'DRAFT'],
    ['AUTO', future, 'ACTIVE', 'ACTIVE'],
    ['CLOSED', future, 'ACTIVE', 'CLOSED'],
    ['ACTIVE', future, 'ACTIVE', 'ACTIVE'],
    ['DRAFT', future, 'DRAFT', 'DRAFT'],
  ])('requested %s (%o) → %s, target %s', (requestedStatus, changes, status, targetStatus) => {
    const result = statusOf(withChanges({ ...changes, requestedStatus }));
    expect(result.status).toBe(status);
    expect(result.targetStatus).toBe(targetStatus);
    expect(result.missing.length > 0).toBe(isBelowTarget(result));
  });

  it('codes are case-insensitive for the requested status too', () => {
    expect(recordOf(withChanges({ requestedStatus: 'draft' })).requestedStatus).toBe('DRAFT');
  });

  it('a draft-capped record lists nothing missing even when it is incomplete', () => {
    expect(statusOf(withChanges({ requestedStatus: 'DRAFT', description: null }))).toEqual({
      status: 'DRAFT',
      targetStatus: 'DRAFT',
      missing: [],
    });
  });

  it('an incomplete record asked to stay ACTIVE lists only A requirements', () => {
    const result = statusOf(
      withChanges({ requestedStatus: 'ACTIVE', description: null, outcomeMeasures: [] }),
    );
    expect(result.status).toBe('DRAFT');
    expect(result.missing.map((m) => m.requirement)).toEqual(['A5']);
  });
});

describe('today boundaries', () => {
  const ending = (endDate: string, changes: Partial<ActivityInput> = {}) =>
    withChanges({ startDate: '2025-06-01', endDate, mocRegistrations: [], ...changes });

  it('endDate = today → ACTIVE, nothing missing for the AUTO target', () => {
    expect(statusOf(ending(TODAY))).toEqual({ status: 'ACTIVE', targetStatus: 'ACTIVE', missing: [] });
  });

  it('endDate = yesterday → CLOSED when complete', () => {
    expect(statusOf(ending(YESTERDAY)).status).toBe('CLOSED');
  });

  it('endDate = yesterday → READY_TO_CLOSE when closing data is missing', () => {
    const result = statusOf(ending(YESTERDAY, { outcomeMeasures: [] }));
    expect(result).toMatchObject({ status: 'READY_TO_CLOSE', targetStatus: 'CLOSED' });
    expect(result.missing.map((m) => m.requirement)).toEqual(['C3']);
  });

  it('endDate = today with closing data missing is ACTIVE and not short of its target', () => {
    expect(statusOf(ending(TODAY, { outcomeMeasures: [] }))).toEqual({
      status: 'ACTIVE',
      targetStatus: 'ACTIVE',
      missing: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('reporting year and changes', () => {
  it('the reporting year is the year of the end date', () => {
    expect(reportingYearOf(recordOf(complete('EM')))).toBe(2025);
    expect(
      reportingYearOf(
        recordOf(withChanges({ startDate: '2023-12-30', endDate: '2024-01-02', mocRegistrations: [] })),
      ),
    ).toBe(2024);
  });

  it('lists the top-level fields that differ, compared deeply', () => {
    const before = recordOf(complete());
    expect(activityChanges(before, recordOf(complete()))).toEqual([]);
    const after = recordOf(
      withChanges({ title: 'New title', rems: { ...complete().rems!, deaIndividual: 16 } }),
    );
    expect(activityChanges(before, after)).toEqual(['title', 'rems']);
  });

  it('ignores the order of map keys', () => {
    const a = recordOf(withChanges({ otherLearnersByProfession: { NURSE: 8, PHARMACIST: 4 } }));
    const b = recordOf(withChanges({ otherLearnersByProfession: { PHARMACIST: 4, NURSE: 8 } }));
    expect(activityChanges(a, b)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Re-cases a code letter by letter from a pattern of booleans (true = upper case). */
function recase(code: string, pattern: readonly boolean[]): string {
  return [...code]
    .map((ch, i) => ((pattern[i % pattern.length] ?? true) ? ch.toUpperCase() : ch.toLowerCase()))
    .join('');
}

function recaseCodes(input: ActivityInput, p: readonly boolean[]): ActivityInput {
  const r = (code: string | null | undefined) => (typeof code === 'string' ? recase(code, p) : code);
  const rl = (codes: string[] | undefined) => codes?.map((c) => recase(c, p));
  const rk = (map: Record<string, number> | undefined) =>
    map && Object.fromEntries(Object.entries(map).map(([k, v]) => [recase(k, p), v]));
  return {
    ...input,
    requestedStatus: r(input.requestedStatus),
    format: r(input.format),
    deliveryMethod: r(input.deliveryMethod),
    state: r(input.state),
    country: r(input.country),
    providership: r(input.providership),
    registration: r(input.registration),
    topics: rl(input.topics),
    outcomeMeasures: rl(input.outcomeMeasures),
    otherLearnersByProfession: rk(input.otherLearnersByProfession),
    commercialSupporters: input.commercialSupporters?.map((s) => ({
      ...s,
      kind: recase(s.kind, p),
      inKindTypes: rl(s.inKindTypes),
    })),
    mocRegistrations: input.mocRegistrations?.map((m) => ({
      ...m,
      board: recase(m.board, p),
      registration: r(m.registration),
      creditTypes: m.creditTypes?.map((c) => ({ ...c, code: recase(c.code, p) })),
      practiceAreas: rl(m.practiceAreas),
      contentAreas: rl(m.contentAreas),
    })),
    rems: input.rems && {
      ...input.rems,
      type: r(input.rems.type),
      blueprintSections: rl(input.rems.blueprintSections),
      byProfession: rk(input.rems.byProfession),
      byPracticeType: rk(input.rems.byPracticeType),
    },
  };
}

const withoutValues = (messages: RuleMessage[]) => messages.map(({ value: _, ...m }) => m);

/** Fields that may be dropped without making the record unsaveable (D1–D4 stay). */
const OPTIONAL_FIELDS = [
  'deliveryMethod',
  'city',
  'state',
  'country',
  'creditsDesignated',
  'description',
  'providership',
  'jointProviders',
  'listInPassport',
  'hasFee',
  'registration',
  'activityUrl',
  'outcomeMeasures',
  'commercialSupportReceived',
  'commercialSupporters',
  'physicianLearnerCount',
  'otherLearnerCount',
  'otherLearnersByProfession',
  'enduringCounts',
  'mocRegistrations',
  'rems',
  'mips',
] as const;

const arbitraryRecord = fc
  .record({
    format: fc.constantFrom(...FORMATS),
    dropped: fc.subarray([...OPTIONAL_FIELDS]),
    today: fc.constantFrom('2025-01-15', '2025-03-12', '2025-03-13', '2025-05-31', TODAY, '2026-01-01'),
    requestedStatus: fc.constantFrom('AUTO', 'DRAFT', 'ACTIVE', 'CLOSED'),
    jointAccreditation: fc.boolean(),
  })
  .map(({ format, dropped, today, requestedStatus, jointAccreditation }) => {
    const input = complete(format) as Record<string, unknown>;
    for (const key of dropped) delete input[key];
    const c: RuleContext = { ...ctx, today, jointAccreditation };
    return { input: { ...input, requestedStatus } as ActivityInput, ctx: c };
  });

describe('properties', () => {
  it('codes are case-insensitive: re-casing valid codes never changes the result', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMATS),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        (format, pattern) => {
          const input = complete(format);
          const plain = normalizeActivity(input, ctx);
          const recased = normalizeActivity(recaseCodes(input, pattern), ctx);
          expect(recased.record).toEqual(plain.record);
          expect(withoutValues(recased.errors)).toEqual(withoutValues(plain.errors));
          expect(withoutValues(recased.warnings)).toEqual(withoutValues(plain.warnings));
        },
      ),
    );
  });

  it('trimming spaces around text fields never changes the record', () => {
    const padding = fc.string({ unit: fc.constantFrom(' ', '\u00a0', '\u2003'), maxLength: 3 });
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMATS),
        fc.string({ maxLength: 40 }),
        fc.array(padding, { minLength: 12, maxLength: 12 }),
        (format, title, pads) => {
          const pad = (s: string, i: number) => `${pads[i]}${s}${pads[(i + 6) % 12]}`;
          const base = withChanges({ title: `T ${title}` }, format);
          const padded: ActivityInput = {
            ...base,
            providerActivityId: pad(base.providerActivityId!, 0),
            title: pad(base.title!, 1),
            description: pad(base.description!, 2),
            city: base.city && pad(base.city, 3),
            activityUrl: pad(base.activityUrl!, 4),
            jointProviders: base.jointProviders!.map((n) => pad(n, 5)),
            commercialSupporters: base.commercialSupporters!.map((s, i) => ({
              ...s,
              name: pad(s.name, 6 + i),
            })),
            mips: { ...base.mips!, participationDefinition: pad(base.mips!.participationDefinition!, 9) },
            rems: { ...base.rems!, rpcId: pad(base.rems!.rpcId!, 10) },
            format: pad(format, 11),
          };
          const plain = normalizeActivity(base, ctx);
          const trimmed = normalizeActivity(padded, ctx);
          expect(trimmed.record).toEqual(plain.record);
          expect(withoutValues(trimmed.errors)).toEqual(withoutValues(plain.errors));
        },
      ),
    );
  });

  it('a record that reaches CLOSED never lists missing requirements; a shortfall always does', () => {
    let closed = 0;
    fc.assert(
      fc.property(arbitraryRecord, ({ input, ctx: c }) => {
        const result = evaluateStatus(recordOf(input, c), c);
        if (result.status === 'CLOSED') {
          closed++;
          expect(result.missing).toEqual([]);
        }
        expect(result.missing.length > 0).toBe(isBelowTarget(result));
      }),
      { numRuns: 300 },
    );
    expect(closed).toBeGreaterThan(0);
  });

  it('evaluateStatus is monotone in the requested status (DRAFT ≤ ACTIVE ≤ CLOSED = AUTO)', () => {
    fc.assert(
      fc.property(arbitraryRecord, ({ input, ctx: c }) => {
        const record = recordOf(input, c);
        const at = (requestedStatus: ActivityRecord['requestedStatus']) =>
          evaluateStatus({ ...record, requestedStatus }, c).status;
        expect(statusLevel(at('DRAFT'))).toBeLessThanOrEqual(statusLevel(at('ACTIVE')));
        expect(statusLevel(at('ACTIVE'))).toBeLessThanOrEqual(statusLevel(at('CLOSED')));
        expect(at('AUTO')).toBe(at('CLOSED'));
      }),
      { numRuns: 300 },
    );
  });

  it('the span limit is exact: the last allowed end date passes, the day after fails', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2022-01-01', n));
    fc.assert(
      fc.property(day, fc.constantFrom('C', 'EM', 'PI'), (startDate, format) => {
        const last = lastAllowedEndDate(startDate, format);
        const check = (endDate: string) =>
          normalizeActivity(
            withChanges({ startDate, endDate, enduringCounts: [], mocRegistrations: [] }, format),
            { ...ctx, today: '2026-01-01' },
          ).errors.map((e) => e.code);
        expect(check(last)).not.toContain('ACT-DATE-SPAN');
        expect(check(addDays(last, 1))).toContain('ACT-DATE-SPAN');
      }),
    );
  });
});
