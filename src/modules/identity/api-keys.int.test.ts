import { beforeAll, describe, expect, it } from 'vitest';
import { addPerson, auditRowsFor, organizationIdByName, userIdByEmail } from '../../testing/people';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';
import { sha256 } from './secrets';

// API keys (docs/api.md "Authentication", decisions.md §1): created by a person with api.manage, shown
// once, bound to one organisation, used as `Authorization: Bearer` without a CSRF token.

let t: TestApp;
let pat: Client; // Primary Contact of Lakeside
let jordan: Client; // Primary Contact of Hill Country
let director: Client; // Medical Director of Lakeside: no api.manage
const id = { lakeside: 0, hill: 0 };

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  pat = await t.signIn('provider@example.org');
  jordan = await t.signIn('provider2@example.org');
  id.lakeside = await organizationIdByName(t, 'Lakeside Medical Education Institute');
  id.hill = await organizationIdByName(t, 'Hill Country Regional Hospital');
  ({ client: director } = await addPerson(t, pat, id.lakeside, {
    name: 'Morgan Director',
    email: 'morgan.director@lakeside.example.org',
    roles: ['MEDICAL_DIRECTOR'],
  }));
});

async function createKey(client: Client, name = 'LMS nightly export') {
  const res = await client.post('/api/v1/api-keys', { name });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; prefix: string; key: string };
}

