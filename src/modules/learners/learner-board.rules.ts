import { codeList } from '../../reference/codes';
import { addDays } from '../activities/activity-dates.rules';
import {
  type CodeSet,
  codeSet,
  type Findings,
  hasControlChar,
  oneOf,
} from '../activities/activity-fields.rules';
import { creditTypesOf } from '../activities/activity-moc.rules';
import type { LearnerInput } from './learner.schema';
import type { LearnerActivity, LearnerMocRegistration, LearnerRuleContext } from './learner-context';
import { amountText, present, readAmount, splitCodes } from './learner-fields.rules';
import { wholeMatch } from './learner-state.rules';

// Certifying-board part of a learner row (learners.md §4 check 7, §6, §10 board dates and year-end).

/** Board settings (learners.md §6) that stage 1 needs; edited by board administrators. */
export type BoardSettings = {
  active: boolean;
  boardIdRequired: boolean;
  /** Whole-value regular expression; null or empty = any value (decisions.md §19). */
  boardIdPattern: string | null;
  acceptsCompletionsFrom: string | null;
  activityStartFrom: string | null;
  /** Points must equal the registered amount (ABP, LRN-ABP-AMOUNT) rather than stay at or below it. */
  fixedAmount: boolean;
  yearEndGraceDays: number;
};

/**
 * Values §6 fixes that boards.tsv has no column for. A board's settings in the context override
 * them, as they override the .tsv, so an administrator can change them without a release.
 */
export const SPEC_BOARD_DEFAULTS: Readonly<Record<string, Partial<BoardSettings>>> = {
  ABIM: { yearEndGraceDays: 7 },
  ABP: { fixedAmount: true },
};

const certifyingRows = () => codeList('boards').filter((b) => b.kind === 'certifying');

let certifying: CodeSet | undefined;
const certifyingBoards = (): CodeSet => {
  certifying ??= codeSet(certifyingRows().map((b) => b.code));
  return certifying;
};

/** Initial values from boards.tsv, then the spec's fixed values, then the board's own edits. */
export function boardSettings(board: string, ctx: Pick<LearnerRuleContext, 'boards'>): BoardSettings {
  const row = certifyingRows().find((b) => b.code === board);
  const fromCodes: BoardSettings = {
    active: true,
    boardIdRequired: row?.board_id_required !== 'no',
    boardIdPattern: row?.board_id_pattern || null,
    acceptsCompletionsFrom: row?.accepts_completions_from || null,
    activityStartFrom: row?.activity_start_from || null,
    fixedAmount: false,
    yearEndGraceDays: 0,
  };
  return { ...fromCodes, ...SPEC_BOARD_DEFAULTS[board], ...ctx.boards?.[board] };
}

/** Every credit type the board offers (credit-types.tsv), as the activity's MOC rules read them. */
const offeredTypes = creditTypesOf;

/** Registered with credit types, positive amounts and the attestation (§4 check 7). */
export function isCompleteRegistration(reg: LearnerMocRegistration | undefined): boolean {
  return (
    reg?.attested === true &&
    reg.creditTypes.length > 0 &&
    reg.creditTypes.every((c) => Number.isFinite(c.amount) && c.amount > 0)
  );
}

export type BoardFields = {
  board: string | null | undefined;
  boardId: string | null | undefined;
  /** Hundredths. */
  mocPoints: number | null | undefined;
  mocCreditTypes: string[] | undefined;
  afterBoardYearEnd: boolean;
};

export type BoardRow = {
  completionDate: string | null | undefined;
  /** CME credits on the row in hundredths, when readable. */
  cmeHundredths: number | null | undefined;
  activity: LearnerActivity | null | undefined;
  /** Date part of reportedAt. */
  reportedOn: string;
  /** Delete rows: no board checks, only the values the match of §8 compares. */
  syntaxOnly: boolean;
};

