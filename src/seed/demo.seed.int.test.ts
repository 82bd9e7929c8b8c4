import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../platform/clock';
import { createTestApp, type TestApp } from '../testing/test-app';
import { seedDemo } from './demo.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2026-11-22' } });
});

const counts = async () => {
  const { rows } = await sql<{ t: string; n: number }>`
    SELECT 'users' AS t, count(*)::int AS n FROM users UNION ALL
    SELECT 'providers', count(*)::int FROM providers UNION ALL
    SELECT 'activities', count(*)::int FROM activities UNION ALL
    SELECT 'lists', count(*)::int FROM reference_list_items`.execute(t.database.db);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
};

describe('demo seed', () => {
  it('shows every activity status to a newcomer', async () => {
    const { rows } = await sql<{ status: string }>`SELECT DISTINCT status FROM activities`.execute(
      t.database.db,
    );
    expect(rows.map((r) => r.status).sort()).toEqual(['ACTIVE', 'CLOSED', 'DRAFT', 'READY_TO_CLOSE']);
  });

  it('is idempotent: a second run adds and changes nothing', async () => {
    const before = await counts();
    const versions = await t.database.db
      .selectFrom('activities')
      .select(['parsActivityId', 'version'])
      .orderBy('parsActivityId')
      .execute();
    await seedDemo(t.database.db, createClock('2026-11-22'));
    expect(await counts()).toEqual(before);
    expect(
      await t.database.db
        .selectFrom('activities')
        .select(['parsActivityId', 'version'])
        .orderBy('parsActivityId')
        .execute(),
    ).toEqual(versions);
  });
});
