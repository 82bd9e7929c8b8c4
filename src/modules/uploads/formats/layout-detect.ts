import { codeList } from '../../../reference/codes';
import {
  activityInputSchema,
  commercialSupporterSchema,
  mipsSchema,
  remsSchema,
} from '../../activities/activity.schema';
import type { DelimitedRow, Delimiter } from './delimited-reader';
import type { FileLevelIssue, FileWarning } from './issues';

// Which layout a delimited upload is in (spec/formats.md §2.6, §2.7) and, for OpenPARS activity sheets,
// what each header column means (§4.1). Works on the first rows read by `readDelimited`.

export type UploadKind = 'activities' | 'learners' | 'roster';
export type LegacyLayoutId = 'PARS-D' | 'PARS-C' | 'PARS-B' | 'PARS-2010';
export type DelimitedLayoutId =
  | LegacyLayoutId
  | 'OP-ACT-1'
  | 'OP-LRN-1'
  | 'OP-LRN-TAB-1'
  | 'OP-ROSTER-DIPLOMATE-1'
  | 'OP-ROSTER-LICENSEE-1';

export type SheetColumnRole =
  /** a field of the activity record (dot path for nested and repeated values) */
  | 'field'
  /** action, parsActivityId, repeatGroupKey, providerId (§4.1 special columns) */
  | 'special'
  /** read-only and system fields of an export, ignored silently (§4.1) */
  | 'ignored'
  /** not a field: ignored with warning FMT-UNKNOWN-COLUMN */
  | 'unknown'
  /** a column without a heading: ignored */
  | 'empty';

export type SheetColumn = {
  /** 0-based position in the row */
  index: number;
  /** the heading as written (trimmed) */
  heading: string;
  /** canonical name (`title`, `commercialSupporters.2.amount`, `mocRegistrations.ABPath.creditTypes`) */
  name: string | null;
  role: SheetColumnRole;
};

export type SheetHeader = { line: number; columns: SheetColumn[] };

export type LayoutDetection = {
  ok: true;
  layout: DelimitedLayoutId;
  /** A header line found in a headerless layout was skipped (warning FMT-HEADER-SKIPPED). */
  headerSkipped: boolean;
  /** Line of the sheet header, or of the skipped header line. */
  headerLine: number | null;
  /** Line of the first data row. */
  firstDataLine: number;
  /** The header of an OpenPARS sheet (OP-ACT-1, OP-LRN-1, rosters); null for headerless layouts. */
  header: SheetHeader | null;
  warnings: FileWarning[];
};

export type LayoutFailure = { ok: false; error: FileLevelIssue };

export type LayoutResult = LayoutDetection | LayoutFailure;

// ---------------------------------------------------------------------------------------------
// §2.6: a header row in a headerless layout

const HEADING_FIRST_FIELDS = new Set(
  ['Template (DO NOT ALTER OR DELETE THIS COLUMN)', 'Template', 'Reporting Year', 'Action'].map((s) =>
    s.toLowerCase(),
  ),
);

/** §2.6: first field, after removing a leading `<number>. `, is one of the known first headings. */
export function isHeadingLine(fields: readonly string[]): boolean {
  const first = (fields[0] ?? '').replace(/^\d+\.\s+/, '').toLowerCase();
  return HEADING_FIRST_FIELDS.has(first);
}

// ---------------------------------------------------------------------------------------------
// §2.7.3: legacy activity layouts

const MARKERS: Record<string, LegacyLayoutId> = {
  'template b': 'PARS-B',
  'template c': 'PARS-C',
  'template d': 'PARS-D',
};

/** `Template B|C|D` in any case with one space → the layout; anything else → null. */
export function legacyMarkerLayout(field: string): LegacyLayoutId | null {
  return MARKERS[field.toLowerCase()] ?? null;
}

/** Field 1 of a pre-2011 row: a 4-digit year 2005–2010. */
export function isPre2011Year(field: string): boolean {
  if (!/^\d{4}$/.test(field)) return false;
  const year = Number(field);
  return year >= 2005 && year <= 2010;
}

