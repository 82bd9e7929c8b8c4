import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieOf, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});

const latestMailTo = async (email: string) => {
  const row = await t.database.db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('toAddress', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row;
};
const tokenIn = (text: string, page: string) =>
  new RegExp(`/${page}\\?token=([A-Za-z0-9_-]+)`).exec(text)?.[1];

describe('sign-in', () => {
  it('signs in with the demo password and answers /me with organisations and roles', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', {
      email: 'provider@example.org',
      password: 'openpars-demo',
    });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/openpars_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const client = await t.signIn('provider@example.org');
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('provider@example.org');
    expect(me.body.organizations[0]).toMatchObject({ kind: 'PROVIDER', roles: ['PRIMARY'] });
    expect(me.body.permissions).toContain('contacts.manage');
    expect(me.body.csrfToken).toBe(client.csrfToken);
  });

  it('is case-insensitive on the email', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', {
      email: 'Provider@Example.ORG',
      password: 'openpars-demo',
    });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password and an unknown email the same way, and audits the failure', async () => {
    const wrong = await t.anonymous.post('/api/v1/auth/login', {
      email: 'board@example.org',
      password: 'not-the-password',
    });
    const unknown = await t.anonymous.post('/api/v1/auth/login', {
      email: 'nobody@example.org',
      password: 'not-the-password',
    });
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.body).toMatchObject({
        code: 'REQ-UNAUTHENTICATED',
        detail: 'The email or password is not correct.',
      });
    }
    const failures = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'LOGIN_FAILED')
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('answers 401 to /me without a session and after logout', async () => {
    expect((await t.anonymous.get('/api/v1/me')).status).toBe(401);
    const client = await t.signIn('accme@example.org');
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    const after = await client.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('REQ-UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const client = await t.signIn('provider@example.org');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie: client.cookie! },
      payload: { name: 'no csrf' },
    });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).code).toBe('REQ-CSRF');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie: client.cookie!, 'x-csrf-token': 'wrong' },
      payload: { name: 'wrong csrf' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('locks sign-in from one address after 10 failures within 15 minutes and tells the user', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await t.anonymous.post('/api/v1/auth/login', {
        email: 'state-board@example.org',
        password: `wrong-${i}`,
      });
      expect(r.status).toBe(401);
    }
    const locked = await t.anonymous.post('/api/v1/auth/login', {
      email: 'state-board@example.org',
      password: 'openpars-demo',
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('REQ-RATE-LIMITED');
    const mail = await latestMailTo('state-board@example.org');
    expect(mail?.template).toBe('sign-in-blocked');
  });
});

describe('sessions', () => {
  it('ends a session idle for 60 minutes and one older than 12 hours', async () => {
    const idle = await t.signIn('board@example.org');
    const old = await t.signIn('board@example.org');
    const db = t.database.db;
    const sessions = await db
      .selectFrom('sessions')
      .select(['id', 'createdAt'])
      .where('endedAt', 'is', null)
      .orderBy('createdAt', 'desc')
      .limit(2)
      .execute();
    const [newest, second] = sessions;
    // `old` is the newest session, `idle` the one before it
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - 61 * 60_000) })
      .where('id', '=', second!.id)
      .execute();
    await db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('id', '=', newest!.id)
      .execute();
    expect((await idle.get('/api/v1/me')).status).toBe(401);
    expect((await old.get('/api/v1/me')).status).toBe(401);
  });

  it('switches the acting organisation only to one the user belongs to', async () => {
    const db = t.database.db;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'accme@example.org')
      .executeTakeFirstOrThrow();
    const ja = await db
      .selectFrom('organizations')
      .select('id')
      .where('code', '=', 'JA')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ userId: user.id, organizationId: ja.id, roles: ['ACCREDITOR_STAFF'] })
      .execute();
    const client = await t.signIn('accme@example.org');
    const before = await client.get('/api/v1/me');
    expect(before.body.organizations).toHaveLength(2);
    const switched = await client.put('/api/v1/me/organization', { organizationId: ja.id });
    expect(switched.status).toBe(200);
    expect(switched.body.currentOrganizationId).toBe(ja.id);
    expect(switched.body.permissions).toContain('providers.view');
    expect(switched.body.permissions).not.toContain('providers.manage');
    const abim = await db
      .selectFrom('organizations')
      .select('id')
      .where('code', '=', 'ABIM')
      .executeTakeFirstOrThrow();
    const refused = await client.put('/api/v1/me/organization', { organizationId: abim.id });
    expect(refused.status).toBe(404);
    expect((await client.get('/api/v1/me')).body.currentOrganizationId).toBe(ja.id);
  });
});

describe('per-address limit', () => {
  it('answers 429 REQ-RATE-LIMITED past the sign-in requests allowed per minute', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await limited.anonymous.post('/api/v1/auth/password-reset', { email: 'x@example.org' })).status,
      );
    expect(codes).toEqual([202, 202, 202, 429]);
    const last = await limited.anonymous.post('/api/v1/auth/password-reset', { email: 'x@example.org' });
    expect(last.body.code).toBe('REQ-RATE-LIMITED');
  });
});

