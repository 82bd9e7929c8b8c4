import { describe, expect, it } from 'vitest';
import type { RuleMessage } from '../activities/activity-fields.rules';
import type { LearnerInput } from './learner.schema';
import { learnerInputSchema } from './learner.schema';
import { boardSettings, checkAbaPairTotal } from './learner-board.rules';
import type { LearnerActivity, LearnerMocRegistration, LearnerRuleContext } from './learner-context';
import { checkLearnerIntake } from './learner-intake.rules';
import { isValidNpi } from './learner-state.rules';

// spec/learners.md §4, §6, §7, §10–§12 and formats.md §5, §9. Fixed "today": 2025-06-15.

const TODAY = '2025-06-15';
const VALID_NPI = '1234567893'; // the CMS example NPI

const reg = (
  board: string,
  creditTypes: [string, number][],
  extra: Partial<LearnerMocRegistration> = {},
): LearnerMocRegistration => ({
  board,
  creditTypes: creditTypes.map(([code, amount]) => ({ code, amount })),
  attested: true,
  claimDate: '2025-06-10',
  ...extra,
});

const ACTIVITY: LearnerActivity = {
  parsActivityId: 1001,
  status: 'ACTIVE',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
  creditsDesignated: 10,
  format: 'C',
  rems: null,
  mips: { improvementActivity: true },
  mocRegistrations: [
    reg('ABIM', [
      ['MK', 10],
      ['PA', 5],
    ]),
    reg('ABA', [
      ['LL', 8],
      ['PS', 2],
    ]),
    reg('ABP', [['P2', 4]]),
    reg('ABS', [
      ['CME', 10],
      ['SA', 10],
    ]),
    reg('ABPath', [['LL', 10]]),
    reg('ABOS', [['CME', 10]], { attested: false }),
  ],
};

const ctx: LearnerRuleContext = {
  today: TODAY,
  activity: ACTIVITY,
  isYearClosed: (year) => year < 2024,
  states: {
    CA: { requiresLicenseId: true, licenseIdPattern: '[A-Z]\\d{5,6}', acceptsNpi: false },
    TX: { requiresLicenseId: true },
  },
};

const withActivity = (changes: Partial<LearnerActivity>, extra: Partial<LearnerRuleContext> = {}) => ({
  ...ctx,
  activity: { ...ACTIVITY, ...changes },
  ...extra,
});
const REMS_CTX = withActivity({ rems: { rpcId: 'RPC-1' } });
const NO_MIPS_CTX = withActivity({ mips: null });

/** CME plus ABIM MOC, with a license and an NPI: passes every check. */
const BASE: LearnerInput = {
  parsActivityId: '1001',
  firstName: 'Ana',
  lastName: 'García',
  birthMonthDay: '04/23',
  completionDate: '2025-05-20',
  licenseState: 'GA',
  licenseId: '012345',
  npi: VALID_NPI,
  cmeCredits: 2.5,
  board: 'ABIM',
  boardId: '123456',
  mocPoints: 2.5,
  mocCreditTypes: ['MK'],
};

/** BASE with changes; `undefined` removes a field. */
function row(changes: Partial<LearnerInput> = {}): LearnerInput {
  const input = { ...BASE, ...changes } as Record<string, unknown>;
  for (const key of Object.keys(changes)) if (input[key] === undefined) delete input[key];
  return input as LearnerInput;
}
const NO_MOC = { board: undefined, boardId: undefined, mocPoints: undefined, mocCreditTypes: undefined };
const NO_CME = { cmeCredits: undefined };
const NO_STATE = { licenseState: undefined, licenseId: undefined, npi: undefined };
const cmeOnly = (changes: Partial<LearnerInput> = {}) => row({ ...NO_MOC, ...changes });
const mocOnly = (board: string, changes: Partial<LearnerInput> = {}) =>
  row({ ...NO_CME, ...NO_STATE, board, ...changes });
const remsOnly = (changes: Partial<LearnerInput> = {}) =>
  row({
    ...NO_MOC,
    ...NO_CME,
    ...NO_STATE,
    remsProfession: 'PHYSICIAN',
    remsDeaRegistration: 'INDIVIDUAL',
    ...changes,
  });
const del = (changes: Partial<LearnerInput> = {}) => row({ action: 'D', ...changes });

const where = (messages: RuleMessage[]) => messages.map((m) => `${m.code}@${m.path}`);

// ---------------------------------------------------------------------------------------------

type Case = [code: string, why: string, input: LearnerInput, path: string, c?: LearnerRuleContext];

