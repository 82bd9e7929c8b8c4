import type { ActivityCommand } from '../../activities/activity.batch';
import type { ActivityInput } from '../../activities/activity.schema';
import type { SheetScope } from '../../activities/activity.wire';
import type { FileInspection, FormatAdapter, OpenFile, RowMessage, SourceRecord } from '../upload.types';
import {
  type CellResult,
  isCellError,
  parseDateCell,
  parseDecimalCell,
  parseIntegerCell,
  parseMoneyCell,
  parseTextCell,
  parseYesNoCell,
  splitNames,
} from './cells';
import { type DelimitedRow, readDelimited } from './delimited-reader';
import { FileLevelError, type FileLevelIssue, type FileWarning, fileWarning } from './issues';
import type { SheetColumn, SheetHeader } from './layout-detect';
import { type DelimitedDetection, detectDelimitedActivities } from './legacy.adapter';

// The OpenPARS activity sheet OP-ACT-1 as CSV or TSV (formats.md §4.1, §4.4): a header row of field
// names (case-insensitive, any order and subset, dot paths for nested and repeated values) and one
// activity per row. `analyzeActivitySheetHeader` decides what each heading means; this module reads
// the cells (cells.ts, §2.8) and builds the canonical `ActivityInput`. Only syntax is checked here;
// code lists, ranges, sums and status are the activity rules' business, as for every other channel.
// Row numbers are physical lines (§4.4); every message names the column as written in the header.

// ---------------------------------------------------------------------------------------------
// Cell kinds

type Kind =
  | 'text'
  | 'code'
  | 'date'
  | 'yesNo'
  | 'credit'
  | 'integer'
  | 'money'
  | 'codeList'
  | 'names'
  | 'countMap'
  | 'creditTypes';

const SCALAR_KINDS: Record<string, Kind> = {
  providerActivityId: 'text',
  requestedStatus: 'code',
  title: 'text',
  format: 'code',
  deliveryMethod: 'code',
  startDate: 'date',
  endDate: 'date',
  city: 'text',
  state: 'code',
  country: 'code',
  creditsDesignated: 'credit',
  description: 'text',
  providership: 'code',
  jointProviders: 'names',
  topics: 'codeList',
  listInPassport: 'yesNo',
  hasFee: 'yesNo',
  registration: 'code',
  activityUrl: 'text',
  outcomeMeasures: 'codeList',
  commercialSupportReceived: 'yesNo',
  physicianLearnerCount: 'integer',
  otherLearnerCount: 'integer',
  otherLearnersByProfession: 'countMap',
};

const SUPPORTER_KINDS: Record<string, Kind> = {
  name: 'text',
  kind: 'code',
  amount: 'money',
  inKindTypes: 'codeList',
  inKindOther: 'text',
};

const MOC_KINDS: Record<string, Kind> = {
  creditTypes: 'creditTypes',
  practiceAreas: 'codeList',
  contentAreas: 'codeList',
  internalId: 'text',
  hasFee: 'yesNo',
  registration: 'code',
  activityUrl: 'text',
  claimDate: 'date',
  attest: 'yesNo',
};

const REMS_KINDS: Record<string, Kind> = {
  type: 'code',
  blueprintSections: 'codeList',
  rpcId: 'text',
  prescribersLastYear: 'integer',
  byProfession: 'countMap',
  deaIndividual: 'integer',
  deaInstitutional: 'integer',
  byPracticeType: 'countMap',
};

const MIPS_KINDS: Record<string, Kind> = {
  improvementActivity: 'yesNo',
  participationDefinition: 'text',
  attest: 'yesNo',
};

type CellValue = string | number | boolean | string[] | Record<string, number> | CreditType[] | null;
type CreditType = { code: string; amount: number };

const mapError = (code: string, message: string) => ({ error: { code, message } });

