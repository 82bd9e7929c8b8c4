import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeList } from '../../../reference/codes';
import { activityInputSchema } from '../../activities/activity.schema';
import { type DelimitedRow, readDelimited } from './delimited-reader';
import type { RowIssue } from './issues';
import { detectLayout, type LegacyLayoutId } from './layout-detect';
import { groupColumns, IN_KIND } from './legacy-columns';
import {
  checkLegacyStructure,
  evaluateLegacyStatus,
  LEGACY_LAYOUTS,
  type LegacyActivityInput,
  type LegacyRowResult,
  mapLegacyDelimitedRow,
  mapLegacyRow,
} from './legacy-templates';

// spec/formats.md §3 (legacy PARS templates) and samples/README.md (Template D sample).

// ---------------------------------------------------------------------------------------------
// Building rows by column path

type Values = Record<string, string>;
const GROUP = 8;

function legacyRow(layout: LegacyLayoutId, values: Values, groups: string[][] = []): string[] {
  const fields = LEGACY_LAYOUTS[layout].columns.map((c) => values[c.path] ?? '');
  for (const g of groups) fields.push(...[...g, ...Array<string>(GROUP).fill('')].slice(0, GROUP));
  return fields;
}

const NO_SIX = {
  'legacy.designedToChangeCompetence': 'Yes',
  'legacy.changesEvaluatedCompetence': 'Yes',
  'legacy.designedToChangePerformance': 'No',
  'legacy.changesEvaluatedPerformance': 'No',
  'legacy.designedToChangePatientOutcomes': 'No',
  'legacy.changesEvaluatedPatientOutcomes': 'No',
};

const OPEN: Values = {
  'legacy.template': 'Template D',
  providerActivityId: 'P16-0100',
  reportingYear: '2016',
  title: 'Annual Update',
  startDate: '03/18/2016',
  city: 'Chicago',
  state: 'IL',
  country: 'USA',
  format: 'C',
};

const D_FULL: Values = {
  ...OPEN,
  providership: 'Direct',
  'legacy.hoursOfInstruction': '14.5',
  physicianLearnerCount: '412',
  otherLearnerCount: '0',
  commercialSupportReceived: 'No',
  ...NO_SIX,
  'legacy.subcategories.lecture': 'Yes',
  creditsDesignated: '14.5',
  description: 'Heart failure update',
  'legacy.competencies.medicalKnowledge': 'Yes',
};

const C_FULL: Values = {
  ...D_FULL,
  'legacy.template': 'Template C',
  reportingYear: '2014',
  startDate: '05/01/2014',
  'legacy.numberOfSupporters': '0',
  'legacy.activityInKind.durableEquipment': 'No',
  'legacy.advertisingExhibitIncome': '1200',
  'legacy.otherIncome': '0',
  'legacy.expenses': '5000.00',
};

const B_FULL: Values = {
  ...C_FULL,
  'legacy.template': 'Template B',
  reportingYear: '2012',
  startDate: '05/01/2012',
};

const P2010_FULL: Values = {
  ...C_FULL,
  reportingYear: '2008',
  startDate: '6/1/2008',
  parsActivityId: '200800123',
  'legacy.totalSupportValue': '',
};

const FULL: Record<LegacyLayoutId, Values> = {
  'PARS-D': D_FULL,
  'PARS-C': C_FULL,
  'PARS-B': B_FULL,
  'PARS-2010': P2010_FULL,
};
const MIN_GROUPS: Record<LegacyLayoutId, string[][]> = {
  'PARS-D': [],
  'PARS-C': [],
  'PARS-B': [],
  'PARS-2010': [[]],
};

function map(layout: LegacyLayoutId, changes: Values = {}, groups?: string[][], line = 7): LegacyRowResult {
  return mapLegacyRow(
    layout,
    legacyRow(layout, { ...FULL[layout], ...changes }, groups ?? MIN_GROUPS[layout]),
    line,
  );
}

const mapD = (changes: Values = {}, groups?: string[][]) => map('PARS-D', changes, groups);
const inputOf = (r: LegacyRowResult): LegacyActivityInput => {
  if (!r.input) throw new Error(`rejected: ${JSON.stringify(r.errors)}`);
  return r.input;
};
const codes = (issues: RowIssue[]) => issues.map((i) => i.code);

// ---------------------------------------------------------------------------------------------

