import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  auditRowsFor,
  latestMailTo,
  organizationIdByName,
  userIdByEmail,
} from '../../testing/people';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// Providers: who sees which (program.md §2, decisions.md §9), creation with its initial decision and
// invited Primary Contact (decisions.md §3–§4), profile edits and transfers between accreditors.

let t: TestApp;
let accme: Client; // ACCME administrator: every provider
let ra: Client; // RA-TX administrator: Hill Country and Gulf Coast
let lakeside: Client; // Primary Contact of Lakeside (ACCME)
let hill: Client; // Primary Contact of Hill Country (RA-TX)
let board: Client;
let physician: Client;
const id = { lakeside: 0, hill: 0, gulf: 0, clinical: 0, ACCME: 0, RATX: 0, ABIM: 0 };

const DEMO_PROVIDERS = [
  'American Society of Demo Cardiology',
  'Clinical Update Publishing',
  'Gulf Coast County Medical Society',
  'Hill Country Regional Hospital',
  'Interprofessional Care Collaborative',
  'Lakeside Medical Education Institute',
];

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  accme = await t.signIn('accme@example.org');
  ra = await t.signIn('sms@example.org');
  lakeside = await t.signIn('provider@example.org');
  hill = await t.signIn('provider2@example.org');
  board = await t.signIn('board@example.org');
  physician = await t.signIn('physician@example.org');
  id.lakeside = await organizationIdByName(t, 'Lakeside Medical Education Institute');
  id.hill = await organizationIdByName(t, 'Hill Country Regional Hospital');
  id.gulf = await organizationIdByName(t, 'Gulf Coast County Medical Society');
  id.clinical = await organizationIdByName(t, 'Clinical Update Publishing');
  id.ACCME = await organizationIdByName(t, 'Accreditation Council for Continuing Medical Education');
  id.RATX = await organizationIdByName(t, 'Texas Medical Association');
  id.ABIM = await organizationIdByName(t, 'American Board of Internal Medicine');
});

const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((p) => p.name);

async function allProviderNames() {
  const rows = await t.database.db
    .selectFrom('providers as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizationId')
    .select('o.name')
    .execute();
  return rows.map((r) => r.name).sort();
}

const COUNTED_TABLES = [
  'organizations',
  'providers',
  'accreditation_decisions',
  'users',
  'memberships',
  'one_time_tokens',
  'audit_log',
  'mail_outbox',
] as const;

