import { expect } from 'vitest';
import type { Client, TestApp } from './test-app';

// Helpers for integration tests that need people beyond the demo logins: they go through the real
// invitation flow (invite → mail in the outbox → accept → sign in), as a user would.

export const PERSON_PASSWORD = 'a long and unusual passphrase 7';

export async function latestMailTo(t: TestApp, email: string) {
  return t.database.db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('toAddress', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export const invitationTokenIn = (text: string) => /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

/** The organisation a signed-in client acts for. */
export async function actingOrganizationId(client: Client): Promise<number> {
  const me = await client.get('/api/v1/me');
  expect(me.status).toBe(200);
  return me.body.currentOrganizationId;
}

export async function organizationIdByName(t: TestApp, name: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function userIdByEmail(t: TestApp, email: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Accepts the latest invitation mailed to `email` and signs the person in. */
export async function acceptInvitation(t: TestApp, email: string): Promise<Client> {
  const mail = await latestMailTo(t, email);
  const token = invitationTokenIn(mail?.bodyText ?? '');
  if (!token) throw new Error(`no invitation link mailed to ${email}`);
  const res = await t.anonymous.post('/api/v1/auth/invitations/accept', {
    token,
    password: PERSON_PASSWORD,
    acceptTerms: true,
  });
  if (res.status !== 200) throw new Error(`accepting the invitation of ${email} failed: ${res.raw}`);
  return t.signIn(email, PERSON_PASSWORD);
}

/** Invites a person through `inviter`, accepts the invitation and returns them signed in. */
export async function addPerson(
  t: TestApp,
  inviter: Client,
  organizationId: number,
  person: { name: string; email: string; roles: string[] },
): Promise<{ userId: string; client: Client }> {
  const res = await inviter.post(`/api/v1/organizations/${organizationId}/members`, person);
  if (res.status !== 201) throw new Error(`inviting ${person.email} failed: ${res.status} ${res.raw}`);
  return { userId: res.body.userId, client: await acceptInvitation(t, person.email) };
}

/** Audit rows written about an entity, oldest first (read straight from the table). */
export async function auditRowsFor(t: TestApp, entityType: string, entityId: string | number) {
  return t.database.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entityType', '=', entityType)
    .where('entityId', '=', String(entityId))
    .orderBy('id')
    .execute();
}