/** `CODE:count;CODE:count` (§4.1 maps) → record; a bad pair is ACT-NUMBER-FORMAT. */
function parseCountMap(raw: string, label: string): CellResult<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const part of splitNames(raw)) {
    const m = /^([^:]+):(.*)$/.exec(part);
    const code = m?.[1]?.trim() ?? '';
    if (!m || code === '') {
      return mapError(
        'ACT-NUMBER-FORMAT',
        `${label} must be written CODE:count separated by ";", such as NURSE:40;PHARMACIST:12; "${part}" is not`,
      );
    }
    const count = parseIntegerCell(m[2] ?? '', { label: `${label} (${code})` });
    if (isCellError(count)) return count;
    if (count.value === null) {
      return mapError(
        'ACT-NUMBER-FORMAT',
        `${label} (${code}) needs a count after the ":", such as ${code}:12`,
      );
    }
    out[code] = count.value;
  }
  return { value: out };
}

/** `MK:52;PA:20` → [{code, amount}] with amounts as credits (2 decimals, steps of 0.25). */
function parseCreditTypes(raw: string, label: string): CellResult<CreditType[]> {
  const out: CreditType[] = [];
  for (const part of splitNames(raw)) {
    const m = /^([^:]+):(.*)$/.exec(part);
    const code = m?.[1]?.trim() ?? '';
    if (!m || code === '') {
      return mapError(
        'ACT-NUMBER-FORMAT',
        `${label} must be written CREDIT-TYPE:amount separated by ";", such as MK:52;PA:20; "${part}" is not`,
      );
    }
    const amount = parseDecimalCell(m[2] ?? '', { label: `${label} (${code})`, precision: 'current' });
    if (isCellError(amount)) return amount;
    if (amount.value === null) {
      return mapError(
        'ACT-NUMBER-FORMAT',
        `${label} (${code}) needs an amount after the ":", such as ${code}:1.5`,
      );
    }
    out.push({ code, amount: amount.value });
  }
  return { value: out };
}

/** Codes separated by `;` or `,` (§4.1). */
function splitCodes(raw: string): string[] {
  return raw
    .split(/[;,]/)
    .map((s) => s.replace(/^[ \u00a0]+|[ \u00a0]+$/g, ''))
    .filter((s) => s !== '');
}

/** One cell of the given kind; `label` is the heading as the user wrote it. */
export function readSheetCell(kind: Kind, raw: string, label: string): CellResult<CellValue> {
  switch (kind) {
    case 'text':
    case 'code':
      return parseTextCell(raw);
    case 'date':
      return parseDateCell(raw, { label, allowIso: true });
    case 'yesNo':
      return parseYesNoCell(raw, { label });
    case 'credit':
      return parseDecimalCell(raw, { label, precision: 'current' });
    case 'integer':
      return parseIntegerCell(raw, { label });
    case 'money':
      return parseMoneyCell(raw, { label });
    case 'codeList':
      return { value: splitCodes(raw) };
    case 'names':
      return { value: splitNames(raw, { escapes: true }) };
    case 'countMap':
      return parseCountMap(raw, label);
    case 'creditTypes':
      return parseCreditTypes(raw, label);
  }
}

/** The empty value of a present column: lists empty, maps empty, scalars null (§4.1 "clears it"). */
function emptyOf(kind: Kind): CellValue {
  if (kind === 'codeList' || kind === 'names' || kind === 'creditTypes') return [];
  if (kind === 'countMap') return {};
  return null;
}

const isEmptyValue = (v: CellValue) =>
  v === null ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && Object.keys(v).length === 0);

// ---------------------------------------------------------------------------------------------
// Row → input

type ReadCell = { column: SheetColumn; value: CellValue };

export type SheetRowMapping = {
  action: 'UPSERT' | 'DELETE';
  input: ActivityInput;
  parsActivityId: number | null;
  key: string | null;
  errors: RowMessage[];
  warnings: RowMessage[];
  /** canonical path (0-based list indices, as the rules report it) → the heading in the file */
  columnNames: Record<string, string>;
  /** the boards and years the header has columns for: only their entries are replaced */
  scope: SheetScope;
};

type Group = { cells: Map<string, ReadCell>; firstIndex: number };

const cellText = (row: DelimitedRow, c: SheetColumn) => row.fields[c.index] ?? '';

/**
 * One data row of an OP-ACT-1 sheet → the canonical input, key and action, with the row's cell errors.
 * Structured columns (`commercialSupporters.N.*`, `enduringCounts.YYYY.*`, `mocRegistrations.BOARD.*`,
 * `rems.*`, `mips.*`) become their lists and objects; all-empty groups are left out.
 */
