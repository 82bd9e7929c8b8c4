import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-database';
import { type BulkColumn, copyValue, insertFromJson } from './bulk';
import type { DatabaseHandle } from './connect';

// Both bulk paths must store exactly what a plain INSERT would: COPY (PostgreSQL, on a held
// connection inside a transaction) and the jsonb_to_recordset INSERT (every database).
let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await sql`CREATE TABLE bulk_probe (id int, t text, a text[], j jsonb, b bytea, f boolean, at timestamptz, n numeric, u uuid)`.execute(
    database.db,
  );
});
afterAll(async () => database.close());

const columns: BulkColumn[] = [
  ['id', 'int'],
  ['t', 'text'],
  ['a', 'text[]'],
  ['j', 'jsonb'],
  ['b', 'bytea'],
  ['f', 'boolean'],
  ['at', 'timestamptz'],
  ['n', 'numeric'],
  ['u', 'uuid'],
];
const awkward = 'tab\there, line\nbreak, CR\r, back\\slash, "quotes", {braces}, comma, NULL, é ✓';
const rows = (base: number) => [
  [
    base + 1,
    awkward,
    [awkward, 'NULL', '', 'a,b'],
    { text: awkward, nested: [1, null, { k: 'v\\n' }] },
    Buffer.from([0, 9, 10, 92, 255]),
    true,
    new Date('2026-11-22T10:00:00.123Z'),
    '12.25',
    '6f1d1c1e-8a7b-4b1c-9d3e-2f4a5b6c7d8e',
  ],
  [base + 2, null, [], null, null, false, null, null, null],
];

async function stored(from: number, to: number) {
  const result = await sql<
    Record<string, unknown>
  >`SELECT id, t, a, j, encode(b, 'hex') AS b, f, at, n::text AS n, u::text AS u FROM bulk_probe WHERE id BETWEEN ${from} AND ${to} ORDER BY id`.execute(
    database.db,
  );
  return result.rows.map(({ id: _id, ...rest }) => rest);
}

describe('bulk inserts', () => {
  it('store the same values through the session insert (COPY on PostgreSQL) and the jsonb INSERT', async () => {
    const session = await database.bulkSession();
    try {
      await session.db.transaction().execute(async (trx) => {
        await session.insert(trx, 'bulk_probe', columns, rows(0));
      });
    } finally {
      session.release();
    }
    await database.db
      .transaction()
      .execute(async (trx) => insertFromJson(trx, 'bulk_probe', columns, rows(10)));
    const viaSession = await stored(1, 2);
    expect(viaSession).toEqual(await stored(11, 12));
    expect(viaSession[0]).toMatchObject({
      t: awkward,
      a: [awkward, 'NULL', '', 'a,b'],
      b: '00090a5cff',
      f: true,
    });
    expect(viaSession[0]!.j).toEqual({ text: awkward, nested: [1, null, { k: 'v\\n' }] });
    expect(viaSession[1]).toMatchObject({ t: null, a: [], j: null, b: null, f: false });
  });

  it('roll back with their transaction', async () => {
    const session = await database.bulkSession();
    try {
      await expect(
        session.db.transaction().execute(async (trx) => {
          await session.insert(trx, 'bulk_probe', columns, rows(20));
          throw new Error('abandon');
        }),
      ).rejects.toThrow('abandon');
    } finally {
      session.release();
    }
    expect(await stored(21, 22)).toEqual([]);
  });
});

describe('COPY text values', () => {
  it('escape what COPY treats specially and quote array elements', () => {
    expect(copyValue(null, 'text')).toBe('\\N');
    expect(copyValue('a\tb\nc\\d\re', 'text')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyValue(['x"y', 'p\\q', null], 'text[]')).toBe('{"x\\\\"y","p\\\\\\\\q",NULL}');
    expect(copyValue(true, 'boolean')).toBe('t');
    expect(copyValue(Buffer.from([1, 255]), 'bytea')).toBe('\\\\x01ff');
    expect(copyValue({ a: '\n' }, 'jsonb')).toBe('{"a":"\\\\n"}');
  });
});