const errorCases: Case[] = [
  // check 1
  ['LRN-ACTION-CODE', 'U is not an action', row({ action: 'U' }), 'action'],
  ['LRN-ACTION-CODE', 'update is not an action', row({ action: 'update' }), 'action'],
  // check 2
  [
    'LRN-REQUIRED',
    'no activity key',
    row({ parsActivityId: undefined }),
    'parsActivityId',
    { ...ctx, activity: undefined },
  ],
  ['LRN-ACTIVITY-ID-FORMAT', 'letters', row({ parsActivityId: 'A1001' }), 'parsActivityId'],
  ['LRN-ACTIVITY-ID-FORMAT', '13 digits', row({ parsActivityId: '1234567890123' }), 'parsActivityId'],
  ['LRN-ACTIVITY-UNKNOWN', 'not the provider’s', row(), 'parsActivityId', { ...ctx, activity: null }],
  [
    'LRN-ACTIVITY-UNKNOWN',
    'unknown provider ID',
    row({ parsActivityId: undefined, providerActivityId: 'P-9' }),
    'providerActivityId',
    { ...ctx, activity: null },
  ],
  ['LRN-ACTIVITY-STATUS', 'draft activity', row(), 'parsActivityId', withActivity({ status: 'DRAFT' })],
  // check 3
  ['LRN-REQUIRED', 'first name missing', row({ firstName: undefined }), 'firstName'],
  ['LRN-REQUIRED', 'last name blank', row({ lastName: '  ' }), 'lastName'],
  ['LRN-REQUIRED', 'birth month/day missing', row({ birthMonthDay: '' }), 'birthMonthDay'],
  ['LRN-NAME-FORMAT', 'digits', row({ firstName: 'Ana2' }), 'firstName'],
  ['LRN-NAME-FORMAT', '51 letters', row({ lastName: 'a'.repeat(51) }), 'lastName'],
  ['LRN-NAME-FORMAT', 'comma', row({ lastName: 'Smith, Jr' }), 'lastName'],
  ['LRN-NAME-FORMAT', 'no letter at all', row({ firstName: '...' }), 'firstName'],
  ['LRN-DOB-FORMAT', 'with a year', row({ birthMonthDay: '04/23/1980' }), 'birthMonthDay'],
  ['LRN-DOB-FORMAT', '02/30', row({ birthMonthDay: '02/30' }), 'birthMonthDay'],
  ['LRN-DOB-FORMAT', 'month 13', row({ birthMonthDay: '13/01' }), 'birthMonthDay'],
  ['LRN-DOB-FORMAT', 'words', row({ birthMonthDay: 'April 23' }), 'birthMonthDay'],
  // check 4
  ['LRN-REQUIRED', 'completion date missing', row({ completionDate: undefined }), 'completionDate'],
  ['LRN-DATE-FORMAT', 'day first', row({ completionDate: '20/05/2025' }), 'completionDate'],
  ['LRN-DATE-FORMAT', '2-digit year', row({ completionDate: '5/20/25' }), 'completionDate'],
  ['LRN-DATE-FORMAT', 'not a real date', row({ completionDate: '02/29/2025' }), 'completionDate'],
  [
    'LRN-DATE-FORMAT',
    'ISO in OP-LRN-TAB-1',
    row({ completionDate: '2025-05-20' }),
    'completionDate',
    { ...ctx, usDatesOnly: true },
  ],
  ['LRN-DATE-BEFORE-START', 'before start', row({ completionDate: '2025-02-28' }), 'completionDate'],
  ['LRN-DATE-AFTER-END', 'CME after end', cmeOnly({ completionDate: '2025-06-05' }), 'completionDate'],
  [
    'LRN-DATE-AFTER-END',
    'REMS after end',
    remsOnly({ completionDate: '2025-06-05' }),
    'completionDate',
    REMS_CTX,
  ],
  [
    'LRN-DATE-AFTER-END',
    'MOC after the claim date',
    mocOnly('ABIM', { completionDate: '2025-06-12' }),
    'completionDate',
  ],
  [
    'LRN-DATE-FUTURE',
    'tomorrow',
    row({ completionDate: '2025-06-16' }),
    'completionDate',
    withActivity({ endDate: '2025-06-30' }),
  ],
  [
    'LRN-YEAR-CLOSED',
    '2023 closed',
    row({ completionDate: '2023-05-20' }),
    'completionDate',
    withActivity({ startDate: '2023-05-01', endDate: '2023-05-31' }),
  ],
  // check 5
  ['LRN-STATE-CODE', 'not a state', row({ licenseState: 'XX' }), 'licenseState'],
  ['LRN-STATE-CODE', 'name instead of code', row({ licenseState: 'Georgia' }), 'licenseState'],
  ['LRN-STATE-CODE', 'license number without state', row({ licenseState: undefined }), 'licenseState'],
  ['LRN-LICENSE-FORMAT', 'bad character', row({ licenseId: '12#45' }), 'licenseId'],
  ['LRN-LICENSE-FORMAT', '21 characters', row({ licenseId: '1'.repeat(21) }), 'licenseId'],
  ['LRN-LICENSE-FORMAT', 'fails CA pattern', row({ licenseState: 'CA', licenseId: '12345' }), 'licenseId'],
  [
    'LRN-LICENSE-REQUIRED',
    'TX without license or NPI',
    row({ licenseState: 'TX', licenseId: undefined, npi: undefined }),
    'licenseId',
  ],
  [
    'LRN-LICENSE-REQUIRED',
    'CA does not accept the NPI instead',
    row({ licenseState: 'CA', licenseId: undefined }),
    'licenseId',
  ],
  ['LRN-NPI-FORMAT', 'wrong check digit', row({ npi: '1234567890' }), 'npi'],
  ['LRN-NPI-FORMAT', '9 digits', row({ npi: '123456789' }), 'npi'],
  ['LRN-NPI-FORMAT', 'dashes', row({ npi: '123-456-7893' }), 'npi'],
  // check 6
  ['LRN-CREDIT-FORMAT', 'words', row({ cmeCredits: 'two' }), 'cmeCredits'],
  ['LRN-CREDIT-FORMAT', 'decimal comma', row({ cmeCredits: '1,5' }), 'cmeCredits'],
  ['LRN-CREDIT-FORMAT', 'a plus sign', row({ cmeCredits: '+1' }), 'cmeCredits'],
  ['LRN-CREDIT-FORMAT', 'points not a number', row({ mocPoints: 'x' }), 'mocPoints'],
  ['LRN-CREDIT-RANGE', 'zero', row({ cmeCredits: 0 }), 'cmeCredits'],
  ['LRN-CREDIT-RANGE', 'negative text', row({ cmeCredits: '-1' }), 'cmeCredits'],
  ['LRN-CREDIT-RANGE', 'zero points', row({ mocPoints: '0' }), 'mocPoints'],
  ['LRN-CREDIT-PRECISION', 'not a quarter', row({ cmeCredits: 1.1 }), 'cmeCredits'],
  ['LRN-CREDIT-PRECISION', '3 decimals', row({ cmeCredits: '1.125' }), 'cmeCredits'],
  ['LRN-CREDIT-PRECISION', 'points 0.3', row({ mocPoints: 0.3 }), 'mocPoints'],
  ['LRN-CREDIT-EXCEEDS', 'over 10 designated', row({ ...NO_MOC, cmeCredits: 10.25 }), 'cmeCredits'],
  // check 7
  ['LRN-BOARD-CODE', 'unknown board', row({ board: 'ABX' }), 'board'],
  ['LRN-BOARD-CODE', 'a state board is not certifying', row({ board: 'ST-GA' }), 'board'],
  ['LRN-BOARD-NOT-REGISTERED', 'no ABO registration', row({ board: 'ABO', mocCreditTypes: ['LL'] }), 'board'],
  [
    'LRN-BOARD-NOT-REGISTERED',
    'ABOS registration not attested',
    row({ board: 'ABOS', mocCreditTypes: ['CME'] }),
    'board',
  ],
  [
    'LRN-BOARD-NOT-ACCEPTING',
    'board inactive',
    row(),
    'board',
    { ...ctx, boards: { ABIM: { active: false } } },
  ],
  ['LRN-BOARD-ID-REQUIRED', 'ABIM without ID', row({ boardId: undefined }), 'boardId'],
  [
    'LRN-BOARD-ID-REQUIRED',
    'ABP without ID',
    mocOnly('ABP', { boardId: '', mocPoints: 4, mocCreditTypes: 'P2' }),
    'boardId',
  ],
  ['LRN-BOARD-ID-FORMAT', '21 characters', row({ boardId: '1'.repeat(21) }), 'boardId'],
  [
    'LRN-BOARD-ID-FORMAT',
    'fails the board pattern',
    row({ boardId: 'A12' }),
    'boardId',
    { ...ctx, boards: { ABIM: { boardIdPattern: '\\d{6}' } } },
  ],
  ['LRN-MOC-INCOMPLETE', 'board without points', row({ mocPoints: undefined }), 'mocPoints'],
  ['LRN-MOC-INCOMPLETE', 'board without credit types', row({ mocCreditTypes: [] }), 'mocCreditTypes'],
  ['LRN-MOC-INCOMPLETE', 'points without a board', row({ board: undefined, boardId: undefined }), 'board'],
  ['LRN-MOC-INCOMPLETE', 'board ID without a board', cmeOnly({ boardId: '123456' }), 'board'],
  ['LRN-MOC-CREDIT-TYPE', 'offered but not registered', row({ mocCreditTypes: ['PS'] }), 'mocCreditTypes.0'],
  ['LRN-MOC-CREDIT-TYPE', 'another board’s type', row({ mocCreditTypes: ['P2'] }), 'mocCreditTypes.0'],
  ['LRN-MOC-CREDIT-TYPE', 'listed twice', row({ mocCreditTypes: 'MK;mk' }), 'mocCreditTypes.1'],
  [
    'LRN-MOC-EXCEEDS',
    'over PA 5',
    row({ cmeCredits: 6, mocPoints: 6, mocCreditTypes: 'MK,PA' }),
    'mocPoints',
  ],
  ['LRN-MOC-EXCEEDS-CME', 'points over CME on the row', row({ cmeCredits: 2, mocPoints: 2.5 }), 'mocPoints'],
  // check 8
  [
    'LRN-REMS-NOT-ALLOWED',
    'profession on a non-REMS activity',
    row({ remsProfession: 'PHYSICIAN' }),
    'remsProfession',
  ],
  [
    'LRN-REMS-NOT-ALLOWED',
    'prescribing flag',
    row({ remsPrescribedLastYear: false }),
    'remsPrescribedLastYear',
  ],
  ['LRN-REMS-PROFESSION', 'missing', remsOnly({ remsProfession: undefined }), 'remsProfession', REMS_CTX],
  [
    'LRN-REMS-PROFESSION',
    'not in the list',
    remsOnly({ remsProfession: 'Nurse' }),
    'remsProfession',
    REMS_CTX,
  ],
  ['LRN-REMS-DEA', 'missing', remsOnly({ remsDeaRegistration: undefined }), 'remsDeaRegistration', REMS_CTX],
  ['LRN-REMS-DEA', 'unknown', remsOnly({ remsDeaRegistration: 'Maybe' }), 'remsDeaRegistration', REMS_CTX],
  // checks 9 and 10
  ['LRN-NO-CREDIT', 'names only', row({ ...NO_MOC, ...NO_CME }), 'cmeCredits'],
  ['LRN-CME-NO-IDENTITY', 'CME with neither state nor board', cmeOnly(NO_STATE), 'licenseState'],
  // deletes
  ['LRN-DELETE-NO-MATCH', 'record ID not a UUID', del({ recordId: '42' }), 'recordId'],
  ['LRN-DELETE-NO-MATCH', 'amount not a number', del({ cmeCredits: 'two' }), 'cmeCredits'],
  [
    'LRN-YEAR-CLOSED',
    'delete in a closed year',
    del({ completionDate: '2023-05-20' }),
    'completionDate',
    withActivity({ startDate: '2023-05-01', endDate: '2023-05-31' }),
  ],
  ['LRN-DOB-FORMAT', 'delete checks syntax', del({ birthMonthDay: '02/30' }), 'birthMonthDay'],
  ['LRN-NPI-FORMAT', 'delete checks the NPI', del({ npi: '1234567890' }), 'npi'],
];

