import { z } from 'zod';
import type { ActivityCommand } from '../../activities/activity.batch';
import { activityInputSchema } from '../../activities/activity.schema';
import type { RowMessage, SourceRecord } from '../upload.types';

// One activity as an API client sends it in JSON (formats.md §7) → the canonical command. Every
// structured upload format builds this same plain object first (JSON elements as parsed, XML
// `MedicalEducationMetrics` elements mapped by xml-activity.ts), so JSON and XML share one shape check
// and one key/action rule; meaning (codes, dates, sums, status) is the activity rules' business.

/** An activity element of a JSON or XML upload: the API input plus `action` and `parsActivityId`. */
export const activityElementSchema = activityInputSchema.extend({
  action: z.string().nullish(),
  parsActivityId: z.union([z.number(), z.string()]).nullish(),
});

function codeFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    // zod reports a fractional count as expected `int`: still "not a number of the required kind"
    if (issue.expected === 'number' || issue.expected === 'int') return 'ACT-NUMBER-FORMAT';
    if (issue.expected === 'boolean') return 'ACT-BOOLEAN';
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return 'ACT-TEXT-LENGTH';
  if (issue.code === 'too_big') return 'ACT-NUMBER-RANGE';
  return 'ACT-CODE-UNKNOWN';
}

export type ElementContext = {
  /** Messages found while building the element from the file (XML text that is not a number, …). */
  errors?: RowMessage[];
  warnings?: RowMessage[];
  /** The file's name for a field path (XML: the element path); the path itself when absent. */
  columnNameOf?: (path: string) => string;
};

/**
 * One element of a structured upload → its SourceRecord. Unknown fields are ignored with a warning, as
 * unknown sheet columns are (formats.md §4.1); shape errors and the context's errors reject the row
 * together, so the report names every problem at once.
 */
export function activityElementToRecord(
  row: number,
  value: unknown,
  context: ElementContext = {},
): SourceRecord {
  const columnNameOf = context.columnNameOf ?? ((path: string) => path);
  const errors: RowMessage[] = [...(context.errors ?? [])];
  const warnings: RowMessage[] = [...(context.warnings ?? [])];
  const base = context.columnNameOf ? { columnNameOf } : {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push({
      row,
      path: '',
      code: 'FMT-FIELD-COUNT',
      message: 'Each element must be an object with activity fields.',
    });
    return { row, key: null, command: null, errors, warnings, ...base };
  }
  const known = new Set(Object.keys(activityElementSchema.shape));
  const cleaned: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (known.has(k)) cleaned[k] = v;
    else
      warnings.push({
        row,
        path: k,
        columnName: columnNameOf(k),
        code: 'FMT-UNKNOWN-COLUMN',
        message: `"${k}" is not a field of an activity; it was ignored.`,
      });
  }
  const rawKey = (cleaned.providerActivityId ?? cleaned.parsActivityId ?? null) as string | number | null;
  const key = rawKey === null ? null : String(rawKey);
  const parsed = activityElementSchema.safeParse(cleaned);
  if (!parsed.success) {
    // a value the file's reader already reported (XML text that is not a number) is reported once
    const reported = new Set(errors.map((e) => e.path));
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (reported.has(path)) continue;
      errors.push({
        row,
        path,
        columnName: columnNameOf(path),
        code: codeFor(issue),
        message: `${path}: ${issue.message}`,
      });
    }
    return { row, key, command: null, errors, warnings, ...base };
  }
  const { action, parsActivityId, ...input } = parsed.data;
  let id: number | null = null;
  if (parsActivityId !== null && parsActivityId !== undefined) {
    const text = String(parsActivityId).trim();
    if (!/^\d{1,12}$/.test(text)) {
      errors.push({
        row,
        path: 'parsActivityId',
        columnName: columnNameOf('parsActivityId'),
        code: 'ACT-NUMBER-FORMAT',
        message: 'PARS Activity ID must be 1–12 digits.',
        value: parsActivityId,
      });
    } else id = Number(text);
  }
  const act = (action ?? 'UPSERT').trim().toUpperCase();
  if (act !== 'UPSERT' && act !== 'DELETE') {
    errors.push({
      row,
      path: 'action',
      columnName: columnNameOf('action'),
      code: 'ACT-ACTION-CODE',
      message: 'Action must be UPSERT or DELETE.',
      value: action,
    });
  }
  if (errors.length) return { row, key, command: null, errors, warnings, ...base };
  const command: ActivityCommand =
    act === 'DELETE'
      ? { action: 'DELETE', parsActivityId: id, providerActivityId: input.providerActivityId ?? null }
      : { action: 'UPSERT', mode: 'UPSERT', parsActivityId: id, input, requireProviderKey: true };
  return { row, key, command, errors, warnings, ...base };
}
