import { codeList } from '../../reference/codes';
import type { ActivityInput } from './activity.schema';
import { addYears, readDate } from './activity-dates.rules';
import {
  type Attestation,
  type BoardLists,
  type CodeSet,
  codeListSet,
  codeSet,
  codeSetOf,
  type Findings,
  fromHundredths,
  isQuarterStep,
  mergeAttestation,
  oneOf,
  type Requirement,
  type RuleContext,
  readCode,
  readCodeList,
  readText,
  readUrl,
  toHundredths,
} from './activity-fields.rules';

// MOC / Continuing Certification registrations (activities.md §1.5, §4.6; C10 of §3.1).

export type MocCreditType = { code: string; amount: number };

export type MocRegistrationRecord = {
  board: string;
  creditTypes: MocCreditType[];
  practiceAreas: string[];
  contentAreas: string[];
  internalId: string | null;
  /** null = the activity's own value applies; kept null so a later change of the activity follows. */
  hasFee: boolean | null;
  registration: string | null;
  activityUrl: string | null;
  claimDate: string | null;
} & Attestation;

type MocInput = NonNullable<ActivityInput['mocRegistrations']>[number];

export type BoardRules = {
  requiresContentAreas?: { min: number; max: number };
  requiresInternalId?: boolean;
};

/**
 * Registration rules of the boards that the spec fixes (§4.6: ABA takes 1–2 content areas). A board's
 * entry in ctx.boardLists overrides these, so an operator can change them without a release.
 */
export const DEFAULT_BOARD_RULES: Readonly<Record<string, BoardRules>> = {
  ABA: { requiresContentAreas: { min: 1, max: 2 } },
};

export function boardRules(board: string, lists: BoardLists): BoardRules {
  const configured = lists[board];
  const defaults = DEFAULT_BOARD_RULES[board] ?? {};
  return {
    requiresContentAreas: configured?.requiresContentAreas ?? defaults.requiresContentAreas,
    requiresInternalId: configured?.requiresInternalId ?? defaults.requiresInternalId,
  };
}

export const REGISTRATIONS = codeSet(['OPEN', 'LIMITED']);

/** What the MOC checks need to know about the rest of the activity; undefined = unreadable. */
export type MocActivity = {
  startDate: string | null | undefined;
  endDate: string | null | undefined;
  creditsHundredths: number | null | undefined;
  previous: readonly MocRegistrationRecord[];
};

export function readMocRegistrations(
  f: Findings,
  raw: readonly MocInput[] | null | undefined,
  ctx: RuleContext,
  activity: MocActivity,
): MocRegistrationRecord[] {
  const seen = new Set<string>();
  return (raw ?? []).map((entry, i) =>
    readRegistration(f, `mocRegistrations.${i}`, entry, ctx, activity, seen),
  );
}

function readRegistration(
  f: Findings,
  path: string,
  entry: MocInput,
  ctx: RuleContext,
  activity: MocActivity,
  seen: Set<string>,
): MocRegistrationRecord {
  const board = readBoard(f, `${path}.board`, entry.board, activity.startDate, seen);
  const areas = board ? ctx.boardLists[board] : undefined;
  const previous = board ? activity.previous.find((p) => p.board === board) : undefined;
  return {
    board: board ?? entry.board,
    creditTypes: readCreditTypes(
      f,
      `${path}.creditTypes`,
      entry.creditTypes,
      board,
      activity.creditsHundredths,
    ),
    practiceAreas: readAreas(
      f,
      `${path}.practiceAreas`,
      entry.practiceAreas,
      board,
      areas?.practiceAreas,
      'Practice area',
    ),
    contentAreas: readAreas(
      f,
      `${path}.contentAreas`,
      entry.contentAreas,
      board,
      areas?.contentAreas,
      'Content area',
    ),
    internalId: readText(f, `${path}.internalId`, entry.internalId, { label: 'Board activity ID', max: 50 }),
    hasFee: entry.hasFee ?? null,
    registration:
      readCode(f, `${path}.registration`, entry.registration, {
        label: 'Board registration',
        set: REGISTRATIONS,
      }) ?? null,
    activityUrl: readUrl(f, `${path}.activityUrl`, entry.activityUrl, 'Board activity URL'),
    claimDate: readClaimDate(f, `${path}.claimDate`, entry.claimDate, activity.endDate),
    ...mergeAttestation(entry.attested, previous, ctx),
  };
}

