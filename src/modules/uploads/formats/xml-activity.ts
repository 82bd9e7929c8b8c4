import type { SourceRecord } from '../upload.types';
import { activityElementToRecord } from './activity-element';
import { MEMS_HOME, readMemsFields } from './xml-mems-fields';
import { opElementPath, readOpActivity } from './xml-op-activity';
import { MEMS_NS, OP_NS, type XmlElement } from './xml-reader';
import { addWarning, childNamed, newRowMessages } from './xml-values';

// One MedicalEducationMetrics element → its SourceRecord (formats.md §6): the MEMS elements and the
// `XtensibleInfo/op:Activity` extension each give activity fields; where both carry a value the extension
// wins. The merged object is exactly what an API client would send as JSON, and goes through the same
// record builder as a JSON upload element. Messages keep the JSON field path as `path` and name the
// element it came from as `columnName`.

export const ACTIVITY_ELEMENT = 'MedicalEducationMetrics';

/** A value an element "carries": an empty `<op:city/>` does not override MEMS; an empty list does. */
const carries = (v: unknown) => v !== null && v !== undefined;

function findOpActivity(
  mem: XmlElement,
  warn: (label: string, message: string) => void,
): XmlElement | undefined {
  const info = childNamed(mem, MEMS_NS, 'XtensibleInfo');
  if (!info) return undefined;
  for (const child of info.children) {
    if (child.local === 'Activity' && child.uri === OP_NS) return child;
    if (child.local === 'Activity')
      warn(
        `XtensibleInfo/${child.local}`,
        `XtensibleInfo/Activity must be in namespace ${OP_NS} (for example xmlns:op="${OP_NS}" and <op:Activity>); ${child.uri ? `namespace "${child.uri}"` : 'no namespace'} was given, so it was ignored.`,
      );
  }
  return undefined;
}

export function memsElementToRecord(row: number, mem: XmlElement): SourceRecord {
  const m = newRowMessages(row);
  const mems = readMemsFields(mem, m);
  const op = findOpActivity(mem, (columnName, message) =>
    addWarning(m, { path: '', columnName }, 'FMT-UNKNOWN-COLUMN', message),
  );
  const extension = op ? readOpActivity(op, m) : {};

  const value: Record<string, unknown> = { ...mems.value };
  const sources = new Map(mems.sources);
  for (const [field, v] of Object.entries(extension)) {
    if (!carries(v) && carries(value[field])) continue;
    value[field] = v;
    for (const path of [...sources.keys()])
      if (path === field || path.startsWith(`${field}.`)) sources.delete(path);
  }

  const columnNameOf = (path: string): string => {
    if (path === '') return ACTIVITY_ELEMENT;
    const segments = path.split('.');
    for (let n = segments.length; n > 0; n--) {
      const hit = sources.get(segments.slice(0, n).join('.'));
      if (hit) return hit;
    }
    const field = segments[0] as string;
    const home = MEMS_HOME[field];
    return home && !(field in extension) ? home : opElementPath(path);
  };
  return activityElementToRecord(row, value, { errors: m.errors, warnings: m.warnings, columnNameOf });
}

const sizeText = (chars: number) =>
  chars >= 1024 * 1024 ? `${Math.round(chars / (1024 * 1024))} MiB` : `${Math.round(chars / 1024)} KiB`;

/** An element too large to read is one rejected row, never a failed file (formats.md §8.2). */
export function oversizedRecord(row: number, limit: number): SourceRecord {
  return {
    row,
    key: null,
    command: null,
    errors: [
      {
        row,
        path: '',
        columnName: ACTIVITY_ELEMENT,
        code: 'ACT-TEXT-LENGTH',
        message: `This ${ACTIVITY_ELEMENT} element is longer than ${sizeText(limit)} of XML and was not read; an activity needs far less — look for embedded files or repeated content.`,
      },
    ],
    warnings: [],
  };
}