/** Rows in every table that creating a provider writes to. */
async function rowCounts() {
  const counts = {} as Record<(typeof COUNTED_TABLES)[number], number>;
  for (const table of COUNTED_TABLES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.raw(table)}`.execute(
      t.database.db,
    );
    counts[table] = rows[0]!.n;
  }
  return counts;
}

let emailCounter = 0;
function newProvider(overrides: Record<string, unknown> = {}) {
  emailCounter += 1;
  return {
    name: `Prairie Health CME Partners ${emailCounter}`,
    organizationType: 'HOSPITAL_HEALTHCARE',
    city: 'Peoria',
    state: 'IL',
    accreditationStatus: 'ACCREDITED',
    termStart: '2025-01-01',
    termEnd: '2028-12-31',
    primaryContact: { name: 'Quinn Harper', email: `quinn${emailCounter}@prairie.example.org` },
    ...overrides,
  };
}

describe('GET /api/v1/providers', () => {
  it('shows ACCME every provider, in name order', async () => {
    const res = await accme.get('/api/v1/providers');
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(await allProviderNames());
    expect(names(res)).toEqual(DEMO_PROVIDERS);
    expect(res.body.nextCursor).toBeNull();
  });

  it('shows a recognized accreditor only its own providers', async () => {
    const res = await ra.get('/api/v1/providers');
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['Gulf Coast County Medical Society', 'Hill Country Regional Hospital']);
    for (const p of res.body.items)
      expect(p.accreditor).toEqual({ id: id.RATX, name: 'Texas Medical Association', code: 'RA-TX' });
  });

  it('shows a provider user only its own provider', async () => {
    const res = await lakeside.get('/api/v1/providers');
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['Lakeside Medical Education Institute']);
    // a filter cannot widen the scope
    const other = await lakeside.get(`/api/v1/providers?accreditorId=${id.RATX}`);
    expect(other.body.items).toEqual([]);
  });

  it('shows boards and physicians no provider', async () => {
    for (const client of [board, physician]) {
      const res = await client.get('/api/v1/providers');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    }
  });

  it('answers 401 to an anonymous caller', async () => {
    const res = await t.anonymous.get('/api/v1/providers');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('REQ-UNAUTHENTICATED');
  });

  it('searches names case-insensitively, the provider number exactly, and never outside the scope', async () => {
    expect(names(await accme.get('/api/v1/providers?q=LAKESIDE'))).toEqual([
      'Lakeside Medical Education Institute',
    ]);
    expect(names(await accme.get('/api/v1/providers?q=county'))).toEqual([
      'Gulf Coast County Medical Society',
    ]);
    const hillRow = (await accme.get(`/api/v1/providers/${id.hill}`)).body;
    expect(names(await accme.get(`/api/v1/providers?q=${hillRow.providerNumber}`))).toEqual([
      'Hill Country Regional Hospital',
    ]);
    // LIKE wildcards are taken literally
    expect((await accme.get('/api/v1/providers?q=%25')).body.items).toEqual([]);
    expect((await accme.get('/api/v1/providers?q=_')).body.items).toEqual([]);
    // a recognized accreditor searching for an ACCME provider finds nothing
    expect((await ra.get('/api/v1/providers?q=lakeside')).body.items).toEqual([]);
  });

  it('filters by accreditor and by status', async () => {
    expect(names(await accme.get(`/api/v1/providers?accreditorId=${id.RATX}`))).toEqual([
      'Gulf Coast County Medical Society',
      'Hill Country Regional Hospital',
    ]);
    expect(names(await accme.get('/api/v1/providers?status=PROBATION'))).toEqual([
      'Gulf Coast County Medical Society',
    ]);
    const bad = await accme.get('/api/v1/providers?status=GREAT');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'status', code: 'VAL-CODE' });
  });

  it('walks every provider in pages of two, without duplicates', async () => {
    const seen: string[] = [];
    let url = '/api/v1/providers?limit=2';
    for (let page = 0; page < 10; page++) {
      const res = await accme.get(url);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(res));
      if (!res.body.nextCursor) break;
      url = `/api/v1/providers?limit=2&cursor=${encodeURIComponent(res.body.nextCursor)}`;
    }
    expect(seen).toEqual(DEMO_PROVIDERS);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps search and scope while paging', async () => {
    const first = await accme.get(`/api/v1/providers?accreditorId=${id.RATX}&limit=1`);
    expect(names(first)).toEqual(['Gulf Coast County Medical Society']);
    const second = await accme.get(
      `/api/v1/providers?accreditorId=${id.RATX}&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(names(second)).toEqual(['Hill Country Regional Hospital']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not hand out, unknown parameters and out-of-range limits', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('{"name":1}').toString('base64url'), 'bnVsbA']) {
      const res = await accme.get(`/api/v1/providers?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('REQ-INVALID');
      expect(res.body.errors[0]).toMatchObject({ path: 'cursor', code: 'VAL-FORMAT' });
    }
    const unknown = await accme.get('/api/v1/providers?sort=name');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('REQ-INVALID');
    for (const limit of ['0', '201', 'many']) {
      const res = await accme.get(`/api/v1/providers?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('limit');
    }
  });
});