describe('columns (§3.1–§3.4)', () => {
  const heading = (layout: LegacyLayoutId, n: number) => LEGACY_LAYOUTS[layout].columns[n - 1]?.heading;

  it.each<[LegacyLayoutId, number]>([
    ['PARS-D', 47],
    ['PARS-C', 58],
    ['PARS-B', 42],
    ['PARS-2010', 35],
  ])('%s has %i fixed columns', (layout, count) => {
    expect(LEGACY_LAYOUTS[layout].columns).toHaveLength(count);
    const paths = LEGACY_LAYOUTS[layout].columns.map((c) => c.path);
    expect(new Set(paths).size).toBe(count);
  });

  it.each<[LegacyLayoutId, number, string]>([
    ['PARS-D', 1, 'Template (DO NOT ALTER OR DELETE THIS COLUMN)'],
    ['PARS-D', 2, 'ACCME Activity ID'],
    ['PARS-D', 11, 'Activity Type'],
    ['PARS-D', 16, 'Designed to change Competence?'],
    ['PARS-D', 28, 'Sub-category: Other'],
    ['PARS-D', 29, 'Joint Provider(s)'],
    ['PARS-D', 30, 'Number of AMA PRA Category 1 Credits™ Designated'],
    ['PARS-D', 32, 'ABMS/ACGME - Patient Care and Procedural Skills'],
    ['PARS-D', 47, 'Other Competencies - Competencies other than those listed were addressed'],
    ['PARS-C', 15, 'Commercial Support Received?'],
    ['PARS-C', 16, '# of Commercial Supporters'],
    ['PARS-C', 17, 'Total Monetary Amount Received (Activity)'],
    ['PARS-C', 18, 'In Kind Support Received - Durable equipment? (Activity)'],
    ['PARS-C', 23, 'In Kind Support Received - Other? (Activity)'],
    ['PARS-C', 24, 'Designed to change Competence?'],
    ['PARS-C', 39, 'Description of Content'],
    ['PARS-C', 40, 'Advertising & Exhibit Income (Activity)'],
    ['PARS-C', 42, 'Expenses (Activity)'],
    ['PARS-C', 43, 'ABMS/ACGME - Patient Care and Procedural Skills'],
    ['PARS-C', 58, 'Other Competencies - Competencies other than those listed were addressed'],
    ['PARS-B', 10, 'Sponsorship'],
    ['PARS-B', 14, '# of non-Physicians'],
    ['PARS-B', 37, 'Joint Sponsor'],
    ['PARS-B', 42, 'Expenses (Activity)'],
    ['PARS-2010', 1, 'Reporting Year'],
    ['PARS-2010', 2, 'Provider Activity ID'],
    ['PARS-2010', 3, 'ACCME Activity ID'],
    ['PARS-2010', 9, 'Sponsorship'],
    ['PARS-2010', 15, 'Total Value of Commercial Support Received (Monetary or In-Kind)'],
    ['PARS-2010', 16, '# of Commercial Supporters'],
    ['PARS-2010', 17, 'Designed to change Competence?'],
    ['PARS-2010', 22, 'Changes in Patient Outcomes evaluated?'],
    ['PARS-2010', 29, 'Sub-category: Other'],
    ['PARS-2010', 30, 'Joint Sponsor'],
    ['PARS-2010', 35, 'Expenses (Activity)'],
  ])('%s column %i is "%s"', (layout, n, expected) => {
    expect(heading(layout, n)).toBe(expected);
  });

  it('supporter groups: 8 columns, in-kind labels of codes/in-kind-types.tsv, 2nd/3rd/… suffixes', () => {
    expect(IN_KIND.map((k) => [k.code, k.label])).toEqual(
      codeList('in-kind-types').map((r) => [r.code, r.legacy_label]),
    );
    expect(groupColumns(0).map((c) => c.heading)).toEqual([
      'Commercial Support Source',
      'Monetary Amount Received (for Support Source)',
      ...IN_KIND.map((k) => k.label),
    ]);
    expect(groupColumns(1)[0]?.heading).toBe('Commercial Support Source 2nd');
    expect(groupColumns(2)[1]?.heading).toBe('Monetary Amount Received (for Support Source) 3rd');
    expect(groupColumns(3)[0]?.heading).toBe('Commercial Support Source 4th');
    expect(groupColumns(10)[0]?.heading).toBe('Commercial Support Source 11th');
    expect(groupColumns(20)[0]?.heading).toBe('Commercial Support Source 21st');
  });
});

// ---------------------------------------------------------------------------------------------

