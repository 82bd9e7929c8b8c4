import { createFindings, type Findings, type RuleMessage } from '../activities/activity-fields.rules';
import type { LearnerAction, LearnerInput, LearnerRecord } from './learner.schema';
import { readBoardFields } from './learner-board.rules';
import type { LearnerActivity, LearnerRuleContext } from './learner-context';
import {
  amountText,
  daysBetween,
  present,
  readAmount,
  readBirthMonthDay,
  readCompletionDate,
  readName,
  splitCodes,
} from './learner-fields.rules';
import { hasRemsData, readMipsParticipation, readRemsFields } from './learner-rems.rules';
import { readStateFields } from './learner-state.rules';

// Stage 1 of learner intake (spec/learners.md §4; codes in formats.md §9): everything that can be
// decided from the row, the activity it names and the settings, with every failure reported. Identity
// (stage 2), duplicates and the cross-row sums (§5, formats.md §8.5) come afterwards.

export type { LearnerActivity, LearnerMocRegistration, LearnerRuleContext } from './learner-context';
export type { RuleMessage };

export type IntakeResult = {
  /** The normalised record; null when any error was found. */
  record: LearnerRecord | null;
  errors: RuleMessage[];
  warnings: RuleMessage[];
};

const ACTIONS: Readonly<Record<string, LearnerAction>> = {
  a: 'ADD',
  add: 'ADD',
  d: 'DELETE',
  delete: 'DELETE',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Beyond this many days after completion a report is late (learners.md §10, accme.org/faq/7921). */
export const LATE_AFTER_DAYS = 30;

export function checkLearnerIntake(input: LearnerInput, ctx: LearnerRuleContext): IntakeResult {
  const f = createFindings();
  const action = readAction(f, input.action);
  // An unreadable action is checked as an add: an add's checks include every delete check, so the
  // user hears of every other problem on the row at once.
  const isDelete = action === 'DELETE';
  const recordId = isDelete ? readRecordId(f, input.recordId) : null;
  const byRecordId = typeof recordId === 'string';
  const activity = readActivity(f, input, ctx, isDelete);

  // A delete by record ID names its record directly; the identifying fields are then optional.
  const optional = byRecordId ? createFindings() : f;
  const firstName = readName(optional, 'firstName', input.firstName, 'First name');
  const lastName = readName(optional, 'lastName', input.lastName, 'Last name');
  const birthMonthDay = readBirthMonthDay(optional, input.birthMonthDay);
  const completionDate = readCompletionDate(optional, input.completionDate, ctx.usDatesOnly ?? false);
  if (byRecordId) keepFormatErrors(optional, f);
  if (completionDate && ctx.isYearClosed(Number(completionDate.slice(0, 4)))) {
    f.error(
      'completionDate',
      'LRN-YEAR-CLOSED',
      `Reporting for ${completionDate.slice(0, 4)} has closed, so records completed that year can no longer be ${isDelete ? 'deleted' : 'added'}; ask your accreditor for a change request`,
      input.completionDate,
    );
  }
  const state = readStateFields(f, input, ctx, isDelete);
  const reportedOn = ctx.reportedOn ?? ctx.today;

  if (isDelete) {
    const amounts = readDeleteAmounts(f, input);
    const board = readBoardFields(
      f,
      input,
      { completionDate, cmeHundredths: amounts.cme, activity, reportedOn, syntaxOnly: true },
      ctx,
    );
    const rems = readRemsFields(f, input, activity, true);
    return finish(f, {
      action: 'DELETE',
      recordId,
      activity,
      input,
      names: { firstName, lastName, birthMonthDay, completionDate },
      state,
      cme: amounts.cme,
      board: { ...board, mocPoints: amounts.points },
      rems,
      mips: null,
    });
  }

  const cme = readAmount(f, input.cmeCredits, { path: 'cmeCredits', label: 'CME credits' });
  if (typeof cme === 'number' && activity?.creditsDesignated != null) {
    const designated = Math.round(activity.creditsDesignated * 100);
    if (cme > designated) {
      f.error(
        'cmeCredits',
        'LRN-CREDIT-EXCEEDS',
        `CME credits (${amountText(cme)}) must not be more than the ${amountText(designated)} credits designated for the activity`,
        input.cmeCredits,
      );
    }
  }
  if (completionDate && activity) checkActivityDates(f, completionDate, activity, input, cme);
  if (completionDate && completionDate > ctx.today) {
    f.error(
      'completionDate',
      'LRN-DATE-FUTURE',
      `Completion date ${completionDate} is after today (${ctx.today}); report a completion once it has happened`,
      input.completionDate,
    );
  }
  const board = readBoardFields(
    f,
    input,
    { completionDate, cmeHundredths: cme, activity, reportedOn, syntaxOnly: false },
    ctx,
  );
  const rems = readRemsFields(f, input, activity, false);
  checkCarriesCredit(f, input, activity, state.licenseState, board.board);
  if (completionDate && completionDate <= reportedOn) {
    const days = daysBetween(completionDate, reportedOn);
    if (days > LATE_AFTER_DAYS) {
      f.warn(
        'completionDate',
        'LRN-LATE-30-DAYS',
        `Reported ${days} days after completion; learner data should be reported within ${LATE_AFTER_DAYS} days`,
        input.completionDate,
      );
    }
  }
  return finish(f, {
    action: 'ADD',
    recordId: null,
    activity,
    input,
    names: { firstName, lastName, birthMonthDay, completionDate },
    state,
    cme,
    board,
    rems,
    mips: readMipsParticipation(input, activity),
  });
}

function readAction(f: Findings, raw: string | null | undefined): LearnerAction | undefined {
  const value = present(raw);
  if (value === null) return 'ADD'; // sheets and JSON default to add (formats.md §4.2)
  const action = ACTIONS[value.toLowerCase()];
  if (!action) {
    f.error('action', 'LRN-ACTION-CODE', `Action must be A (add) or D (delete); "${value}" is not`, raw);
  }
  return action;
}

function readRecordId(f: Findings, raw: string | null | undefined): string | null | undefined {
  const value = present(raw);
  if (value === null) return null;
  if (UUID.test(value)) return value.toLowerCase();
  // No record can have this ID, so the delete cannot match (the code §8 gives for that).
  f.error(
    'recordId',
    'LRN-DELETE-NO-MATCH',
    `Record ID must be the UUID returned when the record was added, such as 3f2b8c1e-…; "${value}" matches no record`,
    raw,
  );
  return undefined;
}

/** §4 check 2; the lookup itself is the caller's, passed in as ctx.activity. */
function readActivity(
  f: Findings,
  input: LearnerInput,
  ctx: LearnerRuleContext,
  isDelete: boolean,
): LearnerActivity | null | undefined {
  const parsId = present(input.parsActivityId);
  const providerId = present(input.providerActivityId);
  if (parsId === null && providerId === null) {
    f.error(
      'parsActivityId',
      'LRN-REQUIRED',
      'Activity is required: give parsActivityId (the OpenPARS activity ID) or providerActivityId (your own ID)',
    );
    return undefined;
  }
  if (parsId !== null && !/^\d{1,12}$/.test(parsId)) {
    f.error(
      'parsActivityId',
      'LRN-ACTIVITY-ID-FORMAT',
      `Activity ID must be the OpenPARS activity number, up to 12 digits; "${parsId}" is not`,
      input.parsActivityId,
    );
    return undefined;
  }
  if (ctx.activity === null) {
    const key = parsId !== null ? `Activity ${parsId}` : `Activity "${providerId}"`;
    f.error(
      parsId !== null ? 'parsActivityId' : 'providerActivityId',
      'LRN-ACTIVITY-UNKNOWN',
      `${key} is not one of your activities; check the ID in your activity list`,
      parsId ?? providerId,
    );
    return null;
  }
  if (!isDelete && ctx.activity?.status === 'DRAFT') {
    f.error(
      parsId !== null ? 'parsActivityId' : 'providerActivityId',
      'LRN-ACTIVITY-STATUS',
      'The activity is still a DRAFT; complete it so that it becomes ACTIVE before reporting learners',
      parsId ?? providerId,
    );
  }
  return ctx.activity;
}

/** Formats still count on a delete by record ID; only "missing" does not. */
function keepFormatErrors(from: Findings, to: Findings): void {
  for (const e of from.errors) if (e.code !== 'LRN-REQUIRED') to.error(e.path, e.code, e.message, e.value);
}

/** §4 check 4 against the activity; the MOC part's claim date is checked with the board. */
function checkActivityDates(
  f: Findings,
  completionDate: string,
  activity: LearnerActivity,
  input: LearnerInput,
  cme: number | null | undefined,
): void {
  if (completionDate < activity.startDate) {
    f.error(
      'completionDate',
      'LRN-DATE-BEFORE-START',
      `Completion date ${completionDate} is before the activity starts (${activity.startDate})`,
      input.completionDate,
    );
  }
  const cmeOrRems = cme !== null || hasRemsData(input) || activity.rems !== null;
  if (cmeOrRems && completionDate > activity.endDate) {
    f.error(
      'completionDate',
      'LRN-DATE-AFTER-END',
      `Completion date ${completionDate} is after the activity ends (${activity.endDate}); CME and REMS completions must fall within the activity's dates`,
      input.completionDate,
    );
  }
}

/** §4 checks 9 and 10. */
function checkCarriesCredit(
  f: Findings,
  input: LearnerInput,
  activity: LearnerActivity | null | undefined,
  licenseState: string | null | undefined,
  board: string | null | undefined,
): void {
  const cmeGiven = present(input.cmeCredits) !== null;
  const mocGiven =
    present(input.board) !== null ||
    present(input.mocPoints) !== null ||
    splitCodes(input.mocCreditTypes).length > 0;
  // A REMS activity takes rows with no credit at all (§11); unknown activity: cannot tell.
  const remsActivity = activity ? activity.rems !== null : undefined;
  if (!cmeGiven && !mocGiven && remsActivity === false) {
    f.error(
      'cmeCredits',
      'LRN-NO-CREDIT',
      'The record carries no credit: give CME credits, or a board with MOC points and credit types',
    );
  }
  // A board counts as identity even without an ID for boards that need none (ABS, §3.1); an
  // unreadable state or board has been reported already and is not reported twice.
  if (cmeGiven && licenseState === null && board === null) {
    f.error(
      'licenseState',
      'LRN-CME-NO-IDENTITY',
      'CME credit needs a way to reach the state boards: give the license state (and number), or the certifying board and board ID',
    );
  }
}

type Parts = {
  action: LearnerAction;
  recordId: string | null | undefined;
  activity: LearnerActivity | null | undefined;
  input: LearnerInput;
  names: {
    firstName: string | null | undefined;
    lastName: string | null | undefined;
    birthMonthDay: string | null | undefined;
    completionDate: string | null | undefined;
  };
  state: ReturnType<typeof readStateFields>;
  cme: number | null | undefined;
  board: ReturnType<typeof readBoardFields>;
  rems: ReturnType<typeof readRemsFields>;
  mips: boolean | null;
};

const hundredthsToNumber = (h: number | null | undefined) => (typeof h === 'number' ? h / 100 : null);

function finish(f: Findings, p: Parts): IntakeResult {
  if (f.errors.length > 0) return { record: null, errors: f.errors, warnings: f.warnings };
  const parsId = present(p.input.parsActivityId);
  const record: LearnerRecord = {
    action: p.action,
    recordId: p.recordId ?? null,
    parsActivityId: p.activity?.parsActivityId ?? (parsId === null ? null : Number(parsId)),
    providerActivityId: present(p.input.providerActivityId),
    providerLearnerId: present(p.input.providerLearnerId),
    firstName: p.names.firstName ?? null,
    lastName: p.names.lastName ?? null,
    birthMonthDay: p.names.birthMonthDay ?? null,
    completionDate: p.names.completionDate ?? null,
    licenseState: p.state.licenseState ?? null,
    licenseId: p.state.licenseId ?? null,
    npi: p.state.npi ?? null,
    cmeCredits: hundredthsToNumber(p.cme),
    board: p.board.board ?? null,
    boardId: p.board.boardId ?? null,
    mocPoints: hundredthsToNumber(p.board.mocPoints),
    mocCreditTypes: p.board.mocCreditTypes ?? [],
    remsProfession: p.rems.remsProfession ?? null,
    remsDeaRegistration: p.rems.remsDeaRegistration ?? null,
    remsPracticeType: p.rems.remsPracticeType ?? null,
    remsPrescribedLastYear: p.rems.remsPrescribedLastYear,
    mipsParticipationMet: p.mips,
    afterBoardYearEnd: p.board.afterBoardYearEnd,
  };
  return { record, errors: f.errors, warnings: f.warnings };
}

/**
 * A delete matches on the amounts as stored (§8), so they only need to be readable numbers; a value
 * that is not one cannot match any record, which is what the row is told.
 */
function readDeleteAmounts(f: Findings, input: LearnerInput): { cme: number | null; points: number | null } {
  const read = (raw: string | number | null | undefined, path: string, label: string) => {
    const scratch = createFindings();
    const value = readAmount(scratch, raw, { path, label });
    if (value === undefined && scratch.errors[0]?.code === 'LRN-CREDIT-FORMAT') {
      f.error(
        path,
        'LRN-DELETE-NO-MATCH',
        `${label} "${present(raw)}" is not a number, so no record can match`,
        raw,
      );
    }
    return value === undefined ? exactHundredths(raw) : value;
  };
  return {
    cme: read(input.cmeCredits, 'cmeCredits', 'CME credits'),
    points: read(input.mocPoints, 'mocPoints', 'MOC points'),
  };
}

/** A stored amount may predate a rule (0, 0.1): deletes compare what was given, exactly. */
function exactHundredths(raw: string | number | null | undefined): number | null {
  const n = Number(present(raw));
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}