// ---------------------------------------------------------------------------------------------
// §4.1: OpenPARS activity sheet header

const STRUCTURED = new Set(['commercialSupporters', 'enduringCounts', 'mocRegistrations', 'rems', 'mips']);
const SPECIAL = ['action', 'parsActivityId', 'repeatGroupKey', 'providerId'];
const IGNORED = [
  'status',
  'missingRequirements',
  'reportingYear',
  'ruleSet',
  'repeatGroupId',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'deletedAt',
  'deletedBy',
  'legacy',
];
const MOC_FIELDS = [
  'creditTypes',
  'practiceAreas',
  'contentAreas',
  'internalId',
  'hasFee',
  'registration',
  'activityUrl',
  'claimDate',
  'attest',
];
// The sheet names attestations `attest` (§4.1 MOC columns); the JSON field is `attested`.
const sheetNames = (keys: string[]) => keys.map((k) => (k === 'attested' ? 'attest' : k));

const byLowerCase = (names: readonly string[]) => new Map(names.map((n) => [n.toLowerCase(), n]));
const SCALARS = byLowerCase(Object.keys(activityInputSchema.shape).filter((k) => !STRUCTURED.has(k)));
const SPECIALS = byLowerCase(SPECIAL);
const IGNORES = byLowerCase(IGNORED);
const SUPPORTER_FIELDS = byLowerCase(Object.keys(commercialSupporterSchema.shape));
const ENDURING_FIELDS = byLowerCase(['physicianLearners', 'otherLearners']);
const MOC = byLowerCase(MOC_FIELDS);
const REMS = byLowerCase(Object.keys(remsSchema.shape));
const MIPS = byLowerCase(sheetNames(Object.keys(mipsSchema.shape)));

let boardCodes: Map<string, string> | null = null;
/** A board code in the case of codes/boards.tsv; other codes upper-cased (the rules refuse them). */
function boardCode(raw: string): string {
  boardCodes ??= byLowerCase(
    codeList('boards')
      .filter((b) => b.kind === 'certifying')
      .map((b) => b.code),
  );
  return boardCodes.get(raw.toLowerCase()) ?? raw.toUpperCase();
}

type Classified = { name: string; role: SheetColumnRole };

/** One heading of an OP-ACT-1 sheet → its canonical name and role (§4.1), case-insensitively. */
export function classifyActivityHeading(heading: string): Classified {
  const lower = heading.toLowerCase();
  const scalar = SCALARS.get(lower);
  if (scalar) return { name: scalar, role: 'field' };
  const special = SPECIALS.get(lower);
  if (special) return { name: special, role: 'special' };
  const ignored = IGNORES.get(lower);
  if (ignored) return { name: ignored, role: 'ignored' };
  const parts = heading.split('.');
  const [head, mid, tail] = parts.map((p) => p.toLowerCase());
  if (head === 'legacy' || /\.attested(at|by)$/.test(lower)) return { name: heading, role: 'ignored' };
  if (parts.length === 3 && head === 'commercialsupporters' && /^[1-9]\d*$/.test(mid ?? '')) {
    const field = SUPPORTER_FIELDS.get(tail ?? '');
    if (field) return { name: `commercialSupporters.${mid}.${field}`, role: 'field' };
  }
  if (parts.length === 3 && head === 'enduringcounts' && /^\d{4}$/.test(mid ?? '')) {
    const field = ENDURING_FIELDS.get(tail ?? '');
    if (field) return { name: `enduringCounts.${mid}.${field}`, role: 'field' };
  }
  if (parts.length === 3 && head === 'mocregistrations' && /^[a-z]{2,10}$/.test(mid ?? '')) {
    const field = MOC.get(tail ?? '');
    if (field) return { name: `mocRegistrations.${boardCode(parts[1] as string)}.${field}`, role: 'field' };
  }
  if (parts.length === 2 && (head === 'rems' || head === 'mips')) {
    const field = (head === 'rems' ? REMS : MIPS).get(mid ?? '');
    if (field) return { name: `${head}.${field}`, role: 'field' };
  }
  return { name: heading, role: 'unknown' };
}