describe('rule errors (formats.md §9, severity R)', () => {
  it.each(errorCases)('%s: %s', (code, _why, input, path, c = ctx) => {
    const { record, errors } = checkLearnerIntake(input, c);
    expect(where(errors)).toContain(`${code}@${path}`);
    expect(record).toBeNull();
    for (const e of errors) expect(e.message.length).toBeGreaterThan(20);
  });
});

type PassCase = [code: string, why: string, input: LearnerInput, c?: LearnerRuleContext];

const passCases: PassCase[] = [
  ['LRN-ACTION-CODE', 'a (any case)', row({ action: 'a' })],
  ['LRN-ACTION-CODE', 'add spelled out', row({ action: 'Add' })],
  [
    'LRN-REQUIRED',
    'providerActivityId instead',
    row({ parsActivityId: undefined, providerActivityId: 'P25-1' }),
  ],
  ['LRN-ACTIVITY-ID-FORMAT', 'a JSON integer', row({ parsActivityId: 1001 })],
  ['LRN-ACTIVITY-STATUS', 'closed activity', row(), withActivity({ status: 'CLOSED' })],
  ['LRN-ACTIVITY-STATUS', 'ready to close', row(), withActivity({ status: 'READY_TO_CLOSE' })],
  ['LRN-NAME-FORMAT', "O'Brien-Smith", row({ lastName: "O'Brien-Smith" })],
  ['LRN-NAME-FORMAT', 'curly apostrophe and initial', row({ firstName: 'J. Ren’ee' })],
  ['LRN-NAME-FORMAT', 'another script', row({ firstName: '李', lastName: 'Иванова' })],
  ['LRN-NAME-FORMAT', '50 letters', row({ lastName: 'a'.repeat(50) })],
  ['LRN-DOB-FORMAT', 'M/D', row({ birthMonthDay: '4/3' })],
  ['LRN-DOB-FORMAT', '02/29', row({ birthMonthDay: '02/29' })],
  ['LRN-DATE-FORMAT', 'M/D/YYYY', row({ completionDate: '5/2/2025' })],
  [
    'LRN-DATE-FORMAT',
    'MM/DD/YYYY in OP-LRN-TAB-1',
    row({ completionDate: '05/20/2025' }),
    { ...ctx, usDatesOnly: true },
  ],
  ['LRN-DATE-BEFORE-START', 'on the start date', row({ completionDate: '2025-03-01' })],
  [
    'LRN-DATE-AFTER-END',
    'MOC after end, before claim date',
    mocOnly('ABIM', { completionDate: '2025-06-05' }),
  ],
  ['LRN-DATE-AFTER-END', 'CME on the end date', cmeOnly({ completionDate: '2025-05-31' })],
  ['LRN-DATE-FUTURE', 'today', cmeOnly({ completionDate: TODAY }), withActivity({ endDate: '2025-06-30' })],
  [
    'LRN-YEAR-CLOSED',
    '2024 still open',
    cmeOnly({ completionDate: '2024-05-20' }),
    withActivity({ startDate: '2024-05-01', endDate: '2024-05-31' }),
  ],
  ['LRN-STATE-CODE', 'lower case', row({ licenseState: 'ga' })],
  ['LRN-STATE-CODE', 'territory', row({ licenseState: 'PR' })],
  ['LRN-LICENSE-FORMAT', 'spaces, dots, slashes', row({ licenseId: 'MD 12.34/5-6' })],
  ['LRN-LICENSE-FORMAT', 'matches CA pattern', row({ licenseState: 'CA', licenseId: 'A12345' })],
  ['LRN-LICENSE-REQUIRED', 'TX takes the NPI instead', row({ licenseState: 'TX', licenseId: undefined })],
  ['LRN-LICENSE-REQUIRED', 'GA does not require it', row({ licenseId: undefined, npi: undefined })],
  ['LRN-NPI-FORMAT', 'valid check digit', row({ npi: '1245319599' })],
  ['LRN-CREDIT-FORMAT', 'text from a file', row({ cmeCredits: ' 2.50 ', mocPoints: '2.5' })],
  ['LRN-CREDIT-PRECISION', 'quarter', row({ cmeCredits: 0.25, mocPoints: 0.25 })],
  ['LRN-CREDIT-EXCEEDS', 'exactly designated', cmeOnly({ cmeCredits: 10 })],
  ['LRN-BOARD-CODE', 'board code in another case', row({ board: 'abim' })],
  [
    'LRN-BOARD-ID-REQUIRED',
    'ABS without ID',
    mocOnly('ABS', { boardId: undefined, mocPoints: 1, mocCreditTypes: 'CME' }),
  ],
  [
    'LRN-BOARD-ID-FORMAT',
    'matches the board pattern',
    row({ boardId: '123456' }),
    { ...ctx, boards: { ABIM: { boardIdPattern: '\\d{6}' } } },
  ],
  ['LRN-MOC-INCOMPLETE', 'MOC only', mocOnly('ABIM')],
  [
    'LRN-MOC-CREDIT-TYPE',
    'two types as text',
    row({ cmeCredits: 5, mocPoints: 5, mocCreditTypes: 'mk; PA' }),
  ],
  [
    'LRN-MOC-EXCEEDS',
    'equal to the lowest amount',
    row({ cmeCredits: 5, mocPoints: 5, mocCreditTypes: ['MK', 'PA'] }),
  ],
  ['LRN-MOC-EXCEEDS-CME', 'points equal CME', row({ cmeCredits: 3, mocPoints: 3 })],
  ['LRN-REMS-NOT-ALLOWED', 'no REMS fields', row()],
  ['LRN-REMS-PROFESSION', 'by name', remsOnly({ remsProfession: 'pharmacist' }), REMS_CTX],
  ['LRN-REMS-DEA', 'file spelling', remsOnly({ remsDeaRegistration: 'Institutional' }), REMS_CTX],
  ['LRN-NO-CREDIT', 'REMS-only record', remsOnly(), REMS_CTX],
  [
    'LRN-CME-NO-IDENTITY',
    'CME identified through ABS alone',
    mocOnly('ABS', { cmeCredits: 1, mocPoints: 1, mocCreditTypes: 'CME' }),
  ],
  ['LRN-CME-NO-IDENTITY', 'CME with a state only', cmeOnly({ licenseId: undefined, npi: undefined })],
  // deletes get only checks 1–5 (§4)
  ['LRN-ACTIVITY-STATUS', 'delete on a draft activity', del(), withActivity({ status: 'DRAFT' })],
  ['LRN-NO-CREDIT', 'delete with no credit', del({ ...NO_MOC, ...NO_CME })],
  ['LRN-DATE-FUTURE', 'delete does not check future', del({ completionDate: '2025-07-01' })],
  [
    'LRN-LICENSE-REQUIRED',
    'delete does not require the license',
    del({ licenseState: 'TX', licenseId: undefined, npi: undefined }),
  ],
  ['LRN-BOARD-ID-REQUIRED', 'delete does not check the board', del({ boardId: undefined, mocPoints: 99 })],
  [
    'LRN-REQUIRED',
    'delete by record ID alone',
    { action: 'delete', parsActivityId: '1001', recordId: '3F2B8C1E-1111-4222-8333-944445555666' },
  ],
];

