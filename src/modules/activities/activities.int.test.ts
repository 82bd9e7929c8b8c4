import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// The activity API of formats.md §7 on a fixed date (OPENPARS_TODAY), so statuses are stable.
let t: TestApp;
let lakeside: Client;
let hill: Client;
let accme: Client;
let sms: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2025-06-15' } });
  [lakeside, hill, accme, sms] = await Promise.all([
    t.signIn('provider@example.org'),
    t.signIn('provider2@example.org'),
    t.signIn('accme@example.org'),
    t.signIn('sms@example.org'),
  ]);
});

const draft = (over: Record<string, unknown> = {}) => ({
  providerActivityId: `P-${Math.random().toString(36).slice(2, 8)}`,
  title: 'Grand Rounds: Heart Failure Update',
  format: 'c',
  startDate: '2025-03-01',
  endDate: '2025-03-01',
  ...over,
});

const active = (over: Record<string, unknown> = {}) =>
  draft({
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

const closable = (over: Record<string, unknown> = {}) =>
  active({
    startDate: '2025-03-01',
    endDate: '2025-03-02',
    outcomeMeasures: ['KNOWLEDGE', 'COMPETENCE'],
    commercialSupportReceived: true,
    commercialSupporters: [
      { name: 'Acme Devices', kind: 'MONETARY', amount: 5000 },
      { name: 'Acme Devices', kind: 'IN_KIND', inKindTypes: ['DURABLE_EQUIPMENT'] },
    ],
    physicianLearnerCount: 40,
    otherLearnerCount: 12,
    ...over,
  });

describe('create and status', () => {
  it('saves a draft and tells what is missing for the next status', async () => {
    const res = await lakeside.post('/api/v1/activities', draft());
    expect(res.status).toBe(201);
    expect(res.body.parsActivityId).toBeGreaterThan(10_000_000);
    expect(res.body).toMatchObject({
      status: 'DRAFT',
      format: 'C',
      reportingYear: 2025,
      version: 1,
      ruleSet: 'CURRENT',
    });
    expect(res.body.missingRequirements.map((m: { requirement: string }) => m.requirement)).toEqual(
      expect.arrayContaining(['A1', 'A4', 'A5', 'A6', 'A7']),
    );
  });

  it('makes an activity that ends after today ACTIVE', async () => {
    const res = await lakeside.post('/api/v1/activities', active());
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('ACTIVE');
    expect(res.body.missingRequirements).toEqual([]);
  });

  it('closes an ended activity with complete closing data, and stores money as given', async () => {
    const res = await lakeside.post('/api/v1/activities', closable());
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('CLOSED');
    expect(res.body.commercialSupporters[0]).toMatchObject({ kind: 'MONETARY', amount: 5000 });
  });

  it('leaves an ended activity without closing data READY_TO_CLOSE', async () => {
    const res = await lakeside.post(
      '/api/v1/activities',
      active({ startDate: '2025-03-01', endDate: '2025-03-02' }),
    );
    expect(res.body.status).toBe('READY_TO_CLOSE');
    expect(res.body.missingRequirements.map((m: { requirement: string }) => m.requirement)).toEqual(
      expect.arrayContaining(['C3', 'C4', 'C6', 'C7']),
    );
  });

  it('refuses what cannot even be a draft, naming each field and rule', async () => {
    const res = await lakeside.post('/api/v1/activities', {
      title: '',
      format: 'XYZ',
      startDate: '2025-02-30',
      endDate: '2025-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQ-INVALID');
    const codes = res.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
    expect(codes).toEqual(expect.arrayContaining(['format:ACT-FORMAT-CODE', 'startDate:ACT-DATE-INVALID']));
    expect(codes.some((c: string) => c.startsWith('title:ACT-REQUIRED'))).toBe(true);
  });

  it('refuses a second activity with the same provider activity ID, case-insensitively', async () => {
    const body = draft({ providerActivityId: 'DUP-1' });
    expect((await lakeside.post('/api/v1/activities', body)).status).toBe(201);
    const again = await lakeside.post('/api/v1/activities', { ...body, providerActivityId: 'dup-1' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe('ACT-PROVIDER-ID-TAKEN');
    // another provider may use the same ID
    expect((await hill.post('/api/v1/activities', body)).status).toBe(201);
  });

  it('replays a POST with the same Idempotency-Key and refuses the key with another body', async () => {
    const body = draft();
    const first = await lakeside.post('/api/v1/activities', body, { 'idempotency-key': 'k-1' });
    const second = await lakeside.post('/api/v1/activities', body, { 'idempotency-key': 'k-1' });
    expect(second.status).toBe(201);
    expect(second.body.parsActivityId).toBe(first.body.parsActivityId);
    const other = await lakeside.post('/api/v1/activities', draft(), { 'idempotency-key': 'k-1' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('REQ-IDEMPOTENCY-REUSED');
  });
});

describe('read, change, delete', () => {
  it('patches with merge semantics, bumps the version and records the change history', async () => {
    const created = (await lakeside.post('/api/v1/activities', active())).body;
    const patched = await lakeside.patch(`/api/v1/activities/${created.parsActivityId}`, {
      title: 'New title',
      city: null,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'New title', city: null, version: 2, status: 'DRAFT' });
    const history = await lakeside.get(`/api/v1/activities/${created.parsActivityId}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'UPDATE' });
    expect(history.body.items[0].after).toMatchObject({ title: 'New title' });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'CREATE' });
  });

  it('refuses a replace with a stale If-Match version', async () => {
    const created = (await lakeside.post('/api/v1/activities', active())).body;
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/activities/${created.parsActivityId}`,
      headers: { cookie: lakeside.cookie!, 'x-csrf-token': lakeside.csrfToken!, 'if-match': '"7"' },
      payload: active({ providerActivityId: created.providerActivityId }),
    });
    expect(stale.statusCode).toBe(412);
    expect(JSON.parse(stale.body).code).toBe('REQ-VERSION-MISMATCH');
  });

  it('soft-deletes, frees the provider activity ID and answers 404 afterwards', async () => {
    const created = (await lakeside.post('/api/v1/activities', draft({ providerActivityId: 'DEL-1' }))).body;
    expect((await lakeside.delete(`/api/v1/activities/${created.parsActivityId}`)).status).toBe(204);
    expect((await lakeside.get(`/api/v1/activities/${created.parsActivityId}`)).status).toBe(404);
    expect((await lakeside.post('/api/v1/activities', draft({ providerActivityId: 'DEL-1' }))).status).toBe(
      201,
    );
  });

  it('copies an activity into a new draft without its ID', async () => {
    const created = (await lakeside.post('/api/v1/activities', closable())).body;
    const copy = await lakeside.post(`/api/v1/activities/${created.parsActivityId}:copy`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      title: created.title,
      providerActivityId: null,
      status: 'DRAFT',
      requestedStatus: 'DRAFT',
    });
    expect(copy.body.parsActivityId).not.toBe(created.parsActivityId);
  });

  it('upserts by the provider activity ID, and says whether it created or replaced', async () => {
    const first = await lakeside.put(
      '/api/v1/activities/by-provider-id/UP-1',
      draft({ providerActivityId: undefined }),
    );
    expect(first.status).toBe(201);
    expect(first.body.outcome).toMatch(/ADDED|SAVED_WITH_LOWER_STATUS/);
    const second = await lakeside.put(
      '/api/v1/activities/by-provider-id/up-1',
      draft({ providerActivityId: undefined, title: 'Renamed' }),
    );
    expect(second.status).toBe(200);
    expect(second.body.parsActivityId).toBe(first.body.parsActivityId);
    const same = await lakeside.put(
      '/api/v1/activities/by-provider-id/up-1',
      draft({ providerActivityId: undefined, title: 'Renamed' }),
    );
    expect(same.body.outcome).toBe('UNCHANGED');
    expect(same.body.version).toBe(second.body.version);
  });

  it('validates an edit as a replacement of that activity, and a new record as new', async () => {
    const created = (await lakeside.post('/api/v1/activities', active({ providerActivityId: 'VAL-1' }))).body;
    const asNew = await lakeside.post('/api/v1/activities:validate', active({ providerActivityId: 'VAL-1' }));
    expect(asNew.body.errors[0].code).toBe('ACT-PROVIDER-ID-TAKEN');
    const asEdit = await lakeside.post(
      `/api/v1/activities:validate?parsActivityId=${created.parsActivityId}`,
      active({ providerActivityId: 'VAL-1', title: 'Changed' }),
    );
    expect(asEdit.body).toMatchObject({ valid: true, outcome: 'UPDATED' });
    const list = await lakeside.get('/api/v1/activities?q=VAL-1');
    expect(list.body.items[0]).toMatchObject({ providerName: 'Lakeside Medical Education Institute' });
    expect(list.body.items[0].providerNumber).toMatch(/^\d{7}$/);
  });

  it('validates without saving', async () => {
    const before = (await lakeside.get('/api/v1/activities?limit=200')).body.items.length;
    const res = await lakeside.post('/api/v1/activities:validate', active({ state: 'XX' }));
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.errors[0]).toMatchObject({ path: 'state', code: 'ACT-STATE-CODE' });
    expect((await lakeside.get('/api/v1/activities?limit=200')).body.items.length).toBe(before);
  });
});

describe('repeat activities', () => {
  it('creates one activity per instance with numbered IDs in one group', async () => {
    const res = await lakeside.post('/api/v1/activities:repeat', {
      shared: active({ providerActivityId: 'REP24' }),
      instances: [
        {
          startDate: '2025-08-01',
          endDate: '2025-08-01',
          city: 'Chicago',
          state: 'IL',
          country: 'USA',
          deliveryMethod: 'IN_PERSON',
        },
        { startDate: '2025-09-01', endDate: '2025-09-01', deliveryMethod: 'ONLINE' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.items.map((i: { providerActivityId: string }) => i.providerActivityId)).toEqual([
      'REP24-01',
      'REP24-02',
    ]);
    const one = await lakeside.get(`/api/v1/activities/${res.body.items[1].parsActivityId}`);
    expect(one.body.repeatGroupId).toBe(res.body.repeatGroupId);
  });

  it('creates nothing when one instance is invalid', async () => {
    const before = (await lakeside.get('/api/v1/activities?q=REPBAD')).body.items.length;
    const res = await lakeside.post('/api/v1/activities:repeat', {
      shared: active({ providerActivityId: 'REPBAD' }),
      instances: [
        { startDate: '2025-08-01', endDate: '2025-08-01' },
        { startDate: '2025-09-10', endDate: '2025-09-01' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('instances.1.endDate');
    expect((await lakeside.get('/api/v1/activities?q=REPBAD')).body.items.length).toBe(before);
  });
});

describe('list', () => {
  it('filters by status, format and year and pages with a cursor', async () => {
    const closed = await lakeside.get('/api/v1/activities?status=CLOSED');
    expect(closed.body.items.length).toBeGreaterThan(0);
    expect(closed.body.items.every((a: { status: string }) => a.status === 'CLOSED')).toBe(true);
    const seen = new Set<number>();
    let cursor: string | null = null;
    do {
      const page: { body: { items: { parsActivityId: number }[]; nextCursor: string | null } } =
        await lakeside.get(`/api/v1/activities?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      for (const a of page.body.items) {
        expect(seen.has(a.parsActivityId)).toBe(false);
        seen.add(a.parsActivityId);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await lakeside.get('/api/v1/activities?limit=200');
    expect(seen.size).toBe(all.body.items.length);
  });
});

describe('authorization', () => {
  it('keeps each provider to its own activities', async () => {
    const mine = (await lakeside.post('/api/v1/activities', draft())).body;
    expect((await hill.get(`/api/v1/activities/${mine.parsActivityId}`)).status).toBe(404);
    expect((await hill.patch(`/api/v1/activities/${mine.parsActivityId}`, { title: 'x' })).status).toBe(404);
    expect((await hill.delete(`/api/v1/activities/${mine.parsActivityId}`)).status).toBe(404);
    const list = await hill.get('/api/v1/activities?limit=200');
    expect(
      list.body.items.some((a: { parsActivityId: number }) => a.parsActivityId === mine.parsActivityId),
    ).toBe(false);
    expect((await t.anonymous.get(`/api/v1/activities/${mine.parsActivityId}`)).status).toBe(401);
  });

  it('lets an accreditor read its providers’ activities but not change them', async () => {
    const mine = (await lakeside.post('/api/v1/activities', draft())).body;
    expect((await accme.get(`/api/v1/activities/${mine.parsActivityId}`)).status).toBe(200);
    expect((await sms.get(`/api/v1/activities/${mine.parsActivityId}`)).status).toBe(404);
    expect((await accme.patch(`/api/v1/activities/${mine.parsActivityId}`, { title: 'x' })).status).toBe(403);
  });
});

describe('locked reporting year', () => {
  it('refuses writes to an activity of a locked year', async () => {
    const created = (await lakeside.post('/api/v1/activities', closable())).body;
    const me = await lakeside.get('/api/v1/me');
    await t.database.db
      .insertInto('reportingYearLocks')
      .values({ providerId: me.body.currentOrganizationId, year: 2025, reason: 'test' })
      .execute();
    const res = await lakeside.patch(`/api/v1/activities/${created.parsActivityId}`, { title: 'Too late' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].code).toBe('ACT-YEAR-CLOSED');
    await t.database.db.deleteFrom('reportingYearLocks').execute();
  });
});

describe('stored codes', () => {
  it('keeps code keys inside the record exactly as sent (no renaming of PHYSICIAN_ASSISTANT)', async () => {
    const res = await lakeside.post(
      '/api/v1/activities',
      closable({ otherLearnerCount: 16, otherLearnersByProfession: { PHYSICIAN_ASSISTANT: 16 } }),
    );
    expect(res.status).toBe(201);
    const read = await lakeside.get(`/api/v1/activities/${res.body.parsActivityId}`);
    expect(read.body.otherLearnersByProfession).toEqual({ PHYSICIAN_ASSISTANT: 16 });
    // and the same body again changes nothing
    const again = await lakeside.put(`/api/v1/activities/${res.body.parsActivityId}`, {
      ...closable({ otherLearnerCount: 16, otherLearnersByProfession: { PHYSICIAN_ASSISTANT: 16 } }),
      providerActivityId: read.body.providerActivityId,
    });
    expect(again.body.version).toBe(1);
  });
});
