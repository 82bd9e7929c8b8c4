import type { ActivityInput } from '../../activities/activity.schema';
import type { Requirement } from '../../activities/activity-fields.rules';
import {
  type CellResult,
  isCellError,
  parseCodeCell,
  parseDateCell,
  parseDecimalCell,
  parseIntegerCell,
  parseMoneyCell,
  parseTextCell,
  parseYesNoCell,
  parseYesNoOrTextCell,
  splitNames,
} from './cells';
import type { DelimitedRow } from './delimited-reader';
import type { RowIssue } from './issues';
import type { LegacyLayoutId } from './layout-detect';
import { legacyMarkerLayout } from './layout-detect';
import {
  EVALUATED_OUTCOMES,
  GROUP_SIZE,
  type GroupColumn,
  groupColumns,
  headingOf,
  IN_KIND,
  LAYOUT_OF_RULE_SET,
  LEGACY_LAYOUTS,
  type LegacyColumn,
  type LegacyLayoutSpec,
  type LegacyRuleSet,
} from './legacy-columns';

// Legacy PARS activity templates D, C, B and pre-2011 (spec/formats.md §3): structural checks (§3.5),
// the mapping of a row to the canonical activity input (§3.1–§3.6) and the legacy status rules (§3.7).
// Meaning checks that every channel shares (code lists, text lengths of record fields, support
// consistency) stay in activities/activity.rules.ts; this layer reads cells and maps columns.

export type { LegacyRuleSet } from './legacy-columns';
export { LEGACY_LAYOUTS } from './legacy-columns';

export type LegacyYesNoText = boolean | string | null;

export type LegacySubcategories = {
  caseBased: boolean | null;
  lecture: boolean | null;
  panel: boolean | null;
  simulation: boolean | null;
  skillBased: boolean | null;
  smallGroup: boolean | null;
  other: LegacyYesNoText;
};

export type LegacyCompetencies = {
  patientCare: boolean | null;
  medicalKnowledge: boolean | null;
  practiceBasedLearning: boolean | null;
  communication: boolean | null;
  professionalism: boolean | null;
  systemsBased: boolean | null;
  patientCentered: boolean | null;
  interdisciplinary: boolean | null;
  evidenceBased: boolean | null;
  qualityImprovement: boolean | null;
  informatics: boolean | null;
  ipecValues: boolean | null;
  ipecRoles: boolean | null;
  ipecCommunication: boolean | null;
  ipecTeams: boolean | null;
  other: LegacyYesNoText;
};

export type LegacyInKind = {
  durableEquipment: boolean | null;
  facilitiesSpace: boolean | null;
  disposableSupplies: boolean | null;
  animalParts: boolean | null;
  humanParts: boolean | null;
  other: LegacyYesNoText;
};

/**
 * `legacy.*` of activities.md §1.7. Parts a layout does not collect are null: `competencies` in
 * Template B and pre-2011 files, `activityInKind` outside Templates C and B, and so on.
 */
export type LegacyFields = {
  /** the layout the record came from */
  template: LegacyLayoutId;
  reportingYear: number;
  /** the old Activity Type code (IL, IEM, …) */
  activityType: string;
  hoursOfInstruction: number | null;
  designedToChangeCompetence: boolean | null;
  designedToChangePerformance: boolean | null;
  designedToChangePatientOutcomes: boolean | null;
  changesEvaluatedCompetence: boolean | null;
  changesEvaluatedPerformance: boolean | null;
  changesEvaluatedPatientOutcomes: boolean | null;
  subcategories: LegacySubcategories;
  competencies: LegacyCompetencies | null;
  numberOfSupporters: number | null;
  totalMonetaryAmount: number | null;
  totalSupportValue: number | null;
  activityInKind: LegacyInKind | null;
  advertisingExhibitIncome: number | null;
  otherIncome: number | null;
  expenses: number | null;
};

export type LegacyActivityInput = ActivityInput & {
  ruleSet: LegacyRuleSet;
  reportingYear: number;
  /** ACCME Activity ID: names an existing legacy activity of the provider and year (§3.7). */
  parsActivityId: number | null;
  legacy: LegacyFields;
};

