import type { FieldError } from '../../platform/errors';
import type { ActivityCommand } from '../activities/activity.batch';

// What every format adapter hands the pipeline: one record per file row, already mapped to the
// canonical command (or carrying the row's structural errors), so the pipeline never knows a layout.

/** A message about a row: the field path, the rule code, and where in the file (formats.md §8.7). */
export type RowMessage = FieldError & { row?: number; columnName?: string };

export type SourceRecord = {
  row: number;
  /** the record's key as the file gives it, for the report and duplicate detection */
  key: string | null;
  /** narrows the key for duplicate detection (legacy rows: rule set and reporting year, formats.md §3.7) */
  keyScope?: string;
  command: ActivityCommand | null;
  errors: RowMessage[];
  warnings: RowMessage[];
  /** the file's heading for a message path (sheets, formats.md §8.7); absent → the path is shown */
  columnNameOf?: (path: string) => string | undefined;
};

export type FileLevelError = {
  code: 'FILE-UNREADABLE' | 'FILE-UNKNOWN-LAYOUT' | 'FILE-EMPTY';
  message: string;
};

export type FileInspection =
  | { layout: string; encoding: string | null; warnings: RowMessage[] }
  | { error: FileLevelError };

export type OpenFile = () => AsyncIterable<Uint8Array>;

export type FormatAdapter = {
  /** The streamed pre-pass of formats.md §8.2: decides readability, layout and emptiness; applies nothing. */
  inspect(open: OpenFile): Promise<FileInspection>;
  records(open: OpenFile): AsyncIterable<SourceRecord>;
};
