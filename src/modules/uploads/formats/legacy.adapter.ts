import type { ActivityCommand } from '../../activities/activity.batch';
import type { FileInspection, FormatAdapter, OpenFile, RowMessage, SourceRecord } from '../upload.types';
import {
  type DelimitedRow,
  type Delimiter,
  readDelimited,
  scanEncoding,
  sniffDelimiter,
  type TextEncodingName,
} from './delimited-reader';
import { FileLevelError, type FileLevelIssue, type FileWarning, fileWarning, type RowIssue } from './issues';
import { detectLayout, type LayoutResult, type LegacyLayoutId } from './layout-detect';
import { LEGACY_LAYOUTS, mapLegacyDelimitedRow } from './legacy-templates';

// The legacy PARS activity templates D, C, B and pre-2011 (formats.md §3), tab-delimited and headerless.
// `inspect` is the streamed pre-pass of §8.2 (encoding over the whole file, layout from the first
// non-blank rows, readability of every row); `records` maps each row with `mapLegacyDelimitedRow`
// into an UPSERT_LEGACY command. The row number is the file's physical line.

export const LEGACY_LAYOUT_IDS: readonly LegacyLayoutId[] = ['PARS-D', 'PARS-C', 'PARS-B', 'PARS-2010'];
export const isLegacyLayout = (layout: string): layout is LegacyLayoutId =>
  (LEGACY_LAYOUT_IDS as readonly string[]).includes(layout);

export type DelimitedDetection = {
  encoding: TextEncodingName;
  encodingWarnings: FileWarning[];
  delimiter: Delimiter;
  result: LayoutResult;
};

/** Encoding (whole file), delimiter and layout (§2.7) of a delimited activity file. */
export async function detectDelimitedActivities(
  open: OpenFile,
): Promise<DelimitedDetection | { error: FileLevelIssue }> {
  try {
    const decision = await scanEncoding(open());
    const delimiter = await sniffDelimiter(open(), { encoding: decision.encoding });
    const first: DelimitedRow[] = [];
    for await (const row of readDelimited(open(), { delimiter, encoding: decision.encoding })) {
      if (row.blank) continue;
      first.push(row);
      if (first.length >= 2) break;
    }
    return {
      encoding: decision.encoding,
      encodingWarnings: decision.warnings,
      delimiter,
      result: detectLayout('activities', first, { delimiter }),
    };
  } catch (err) {
    if (err instanceof FileLevelError) return { error: err.toIssue() };
    throw err;
  }
}

const rowMessage = (i: RowIssue): RowMessage => ({
  row: i.line,
  path: i.path,
  columnName: i.columnName,
  code: i.code,
  message: i.message,
  ...(i.value !== null ? { value: i.value } : {}),
});

function rawKey(layout: LegacyLayoutId, fields: readonly string[]): string | null {
  const columns = LEGACY_LAYOUTS[layout].columns;
  for (const path of ['providerActivityId', 'parsActivityId']) {
    const value = fields[columns.findIndex((c) => c.path === path)];
    if (value) return value;
  }
  return null;
}

export function legacyRecord(layout: LegacyLayoutId, row: DelimitedRow): SourceRecord {
  const mapped = mapLegacyDelimitedRow(layout, row);
  const warnings = mapped.warnings.map(rowMessage);
  if (!mapped.input) {
    return {
      row: row.line,
      key: rawKey(layout, row.fields),
      command: null,
      errors: mapped.errors.map(rowMessage),
      warnings,
    };
  }
  const input = mapped.input;
  const command: ActivityCommand = { action: 'UPSERT_LEGACY', input };
  return {
    row: row.line,
    key: input.providerActivityId ?? (input.parsActivityId !== null ? String(input.parsActivityId) : null),
    // legacy keys are per reporting year (§3.7): the same ID in two years is not a duplicate
    keyScope: `${input.ruleSet}:${input.reportingYear}`,
    command,
    errors: [],
    warnings,
  };
}

export const legacyActivitiesAdapter: FormatAdapter = {
  async inspect(open): Promise<FileInspection> {
    const detection = await detectDelimitedActivities(open);
    if ('error' in detection) return { error: detection.error };
    const { result } = detection;
    if (!result.ok) return { error: { code: result.error.code, message: result.error.message } };
    if (!isLegacyLayout(result.layout)) {
      return {
        error: {
          code: 'FILE-UNKNOWN-LAYOUT',
          message: `This file is a ${result.layout} file, which this version does not read yet.`,
        },
      };
    }
    // the rest of the pre-pass: every row must be readable text (FILE-UNREADABLE otherwise)
    try {
      for await (const _ of readDelimited(open(), {
        delimiter: detection.delimiter,
        encoding: detection.encoding,
      })) {
        // rows are only read here; they are mapped by `records`
      }
    } catch (err) {
      if (err instanceof FileLevelError) return { error: { code: err.code, message: err.message } };
      throw err;
    }
    return {
      layout: result.layout,
      encoding: detection.encoding,
      warnings: [...detection.encodingWarnings, ...result.warnings].map(fileWarning),
    };
  },

  async *records(open) {
    const detection = await detectDelimitedActivities(open);
    if ('error' in detection) throw new FileLevelError(detection.error.code, detection.error.message);
    const { result } = detection;
    if (!result.ok || !isLegacyLayout(result.layout))
      throw new Error('legacy adapter: the file is not a legacy PARS layout');
    const layout = result.layout;
    for await (const row of readDelimited(open(), {
      delimiter: detection.delimiter,
      encoding: detection.encoding,
    })) {
      if (row.blank || row.line === result.headerLine) continue;
      yield legacyRecord(layout, row);
    }
  },
};
