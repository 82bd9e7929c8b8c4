import type { LegacyLayoutId } from './layout-detect';

// The columns of the legacy PARS activity templates (spec/formats.md §3.1–§3.4): position, the Excel
// heading (what error reports call the column), the path in the canonical record (activities.md §1.7
// for `legacy.*`) and how the cell is read. Supporter groups (8 columns each) follow the fixed columns.

export type LegacyRuleSet = 'PARS2015' | 'PARS2014' | 'PARS2011' | 'PARS2010';

export type CellKind =
  | 'marker'
  | 'parsId'
  | 'text'
  | 'year'
  | 'date'
  | 'code'
  | 'decimal'
  | 'integer'
  | 'money'
  | 'yesno'
  | 'yesnoText'
  | 'names';

export type LegacyColumn = { path: string; heading: string; kind: CellKind };

const col = (path: string, heading: string, kind: CellKind): LegacyColumn => ({ path, heading, kind });

// In-kind answers, in the order of the templates and codes/in-kind-types.tsv (legacy_label).
export const IN_KIND = [
  {
    code: 'DURABLE_EQUIPMENT',
    key: 'durableEquipment',
    label: 'In Kind Support Received - Durable equipment?',
  },
  {
    code: 'FACILITIES_SPACE',
    key: 'facilitiesSpace',
    label: 'In Kind Support Received - Facilities / Space?',
  },
  {
    code: 'DISPOSABLE_SUPPLIES',
    key: 'disposableSupplies',
    label: 'In Kind Support Received - Disposable supplies (Non-biological)?',
  },
  { code: 'ANIMAL_PARTS', key: 'animalParts', label: 'In Kind Support Received - Animal parts or tissue?' },
  { code: 'HUMAN_PARTS', key: 'humanParts', label: 'In Kind Support Received - Human parts or tissue?' },
  { code: 'OTHER', key: 'other', label: 'In Kind Support Received - Other?' },
] as const;

/** D16–D21, in template order; 2010 columns 17–22 have the same order. */
export const DESIGNED = [
  col('legacy.designedToChangeCompetence', 'Designed to change Competence?', 'yesno'),
  col('legacy.changesEvaluatedCompetence', 'Changes in Competence evaluated?', 'yesno'),
  col('legacy.designedToChangePerformance', 'Designed to change Performance?', 'yesno'),
  col('legacy.changesEvaluatedPerformance', 'Changes in Performance evaluated?', 'yesno'),
  col('legacy.designedToChangePatientOutcomes', 'Designed to change Patient Outcomes?', 'yesno'),
  col('legacy.changesEvaluatedPatientOutcomes', 'Changes in Patient Outcomes evaluated?', 'yesno'),
];

/** "Changes in … evaluated?" = Yes adds the outcome measure (§3.1, activities.md §4.3). */
export const EVALUATED_OUTCOMES = [
  { path: 'legacy.changesEvaluatedCompetence', measure: 'COMPETENCE' },
  { path: 'legacy.changesEvaluatedPerformance', measure: 'PERFORMANCE' },
  { path: 'legacy.changesEvaluatedPatientOutcomes', measure: 'PATIENT_HEALTH' },
] as const;

/** D22–D28. */
export const SUBCATEGORIES = [
  col('legacy.subcategories.caseBased', 'Sub-category: Case based discussion', 'yesno'),
  col('legacy.subcategories.lecture', 'Sub-category: Lecture', 'yesno'),
  col('legacy.subcategories.panel', 'Sub-category: Panel', 'yesno'),
  col('legacy.subcategories.simulation', 'Sub-category: Simulation', 'yesno'),
  col('legacy.subcategories.skillBased', 'Sub-category: Skill-based training', 'yesno'),
  col('legacy.subcategories.smallGroup', 'Sub-category: Small group discussion', 'yesno'),
  col('legacy.subcategories.other', 'Sub-category: Other', 'yesnoText'),
];

