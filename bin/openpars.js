#!/usr/bin/env node
// Runs the TypeScript CLI in this process's Node with the tsx loader (a runtime dependency).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Settings such as DATA_DIR stay relative to the caller's directory.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'src/cli.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
