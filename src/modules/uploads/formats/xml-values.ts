import type { RowMessage } from '../upload.types';
import type { XmlElement } from './xml-reader';

// Reading values out of one MedicalEducationMetrics tree (formats.md §6): finding elements by namespace
// and local name, and turning element text of the XML Schema types (xsd:integer, xsd:decimal,
// xsd:boolean, xsd:date) into the JSON types the activity schema expects. A value that cannot be turned
// into its type is reported with the code the JSON path would give (ACT-NUMBER-FORMAT, ACT-BOOLEAN…).

/** The messages of one row, collected while its element is mapped. */
export type RowMessages = { row: number; errors: RowMessage[]; warnings: RowMessage[] };

export function newRowMessages(row: number): RowMessages {
  return { row, errors: [], warnings: [] };
}

export function addError(
  m: RowMessages,
  at: { path: string; columnName: string },
  code: string,
  message: string,
  value?: string,
) {
  m.errors.push({ row: m.row, ...at, code, message, ...(value !== undefined ? { value } : {}) });
}

export function addWarning(
  m: RowMessages,
  at: { path: string; columnName: string },
  code: string,
  message: string,
) {
  m.warnings.push({ row: m.row, ...at, code, message });
}

/** In namespace `ns` — or in none, so that a document written without namespaces still reads. */
export const inNamespace = (node: XmlElement, ns: string) => node.uri === ns || node.uri === '';

export const childrenNamed = (node: XmlElement | undefined, ns: string, local: string): XmlElement[] =>
  node ? node.children.filter((c) => c.local === local && inNamespace(c, ns)) : [];

export const childNamed = (node: XmlElement | undefined, ns: string, local: string): XmlElement | undefined =>
  childrenNamed(node, ns, local)[0];

/** Element text with XML Schema's whitespace collapsing for tokens (numbers, booleans, dates, codes). */
export const tokenOf = (node: XmlElement) => node.text.replace(/\s+/g, ' ').trim();

export type Converted<T> = { ok: true; value: T | null } | { ok: false; text: string };

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** xsd:integer; empty → null. */
export function toInteger(text: string): Converted<number> {
  if (text === '') return { ok: true, value: null };
  return INTEGER.test(text) ? { ok: true, value: Number(text) } : { ok: false, text };
}

/** xsd:decimal; empty → null. */
export function toDecimal(text: string): Converted<number> {
  if (text === '') return { ok: true, value: null };
  return DECIMAL.test(text) ? { ok: true, value: Number(text) } : { ok: false, text };
}

/** xsd:boolean (true, false, 1, 0); empty → null. */
export function toBoolean(text: string): Converted<boolean> {
  if (text === '') return { ok: true, value: null };
  if (text === 'true' || text === '1') return { ok: true, value: true };
  if (text === 'false' || text === '0') return { ok: true, value: false };
  return { ok: false, text };
}

/** xsd:date may carry a time zone (`2025-03-01Z`, `2025-03-01-05:00`); a calendar date has none. */
export function toDateText(text: string): string | null {
  if (text === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})$/.exec(text);
  return m ? (m[1] as string) : text;
}
