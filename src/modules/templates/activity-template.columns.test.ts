import { describe, expect, it } from 'vitest';
import { codeList } from '../../reference/codes';
import { normalizeActivity, type RuleContext } from '../activities/activity.rules';
import {
  type ActivityInput,
  activityInputSchema,
  commercialSupporterSchema,
  enduringCountSchema,
  mipsSchema,
  mocRegistrationSchema,
  remsSchema,
} from '../activities/activity.schema';
import { analyzeActivitySheetHeader, classifyActivityHeading } from '../uploads/formats/layout-detect';
import { mapSheetRow } from '../uploads/formats/sheet.adapter';
import {
  type ActivityTemplateSources,
  activityTemplate,
  type CellKind,
  enduringCountYears,
  KIND_WORDS,
  SUPPORTER_GROUPS,
} from './activity-template.columns';
import { columnNote, type TemplateColumn } from './sheet-template';
import { renderTemplateCsv } from './template.csv';
import { columnLetters } from './template.xlsx';

// The activity template cannot drift from the schema or the sheet reader (formats.md §4.3): every column
// is a heading the reader accepts, every writable field has a column, a sample row written as each
// column's note says reads back to the intended values, and every code offered is one the rules take.

const certifying = codeList('boards').filter((b) => b.kind === 'certifying');
const sources: ActivityTemplateSources = {
  boards: certifying.map((b) => ({ code: b.code, name: b.name })),
  enduringYears: [2023, 2024, 2025],
  practiceAreas: { ABIM: [{ code: 'CARDIOLOGY', name: 'Cardiology' }] },
  contentAreas: { ABA: [{ code: 'AIRWAY', name: 'Airway management' }] },
  blueprintSections: [{ code: 'S1', name: 'Section 1' }],
  topics: [],
};
const template = activityTemplate(sources);
const names = template.columns.map((c) => c.name);
const listById = new Map(template.lists.map((l) => [l.id, l.items]));

const ctx: RuleContext = {
  today: '2025-06-15',
  jointAccreditation: true,
  boardLists: {
    ABIM: { practiceAreas: ['CARDIOLOGY'], contentAreas: [] },
    ABA: { practiceAreas: [], contentAreas: ['AIRWAY'] },
  },
  remsBlueprintSections: ['S1'],
};