describe('password reset', () => {
  it('answers the same for known and unknown emails and mails a single-use link to the account', async () => {
    const known = await t.anonymous.post('/api/v1/auth/password-reset', { email: 'operator@example.org' });
    const unknown = await t.anonymous.post('/api/v1/auth/password-reset', { email: 'ghost@example.org' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(await latestMailTo('ghost@example.org')).toBeUndefined();
    const mail = await latestMailTo('operator@example.org');
    expect(mail?.subject).toMatch(/reset/i);
    const token = tokenIn(mail!.bodyText, 'reset-password');
    expect(token).toBeTruthy();

    const other = await t.signIn('operator@example.org');
    const weak = await t.anonymous.post('/api/v1/auth/password-reset/complete', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]).toMatchObject({ path: 'password', code: 'VAL-PASSWORD-WEAK' });

    const done = await t.anonymous.post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase 42',
    });
    expect(done.status).toBe(204);
    // every session of the user ended
    expect((await other.get('/api/v1/me')).status).toBe(401);
    // the link works once
    const again = await t.anonymous.post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'another new passphrase 43',
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('REQ-TOKEN-INVALID');
    // old password no longer works, new one does
    expect(
      (
        await t.anonymous.post('/api/v1/auth/login', {
          email: 'operator@example.org',
          password: 'openpars-demo',
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await t.anonymous.post('/api/v1/auth/login', {
          email: 'operator@example.org',
          password: 'a brand new passphrase 42',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses an expired link', async () => {
    await t.anonymous.post('/api/v1/auth/password-reset', { email: 'sms@example.org' });
    const token = tokenIn((await latestMailTo('sms@example.org'))!.bodyText, 'reset-password');
    await t.database.db
      .updateTable('oneTimeTokens')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('purpose', '=', 'PASSWORD_RESET')
      .execute();
    const res = await t.anonymous.post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase 42',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQ-TOKEN-INVALID');
  });

  it('stores only a hash of the link token', async () => {
    await t.anonymous.post('/api/v1/auth/password-reset', { email: 'physician@example.org' });
    const token = tokenIn((await latestMailTo('physician@example.org'))!.bodyText, 'reset-password')!;
    const rows = await t.database.db.selectFrom('oneTimeTokens').select('tokenHash').execute();
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });
});

describe('invitation', () => {
  it('lets an invited person set a password, accept the terms and sign in', async () => {
    const primary = await t.signIn('provider2@example.org');
    const me = await primary.get('/api/v1/me');
    const orgId = me.body.currentOrganizationId;
    const invited = await primary.post(`/api/v1/organizations/${orgId}/members`, {
      name: 'Nia Staff',
      email: 'nia@example.org',
      roles: ['STAFF'],
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'nia@example.org', status: 'INVITED', roles: ['STAFF'] });
    const mail = await latestMailTo('nia@example.org');
    expect(mail?.subject).toBe('OpenPARS — system access granted');
    const token = tokenIn(mail!.bodyText, 'invitation')!;

    const look = await t.anonymous.get(`/api/v1/auth/invitations/${token}`);
    expect(look.status).toBe(200);
    expect(look.body).toMatchObject({
      email: 'nia@example.org',
      organizationName: 'Hill Country Regional Hospital',
    });

    const noTerms = await t.anonymous.post('/api/v1/auth/invitations/accept', {
      token,
      password: 'nia has a long passphrase',
      acceptTerms: false,
    });
    expect(noTerms.status).toBe(400);
    expect(noTerms.body.errors[0].path).toBe('acceptTerms');

    const accepted = await t.anonymous.post('/api/v1/auth/invitations/accept', {
      token,
      password: 'nia has a long passphrase',
      acceptTerms: true,
    });
    expect(accepted.status).toBe(200);
    expect(sessionCookieOf(accepted)).toBeTruthy();
    expect(accepted.body.organizations[0]).toMatchObject({ id: orgId, roles: ['STAFF'] });

    const reuse = await t.anonymous.post('/api/v1/auth/invitations/accept', {
      token,
      password: 'nia has a long passphrase',
      acceptTerms: true,
    });
    expect(reuse.body.code).toBe('REQ-TOKEN-INVALID');
    const nia = await t.signIn('nia@example.org', 'nia has a long passphrase');
    expect((await nia.get('/api/v1/me')).body.user.status).toBe('ACTIVE');
  });

  it('refuses a password containing the email', async () => {
    const primary = await t.signIn('provider2@example.org');
    const orgId = (await primary.get('/api/v1/me')).body.currentOrganizationId;
    await primary.post(`/api/v1/organizations/${orgId}/members`, {
      name: 'Omar Tech',
      email: 'omartech@example.org',
      roles: ['TECHNICAL'],
    });
    const token = tokenIn((await latestMailTo('omartech@example.org'))!.bodyText, 'invitation')!;
    const res = await t.anonymous.post('/api/v1/auth/invitations/accept', {
      token,
      password: 'my omartech password',
      acceptTerms: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/email/);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with REQ-INVALID', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).code).toBe('REQ-INVALID');
  });

  it('names unknown fields and wrong types', async () => {
    const unknown = await t.anonymous.post('/api/v1/auth/login', {
      email: 'a@b.c',
      password: 'x',
      admin: true,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('REQ-INVALID');
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'admin', code: 'VAL-UNKNOWN' })]);
    const wrongType = await t.anonymous.post('/api/v1/auth/login', { email: 42, password: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0]).toMatchObject({ path: 'email', code: 'VAL-TYPE' });
    const missing = await t.anonymous.post('/api/v1/auth/login', { email: 'a@b.c' });
    expect(missing.body.errors[0]).toMatchObject({ path: 'password', code: 'VAL-REQUIRED' });
  });

  it('refuses an oversized body with REQ-TOO-LARGE', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', {
      email: 'a@b.c',
      password: 'x'.repeat(2_000_000),
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('REQ-TOO-LARGE');
  });

  it('answers unknown API paths with a problem, not HTML', async () => {
    const res = await t.anonymous.get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('REQ-NOT-FOUND');
  });

  it('never puts stack traces in responses', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
