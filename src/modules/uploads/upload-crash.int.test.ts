import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../testing/server-process';
import { templateDRows, templateDText } from '../../testing/template-d';

// Crash safety (issue "Activities" §5) with real server processes: a large upload is killed with
// SIGKILL in the middle of its batches, the server is started again on the same database, and the
// upload resumes after its last committed batch and completes — every row applied exactly once. The
// same file sent again and confirmed then changes nothing. Runs on PGlite (a data directory) and, in
// the PostgreSQL run, on a fresh PostgreSQL database (where batches are written with COPY).
const ROWS = 6000;
const onPostgres = process.env.TEST_DB === 'postgres';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpars-crash-'));
const dbName = `openpars_crash_${process.pid}`;
let databaseUrl = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (onPostgres) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

function startServer(port: number) {
  const server = startServerProcess({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    OPENPARS_DEMO: 'true',
    OPENPARS_TODAY: '2026-11-22',
    UPLOAD_BATCH_ROWS: '250',
  });
  children.push(server.child);
  return { ...server, base: `http://127.0.0.1:${port}/api/v1` };
}

type Session = { base: string; cookie: string; csrf: string };

async function signIn(base: string): Promise<Session> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'provider@example.org', password: 'openpars-demo' }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { base, cookie, csrf: csrfToken };
}

const get = async (s: Session, url: string) =>
  (await (await fetch(`${s.base}${url}`, { headers: { cookie: s.cookie } })).json()) as Record<
    string,
    // biome-ignore lint/suspicious/noExplicitAny: test reads of JSON bodies
    any
  >;

async function send(s: Session, text: string): Promise<string> {
  const form = new FormData();
  form.append('kind', 'activities');
  form.append('file', new Blob([text]), 'crash-template-d.txt');
  const res = await fetch(`${s.base}/uploads`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { uploadId: string }).uploadId;
}

async function until<T>(what: string, probe: () => Promise<T | null>, seconds = 120): Promise<T> {
  for (let i = 0; i < seconds * 20; i++) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('an upload interrupted by a crash', () => {
  it('resumes after its last committed batch, applies every row once, and a confirmed re-run changes nothing', async () => {
    const text = templateDText(templateDRows(ROWS, 'CRASH-'));
    const first = startServer(3196);
    await first.ready;
    const s1 = await signIn(first.base);
    const id = await send(s1, text);
    const atKill = await until('some committed batches', async () => {
      const u = await get(s1, `/uploads/${id}`);
      return u.state === 'PROCESSING' && u.rowsProcessed >= 500 ? u : null;
    });
    first.child.kill('SIGKILL');
    await first.exited;
    // the kill really came in the middle: the job had committed some batches, not all
    expect(atKill.rowsProcessed).toBeLessThan(ROWS);

    const second = startServer(3197);
    await second.ready;
    const s2 = await signIn(second.base);
    const done = await until('the resumed upload', async () => {
      const u = await get(s2, `/uploads/${id}`);
      return ['COMPLETED', 'REJECTED'].includes(u.state) ? u : null;
    });
    expect(done.state).toBe('COMPLETED');
    expect(done.summary.rows).toBe(ROWS);
    expect(done.summary.rejected).toBe(0);
    expect(done.summary.added + done.summary.savedWithLowerStatus).toBe(ROWS);

    // every row once in the report, each with its own new activity
    const ids = new Set<number>();
    let cursor: string | null = null;
    let reported = 0;
    do {
      const page = await get(s2, `/uploads/${id}/report.json${cursor ? `?cursor=${cursor}` : ''}`);
      for (const r of page.rows) {
        reported++;
        ids.add(r.parsActivityId);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(reported).toBe(ROWS);
    expect(ids.size).toBe(ROWS);

    // the same bytes again: held for confirmation, then every row UNCHANGED
    const again = await send(s2, text);
    await until('the duplicate notice', async () => {
      const u = await get(s2, `/uploads/${again}`);
      return u.state === 'AWAITING_CONFIRMATION' ? u : null;
    });
    const confirmed = await fetch(`${s2.base}/uploads/${again}:confirm`, {
      method: 'POST',
      headers: { cookie: s2.cookie, 'x-csrf-token': s2.csrf },
    });
    expect(confirmed.status).toBe(202);
    const rerun = await until('the confirmed re-run', async () => {
      const u = await get(s2, `/uploads/${again}`);
      return u.state === 'COMPLETED' ? u : null;
    });
    expect(rerun.summary).toMatchObject({ rows: ROWS, unchanged: ROWS, rejected: 0, added: 0, updated: 0 });
    second.child.kill('SIGTERM');
    await second.exited;
  }, 300_000);
});
