import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type BulkSession, insertFromJson, postgresBulkSession } from './bulk';
import type { Database } from './database';
import { acquireLock } from './lock-file';
import { kyselyPlugins } from './plugins';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The connection URL (PostgreSQL only), for components with their own pool such as pg-boss. */
  url?: string;
  /** The raw PGlite instance (embedded only), for COPY and snapshots. */
  pglite?: PGlite;
  /** A connection held for one long job, with the fastest bulk insert this database offers. */
  bulkSession(): Promise<BulkSession>;
  close(): Promise<void>;
};

// Both drivers must hand the same JS values to the code (DESIGN.md "Stack"): dates stay
// 'YYYY-MM-DD' strings, int8 and counts become numbers, numeric stays a string.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const identity = (v: string) => v;
const parsers: Record<number, (v: string) => unknown> = {
  [OID.int8]: (v: string) => Number(v),
  [OID.numeric]: identity,
  [OID.date]: identity,
};

// Columns are snake_case in SQL and camelCase in code.
const plugins = kyselyPlugins();

export type OpenOptions =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob; lock?: boolean };

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.max ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server ends (restart, failover, admin command) must not crash the
    // process; the pool replaces it on the next query.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return {
      db,
      kind: 'postgres',
      url: options.url,
      bulkSession: () => postgresBulkSession(pool),
      close: () => db.destroy(),
    };
  }
  const release = options.dataDir && options.lock !== false ? acquireLock(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      parsers,
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), plugins });
    return {
      db,
      kind: 'pglite',
      pglite,
      // PGlite has one session: jobs share the app's Kysely and insert through it
      bulkSession: async () => ({ db, insert: insertFromJson, release: () => {} }),
      close: async () => {
        try {
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Let the event loop serve requests between batches (PGlite runs in this thread). */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
