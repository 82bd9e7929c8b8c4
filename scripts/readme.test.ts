import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/seed/demo.seed';

describe('README', () => {
  const readme = fs.readFileSync('README.md', 'utf8');

  it('lists every setting as src/config.ts describes it', () => {
    const table = execFileSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/settings-table.ts'],
      { encoding: 'utf8' },
    ).trim();
    expect(readme).toContain(table);
  });

  it('lists every demo login and the demo password', () => {
    for (const l of DEMO_LOGINS) expect(readme).toContain(`| \`${l.email}\` |`);
    expect(readme).toContain(DEMO_PASSWORD);
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