export function readBoardFields(
  f: Findings,
  input: LearnerInput,
  row: BoardRow,
  ctx: Pick<LearnerRuleContext, 'boards'>,
): BoardFields {
  const rawBoard = present(input.board);
  const boardId = present(input.boardId);
  const typeCodes = splitCodes(input.mocCreditTypes);
  if (row.syntaxOnly) return deleteBoardFields(rawBoard, boardId, typeCodes);
  const mocPoints = readAmount(f, input.mocPoints, { path: 'mocPoints', label: 'MOC points' });
  const none: BoardFields = {
    board: rawBoard === null ? null : undefined,
    boardId,
    mocPoints,
    mocCreditTypes: typeCodes,
    afterBoardYearEnd: false,
  };

  if (rawBoard === null) {
    if (mocPoints !== null || typeCodes.length > 0) {
      f.error(
        'board',
        'LRN-MOC-INCOMPLETE',
        'MOC points and credit types need a certifying board; give the board or remove them',
      );
    }
    if (boardId !== null) {
      f.error(
        'board',
        'LRN-MOC-INCOMPLETE',
        `Board ID "${boardId}" needs its certifying board; add the board`,
      );
    }
    return none;
  }
  const board = certifyingBoards().canonical(rawBoard);
  if (!board) {
    f.error(
      'board',
      'LRN-BOARD-CODE',
      `Board must be a certifying board code: ${oneOf(certifyingBoards().codes)}; "${rawBoard}" is not`,
      input.board,
    );
    return none;
  }
  const settings = boardSettings(board, ctx);
  const reg = row.activity?.mocRegistrations.find((r) => r.board === board);
  const mocCreditTypes = readCreditTypes(f, board, typeCodes, reg);
  checkBoardId(f, board, boardId, settings, input.boardId);

  checkAccepting(f, board, settings, row);
  if (row.activity && !isCompleteRegistration(reg)) {
    f.error(
      'board',
      'LRN-BOARD-NOT-REGISTERED',
      `This activity has no complete ${board} registration (credit types, amounts and attestation); complete it on the activity first`,
      input.board,
    );
  }
  if (mocPoints === null)
    f.error('mocPoints', 'LRN-MOC-INCOMPLETE', `${board} credit needs MOC points, such as 1.5`);
  if (typeCodes.length === 0) {
    const registered = reg?.creditTypes.map((c) => c.code) ?? offeredTypes(board).codes;
    f.error(
      'mocCreditTypes',
      'LRN-MOC-INCOMPLETE',
      `${board} credit needs its credit types: ${oneOf(registered)}`,
    );
  }
  if (typeof mocPoints === 'number' && mocCreditTypes && isCompleteRegistration(reg)) {
    checkPoints(f, board, settings, mocPoints, mocCreditTypes, reg!);
  }
  if (
    typeof mocPoints === 'number' &&
    typeof row.cmeHundredths === 'number' &&
    mocPoints > row.cmeHundredths
  ) {
    f.error(
      'mocPoints',
      'LRN-MOC-EXCEEDS-CME',
      `MOC points (${amountText(mocPoints)}) must not be more than the CME credits on the row (${amountText(row.cmeHundredths)})`,
      input.mocPoints,
    );
  }
  checkClaimDate(f, board, reg, row);
  return {
    board,
    boardId,
    mocPoints,
    mocCreditTypes,
    afterBoardYearEnd: afterYearEnd(f, board, settings, row),
  };
}

/**
 * Deletes get no board checks (§4 names none for them): the values only need the stored spelling so
 * the match of §8 can find the record; anything unknown simply matches nothing.
 */
function deleteBoardFields(
  rawBoard: string | null,
  boardId: string | null,
  typeCodes: string[],
): BoardFields {
  const board = rawBoard === null ? null : (certifyingBoards().canonical(rawBoard) ?? rawBoard);
  const offered = board ? offeredTypes(board) : undefined;
  return {
    board,
    boardId,
    mocPoints: null, // read by the caller, which compares amounts exactly
    mocCreditTypes: typeCodes.map((code) => offered?.canonical(code) ?? code),
    afterBoardYearEnd: false,
  };
}

function checkBoardId(
  f: Findings,
  board: string,
  boardId: string | null,
  settings: BoardSettings,
  raw: unknown,
): void {
  if (boardId === null) {
    if (settings.boardIdRequired) {
      f.error('boardId', 'LRN-BOARD-ID-REQUIRED', `${board} needs the learner's ${board} ID`);
    }
    return;
  }
  if ([...boardId].length > 20 || hasControlChar(boardId)) {
    f.error('boardId', 'LRN-BOARD-ID-FORMAT', `${board} ID must be 1–20 characters without tabs`, raw);
  } else if (!wholeMatch(settings.boardIdPattern, boardId)) {
    f.error(
      'boardId',
      'LRN-BOARD-ID-FORMAT',
      `${board} ID "${boardId}" does not have the form ${board} uses (${settings.boardIdPattern}); check it with the learner`,
      raw,
    );
  }
}

function checkAccepting(f: Findings, board: string, settings: BoardSettings, row: BoardRow): void {
  if (!settings.active) {
    f.error('board', 'LRN-BOARD-NOT-ACCEPTING', `${board} is not taking learner records at present`, board);
    return;
  }
  const from = settings.acceptsCompletionsFrom;
  if (from && row.completionDate && row.completionDate < from) {
    f.error(
      'completionDate',
      'LRN-BOARD-NOT-ACCEPTING',
      `${board} takes completions from ${from} on; this one is ${row.completionDate}`,
      row.completionDate,
    );
  }
  const startFrom = settings.activityStartFrom;
  if (startFrom && row.activity && row.activity.startDate < startFrom) {
    f.error(
      'board',
      'LRN-BOARD-NOT-ACCEPTING',
      `${board} takes only activities starting ${startFrom} or later; this one starts ${row.activity.startDate}`,
      board,
    );
  }
}