describe('GET /api/v1/providers/:id', () => {
  it('shows the owner its provider with the accreditor', async () => {
    const res = await lakeside.get(`/api/v1/providers/${id.lakeside}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: id.lakeside,
      name: 'Lakeside Medical Education Institute',
      organizationType: 'SCHOOL_OF_MEDICINE',
      accreditationStatus: 'ACCREDITED_COMMENDATION',
      termStart: '2022-07-01',
      termEnd: '2028-06-30',
      accreditor: { id: id.ACCME, code: 'ACCME' },
    });
    expect(res.body.providerNumber).toMatch(/^\d{7}$/);
  });

  it('lets the provider’s accreditor and ACCME read it', async () => {
    expect((await ra.get(`/api/v1/providers/${id.hill}`)).status).toBe(200);
    expect((await accme.get(`/api/v1/providers/${id.hill}`)).status).toBe(200);
  });

  it('hides another provider, an ACCME provider from a recognized accreditor, and everything from a board', async () => {
    for (const [client, providerId] of [
      [hill, id.lakeside],
      [lakeside, id.hill],
      [ra, id.lakeside],
      [board, id.lakeside],
      [physician, id.hill],
    ] as const) {
      const res = await client.get(`/api/v1/providers/${providerId}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('REQ-NOT-FOUND');
    }
  });

  it('answers a missing provider like a hidden one, and 401 to an anonymous caller', async () => {
    const missing = await accme.get('/api/v1/providers/987654');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('REQ-NOT-FOUND');
    const hidden = await lakeside.get(`/api/v1/providers/${id.hill}`);
    expect(hidden.body.detail).toBe(missing.body.detail);
    const anon = await t.anonymous.get(`/api/v1/providers/${id.lakeside}`);
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('REQ-UNAUTHENTICATED');
  });

  it('refuses an id that is not a number', async () => {
    const res = await accme.get('/api/v1/providers/abc');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('id');
  });
});

