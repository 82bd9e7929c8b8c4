import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/config';
import { createClock } from '../src/platform/clock';
import type { DatabaseHandle } from '../src/platform/db/connect';
import { seedDemo } from '../src/seed/demo.seed';
import { buildApp } from '../src/server/app';
import { templateDRows, templateDText } from '../src/testing/template-d';
import { benchDatabase } from './support';

// Issue "Activities" §6: 50,000 Template D rows through the HTTP API to COMPLETED, as rows/s and as a
// ratio to a raw COPY of the same rows into a staging table with one text column per field, in the
// same database and run (decisions.md §23). Target on PostgreSQL: ratio ≥ 0.25, RSS < 1 GB.
const N = Number(process.env.BENCH_ROWS ?? 50_000);

function buildFile(): { text: string; rows: string[][] } {
  const rows = templateDRows(N, 'BENCH-');
  return { text: templateDText(rows), rows };
}

async function copyBaseline(database: DatabaseHandle & { url?: string }, rows: string[][]): Promise<number> {
  const width = Math.max(...rows.map((r) => r.length));
  const cols = Array.from({ length: width }, (_, i) => `c${i + 1} text`).join(', ');
  await sql
    .raw(`DROP TABLE IF EXISTS bench_staging; CREATE TABLE bench_staging (${cols})`)
    .execute(database.db)
    .catch(async () => {
      await sql.raw('DROP TABLE IF EXISTS bench_staging').execute(database.db);
      await sql.raw(`CREATE TABLE bench_staging (${cols})`).execute(database.db);
    });
  const copyText = (v: string) => (v === '' ? '\\N' : v.replace(/\\/g, '\\\\'));
  const body = `${rows.map((r) => [...r, ...Array(width - r.length).fill('')].map(copyText).join('\t')).join('\n')}\n`;
  const t0 = performance.now();
  if (database.kind === 'postgres') {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await pipeline(Readable.from([body]), client.query(copyFrom('COPY bench_staging FROM STDIN')));
    await client.end();
  } else {
    await database.pglite!.query("COPY bench_staging FROM '/dev/blob'", [], { blob: new Blob([body]) });
  }
  return (performance.now() - t0) / 1000;
}

export async function run() {
  const database = await benchDatabase();
  const clock = createClock('2026-11-22');
  await seedDemo(database.db, clock);
  const file = buildFile();
  const { text } = file;
  const copySeconds = await copyBaseline(database, file.rows);
  // the client's parsed copy is not the server's memory: let it go before the upload is measured
  file.rows = [];

  const app = await buildApp({
    config: loadConfig({
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      OPENPARS_DEMO: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    }),
    database,
    clock,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'provider@example.org', password: 'openpars-demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const t0 = performance.now();
  const form = new FormData();
  form.append('kind', 'activities');
  form.append('file', new Blob([text]), 'bench-template-d.txt');
  const created = await fetch(`${base}/uploads`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken },
    body: form,
  });
  const { uploadId } = (await created.json()) as { uploadId: string };
  const accepted = performance.now();
  let state = '';
  let summary: unknown;
  let times = { startedAt: '', finishedAt: '' };
  while (!['COMPLETED', 'REJECTED', 'CANCELLED'].includes(state)) {
    // a short poll: the figure should be the pipeline's, not the poller's
    await new Promise((r) => setTimeout(r, 50));
    const res = (await (await fetch(`${base}/uploads/${uploadId}`, { headers: { cookie } })).json()) as {
      state: string;
      summary: unknown;
      startedAt: string;
      finishedAt: string;
    };
    state = res.state;
    summary = res.summary;
    times = res;
  }
  const uploadSeconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  await app.close();
  await database.close();
  const uploadRate = N / uploadSeconds;
  const copyRate = N / copySeconds;
  return {
    name: `Template D upload, ${N} rows, HTTP → COMPLETED`,
    database: database.label,
    state,
    summary,
    uploadRowsPerSecond: Math.round(uploadRate),
    copyRowsPerSecond: Math.round(copyRate),
    ratio: Number((uploadRate / copyRate).toFixed(3)),
    peakRssMB: Math.round(peakRss / 1024 / 1024),
    phasesSeconds: {
      receive: Number(((accepted - t0) / 1000).toFixed(2)),
      process: Number(((Date.parse(times.finishedAt) - Date.parse(times.startedAt)) / 1000).toFixed(2)),
    },
    target: 'ratio ≥ 0.25 on PostgreSQL, RSS < 1 GB',
  };
}
