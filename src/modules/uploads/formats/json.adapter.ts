import { Readable } from 'node:stream';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { FileInspection, FormatAdapter, OpenFile, SourceRecord } from '../upload.types';
import { activityElementToRecord } from './activity-element';

// OP-ACT-JSON-1 (formats.md §7): `{"activities":[…]}` or a bare array, each element an activity as the
// REST API takes it plus optional `action` (UPSERT | DELETE) and `parsActivityId`. Parsed as a stream
// (never JSON.parse on the file); each element is one row, numbered from 1.

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

/** One JSON element → its record; the mapping shared with the XML adapter (activity-element.ts). */
export const toRecord = (row: number, value: unknown): SourceRecord => activityElementToRecord(row, value);

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