function readCreditTypes(
  f: Findings,
  board: string,
  codes: string[],
  reg: LearnerMocRegistration | undefined,
): string[] | undefined {
  const offered = offeredTypes(board);
  const result: string[] = [];
  let readable = true;
  for (const [i, raw] of codes.entries()) {
    const path = `mocCreditTypes.${i}`;
    const code = offered.canonical(raw);
    if (!code) {
      f.error(
        path,
        'LRN-MOC-CREDIT-TYPE',
        `${board} credit type must be ${oneOf(offered.codes)}; "${raw}" is not`,
        raw,
      );
      readable = false;
    } else if (result.includes(code)) {
      f.error(
        path,
        'LRN-MOC-CREDIT-TYPE',
        `${board} credit type ${code} is listed twice; give each once`,
        raw,
      );
      readable = false;
    } else if (isCompleteRegistration(reg) && !reg!.creditTypes.some((c) => c.code === code)) {
      const registered = oneOf(reg!.creditTypes.map((c) => c.code));
      f.error(
        path,
        'LRN-MOC-CREDIT-TYPE',
        `${board} credit type ${code} is not registered on this activity, which has ${registered}; use those or register ${code} first`,
        raw,
      );
      readable = false;
    } else {
      result.push(code);
    }
  }
  return readable ? result : undefined;
}

/** §6 amount rules: ≤ every listed registered amount, or equal to it for fixed-amount boards (ABP). */
function checkPoints(
  f: Findings,
  board: string,
  settings: BoardSettings,
  points: number,
  types: string[],
  reg: LearnerMocRegistration,
): void {
  for (const code of types) {
    const amount = reg.creditTypes.find((c) => c.code === code)?.amount;
    if (amount === undefined) continue;
    const registered = Math.round(amount * 100);
    if (settings.fixedAmount) {
      if (points !== registered) {
        f.error(
          'mocPoints',
          'LRN-ABP-AMOUNT',
          `${board} points must equal the ${amountText(registered)} ${code} points registered on the activity; this row has ${amountText(points)}`,
          amountText(points),
        );
      }
    } else if (points > registered) {
      f.error(
        'mocPoints',
        'LRN-MOC-EXCEEDS',
        `MOC points (${amountText(points)}) must not be more than the ${amountText(registered)} registered for ${board} ${code}`,
        amountText(points),
      );
    }
  }
}

/** The MOC part is taken until the board's claim date (§4 check 4); without one, the end date. */
function checkClaimDate(
  f: Findings,
  board: string,
  reg: LearnerMocRegistration | undefined,
  row: BoardRow,
): void {
  if (!row.completionDate || !row.activity) return;
  const last = reg?.claimDate ?? row.activity.endDate;
  if (row.completionDate > last) {
    f.error(
      'completionDate',
      'LRN-DATE-AFTER-END',
      `${board} credit for this activity is accepted for completions up to ${last}; this one is ${row.completionDate}`,
      row.completionDate,
    );
  }
}

/** §10: MOC of year Y reported after 31 Dec Y (+ grace days) is accepted, flagged and warned. */
function afterYearEnd(f: Findings, board: string, settings: BoardSettings, row: BoardRow): boolean {
  if (!row.completionDate) return false;
  const year = row.completionDate.slice(0, 4);
  const cutOff = addDays(`${year}-12-31`, settings.yearEndGraceDays);
  if (row.reportedOn <= cutOff) return false;
  f.warn(
    'completionDate',
    'LRN-AFTER-BOARD-YEAR-END',
    `${board} closed ${year} on ${cutOff}; the record is sent marked as late and ${board} decides which year it counts for`,
    row.completionDate,
  );
  return true;
}

// ---------------------------------------------------------------------------------------------
// ABA patient-safety pair (§6): a cross-row rule, run by stage 2 once both halves are known.

export type AbaPairHalf = { mocPoints: number | null; mocCreditTypes: readonly string[] };

/**
 * A record without PS and a record with PS for the same physician, activity and day together count
 * against the LL amount. Returns the message for the half being added, or null when within it.
 */
export function checkAbaPairTotal(
  adding: AbaPairHalf,
  other: AbaPairHalf | undefined,
  reg: LearnerMocRegistration,
): { path: string; code: string; message: string } | null {
  if (!other || adding.mocPoints === null || other.mocPoints === null) return null;
  const withPs = (h: AbaPairHalf) => h.mocCreditTypes.includes('PS');
  if (withPs(adding) === withPs(other)) return null; // not a pair: the once-per-day rule decides
  const ll = reg.creditTypes.find((c) => c.code === 'LL')?.amount;
  if (ll === undefined) return null;
  const total = Math.round((adding.mocPoints + other.mocPoints) * 100);
  if (total <= Math.round(ll * 100)) return null;
  return {
    path: 'mocPoints',
    code: 'LRN-MOC-EXCEEDS',
    message: `ABA points of the patient-safety pair add up to ${amountText(total)}, more than the ${ll} LL points registered; lower one of the two records`,
  };
}