describe('POST /api/v1/providers', () => {
  it('lets the ACCME administrator create a provider with a provider number, an initial decision and an invited Primary Contact', async () => {
    const before = await rowCounts();
    const body = newProvider();
    const res = await accme.post('/api/v1/providers', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: body.name,
      organizationType: 'HOSPITAL_HEALTHCARE',
      city: 'Peoria',
      state: 'IL',
      country: 'USA',
      accreditationStatus: 'ACCREDITED',
      termStart: '2025-01-01',
      termEnd: '2028-12-31',
      accreditor: { id: id.ACCME, code: 'ACCME' },
    });
    expect(res.body.providerNumber).toMatch(/^\d{7}$/);
    expect(Number(res.body.providerNumber)).toBeGreaterThanOrEqual(1_000_000);
    const demoNumbers = (await accme.get('/api/v1/providers')).body.items
      .filter((p: { id: number }) => p.id !== res.body.id)
      .map((p: { providerNumber: string }) => p.providerNumber);
    expect(demoNumbers).not.toContain(res.body.providerNumber);
    const newId = res.body.id;

    const decisions = await accme.get(`/api/v1/providers/${newId}/decisions`);
    expect(decisions.body.items).toEqual([
      expect.objectContaining({
        kind: 'INITIAL',
        status: 'ACCREDITED',
        termStart: '2025-01-01',
        termEnd: '2028-12-31',
      }),
    ]);

    const mail = await latestMailTo(t, body.primaryContact.email);
    expect(mail?.subject).toBe('OpenPARS — system access granted');
    expect(mail?.bodyText).toContain(body.name);
    expect(mail?.bodyText).toMatch(/\/invitation\?token=/);

    const members = await accme.get(`/api/v1/organizations/${newId}/members`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ email: body.primaryContact.email, status: 'INVITED', roles: ['PRIMARY'] }),
    ]);

    const accmeUser = await userIdByEmail(t, 'accme@example.org');
    const providerAudit = await auditRowsFor(t, 'provider', newId);
    expect(providerAudit).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        channel: 'WEB',
        actorUserId: accmeUser,
        actorOrganizationId: id.ACCME,
        subjectOrganizationId: newId,
      }),
    ]);
    const contactId = members.body.items[0].userId;
    expect((await auditRowsFor(t, 'user', contactId)).map((r) => r.action)).toEqual(['CREATE']);
    expect((await auditRowsFor(t, 'membership', contactId)).map((r) => r.action)).toEqual(['CREATE']);

    const after = await rowCounts();
    expect(after.organizations).toBe(before.organizations + 1);
    expect(after.accreditation_decisions).toBe(before.accreditation_decisions + 1);

    // the invited Primary Contact can set a password and then sees the new provider, and only it
    const primary = await acceptInvitation(t, body.primaryContact.email);
    expect(names(await primary.get('/api/v1/providers'))).toEqual([body.name]);
  });

  it('gives every new provider its own number', async () => {
    const a = await accme.post('/api/v1/providers', newProvider());
    const b = await accme.post('/api/v1/providers', newProvider());
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.providerNumber).not.toBe(b.body.providerNumber);
  });

  it('lets a recognized accreditor create providers for itself only', async () => {
    const own = await ra.post('/api/v1/providers', newProvider({ state: 'TX' }));
    expect(own.status).toBe(201);
    expect(own.body.accreditor).toMatchObject({ id: id.RATX, code: 'RA-TX' });
    expect(names(await ra.get('/api/v1/providers'))).toContain(own.body.name);

    const explicit = await ra.post('/api/v1/providers', newProvider({ accreditorId: id.RATX }));
    expect(explicit.status).toBe(201);

    const before = await rowCounts();
    const forAccme = await ra.post('/api/v1/providers', newProvider({ accreditorId: id.ACCME }));
    expect(forAccme.status).toBe(403);
    expect(forAccme.body.code).toBe('REQ-FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses provider users, boards and physicians (403) and anonymous callers (401)', async () => {
    const before = await rowCounts();
    for (const client of [lakeside, board, physician]) {
      const res = await client.post('/api/v1/providers', newProvider());
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('REQ-FORBIDDEN');
    }
    const anon = await t.anonymous.post('/api/v1/providers', newProvider());
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('REQ-UNAUTHENTICATED');
    expect(await rowCounts()).toEqual(before);
  });

  it('names each code that is not in its list, and writes nothing', async () => {
    const before = await rowCounts();
    const res = await accme.post(
      '/api/v1/providers',
      newProvider({ organizationType: 'CASINO', state: 'ZZ', country: 'ATL' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQ-INVALID');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'organizationType', code: 'VAL-CODE', value: 'CASINO' }),
        expect.objectContaining({ path: 'state', code: 'VAL-CODE', value: 'ZZ' }),
        expect.objectContaining({ path: 'country', code: 'VAL-CODE', value: 'ATL' }),
      ]),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses unknown fields, also inside the Primary Contact', async () => {
    const top = await accme.post('/api/v1/providers', newProvider({ accreditationFee: 100 }));
    expect(top.status).toBe(400);
    expect(top.body.code).toBe('REQ-INVALID');
    expect(top.body.errors).toEqual([
      expect.objectContaining({ path: 'accreditationFee', code: 'VAL-UNKNOWN' }),
    ]);
    const nested = await accme.post(
      '/api/v1/providers',
      newProvider({ primaryContact: { name: 'A B', email: 'ab@example.org', phone: '555' } }),
    );
    expect(nested.status).toBe(400);
    expect(nested.body.code).toBe('REQ-INVALID');
    expect(nested.body.errors[0].path).toBe('primaryContact.phone');
  });

  it('refuses a term that ends before it starts, an impossible date and a missing Primary Contact', async () => {
    const before = await rowCounts();
    const range = await accme.post(
      '/api/v1/providers',
      newProvider({ termStart: '2026-01-01', termEnd: '2025-12-31' }),
    );
    expect(range.status).toBe(400);
    expect(range.body.errors).toEqual([expect.objectContaining({ path: 'termEnd', code: 'VAL-RANGE' })]);
    const impossible = await accme.post('/api/v1/providers', newProvider({ termStart: '2025-02-30' }));
    expect(impossible.status).toBe(400);
    expect(impossible.body.errors).toEqual([
      expect.objectContaining({ path: 'termStart', code: 'VAL-FORMAT' }),
    ]);
    const { primaryContact: _, ...noContact } = newProvider();
    const missing = await accme.post('/api/v1/providers', noContact);
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ path: 'primaryContact', code: 'VAL-REQUIRED' }),
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses Joint Accreditation professions for a provider of another accreditor', async () => {
    const res = await accme.post('/api/v1/providers', newProvider({ jaProfessions: ['NURSE'] }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'jaProfessions', code: 'VAL-RANGE' })]);
  });

  it('writes nothing when inviting the Primary Contact fails inside the transaction', async () => {
    const before = await rowCounts();
    const res = await accme.post(
      '/api/v1/providers',
      newProvider({ primaryContact: { name: 'Dr. Maria', email: 'physician@example.org' } }),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQ-CONFLICT');
    expect(res.body.errors[0]).toMatchObject({ path: 'email', code: 'REQ-CONFLICT' });
    expect(await rowCounts()).toEqual(before);
  });
});

