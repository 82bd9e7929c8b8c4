import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError } from './lock-file';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'openpars-lock-'));

describe('data directory lock', () => {
  it('refuses a second holder while the first process lives', () => {
    const dir = tmpDir();
    // a live process other than us holds the lock: our parent
    fs.writeFileSync(
      path.join(dir, 'openpars.lock'),
      JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString() }),
    );
    expect(() => acquireLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireLock(dir)).toThrow(/in use by another OpenPARS process/);
  });

  it('takes over a stale lock whose process is gone', () => {
    const dir = tmpDir();
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    fs.writeFileSync(
      path.join(dir, 'openpars.lock'),
      JSON.stringify({ pid: Number(dead), startedAt: '2020-01-01T00:00:00Z' }),
    );
    const release = acquireLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'openpars.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'openpars.lock'))).toBe(false);
  });

  it('writes the PID and start time and releases on close', () => {
    const dir = tmpDir();
    const release = acquireLock(dir);
    const content = JSON.parse(fs.readFileSync(path.join(dir, 'openpars.lock'), 'utf8'));
    expect(content.pid).toBe(process.pid);
    expect(new Date(content.startedAt).getTime()).toBeGreaterThan(0);
    release();
    const again = acquireLock(dir);
    again();
  });
});