describe('passing rows (no error at all)', () => {
  it.each(passCases)('%s passes: %s', (_code, _why, input, c = ctx) => {
    const { record, errors } = checkLearnerIntake(input, c);
    expect(errors).toEqual([]);
    expect(record).not.toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

describe('certifying boards (§6, boards.tsv)', () => {
  const abim = withActivity({
    startDate: '2015-12-01',
    endDate: '2015-12-31',
    mocRegistrations: [reg('ABIM', [['MK', 10]], { claimDate: '2015-12-31' })],
  });
  const oldYearsOpen = { ...abim, isYearClosed: () => false };
  const codesOf = (input: LearnerInput, c: LearnerRuleContext) => where(checkLearnerIntake(input, c).errors);

  it('ABIM takes completions from 2015-12-15 (not the 14th)', () => {
    const moc = (completionDate: string) => mocOnly('ABIM', { completionDate });
    expect(codesOf(moc('2015-12-14'), oldYearsOpen)).toContain('LRN-BOARD-NOT-ACCEPTING@completionDate');
    expect(codesOf(moc('2015-12-15'), oldYearsOpen)).toEqual([]);
  });

  it('ABPath takes activities starting 2018-01-01 or later', () => {
    const path = (startDate: string) =>
      ({
        ...ctx,
        isYearClosed: () => false,
        activity: {
          ...ACTIVITY,
          startDate,
          endDate: '2018-01-31',
          mocRegistrations: [reg('ABPath', [['LL', 5]], { claimDate: '2018-01-31' })],
        },
      }) satisfies LearnerRuleContext;
    const input = mocOnly('ABPath', { completionDate: '2018-01-15', mocPoints: 1, mocCreditTypes: 'LL' });
    expect(codesOf(input, path('2017-12-31'))).toContain('LRN-BOARD-NOT-ACCEPTING@board');
    expect(codesOf(input, path('2018-01-01'))).toEqual([]);
  });

  it('ABS takes completions from 2021-03-01 and needs no board ID', () => {
    const abs = {
      ...ctx,
      isYearClosed: () => false,
      activity: {
        ...ACTIVITY,
        startDate: '2021-02-01',
        endDate: '2021-03-31',
        mocRegistrations: [reg('ABS', [['CME', 5]], { claimDate: '2021-03-31' })],
      },
    };
    const input = (completionDate: string) =>
      mocOnly('ABS', { boardId: undefined, completionDate, mocPoints: 1, mocCreditTypes: 'CME' });
    expect(codesOf(input('2021-02-28'), abs)).toEqual(['LRN-BOARD-NOT-ACCEPTING@completionDate']);
    expect(codesOf(input('2021-03-01'), abs)).toEqual([]);
  });

  it('ABP points must equal the registered P2 amount', () => {
    const abp = (mocPoints: number) => mocOnly('ABP', { mocPoints, mocCreditTypes: 'P2' });
    expect(codesOf(abp(3), ctx)).toEqual(['LRN-ABP-AMOUNT@mocPoints']);
    expect(codesOf(abp(5), ctx)).toEqual(['LRN-ABP-AMOUNT@mocPoints']); // not also LRN-MOC-EXCEEDS
    expect(codesOf(abp(4), ctx)).toEqual([]);
  });

  it('ABA: a PS record stays within the PS and LL amounts; a non-PS record within LL', () => {
    const aba = (mocPoints: number, mocCreditTypes: string) => mocOnly('ABA', { mocPoints, mocCreditTypes });
    expect(codesOf(aba(2, 'LL,PS'), ctx)).toEqual([]);
    expect(codesOf(aba(2.25, 'LL,PS'), ctx)).toEqual(['LRN-MOC-EXCEEDS@mocPoints']);
    expect(codesOf(aba(8, 'LL'), ctx)).toEqual([]);
    expect(codesOf(aba(8.25, 'LL'), ctx)).toEqual(['LRN-MOC-EXCEEDS@mocPoints']);
  });

  it('ABA: the pair together stays within the LL amount (cross-row, for stage 2)', () => {
    const aba = ACTIVITY.mocRegistrations.find((r) => r.board === 'ABA')!;
    const ps = { mocPoints: 2, mocCreditTypes: ['LL', 'PS'] };
    expect(checkAbaPairTotal({ mocPoints: 6, mocCreditTypes: ['LL'] }, ps, aba)).toBeNull();
    expect(checkAbaPairTotal({ mocPoints: 6.25, mocCreditTypes: ['LL'] }, ps, aba)?.code).toBe(
      'LRN-MOC-EXCEEDS',
    );
    // two non-PS records are not a pair: the once-per-day rule handles them
    expect(
      checkAbaPairTotal(
        { mocPoints: 8, mocCreditTypes: ['LL'] },
        { mocPoints: 8, mocCreditTypes: ['LL'] },
        aba,
      ),
    ).toBeNull();
  });

  it('settings come from boards.tsv, the spec defaults and the board’s own edits, in that order', () => {
    expect(boardSettings('ABS', {})).toMatchObject({
      boardIdRequired: false,
      acceptsCompletionsFrom: '2021-03-01',
    });
    expect(boardSettings('ABPath', {})).toMatchObject({
      boardIdRequired: true,
      activityStartFrom: '2018-01-01',
    });
    expect(boardSettings('ABIM', {}).yearEndGraceDays).toBe(7);
    expect(boardSettings('ABP', {}).fixedAmount).toBe(true);
    expect(boardSettings('ABIM', { boards: { ABIM: { yearEndGraceDays: 3 } } }).yearEndGraceDays).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------

describe('deadline warnings (§10): the row is still accepted', () => {
  const warningsOf = (input: LearnerInput, c: LearnerRuleContext) => {
    const result = checkLearnerIntake(input, c);
    expect(result.errors).toEqual([]);
    return { codes: where(result.warnings), record: result.record! };
  };

  it('LRN-LATE-30-DAYS after 30 days, not on the 30th', () => {
    expect(warningsOf(row({ completionDate: '2025-05-15' }), ctx).codes).toEqual([
      'LRN-LATE-30-DAYS@completionDate',
    ]);
    expect(warningsOf(row({ completionDate: '2025-05-16' }), ctx).codes).toEqual([]);
  });

  it('LRN-LATE-30-DAYS counts from reportedOn when given', () => {
    const c = { ...ctx, reportedOn: '2025-05-20' };
    expect(warningsOf(row({ completionDate: '2025-04-01' }), c).codes).toContain(
      'LRN-LATE-30-DAYS@completionDate',
    );
  });

  const december = (today: string) =>
    withActivity(
      {
        startDate: '2025-12-01',
        endDate: '2025-12-31',
        mocRegistrations: [
          reg('ABIM', [['MK', 10]], { claimDate: '2025-12-31' }),
          reg('ABS', [['CME', 10]], { claimDate: '2025-12-31' }),
        ],
      },
      { today },
    );

  it('LRN-AFTER-BOARD-YEAR-END uses the board’s grace days (ABIM 7, others 0)', () => {
    const abim = mocOnly('ABIM', { completionDate: '2025-12-20' });
    const abs = mocOnly('ABS', { completionDate: '2025-12-20', mocCreditTypes: 'CME' });
    expect(warningsOf(abim, december('2025-12-31')).codes).toEqual([]);
    expect(warningsOf(abs, december('2026-01-01')).codes).toEqual([
      'LRN-AFTER-BOARD-YEAR-END@completionDate',
    ]);
    expect(warningsOf(abim, december('2026-01-07')).codes).toEqual([]);
    const late = warningsOf(abim, december('2026-01-08'));
    expect(late.codes).toEqual(['LRN-AFTER-BOARD-YEAR-END@completionDate']);
    expect(late.record.afterBoardYearEnd).toBe(true);
  });

  it('CME-only rows get no board year-end warning', () => {
    const c = withActivity({ startDate: '2025-12-01', endDate: '2025-12-31' }, { today: '2026-01-10' });
    expect(warningsOf(cmeOnly({ completionDate: '2025-12-20' }), c).codes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('normalised record', () => {
  it('reads file forms into canonical values', () => {
    const { record } = checkLearnerIntake(
      row({
        action: 'A',
        firstName: '  Ana ',
        birthMonthDay: '4/3',
        completionDate: '5/2/2025',
        licenseState: 'ga',
        cmeCredits: '2.50',
        board: 'abim',
        mocPoints: '2.5',
        mocCreditTypes: 'mk',
      }),
      ctx,
    );
    expect(record).toMatchObject({
      action: 'ADD',
      parsActivityId: 1001,
      firstName: 'Ana',
      birthMonthDay: '04/03',
      completionDate: '2025-05-02',
      licenseState: 'GA',
      licenseId: '012345',
      cmeCredits: 2.5,
      board: 'ABIM',
      mocPoints: 2.5,
      mocCreditTypes: ['MK'],
      afterBoardYearEnd: false,
    });
  });

  it('REMS codes by name and file spelling', () => {
    const { record } = checkLearnerIntake(
      remsOnly({
        remsProfession: 'Advanced practice nurse',
        remsDeaRegistration: 'none',
        remsPracticeType: 'primary care',
        remsPrescribedLastYear: true,
      }),
      REMS_CTX,
    );
    expect(record).toMatchObject({
      remsProfession: 'ADVANCED_PRACTICE_NURSE',
      remsDeaRegistration: 'NONE',
      remsPracticeType: 'PRIMARY_CARE',
      remsPrescribedLastYear: true,
      cmeCredits: null,
      board: null,
    });
  });

  it('an unknown REMS practice type is refused', () => {
    const { errors } = checkLearnerIntake(remsOnly({ remsPracticeType: 'SURGEON' }), REMS_CTX);
    expect(where(errors)).toEqual(['LRN-REMS-PRACTICE-TYPE@remsPracticeType']);
  });

  it('MIPS participation is kept on MIPS activities and ignored elsewhere (§12)', () => {
    const input = row({ mipsParticipationMet: true });
    expect(checkLearnerIntake(input, ctx).record?.mipsParticipationMet).toBe(true);
    const elsewhere = checkLearnerIntake(input, NO_MIPS_CTX);
    expect(elsewhere.errors).toEqual([]);
    expect(elsewhere.record?.mipsParticipationMet).toBeNull();
  });

  it('reports every failure of a row at once', () => {
    const { errors } = checkLearnerIntake(
      row({ firstName: '', birthMonthDay: '13/45', npi: '1', cmeCredits: 0, board: 'ABX' }),
      ctx,
    );
    expect(where(errors)).toEqual(
      expect.arrayContaining([
        'LRN-REQUIRED@firstName',
        'LRN-DOB-FORMAT@birthMonthDay',
        'LRN-NPI-FORMAT@npi',
        'LRN-CREDIT-RANGE@cmeCredits',
        'LRN-BOARD-CODE@board',
      ]),
    );
  });

  it('a delete keeps the amounts as given so the match of §8 can compare them', () => {
    const { record } = checkLearnerIntake(del({ cmeCredits: '2.50', mocCreditTypes: 'mk' }), ctx);
    expect(record).toMatchObject({
      action: 'DELETE',
      cmeCredits: 2.5,
      mocPoints: 2.5,
      mocCreditTypes: ['MK'],
    });
  });

  it('messages name the accepted values', () => {
    const { errors } = checkLearnerIntake(row({ birthMonthDay: '1980-04-23', licenseState: 'Georgia' }), ctx);
    const text = errors.map((e) => e.message).join('\n');
    expect(text).toContain('Birth month and day must be MM/DD, such as 04/23');
    expect(text).toContain('2-letter USPS code such as GA');
  });
});

describe('field formats', () => {
  it.each([
    ['1234567893', true],
    ['1245319599', true],
    ['1234567890', false],
    ['0000000000', false],
    ['12345678931', false],
  ])('NPI %s valid: %s (Luhn with prefix 80840)', (npi, valid) => {
    expect(isValidNpi(npi)).toBe(valid);
  });

  it('the schema takes JSON and file shapes and refuses unknown fields', () => {
    expect(learnerInputSchema.safeParse(row({ cmeCredits: '1.5', mocCreditTypes: 'MK;PA' })).success).toBe(
      true,
    );
    expect(learnerInputSchema.safeParse({ ...BASE, consent: true }).success).toBe(false);
  });

  it('every schema field has a help text', () => {
    for (const [name, field] of Object.entries(learnerInputSchema.shape)) {
      expect(field.description, name).toBeTruthy();
    }
  });
});