describe('activity template columns', () => {
  it('are all headings the sheet reader takes as fields or special columns, spelled canonically', () => {
    for (const name of names) {
      const classified = classifyActivityHeading(name);
      expect(['field', 'special'], name).toContain(classified.role);
      expect(classified.name).toBe(name);
    }
    const analysis = analyzeActivitySheetHeader(names, 1);
    expect(analysis.ok && analysis.warnings).toEqual([]);
  });

  it('cover every writable field of the schema', () => {
    const expected: string[] = [];
    const attest = (k: string) => (k === 'attested' ? 'attest' : k);
    for (const key of Object.keys(activityInputSchema.shape)) {
      if (key === 'commercialSupporters') {
        for (let n = 1; n <= 5; n++)
          for (const k of Object.keys(commercialSupporterSchema.shape))
            expected.push(`commercialSupporters.${n}.${k}`);
      } else if (key === 'enduringCounts') {
        for (const year of sources.enduringYears)
          for (const k of Object.keys(enduringCountSchema.shape).filter((k) => k !== 'year'))
            expected.push(`enduringCounts.${year}.${k}`);
      } else if (key === 'mocRegistrations') {
        for (const board of certifying)
          for (const k of Object.keys(mocRegistrationSchema.shape).filter((k) => k !== 'board'))
            expected.push(`mocRegistrations.${board.code}.${attest(k)}`);
      } else if (key === 'rems') {
        for (const k of Object.keys(remsSchema.shape)) expected.push(`rems.${k}`);
      } else if (key === 'mips') {
        for (const k of Object.keys(mipsSchema.shape)) expected.push(`mips.${attest(k)}`);
      } else expected.push(key);
    }
    expect(names.filter((n) => !['action', 'parsActivityId'].includes(n)).sort()).toEqual(expected.sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 3)).toEqual(['providerActivityId', 'parsActivityId', 'action']);
  });

  it('offer five commercial-supporter groups and one MOC block per board given', () => {
    const groups = new Set(names.flatMap((n) => /^commercialSupporters\.(\d+)\./.exec(n)?.[1] ?? []));
    expect([...groups]).toEqual(['1', '2', '3', '4', '5']);
    expect(SUPPORTER_GROUPS).toBe(5);
    const blocks = new Set(names.flatMap((n) => /^mocRegistrations\.(\w+)\./.exec(n)?.[1] ?? []));
    expect([...blocks]).toEqual(certifying.map((b) => b.code));
    const two = activityTemplate({ ...sources, boards: [{ code: 'ABP', name: 'Pediatrics' }] });
    expect(two.columns.filter((c) => c.name.startsWith('mocRegistrations.')).map((c) => c.name)).toEqual([
      'mocRegistrations.ABP.creditTypes',
      'mocRegistrations.ABP.practiceAreas',
      'mocRegistrations.ABP.contentAreas',
      'mocRegistrations.ABP.internalId',
      'mocRegistrations.ABP.hasFee',
      'mocRegistrations.ABP.registration',
      'mocRegistrations.ABP.activityUrl',
      'mocRegistrations.ABP.claimDate',
      'mocRegistrations.ABP.attest',
    ]);
  });

  it('offer enduring counts for the current year and the two before', () => {
    expect(enduringCountYears('2026-01-10')).toEqual([2024, 2025, 2026]);
    expect(names.filter((n) => n.startsWith('enduringCounts.'))).toEqual([
      'enduringCounts.2023.physicianLearners',
      'enduringCounts.2023.otherLearners',
      'enduringCounts.2024.physicianLearners',
      'enduringCounts.2024.otherLearners',
      'enduringCounts.2025.physicianLearners',
      'enduringCounts.2025.otherLearners',
    ]);
  });

  it('format IDs and dates as text, and nothing else', () => {
    const asText = template.columns.filter((c) => c.asText).map((c) => c.name);
    expect(asText).toEqual(
      expect.arrayContaining([
        'providerActivityId',
        'parsActivityId',
        'startDate',
        'endDate',
        'rems.rpcId',
        'mocRegistrations.ABIM.internalId',
        'mocRegistrations.ABIM.claimDate',
      ]),
    );
    expect(asText.every((n) => /(Id|Date)$/.test(n))).toBe(true);
  });

  it('hold the code lists of src/reference and point only at lists that exist', () => {
    for (const list of [
      'activity-types',
      'delivery-methods',
      'states',
      'countries',
      'outcome-measures',
    ] as const)
      expect(listById.get(list)?.map((i) => i.code)).toEqual(codeList(list).map((r) => r.code));
    expect(listById.get('credit-types ABIM')?.map((i) => i.code)).toEqual(['MK', 'PA', 'PS']);
    expect(listById.get('practice-areas ABIM')).toEqual([{ code: 'CARDIOLOGY', name: 'Cardiology' }]);
    // no entries → no list, and no column names one
    expect(listById.has('practice-areas ABP')).toBe(false);
    expect(listById.has('topics')).toBe(false);
    for (const c of template.columns) {
      for (const id of [c.choiceList ?? [], c.codeLists ?? []].flat())
        expect(listById.has(id), id).toBe(true);
    }
    const byName = (n: string) => template.columns.find((c) => c.name === n) as TemplateColumn;
    expect(byName('format').choiceList).toBe('activity-types');
    expect(byName('listInPassport').choiceList).toBe('yes-no');
    expect(byName('commercialSupporters.3.kind').choiceList).toBe('support-kinds');
    expect(byName('outcomeMeasures').choiceList).toBeUndefined();
    expect(byName('outcomeMeasures').codeLists).toEqual(['outcome-measures']);
    expect(byName('mocRegistrations.ABIM.practiceAreas').codeLists).toEqual(['practice-areas ABIM']);
  });

  it('note label, type and rule on every column, the rule from the schema', () => {
    const title = template.columns.find((c) => c.name === 'title') as TemplateColumn;
    expect(columnNote(title)).toBe(`Title\nType: Text\n${activityInputSchema.shape.title.description}`);
    const start = template.columns.find((c) => c.name === 'startDate') as TemplateColumn;
    expect(columnNote(start)).toMatch(/YYYY-MM-DD or MM\/DD\/YYYY/);
    const amount = template.columns.find((c) => c.name === 'commercialSupporters.2.amount') as TemplateColumn;
    expect(amount.label).toBe('Commercial supporters 2, amount');
    for (const c of template.columns) {
      expect(c.label, c.name).not.toBe('');
      expect(c.rule, c.name).not.toBe('');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The reader and the rules agree with what the template offers

const kindOf = (c: TemplateColumn) =>
  (Object.entries(KIND_WORDS).find(([, words]) => words === c.type)?.[0] ?? null) as CellKind | null;
const codesOf = (c: TemplateColumn) => listById.get(c.choiceList ?? c.codeLists?.[0] ?? '') ?? [];

/** A cell written as the column's note says, and the value the reader should make of it. */
function sample(c: TemplateColumn): { cell: string; value: unknown } {
  if (c.name === 'parsActivityId') return { cell: '0012345', value: 12345 };
  const code = codesOf(c)[0]?.code ?? 'X1';
  switch (kindOf(c)) {
    case 'text':
      return { cell: `Text of ${c.name}`, value: `Text of ${c.name}` };
    case 'code':
      return { cell: code, value: code };
    case 'date':
      return { cell: '03/14/2025', value: '2025-03-14' };
    case 'yesNo':
      return { cell: 'Yes', value: true };
    case 'credit':
      return { cell: '1.25', value: 1.25 };
    case 'integer':
      return { cell: '012', value: 12 };
    case 'codeList':
      return { cell: `${code};Z9`, value: [code, 'Z9'] };
    case 'names':
      return { cell: 'Smith\\; Jones;Acme', value: ['Smith; Jones', 'Acme'] };
    case 'countMap':
      return { cell: `${code}:2`, value: { [code]: 2 } };
    case 'creditTypes':
      return { cell: `${code}:1.5`, value: [{ code, amount: 1.5 }] };
    default:
      throw new Error(`${c.name}: no sample for type "${c.type}"`);
  }
}

/** Where the reader puts a column's value in the input. */
function valueAt(input: ActivityInput, name: string): unknown {
  const [head, mid = '', tail = ''] = name.split('.');
  const field = (k: string) => (k === 'attest' ? 'attested' : k);
  const record = input as Record<string, unknown>;
  if (head === 'commercialSupporters')
    return (input.commercialSupporters?.[Number(mid) - 1] as Record<string, unknown>)?.[tail];
  if (head === 'enduringCounts')
    return (input.enduringCounts?.find((e) => e.year === Number(mid)) as Record<string, unknown>)?.[tail];
  if (head === 'mocRegistrations')
    return (input.mocRegistrations?.find((m) => m.board === mid) as Record<string, unknown>)?.[field(tail)];
  if (head === 'rems' || head === 'mips') return (record[head] as Record<string, unknown>)?.[field(mid)];
  return record[name];
}

describe('a row filled in as the template says', () => {
  it('reads back through the sheet reader to the intended values, without errors', () => {
    const analysis = analyzeActivitySheetHeader(names, 1);
    if (!analysis.ok) throw new Error(analysis.error.message);
    const samples = template.columns.map(sample);
    const mapped = mapSheetRow(analysis.header, {
      line: 2,
      fields: samples.map((s) => s.cell),
      blank: false,
      errors: [],
    });
    expect(mapped.errors).toEqual([]);
    expect(mapped.action).toBe('UPSERT');
    expect(mapped.parsActivityId).toBe(12345);
    template.columns.forEach((c, i) => {
      if (c.name === 'action' || c.name === 'parsActivityId') return;
      expect(valueAt(mapped.input, c.name), c.name).toEqual(samples[i]?.value);
    });
  });

  it('takes every value of the Yes/No and action drop-downs', () => {
    const header = analyzeActivitySheetHeader(['providerActivityId', 'action', 'listInPassport'], 1);
    if (!header.ok) throw new Error(header.error.message);
    for (const action of listById.get('actions') ?? [])
      for (const yesNo of listById.get('yes-no') ?? []) {
        const row = { line: 2, fields: ['P-1', action.code, yesNo.code], blank: false, errors: [] };
        const mapped = mapSheetRow(header.header, row);
        expect(mapped.errors).toEqual([]);
        expect(mapped.action).toBe(action.code);
        if (action.code === 'UPSERT') expect(mapped.input.listInPassport).toBe(yesNo.code === 'Yes');
      }
  });
});

const base: ActivityInput = {
  title: 'T',
  format: 'OTH',
  deliveryMethod: 'IN_PERSON',
  city: 'Austin',
  state: 'TX',
  country: 'USA',
  startDate: '2025-03-01',
  endDate: '2025-03-01',
  creditsDesignated: 2,
};

/** Errors the rules report at a path (or below it) for the base activity with `over` applied. */
function errorsAt(over: Partial<ActivityInput>, path: string) {
  const result = normalizeActivity({ ...base, ...over }, ctx);
  return result.errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
}

const itemsOf = (id: string) => (listById.get(id) ?? []).map((i) => i.code);

describe('the codes the template offers', () => {
  it.each([
    ['requestedStatus', 'requested-statuses'],
    ['format', 'activity-types'],
    ['deliveryMethod', 'delivery-methods'],
    ['state', 'states'],
    ['country', 'countries'],
    ['providership', 'providership'],
    ['registration', 'registration'],
  ] as const)('%s: every code of %s is accepted by the rules', (field, list) => {
    expect(itemsOf(list).length).toBeGreaterThan(0);
    for (const code of itemsOf(list)) expect(errorsAt({ [field]: code }, field), code).toEqual([]);
  });

  it('codes of the supporter, REMS and profession lists are accepted by the rules', () => {
    for (const kind of itemsOf('support-kinds'))
      expect(
        errorsAt({ commercialSupporters: [{ name: 'Acme', kind }] }, 'commercialSupporters.0.kind'),
      ).toEqual([]);
    expect(
      errorsAt(
        { commercialSupporters: [{ name: 'Acme', kind: 'IN_KIND', inKindTypes: itemsOf('in-kind-types') }] },
        'commercialSupporters.0.inKindTypes',
      ),
    ).toEqual([]);
    expect(errorsAt({ outcomeMeasures: itemsOf('outcome-measures') }, 'outcomeMeasures')).toEqual([]);
    const counts = (id: string) => Object.fromEntries(itemsOf(id).map((c) => [c, 1]));
    expect(
      errorsAt({ otherLearnersByProfession: counts('ja-professions') }, 'otherLearnersByProfession'),
    ).toEqual([]);
    for (const type of itemsOf('rems-types')) expect(errorsAt({ rems: { type } }, 'rems.type')).toEqual([]);
    expect(errorsAt({ rems: { byProfession: counts('rems-professions') } }, 'rems.byProfession')).toEqual([]);
    expect(
      errorsAt({ rems: { byPracticeType: counts('rems-practice-types') } }, 'rems.byPracticeType'),
    ).toEqual([]);
  });

  it('every board’s credit types and the MOC registration codes are accepted by the rules', () => {
    for (const board of certifying) {
      for (const code of itemsOf(`credit-types ${board.code}`)) {
        const moc = { board: board.code, creditTypes: [{ code, amount: 1 }], registration: 'OPEN' };
        expect(errorsAt({ mocRegistrations: [moc] }, 'mocRegistrations'), `${board.code} ${code}`).toEqual(
          [],
        );
      }
    }
  });
});

describe('renderings', () => {
  it('CSV: BOM, the header row with RFC 4180 quoting, CRLF', () => {
    const csv = renderTemplateCsv({
      ...template,
      columns: [
        template.columns[0] as TemplateColumn,
        { ...(template.columns[1] as TemplateColumn), name: 'a,"b"' },
      ],
    });
    expect(csv).toBe('\uFEFFproviderActivityId,"a,""b"""\r\n');
    expect(renderTemplateCsv(template)).toBe(`\uFEFF${names.join(',')}\r\n`);
  });

  it('names spreadsheet columns A…Z, AA…', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
