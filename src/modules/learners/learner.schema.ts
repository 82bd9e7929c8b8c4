import { z } from 'zod';

// A learner completion record (spec/learners.md §2) as it travels in JSON (REST bodies, JSON uploads)
// and as the sheet and OP-LRN-TAB-1 adapters must produce it. Only the shape is checked here: values
// stay strings (or numbers) so that learner-intake.rules.ts can give every channel the same LRN-* code
// (a "1,5" in a sheet and in JSON both get LRN-CREDIT-FORMAT, not a generic REQ-INVALID).
// Descriptions are the field help texts (decisions.md §13).

const text = (max: number) => z.string().max(max * 4); // length rules live in the rules (LRN-*-FORMAT)
const decimal = z.union([z.number(), z.string().max(40)]);

export const LEARNER_ACTIONS = ['ADD', 'DELETE'] as const;
export type LearnerAction = (typeof LEARNER_ACTIONS)[number];
export const REMS_DEA_REGISTRATIONS = ['INDIVIDUAL', 'INSTITUTIONAL', 'NONE'] as const;
export const REMS_PRACTICE_TYPES = ['PRIMARY_CARE', 'PAIN_SPECIALIST', 'NON_PAIN_SPECIALIST'] as const;

/** What a client sends for one learner completion (web form, API item, upload row). */
export const learnerInputSchema = z
  .object({
    action: z
      .string()
      .max(20)
      .nullish()
      .describe('A or add (default) to report a completion; D or delete to withdraw one. Any case.'),
    recordId: z
      .string()
      .max(100)
      .nullish()
      .describe('Deletes only: the record to delete, as returned when it was added (UUID).'),
    parsActivityId: z
      .union([z.number().int(), z.string().max(40)])
      .nullish()
      .describe('OpenPARS activity ID (digits, up to 12); required unless providerActivityId is given.'),
    providerActivityId: text(50)
      .nullish()
      .describe('Your own ID of the activity (1–50 characters), instead of parsActivityId.'),
    providerLearnerId: text(50)
      .nullish()
      .describe('Your own reference for the learner (up to 50 characters); never sent to boards.'),
    firstName: text(50)
      .nullish()
      .describe("Learner's first name, 1–50 characters: letters of any script, spaces, - ' ’ and ."),
    lastName: text(50)
      .nullish()
      .describe("Learner's last name, 1–50 characters: letters of any script, spaces, - ' ’ and ."),
    birthMonthDay: z
      .string()
      .max(20)
      .nullish()
      .describe('Birth month and day as MM/DD, such as 04/23; no year. 02/29 is accepted.'),
    completionDate: z
      .string()
      .max(40)
      .nullish()
      .describe(
        'Date the learner met every requirement (evaluation, assessment): YYYY-MM-DD or MM/DD/YYYY; not in the future.',
      ),
    licenseState: z
      .string()
      .max(20)
      .nullish()
      .describe('State of licensure used to identify the learner (USPS code such as GA).'),
    licenseId: text(20)
      .nullish()
      .describe('State license number as issued (1–20: letters, digits, space, - . /; leading zeros kept).'),
    npi: z
      .string()
      .max(20)
      .nullish()
      .describe('National Provider Identifier: 10 digits with a valid check digit.'),
    cmeCredits: decimal
      .nullish()
      .describe(
        'AMA PRA Category 1 Credits™ claimed (not the maximum): more than 0, in steps of 0.25, up to the credits designated.',
      ),
    board: z
      .string()
      .max(20)
      .nullish()
      .describe('Certifying board code (boards code list, kind certifying) for MOC credit; one per record.'),
    boardId: text(20)
      .nullish()
      .describe("Learner's ID at the certifying board (1–20 characters); required for every board but ABS."),
    mocPoints: decimal
      .nullish()
      .describe(
        'MOC points claimed: more than 0, in steps of 0.25, up to the registered amount and the CME credits.',
      ),
    mocCreditTypes: z
      .union([z.array(z.string().max(20)).max(10), z.string().max(200)])
      .nullish()
      .describe(
        'Credit types of the board registered on the activity (credit-types code list); a list, or codes separated by , or ;.',
      ),
    remsProfession: z
      .string()
      .max(100)
      .nullish()
      .describe('REMS activities only: profession (rems-professions code or name).'),
    remsDeaRegistration: z
      .string()
      .max(20)
      .nullish()
      .describe('REMS activities only: DEA registration, INDIVIDUAL, INSTITUTIONAL or NONE.'),
    remsPracticeType: z
      .string()
      .max(40)
      .nullish()
      .describe('REMS activities only, optional: PRIMARY_CARE, PAIN_SPECIALIST or NON_PAIN_SPECIALIST.'),
    remsPrescribedLastYear: z
      .boolean()
      .nullish()
      .describe('REMS activities only, optional: prescribed opioid analgesics in the last 12 months.'),
    mipsParticipationMet: z
      .boolean()
      .nullish()
      .describe(
        "MIPS Improvement Activities only: the learner met the activity's participation definition; ignored elsewhere.",
      ),
  })
  .strict();
export type LearnerInput = z.infer<typeof learnerInputSchema>;

/**
 * The canonical completion record after stage 1: codes in their list's case, dates YYYY-MM-DD,
 * birth month/day MM/DD, amounts as numbers (exact quarters). Identity fields are kept as given
 * (trimmed); comparison forms are built by learner-key.ts and the identity module.
 */
export type LearnerRecord = {
  action: LearnerAction;
  /** Deletes by record ID only. */
  recordId: string | null;
  /** The resolved activity's ID when the caller found it, else the ID given. */
  parsActivityId: number | null;
  providerActivityId: string | null;
  providerLearnerId: string | null;
  firstName: string | null;
  lastName: string | null;
  birthMonthDay: string | null;
  completionDate: string | null;
  licenseState: string | null;
  licenseId: string | null;
  npi: string | null;
  cmeCredits: number | null;
  board: string | null;
  boardId: string | null;
  mocPoints: number | null;
  /** In the order given; learner-key.ts sorts them for keys. */
  mocCreditTypes: string[];
  remsProfession: string | null;
  remsDeaRegistration: (typeof REMS_DEA_REGISTRATIONS)[number] | null;
  remsPracticeType: (typeof REMS_PRACTICE_TYPES)[number] | null;
  remsPrescribedLastYear: boolean | null;
  /** Kept only on MIPS Improvement Activities (learners.md §12). */
  mipsParticipationMet: boolean | null;
  /** MOC reported after the board's year-end cut-off: the `afterYearEnd` flag of the board feed. */
  afterBoardYearEnd: boolean;
};