export type HeaderAnalysis = { ok: true; header: SheetHeader; warnings: FileWarning[] } | LayoutFailure;

const unknownLayout = (message: string, line: number | null): LayoutFailure => ({
  ok: false,
  error: { code: 'FILE-UNKNOWN-LAYOUT', message, line },
});

function duplicateOf(columns: readonly SheetColumn[], line: number): LayoutFailure | null {
  const seen = new Map<string, SheetColumn>();
  for (const c of columns) {
    if (c.role === 'empty' || c.name === null) continue;
    const key = c.name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier) {
      return unknownLayout(
        `The header row (line ${line}) names ${c.name} twice, in columns ${earlier.index + 1} and ${c.index + 1}; keep one of them and upload again.`,
        line,
      );
    }
    seen.set(key, c);
  }
  return null;
}

/**
 * §4.1 header of an OP-ACT-1 sheet: canonical column names, FMT-UNKNOWN-COLUMN for names that are not
 * fields, FILE-UNKNOWN-LAYOUT for a repeated name or a header without providerActivityId/parsActivityId.
 */
export function analyzeActivitySheetHeader(fields: readonly string[], line: number): HeaderAnalysis {
  const columns: SheetColumn[] = fields.map((heading, index) => {
    if (heading === '') return { index, heading, name: null, role: 'empty' };
    return { index, heading, ...classifyActivityHeading(heading) };
  });
  const duplicate = duplicateOf(columns, line);
  if (duplicate) return duplicate;
  if (!columns.some((c) => c.name === 'providerActivityId' || c.name === 'parsActivityId')) {
    return unknownLayout(
      `The header row (line ${line}) of an activity sheet must name providerActivityId or parsActivityId so that each row can be matched to an activity; add one of these columns.`,
      line,
    );
  }
  const warnings: FileWarning[] = columns
    .filter((c) => c.role === 'unknown')
    .map((c) => ({
      code: 'FMT-UNKNOWN-COLUMN',
      message: `Column ${c.index + 1} "${c.heading}" is not an activity field, so it was ignored. Check the spelling against the activity template (field names such as title, startDate, commercialSupporters.1.amount).`,
      line,
      columnName: c.heading,
      value: c.heading,
    }));
  return { ok: true, header: { line, columns }, warnings };
}

