import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from './testing/server-process';

// The start-up path as `npm start` runs it (without the web build): a real process on a real PGlite
// directory — demo seed, lock file, graceful shutdown, restart after a crash.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpars-main-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(port: number) {
  const server = startServerProcess({
    DATA_DIR: dataDir,
    PORT: String(port),
    OPENPARS_DEMO: '',
    DATABASE_URL: '',
  });
  children.push(server.child);
  return server;
}

describe('start-up', () => {
  it('serves a demo instance, refuses a second process on the same directory, and stops cleanly', async () => {
    const first = start(3191);
    await first.ready;
    expect(first.output()).toContain('http://localhost:3191');
    expect(first.output()).toContain('provider@example.org');
    const health = await fetch('http://127.0.0.1:3191/api/v1/health');
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(fs.existsSync(path.join(dataDir, 'openpars.lock'))).toBe(true);

    const second = start(3192);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another OpenPARS process \(PID \d+\)/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'openpars.lock'))).toBe(false);
  }, 90_000);

  it('restarts after a crash, keeps its data and does not seed twice', async () => {
    const crashed = start(3193);
    await crashed.ready;
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    expect(fs.existsSync(path.join(dataDir, 'openpars.lock'))).toBe(true);

    const again = start(3194);
    await again.ready;
    expect(again.output()).not.toContain('demo data loaded just now');
    const login = await fetch('http://127.0.0.1:3194/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'accme@example.org', password: 'openpars-demo' }),
    });
    expect(login.status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 90_000);
});
