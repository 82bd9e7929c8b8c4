import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/connect';
import { migrateToLatest } from '../src/platform/db/migrate';

/** A fresh benchmark database: PostgreSQL when BENCH_DATABASE_URL is set (a new database is created), else in-memory PGlite. */
export async function benchDatabase(): Promise<DatabaseHandle & { label: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ kind: 'pglite' });
    await migrateToLatest(handle.db);
    return { ...handle, label: 'PGlite (in memory)' };
  }
  const name = `openpars_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: u.toString() });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    label: 'PostgreSQL',
    close: async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
