import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// The date-driven recompute (activities.md §3.2 step 5): when an end date passes, ACTIVE becomes
// READY_TO_CLOSE and an AUTO target becomes CLOSED, with the closing requirements still missing. The
// passing of time is simulated by moving stored end dates before the fixed "today".
let t: TestApp;
let lakeside: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2025-06-15' } });
  lakeside = await t.signIn('provider@example.org');
  // whatever the demo data needs recomputing on this date is done first
  await t.app.services.activities.recomputeDateDrivenStatuses();
});

const running = (id: string, over: Record<string, unknown> = {}) => ({
  providerActivityId: id,
  title: 'Grand Rounds: Heart Failure Update',
  format: 'C',
  deliveryMethod: 'IN_PERSON',
  city: 'Chicago',
  state: 'IL',
  country: 'USA',
  creditsDesignated: 2.5,
  description: 'Current evidence on heart failure management.',
  providership: 'DIRECT',
  listInPassport: false,
  startDate: '2025-07-01',
  endDate: '2025-07-02',
  ...over,
});

/** As if the calendar had moved past the activity's end: its stored dates now lie before today. */
async function endedYesterday(parsActivityId: number) {
  await sql`UPDATE activities SET start_date = '2025-06-14', end_date = '2025-06-14',
    data = data || '{"startDate": "2025-06-14", "endDate": "2025-06-14"}'::jsonb
    WHERE pars_activity_id = ${parsActivityId}`.execute(t.database.db);
}

describe('statuses that follow the date', () => {
  it('moves ACTIVE to READY_TO_CLOSE and an AUTO target to CLOSED, audited, once', async () => {
    const active = await lakeside.post('/api/v1/activities', running('DATE-1'));
    expect(active.body).toMatchObject({ status: 'ACTIVE', targetStatus: 'ACTIVE' });
    const draft = await lakeside.post('/api/v1/activities', running('DATE-2', { description: null }));
    expect(draft.body).toMatchObject({ status: 'DRAFT', targetStatus: 'ACTIVE' });
    const capped = await lakeside.post('/api/v1/activities', running('DATE-3', { requestedStatus: 'DRAFT' }));
    expect(capped.body).toMatchObject({ status: 'DRAFT', targetStatus: 'DRAFT' });
    for (const r of [active, draft, capped]) await endedYesterday(r.body.parsActivityId);

    const { changed } = await t.app.services.activities.recomputeDateDrivenStatuses();
    expect(changed).toBe(2);
    const after = await lakeside.get(`/api/v1/activities/${active.body.parsActivityId}`);
    expect(after.body).toMatchObject({ status: 'READY_TO_CLOSE', targetStatus: 'CLOSED', version: 2 });
    expect(after.body.missingRequirements.map((m: { requirement: string }) => m.requirement)).toEqual([
      'C3',
      'C4',
      'C6',
      'C7',
    ]);
    const stillDraft = await lakeside.get(`/api/v1/activities/${draft.body.parsActivityId}`);
    expect(stillDraft.body).toMatchObject({ status: 'DRAFT', targetStatus: 'CLOSED' });
    const untouched = await lakeside.get(`/api/v1/activities/${capped.body.parsActivityId}`);
    expect(untouched.body).toMatchObject({ status: 'DRAFT', targetStatus: 'DRAFT', version: 1 });

    const history = await lakeside.get(`/api/v1/activities/${active.body.parsActivityId}/history`);
    expect(history.body.items[0]).toMatchObject({
      channel: 'SYSTEM',
      action: 'UPDATE',
      before: { status: 'ACTIVE', targetStatus: 'ACTIVE' },
      after: { status: 'READY_TO_CLOSE', targetStatus: 'CLOSED' },
    });
    // a second run finds nothing left to do
    expect((await t.app.services.activities.recomputeDateDrivenStatuses()).changed).toBe(0);
  });
});
