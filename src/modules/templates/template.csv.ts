import { csvCell } from '../uploads/report.csv';
import type { SheetTemplate } from './sheet-template';

// The CSV rendering of a template (formats.md §4.3, §4.5): the header row alone, UTF-8 with a BOM so
// Excel opens it as UTF-8, CRLF line ends and RFC 4180 quoting — the same cell rules as every export.

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export function renderTemplateCsv(template: SheetTemplate): string {
  return `\uFEFF${template.columns.map((c) => csvCell(c.name)).join(',')}\r\n`;
}