describe('the Template D sample (samples/README.md)', () => {
  const fixture = fileURLToPath(new URL('./fixtures/activities-templateD-2016-valid.txt', import.meta.url));
  let rows: DelimitedRow[] = [];
  let results: { line: number; result: LegacyRowResult; status: string | null; missing: string[] }[] = [];

  beforeAll(async () => {
    rows = [];
    for await (const row of readDelimited(createReadStream(fixture, { highWaterMark: 997 }), {
      delimiter: '\t',
    })) {
      rows.push(row);
    }
    const detected = detectLayout('activities', rows.slice(0, 2));
    if (!detected.ok || detected.layout !== 'PARS-D') throw new Error('not detected as PARS-D');
    results = rows.map((row) => {
      const result = mapLegacyDelimitedRow('PARS-D', row);
      const status = result.input ? evaluateLegacyStatus(result.input, result.input.ruleSet) : null;
      return {
        line: row.line,
        result,
        status: status?.status ?? null,
        missing: status?.missing.map((m) => m.requirement) ?? [],
      };
    });
  });

  it('is 15 rows of 71 fields (row 14: 79), no blank lines', () => {
    expect(rows.map((r) => r.fields.length)).toEqual([...Array(13).fill(71), 79, 71]);
    expect(rows.every((r) => !r.blank && r.errors.length === 0)).toBe(true);
  });

  it('rows 1–14 reach CLOSED, row 15 is saved as DRAFT (target CLOSED)', () => {
    expect(results.map((r) => [r.line, r.status])).toEqual([
      ...Array.from({ length: 14 }, (_, i) => [i + 1, 'CLOSED']),
      [15, 'DRAFT'],
    ]);
    expect(results.every((r) => r.result.errors.length === 0)).toBe(true);
    // Row 15 carries only what opens an activity.
    expect(results[14]?.missing).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L7', 'L9', 'L10']);
  });

  it.each([
    [1, 'P16-0001', 'C', 'IN_PERSON', '2016-03-18', '2016-03-18'],
    [2, 'P16-0002', 'RSS', 'IN_PERSON', '2016-01-06', '2016-12-31'],
    [3, 'P16-0003', 'C', 'ONLINE', '2016-05-11', '2016-05-11'],
    [4, 'P16-0004', 'EM', 'ONLINE', '2016-07-01', '2016-12-31'],
    [5, 'P16-0005', 'EM', 'PRINT', '2016-02-01', '2016-12-31'],
    [6, 'P16-0006', 'JN', null, '2016-04-15', '2016-12-31'],
    [7, 'P16-0007', 'MR', null, '2016-01-01', '2016-12-31'],
    [8, 'P16-0008', 'TIW', null, '2016-03-01', '2016-12-31'],
    [9, 'P16-0009', 'CML', null, '2016-01-01', '2016-12-31'],
    [10, 'P16-0010', 'PI', null, '2016-02-15', '2016-12-31'],
    [11, 'P16-0011', 'ISL', null, '2016-01-01', '2016-12-31'],
    [12, 'P16-0012', 'LFT', null, '2016-09-01', '2016-12-31'],
    [13, 'P16-0013', 'C', 'IN_PERSON', '2016-06-09', '2016-06-09'],
    [14, 'P16-0014', 'C', 'IN_PERSON', '2016-10-20', '2016-10-20'],
    [15, 'P16-0015', 'C', 'IN_PERSON', '2016-12-02', '2016-12-02'],
  ])('row %i %s → %s %s, %s … %s', (line, key, format, delivery, start, end) => {
    const input = inputOf(results[line - 1]?.result as LegacyRowResult);
    expect(input).toMatchObject({
      providerActivityId: key,
      parsActivityId: null,
      format,
      deliveryMethod: delivery,
      startDate: start,
      endDate: end,
      ruleSet: 'PARS2015',
      reportingYear: 2016,
      listInPassport: false,
      legacy: { template: 'PARS-D', reportingYear: 2016 },
    });
    const endDateWarnings = results[line - 1]?.result.warnings.filter(
      (w) => w.code === 'ACT-LEGACY-END-DATE',
    );
    expect(endDateWarnings?.length).toBe(start === end ? 0 : 1);
  });

  it('row 1: a monetary supporter and an in-kind-only supporter; the location is kept', () => {
    const input = inputOf(results[0]?.result as LegacyRowResult);
    expect(input).toMatchObject({ city: 'Chicago', state: 'IL', country: 'USA', providership: 'DIRECT' });
    expect(input.commercialSupportReceived).toBe(true);
    expect(input.commercialSupporters).toEqual([
      { name: 'Pfizer Inc.', kind: 'MONETARY', amount: 25000 },
      { name: 'Medtronic, Inc.', kind: 'IN_KIND', inKindTypes: ['DURABLE_EQUIPMENT'], inKindOther: null },
    ]);
    expect(input.legacy).toMatchObject({
      activityType: 'C',
      hoursOfInstruction: 14.5,
      designedToChangeCompetence: true,
      changesEvaluatedCompetence: true,
      changesEvaluatedPerformance: false,
      subcategories: { caseBased: false, lecture: true, panel: true, other: null },
      competencies: {
        patientCare: true,
        medicalKnowledge: true,
        evidenceBased: true,
        informatics: false,
        other: null,
      },
      numberOfSupporters: null,
      activityInKind: null,
      totalSupportValue: null,
    });
    expect(input.outcomeMeasures).toEqual(['COMPETENCE']);
    expect(input.creditsDesignated).toBe(14.5);
    expect(input.physicianLearnerCount).toBe(412);
  });

  it('row 2: RSS counts 1040 physician learners; row 11: decimal hours 0.5', () => {
    expect(inputOf(results[1]?.result as LegacyRowResult)).toMatchObject({ physicianLearnerCount: 1040 });
    expect(inputOf(results[10]?.result as LegacyRowResult).legacy.hoursOfInstruction).toBe(0.5);
  });

  it('row 3: IL is an online course without location, jointly provided', () => {
    expect(inputOf(results[2]?.result as LegacyRowResult)).toMatchObject({
      city: null,
      state: null,
      country: null,
      providership: 'JOINT',
      jointProviders: ['Midwest Pain Society'],
    });
  });

  it('row 6: other learners 0 is a value; row 10: all three measures evaluated', () => {
    expect(inputOf(results[5]?.result as LegacyRowResult).otherLearnerCount).toBe(0);
    expect(inputOf(results[9]?.result as LegacyRowResult).outcomeMeasures).toEqual([
      'COMPETENCE',
      'PERFORMANCE',
      'PATIENT_HEALTH',
    ]);
  });

  it('row 13: Toronto, CAN, no state', () => {
    expect(inputOf(results[12]?.result as LegacyRowResult)).toMatchObject({
      city: 'Toronto',
      state: null,
      country: 'CAN',
    });
  });

  it('row 14: four supporters, names with "," and "&"', () => {
    expect(inputOf(results[13]?.result as LegacyRowResult).commercialSupporters).toEqual([
      { name: 'Amgen Inc.', kind: 'MONETARY', amount: 20000 },
      { name: 'Genentech, Inc.', kind: 'MONETARY', amount: 15000 },
      { name: 'Merck & Co., Inc.', kind: 'MONETARY', amount: 10000 },
      {
        name: 'Siemens Healthineers',
        kind: 'IN_KIND',
        inKindTypes: ['DURABLE_EQUIPMENT'],
        inKindOther: null,
      },
    ]);
  });

  it('every mapped row has the canonical activity input shape', () => {
    for (const { result } of results) {
      const { ruleSet: _r, reportingYear: _y, parsActivityId: _p, legacy: _l, ...rest } = inputOf(result);
      expect(() => activityInputSchema.parse(rest)).not.toThrow();
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('structure (§3.5, §2.7)', () => {
  it.each<[LegacyLayoutId, number, boolean]>([
    ['PARS-D', 47, true],
    ['PARS-D', 55, true],
    ['PARS-D', 71, true],
    ['PARS-D', 46, false],
    ['PARS-D', 48, false],
    ['PARS-D', 70, false],
    ['PARS-C', 58, true],
    ['PARS-C', 66, true],
    ['PARS-C', 57, false],
    ['PARS-B', 42, true],
    ['PARS-B', 50, true],
    ['PARS-B', 47, false],
    ['PARS-2010', 43, true],
    ['PARS-2010', 51, true],
    ['PARS-2010', 35, false],
    ['PARS-2010', 42, false],
  ])('%s with %i fields: valid = %s', (layout, count, valid) => {
    const fields = Array.from({ length: count }, (_, i) =>
      i === 0 ? (LEGACY_LAYOUTS[layout].marker ?? '2008') : '',
    );
    const issues = checkLegacyStructure(layout, fields, 3);
    expect(codes(issues)).toEqual(valid ? [] : ['FMT-FIELD-COUNT']);
  });

  it('a wrong field count is reported alone, with the counts that would be valid', () => {
    const fields = legacyRow('PARS-D', D_FULL, [['Pfizer', '100']]).slice(0, -1);
    const result = mapLegacyRow('PARS-D', fields, 9);
    expect(result.input).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 9, code: 'FMT-FIELD-COUNT', columnName: 'column 54', value: '54' }),
    ]);
    expect(result.errors[0]?.message).toMatch(
      /Template D rows must have 47 fields plus 8 for each commercial supporter \(47, 55, 63, …\); this row has 54.*55 fields would be valid/,
    );
  });

  it('pre-2011 rows need at least one supporter group', () => {
    const result = mapLegacyRow('PARS-2010', legacyRow('PARS-2010', P2010_FULL), 2);
    expect(codes(result.errors)).toEqual(['FMT-FIELD-COUNT']);
    expect(result.errors[0]?.message).toMatch(/at least one group \(43, 51, 59, …\)/);
  });

  it.each<[LegacyLayoutId, string, RegExp]>([
    ['PARS-D', 'Template C', /says "Template C", but this file is a Template D file/],
    ['PARS-D', 'Template Z', /must be "Template D" in a Template D file; "Template Z" is not/],
    ['PARS-D', '2016', /must be "Template D"/],
    ['PARS-C', 'template d', /says "template d", but this file is a Template C file/],
    ['PARS-2010', 'Template D', /pre-2011 PARS file/],
  ])('%s file, marker %j: FMT-TEMPLATE-MISMATCH', (layout, marker, message) => {
    const values = {
      ...FULL[layout],
      [layout === 'PARS-2010' ? 'reportingYear' : 'legacy.template']: marker,
    };
    const result = mapLegacyRow(layout, legacyRow(layout, values, MIN_GROUPS[layout]), 4);
    expect(result.input).toBeNull();
    expect(codes(result.errors)).toEqual(['FMT-TEMPLATE-MISMATCH']);
    expect(result.errors[0]).toMatchObject({ line: 4, value: marker });
    expect(result.errors[0]?.message).toMatch(message);
  });

  it('the marker is matched in any case', () => {
    expect(mapD({ 'legacy.template': 'TEMPLATE D' }).errors).toEqual([]);
  });

  it('field count and template marker are reported together', () => {
    const fields = legacyRow('PARS-D', { ...D_FULL, 'legacy.template': 'Template B' });
    expect(codes(checkLegacyStructure('PARS-D', fields.slice(0, 46), 1))).toEqual([
      'FMT-FIELD-COUNT',
      'FMT-TEMPLATE-MISMATCH',
    ]);
  });

  it('a row with FMT-QUOTE from the reader is rejected before mapping', () => {
    const quote: RowIssue = {
      line: 5,
      path: '',
      columnName: 'column 5',
      code: 'FMT-QUOTE',
      message: 'm',
      value: 'x',
    };
    const result = mapLegacyDelimitedRow('PARS-D', {
      line: 5,
      fields: ['Template D'],
      blank: false,
      errors: [quote],
    });
    expect(result).toEqual({ input: null, errors: [quote], warnings: [] });
  });
});

// ---------------------------------------------------------------------------------------------

describe('open rules and keys (§3.7)', () => {
  it.each([
    ['legacy.template', 'Template (DO NOT ALTER OR DELETE THIS COLUMN)'],
    ['reportingYear', 'Reporting Year'],
    ['title', 'Activity Title'],
    ['startDate', 'Activity Date'],
    ['format', 'Activity Type'],
    ['city', 'City'],
    ['country', 'Country'],
    ['state', 'State'],
  ])('missing %s rejects the row with ACT-REQUIRED', (path, heading) => {
    const result = mapD({ [path]: '' });
    expect(result.input).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'ACT-REQUIRED', path, columnName: heading, line: 7, value: null }),
    ]);
    expect(result.errors[0]?.message).toMatch(
      new RegExp(`^${heading.replace(/[()]/g, '\\$&')} \\(column \\d+\\) is required`),
    );
  });

  it('state is needed only when the country is USA', () => {
    expect(mapD({ state: '', country: 'CAN', city: 'Toronto' }).errors).toEqual([]);
    expect(mapD({ state: '', country: 'usa' }).errors.map((e) => e.path)).toEqual(['state']);
  });

  it('location is needed for RSS as for C', () => {
    expect(codes(map('PARS-D', { format: 'RSS', city: '' }).errors)).toEqual(['ACT-REQUIRED']);
  });

  it('neither key: ACT-KEY-MISSING; the ACCME Activity ID alone is a key', () => {
    const none = mapD({ providerActivityId: '' });
    expect(none.errors).toEqual([
      expect.objectContaining({
        code: 'ACT-KEY-MISSING',
        path: 'providerActivityId',
        columnName: 'Provider Activity ID',
      }),
    ]);
    const byId = inputOf(mapD({ providerActivityId: '', parsActivityId: '201600042' }));
    expect(byId).toMatchObject({ parsActivityId: 201600042, providerActivityId: null });
  });

  it.each(['P-42', '1234567890123', '12.5'])('ACCME Activity ID %j is not a PARS activity number', (id) => {
    const result = mapD({ parsActivityId: id });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'ACT-NUMBER-FORMAT',
        path: 'parsActivityId',
        columnName: 'ACCME Activity ID',
      }),
    ]);
  });

  it('pre-2011 rows have the two IDs the other way round', () => {
    const input = inputOf(map('PARS-2010', { providerActivityId: 'OLD-7', parsActivityId: '200800123' }));
    expect(input).toMatchObject({
      providerActivityId: 'OLD-7',
      parsActivityId: 200800123,
      ruleSet: 'PARS2010',
    });
    const fields = legacyRow('PARS-2010', P2010_FULL, [[]]);
    expect(fields.slice(0, 3)).toEqual(['2008', 'P16-0100', '200800123']);
  });
});

