import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/connect';
import { migrateToLatest } from '../platform/db/migrate';
import { seedReferenceOrganizations } from '../seed/reference.seed';

// Migrates once per run; every test file then starts from a copy: a PGlite data-dir snapshot
// (~0.3 s instead of ~3 s of migrations) or a PostgreSQL database made from a template.
export const SNAPSHOT = path.resolve('.tmp/pglite-test-snapshot.tar.gz');

export default async function setup(project: TestProject) {
  fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
  if (process.env.TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
    const template = `openpars_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const handle = await openDatabase({ kind: 'postgres', url: u.toString(), max: 1 });
    await migrateToLatest(handle.db);
    await seedReferenceOrganizations(handle.db);
    await handle.close();
    project.provide('pgTemplate', template);
    return async () => {
      // drop what the test files left behind (a crashed file may not have cleaned up)
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE '${template}_x_%'`,
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  await seedReferenceOrganizations(handle.db);
  const dump = await handle.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(SNAPSHOT, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  return undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
