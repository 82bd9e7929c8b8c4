import { describe, expect, it } from 'vitest';
import { codeList } from '../../reference/codes';
import type { RuleMessage } from '../activities/activity-fields.rules';
import type { LearnerInput } from './learner.schema';
import { boardSettings } from './learner-board.rules';
import type { LearnerActivity, LearnerMocRegistration, LearnerRuleContext } from './learner-context';
import {
  frequencySettings,
  isFrequencyExempt,
  oncePerDaySlot,
  SPEC_FREQUENCY_DEFAULTS,
} from './learner-frequency.rules';
import { checkLearnerIntake } from './learner-intake.rules';

// spec/learners.md §6 (table and bullets) and §10, once per certifying board. The boards and their
// credit types come from the code lists, so a board added there is checked here too. Fixed "today":
// 2025-06-15.

const TODAY = '2025-06-15';
const BOARDS = codeList('boards')
  .filter((b) => b.kind === 'certifying')
  .map((b) => b.code);
const offeredTypes = (board: string) =>
  codeList('credit-types')
    .filter((t) => t.board === board)
    .map((t) => t.code);
// ABO may not register IMP and PS together (ACT-MOC-ABO-IMP-PS), so every board registers its first
// two types only; the others stay "offered but not registered".
const registeredTypes = (board: string) => offeredTypes(board).slice(0, 2);
const notRegistered = (board: string) => offeredTypes(board).slice(2);
const REGISTERED_AMOUNT = 5;

const registration = (
  board: string,
  extra: Partial<LearnerMocRegistration> = {},
): LearnerMocRegistration => ({
  board,
  creditTypes: registeredTypes(board).map((code) => ({ code, amount: REGISTERED_AMOUNT })),
  attested: true,
  claimDate: '2025-05-31',
  ...extra,
});

const activity = (changes: Partial<LearnerActivity> = {}): LearnerActivity => ({
  parsActivityId: 1001,
  status: 'ACTIVE',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
  creditsDesignated: 10,
  format: 'C',
  rems: null,
  mips: null,
  mocRegistrations: BOARDS.map((board) => registration(board)),
  ...changes,
});

const context = (changes: Partial<LearnerRuleContext> = {}): LearnerRuleContext => ({
  today: TODAY,
  activity: activity(),
  isYearClosed: () => false,
  ...changes,
});

/** A MOC-only row for the board: its first registered type, the full registered amount. */
const mocRow = (board: string, changes: Partial<LearnerInput> = {}): LearnerInput => {
  const input: Record<string, unknown> = {
    parsActivityId: '1001',
    firstName: 'Ana',
    lastName: 'García',
    birthMonthDay: '04/23',
    completionDate: '2025-05-20',
    board,
    boardId: '123456',
    mocPoints: REGISTERED_AMOUNT,
    mocCreditTypes: [registeredTypes(board)[0]],
    ...changes,
  };
  for (const key of Object.keys(changes)) if (input[key] === undefined) delete input[key];
  return input as LearnerInput;
};

const where = (messages: RuleMessage[]) => messages.map((m) => `${m.code}@${m.path}`);
const errorsOf = (input: LearnerInput, c: LearnerRuleContext = context()) =>
  where(checkLearnerIntake(input, c).errors);
const warningsOf = (input: LearnerInput, c: LearnerRuleContext) => {
  const { errors, warnings } = checkLearnerIntake(input, c);
  expect(errors).toEqual([]);
  return where(warnings);
};

const fixedAmount = (board: string) => boardSettings(board, {}).fixedAmount;
const needsBoardId = (board: string) => boardSettings(board, {}).boardIdRequired;

// ---------------------------------------------------------------------------------------------