describe('reporting years (§3.7) and dates (§3.6)', () => {
  it.each<[LegacyLayoutId, string, boolean]>([
    ['PARS-D', '2015', true],
    ['PARS-D', '2021', true],
    ['PARS-D', '2014', false],
    ['PARS-D', '2022', false],
    ['PARS-D', '16', false],
    ['PARS-D', '2016.0', false],
    ['PARS-C', '2013', true],
    ['PARS-C', '2015', false],
    ['PARS-B', '2011', true],
    ['PARS-B', '2013', true],
    ['PARS-B', '2014', false],
    ['PARS-2010', '2005', true],
    ['PARS-2010', '2011', false],
  ])('%s Reporting Year %s valid = %s', (layout, year, valid) => {
    const result = map(layout, { reportingYear: year, startDate: '01/15/2005' });
    expect(codes(result.errors)).toEqual(valid ? [] : ['ACT-LEGACY-YEAR']);
    if (!valid)
      expect(result.errors[0]).toMatchObject({
        path: 'reportingYear',
        columnName: 'Reporting Year',
        value: year,
      });
  });

  it('the Activity Date may not be in a later year than the Reporting Year', () => {
    const result = mapD({ reportingYear: '2016', startDate: '01/04/2017' });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'ACT-LEGACY-YEAR', path: 'reportingYear' }),
    ]);
    expect(result.errors[0]?.message).toMatch(/earlier than the year of the Activity Date \(2017\)/);
    // An activity that started years before its reporting year is fine (no span or range limits).
    expect(
      inputOf(map('PARS-D', { format: 'EM', startDate: '03/01/2013', city: '', state: '', country: '' })),
    ).toMatchObject({ startDate: '2013-03-01', endDate: '2016-12-31' });
  });

  it.each([
    ['2016-03-18', 'ACT-DATE-FORMAT'],
    ['18/03/2016', 'ACT-DATE-INVALID'],
    ['02/30/2016', 'ACT-DATE-INVALID'],
  ])('Activity Date %j → %s', (date, code) => {
    const result = mapD({ startDate: date });
    expect(result.errors).toEqual([
      expect.objectContaining({ code, path: 'startDate', columnName: 'Activity Date', value: date }),
    ]);
    expect(result.errors[0]?.message).toMatch(/^Activity Date \(column 6\)/);
  });

  it.each([
    ['C', false],
    ['IL', false],
    ['RSS', true],
    ['EM', true],
    ['IEM', true],
    ['JN', true],
    ['PI', true],
  ])('type %s: end date derived from the Reporting Year = %s', (type, derived) => {
    const result = mapD({
      format: type,
      ...(['C', 'RSS'].includes(type) ? {} : { city: '', state: '', country: '' }),
    });
    const input = inputOf(result);
    expect(input.endDate).toBe(derived ? '2016-12-31' : '2016-03-18');
    const warning = result.warnings.find((w) => w.code === 'ACT-LEGACY-END-DATE');
    expect(Boolean(warning)).toBe(derived);
    if (warning) {
      expect(warning).toMatchObject({ path: 'endDate', columnName: 'Reporting Year', value: '2016-12-31' });
      expect(warning.message).toMatch(/12\/31\/2016/);
    }
  });
});