describe('POST /api/v1/api-keys', () => {
  it('creates a key for the acting organisation and shows it once', async () => {
    const res = await pat.post('/api/v1/api-keys', { name: 'LMS nightly export' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'LMS nightly export', prefix: expect.stringMatching(/^opk_/) });
    expect(res.body.key).toMatch(/^opk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{20,}$/);
    expect(res.body.key.startsWith(`${res.body.prefix}_`)).toBe(true);

    const list = await pat.get('/api/v1/api-keys');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((k: { id: string }) => k.id === res.body.id);
    expect(listed).toMatchObject({
      name: 'LMS nightly export',
      prefix: res.body.prefix,
      revokedAt: null,
      createdBy: { name: 'Pat Chen' },
    });
    expect(listed).not.toHaveProperty('key');
    expect(listed).not.toHaveProperty('keyHash');
    expect(list.raw).not.toContain(res.body.key);
    expect(list.raw).not.toContain(sha256(res.body.key));

    // only a hash is stored, and the audit trail holds neither
    const row = await t.database.db
      .selectFrom('apiKeys')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row.keyHash).toBe(sha256(res.body.key));
    expect(JSON.stringify(row)).not.toContain(res.body.key);
    const audit = await auditRowsFor(t, 'apiKey', res.body.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        subjectOrganizationId: id.lakeside,
        after: { name: 'LMS nightly export', prefix: res.body.prefix },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(res.body.key);
  });

  it('lets a Technical Contact manage keys', async () => {
    const { client: tech } = await addPerson(t, pat, id.lakeside, {
      name: 'Toni Technical',
      email: 'toni.technical@lakeside.example.org',
      roles: ['TECHNICAL'],
    });
    await createKey(tech, 'Technical contact key');
    expect((await tech.get('/api/v1/api-keys')).status).toBe(200);
  });

  it('refuses a Medical Director (403) and anonymous callers (401)', async () => {
    for (const res of [
      await director.post('/api/v1/api-keys', { name: 'x' }),
      await director.get('/api/v1/api-keys'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('REQ-FORBIDDEN');
    }
    for (const res of [
      await t.anonymous.post('/api/v1/api-keys', { name: 'x' }),
      await t.anonymous.get('/api/v1/api-keys'),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('REQ-UNAUTHENTICATED');
    }
  });

  it('refuses an empty name', async () => {
    const res = await pat.post('/api/v1/api-keys', { name: '   ' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('name');
  });

  it('does not let a key create another key (403)', async () => {
    const { key } = await createKey(pat, 'cannot breed');
    const before = (await pat.get('/api/v1/api-keys')).body.items.length;
    const res = await t.withKey(key).post('/api/v1/api-keys', { name: 'child key' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('REQ-FORBIDDEN');
    expect((await pat.get('/api/v1/api-keys')).body.items.length).toBe(before);
  });
});

describe('Authorization: Bearer', () => {
  it('acts for the key’s organisation as its creator', async () => {
    const { key } = await createKey(pat);
    const client = t.withKey(key);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { email: 'provider@example.org' },
      currentOrganizationId: id.lakeside,
      csrfToken: null,
    });
    const own = await client.get(`/api/v1/providers/${id.lakeside}`);
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('Lakeside Medical Education Institute');
    const list = await client.get('/api/v1/providers');
    expect(list.body.items.map((p: { id: number }) => p.id)).toEqual([id.lakeside]);
  });

  it('never reads another provider (404)', async () => {
    const { key } = await createKey(pat);
    const res = await t.withKey(key).get(`/api/v1/providers/${id.hill}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('REQ-NOT-FOUND');
    expect((await t.withKey(key).get(`/api/v1/organizations/${id.hill}/members`)).status).toBe(404);
  });

  it('writes without a CSRF token, audited on the API channel with the key', async () => {
    const created = await createKey(pat, 'profile sync');
    const res = await t
      .withKey(created.key)
      .patch(`/api/v1/providers/${id.lakeside}`, { postalCode: '60601' });
    expect(res.status).toBe(200);
    expect(res.body.postalCode).toBe('60601');
    const update = (await auditRowsFor(t, 'provider', id.lakeside)).at(-1);
    expect(update).toMatchObject({
      action: 'UPDATE',
      channel: 'API',
      actorApiKeyId: created.id,
      actorUserId: await userIdByEmail(t, 'provider@example.org'),
      after: { postalCode: '60601' },
    });
    const listed = (await pat.get('/api/v1/api-keys')).body.items.find(
      (k: { id: string }) => k.id === created.id,
    );
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('cannot switch to another organisation', async () => {
    const { key } = await createKey(pat);
    const res = await t.withKey(key).put('/api/v1/me/organization', { organizationId: id.lakeside });
    expect(res.status).toBe(403);
  });

  it('answers 401 to an unknown, malformed or wrong-scheme key', async () => {
    const { key } = await createKey(pat);
    const unknown = await t.withKey(`${key.slice(0, -3)}xyz`).get('/api/v1/me');
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('REQ-UNAUTHENTICATED');
    for (const authorization of ['Bearer', 'Bearer ', `Basic ${key}`, `Bearer ${key} extra`]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(JSON.parse(res.body).code).toBe('REQ-UNAUTHENTICATED');
    }
    // a bad key is not rescued by a valid session cookie
    const both = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer opk_nope', cookie: pat.cookie! },
    });
    expect(both.statusCode).toBe(401);
  });

  it('stops working when its creator loses access to the organisation', async () => {
    const tech = await addPerson(t, pat, id.lakeside, {
      name: 'Ira Integrations',
      email: 'ira.integrations@lakeside.example.org',
      roles: ['TECHNICAL'],
    });
    const { key } = await createKey(tech.client, 'leaves with Ira');
    expect((await t.withKey(key).get('/api/v1/me')).status).toBe(200);
    expect((await pat.delete(`/api/v1/organizations/${id.lakeside}/members/${tech.userId}`)).status).toBe(
      204,
    );
    expect((await t.withKey(key).get('/api/v1/me')).status).toBe(401);
  });
});

describe('DELETE /api/v1/api-keys/:id', () => {
  it('revokes a key, which then fails, and audits it', async () => {
    const created = await createKey(pat, 'to revoke');
    expect((await t.withKey(created.key).get('/api/v1/me')).status).toBe(200);
    const res = await pat.delete(`/api/v1/api-keys/${created.id}`);
    expect(res.status).toBe(204);
    const after = await t.withKey(created.key).get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('REQ-UNAUTHENTICATED');
    const listed = (await pat.get('/api/v1/api-keys')).body.items.find(
      (k: { id: string }) => k.id === created.id,
    );
    expect(listed.revokedAt).not.toBeNull();
    expect((await auditRowsFor(t, 'apiKey', created.id)).map((r) => r.action)).toEqual(['CREATE', 'REVOKE']);
    // revoking again changes nothing
    expect((await pat.delete(`/api/v1/api-keys/${created.id}`)).status).toBe(204);
    expect((await auditRowsFor(t, 'apiKey', created.id)).map((r) => r.action)).toEqual(['CREATE', 'REVOKE']);
  });

  it('hides a key from another provider’s Primary Contact (404), and the key keeps working', async () => {
    const created = await createKey(pat, 'not yours');
    const res = await jordan.delete(`/api/v1/api-keys/${created.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('REQ-NOT-FOUND');
    expect((await jordan.get('/api/v1/api-keys')).body.items.map((k: { id: string }) => k.id)).not.toContain(
      created.id,
    );
    expect((await t.withKey(created.key).get('/api/v1/me')).status).toBe(200);
  });

  it('refuses a Medical Director (403) and anonymous callers (401)', async () => {
    const created = await createKey(pat, 'stays');
    expect((await director.delete(`/api/v1/api-keys/${created.id}`)).status).toBe(403);
    expect((await t.anonymous.delete(`/api/v1/api-keys/${created.id}`)).status).toBe(401);
    expect((await t.withKey(created.key).get('/api/v1/me')).status).toBe(200);
  });

  it('answers 404 to an unknown key and 400 to an id that is not a UUID', async () => {
    expect((await pat.delete('/api/v1/api-keys/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await pat.delete('/api/v1/api-keys/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('id');
  });
});