function plainHeader(fields: readonly string[], line: number): SheetHeader {
  return {
    line,
    columns: fields.map((heading, index) =>
      heading === ''
        ? { index, heading, name: null, role: 'empty' }
        : { index, heading, name: heading, role: 'field' },
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// §2.7: layout detection

const names = (fields: readonly string[]) => new Set(fields.map((f) => f.toLowerCase()));
const LEARNER_SHEET_REQUIRED = ['firstname', 'lastname', 'birthmonthday', 'completiondate'];

function sheetLayout(kind: UploadKind, fields: readonly string[]): DelimitedLayoutId | null {
  const has = names(fields);
  const key = has.has('parsactivityid') || has.has('provideractivityid');
  if (kind === 'activities') return key ? 'OP-ACT-1' : null;
  if (kind === 'learners') return key && LEARNER_SHEET_REQUIRED.every((n) => has.has(n)) ? 'OP-LRN-1' : null;
  if (has.has('boardid')) return 'OP-ROSTER-DIPLOMATE-1';
  if (has.has('licensestate') && has.has('licenseid')) return 'OP-ROSTER-LICENSEE-1';
  return null;
}

const EXPECTED: Record<UploadKind, string> = {
  activities:
    'Activity files are either an OpenPARS activity sheet whose header row names providerActivityId or parsActivityId, a PARS Template D, C or B file whose first column holds the template name (such as Template D), or a pre-2011 PARS file whose first column holds the Reporting Year (2005–2010).',
  learners:
    'Learner files are either an OpenPARS learner sheet whose header row names firstName, lastName, birthMonthDay, completionDate and parsActivityId or providerActivityId, or the tab-delimited OpenPARS learner layout (16 columns, no header row).',
  roster:
    'Roster files are OpenPARS roster sheets whose header row names boardId (certifying boards) or licenseState and licenseId (state boards).',
};

export type DetectLayoutOptions = {
  /** The delimiter the rows were split with (§4.4); legacy layouts and OP-LRN-TAB-1 need a tab. */
  delimiter?: Delimiter;
};

/**
 * §2.7 on the first non-blank rows of a delimited file. Pass the first two non-blank rows (blank rows
 * may be included; they are skipped), or fewer when the file has no more: emptiness (FILE-EMPTY) is
 * decided from them too (§8.2).
 */
export function detectLayout(
  kind: UploadKind,
  rows: readonly DelimitedRow[],
  options: DetectLayoutOptions = {},
): LayoutResult {
  const delimiter = options.delimiter ?? '\t';
  const lines = rows.filter((r) => !r.blank);
  const first = lines[0];
  if (!first) return empty('The file holds no rows (it is empty or only blank lines).', null);

  // 1. The header of an OpenPARS sheet.
  const sheet = sheetLayout(kind, first.fields);
  if (sheet) {
    const analysis: HeaderAnalysis =
      sheet === 'OP-ACT-1'
        ? analyzeActivitySheetHeader(first.fields, first.line)
        : (duplicateOf(plainHeader(first.fields, first.line).columns, first.line) ?? {
            ok: true,
            header: plainHeader(first.fields, first.line),
            warnings: [],
          });
    if (!analysis.ok) return analysis;
    const data = lines[1];
    if (!data)
      return empty(`The file holds only its header row (line ${first.line}) and no data rows.`, first.line);
    return {
      ok: true,
      layout: sheet,
      headerSkipped: false,
      headerLine: first.line,
      firstDataLine: data.line,
      header: analysis.header,
      warnings: analysis.warnings,
    };
  }

  // 2. A header line left in a headerless layout is skipped (§2.6; first non-blank line only).
  const warnings: FileWarning[] = [];
  let line = first;
  let headerLine: number | null = null;
  if (kind !== 'roster' && isHeadingLine(first.fields)) {
    headerLine = first.line;
    const next = lines[1];
    if (!next)
      return empty(`The file holds only a header row (line ${first.line}) and no data rows.`, first.line);
    line = next;
  }

  // 3. Headerless layouts, by the first data line.
  const field1 = line.fields[0] ?? '';
  let layout: DelimitedLayoutId | null = null;
  if (kind === 'activities') {
    layout = legacyMarkerLayout(field1) ?? (isPre2011Year(field1) ? 'PARS-2010' : null);
  } else if (kind === 'learners' && line.fields.length > 1) {
    layout = 'OP-LRN-TAB-1';
  }
  if (layout && delimiter !== '\t') {
    return unknownLayout(
      `Line ${line.line} looks like a ${layout} row, but that layout is tab-delimited and this file is not. Save it from Excel as "Text (Tab delimited)" and upload it again.`,
      line.line,
    );
  }
  if (!layout) {
    const shown = field1 === '' ? 'is empty' : `holds "${field1.slice(0, 60)}"`;
    return unknownLayout(
      `OpenPARS cannot tell the layout of this file: the first column of line ${line.line} ${shown}. ${EXPECTED[kind]}`,
      line.line,
    );
  }
  if (headerLine !== null) {
    warnings.push({
      code: 'FMT-HEADER-SKIPPED',
      message: `Line ${headerLine} is a header row ("${(first.fields[0] ?? '').slice(0, 60)}"), but ${layout} files have no header row, so it was skipped. You can delete it before uploading.`,
      line: headerLine,
      columnName: 'column 1',
      value: first.fields[0] ?? null,
    });
  }
  return {
    ok: true,
    layout,
    headerSkipped: headerLine !== null,
    headerLine,
    firstDataLine: line.line,
    header: null,
    warnings,
  };
}

function empty(message: string, line: number | null): LayoutFailure {
  return { ok: false, error: { code: 'FILE-EMPTY', message: `${message} Add at least one data row.`, line } };
}