describe('the nine certifying boards of boards.tsv', () => {
  it('are the boards of §6', () => {
    expect(BOARDS).toEqual(['ABA', 'ABIM', 'ABO', 'ABOHNS', 'ABOS', 'ABP', 'ABPath', 'ABS', 'ABTS']);
    for (const board of BOARDS) expect(offeredTypes(board).length, board).toBeGreaterThan(0);
  });

  it.each(BOARDS)('%s: a complete MOC-only row passes', (board) => {
    const { record, errors } = checkLearnerIntake(mocRow(board), context());
    expect(errors).toEqual([]);
    expect(record).toMatchObject({
      board,
      mocPoints: REGISTERED_AMOUNT,
      mocCreditTypes: [registeredTypes(board)[0]],
    });
  });

  it.each(BOARDS)('%s: every registered credit type together, in any case and separator', (board) => {
    const types = registeredTypes(board);
    expect(errorsOf(mocRow(board, { mocCreditTypes: types.join(' ; ').toLowerCase() }))).toEqual([]);
  });

  it.each(BOARDS)('%s: the board code in another case', (board) => {
    expect(errorsOf(mocRow(board, { board: board.toLowerCase() }))).toEqual([]);
  });
});

describe('board ID (§6 "Board ID"; ABS optional)', () => {
  it.each(BOARDS)('%s without a board ID', (board) => {
    const errors = errorsOf(mocRow(board, { boardId: undefined }));
    if (board === 'ABS') expect(errors).toEqual([]);
    else expect(errors).toEqual(['LRN-BOARD-ID-REQUIRED@boardId']);
    expect(needsBoardId(board)).toBe(board !== 'ABS');
  });

  it.each(BOARDS)('%s: a board ID over 20 characters', (board) => {
    expect(errorsOf(mocRow(board, { boardId: '1'.repeat(21) }))).toEqual(['LRN-BOARD-ID-FORMAT@boardId']);
  });

  it.each(BOARDS)('%s: the pattern the board sets applies to its IDs only', (board) => {
    const c = context({ boards: { [board]: { boardIdPattern: '\\d{6}' } } });
    expect(errorsOf(mocRow(board, { boardId: 'A12345' }), c)).toEqual(['LRN-BOARD-ID-FORMAT@boardId']);
    expect(errorsOf(mocRow(board, { boardId: '123456' }), c)).toEqual([]);
    const other = BOARDS.find((b) => b !== board)!;
    expect(errorsOf(mocRow(other, { boardId: 'A12345' }), c)).toEqual([]);
  });
});

describe('credit types (§6 "Credit types", credit-types.tsv)', () => {
  it.each(BOARDS)('%s: a code that is no credit type of the board', (board) => {
    expect(errorsOf(mocRow(board, { mocCreditTypes: 'ZZ' }))).toEqual([
      'LRN-MOC-CREDIT-TYPE@mocCreditTypes.0',
    ]);
  });

  it.each(BOARDS.filter((b) => notRegistered(b).length > 0))(
    '%s: a type the board offers but the activity did not register',
    (board) => {
      const [type] = notRegistered(board);
      expect(errorsOf(mocRow(board, { mocCreditTypes: type }))).toEqual([
        'LRN-MOC-CREDIT-TYPE@mocCreditTypes.0',
      ]);
    },
  );

  it.each(BOARDS)('%s: points and types without each other, or without the board', (board) => {
    expect(errorsOf(mocRow(board, { mocCreditTypes: undefined }))).toEqual([
      'LRN-MOC-INCOMPLETE@mocCreditTypes',
    ]);
    expect(errorsOf(mocRow(board, { mocPoints: undefined }))).toEqual(['LRN-MOC-INCOMPLETE@mocPoints']);
    const noBoard = mocRow(board, {
      board: undefined,
      boardId: undefined,
      cmeCredits: 5,
      licenseState: 'GA',
    });
    expect(errorsOf(noBoard)).toEqual(['LRN-MOC-INCOMPLETE@board']);
  });
});

describe('registration on the activity (§4 check 7)', () => {
  it.each(BOARDS)('%s: the activity has no registration for the board', (board) => {
    const others = activity().mocRegistrations.filter((r) => r.board !== board);
    const c = context({ activity: activity({ mocRegistrations: others }) });
    expect(errorsOf(mocRow(board), c)).toContain('LRN-BOARD-NOT-REGISTERED@board');
  });

  it.each(BOARDS)('%s: the registration is not attested', (board) => {
    const regs = BOARDS.map((b) => registration(b, b === board ? { attested: false } : {}));
    const c = context({ activity: activity({ mocRegistrations: regs }) });
    expect(errorsOf(mocRow(board), c)).toContain('LRN-BOARD-NOT-REGISTERED@board');
  });

  it.each(BOARDS)('%s: the MOC part is taken up to the claim date, not after', (board) => {
    const regs = BOARDS.map((b) => registration(b, { claimDate: '2025-06-10' }));
    const c = context({ activity: activity({ mocRegistrations: regs }) });
    expect(errorsOf(mocRow(board, { completionDate: '2025-06-10' }), c)).toEqual([]);
    expect(errorsOf(mocRow(board, { completionDate: '2025-06-11' }), c)).toEqual([
      'LRN-DATE-AFTER-END@completionDate',
    ]);
  });
});

