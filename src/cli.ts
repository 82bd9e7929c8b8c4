import { ConfigError, loadConfig } from './config';
import { lockPastYears } from './modules/annual/lock-past-years';
import { createClock } from './platform/clock';
import { DataDirLockedError } from './platform/db/lock-file';
import { openConfiguredDatabase } from './platform/db/open-from-config';
import { seedDemo } from './seed/demo.seed';
import { seedReferenceOrganizations } from './seed/reference.seed';

// `openpars <command>`: operator commands that run against the configured database.
const USAGE = `usage: openpars <command>
  migrate        apply database migrations
  seed demo      load the demo data (refused when NODE_ENV=production)
  lock-past-years  lock every provider's reporting years whose annual deadline has passed (go-live)
  help           this text`;

async function run(args: string[]) {
  const [command, sub] = args;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  if (command === 'migrate') {
    const db = await openConfiguredDatabase(config);
    await seedReferenceOrganizations(db.db);
    await db.close();
    process.stdout.write('migrations applied\n');
    return 0;
  }
  if (command === 'seed' && sub === 'demo') {
    if (config.production) {
      process.stderr.write(
        'openpars seed demo is refused when NODE_ENV=production: demo data never reaches a production instance.\n',
      );
      return 2;
    }
    const db = await openConfiguredDatabase(config);
    await seedDemo(db.db, createClock(config.today), (m) => process.stdout.write(`${m}\n`));
    await db.close();
    return 0;
  }
  if (command === 'lock-past-years') {
    const db = await openConfiguredDatabase(config);
    const { years, locksAdded } = await lockPastYears(db.db, createClock(config.today));
    await db.close();
    process.stdout.write(
      years.length
        ? `reporting years ${years[0]}–${years.at(-1)} locked: ${locksAdded} new provider-year locks\n`
        : 'no reporting year is past its deadline\n',
    );
    return 0;
  }
  process.stderr.write(`unknown command: ${args.join(' ')}\n${USAGE}\n`);
  return 2;
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    process.stderr.write(
      `${err instanceof ConfigError || err instanceof DataDirLockedError ? err.message : (err as Error).stack}\n`,
    );
    process.exit(1);
  });
