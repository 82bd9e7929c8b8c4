import { codeList } from '../../../reference/codes';
import { LOM_NS, MEMS_NS, type XmlElement } from './xml-reader';
import {
  addError,
  childNamed,
  childrenNamed,
  type RowMessages,
  toBoolean,
  toDateText,
  toInteger,
  tokenOf,
} from './xml-values';

// The MEMS part of a MedicalEducationMetrics element (formats.md §6 table) → activity fields. Element
// paths in messages are relative to MedicalEducationMetrics, MEMS elements unprefixed and IEEE LOM
// elements as `lom:` (`ActivityDescription/lom:lom/lom:general/lom:title/lom:string`), whatever prefixes
// the file uses. Repeated elements are numbered from 1 (`CommercialSupportAmount[2]`);
// ParticipantsByProfession is named by its attribute (`ParticipantsByProfession[@profession='Nurse']`).
//
// Not read: AdvertisingAndExhibitIncome, OtherIncome, Expenses and DesignedToChange*. The spec keeps them
// under `legacy`, but a CURRENT-rule-set activity has no `legacy` part (activity.schema.ts): the
// command has nowhere to put them, so they are accepted and left out, and their text is not checked —
// a value that is never stored must not reject an activity.

export type MemsFields = {
  value: Record<string, unknown>;
  /** JSON field path → the element it came from, for messages about that field */
  sources: Map<string, string>;
};

const DESCRIPTION = 'ActivityDescription';
const LOM_GENERAL = `${DESCRIPTION}/lom:lom/lom:general`;
const PARTICIPANTS = 'ParticipationMetrics/ParticipantsByProfession';

/** Where each field lives in MEMS, for a message about a field the file leaves out. */
export const MEMS_HOME: Readonly<Record<string, string>> = {
  startDate: 'ReportDescription/ReportingStartDate',
  endDate: 'ReportDescription/ReportingEndDate',
  parsActivityId: `${LOM_GENERAL}/lom:identifier`,
  providerActivityId: `${LOM_GENERAL}/lom:identifier`,
  title: `${LOM_GENERAL}/lom:title/lom:string`,
  description: `${LOM_GENERAL}/lom:description/lom:string`,
  commercialSupporters: `${DESCRIPTION}/CommercialSupportAmount`,
  physicianLearnerCount: `${PARTICIPANTS}[@profession='Physician']`,
};

/** `ChangesIn…Measured` = true → this outcome measure (codes/outcome-measures, activities.md §4.3). */
export const MEASURED_OUTCOMES: readonly { element: string; code: string; legacyPath: string }[] = [
  {
    element: 'ChangesInCompetenceMeasured',
    code: 'COMPETENCE',
    legacyPath: 'legacy.changesEvaluatedCompetence',
  },
  {
    element: 'ChangesInPerformanceMeasured',
    code: 'PERFORMANCE',
    legacyPath: 'legacy.changesEvaluatedPerformance',
  },
  {
    element: 'ChangesInPatientOutcomesMeasured',
    code: 'PATIENT_HEALTH',
    legacyPath: 'legacy.changesEvaluatedPatientOutcomes',
  },
];

let professionIndex: Map<string, string> | null = null;

/** ja-professions by code, name or MEMS name, any case → code. */
function professionCode(value: string): string | undefined {
  if (!professionIndex) {
    professionIndex = new Map();
    for (const row of codeList('ja-professions'))
      for (const name of [row.code, row.name, row.mems_name])
        if (name) professionIndex.set(name.toLowerCase(), row.code);
  }
  return professionIndex.get(value.toLowerCase());
}

const professionNames = () =>
  codeList('ja-professions')
    .map((r) => r.mems_name || r.name)
    .join(', ');

export function readMemsFields(mem: XmlElement, m: RowMessages): MemsFields {
  const value: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  const set = (path: string, v: unknown, source: string) => {
    value[path] = v;
    sources.set(path, source);
  };

  const report = childNamed(mem, MEMS_NS, 'ReportDescription');
  for (const [field, local] of [
    ['startDate', 'ReportingStartDate'],
    ['endDate', 'ReportingEndDate'],
  ] as const) {
    const node = childNamed(report, MEMS_NS, local);
    if (node) set(field, toDateText(tokenOf(node)), `ReportDescription/${local}`);
  }

  const description = childNamed(mem, MEMS_NS, DESCRIPTION);
  readLom(description, set);
  readSupport(description, m, set, sources);
  readMeasuredOutcomes(mem, description, m, set, sources);
  readParticipants(childNamed(mem, MEMS_NS, 'ParticipationMetrics'), m, set, sources);
  return { value, sources };
}

type Setter = (path: string, v: unknown, source: string) => void;

function readLom(description: XmlElement | undefined, set: Setter) {
  const general = childNamed(childNamed(description, LOM_NS, 'lom'), LOM_NS, 'general');
  childrenNamed(general, LOM_NS, 'identifier').forEach((identifier, i) => {
    const catalogNode = childNamed(identifier, LOM_NS, 'catalog');
    const catalog = catalogNode ? tokenOf(catalogNode).toLowerCase() : '';
    const entry = childNamed(identifier, LOM_NS, 'entry');
    const field =
      catalog === 'pars' ? 'parsActivityId' : catalog === 'provider' ? 'providerActivityId' : null;
    if (field && entry)
      set(field, tokenOf(entry) || null, `${LOM_GENERAL}/lom:identifier[${i + 1}]/lom:entry`);
  });
  for (const field of ['title', 'description'] as const) {
    const node = childNamed(childNamed(general, LOM_NS, field), LOM_NS, 'string');
    if (node)
      set(field, node.text.trim() === '' ? null : node.text, `${LOM_GENERAL}/lom:${field}/lom:string`);
  }
}

