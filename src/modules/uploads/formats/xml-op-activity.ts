import { z } from 'zod';
import { activityElementSchema } from './activity-element';
import { OP_NS, type XmlElement } from './xml-reader';
import {
  addError,
  addWarning,
  type Converted,
  inNamespace,
  type RowMessages,
  toBoolean,
  toDecimal,
  toInteger,
  tokenOf,
} from './xml-values';

// `XtensibleInfo/op:Activity` (formats.md §6): every activity field as an element named exactly as its
// JSON field, nested objects as nested elements, a list as a wrapper of repeated `op:item`, a map as
// `op:item code="…"` with the count as text. The element tree is turned into the plain object an API
// client would send, led by the activity schema itself, so a field added to the schema is read from XML
// without touching this file.
//
// Element paths in messages (`columnName`) start at `op:Activity`; the field elements below it are written
// without a prefix, list items as `item[n]` (1-based) and map entries as `item[@code='X']`, e.g.
// `op:Activity/commercialSupporters/item[2]/amount`. The message `path` stays the JSON field path
// (`commercialSupporters.1.amount`), as for every other format.

export const OP_ACTIVITY_PATH = 'op:Activity';

type FieldShape =
  | { kind: 'object'; fields: Record<string, z.ZodType> }
  | { kind: 'list'; item: z.ZodType }
  | { kind: 'map'; value: z.ZodType }
  | { kind: 'number'; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'text' };

function shapeOf(schema: z.ZodType): FieldShape {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  if (s instanceof z.ZodObject) return { kind: 'object', fields: s.shape as Record<string, z.ZodType> };
  if (s instanceof z.ZodArray) return { kind: 'list', item: s.element as z.ZodType };
  if (s instanceof z.ZodRecord) return { kind: 'map', value: s.valueType as z.ZodType };
  if (s instanceof z.ZodNumber) return { kind: 'number', integer: s.isInt };
  if (s instanceof z.ZodBoolean) return { kind: 'boolean' };
  // strings, and number-or-string (parsActivityId): the text as written, checked by the schema
  return { kind: 'text' };
}

const itemLabel = (index: number) => `item[${index + 1}]`;
const mapItemLabel = (code: string) => `item[@code='${code}']`;

/** The element path of a JSON field path inside op:Activity (for fields the file may not even hold). */
export function opElementPath(path: string): string {
  let shape: FieldShape = shapeOf(activityElementSchema);
  let label = OP_ACTIVITY_PATH;
  for (const segment of path.split('.').filter((s) => s !== '')) {
    if (shape.kind === 'object' && segment in shape.fields) {
      label += `/${segment}`;
      shape = shapeOf(shape.fields[segment] as z.ZodType);
    } else if (shape.kind === 'list' && /^\d+$/.test(segment)) {
      label += `/${itemLabel(Number(segment))}`;
      shape = shapeOf(shape.item);
    } else if (shape.kind === 'map') {
      label += `/${mapItemLabel(segment)}`;
      shape = shapeOf(shape.value);
    } else {
      label += `/${segment}`;
      shape = { kind: 'text' };
    }
  }
  return label;
}

type Place = { path: string; columnName: string };
const below = (at: Place, field: string, label: string): Place => ({
  path: at.path === '' ? field : `${at.path}.${field}`,
  columnName: `${at.columnName}/${label}`,
});

function scalar<T>(m: RowMessages, at: Place, converted: Converted<T>, code: string, expected: string) {
  if (converted.ok) return converted.value;
  addError(m, at, code, `${at.columnName} must be ${expected}; "${converted.text}" is not.`, converted.text);
  // the text stays in place: the shape check then skips this path, already reported here
  return converted.text;
}

function readValue(node: XmlElement, shape: FieldShape, at: Place, m: RowMessages): unknown {
  switch (shape.kind) {
    case 'object':
      return readObject(node, shape.fields, at, m);
    case 'list':
      return itemsOf(node, at, m).map((item, i) =>
        readValue(item, shapeOf(shape.item), below(at, String(i), itemLabel(i)), m),
      );
    case 'map':
      return readMap(node, shapeOf(shape.value), at, m);
    case 'number':
      return shape.integer
        ? scalar(m, at, toInteger(tokenOf(node)), 'ACT-NUMBER-FORMAT', 'a whole number such as 12')
        : scalar(m, at, toDecimal(tokenOf(node)), 'ACT-NUMBER-FORMAT', 'a number such as 1.5');
    case 'boolean':
      return scalar(m, at, toBoolean(tokenOf(node)), 'ACT-BOOLEAN', 'true or false (or 1 or 0)');
    case 'text':
      return node.text.trim() === '' ? null : node.text;
  }
}

function readObject(node: XmlElement, fields: Record<string, z.ZodType>, at: Place, m: RowMessages) {
  const out: Record<string, unknown> = {};
  for (const child of node.children) {
    const field = inNamespace(child, OP_NS) ? fields[child.local] : undefined;
    const place = below(at, child.local, child.local);
    if (!field) {
      const name = child.uri && child.uri !== OP_NS ? `{${child.uri}}${child.local}` : child.local;
      addWarning(
        m,
        place,
        'FMT-UNKNOWN-COLUMN',
        `${place.columnName}: "${name}" is not a field here; it was ignored.`,
      );
      continue;
    }
    // a repeated field element: the last one wins, as a repeated key does in JSON
    out[child.local] = readValue(child, shapeOf(field), place, m);
  }
  return out;
}

function itemsOf(node: XmlElement, at: Place, m: RowMessages): XmlElement[] {
  const items: XmlElement[] = [];
  for (const child of node.children) {
    if (child.local === 'item' && inNamespace(child, OP_NS)) items.push(child);
    else
      addWarning(
        m,
        { path: at.path, columnName: `${at.columnName}/${child.local}` },
        'FMT-UNKNOWN-COLUMN',
        `${at.columnName} holds its values in op:item elements; <${child.local}> was ignored.`,
      );
  }
  if (items.length === 0 && node.text.trim() !== '')
    addWarning(
      m,
      at,
      'FMT-UNKNOWN-COLUMN',
      `${at.columnName}: write each value in its own op:item element; the text "${node.text.trim().slice(0, 50)}" was ignored.`,
    );
  return items;
}

function readMap(node: XmlElement, valueShape: FieldShape, at: Place, m: RowMessages) {
  const out: Record<string, unknown> = {};
  itemsOf(node, at, m).forEach((item, i) => {
    const code = (item.attributes.code ?? '').trim();
    if (code === '') {
      addError(
        m,
        { path: at.path, columnName: `${at.columnName}/${itemLabel(i)}` },
        'ACT-CODE-UNKNOWN',
        `${at.columnName}/${itemLabel(i)} needs a code attribute naming the entry, such as <op:item code="NURSE">12</op:item>.`,
      );
      return;
    }
    // a repeated code: the last one wins, as a repeated key does in JSON
    out[code] = readValue(item, valueShape, below(at, code, mapItemLabel(code)), m);
  });
  return out;
}

/** `op:Activity` → the JSON object of its fields (only those the element holds). */
export function readOpActivity(node: XmlElement, m: RowMessages): Record<string, unknown> {
  const root = shapeOf(activityElementSchema);
  if (root.kind !== 'object') throw new Error('the activity element schema must be an object');
  return readObject(node, root.fields, { path: '', columnName: OP_ACTIVITY_PATH }, m);
}
