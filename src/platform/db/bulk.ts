import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './connect';
import type { Database } from './database';
import { kyselyPlugins } from './plugins';

// Bulk writes for the upload pipeline (formats.md §8.3: set-based, never a statement per row).
// On PostgreSQL a batch's new rows go in with COPY on the same connection as the batch's transaction,
// which is the fastest way PostgreSQL has to take rows; the embedded PGlite runs in this thread and its
// Kysely transactions hold its only session, so there the same rows go in as one INSERT … SELECT from
// jsonb_to_recordset — one statement per table and batch either way.

/** A column of a bulk insert: its SQL name and type (the type is used by the INSERT fallback). */
export type BulkColumn = readonly [name: string, type: string];

export type BulkInsert = (
  trx: Db,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
) => Promise<void>;

/** A connection held for one long job, with the bulk insert that suits it. */
export type BulkSession = { db: Db; insert: BulkInsert; release(): void };

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeCopy = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);

/** An array element as PostgreSQL's array literal wants it: always quoted, `"` and `\` escaped. */
const arrayElement = (v: unknown) =>
  v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** One value in COPY text format for a column of the given type. */
export function copyValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return '\\N';
  if (type.endsWith('[]')) return escapeCopy(`{${(value as unknown[]).map(arrayElement).join(',')}}`);
  if (type === 'jsonb' || type === 'json')
    return escapeCopy(typeof value === 'string' ? value : JSON.stringify(value));
  if (type === 'bytea') return `\\\\x${Buffer.from(value as Uint8Array).toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeCopy(String(value));
}

export function copyText(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) out += '\t';
      out += copyValue(row[i], columns[i]![1]);
    }
    out += '\n';
  }
  return out;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The portable path: one INSERT … SELECT per table and batch, the rows passed as one jsonb parameter. */
export const insertFromJson: BulkInsert = async (trx, table, columns, rows) => {
  if (rows.length === 0) return;
  const objects = rows.map((row) => {
    const o: Record<string, unknown> = {};
    columns.forEach(([name, type], i) => {
      const v = row[i];
      o[name] = type === 'bytea' && v != null ? Buffer.from(v as Uint8Array).toString('hex') : v;
    });
    return o;
  });
  // identifiers are the caller's constants, never input
  const names = columns.map(([n]) => quoteIdent(n)).join(', ');
  const defs = columns.map(([n, t]) => `${quoteIdent(n)} ${t === 'bytea' ? 'text' : t}`).join(', ');
  const select = columns
    .map(([n, t]) => (t === 'bytea' ? `decode(x.${quoteIdent(n)}, 'hex')` : `x.${quoteIdent(n)}`))
    .join(', ');
  await sql`INSERT INTO ${sql.raw(quoteIdent(table))} (${sql.raw(names)}) OVERRIDING SYSTEM VALUE
    SELECT ${sql.raw(select)} FROM jsonb_to_recordset(${JSON.stringify(objects)}::jsonb) AS x(${sql.raw(defs)})`.execute(
    trx,
  );
};

/** COPY on the session's own client: the caller's transaction runs on that same client. */
function copyInto(client: pg.PoolClient): BulkInsert {
  return async (_trx, table, columns, rows) => {
    if (rows.length === 0) return;
    const names = columns.map(([n]) => quoteIdent(n)).join(', ');
    await pipeline(
      Readable.from([copyText(columns, rows)]),
      client.query(copyFrom(`COPY ${quoteIdent(table)} (${names}) FROM STDIN`)),
    );
  };
}

/**
 * A PostgreSQL connection held for one job: a Kysely bound to exactly that client (so its
 * transactions and the COPY share one session) and the COPY insert.
 */
export async function postgresBulkSession(pool: pg.Pool): Promise<BulkSession> {
  const client = await pool.connect();
  // a pool of one: every Kysely query and transaction of this session runs on `client`
  const held = {
    query: client.query.bind(client),
    release: () => {},
    processID: (client as unknown as { processID?: number }).processID,
  };
  const single = { connect: async () => held, end: async () => {} } as unknown as pg.Pool;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: single }),
    plugins: kyselyPlugins(),
  });
  return { db, insert: copyInto(client), release: () => client.release() };
}
