import { loadConfig } from '../config';
import { createClock } from '../platform/clock';
import { openDatabase } from '../platform/db/connect';
import { buildApp } from './app';

/** The OpenAPI document as the app generates it, with stable key order for the committed copy. */
export async function generateOpenApi(): Promise<string> {
  const database = await openDatabase({ kind: 'pglite' });
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', OPENPARS_DEMO: 'false' }),
    database,
    clock: createClock(),
  });
  try {
    await app.ready();
    const doc = app.swagger() as { info: { version: string } };
    doc.info.version = 'see package.json';
    return `${JSON.stringify(doc, null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}