describe('activity type and location (§3.6)', () => {
  it.each([
    ['C', 'C', 'IN_PERSON'],
    ['RSS', 'RSS', 'IN_PERSON'],
    ['IL', 'C', 'ONLINE'],
    ['EM', 'EM', 'PRINT'],
    ['IEM', 'EM', 'ONLINE'],
    ['JN', 'JN', null],
    ['MR', 'MR', null],
    ['TIW', 'TIW', null],
    ['CML', 'CML', null],
    ['PI', 'PI', null],
    ['ISL', 'ISL', null],
    ['LFT', 'LFT', null],
    ['iem', 'EM', 'ONLINE'],
  ])('%s → %s + %s', (type, format, deliveryMethod) => {
    const located = ['C', 'RSS'].includes(type.toUpperCase());
    const input = inputOf(mapD({ format: type, ...(located ? {} : { city: '', state: '', country: '' }) }));
    expect(input).toMatchObject({ format, deliveryMethod, legacy: { activityType: type.toUpperCase() } });
  });

  it.each(['OTH', 'Course', 'X'])('type %j is ACT-FORMAT-CODE', (type) => {
    const result = mapD({ format: type });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'ACT-FORMAT-CODE', path: 'format', columnName: 'Activity Type' }),
    ]);
    expect(result.errors[0]?.message).toMatch(
      /must be one of C, RSS, IL, EM, IEM, JN, MR, TIW, CML, PI, ISL, LFT/,
    );
  });

  it('a location given for another type is discarded with ACT-VALUE-IGNORED per column', () => {
    const result = mapD({ format: 'IL', city: 'Chicago', state: '', country: 'USA' });
    const input = inputOf(result);
    expect([input.city, input.state, input.country]).toEqual([null, null, null]);
    expect(result.warnings.map((w) => [w.code, w.columnName, w.value])).toEqual([
      ['ACT-VALUE-IGNORED', 'City', 'Chicago'],
      ['ACT-VALUE-IGNORED', 'Country', 'USA'],
    ]);
    expect(result.warnings[0]?.message).toMatch(
      /applies only to courses \(C\) and regularly scheduled series \(RSS\)/,
    );
  });

  it('codes are read in any case', () => {
    expect(
      inputOf(mapD({ state: 'il', country: 'usa', providership: 'joint', jointProviders: 'A' })),
    ).toMatchObject({
      state: 'IL',
      country: 'USA',
      providership: 'JOINT',
    });
  });
});

