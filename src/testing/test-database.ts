import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../platform/db/connect';

/** A fresh, migrated database for one test file: PGlite from the snapshot, or a PostgreSQL copy of the template. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_DB === 'postgres') {
    const template = inject('pgTemplate');
    if (!url || !template)
      throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL and the template from global setup');
    const name = `${template}_x_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = await openDatabase({ kind: 'postgres', url: u.toString(), max: 5 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const snapshot = fs.readFileSync(path.resolve('.tmp/pglite-test-snapshot.tar.gz'));
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([snapshot]) });
}
