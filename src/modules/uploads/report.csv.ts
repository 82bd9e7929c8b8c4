// report.csv (formats.md §8.7): one line per message, a row without messages still gets one line.
// Opens cleanly in Excel (UTF-8 BOM, CRLF, quoted cells) and cannot inject formulas: a cell that
// starts with = + - @ or a control character is prefixed with an apostrophe.

export const REPORT_CSV_COLUMNS = [
  'row',
  'key',
  'outcome',
  'status',
  'severity',
  'code',
  'path',
  'columnName',
  'value',
  'message',
] as const;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

type Message = { code: string; path: string; columnName?: string; value?: unknown; message: string };
export type ReportRow = {
  row: number;
  key: string | null;
  outcome: string;
  status: string | null;
  errors: Message[];
  warnings: Message[];
  missing: { requirement: string; field: string; message: string }[];
};

export function reportCsvLines(r: ReportRow): string[] {
  const line = (severity: string, m: Partial<Message>) =>
    [r.row, r.key, r.outcome, r.status, severity, m.code, m.path, m.columnName, m.value, m.message]
      .map(csvCell)
      .join(',');
  const lines = [
    ...r.errors.map((m) => line('error', m)),
    ...r.warnings.map((m) => line('warning', m)),
    ...r.missing.map((m) =>
      line('missing', { code: m.requirement, path: m.field, columnName: m.field, message: m.message }),
    ),
  ];
  return lines.length ? lines : [line('', {})];
}

export const csvHeader = () => `\uFEFF${REPORT_CSV_COLUMNS.join(',')}\r\n`;