describe('cells (§2.8)', () => {
  it.each([
    ['physicianLearnerCount', '1,040', 'ACT-NUMBER-FORMAT', '# of Physicians'],
    ['otherLearnerCount', '-5', 'ACT-NUMBER-RANGE', '# of Other Learners'],
    ['legacy.hoursOfInstruction', '1.125', 'ACT-CREDIT-PRECISION', 'Hours of Instruction'],
    ['creditsDesignated', 'two', 'ACT-NUMBER-FORMAT', 'Number of AMA PRA Category 1 Credits™ Designated'],
    ['commercialSupportReceived', 'Maybe', 'ACT-BOOLEAN', 'Commercial Support Received?'],
    ['legacy.changesEvaluatedPerformance', 'Perhaps', 'ACT-BOOLEAN', 'Changes in Performance evaluated?'],
    ['legacy.subcategories.other', 'x'.repeat(201), 'ACT-TEXT-LENGTH', 'Sub-category: Other'],
    [
      'legacy.competencies.other',
      'a\tb',
      'FMT-CONTROL-CHAR',
      'Other Competencies - Competencies other than those listed were addressed',
    ],
  ])('%s %j → %s', (path, value, code, heading) => {
    const result = mapD({ [path]: value });
    expect(result.input).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ code, path, columnName: heading, value, line: 7 }),
    ]);
  });

  it('legacy hours and credits need not be multiples of 0.25', () => {
    const input = inputOf(mapD({ 'legacy.hoursOfInstruction': '1.1', creditsDesignated: '1.33' }));
    expect([input.legacy.hoursOfInstruction, input.creditsDesignated]).toEqual([1.1, 1.33]);
  });

  it('every failing cell of a row is reported, not only the first', () => {
    const result = mapD({
      providerActivityId: '',
      startDate: '13/45/2016',
      physicianLearnerCount: 'many',
      commercialSupportReceived: 'Maybe',
      'legacy.expenses': '$5',
    });
    expect(codes(result.errors).sort()).toEqual([
      'ACT-BOOLEAN',
      'ACT-DATE-INVALID',
      'ACT-KEY-MISSING',
      'ACT-NUMBER-FORMAT',
    ]);
  });

  it('"Other" columns take Yes/No or a description', () => {
    const input = inputOf(
      mapD({ 'legacy.subcategories.other': 'Journal club', 'legacy.competencies.other': 'yes' }),
    );
    expect(input.legacy.subcategories.other).toBe('Journal club');
    expect(input.legacy.competencies?.other).toBe(true);
  });

  it('joint providers are separated by ";"', () => {
    const input = inputOf(
      mapD({ providership: 'Joint', jointProviders: 'Midwest Pain Society; Acme, Inc.;' }),
    );
    expect(input.jointProviders).toEqual(['Midwest Pain Society', 'Acme, Inc.']);
  });
});

describe('commercial supporters (§3.5, §3.6)', () => {
  const yes = (name: string, amount: string, ...inKind: string[]) => [name, amount, ...inKind];

  it('an amount gives MONETARY, in-kind Yes gives IN_KIND, both give two entries', () => {
    const input = inputOf(
      mapD({ commercialSupportReceived: 'Yes' }, [
        yes('Acme', '5000'),
        yes('Beta', '', 'No', 'Yes', 'No', 'No', 'Yes', 'No'),
        yes('Gamma', '100.00', 'Yes', '', '', '', '', 'Loaner ultrasound'),
      ]),
    );
    expect(input.commercialSupporters).toEqual([
      { name: 'Acme', kind: 'MONETARY', amount: 5000 },
      { name: 'Beta', kind: 'IN_KIND', inKindTypes: ['FACILITIES_SPACE', 'HUMAN_PARTS'], inKindOther: null },
      { name: 'Gamma', kind: 'MONETARY', amount: 100 },
      {
        name: 'Gamma',
        kind: 'IN_KIND',
        inKindTypes: ['DURABLE_EQUIPMENT', 'OTHER'],
        inKindOther: 'Loaner ultrasound',
      },
    ]);
  });

  it('an all-empty group is ignored; groups may follow it', () => {
    const input = inputOf(mapD({ commercialSupportReceived: 'Yes' }, [[], yes('Acme', '10')]));
    expect(input.commercialSupporters).toEqual([{ name: 'Acme', kind: 'MONETARY', amount: 10 }]);
  });

  it('a group with answers but no source name rejects the row (ACT-SUPPORTER-GROUP)', () => {
    const result = mapD({ commercialSupportReceived: 'Yes' }, [yes('Acme', '10'), yes('', '2500')]);
    expect(result.input).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'ACT-SUPPORTER-GROUP',
        path: 'commercialSupporters.1.name',
        columnName: 'Commercial Support Source 2nd',
      }),
    ]);
    expect(result.errors[0]?.message).toMatch(
      /group 2 \(columns 56–63\) has answers but no Commercial Support Source 2nd/,
    );
    expect(codes(mapD({}, [['', '', 'No']]).errors)).toEqual(['ACT-SUPPORTER-GROUP']);
  });

  it('0 as an amount means no money (ACT-VALUE-IGNORED)', () => {
    const result = mapD({ commercialSupportReceived: 'Yes' }, [yes('Acme', '0', 'Yes')]);
    expect(inputOf(result).commercialSupporters).toEqual([
      { name: 'Acme', kind: 'IN_KIND', inKindTypes: ['DURABLE_EQUIPMENT'], inKindOther: null },
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'ACT-VALUE-IGNORED',
        path: 'commercialSupporters.0.amount',
        columnName: 'Monetary Amount Received (for Support Source)',
        value: '0',
      }),
    ]);
  });

  it('a name without amount or in-kind support records nothing, with a warning', () => {
    const result = mapD({ commercialSupportReceived: 'Yes' }, [yes('Acme', '', 'No')]);
    expect(inputOf(result).commercialSupporters).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['ACT-VALUE-IGNORED', 'commercialSupporters.0.name'],
    ]);
    expect(evaluateLegacyStatus(inputOf(result), 'PARS2015').missing.map((m) => m.requirement)).toEqual([
      'L6',
    ]);
  });

  it.each([
    ['$25,000', 'ACT-AMOUNT-FORMAT'],
    ['25000.50', 'ACT-AMOUNT-FORMAT'],
    ['-10', 'ACT-NUMBER-RANGE'],
  ])('amount %j → %s', (amount, code) => {
    const result = mapD({ commercialSupportReceived: 'Yes' }, [yes('Acme', amount)]);
    expect(result.errors).toEqual([
      expect.objectContaining({ code, path: 'commercialSupporters.0.amount', value: amount }),
    ]);
  });

  it('in-kind answers are Yes/No (ACT-BOOLEAN), the "Other" one also text', () => {
    expect(codes(mapD({}, [yes('Acme', '', 'Maybe')]).errors)).toEqual(['ACT-BOOLEAN']);
  });
});

