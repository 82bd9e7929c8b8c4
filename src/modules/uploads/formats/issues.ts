import type { RowMessage } from '../upload.types';
// Messages of the file-reading layer (spec/formats.md §8.2, §8.6, §8.7, §9). A row message carries the
// physical line and the column as the user sees it (a heading of the layout, or "column N"); a file
// warning belongs to the upload as a whole; a file-level error rejects the whole file.

/** One reason or warning about one row: the report's `errors[]`/`warnings[]` entry (§8.7). */
export type RowIssue = {
  /** Physical line of the file where the row starts (1-based; §4.4 row numbers). */
  line: number;
  /** Path in the canonical record (`startDate`, `legacy.hoursOfInstruction`); '' for the whole row. */
  path: string;
  /** The Excel heading of the legacy template (§3.1) or the sheet's header, else `column N`. */
  columnName: string;
  code: string;
  message: string;
  /** The cell as read (trimmed), when there is one. */
  value: string | null;
};

/** A warning about the file rather than one row (`fileWarnings` of the report, §8.7). */
export type FileWarning = {
  code: string;
  message: string;
  line: number | null;
  columnName: string | null;
  value: string | null;
};

export type FileLevelCode = 'FILE-UNREADABLE' | 'FILE-UNKNOWN-LAYOUT' | 'FILE-EMPTY';

/** The whole file is rejected (§8.2); nothing from it may be saved. */
export type FileLevelIssue = { code: FileLevelCode; message: string; line: number | null };

/** Thrown while streaming when the bytes cannot be read as text at all (§2.1, §8.2). */
export class FileLevelError extends Error {
  readonly code: FileLevelCode;
  readonly line: number | null;
  constructor(code: FileLevelCode, message: string, line: number | null = null) {
    super(message);
    this.name = 'FileLevelError';
    this.code = code;
    this.line = line;
  }

  toIssue(): FileLevelIssue {
    return { code: this.code, message: this.message, line: this.line };
  }
}

export const columnLabel = (index: number): string => `column ${index + 1}`;

/** A file-level warning as the report shows it (formats.md §8.7: row and column when known). */
export const fileWarning = (w: FileWarning): RowMessage => ({
  path: '',
  code: w.code,
  message: w.message,
  ...(w.line !== null ? { row: w.line } : {}),
  ...(w.columnName !== null ? { columnName: w.columnName } : {}),
  ...(w.value !== null ? { value: w.value } : {}),
});