export function mapSheetRow(header: SheetHeader, row: DelimitedRow): SheetRowMapping {
  const line = row.line;
  const errors: RowMessage[] = [];
  const warnings: RowMessage[] = [];
  const columnNames: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  let action: 'UPSERT' | 'DELETE' = 'UPSERT';
  let parsActivityId: number | null = null;
  let parsIdText: string | null = null;

  const error = (path: string, column: SheetColumn, code: string, message: string, value?: string) =>
    errors.push({
      row: line,
      path,
      columnName: column.heading,
      code,
      message,
      ...(value !== undefined && value !== '' ? { value } : {}),
    });

  const read = (kind: Kind, column: SheetColumn, path: string): CellValue | undefined => {
    const raw = cellText(row, column);
    const result = readSheetCell(kind, raw, column.heading);
    if (isCellError(result)) {
      error(path, column, result.error.code, result.error.message, raw);
      return undefined;
    }
    return result.value ?? emptyOf(kind);
  };

  const supporters = new Map<number, Group>();
  const enduring = new Map<number, Group>();
  const moc = new Map<string, Group>();
  const rems: Map<string, ReadCell> = new Map();
  const mips: Map<string, ReadCell> = new Map();
  let remsFirst: SheetColumn | null = null;
  let mipsFirst: SheetColumn | null = null;
  let supportersPresent = false;

  const addTo = <K>(groups: Map<K, Group>, key: K, field: string, cell: ReadCell) => {
    let g = groups.get(key);
    if (!g) {
      g = { cells: new Map(), firstIndex: cell.column.index };
      groups.set(key, g);
    }
    g.cells.set(field, cell);
  };

  for (const column of header.columns) {
    const name = column.name;
    if (name === null) continue;
    if (column.role === 'special') {
      const raw = cellText(row, column);
      if (name === 'action') {
        const a = raw.toUpperCase();
        if (a === '' || a === 'UPSERT' || a === 'U') action = 'UPSERT';
        else if (a === 'DELETE' || a === 'D') action = 'DELETE';
        else
          error(
            'action',
            column,
            'ACT-ACTION-CODE',
            `${column.heading} must be UPSERT or DELETE (U and D are also accepted), or empty for UPSERT; "${raw}" is not`,
            raw,
          );
      } else if (name === 'parsActivityId') {
        columnNames.parsActivityId = column.heading;
        if (raw !== '') {
          parsIdText = raw;
          if (/^\d{1,12}$/.test(raw)) parsActivityId = Number(raw);
          else
            error(
              'parsActivityId',
              column,
              'ACT-NUMBER-FORMAT',
              `${column.heading} must be the PARS Activity ID, 1–12 digits; "${raw}" is not`,
              raw,
            );
        }
      }
      // repeatGroupKey and providerId (archive imports) are not read by this version
      continue;
    }
    if (column.role !== 'field') continue;
    const parts = name.split('.');
    const head = parts[0] as string;
    if (parts.length === 1) {
      const kind = SCALAR_KINDS[head];
      if (!kind) continue;
      columnNames[head] = column.heading;
      const value = read(kind, column, head);
      if (value !== undefined) input[head] = value;
      continue;
    }
    if (head === 'commercialSupporters') {
      supportersPresent = true;
      const field = parts[2] as string;
      const value = read(SUPPORTER_KINDS[field] ?? 'text', column, name);
      addTo(supporters, Number(parts[1]), field, { column, value: value === undefined ? null : value });
    } else if (head === 'enduringCounts') {
      const field = parts[2] as string;
      const value = read('integer', column, name);
      addTo(enduring, Number(parts[1]), field, { column, value: value === undefined ? null : value });
    } else if (head === 'mocRegistrations') {
      const field = parts[2] as string;
      const value = read(MOC_KINDS[field] ?? 'text', column, name);
      addTo(moc, parts[1] as string, field, { column, value: value === undefined ? null : value });
    } else if (head === 'rems' || head === 'mips') {
      const field = parts[1] as string;
      const kinds = head === 'rems' ? REMS_KINDS : MIPS_KINDS;
      const value = read(kinds[field] ?? 'text', column, name);
      columnNames[name === 'mips.attest' ? 'mips.attested' : name] = column.heading;
      if (head === 'rems') {
        remsFirst ??= column;
        rems.set(field, { column, value: value ?? null });
      } else {
        mipsFirst ??= column;
        mips.set(field, { column, value: value ?? null });
      }
    }
  }

  const hasValue = (g: Group) => [...g.cells.values()].some((c) => !isEmptyValue(c.value));
  const v = (g: Group, field: string) => g.cells.get(field)?.value;

  if (supportersPresent) {
    const list: Record<string, unknown>[] = [];
    for (const n of [...supporters.keys()].sort((a, b) => a - b)) {
      const g = supporters.get(n)!;
      if (!hasValue(g)) continue;
      const i = list.length;
      columnNames[`commercialSupporters.${i}`] = headingOfFirst(g);
      for (const [field, cell] of g.cells)
        columnNames[`commercialSupporters.${i}.${field}`] = cell.column.heading;
      const entry: Record<string, unknown> = { name: v(g, 'name') ?? null, kind: v(g, 'kind') ?? null };
      if (g.cells.has('amount')) entry.amount = v(g, 'amount') ?? null;
      if (g.cells.has('inKindTypes')) entry.inKindTypes = v(g, 'inKindTypes') ?? [];
      if (g.cells.has('inKindOther')) entry.inKindOther = v(g, 'inKindOther') ?? null;
      list.push(entry);
    }
    input.commercialSupporters = list;
  }

  if (enduring.size > 0) {
    const list: Record<string, unknown>[] = [];
    for (const year of [...enduring.keys()].sort((a, b) => a - b)) {
      const g = enduring.get(year)!;
      if (!hasValue(g)) continue;
      const i = list.length;
      columnNames[`enduringCounts.${i}`] = headingOfFirst(g);
      for (const [field, cell] of g.cells) columnNames[`enduringCounts.${i}.${field}`] = cell.column.heading;
      // only the fields with a column: the others keep their stored values (mergeSheetRow)
      const entry: Record<string, unknown> = { year };
      for (const field of ['physicianLearners', 'otherLearners'])
        if (g.cells.has(field)) entry[field] = v(g, field) ?? null;
      list.push(entry);
    }
    input.enduringCounts = list;
  }

  if (moc.size > 0) {
    const list: Record<string, unknown>[] = [];
    for (const [board, g] of [...moc.entries()].sort((a, b) => a[1].firstIndex - b[1].firstIndex)) {
      if (!hasValue(g)) continue;
      const i = list.length;
      columnNames[`mocRegistrations.${i}`] = headingOfFirst(g);
      columnNames[`mocRegistrations.${i}.board`] = headingOfFirst(g);
      const entry: Record<string, unknown> = { board };
      for (const [field, cell] of g.cells) {
        const key = field === 'attest' ? 'attested' : field;
        columnNames[`mocRegistrations.${i}.${key}`] = cell.column.heading;
        if (field === 'attest') {
          if (cell.value === true) entry.attested = true;
        } else entry[key] = cell.value ?? emptyOf(MOC_KINDS[field] ?? 'text');
      }
      list.push(entry);
    }
    input.mocRegistrations = list;
  }

  for (const [name, cells, first] of [
    ['rems', rems, remsFirst],
    ['mips', mips, mipsFirst],
  ] as const) {
    if (cells.size === 0 || first === null) continue;
    columnNames[name] = first.heading;
    if (![...cells.values()].some((c) => !isEmptyValue(c.value))) {
      input[name] = null;
      continue;
    }
    const obj: Record<string, unknown> = {};
    for (const [field, cell] of cells) {
      if (field === 'attest') {
        if (cell.value === true) obj.attested = true;
      } else obj[field] = cell.value;
    }
    input[name] = obj;
  }

  const providerActivityId = typeof input.providerActivityId === 'string' ? input.providerActivityId : null;
  const key = providerActivityId ?? parsIdText;
  return {
    action,
    input: input as ActivityInput,
    parsActivityId,
    key,
    errors,
    warnings,
    columnNames,
    scope: { mocBoards: [...moc.keys()], enduringYears: [...enduring.keys()] },
  };
}