describe('Templates C and B, pre-2011 (§3.2–§3.4)', () => {
  it('Template C: supporter totals, activity in-kind, income and expenses go to legacy', () => {
    const input = inputOf(
      map('PARS-C', {
        commercialSupportReceived: 'Yes',
        'legacy.numberOfSupporters': '2',
        'legacy.totalMonetaryAmount': '30000',
        'legacy.activityInKind.facilitiesSpace': 'Yes',
        'legacy.activityInKind.other': 'Catering',
      }),
    );
    expect(input).toMatchObject({ ruleSet: 'PARS2014', reportingYear: 2014, startDate: '2014-05-01' });
    expect(input.legacy).toMatchObject({
      template: 'PARS-C',
      numberOfSupporters: 2,
      totalMonetaryAmount: 30000,
      activityInKind: {
        durableEquipment: false,
        facilitiesSpace: true,
        disposableSupplies: null,
        other: 'Catering',
      },
      advertisingExhibitIncome: 1200,
      otherIncome: 0,
      expenses: 5000,
      totalSupportValue: null,
      competencies: { medicalKnowledge: true },
    });
  });

  it('Template B: the older headings name the columns in messages; no competencies', () => {
    const result = map('PARS-B', { providership: 'Sponsored', otherLearnerCount: 'x' });
    expect(result.errors.map((e) => e.columnName)).toEqual(['# of non-Physicians']);
    const input = inputOf(map('PARS-B'));
    expect(input).toMatchObject({ ruleSet: 'PARS2011', legacy: { template: 'PARS-B', competencies: null } });
  });

  it('pre-2011: total support value and supporter groups from column 36', () => {
    const input = inputOf(
      map(
        'PARS-2010',
        {
          commercialSupportReceived: 'Yes',
          'legacy.totalSupportValue': '7000',
          'legacy.numberOfSupporters': '1',
        },
        [['Acme', '7000']],
      ),
    );
    expect(input.commercialSupporters).toEqual([{ name: 'Acme', kind: 'MONETARY', amount: 7000 }]);
    expect(input.legacy).toMatchObject({
      template: 'PARS-2010',
      totalSupportValue: 7000,
      numberOfSupporters: 1,
      activityInKind: null,
      competencies: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('legacy status (§3.7)', () => {
  const status = (layout: LegacyLayoutId, changes: Values = {}, groups?: string[][]) => {
    const input = inputOf(map(layout, changes, groups));
    return evaluateLegacyStatus(input, input.ruleSet);
  };
  const ids = (s: ReturnType<typeof status>) => s.missing.map((m) => m.requirement);

  it.each<LegacyLayoutId>(['PARS-D', 'PARS-C', 'PARS-B', 'PARS-2010'])(
    '%s: a complete row is CLOSED',
    (layout) => {
      expect(status(layout)).toEqual({ status: 'CLOSED', targetStatus: 'CLOSED', missing: [] });
    },
  );

  const ALL: LegacyLayoutId[] = ['PARS-D', 'PARS-C', 'PARS-B', 'PARS-2010'];
  const D_ONLY: LegacyLayoutId[] = ['PARS-D'];
  it.each<[string, Values, LegacyLayoutId[]]>([
    ['L1', { providership: '' }, ALL],
    ['L2', { 'legacy.hoursOfInstruction': '' }, ALL],
    ['L2', { 'legacy.hoursOfInstruction': '0' }, ALL],
    ['L3', { physicianLearnerCount: '' }, ALL],
    ['L4', { otherLearnerCount: '' }, ALL],
    ['L5', { commercialSupportReceived: '' }, ALL],
    ['L6', { commercialSupportReceived: 'Yes' }, ALL],
    ['L7', { 'legacy.changesEvaluatedPatientOutcomes': '' }, ALL],
    ['L8', { providership: 'Joint' }, D_ONLY],
    ['L9', { creditsDesignated: '' }, D_ONLY],
    ['L10', { 'legacy.competencies.medicalKnowledge': 'No' }, D_ONLY],
  ])('%s (%j) applies to %j', (id, changes, layouts) => {
    for (const layout of ALL) {
      const result = status(layout, changes);
      expect(ids(result), layout).toEqual(layouts.includes(layout) ? [id] : []);
      expect(result.status).toBe(layouts.includes(layout) ? 'DRAFT' : 'CLOSED');
      expect(result.targetStatus).toBe('CLOSED');
    }
  });

  it('L6 by rule set: D needs a supporter group; C/B need # of supporters and an amount or in-kind; 2010 total value and #', () => {
    const support = { commercialSupportReceived: 'Yes' };
    expect(ids(status('PARS-D', support, [['Acme', '1']]))).toEqual([]);
    expect(ids(status('PARS-D', support, [['Acme', '', '', '', 'Yes']]))).toEqual([]);
    for (const layout of ['PARS-C', 'PARS-B'] as const) {
      expect(
        ids(
          status(layout, {
            ...support,
            'legacy.numberOfSupporters': '1',
            'legacy.totalMonetaryAmount': '10',
          }),
        ),
      ).toEqual([]);
      expect(
        ids(
          status(layout, {
            ...support,
            'legacy.numberOfSupporters': '1',
            'legacy.activityInKind.other': 'Food',
          }),
        ),
      ).toEqual([]);
      expect(ids(status(layout, { ...support, 'legacy.numberOfSupporters': '1' }))).toEqual(['L6']);
      expect(ids(status(layout, { ...support, 'legacy.totalMonetaryAmount': '10' }))).toEqual(['L6']);
    }
    const p2010 = { ...support, 'legacy.numberOfSupporters': '1', 'legacy.totalSupportValue': '500' };
    expect(ids(status('PARS-2010', p2010))).toEqual([]);
    expect(ids(status('PARS-2010', { ...p2010, 'legacy.totalSupportValue': '' }))).toEqual(['L6']);
  });

  it('L8 is met by naming the joint provider; L10 by text in the last competency column', () => {
    expect(ids(status('PARS-D', { providership: 'Joint', jointProviders: 'Society' }))).toEqual([]);
    expect(
      ids(
        status('PARS-D', {
          'legacy.competencies.medicalKnowledge': 'No',
          'legacy.competencies.other': 'Leadership',
        }),
      ),
    ).toEqual([]);
  });

  it('missing requirements name the field and say what to give, in the layout’s own words', () => {
    const d = status('PARS-D', { providership: '', 'legacy.designedToChangePerformance': '' });
    expect(d.missing).toEqual([
      {
        requirement: 'L1',
        field: 'providership',
        message: expect.stringMatching(/^Providership \(Direct or Joint\) must be answered/),
      },
      {
        requirement: 'L7',
        field: 'legacy.designedToChangePerformance',
        message: expect.stringMatching(/not answered: Designed to change Performance\?$/),
      },
    ]);
    const b = status('PARS-B', { providership: '', otherLearnerCount: '' });
    expect(b.missing.map((m) => m.message)).toEqual([
      expect.stringMatching(/^Sponsorship/),
      expect.stringMatching(/^# of non-Physicians must be given/),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('codes this layer emits', () => {
  it('covers every ACT-* and row FMT-* code of the legacy mapping', () => {
    const scenarios: LegacyRowResult[] = [
      mapD({ providerActivityId: '' }),
      mapD({ title: '' }),
      mapD({ 'legacy.subcategories.other': 'x'.repeat(201) }),
      mapD({ startDate: '2016-03-18' }),
      mapD({ startDate: '02/30/2016' }),
      mapD({ format: 'OTH' }),
      mapD({ commercialSupportReceived: 'Maybe' }),
      mapD({ physicianLearnerCount: '1,040' }),
      mapD({ physicianLearnerCount: '-5' }),
      mapD({ creditsDesignated: '1.125' }),
      mapD({}, [['Acme', '$5,000']]),
      mapD({}, [['', '100']]),
      mapD({ reportingYear: '2014' }),
      mapD({ format: 'JN' }),
      mapD({ 'legacy.competencies.other': 'a\nb' }),
      mapLegacyRow('PARS-D', legacyRow('PARS-D', D_FULL).slice(1), 1),
      mapD({ 'legacy.template': 'Template C' }),
    ];
    const seen = new Set(scenarios.flatMap((s) => [...codes(s.errors), ...codes(s.warnings)]));
    expect([...seen].sort()).toEqual(
      [
        'ACT-AMOUNT-FORMAT',
        'ACT-BOOLEAN',
        'ACT-CREDIT-PRECISION',
        'ACT-DATE-FORMAT',
        'ACT-DATE-INVALID',
        'ACT-FORMAT-CODE',
        'ACT-KEY-MISSING',
        'ACT-LEGACY-END-DATE',
        'ACT-LEGACY-YEAR',
        'ACT-NUMBER-FORMAT',
        'ACT-NUMBER-RANGE',
        'ACT-REQUIRED',
        'ACT-SUPPORTER-GROUP',
        'ACT-TEXT-LENGTH',
        'ACT-VALUE-IGNORED',
        'FMT-CONTROL-CHAR',
        'FMT-FIELD-COUNT',
        'FMT-TEMPLATE-MISMATCH',
      ].sort(),
    );
    for (const s of scenarios) {
      for (const issue of [...s.errors, ...s.warnings]) {
        expect(issue.columnName).not.toBe('');
        expect(issue.message.length).toBeGreaterThan(30);
      }
    }
  });
});