export type LegacyRowResult = {
  /** null when the row is rejected: `errors` then lists every reason this layer found. */
  input: LegacyActivityInput | null;
  errors: RowIssue[];
  warnings: RowIssue[];
};

export type LegacyStatus = {
  status: 'DRAFT' | 'CLOSED';
  targetStatus: 'CLOSED';
  missing: Requirement[];
};

// ---------------------------------------------------------------------------------------------
// Activity Type → format + delivery method (§3.6)

const TYPES: Record<string, { format: string; deliveryMethod: string | null }> = {
  C: { format: 'C', deliveryMethod: 'IN_PERSON' },
  RSS: { format: 'RSS', deliveryMethod: 'IN_PERSON' },
  IL: { format: 'C', deliveryMethod: 'ONLINE' },
  EM: { format: 'EM', deliveryMethod: 'PRINT' },
  IEM: { format: 'EM', deliveryMethod: 'ONLINE' },
  JN: { format: 'JN', deliveryMethod: null },
  MR: { format: 'MR', deliveryMethod: null },
  TIW: { format: 'TIW', deliveryMethod: null },
  CML: { format: 'CML', deliveryMethod: null },
  PI: { format: 'PI', deliveryMethod: null },
  ISL: { format: 'ISL', deliveryMethod: null },
  LFT: { format: 'LFT', deliveryMethod: null },
};
export const LEGACY_ACTIVITY_TYPES = Object.keys(TYPES);
/** Types whose location is kept; the end date is the Activity Date for C and IL only. */
const LOCATED_TYPES = new Set(['C', 'RSS']);
const ONE_DAY_TYPES = new Set(['C', 'IL']);

const TEXT_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Structure (§3.5, §2.7)

const columnName = (c: Pick<LegacyColumn, 'heading'>) => c.heading;
const label = (c: Pick<LegacyColumn, 'heading'>, index: number) => `${c.heading} (column ${index + 1})`;

function fieldCountMessage(spec: LegacyLayoutSpec, count: number): string {
  const fixed = spec.columns.length;
  const least = fixed + GROUP_SIZE * spec.minGroups;
  const allowed = [0, 1, 2].map((k) => least + GROUP_SIZE * k).join(', ');
  const groups =
    spec.minGroups > 0
      ? `${fixed} fields plus 8 for each commercial supporter group, at least one group (${allowed}, …)`
      : `${fixed} fields plus 8 for each commercial supporter (${allowed}, …)`;
  const nearest =
    count < least ? least : count + ((GROUP_SIZE - ((count - fixed) % GROUP_SIZE)) % GROUP_SIZE);
  return `${spec.name} rows must have ${groups}; this row has ${count}. Keep every column even when it is empty (an empty field is nothing between two tabs); a row of ${nearest} fields would be valid, so check for a missing or extra tab.`;
}

/**
 * §3.5 field count (FMT-FIELD-COUNT) and the template marker (FMT-TEMPLATE-MISMATCH: a row whose
 * marker differs from the file's layout). An empty marker is not a mismatch but a missing value
 * (ACT-REQUIRED, reported by `mapLegacyRow`).
 */