function readSupport(
  description: XmlElement | undefined,
  m: RowMessages,
  set: Setter,
  sources: Map<string, string>,
) {
  const amounts = childrenNamed(description, MEMS_NS, 'CommercialSupportAmount');
  if (amounts.length === 0) return;
  const entries = amounts.map((node, i) => {
    const label = `${DESCRIPTION}/CommercialSupportAmount[${i + 1}]`;
    const path = `commercialSupporters.${i}`;
    sources.set(path, label);
    sources.set(`${path}.name`, `${label}/@supportSource`);
    const currency = node.attributes.currency?.trim();
    if (currency && currency.toUpperCase() !== 'USD')
      addError(
        m,
        { path: `${path}.amount`, columnName: `${label}/@currency` },
        'ACT-AMOUNT-FORMAT',
        `${label} must be in whole US dollars (currency="USD"); currency "${currency}" is not accepted.`,
        currency,
      );
    const amount = toInteger(tokenOf(node));
    if (!amount.ok)
      addError(
        m,
        { path: `${path}.amount`, columnName: label },
        'ACT-AMOUNT-FORMAT',
        `${label} must be whole US dollars without symbols, separators or cents, such as 5000; "${amount.text}" is not.`,
        amount.text,
      );
    const name = node.attributes.supportSource?.trim();
    return { name: name ? name : null, kind: 'MONETARY', amount: amount.ok ? amount.value : tokenOf(node) };
  });
  set('commercialSupporters', entries, `${DESCRIPTION}/CommercialSupportAmount`);
}

/** ChangesIn…Measured sit in ActivityDescription; a flat MedicalEducationMetrics is read too. */
function readMeasuredOutcomes(
  mem: XmlElement,
  description: XmlElement | undefined,
  m: RowMessages,
  set: Setter,
  sources: Map<string, string>,
) {
  const codes: string[] = [];
  let first: string | null = null;
  for (const { element, code, legacyPath } of MEASURED_OUTCOMES) {
    const inDescription = childNamed(description, MEMS_NS, element);
    const node = inDescription ?? childNamed(mem, MEMS_NS, element);
    if (!node) continue;
    const label = inDescription ? `${DESCRIPTION}/${element}` : element;
    const flag = toBoolean(tokenOf(node));
    if (!flag.ok) {
      addError(
        m,
        { path: legacyPath, columnName: label },
        'ACT-BOOLEAN',
        `${label} must be true or false (or 1 or 0); "${flag.text}" is not.`,
        flag.text,
      );
      continue;
    }
    if (flag.value !== true) continue;
    sources.set(`outcomeMeasures.${codes.length}`, label);
    first ??= label;
    codes.push(code);
  }
  if (codes.length > 0) set('outcomeMeasures', codes, first!);
}

function readParticipants(
  metrics: XmlElement | undefined,
  m: RowMessages,
  set: Setter,
  sources: Map<string, string>,
) {
  const rows = childrenNamed(metrics, MEMS_NS, 'ParticipantsByProfession');
  let physicians: number | null = null;
  let physicianLabel: string | null = null;
  const others: Record<string, number> = {};
  for (const node of rows) {
    const profession = (node.attributes.profession ?? '').trim();
    const label = `${PARTICIPANTS}[@profession='${profession}']`;
    const count = toInteger(tokenOf(node));
    const isPhysician = profession.toLowerCase() === 'physician';
    const code = isPhysician ? null : professionCode(profession);
    const path = isPhysician ? 'physicianLearnerCount' : `otherLearnersByProfession${code ? `.${code}` : ''}`;
    if (!isPhysician && code === undefined) {
      addError(
        m,
        { path: 'otherLearnersByProfession', columnName: label },
        'ACT-CODE-UNKNOWN',
        profession === ''
          ? `${PARTICIPANTS} needs a profession attribute: Physician or one of ${professionNames()}.`
          : `${PARTICIPANTS} profession "${profession}" is not known; use Physician or one of ${professionNames()} (codes/ja-professions).`,
        profession,
      );
    }
    if (!count.ok) {
      addError(
        m,
        { path, columnName: label },
        'ACT-NUMBER-FORMAT',
        `${label} must be a whole number of participants such as 120; "${count.text}" is not.`,
        count.text,
      );
      continue;
    }
    if (count.value === null) continue;
    // several elements for one profession (say "Nurse" and "NURSE") add up
    if (isPhysician) {
      physicians = (physicians ?? 0) + count.value;
      physicianLabel ??= label;
    } else if (code) {
      others[code] = (others[code] ?? 0) + count.value;
      if (!sources.has(`otherLearnersByProfession.${code}`))
        sources.set(`otherLearnersByProfession.${code}`, label);
    }
  }
  if (physicians !== null) set('physicianLearnerCount', physicians, physicianLabel!);
  const codes = Object.keys(others);
  if (codes.length === 0) return;
  set('otherLearnersByProfession', others, PARTICIPANTS);
  // formats.md §6: the professions add up to the other learners, unless op:otherLearnerCount says otherwise
  set(
    'otherLearnerCount',
    codes.reduce((sum, c) => sum + (others[c] ?? 0), 0),
    PARTICIPANTS,
  );
}