const certifyingBoards = () => codeList('boards').filter((b) => b.kind === 'certifying');

/** Unknown, not certifying, repeated, or not taking activities that start this early. */
function readBoard(
  f: Findings,
  path: string,
  raw: string,
  startDate: string | null | undefined,
  seen: Set<string>,
): string | undefined {
  const board = codeListSet('boards').canonical(raw);
  const row = codeList('boards').find((b) => b.code === board);
  if (!board || !row || row.kind !== 'certifying') {
    const accepted = oneOf(certifyingBoards().map((b) => b.code));
    f.error(path, 'ACT-MOC-BOARD', `Board must be a certifying board: ${accepted}; "${raw}" is not`, raw);
    return undefined;
  }
  if (seen.has(board)) {
    f.error(path, 'ACT-MOC-BOARD', `${board} is registered twice; keep one entry per board`, raw);
    return undefined;
  }
  seen.add(board);
  const from = row.activity_start_from;
  if (from && startDate && startDate < from) {
    f.error(path, 'ACT-MOC-BOARD', `${board} accepts only activities starting ${from} or later`, raw);
  }
  return board;
}

const creditTypeSets = new Map<string, CodeSet>();

/** The credit types a board offers (credit-types.tsv), looked up case-insensitively. */
export function creditTypesOf(board: string): CodeSet {
  let set = creditTypeSets.get(board);
  if (!set) {
    set = codeSet(
      codeList('credit-types')
        .filter((r) => r.board === board)
        .map((r) => r.code),
    );
    creditTypeSets.set(board, set);
  }
  return set;
}

const NO_AREAS: readonly string[] = [];

function readCreditTypes(
  f: Findings,
  path: string,
  raw: MocInput['creditTypes'],
  board: string | undefined,
  creditsHundredths: number | null | undefined,
): MocCreditType[] {
  const offered = board ? creditTypesOf(board) : undefined;
  const result: MocCreditType[] = [];
  for (const [i, item] of (raw ?? []).entries()) {
    const code = offered
      ? readCreditTypeCode(f, `${path}.${i}.code`, item.code, board!, offered, result)
      : item.code;
    const hundredths = readMocAmount(f, `${path}.${i}.amount`, item.amount, creditsHundredths);
    result.push({
      code: code ?? item.code,
      amount: hundredths === undefined ? item.amount : fromHundredths(hundredths),
    });
  }
  if (board === 'ABO') {
    const codes = result.map((c) => c.code);
    if (codes.includes('IMP') && codes.includes('PS')) {
      f.error(
        path,
        'ACT-MOC-ABO-IMP-PS',
        'ABO does not accept IMP and PS on one activity; register one of them',
      );
    }
  }
  return result;
}

function readCreditTypeCode(
  f: Findings,
  path: string,
  raw: string,
  board: string,
  offered: CodeSet,
  earlier: readonly MocCreditType[],
): string | undefined {
  const code = offered.canonical(raw);
  if (!code) {
    f.error(
      path,
      'ACT-MOC-CREDIT-TYPE',
      `${board} credit type must be ${oneOf(offered.codes)}; "${raw}" is not`,
      raw,
    );
    return undefined;
  }
  if (earlier.some((c) => c.code === code)) {
    f.error(
      path,
      'ACT-MOC-CREDIT-TYPE',
      `${board} credit type ${code} is listed twice; give each type once`,
      raw,
    );
    return undefined;
  }
  return code;
}