export function checkLegacyStructure(
  layout: LegacyLayoutId,
  fields: readonly string[],
  line: number,
): RowIssue[] {
  const spec = LEGACY_LAYOUTS[layout];
  const issues: RowIssue[] = [];
  const fixed = spec.columns.length;
  const n = fields.length;
  if (n < fixed + GROUP_SIZE * spec.minGroups || (n - fixed) % GROUP_SIZE !== 0) {
    issues.push({
      line,
      path: '',
      columnName: `column ${n}`,
      code: 'FMT-FIELD-COUNT',
      message: fieldCountMessage(spec, n),
      value: String(n),
    });
  }
  const first = fields[0] ?? '';
  const firstColumn = spec.columns[0] as LegacyColumn;
  if (spec.marker !== null && first !== '' && legacyMarkerLayout(first) !== layout) {
    const other = legacyMarkerLayout(first);
    issues.push({
      line,
      path: 'legacy.template',
      columnName: columnName(firstColumn),
      code: 'FMT-TEMPLATE-MISMATCH',
      message: other
        ? `${label(firstColumn, 0)} says "${first}", but this file is a ${spec.name} file (its first row says so) and every row of a file must use the same template. Upload ${LEGACY_LAYOUTS[other].name} rows in a file of their own.`
        : `${label(firstColumn, 0)} must be "${spec.marker}" in a ${spec.name} file; "${first}" is not. Do not alter this column.`,
      value: first,
    });
  }
  if (spec.marker === null && /^template\b/i.test(first)) {
    issues.push({
      line,
      path: 'reportingYear',
      columnName: columnName(firstColumn),
      code: 'FMT-TEMPLATE-MISMATCH',
      message: `This row starts with "${first}", but this file is a pre-2011 PARS file (its first row starts with the Reporting Year) and every row of a file must use the same layout. Upload template rows in a file of their own.`,
      value: first,
    });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Reading one row

type Cell = { column: LegacyColumn; index: number; raw: string };
type Value = string | number | boolean | string[] | null;

// Column positions per layout, computed once.
const INDEXES = new Map<LegacyLayoutId, Map<string, number>>();
function indexOf(spec: LegacyLayoutSpec): Map<string, number> {
  let index = INDEXES.get(spec.layout);
  if (!index) {
    index = new Map(spec.columns.map((c, i) => [c.path, i]));
    INDEXES.set(spec.layout, index);
  }
  return index;
}

class RowReader {
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  private readonly index: Map<string, number>;
  /** value per fixed column: null = empty, undefined = unreadable (reported) */
  private readonly values: (Value | undefined)[];

  constructor(
    readonly spec: LegacyLayoutSpec,
    readonly fields: readonly string[],
    readonly line: number,
  ) {
    this.index = indexOf(spec);
    this.values = spec.columns.map((column, i) => this.parse({ column, index: i, raw: fields[i] ?? '' }));
  }

  cell(path: string): Cell {
    const i = this.index.get(path);
    if (i === undefined) throw new Error(`no column ${path} in ${this.spec.layout}`);
    return { column: this.spec.columns[i] as LegacyColumn, index: i, raw: this.fields[i] ?? '' };
  }

  has(path: string): boolean {
    return this.index.has(path);
  }

  /** The value of a column: null when empty or (with the error reported) unreadable. */
  value<T extends Value>(path: string): T | null {
    const i = this.index.get(path);
    return (i === undefined ? null : (this.values[i] ?? null)) as T | null;
  }

  error(cell: Cell, code: string, message: string, value: string | null = cell.raw || null, path?: string) {
    this.errors.push(this.issue(cell, code, message, value, path));
  }

  warn(cell: Cell, code: string, message: string, value: string | null = cell.raw || null, path?: string) {
    this.warnings.push(this.issue(cell, code, message, value, path));
  }

  required(path: string, what: string): void {
    const cell = this.cell(path);
    if (cell.raw !== '') return;
    this.error(cell, 'ACT-REQUIRED', `${label(cell.column, cell.index)} is required: ${what}`, null);
  }

  /** Reads a cell by its kind; reports a syntax error and answers undefined when unreadable. */
  parse(cell: Cell): Value | undefined {
    if (cell.raw === '') return cell.column.kind === 'names' ? [] : null;
    const result = parseCell(cell, this.spec);
    if (isCellError(result)) {
      this.error(cell, result.error.code, result.error.message);
      return undefined;
    }
    return result.value;
  }

  private issue(cell: Cell, code: string, message: string, value: string | null, path?: string): RowIssue {
    return {
      line: this.line,
      path: path ?? cell.column.path,
      columnName: columnName(cell.column),
      code,
      message,
      value,
    };
  }
}

function parseCell(cell: Cell, spec: LegacyLayoutSpec): CellResult<Value> {
  const { column, raw } = cell;
  const name = label(column, cell.index);
  switch (column.kind) {
    case 'marker':
    case 'code':
      return parseCodeCell(raw);
    case 'text':
      return parseTextCell(raw);
    case 'names':
      return { value: splitNames(raw) };
    case 'parsId':
      return parsIdCell(raw, name);
    case 'year':
      return yearCell(raw, name, spec);
    case 'date':
      return parseDateCell(raw, { label: name });
    case 'decimal':
      // §3.6: legacy hours and credits need not be multiples of 0.25; at most 2 decimals.
      return parseDecimalCell(raw, { label: name, precision: 'legacy' });
    case 'integer':
      return parseIntegerCell(raw, { label: name });
    case 'money':
      return parseMoneyCell(raw, { label: name });
    case 'yesno':
      return parseYesNoCell(raw, { label: name });
    case 'yesnoText':
      return parseYesNoOrTextCell(raw, { label: name, max: TEXT_MAX });
  }
}

function parsIdCell(raw: string, name: string): CellResult<number> {
  if (raw === '') return { value: null };
  if (/^\d{1,12}$/.test(raw)) return { value: Number(raw) };
  return {
    error: {
      code: 'ACT-NUMBER-FORMAT',
      message: `${name} must be the PARS activity number OpenPARS assigned (1–12 digits, such as 201601234); "${raw}" is not. Leave it empty for a new activity and give the Provider Activity ID instead`,
    },
  };
}

function yearCell(raw: string, name: string, spec: LegacyLayoutSpec): CellResult<number> {
  if (raw === '') return { value: null };
  const [from, to] = spec.years;
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (year >= from && year <= to) return { value: year };
  return {
    error: {
      code: 'ACT-LEGACY-YEAR',
      message: `${name} must be a 4-digit year from ${from} to ${to} in a ${spec.name} file; "${raw}" is not. Use the template of that reporting year (activities from 2022 on are reported with the OpenPARS activity sheet)`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Mapping (§3.6)

const bool = (v: Value | null): boolean | null => (typeof v === 'boolean' ? v : null);
const yesNoText = (v: Value | null): LegacyYesNoText =>
  typeof v === 'boolean' || typeof v === 'string' ? v : null;
const num = (v: Value | null): number | null => (typeof v === 'number' ? v : null);
const str = (v: Value | null): string | null => (typeof v === 'string' ? v : null);

const SUBCATEGORY_KEYS = ['caseBased', 'lecture', 'panel', 'simulation', 'skillBased', 'smallGroup'];
const COMPETENCY_KEYS = [
  'patientCare',
  'medicalKnowledge',
  'practiceBasedLearning',
  'communication',
  'professionalism',
  'systemsBased',
  'patientCentered',
  'interdisciplinary',
  'evidenceBased',
  'qualityImprovement',
  'informatics',
  'ipecValues',
  'ipecRoles',
  'ipecCommunication',
  'ipecTeams',
];
const IN_KIND_KEYS = IN_KIND.filter((k) => k.key !== 'other').map((k) => k.key);

/** A group of Yes/No columns plus its "Other" (Yes/No or text); paths built once, not per row. */
type FlagGroup = { keys: readonly string[]; paths: readonly string[]; other: string };
const flagGroup = (prefix: string, keys: readonly string[]): FlagGroup => ({
  keys,
  paths: keys.map((k) => `${prefix}${k}`),
  other: `${prefix}other`,
});
const SUBCATEGORY_GROUP = flagGroup('legacy.subcategories.', SUBCATEGORY_KEYS);
const COMPETENCY_GROUP = flagGroup('legacy.competencies.', COMPETENCY_KEYS);
const ACTIVITY_IN_KIND_GROUP = flagGroup('legacy.activityInKind.', IN_KIND_KEYS);

function flags<T>(r: RowReader, group: FlagGroup): T | null {
  if (!r.has(group.other)) return null;
  const out: Record<string, LegacyYesNoText> = {};
  group.keys.forEach((k, i) => {
    out[k] = bool(r.value(group.paths[i] as string));
  });
  out.other = yesNoText(r.value(group.other));
  return out as T;
}

type TypeInfo = { code: string; format: string; deliveryMethod: string | null };

function readType(r: RowReader): TypeInfo | null {
  const cell = r.cell('format');
  const code = r.value<string>('format');
  if (code === null) return null;
  const mapped = TYPES[code];
  if (!mapped) {
    r.error(
      cell,
      'ACT-FORMAT-CODE',
      `${label(cell.column, cell.index)} must be one of ${LEGACY_ACTIVITY_TYPES.join(', ')}; "${cell.raw}" is not. Use the code of the template's Activity Type list (IL = internet live course, IEM = internet enduring material)`,
    );
    return null;
  }
  return { code, ...mapped };
}

type Location = { city: string | null; state: string | null; country: string | null };

function readLocation(r: RowReader, type: TypeInfo | null): Location {
  const given: Location = {
    city: r.value<string>('city'),
    state: r.value<string>('state'),
    country: r.value<string>('country'),
  };
  if (type === null) return given;
  if (LOCATED_TYPES.has(type.code)) {
    const place = `a ${type.code === 'C' ? 'course (C)' : 'regularly scheduled series (RSS)'} takes place somewhere`;
    r.required('city', `${place}; give the city`);
    r.required('country', `${place}; give the 3-letter country code such as USA or CAN`);
    if (given.country === 'USA')
      r.required('state', 'Country is USA; give the 2-letter USPS code such as GA');
    return given;
  }
  for (const path of ['city', 'state', 'country'] as const) {
    const cell = r.cell(path);
    if (cell.raw === '') continue;
    r.warn(
      cell,
      'ACT-VALUE-IGNORED',
      `${label(cell.column, cell.index)} applies only to courses (C) and regularly scheduled series (RSS), so "${cell.raw}" was discarded for an activity of type ${type.code}. Leave it empty for other types`,
    );
  }
  return { city: null, state: null, country: null };
}

type Supporter = NonNullable<ActivityInput['commercialSupporters']>[number];

function readSupporterGroups(r: RowReader): Supporter[] {
  const supporters: Supporter[] = [];
  const fixed = r.spec.columns.length;
  const groups = (r.fields.length - fixed) / GROUP_SIZE;
  for (let g = 0; g < groups; g++) {
    const start = fixed + g * GROUP_SIZE;
    const cells = groupColumns(g).map((column, i) => ({
      column,
      index: start + i,
      raw: r.fields[start + i] ?? '',
    }));
    if (cells.every((c) => c.raw === '')) continue; // an all-empty group is ignored (§3.5)
    const values = new Map<GroupColumn['field'], Value | undefined>();
    for (const c of cells) values.set(c.column.field, r.parse(c));
    const [nameCell, amountCell] = cells as unknown as [Cell, Cell];
    const name = str(values.get('name') ?? null);
    const first = start + 1;
    if (name === null) {
      r.error(
        nameCell,
        'ACT-SUPPORTER-GROUP',
        `Commercial supporter group ${g + 1} (columns ${first}–${first + GROUP_SIZE - 1}) has answers but no ${label(nameCell.column, nameCell.index)}; give the company's name, or clear the whole group`,
        null,
      );
      continue;
    }
    const before = supporters.length;
    const amount = values.get('amount');
    if (typeof amount === 'number' && amount > 0) supporters.push({ name, kind: 'MONETARY', amount });
    if (amount === 0) {
      r.warn(
        amountCell,
        'ACT-VALUE-IGNORED',
        `${label(amountCell.column, amountCell.index)} is 0, which means no money, so no monetary support was recorded for ${name}. Leave it empty when the supporter gave no money`,
      );
    }
    const inKindTypes: string[] = [];
    let inKindOther: string | null = null;
    for (const k of IN_KIND) {
      const v = values.get(k.key);
      if (v === true || (k.key === 'other' && typeof v === 'string')) inKindTypes.push(k.code);
      if (k.key === 'other' && typeof v === 'string') inKindOther = v;
    }
    if (inKindTypes.length > 0) supporters.push({ name, kind: 'IN_KIND', inKindTypes, inKindOther });
    const readable = cells.every((c) => values.get(c.column.field) !== undefined);
    if (readable && amount !== 0 && supporters.length === before) {
      r.warn(
        nameCell,
        'ACT-VALUE-IGNORED',
        `Commercial supporter ${name} (group ${g + 1}) has neither a monetary amount nor an in-kind answer of Yes, so no support was recorded for it. Give the amount received or mark the in-kind support`,
      );
    }
  }
  return supporters;
}

/**
 * §3.1–§3.6: one legacy row → the canonical activity input of its rule set. Structural problems
 * (FMT-FIELD-COUNT, FMT-TEMPLATE-MISMATCH) are reported alone, since columns cannot be trusted then;
 * otherwise every cell and open-rule failure of the row is reported (§8.3 item 4). The status is
 * computed by `evaluateLegacyStatus`.
 */
export function mapLegacyRow(
  layout: LegacyLayoutId,
  fields: readonly string[],
  line: number,
): LegacyRowResult {
  const structural = checkLegacyStructure(layout, fields, line);
  if (structural.length > 0) return { input: null, errors: structural, warnings: [] };
  const spec = LEGACY_LAYOUTS[layout];
  const r = new RowReader(spec, fields, line);

  // Open rules (§3.7): template, a key, Reporting Year, Activity Title, Activity Date, Activity Type.
  if (spec.marker !== null)
    r.required('legacy.template', `it must say "${spec.marker}"; do not alter this column`);
  const parsActivityId = r.value<number>('parsActivityId');
  const providerActivityId = r.value<string>('providerActivityId');
  if (r.cell('parsActivityId').raw === '' && providerActivityId === null) {
    const cell = r.cell('providerActivityId');
    const pars = r.cell('parsActivityId');
    r.error(
      cell,
      'ACT-KEY-MISSING',
      `${label(cell.column, cell.index)} is required to add an activity: give your own ID for it, or give the ${label(pars.column, pars.index)} of an activity that OpenPARS already holds`,
      null,
    );
  }
  r.required(
    'reportingYear',
    `the 4-digit year the activity is reported for, ${spec.years[0]}–${spec.years[1]}`,
  );
  r.required('title', 'give the title of the activity');
  r.required('startDate', 'give the date the activity started, as MM/DD/YYYY');
  r.required('format', `give one of ${LEGACY_ACTIVITY_TYPES.join(', ')}`);

  const reportingYear = r.value<number>('reportingYear');
  const startDate = r.value<string>('startDate');
  const type = readType(r);
  if (reportingYear !== null && startDate !== null && Number(startDate.slice(0, 4)) > reportingYear) {
    const cell = r.cell('reportingYear');
    r.error(
      cell,
      'ACT-LEGACY-YEAR',
      `${label(cell.column, cell.index)} ${reportingYear} is earlier than the year of the Activity Date (${startDate.slice(0, 4)}); an activity is reported in the year it started or a later one, so correct the year or the date`,
    );
  }
  const location = readLocation(r, type);

  // §3.6 dates: C and IL are one-day events; for every other type the end date is 31 Dec of the year.
  let endDate: string | null = null;
  if (type && startDate !== null && reportingYear !== null) {
    if (ONE_DAY_TYPES.has(type.code)) {
      endDate = startDate;
    } else {
      endDate = `${reportingYear}-12-31`;
      const cell = r.cell('reportingYear');
      r.warn(
        cell,
        'ACT-LEGACY-END-DATE',
        `The end date was set to 12/31/${reportingYear}, the end of the Reporting Year, because ${spec.name} files have no end date and a ${type.code} activity can run past its Activity Date`,
        endDate,
        'endDate',
      );
    }
  }

  const supporters = readSupporterGroups(r);
  if (r.errors.length > 0 || type === null || reportingYear === null || startDate === null) {
    return { input: null, errors: r.errors, warnings: r.warnings };
  }

  const outcomeMeasures = EVALUATED_OUTCOMES.filter((o) => r.value(o.path) === true).map((o) => o.measure);
  const legacy: LegacyFields = {
    template: layout,
    reportingYear,
    activityType: type.code,
    hoursOfInstruction: num(r.value('legacy.hoursOfInstruction')),
    designedToChangeCompetence: bool(r.value('legacy.designedToChangeCompetence')),
    designedToChangePerformance: bool(r.value('legacy.designedToChangePerformance')),
    designedToChangePatientOutcomes: bool(r.value('legacy.designedToChangePatientOutcomes')),
    changesEvaluatedCompetence: bool(r.value('legacy.changesEvaluatedCompetence')),
    changesEvaluatedPerformance: bool(r.value('legacy.changesEvaluatedPerformance')),
    changesEvaluatedPatientOutcomes: bool(r.value('legacy.changesEvaluatedPatientOutcomes')),
    subcategories: flags<LegacySubcategories>(r, SUBCATEGORY_GROUP) as LegacySubcategories,
    competencies: flags<LegacyCompetencies>(r, COMPETENCY_GROUP),
    numberOfSupporters: r.has('legacy.numberOfSupporters') ? num(r.value('legacy.numberOfSupporters')) : null,
    totalMonetaryAmount: r.has('legacy.totalMonetaryAmount')
      ? num(r.value('legacy.totalMonetaryAmount'))
      : null,
    totalSupportValue: r.has('legacy.totalSupportValue') ? num(r.value('legacy.totalSupportValue')) : null,
    activityInKind: flags<LegacyInKind>(r, ACTIVITY_IN_KIND_GROUP),
    advertisingExhibitIncome: r.has('legacy.advertisingExhibitIncome')
      ? num(r.value('legacy.advertisingExhibitIncome'))
      : null,
    otherIncome: r.has('legacy.otherIncome') ? num(r.value('legacy.otherIncome')) : null,
    expenses: r.has('legacy.expenses') ? num(r.value('legacy.expenses')) : null,
  };

  const input: LegacyActivityInput = {
    ruleSet: spec.ruleSet,
    reportingYear,
    parsActivityId,
    providerActivityId,
    title: r.value<string>('title'),
    format: type.format,
    deliveryMethod: type.deliveryMethod,
    startDate,
    endDate,
    ...location,
    creditsDesignated: num(r.value('creditsDesignated')),
    description: r.value<string>('description'),
    providership: r.value<string>('providership'),
    jointProviders: r.value<string[]>('jointProviders') ?? [],
    listInPassport: false,
    outcomeMeasures,
    commercialSupportReceived: bool(r.value('commercialSupportReceived')),
    commercialSupporters: supporters,
    physicianLearnerCount: num(r.value('physicianLearnerCount')),
    otherLearnerCount: num(r.value('otherLearnerCount')),
    legacy,
  };
  return { input, errors: [], warnings: r.warnings };
}

/** A row from `readDelimited`: its FMT-QUOTE errors reject it before any mapping. */
export function mapLegacyDelimitedRow(layout: LegacyLayoutId, row: DelimitedRow): LegacyRowResult {
  if (row.errors.length > 0) return { input: null, errors: row.errors, warnings: [] };
  return mapLegacyRow(layout, row.fields, row.line);
}

// ---------------------------------------------------------------------------------------------
// Status (§3.7)

const ANSWERED_QUESTIONS = [
  'designedToChangeCompetence',
  'changesEvaluatedCompetence',
  'designedToChangePerformance',
  'changesEvaluatedPerformance',
  'designedToChangePatientOutcomes',
  'changesEvaluatedPatientOutcomes',
] as const;

/**
 * §3.7 close rules L1–L10 of a legacy rule set. The open rules are enforced by `mapLegacyRow` (a row
 * failing them is rejected with ACT-REQUIRED / ACT-KEY-MISSING and never reaches this). All rules that
 * apply → CLOSED; otherwise DRAFT with each failing requirement listed. The target is always CLOSED.
 */
export function evaluateLegacyStatus(input: LegacyActivityInput, ruleSet: LegacyRuleSet): LegacyStatus {
  const layout = LAYOUT_OF_RULE_SET[ruleSet];
  const heading = (path: string) => headingOf(layout, path);
  const missing: Requirement[] = [];
  const need = (requirement: string, field: string, message: string) =>
    missing.push({ requirement, field, message });
  const legacy = input.legacy;
  const toClose = 'to close the activity';

  if (input.providership == null) {
    need('L1', 'providership', `${heading('providership')} (Direct or Joint) must be answered ${toClose}`);
  }
  if (!(legacy.hoursOfInstruction != null && legacy.hoursOfInstruction > 0)) {
    need(
      'L2',
      'legacy.hoursOfInstruction',
      `${heading('legacy.hoursOfInstruction')} must be more than 0 ${toClose}`,
    );
  }
  if (input.physicianLearnerCount == null) {
    need(
      'L3',
      'physicianLearnerCount',
      `${heading('physicianLearnerCount')} must be given ${toClose} (0 is a valid count)`,
    );
  }
  if (input.otherLearnerCount == null) {
    need(
      'L4',
      'otherLearnerCount',
      `${heading('otherLearnerCount')} must be given ${toClose} (0 is a valid count)`,
    );
  }
  if (input.commercialSupportReceived == null) {
    need(
      'L5',
      'commercialSupportReceived',
      `${heading('commercialSupportReceived')} must be answered Yes or No ${toClose}`,
    );
  } else if (input.commercialSupportReceived) {
    const l6 = supportDetailMissing(input, ruleSet, heading);
    if (l6) need('L6', l6.field, l6.message);
  }
  const unanswered = ANSWERED_QUESTIONS.filter((q) => legacy[q] == null);
  const firstUnanswered = unanswered[0];
  if (firstUnanswered) {
    need(
      'L7',
      `legacy.${firstUnanswered}`,
      `Every designed/evaluated question must be answered Yes or No ${toClose}; not answered: ${unanswered.map((q) => heading(`legacy.${q}`)).join(', ')}`,
    );
  }
  if (ruleSet === 'PARS2015') {
    if (input.providership === 'JOINT' && !(input.jointProviders?.length ?? 0)) {
      need(
        'L8',
        'jointProviders',
        `${heading('jointProviders')} must name the joint provider(s) of a Joint activity ${toClose}`,
      );
    }
    if (input.creditsDesignated == null) {
      need('L9', 'creditsDesignated', `${heading('creditsDesignated')} must be given ${toClose}`);
    }
    const competencies = legacy.competencies;
    const any =
      competencies !== null &&
      Object.values(competencies).some((v) => v === true || (typeof v === 'string' && v !== ''));
    if (!any) {
      need(
        'L10',
        'legacy.competencies',
        `At least one competency (columns 32–47) must be Yes, or ${heading('legacy.competencies.other')} must describe the competencies addressed, ${toClose}`,
      );
    }
  }
  return { status: missing.length === 0 ? 'CLOSED' : 'DRAFT', targetStatus: 'CLOSED', missing };
}

function supportDetailMissing(
  input: LegacyActivityInput,
  ruleSet: LegacyRuleSet,
  heading: (path: string) => string,
): { field: string; message: string } | null {
  const legacy = input.legacy;
  const supporters = legacy.numberOfSupporters ?? 0;
  if (ruleSet === 'PARS2015') {
    if ((input.commercialSupporters?.length ?? 0) > 0) return null;
    return {
      field: 'commercialSupporters',
      message:
        'Commercial support was received: give at least one supporter group with the Commercial Support Source and a Monetary Amount Received or an In Kind answer of Yes to close the activity',
    };
  }
  if (ruleSet === 'PARS2010') {
    if (supporters >= 1 && (legacy.totalSupportValue ?? 0) > 0) return null;
    return {
      field: supporters >= 1 ? 'legacy.totalSupportValue' : 'legacy.numberOfSupporters',
      message: `Commercial support was received: give the ${heading('legacy.totalSupportValue')} and a ${heading('legacy.numberOfSupporters')} of at least 1 to close the activity`,
    };
  }
  const inKind = legacy.activityInKind;
  const anyInKind =
    inKind !== null && Object.values(inKind).some((v) => v === true || (typeof v === 'string' && v !== ''));
  if (supporters >= 1 && ((legacy.totalMonetaryAmount ?? 0) > 0 || anyInKind)) return null;
  return {
    field: supporters >= 1 ? 'legacy.totalMonetaryAmount' : 'legacy.numberOfSupporters',
    message: `Commercial support was received: give a ${heading('legacy.numberOfSupporters')} of at least 1 and the ${heading('legacy.totalMonetaryAmount')} or an activity in-kind answer of Yes to close the activity`,
  };
}