/** D32–D47. */
export const COMPETENCIES = [
  col('legacy.competencies.patientCare', 'ABMS/ACGME - Patient Care and Procedural Skills', 'yesno'),
  col('legacy.competencies.medicalKnowledge', 'ABMS/ACGME - Medical Knowledge', 'yesno'),
  col(
    'legacy.competencies.practiceBasedLearning',
    'ABMS/ACGME - Practice-based Learning and Improvement',
    'yesno',
  ),
  col('legacy.competencies.communication', 'ABMS/ACGME - Interpersonal and Communication Skills', 'yesno'),
  col('legacy.competencies.professionalism', 'ABMS/ACGME - Professionalism', 'yesno'),
  col('legacy.competencies.systemsBased', 'ABMS/ACGME - Systems-based Practice', 'yesno'),
  col(
    'legacy.competencies.patientCentered',
    'Institute of Medicine - Provide patient-centered care',
    'yesno',
  ),
  col(
    'legacy.competencies.interdisciplinary',
    'Institute of Medicine - Work in interdisciplinary teams',
    'yesno',
  ),
  col('legacy.competencies.evidenceBased', 'Institute of Medicine - Employ evidence-based practice', 'yesno'),
  col('legacy.competencies.qualityImprovement', 'Institute of Medicine - Apply quality improvement', 'yesno'),
  col('legacy.competencies.informatics', 'Institute of Medicine - Utilize informatics', 'yesno'),
  col(
    'legacy.competencies.ipecValues',
    'Interprofessional Education Collaborative - Values/Ethics for Interprofessional Practice',
    'yesno',
  ),
  col(
    'legacy.competencies.ipecRoles',
    'Interprofessional Education Collaborative - Roles/Responsibilities',
    'yesno',
  ),
  col(
    'legacy.competencies.ipecCommunication',
    'Interprofessional Education Collaborative - Interprofessional Communication',
    'yesno',
  ),
  col(
    'legacy.competencies.ipecTeams',
    'Interprofessional Education Collaborative - Teams and Teamwork',
    'yesno',
  ),
  col(
    'legacy.competencies.other',
    'Other Competencies - Competencies other than those listed were addressed',
    'yesnoText',
  ),
];

const TEMPLATE = col('legacy.template', 'Template (DO NOT ALTER OR DELETE THIS COLUMN)', 'marker');
const PARS_ID = col('parsActivityId', 'ACCME Activity ID', 'parsId');
const PROVIDER_ID = col('providerActivityId', 'Provider Activity ID', 'text');
const YEAR = col('reportingYear', 'Reporting Year', 'year');
const TITLE = col('title', 'Activity Title', 'text');
const DATE = col('startDate', 'Activity Date', 'date');
const CITY = col('city', 'City', 'text');
const STATE = col('state', 'State', 'code');
const COUNTRY = col('country', 'Country', 'code');
const TYPE = col('format', 'Activity Type', 'code');
const HOURS = col('legacy.hoursOfInstruction', 'Hours of Instruction', 'decimal');
const PHYSICIANS = col('physicianLearnerCount', '# of Physicians', 'integer');
const SUPPORT = col('commercialSupportReceived', 'Commercial Support Received?', 'yesno');
const CREDITS = col('creditsDesignated', 'Number of AMA PRA Category 1 Credits™ Designated', 'decimal');
const DESCRIPTION = col('description', 'Description of Content', 'text');
const NUMBER_OF_SUPPORTERS = col('legacy.numberOfSupporters', '# of Commercial Supporters', 'integer');
const TOTAL_MONETARY = col(
  'legacy.totalMonetaryAmount',
  'Total Monetary Amount Received (Activity)',
  'money',
);
const TOTAL_VALUE = col(
  'legacy.totalSupportValue',
  'Total Value of Commercial Support Received (Monetary or In-Kind)',
  'money',
);
const ACTIVITY_IN_KIND = IN_KIND.map((k) =>
  col(`legacy.activityInKind.${k.key}`, `${k.label} (Activity)`, k.key === 'other' ? 'yesnoText' : 'yesno'),
);
const INCOME = [
  col('legacy.advertisingExhibitIncome', 'Advertising & Exhibit Income (Activity)', 'money'),
  col('legacy.otherIncome', 'Other Income (Activity)', 'money'),
  col('legacy.expenses', 'Expenses (Activity)', 'money'),
];
const providership = (heading: string) => col('providership', heading, 'code');
const others = (heading: string) => col('otherLearnerCount', heading, 'integer');
const joint = (heading: string) => col('jointProviders', heading, 'names');

/** Columns 1–15 of Templates D, C and B. */
const head = (providershipHeading: string, othersHeading: string) => [
  TEMPLATE,
  PARS_ID,
  PROVIDER_ID,
  YEAR,
  TITLE,
  DATE,
  CITY,
  STATE,
  COUNTRY,
  providership(providershipHeading),
  TYPE,
  HOURS,
  PHYSICIANS,
  others(othersHeading),
  SUPPORT,
];

const D_COLUMNS = [
  ...head('Providership', '# of Other Learners'),
  ...DESIGNED,
  ...SUBCATEGORIES,
  joint('Joint Provider(s)'),
  CREDITS,
  DESCRIPTION,
  ...COMPETENCIES,
];

const C_COLUMNS = [
  ...head('Providership', '# of Other Learners'),
  NUMBER_OF_SUPPORTERS,
  TOTAL_MONETARY,
  ...ACTIVITY_IN_KIND,
  ...DESIGNED,
  ...SUBCATEGORIES,
  joint('Joint Provider(s)'),
  CREDITS,
  DESCRIPTION,
  ...INCOME,
  ...COMPETENCIES,
];

