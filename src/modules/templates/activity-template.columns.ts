import { z } from 'zod';
import { codeList } from '../../reference/codes';
import {
  activityInputSchema,
  commercialSupporterSchema,
  enduringCountSchema,
  mipsSchema,
  mocRegistrationSchema,
  remsSchema,
} from '../activities/activity.schema';
import {
  ACTIVITY_FIELD_LABELS,
  fieldLabel,
  fieldWords,
  PRACTICE_TYPE_LABELS,
  PROVIDERSHIP_LABELS,
  REGISTRATION_LABELS,
  REMS_TYPE_LABELS,
  REQUESTED_STATUS_LABELS,
  SUPPORT_KIND_LABELS,
} from '../activities/activity-labels';
import type { readSheetCell } from '../uploads/formats/sheet.adapter';
import type { ListItem, SheetTemplate, TemplateColumn, TemplateList } from './sheet-template';

// The OpenPARS activity sheet template (formats.md §4.1, §4.3), generated from activityInputSchema and
// its nested schemas: every writable field becomes a column, named as the sheet reader
// (layout-detect.ts `classifyActivityHeading`) expects, with the schema's help text as its rule. How a
// value is written follows the zod type; the only facts a zod type cannot tell (which strings are dates,
// which lists hold names rather than codes, which code list a field draws on) are the small tables below,
// and activity-template.columns.test.ts reads a sample row of every column back through the sheet reader
// and the activity rules, so a table that drifts from them fails there.

/** The cell kinds of the sheet reader (sheet.adapter.ts), so a renamed kind breaks the build here. */
export type CellKind = Parameters<typeof readSheetCell>[0];

/** Supporter groups offered (formats.md §4.3); a file may add more groups. */
export const SUPPORTER_GROUPS = 5;

export type ActivityTemplateSources = {
  /** Certifying boards taking MOC registrations: one block of MOC columns each. */
  boards: readonly { code: string; name: string }[];
  /** Calendar years offered for enduring-material counts. */
  enduringYears: readonly number[];
  /** Active entries of the board-maintained lists and the REMS Blueprint sections. */
  practiceAreas: Readonly<Record<string, readonly ListItem[]>>;
  contentAreas: Readonly<Record<string, readonly ListItem[]>>;
  blueprintSections: readonly ListItem[];
  /** The operator's topic list, when there is one (without it any topic code is taken). */
  topics: readonly ListItem[];
};

// ---------------------------------------------------------------------------------------------
// Facts the zod types do not carry

/** Strings that are dates (schema `dateText`). */
const DATE_FIELDS = new Set(['startDate', 'endDate', 'mocRegistrations.claimDate']);
/** Lists of free-text names rather than codes (`;` inside a name is written `\;`). */
const NAME_LISTS = new Set(['jointProviders']);

const fromLabels = (labels: Record<string, string>): ListItem[] =>
  Object.entries(labels).map(([code, name]) => ({ code, name }));
const fromCodeList = (name: Parameters<typeof codeList>[0]): ListItem[] =>
  codeList(name).map((r) => ({ code: r.code, name: r.name }));

// The sheet's `action` column (formats.md §4.1 special columns).
const ACTIONS: ListItem[] = [
  { code: 'UPSERT', name: 'Add the activity, or update it when the key exists (the default)' },
  { code: 'DELETE', name: 'Delete the activity' },
];
const YES_NO: ListItem[] = [
  { code: 'Yes', name: 'Yes' },
  { code: 'No', name: 'No' },
];

/** Lists that do not depend on the database, by the id the template shows. */
function fixedLists(): Record<string, ListItem[]> {
  return {
    'yes-no': YES_NO,
    actions: ACTIONS,
    'requested-statuses': fromLabels(REQUESTED_STATUS_LABELS),
    'activity-types': fromCodeList('activity-types'),
    'delivery-methods': fromCodeList('delivery-methods'),
    states: fromCodeList('states'),
    countries: fromCodeList('countries'),
    providership: fromLabels(PROVIDERSHIP_LABELS),
    registration: fromLabels(REGISTRATION_LABELS),
    'outcome-measures': fromCodeList('outcome-measures'),
    'support-kinds': fromLabels(SUPPORT_KIND_LABELS),
    'in-kind-types': fromCodeList('in-kind-types'),
    'ja-professions': fromCodeList('ja-professions'),
    'rems-types': fromLabels(REMS_TYPE_LABELS),
    'rems-professions': fromCodeList('rems-professions'),
    'rems-practice-types': fromLabels(PRACTICE_TYPE_LABELS),
  };
}

/** A value chosen from one list; keyed by field path with list indices and board codes left out. */
const CHOICE_LISTS: Record<string, string> = {
  action: 'actions',
  requestedStatus: 'requested-statuses',
  format: 'activity-types',
  deliveryMethod: 'delivery-methods',
  state: 'states',
  country: 'countries',
  providership: 'providership',
  registration: 'registration',
  'commercialSupporters.kind': 'support-kinds',
  'mocRegistrations.registration': 'registration',
  'rems.type': 'rems-types',
};