function headingOfFirst(g: Group): string {
  let best: SheetColumn | null = null;
  for (const c of g.cells.values()) if (!best || c.column.index < best.index) best = c.column;
  return best?.heading ?? '';
}

/** The heading for a rule's path: the path itself, else its nearest mapped parent, else the path. */
export function columnNameFor(columnNames: Record<string, string>, path: string): string | undefined {
  let p = path;
  for (;;) {
    const found = columnNames[p];
    if (found !== undefined) return found;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return undefined;
    p = p.slice(0, dot);
  }
}

/** A data row → the pipeline's record (command or errors). */
export function sheetRecord(header: SheetHeader, row: DelimitedRow): SourceRecord {
  if (row.errors.length > 0) {
    return {
      row: row.line,
      key: null,
      command: null,
      errors: row.errors.map((i) => ({
        row: i.line,
        path: i.path,
        columnName: i.columnName,
        code: i.code,
        message: i.message,
        ...(i.value !== null ? { value: i.value } : {}),
      })),
      warnings: [],
    };
  }
  const mapped = mapSheetRow(header, row);
  const base = {
    row: row.line,
    key: mapped.key,
    warnings: mapped.warnings,
    columnNameOf: (path: string) => columnNameFor(mapped.columnNames, path),
  };
  if (mapped.action === 'DELETE') {
    // a delete reads only its keys; other cells of the row are not applied
    const keyErrors = mapped.errors.filter((e) =>
      ['action', 'parsActivityId', 'providerActivityId'].includes(e.path),
    );
    if (keyErrors.length) return { ...base, command: null, errors: keyErrors };
    return {
      ...base,
      command: {
        action: 'DELETE',
        parsActivityId: mapped.parsActivityId,
        providerActivityId: mapped.input.providerActivityId ?? null,
      },
      errors: [],
    };
  }
  if (mapped.errors.length) return { ...base, command: null, errors: mapped.errors };
  const command: ActivityCommand = {
    action: 'UPSERT',
    mode: 'UPSERT',
    input: mapped.input,
    parsActivityId: mapped.parsActivityId,
    requireProviderKey: true,
    mergeWithStored: mapped.scope,
  };
  return { ...base, command, errors: [] };
}

