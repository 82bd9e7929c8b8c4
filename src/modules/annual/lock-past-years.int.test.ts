import { beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../platform/clock';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { lockPastYears } from './lock-past-years';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2024-04-02' } });
});

describe('openpars lock-past-years', () => {
  it('locks every provider’s years whose deadline has passed, once, and the locked year refuses writes', async () => {
    const before = await t.database.db.selectFrom('reportingYearLocks').selectAll().execute();
    expect(before).toEqual([]); // neither migrations nor the seed lock anything (decisions.md §16)
    const first = await lockPastYears(t.database.db, createClock('2024-04-02'));
    expect(first.years.at(-1)).toBe(2023);
    const providers = await t.database.db.selectFrom('providers').select('organizationId').execute();
    expect(first.locksAdded).toBe(providers.length * first.years.length);
    const again = await lockPastYears(t.database.db, createClock('2024-04-02'));
    expect(again.locksAdded).toBe(0);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'FORCE_LOCK')
      .execute();
    expect(audit).toHaveLength(providers.length);

    const lakeside = await t.signIn('provider@example.org');
    const res = await lakeside.post('/api/v1/activities', {
      providerActivityId: 'L-2023',
      title: 'Old course',
      format: 'C',
      startDate: '2023-05-01',
      endDate: '2023-05-01',
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].code).toBe('ACT-YEAR-CLOSED');
    const open = await lakeside.post('/api/v1/activities', {
      providerActivityId: 'L-2024',
      title: 'New course',
      format: 'C',
      startDate: '2024-05-01',
      endDate: '2024-05-01',
    });
    expect(open.status).toBe(201);
  });
});