/** Several codes of a list in one cell (lists and maps); per-board lists are added by the builder. */
const CODE_LISTS: Record<string, string> = {
  topics: 'topics',
  outcomeMeasures: 'outcome-measures',
  'commercialSupporters.inKindTypes': 'in-kind-types',
  otherLearnersByProfession: 'ja-professions',
  'rems.blueprintSections': 'rems-blueprint-sections',
  'rems.byProfession': 'rems-professions',
  'rems.byPracticeType': 'rems-practice-types',
};

// ---------------------------------------------------------------------------------------------
// Kinds and words

function unwrapped(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

/** How the sheet reader reads the field, from its zod type; `path` as in the tables above. */
function cellKindOf(path: string, schema: z.ZodType): CellKind {
  if (DATE_FIELDS.has(path)) return 'date';
  if (CHOICE_LISTS[path]) return 'code';
  const s = unwrapped(schema);
  if (s instanceof z.ZodBoolean) return 'yesNo';
  if (s instanceof z.ZodNumber) return s.isInt ? 'integer' : 'credit';
  if (s instanceof z.ZodRecord) return 'countMap';
  if (s instanceof z.ZodArray) {
    if (s.element instanceof z.ZodObject) return 'creditTypes';
    return NAME_LISTS.has(path) ? 'names' : 'codeList';
  }
  return 'text';
}

export const KIND_WORDS: Record<CellKind, string> = {
  text: 'Text',
  code: 'Code',
  date: 'Date, written YYYY-MM-DD or MM/DD/YYYY (month first), such as 2025-03-14 or 03/14/2025',
  yesNo: 'Yes or No',
  credit: 'Decimal number with at most two places, such as 1.25',
  integer: 'Whole number',
  money: 'Whole US dollars',
  codeList: 'Codes separated by ; (semicolon)',
  names: 'Names separated by ; (semicolon); write a ; inside a name as \\;',
  countMap: 'CODE:count pairs separated by ;, such as NURSE:40;PHARMACIST:12',
  creditTypes: 'CREDIT-TYPE:amount pairs separated by ;, such as MK:52;PA:20',
};

/** IDs keep their leading zeros, and dates stay as typed, only in text-formatted cells. */
const keepsAsText = (kind: CellKind, field: string) => kind === 'date' || /Id$/.test(field);

// The sheet names attestations `attest` (formats.md §4.1); the JSON field is `attested`.
const sheetField = (key: string) => (key === 'attested' ? 'attest' : key);

type ColumnSource = {
  /** heading */
  name: string;
  /** field path for the tables (no indices, no board codes) */
  path: string;
  /** last segment of the field name in the schema */
  key: string;
  schema: z.ZodType;
  label: string;
  extraRule?: string;
  codeLists?: string[];
};

function column(src: ColumnSource): TemplateColumn {
  const kind = cellKindOf(src.path, src.schema);
  const rule = [src.schema.description ?? '', src.extraRule ?? ''].filter(Boolean).join(' ');
  const choiceList = CHOICE_LISTS[src.path] ?? (kind === 'yesNo' ? 'yes-no' : undefined);
  const codeLists = [
    ...(CODE_LISTS[src.path] ? [CODE_LISTS[src.path] as string] : []),
    ...(src.codeLists ?? []),
  ];
  return {
    name: src.name,
    label: src.label,
    type: KIND_WORDS[kind],
    rule,
    ...(choiceList ? { choiceList } : {}),
    ...(codeLists.length ? { codeLists } : {}),
    asText: keepsAsText(kind, src.key),
  };
}

// ---------------------------------------------------------------------------------------------
// Columns

const shapeOf = (schema: z.ZodObject) => Object.entries(schema.shape) as [string, z.ZodType][];

// `action` and `parsActivityId` are sheet columns, not fields of the input schema (formats.md §4.1).
// `repeatGroupKey` is left out while the sheet reader does not apply it, and `providerId` serves
// archive imports only.
function specialColumns(): TemplateColumn[] {
  return [
    {
      name: 'parsActivityId',
      label: 'PARS Activity ID',
      type: 'Whole number, 1–12 digits',
      rule: 'The ID OpenPARS assigned to the activity. Give it, or providerActivityId, to update an existing activity; leave it empty for a new one.',
      asText: true,
    },
    {
      name: 'action',
      label: 'Action',
      type: KIND_WORDS.code,
      rule: 'UPSERT (the default when empty) adds the activity or updates it; DELETE deletes it. U and D are accepted too.',
      choiceList: 'actions',
      asText: false,
    },
  ];
}

function supporterColumns(): TemplateColumn[] {
  const out: TemplateColumn[] = [];
  for (let n = 1; n <= SUPPORTER_GROUPS; n++) {
    for (const [key, schema] of shapeOf(commercialSupporterSchema)) {
      out.push(
        column({
          name: `commercialSupporters.${n}.${key}`,
          path: `commercialSupporters.${key}`,
          key,
          schema,
          label: fieldLabel(`commercialSupporters.${n - 1}.${key}`),
          ...(n === 1 && key === 'name'
            ? { extraRule: 'One group of columns per supporter; add groups 6, 7, … for more.' }
            : {}),
        }),
      );
    }
  }
  return out;
}

function enduringColumns(years: readonly number[]): TemplateColumn[] {
  const out: TemplateColumn[] = [];
  for (const year of years) {
    for (const [key, schema] of shapeOf(enduringCountSchema)) {
      if (key === 'year') continue; // the year is part of the heading
      out.push(
        column({
          name: `enduringCounts.${year}.${key}`,
          path: `enduringCounts.${key}`,
          key,
          schema,
          label: `${ACTIVITY_FIELD_LABELS.enduringCounts} ${year}, ${fieldWords(key)}`,
          extraRule: 'Enduring materials only; add columns for other years the same way.',
        }),
      );
    }
  }
  return out;
}

function mocColumns(boards: ActivityTemplateSources['boards']): TemplateColumn[] {
  const out: TemplateColumn[] = [];
  for (const board of boards) {
    for (const [key, schema] of shapeOf(mocRegistrationSchema)) {
      if (key === 'board') continue; // the board is part of the heading
      const field = sheetField(key);
      const perBoard =
        key === 'creditTypes' || key === 'practiceAreas' || key === 'contentAreas'
          ? `${listIdOf(key)} ${board.code}`
          : null;
      out.push(
        column({
          name: `mocRegistrations.${board.code}.${field}`,
          path: `mocRegistrations.${key}`,
          key,
          schema,
          label: `${ACTIVITY_FIELD_LABELS.mocRegistrations} ${board.code}, ${fieldWords(field)}`,
          ...(key === 'creditTypes' ? { extraRule: `${board.name}.` } : {}),
          ...(perBoard ? { codeLists: [perBoard] } : {}),
        }),
      );
    }
  }
  return out;
}

const listIdOf = (key: 'creditTypes' | 'practiceAreas' | 'contentAreas') =>
  ({ creditTypes: 'credit-types', practiceAreas: 'practice-areas', contentAreas: 'content-areas' })[key];

function nestedColumns(head: 'rems' | 'mips', schema: z.ZodObject): TemplateColumn[] {
  return shapeOf(schema).map(([key, s]) => {
    const field = sheetField(key);
    return column({
      name: `${head}.${field}`,
      path: `${head}.${key}`,
      key,
      schema: s,
      label: fieldLabel(`${head}.${field}`),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Lists

/** Every list a column may refer to; empty lists are left out (no drop-down, no note). */
function templateLists(sources: ActivityTemplateSources): TemplateList[] {
  const lists: TemplateList[] = Object.entries(fixedLists()).map(([id, items]) => ({ id, items }));
  lists.push({ id: 'topics', items: [...sources.topics] });
  lists.push({ id: 'rems-blueprint-sections', items: [...sources.blueprintSections] });
  for (const board of sources.boards) {
    const creditTypes = codeList('credit-types')
      .filter((r) => r.board === board.code)
      .map((r) => ({ code: r.code, name: r.provisional === 'yes' ? `${r.name} (provisional)` : r.name }));
    lists.push({ id: `credit-types ${board.code}`, items: creditTypes });
    lists.push({ id: `practice-areas ${board.code}`, items: [...(sources.practiceAreas[board.code] ?? [])] });
    lists.push({ id: `content-areas ${board.code}`, items: [...(sources.contentAreas[board.code] ?? [])] });
  }
  return lists.filter((l) => l.items.length > 0);
}

/** The activity template: columns in the schema's order, with the special columns after the key. */
export function activityTemplate(sources: ActivityTemplateSources): SheetTemplate {
  const lists = templateLists(sources);
  const listIds = new Set(lists.map((l) => l.id));
  const columns: TemplateColumn[] = [];
  for (const [key, schema] of shapeOf(activityInputSchema)) {
    if (key === 'commercialSupporters') columns.push(...supporterColumns());
    else if (key === 'enduringCounts') columns.push(...enduringColumns(sources.enduringYears));
    else if (key === 'mocRegistrations') columns.push(...mocColumns(sources.boards));
    else if (key === 'rems') columns.push(...nestedColumns('rems', remsSchema));
    else if (key === 'mips') columns.push(...nestedColumns('mips', mipsSchema));
    else {
      columns.push(column({ name: key, path: key, key, schema, label: ACTIVITY_FIELD_LABELS[key] ?? key }));
      if (key === 'providerActivityId') columns.push(...specialColumns());
    }
  }
  // a column pointing at a list that turned out empty (a board without practice areas) names none
  for (const c of columns) {
    if (c.choiceList && !listIds.has(c.choiceList)) delete c.choiceList;
    if (c.codeLists) c.codeLists = c.codeLists.filter((id) => listIds.has(id));
    if (c.codeLists?.length === 0) delete c.codeLists;
  }
  return { sheetName: 'Activities', fileBase: 'openpars-activities-template', columns, lists };
}

/**
 * Years offered for enduring-material counts: the current year and the two before. Counts are
 * cumulative at 31 December, so no later year can have one yet; an enduring material runs at most three
 * years, so these are the years a live one can still need; and early in a year, when last year's annual
 * report is due, last year is among them.
 */
export function enduringCountYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year - 2, year - 1, year];
}