describe('amount rule (§6 "Amount rule")', () => {
  it.each(BOARDS)('%s: points above the registered amount', (board) => {
    const code = fixedAmount(board) ? 'LRN-ABP-AMOUNT' : 'LRN-MOC-EXCEEDS';
    expect(errorsOf(mocRow(board, { mocPoints: REGISTERED_AMOUNT + 0.25 }))).toEqual([`${code}@mocPoints`]);
  });

  it.each(BOARDS)('%s: points below the registered amount (variable, except ABP)', (board) => {
    const errors = errorsOf(mocRow(board, { mocPoints: 2.5 }));
    if (board === 'ABP') expect(errors).toEqual(['LRN-ABP-AMOUNT@mocPoints']);
    else expect(errors).toEqual([]);
    expect(fixedAmount(board)).toBe(board === 'ABP');
  });

  it.each(BOARDS)('%s: points above the CME credits on the same row', (board) => {
    const withCme = (cmeCredits: number) => mocRow(board, { cmeCredits, licenseState: 'GA' });
    expect(errorsOf(withCme(REGISTERED_AMOUNT))).toEqual([]);
    expect(errorsOf(withCme(REGISTERED_AMOUNT - 0.25))).toEqual(['LRN-MOC-EXCEEDS-CME@mocPoints']);
  });

  it.each(BOARDS)('%s: points in quarter steps, more than 0', (board) => {
    expect(errorsOf(mocRow(board, { mocPoints: '1.1' }))).toEqual(['LRN-CREDIT-PRECISION@mocPoints']);
    expect(errorsOf(mocRow(board, { mocPoints: 0 }))).toEqual(['LRN-CREDIT-RANGE@mocPoints']);
    expect(errorsOf(mocRow(board, { mocPoints: 'two' }))).toEqual(['LRN-CREDIT-FORMAT@mocPoints']);
  });
});