/** 0.25 … creditsDesignated in steps of 0.25; the first failing reason is reported. */
function readMocAmount(
  f: Findings,
  path: string,
  raw: number,
  creditsHundredths: number | null | undefined,
): number | undefined {
  const hundredths = toHundredths(raw);
  const problem =
    hundredths === undefined || !isQuarterStep(hundredths)
      ? 'must be in steps of 0.25 (for example 1.25)'
      : hundredths <= 0
        ? 'must be more than 0'
        : typeof creditsHundredths === 'number' && hundredths > creditsHundredths
          ? `must not be more than the ${fromHundredths(creditsHundredths)} AMA PRA Category 1 Credits designated`
          : null;
  if (problem) {
    f.error(path, 'ACT-MOC-AMOUNT', `MOC amount ${problem}`, raw);
    return undefined;
  }
  return hundredths;
}

function readAreas(
  f: Findings,
  path: string,
  raw: readonly string[] | undefined,
  board: string | undefined,
  list: readonly string[] | undefined,
  label: string,
): string[] {
  if (!board) return [...(raw ?? [])];
  const hint = list?.length
    ? `one of ${board}'s list (${oneOf(list.slice(0, 5))}${list.length > 5 ? ', …' : ''})`
    : `from ${board}'s list, which has no entries yet; ask the board to add it`;
  return (
    readCodeList(f, path, raw, {
      label: `${board} ${label.toLowerCase()}`,
      set: codeSetOf(list ?? NO_AREAS),
      hint,
    }) ?? []
  );
}

/** The last day a board takes completions: endDate … endDate + 1 year. */
function readClaimDate(
  f: Findings,
  path: string,
  raw: string | null | undefined,
  endDate: string | null | undefined,
): string | null {
  const claimDate = readDate(f, path, raw, 'MOC claim date');
  if (!claimDate) return null;
  if (endDate) {
    const latest = addYears(endDate, 1);
    if (claimDate < endDate || claimDate > latest) {
      f.error(
        path,
        'ACT-MOC-CLAIM-DATE',
        `MOC claim date must be between the end date ${endDate} and ${latest}`,
        raw,
      );
    }
  }
  return claimDate;
}

// ---------------------------------------------------------------------------------------------
// C10: every registration complete before the activity can close.

type ActivityListing = { hasFee: boolean | null; registration: string | null; activityUrl: string | null };

export function mocRequirements(
  registrations: readonly MocRegistrationRecord[],
  activity: ActivityListing,
  lists: BoardLists,
): Requirement[] {
  const missing: Requirement[] = [];
  const need = (field: string, message: string) => missing.push({ requirement: 'C10', field, message });
  for (const [i, reg] of registrations.entries()) {
    const path = `mocRegistrations.${i}`;
    const rules = boardRules(reg.board, lists);
    if (reg.creditTypes.length === 0)
      need(`${path}.creditTypes`, `${reg.board}: at least one credit type with its amount is needed`);
    if (reg.practiceAreas.length === 0)
      need(`${path}.practiceAreas`, `${reg.board}: at least one practice area is needed`);
    const range = rules.requiresContentAreas;
    if (range && (reg.contentAreas.length < range.min || reg.contentAreas.length > range.max)) {
      need(`${path}.contentAreas`, `${reg.board}: ${range.min}–${range.max} content areas are needed`);
    }
    if (rules.requiresInternalId && reg.internalId === null)
      need(`${path}.internalId`, `${reg.board}: the board activity ID is needed`);
    // The board's own listing values default to the activity's (§1.5).
    if ((reg.hasFee ?? activity.hasFee) === null)
      need(`${path}.hasFee`, `${reg.board}: say whether there is a participation fee`);
    if ((reg.registration ?? activity.registration) === null)
      need(`${path}.registration`, `${reg.board}: registration (OPEN or LIMITED) is needed`);
    if ((reg.activityUrl ?? activity.activityUrl) === null)
      need(`${path}.activityUrl`, `${reg.board}: an activity URL is needed`);
    if (reg.claimDate === null)
      need(`${path}.claimDate`, `${reg.board}: the MOC claim date is needed (end date … end date + 1 year)`);
    if (reg.attestedAt === null)
      need(`${path}.attestedAt`, `${reg.board}: the board attestation must be confirmed`);
  }
  return missing;
}