// Template B: Template C columns 1–42 with the older headings (§3.3).
const B_COLUMNS = [
  ...head('Sponsorship', '# of non-Physicians'),
  NUMBER_OF_SUPPORTERS,
  TOTAL_MONETARY,
  ...ACTIVITY_IN_KIND,
  ...DESIGNED,
  ...SUBCATEGORIES,
  joint('Joint Sponsor'),
  CREDITS,
  DESCRIPTION,
  ...INCOME,
];

// Pre-2011: no marker, and the two IDs in the opposite order (§3.4).
const P2010_COLUMNS = [
  YEAR,
  PROVIDER_ID,
  PARS_ID,
  TITLE,
  DATE,
  CITY,
  STATE,
  COUNTRY,
  providership('Sponsorship'),
  TYPE,
  HOURS,
  PHYSICIANS,
  others('# of non-Physicians'),
  SUPPORT,
  TOTAL_VALUE,
  NUMBER_OF_SUPPORTERS,
  ...DESIGNED,
  ...SUBCATEGORIES,
  joint('Joint Sponsor'),
  CREDITS,
  DESCRIPTION,
  ...INCOME,
];

export type LegacyLayoutSpec = {
  layout: LegacyLayoutId;
  /** "Template D" files, for messages */
  name: string;
  ruleSet: LegacyRuleSet;
  /** the value of column 1; null for the pre-2011 layout, which has none */
  marker: string | null;
  columns: readonly LegacyColumn[];
  /** supporter groups every row must carry (§3.5: PARS-2010 at least one) */
  minGroups: number;
  years: readonly [number, number];
};

export const LEGACY_LAYOUTS: Record<LegacyLayoutId, LegacyLayoutSpec> = {
  'PARS-D': {
    layout: 'PARS-D',
    name: 'Template D',
    ruleSet: 'PARS2015',
    marker: 'Template D',
    columns: D_COLUMNS,
    minGroups: 0,
    years: [2015, 2021],
  },
  'PARS-C': {
    layout: 'PARS-C',
    name: 'Template C',
    ruleSet: 'PARS2014',
    marker: 'Template C',
    columns: C_COLUMNS,
    minGroups: 0,
    years: [2013, 2014],
  },
  'PARS-B': {
    layout: 'PARS-B',
    name: 'Template B',
    ruleSet: 'PARS2011',
    marker: 'Template B',
    columns: B_COLUMNS,
    minGroups: 0,
    years: [2011, 2013],
  },
  'PARS-2010': {
    layout: 'PARS-2010',
    name: 'pre-2011 PARS',
    ruleSet: 'PARS2010',
    marker: null,
    columns: P2010_COLUMNS,
    minGroups: 1,
    years: [2005, 2010],
  },
};

export const LAYOUT_OF_RULE_SET: Record<LegacyRuleSet, LegacyLayoutId> = {
  PARS2015: 'PARS-D',
  PARS2014: 'PARS-C',
  PARS2011: 'PARS-B',
  PARS2010: 'PARS-2010',
};

export const GROUP_SIZE = 8;

export type GroupColumn = LegacyColumn & { field: 'name' | 'amount' | (typeof IN_KIND)[number]['key'] };

const GROUP_COLUMNS: readonly GroupColumn[] = [
  { path: 'name', heading: 'Commercial Support Source', kind: 'text', field: 'name' },
  {
    path: 'amount',
    heading: 'Monetary Amount Received (for Support Source)',
    kind: 'money',
    field: 'amount',
  },
  ...IN_KIND.map(
    (k): GroupColumn => ({
      path: `inKind.${k.key}`,
      heading: k.label,
      kind: k.key === 'other' ? 'yesnoText' : 'yesno',
      field: k.key,
    }),
  ),
];

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

const GROUPS: (readonly GroupColumn[])[] = [];

/** The 8 columns of supporter group `g` (0-based): repeated headings carry `2nd`, `3rd`… (§3.1). */
export function groupColumns(g: number): readonly GroupColumn[] {
  let columns = GROUPS[g];
  if (!columns) {
    const suffix = g === 0 ? '' : ` ${ordinal(g + 1)}`;
    columns = GROUP_COLUMNS.map((c) => ({
      ...c,
      heading: `${c.heading}${suffix}`,
      path: `commercialSupporters.${g}.${c.path}`,
    }));
    if (g < 1000) GROUPS[g] = columns;
  }
  return columns;
}

export function headingOf(layout: LegacyLayoutId, path: string): string {
  return LEGACY_LAYOUTS[layout].columns.find((c) => c.path === path)?.heading ?? path;
}

export function columnNumberOf(layout: LegacyLayoutId, path: string): number {
  return LEGACY_LAYOUTS[layout].columns.findIndex((c) => c.path === path) + 1;
}