describe('board dates (§6 "Dates", §10 board start dates)', () => {
  // An activity in December 2015 and one that started before 2018, with every reporting year open.
  const old = (startDate: string, endDate: string) =>
    context({
      activity: activity({
        startDate,
        endDate,
        mocRegistrations: BOARDS.map((b) => registration(b, { claimDate: endDate })),
      }),
    });

  const REFUSES_2015_12_14: Record<string, string> = {
    ABIM: 'LRN-BOARD-NOT-ACCEPTING@completionDate', // completions ≥ 2015-12-15
    ABS: 'LRN-BOARD-NOT-ACCEPTING@completionDate', // completions ≥ 2021-03-01
    ABPath: 'LRN-BOARD-NOT-ACCEPTING@board', // activity start ≥ 2018-01-01
  };

  it.each(BOARDS)('%s: a completion on 2015-12-14 of an activity starting 2015-12-01', (board) => {
    const errors = errorsOf(mocRow(board, { completionDate: '2015-12-14' }), old('2015-12-01', '2015-12-31'));
    const refusal = REFUSES_2015_12_14[board];
    expect(errors).toEqual(refusal ? [refusal] : []);
  });

  it('ABIM takes 2015-12-15; ABS takes 2021-03-01; ABPath takes an activity starting 2018-01-01', () => {
    expect(
      errorsOf(mocRow('ABIM', { completionDate: '2015-12-15' }), old('2015-12-01', '2015-12-31')),
    ).toEqual([]);
    expect(
      errorsOf(mocRow('ABS', { completionDate: '2021-03-01' }), old('2021-02-01', '2021-03-31')),
    ).toEqual([]);
    expect(
      errorsOf(mocRow('ABS', { completionDate: '2021-02-28' }), old('2021-02-01', '2021-03-31')),
    ).toEqual(['LRN-BOARD-NOT-ACCEPTING@completionDate']);
    expect(
      errorsOf(mocRow('ABPath', { completionDate: '2018-01-02' }), old('2018-01-01', '2018-01-31')),
    ).toEqual([]);
    expect(
      errorsOf(mocRow('ABPath', { completionDate: '2018-01-02' }), old('2017-12-31', '2018-01-31')),
    ).toEqual(['LRN-BOARD-NOT-ACCEPTING@board']);
  });

  it.each(BOARDS)('%s: an inactive board takes nothing', (board) => {
    const c = context({ boards: { [board]: { active: false } } });
    expect(errorsOf(mocRow(board), c)).toEqual(['LRN-BOARD-NOT-ACCEPTING@board']);
  });

  // MOC completed 2025-12-20 on a December activity, reported in early January (§10).
  const january = (today: string) =>
    context({
      today,
      activity: activity({
        startDate: '2025-12-01',
        endDate: '2025-12-31',
        mocRegistrations: BOARDS.map((b) => registration(b, { claimDate: '2025-12-31' })),
      }),
    });

  it.each(BOARDS)('%s: year-end cut-off 31 December plus the board’s grace days', (board) => {
    const input = mocRow(board, { completionDate: '2025-12-20' });
    const grace = board === 'ABIM' ? 7 : 0;
    expect(boardSettings(board, {}).yearEndGraceDays).toBe(grace);
    expect(warningsOf(input, january('2025-12-31'))).toEqual([]);
    expect(warningsOf(input, january('2026-01-01'))).toEqual(
      grace > 0 ? [] : ['LRN-AFTER-BOARD-YEAR-END@completionDate'],
    );
    expect(warningsOf(input, january('2026-01-07'))).toEqual(
      grace > 0 ? [] : ['LRN-AFTER-BOARD-YEAR-END@completionDate'],
    );
    expect(warningsOf(input, january('2026-01-08'))).toEqual(['LRN-AFTER-BOARD-YEAR-END@completionDate']);
  });
});

describe('frequency (§6 "Frequency"): the once-per-day slot stage 2 checks', () => {
  const slot = (board: string, mocCreditTypes: string[], format = 'C') =>
    oncePerDaySlot({ board, mocCreditTypes }, format, frequencySettings(board));

  it.each(BOARDS)('%s', (board) => {
    const types = registeredTypes(board);
    if (board === 'ABA') {
      expect(slot(board, ['LL'])).toBe('DAY_NON_PS');
      expect(slot(board, ['LL', 'PS'])).toBe('DAY_PS');
    } else if (board === 'ABP') {
      expect(slot(board, types)).toBe('DAY');
      expect(slot(board, types, 'JN')).toBeNull(); // journal-based CME is exempt
      expect(isFrequencyExempt('JN', frequencySettings(board))).toBe(true);
      expect(isFrequencyExempt('C', frequencySettings(board))).toBe(false);
    } else {
      expect(slot(board, types)).toBeNull();
      expect(isFrequencyExempt('JN', frequencySettings(board))).toBe(false);
    }
  });

  it('only ABA and ABP carry a frequency rule by default', () => {
    expect(Object.keys(SPEC_FREQUENCY_DEFAULTS).sort()).toEqual(['ABA', 'ABP']);
  });

  it('a CME-only record takes no slot', () => {
    expect(oncePerDaySlot({ board: null, mocCreditTypes: [] }, 'C', frequencySettings('ABP'))).toBeNull();
  });

  it('a board’s own settings override the spec defaults', () => {
    const abp = frequencySettings('ABP', { frequencyExemptFormats: [] });
    expect(oncePerDaySlot({ board: 'ABP', mocCreditTypes: ['P2'] }, 'JN', abp)).toBe('DAY');
    const abim = frequencySettings('ABIM', { frequencyRule: 'ONE_PER_DAY' });
    expect(oncePerDaySlot({ board: 'ABIM', mocCreditTypes: ['MK'] }, 'C', abim)).toBe('DAY');
  });
});
