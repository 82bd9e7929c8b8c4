import { ConfigError, loadConfig } from './config';
import { createClock } from './platform/clock';
import { DataDirLockedError } from './platform/db/lock-file';
import { openConfiguredDatabase } from './platform/db/open-from-config';
import { DEMO_LOGINS, DEMO_PASSWORD, isEmptyDatabase, seedDemo } from './seed/demo.seed';
import { seedReferenceOrganizations } from './seed/reference.seed';
import { buildApp } from './server/app';

// Start-up: config → database + migrations → reference data → (demo seed into an empty demo
// database) → listen. Stops cleanly on SIGINT/SIGTERM.
async function main() {
  const config = loadConfig();
  const clock = createClock(config.today);
  const database = await openConfiguredDatabase(config);
  await seedReferenceOrganizations(database.db);
  let seeded = false;
  if (config.demo && (await isEmptyDatabase(database.db))) {
    await seedDemo(database.db, clock);
    seeded = true;
  }
  const app = await buildApp({ config, database, clock });
  await app.services.mailer.flush();
  await app.startBackgroundWork();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
    } finally {
      await database.close();
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `OpenPARS is running at ${url}`,
    `  database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.demo) {
    lines.push(
      `  demo instance${seeded ? ' (demo data loaded just now)' : ''} — not for real data. Mail goes to ${url}/outbox`,
    );
    lines.push(`  demo logins (password "${DEMO_PASSWORD}"):`);
    for (const l of DEMO_LOGINS) lines.push(`    ${l.email.padEnd(26)} ${l.what}`);
  }
  if (config.today) lines.push(`  fixed date: ${config.today} (OPENPARS_TODAY)`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(
      `OpenPARS could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exit(1);
});
