import { Readable } from 'node:stream';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { z } from 'zod';
import type { ActivityCommand } from '../../activities/activity.batch';
import { activityInputSchema } from '../../activities/activity.schema';
import type { FileInspection, FormatAdapter, OpenFile, RowMessage, SourceRecord } from '../upload.types';

// OP-ACT-JSON-1 (formats.md §7): `{"activities":[…]}` or a bare array, each element an activity as the
// REST API takes it plus optional `action` (UPSERT | DELETE) and `parsActivityId`. Parsed as a stream
// (never JSON.parse on the file); each element is one row, numbered from 1.

const elementSchema = activityInputSchema.extend({
  action: z.string().nullish(),
  parsActivityId: z.union([z.number(), z.string()]).nullish(),
});

async function firstSignificantByte(open: OpenFile): Promise<string | null> {
  for await (const chunk of open()) {
    for (const byte of chunk) {
      const ch = String.fromCharCode(byte);
      if (!/\s|\uFEFF|\u00EF|\u00BB|\u00BF/.test(ch)) return ch;
    }
  }
  return null;
}

function elements(open: OpenFile, shape: 'array' | 'object'): AsyncIterable<{ key: number; value: unknown }> {
  const steps =
    shape === 'array' ? [parser(), streamArray()] : [parser(), pick({ filter: 'activities' }), streamArray()];
  return chain([Readable.from(open()), ...steps]) as unknown as AsyncIterable<{
    key: number;
    value: unknown;
  }>;
}

function codeFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'number') return 'ACT-NUMBER-FORMAT';
    if (issue.expected === 'boolean') return 'ACT-BOOLEAN';
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return 'ACT-TEXT-LENGTH';
  if (issue.code === 'too_big') return 'ACT-NUMBER-RANGE';
  return 'ACT-CODE-UNKNOWN';
}

export function toRecord(row: number, value: unknown): SourceRecord {
  const errors: RowMessage[] = [];
  const warnings: RowMessage[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      row,
      key: null,
      command: null,
      errors: [
        {
          row,
          path: '',
          code: 'FMT-FIELD-COUNT',
          message: 'Each element must be an object with activity fields.',
        },
      ],
      warnings,
    };
  }
  // unknown fields are ignored with a warning, as unknown sheet columns are (formats.md §4.1)
  const known = new Set(Object.keys(elementSchema.shape));
  const cleaned: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (known.has(k)) cleaned[k] = v;
    else
      warnings.push({
        row,
        path: k,
        columnName: k,
        code: 'FMT-UNKNOWN-COLUMN',
        message: `"${k}" is not a field of an activity; it was ignored.`,
      });
  }
  const parsed = elementSchema.safeParse(cleaned);
  const rawKey = (cleaned.providerActivityId ?? cleaned.parsActivityId ?? null) as string | number | null;
  const key = rawKey === null ? null : String(rawKey);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors.push({
        row,
        path,
        columnName: path,
        code: codeFor(issue),
        message: `${path}: ${issue.message}`,
      });
    }
    return { row, key, command: null, errors, warnings };
  }
  const { action, parsActivityId, ...input } = parsed.data;
  let id: number | null = null;
  if (parsActivityId !== null && parsActivityId !== undefined) {
    const text = String(parsActivityId).trim();
    if (!/^\d{1,12}$/.test(text)) {
      errors.push({
        row,
        path: 'parsActivityId',
        columnName: 'parsActivityId',
        code: 'ACT-NUMBER-FORMAT',
        message: 'PARS Activity ID must be 1–12 digits.',
        value: parsActivityId,
      });
    } else id = Number(text);
  }
  const act = (action ?? 'UPSERT').toUpperCase();
  if (act !== 'UPSERT' && act !== 'DELETE') {
    errors.push({
      row,
      path: 'action',
      columnName: 'action',
      code: 'ACT-ACTION-CODE',
      message: 'Action must be UPSERT or DELETE.',
      value: action,
    });
  }
  if (errors.length) return { row, key, command: null, errors, warnings };
  const command: ActivityCommand =
    act === 'DELETE'
      ? { action: 'DELETE', parsActivityId: id, providerActivityId: input.providerActivityId ?? null }
      : { action: 'UPSERT', mode: 'UPSERT', parsActivityId: id, input, requireProviderKey: true };
  return { row, key, command, errors, warnings };
}

export const jsonActivitiesAdapter: FormatAdapter = {
  async inspect(open): Promise<FileInspection> {
    const first = await firstSignificantByte(open);
    if (first !== '[' && first !== '{') {
      return {
        error: {
          code: 'FILE-UNREADABLE',
          message: 'The file is not JSON: it must be an array of activities or {"activities": […]}.',
        },
      };
    }
    let count = 0;
    try {
      for await (const _ of elements(open, first === '[' ? 'array' : 'object')) count++;
    } catch (err) {
      return {
        error: {
          code: 'FILE-UNREADABLE',
          message: `The file is not well-formed JSON: ${(err as Error).message.slice(0, 200)}`,
        },
      };
    }
    if (count === 0) return { error: { code: 'FILE-EMPTY', message: 'The file holds no activities.' } };
    return { layout: 'OP-ACT-JSON-1', encoding: 'utf-8', warnings: [] };
  },

  async *records(open) {
    const first = await firstSignificantByte(open);
    for await (const { key, value } of elements(open, first === '[' ? 'array' : 'object'))
      yield toRecord(key + 1, value);
  },
};
