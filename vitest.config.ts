import { defineConfig } from 'vitest/config';

// TEST_DB=postgres (set by scripts/test.mjs from TEST_DATABASE_URL) runs only the integration tests
// (*.int.test.ts), each file on its own fresh PostgreSQL database.
const onPostgres = process.env.TEST_DB === 'postgres';

export default defineConfig({
  test: {
    include: onPostgres
      ? ['src/**/*.int.test.ts', 'scripts/**/*.int.test.ts']
      : ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { OPENPARS_DEMO: 'false', LOG_LEVEL: 'silent' },
  },
});