// ---------------------------------------------------------------------------------------------
// Adapter

type SheetDetection =
  | { error: FileLevelIssue }
  | { detection: DelimitedDetection; header: SheetHeader; warnings: FileWarning[] };

async function detectSheet(open: OpenFile): Promise<SheetDetection> {
  const detection = await detectDelimitedActivities(open);
  if ('error' in detection) return { error: detection.error };
  const { result } = detection;
  if (!result.ok) return { error: result.error };
  if (result.layout !== 'OP-ACT-1' || !result.header) {
    return {
      error: {
        code: 'FILE-UNKNOWN-LAYOUT',
        message: `This file is a ${result.layout} file, not an OpenPARS activity sheet.`,
        line: null,
      },
    };
  }
  return { detection, header: result.header, warnings: result.warnings };
}

export const sheetActivitiesAdapter: FormatAdapter = {
  async inspect(open): Promise<FileInspection> {
    const found = await detectSheet(open);
    if ('error' in found) return { error: { code: found.error.code, message: found.error.message } };
    const { detection } = found;
    try {
      for await (const _ of readDelimited(open(), {
        delimiter: detection.delimiter,
        encoding: detection.encoding,
      })) {
        // the pre-pass only checks that every row is readable text
      }
    } catch (err) {
      if (err instanceof FileLevelError) return { error: { code: err.code, message: err.message } };
      throw err;
    }
    return {
      layout: 'OP-ACT-1',
      encoding: detection.encoding,
      warnings: [...detection.encodingWarnings, ...found.warnings].map(fileWarning),
    };
  },

  async *records(open) {
    const found = await detectSheet(open);
    if ('error' in found) throw new FileLevelError(found.error.code, found.error.message);
    const { detection, header } = found;
    for await (const row of readDelimited(open(), {
      delimiter: detection.delimiter,
      encoding: detection.encoding,
    })) {
      if (row.blank || row.line <= header.line) continue;
      yield sheetRecord(header, row);
    }
  },
};