describe('PATCH /api/v1/providers/:id', () => {
  it('lets the Primary Contact edit its profile and audits only the keys that changed', async () => {
    const pat = await userIdByEmail(t, 'provider@example.org');
    const res = await lakeside.patch(`/api/v1/providers/${id.lakeside}`, {
      city: 'Evanston',
      otherNames: ['LMEI'],
      website: 'https://lakeside.example.org', // unchanged
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      city: 'Evanston',
      otherNames: ['LMEI'],
      website: 'https://lakeside.example.org',
    });
    expect((await lakeside.get(`/api/v1/providers/${id.lakeside}`)).body.city).toBe('Evanston');

    const updates = (await auditRowsFor(t, 'provider', id.lakeside)).filter((r) => r.action === 'UPDATE');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      actorUserId: pat,
      actorOrganizationId: id.lakeside,
      subjectOrganizationId: id.lakeside,
      channel: 'WEB',
      before: { city: 'Chicago', otherNames: [] },
      after: { city: 'Evanston', otherNames: ['LMEI'] },
    });

    // other names are searched with the name
    expect(names(await accme.get('/api/v1/providers?q=lmei'))).toEqual([
      'Lakeside Medical Education Institute',
    ]);

    // sending the same values again changes nothing and writes no audit row
    await lakeside.patch(`/api/v1/providers/${id.lakeside}`, { city: 'Evanston' });
    const again = (await auditRowsFor(t, 'provider', id.lakeside)).filter((r) => r.action === 'UPDATE');
    expect(again).toHaveLength(1);
  });

  it('checks codes and web addresses, and leaves the profile unchanged when refused', async () => {
    const state = await lakeside.patch(`/api/v1/providers/${id.lakeside}`, { state: 'XX', city: 'Joliet' });
    expect(state.status).toBe(400);
    expect(state.body.errors).toEqual([expect.objectContaining({ path: 'state', code: 'VAL-CODE' })]);
    const web = await lakeside.patch(`/api/v1/providers/${id.lakeside}`, { website: 'ftp://lakeside' });
    expect(web.status).toBe(400);
    expect(web.body.errors).toEqual([expect.objectContaining({ path: 'website', code: 'VAL-FORMAT' })]);
    expect((await lakeside.get(`/api/v1/providers/${id.lakeside}`)).body).toMatchObject({
      city: 'Evanston',
      state: 'IL',
    });
  });

  it('does not let a provider user move itself to another accreditor or set its accreditation', async () => {
    const move = await hill.patch(`/api/v1/providers/${id.hill}`, { accreditorId: id.ACCME });
    expect(move.status).toBe(403);
    expect(move.body.code).toBe('REQ-FORBIDDEN');
    const status = await hill.patch(`/api/v1/providers/${id.hill}`, {
      accreditationStatus: 'ACCREDITED_COMMENDATION',
    });
    expect(status.status).toBe(400);
    expect(status.body.code).toBe('REQ-INVALID');
    const now = (await hill.get(`/api/v1/providers/${id.hill}`)).body;
    expect(now).toMatchObject({ accreditationStatus: 'ACCREDITED', accreditor: { code: 'RA-TX' } });
  });

  it('refuses Joint Accreditation professions for a provider that is not jointly accredited', async () => {
    const res = await hill.patch(`/api/v1/providers/${id.hill}`, { jaProfessions: ['NURSE'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'jaProfessions', code: 'VAL-RANGE' })]);
    expect((await hill.get(`/api/v1/providers/${id.hill}`)).body.jaProfessions).toEqual([]);
    const ipcc = await organizationIdByName(t, 'Interprofessional Care Collaborative');
    const ja = await accme.patch(`/api/v1/providers/${ipcc}`, { jaProfessions: ['NURSE'] });
    expect(ja.status).toBe(200);
    expect(ja.body.jaProfessions).toEqual(['NURSE']);
  });

  it('hides another provider (404) and refuses anonymous callers (401)', async () => {
    const other = await hill.patch(`/api/v1/providers/${id.lakeside}`, { city: 'Nowhere' });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('REQ-NOT-FOUND');
    const raOnAccme = await ra.patch(`/api/v1/providers/${id.lakeside}`, { city: 'Nowhere' });
    expect(raOnAccme.status).toBe(404);
    const anon = await t.anonymous.patch(`/api/v1/providers/${id.lakeside}`, { city: 'Nowhere' });
    expect(anon.status).toBe(401);
    expect((await accme.get(`/api/v1/providers/${id.lakeside}`)).body.city).toBe('Evanston');
  });

  it('lets a recognized accreditor edit its own provider but not transfer it', async () => {
    const res = await ra.patch(`/api/v1/providers/${id.gulf}`, { postalCode: '77002' });
    expect(res.status).toBe(200);
    expect(res.body.postalCode).toBe('77002');
    const [update] = (await auditRowsFor(t, 'provider', id.gulf)).filter((r) => r.action === 'UPDATE');
    expect(update).toMatchObject({
      actorOrganizationId: id.RATX,
      subjectOrganizationId: id.gulf,
      before: { postalCode: null },
      after: { postalCode: '77002' },
    });
    const transfer = await ra.patch(`/api/v1/providers/${id.gulf}`, { accreditorId: id.ACCME });
    expect(transfer.status).toBe(403);
  });

  it('lets ACCME transfer a provider to a recognized accreditor, recording a TRANSFER decision', async () => {
    const created = await accme.post(
      '/api/v1/providers',
      newProvider({ state: 'TX', accreditationStatus: 'PROVISIONAL' }),
    );
    const providerId = created.body.id;
    expect(names(await ra.get('/api/v1/providers'))).not.toContain(created.body.name);

    const res = await accme.patch(`/api/v1/providers/${providerId}`, { accreditorId: id.RATX });
    expect(res.status).toBe(200);
    expect(res.body.accreditor).toMatchObject({ id: id.RATX, code: 'RA-TX' });
    expect(res.body.accreditationStatus).toBe('PROVISIONAL');

    const decisions = (await accme.get(`/api/v1/providers/${providerId}/decisions`)).body.items;
    expect(decisions.map((d: { kind: string }) => d.kind)).toEqual(['TRANSFER', 'INITIAL']);
    expect(decisions[0]).toMatchObject({
      status: 'PROVISIONAL',
      termStart: '2025-01-01',
      termEnd: '2028-12-31',
    });
    expect(decisions[0].note).toContain('Accreditation Council for Continuing Medical Education');

    const [audit] = (await auditRowsFor(t, 'provider', providerId)).filter((r) => r.action === 'UPDATE');
    expect(audit).toMatchObject({ before: { accreditorId: id.ACCME }, after: { accreditorId: id.RATX } });

    // the new accreditor now looks after it
    expect(names(await ra.get('/api/v1/providers'))).toContain(created.body.name);
    expect((await ra.get(`/api/v1/providers/${providerId}/decisions`)).status).toBe(200);
  });

  it('refuses a transfer to an organisation that is not an accreditor', async () => {
    const res = await accme.patch(`/api/v1/providers/${id.clinical}`, { accreditorId: id.ABIM });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'accreditorId', code: 'VAL-CODE' })]);
    expect((await accme.get(`/api/v1/providers/${id.clinical}`)).body.accreditor.code).toBe('ACCME');
  });
});

describe('GET /api/v1/providers/:id/decisions', () => {
  it('shows the owner and its accreditors the decisions', async () => {
    for (const [client, providerId] of [
      [lakeside, id.lakeside],
      [accme, id.lakeside],
      [hill, id.hill],
      [ra, id.hill],
      [accme, id.hill],
    ] as const) {
      const res = await client.get(`/api/v1/providers/${providerId}/decisions`);
      expect(res.status).toBe(200);
      expect(res.body.items[0]).toMatchObject({
        kind: 'INITIAL',
        decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
    }
  });

  it('hides another provider’s decisions (404) and refuses anonymous callers (401)', async () => {
    for (const [client, providerId] of [
      [lakeside, id.hill],
      [hill, id.lakeside],
      [ra, id.lakeside],
      [board, id.hill],
    ] as const) {
      const res = await client.get(`/api/v1/providers/${providerId}/decisions`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('REQ-NOT-FOUND');
    }
    const anon = await t.anonymous.get(`/api/v1/providers/${id.lakeside}/decisions`);
    expect(anon.status).toBe(401);
  });
});
