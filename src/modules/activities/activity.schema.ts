import { z } from 'zod';

// The activity record of spec/activities.md §1 as it travels in JSON (API bodies, JSON uploads) and
// as every other intake path (web form, CSV/XLSX/tab/XML adapters) must produce it. The shape is
// checked here; the meaning (codes, dates, spans, sums, status) is checked by activity.rules.ts so that
// every channel gets the same ACT-* codes. Descriptions are the field help texts (decisions.md §13).

const text = (max: number) => z.string().max(max * 4); // length rules (ACT-TEXT-LENGTH) live in the rules
const dateText = z.string().max(40).describe('A date, YYYY-MM-DD.');
const credit = z.number().describe('A decimal with at most two places, in steps of 0.25.');
const count = z.number().int();

export const REQUESTED_STATUSES = ['AUTO', 'DRAFT', 'ACTIVE', 'CLOSED'] as const;
export const ACTIVITY_STATUSES = ['DRAFT', 'ACTIVE', 'READY_TO_CLOSE', 'CLOSED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type RequestedStatus = (typeof REQUESTED_STATUSES)[number];

export const commercialSupporterSchema = z
  .object({
    name: text(200).describe('The ineligible company that gave the support (free text).'),
    kind: z.string().describe('MONETARY (money) or IN_KIND (goods, equipment, space).'),
    amount: count
      .nullish()
      .describe('Whole US dollars received; MONETARY entries only. Joint activities: the full amount.'),
    inKindTypes: z
      .array(z.string())
      .max(6)
      .optional()
      .describe('Nature of in-kind support (code list in-kind-types); IN_KIND entries only.'),
    inKindOther: text(200)
      .nullish()
      .describe('Description of other in-kind support, when inKindTypes contains OTHER.'),
  })
  .strict();

export const enduringCountSchema = z
  .object({
    year: count.describe('Calendar year of the counts (start year … end year).'),
    physicianLearners: count.describe('Cumulative physician learners at 31 December of that year.'),
    otherLearners: count.describe('Cumulative other learners at 31 December of that year.'),
  })
  .strict();

export const mocRegistrationSchema = z
  .object({
    board: z.string().describe('Certifying board code (boards code list, kind certifying).'),
    creditTypes: z
      .array(z.object({ code: z.string(), amount: credit }).strict())
      .max(10)
      .optional()
      .describe('Credit types of the board with the amount registered for each (0.25 … creditsDesignated).'),
    practiceAreas: z
      .array(z.string())
      .max(100)
      .optional()
      .describe('The board’s practice areas the activity addresses.'),
    contentAreas: z
      .array(z.string())
      .max(100)
      .optional()
      .describe('The board’s content-outline areas (ABA: 1–2).'),
    internalId: text(50)
      .nullish()
      .describe('The board’s own ID for the activity, where the board requires it.'),
    hasFee: z
      .boolean()
      .nullish()
      .describe('Whether learners pay to take part (defaults to the activity’s value).'),
    registration: z.string().nullish().describe('OPEN or LIMITED (defaults to the activity’s value).'),
    activityUrl: text(500)
      .nullish()
      .describe('Where learners find the activity (defaults to the activity’s value).'),
    claimDate: dateText
      .nullish()
      .describe('Last completion date accepted for this board: endDate … endDate + 1 year.'),
    attested: z
      .boolean()
      .optional()
      .describe('Set true to confirm the board attestation text (recorded with user and time).'),
  })
  .strict();

export const remsSchema = z
  .object({
    type: z.string().nullish().describe('COMPLIANT (covers the whole FDA Blueprint) or RELATED.'),
    blueprintSections: z
      .array(z.string())
      .max(50)
      .optional()
      .describe('Blueprint sections covered, when RELATED.'),
    rpcId: text(30)
      .nullish()
      .describe('RPC ID assigned by the REMS Program Companies, when the RPC is a supporter.'),
    prescribersLastYear: count
      .nullish()
      .describe('Participants who prescribed opioid analgesics in the last 12 months.'),
    byProfession: z
      .record(z.string(), count)
      .optional()
      .describe('Participants by profession (rems-professions).'),
    deaIndividual: count
      .nullish()
      .describe('Participants registered with the DEA for Schedule II/III, individual.'),
    deaInstitutional: count
      .nullish()
      .describe('Participants registered with the DEA for Schedule II/III, institutional.'),
    byPracticeType: z
      .record(z.string(), count)
      .optional()
      .describe('Participants by practice type: PRIMARY_CARE, PAIN_SPECIALIST, NON_PAIN_SPECIALIST.'),
  })
  .strict();

export const mipsSchema = z
  .object({
    improvementActivity: z
      .boolean()
      .nullish()
      .describe('The activity meets the MIPS Improvement Activity expectations.'),
    participationDefinition: text(2000)
      .nullish()
      .describe('How meaningful participation is defined and documented.'),
    attested: z
      .boolean()
      .optional()
      .describe('Set true to attest the five MIPS criteria (recorded with user and time).'),
  })
  .strict();

/** What a client sends for one activity (create, replace, validate, upload row). */
export const activityInputSchema = z
  .object({
    providerActivityId: text(50)
      .nullish()
      .describe(
        'Your own ID for the activity (1–50 characters), unique among your live activities; an update key.',
      ),
    requestedStatus: z
      .string()
      .nullish()
      .describe('AUTO (default), DRAFT, ACTIVE or CLOSED: caps the status OpenPARS computes.'),
    title: text(250).nullish().describe('Activity title (1–250 characters).'),
    format: z
      .string()
      .nullish()
      .describe(
        'Activity format (activity-types code list: C, RSS, EM, JN, MR, TIW, CML, PI, ISL, LFT, OTH).',
      ),
    deliveryMethod: z
      .string()
      .nullish()
      .describe('IN_PERSON, ONLINE, HYBRID or PRINT, as the format allows; required for C, RSS, EM and OTH.'),
    startDate: dateText
      .nullish()
      .describe('First day of the activity (EM: release date); 2005-01-01 … 31 Dec of next year + 2.'),
    endDate: dateText
      .nullish()
      .describe(
        'Last day; not before startDate, within 1 year of it (EM: 3 years), 2022 or later. Its year is the reporting year.',
      ),
    city: text(100).nullish().describe('City, when the activity is in person or hybrid.'),
    state: z
      .string()
      .nullish()
      .describe('US state or territory (USPS code), when in person or hybrid in the USA.'),
    country: z
      .string()
      .nullish()
      .describe('Country (ISO 3166-1 alpha-3, e.g. USA), when in person or hybrid.'),
    creditsDesignated: credit
      .nullish()
      .describe(
        'AMA PRA Category 1 Credits™ designated, 0–999.75 in steps of 0.25 (RSS: for the whole series).',
      ),
    description: z
      .string()
      .max(16000)
      .nullish()
      .describe('Plain-text description (1–4000 characters), shown in CME Passport when listed.'),
    providership: z
      .string()
      .nullish()
      .describe('DIRECT or JOINT (jointly provided with a non-accredited organisation).'),
    jointProviders: z
      .array(text(200))
      .max(20)
      .optional()
      .describe('Names of the joint providers (1–20), when JOINT.'),
    topics: z
      .array(z.string())
      .max(20)
      .optional()
      .describe('Topics (up to 20) used to count state topic requirements.'),
    listInPassport: z.boolean().nullish().describe('List the activity in the public CME Passport search.'),
    hasFee: z
      .boolean()
      .nullish()
      .describe('Whether learners pay to take part; needed when listed or MOC-registered.'),
    registration: z
      .string()
      .nullish()
      .describe('OPEN (open to all) or LIMITED (a defined group); needed when listed or MOC-registered.'),
    activityUrl: text(500)
      .nullish()
      .describe(
        'Absolute http(s) address of the activity (≤ 500 characters); needed when listed or MOC-registered.',
      ),
    outcomeMeasures: z
      .array(z.string())
      .max(10)
      .optional()
      .describe('1–5 outcome measures (outcome-measures code list), no repeats.'),
    commercialSupportReceived: z
      .boolean()
      .nullish()
      .describe('Whether the activity received commercial support from an ineligible company.'),
    commercialSupporters: z
      .array(commercialSupporterSchema)
      .max(100)
      .optional()
      .describe('One entry per supporter per kind of support.'),
    physicianLearnerCount: count
      .nullish()
      .describe(
        'Physician learners (MDs and DOs, residents included); RSS: one per session attended; EM: cumulative.',
      ),
    otherLearnerCount: count.nullish().describe('Everyone else who took part.'),
    otherLearnersByProfession: z
      .record(z.string(), count)
      .optional()
      .describe(
        'Joint Accreditation: other learners by profession (ja-professions); must add up to otherLearnerCount.',
      ),
    enduringCounts: z
      .array(enduringCountSchema)
      .max(10)
      .optional()
      .describe('EM only: cumulative counts at 31 December of each year it is available.'),
    mocRegistrations: z
      .array(mocRegistrationSchema)
      .max(9)
      .optional()
      .describe('MOC/CC registration, at most one entry per certifying board.'),
    rems: remsSchema.nullish().describe('FDA Opioid Analgesic REMS details; present = a REMS activity.'),
    mips: mipsSchema.nullish().describe('MIPS Improvement Activity details.'),
  })
  .strict();
export type ActivityInput = z.infer<typeof activityInputSchema>;
