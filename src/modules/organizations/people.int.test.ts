import { beforeAll, describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  addPerson,
  auditRowsFor,
  invitationTokenIn,
  latestMailTo,
  organizationIdByName,
  PERSON_PASSWORD,
  userIdByEmail,
} from '../../testing/people';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// The people of an organisation (program.md §2.1, §3; decisions.md §2, §8, §9, §11): who may see and
// change them, exactly one Primary Contact, invitations, removal and deactivation.

let t: TestApp;
let pat: Client; // Primary Contact of Lakeside (ACCME)
let jordan: Client; // Primary Contact of Hill Country (RA-TX)
let sms: Client; // RA-TX administrator
let accme: Client;
let operator: Client;
let board: Client;
let physician: Client;
const id = { lakeside: 0, hill: 0, RATX: 0, ABIM: 0, STTX: 0 };

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  pat = await t.signIn('provider@example.org');
  jordan = await t.signIn('provider2@example.org');
  sms = await t.signIn('sms@example.org');
  accme = await t.signIn('accme@example.org');
  operator = await t.signIn('operator@example.org');
  board = await t.signIn('board@example.org');
  physician = await t.signIn('physician@example.org');
  id.lakeside = await organizationIdByName(t, 'Lakeside Medical Education Institute');
  id.hill = await organizationIdByName(t, 'Hill Country Regional Hospital');
  id.RATX = await organizationIdByName(t, 'Texas Medical Association');
  id.ABIM = await organizationIdByName(t, 'American Board of Internal Medicine');
  id.STTX = (
    await t.database.db
      .selectFrom('organizations')
      .select('id')
      .where('code', '=', 'ST-TX')
      .executeTakeFirstOrThrow()
  ).id;
});

const members = (client: Client, organizationId: number) =>
  client.get(`/api/v1/organizations/${organizationId}/members`);
const memberUrl = (organizationId: number, userId: string) =>
  `/api/v1/organizations/${organizationId}/members/${userId}`;
const rolesOf = async (organizationId: number) => {
  const rows = await t.database.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.email', 'm.roles'])
    .where('m.organizationId', '=', organizationId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.email, r.roles]));
};

let freshCount = 0;
/** A provider of its own, created by ACCME, whose Primary Contact has accepted the invitation. */
async function freshProvider() {
  freshCount += 1;
  const email = `ava${freshCount}@fresh.example.org`;
  const res = await accme.post('/api/v1/providers', {
    name: `Fresh Provider ${freshCount}`,
    organizationType: 'HOSPITAL_HEALTHCARE',
    accreditationStatus: 'ACCREDITED',
    primaryContact: { name: `Ava Primary ${freshCount}`, email },
  });
  expect(res.status).toBe(201);
  const primary = await acceptInvitation(t, email);
  return {
    id: res.body.id as number,
    name: res.body.name as string,
    email,
    primary,
    primaryId: await userIdByEmail(t, email),
  };
}

describe('GET /api/v1/organizations/:id/members', () => {
  it('shows the organisation’s own people with status and roles, and nothing secret', async () => {
    const res = await members(pat, id.lakeside);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        name: 'Pat Chen',
        email: 'provider@example.org',
        status: 'ACTIVE',
        roles: ['PRIMARY'],
      }),
    ]);
    expect(Object.keys(res.body.items[0]).sort()).toEqual([
      'email',
      'lastLoginAt',
      'name',
      'roles',
      'status',
      'userId',
    ]);
  });

  it('lets the provider’s accreditor and ACCME read them', async () => {
    expect((await members(sms, id.hill)).status).toBe(200);
    expect((await members(accme, id.hill)).status).toBe(200);
    expect((await members(accme, id.lakeside)).body.items[0].email).toBe('provider@example.org');
  });

  it('hides another organisation’s people (404) and refuses anonymous callers (401)', async () => {
    for (const [client, orgId] of [
      [jordan, id.lakeside],
      [pat, id.hill],
      [sms, id.lakeside],
      [board, id.lakeside],
      [physician, id.hill],
      [pat, id.RATX],
    ] as const) {
      const res = await members(client, orgId);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('REQ-NOT-FOUND');
    }
    const anon = await members(t.anonymous, id.lakeside);
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('REQ-UNAUTHENTICATED');
  });
});

describe('POST /api/v1/organizations/:id/members', () => {
  it('lets the Primary Contact invite a person, mails the link and audits it', async () => {
    const patId = await userIdByEmail(t, 'provider@example.org');
    const res = await pat.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Dana Records',
      email: 'dana.records@lakeside.example.org',
      roles: ['STAFF', 'TECHNICAL'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Dana Records',
      email: 'dana.records@lakeside.example.org',
      status: 'INVITED',
      roles: ['STAFF', 'TECHNICAL'],
    });
    const mail = await latestMailTo(t, 'dana.records@lakeside.example.org');
    expect(mail?.subject).toBe('OpenPARS — system access granted');
    expect(mail?.bodyText).toContain('Lakeside Medical Education Institute');
    expect(invitationTokenIn(mail!.bodyText)).toBeTruthy();

    const audit = [
      ...(await auditRowsFor(t, 'user', res.body.userId)),
      ...(await auditRowsFor(t, 'membership', res.body.userId)),
    ];
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        entityType: 'user',
        actorUserId: patId,
        subjectOrganizationId: id.lakeside,
      }),
      expect.objectContaining({
        action: 'CREATE',
        entityType: 'membership',
        actorUserId: patId,
        subjectOrganizationId: id.lakeside,
        after: { roles: ['STAFF', 'TECHNICAL'] },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(invitationTokenIn(mail!.bodyText));
  });

  it('refuses a Staff contact (403), who may still read the people', async () => {
    const { client: staff } = await addPerson(t, pat, id.lakeside, {
      name: 'Sid Staff',
      email: 'sid.staff@lakeside.example.org',
      roles: ['STAFF'],
    });
    expect((await members(staff, id.lakeside)).status).toBe(200);
    const res = await staff.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Someone',
      email: 'someone@lakeside.example.org',
      roles: ['STAFF'],
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('REQ-FORBIDDEN');
    const patId = await userIdByEmail(t, 'provider@example.org');
    expect((await staff.put(memberUrl(id.lakeside, patId), { roles: ['STAFF'] })).status).toBe(403);
    expect((await staff.delete(memberUrl(id.lakeside, patId))).status).toBe(403);
    expect((await staff.post(`${memberUrl(id.lakeside, patId)}/deactivate`)).status).toBe(403);
    expect(await latestMailTo(t, 'someone@lakeside.example.org')).toBeUndefined();
  });

  it('hides another provider (404) and refuses anonymous callers (401)', async () => {
    const body = { name: 'Intruder', email: 'intruder@example.org', roles: ['PRIMARY'] };
    for (const client of [jordan, board, physician]) {
      const res = await client.post(`/api/v1/organizations/${id.lakeside}/members`, body);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('REQ-NOT-FOUND');
    }
    const anon = await t.anonymous.post(`/api/v1/organizations/${id.lakeside}/members`, body);
    expect(anon.status).toBe(401);
    expect(await latestMailTo(t, 'intruder@example.org')).toBeUndefined();
    expect((await rolesOf(id.lakeside))['provider@example.org']).toEqual(['PRIMARY']);
  });

  it('refuses role codes that are not contact types, and other bad input', async () => {
    const url = `/api/v1/organizations/${id.lakeside}/members`;
    const person = { name: 'Rae Roles', email: 'rae@lakeside.example.org' };
    for (const role of ['OWNER', 'BOARD_ADMIN', 'primary']) {
      const res = await pat.post(url, { ...person, roles: [role] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'roles', code: 'VAL-CODE', value: role }),
      ]);
    }
    const twice = await pat.post(url, { ...person, roles: ['STAFF', 'STAFF'] });
    expect(twice.status).toBe(400);
    const none = await pat.post(url, { ...person, roles: [] });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].path).toBe('roles');
    const email = await pat.post(url, { ...person, email: 'not-an-email', roles: ['STAFF'] });
    expect(email.status).toBe(400);
    expect(email.body.errors[0]).toMatchObject({ path: 'email', code: 'VAL-FORMAT' });
    expect(await latestMailTo(t, 'rae@lakeside.example.org')).toBeUndefined();
  });

  it('refuses a person who already belongs to the organisation (409)', async () => {
    const res = await pat.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Pat Again',
      email: 'Provider@Example.org',
      roles: ['CEO'],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQ-CONFLICT');
    expect(res.body.errors[0]).toMatchObject({ path: 'email', code: 'REQ-CONFLICT' });
    expect((await rolesOf(id.lakeside))['provider@example.org']).toEqual(['PRIMARY']);
  });

  it('refuses a physician’s Passport email (409)', async () => {
    const res = await pat.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Dr. Maria',
      email: 'physician@example.org',
      roles: ['MEDICAL_DIRECTOR'],
    });
    expect(res.status).toBe(409);
  });

  it('gives an existing user of another organisation access and tells them, without a new password link', async () => {
    const res = await pat.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Whatever Name',
      email: 'provider2@example.org',
      roles: ['BILLING'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Jordan Lee', status: 'ACTIVE', roles: ['BILLING'] });
    const mail = await latestMailTo(t, 'provider2@example.org');
    expect(mail).toMatchObject({ template: 'access-granted', subject: 'OpenPARS — system access granted' });
    expect(mail!.bodyText).toContain('Lakeside Medical Education Institute');
    expect(invitationTokenIn(mail!.bodyText)).toBeUndefined();
    expect((await auditRowsFor(t, 'membership', res.body.userId)).at(-1)).toMatchObject({
      action: 'CREATE',
      subjectOrganizationId: id.lakeside,
      after: { roles: ['BILLING'] },
    });

    // Jordan now holds both organisations and acts for Lakeside with the Billing Contact's permissions
    const me = await jordan.get('/api/v1/me');
    expect(me.body.organizations.map((o: { id: number }) => o.id).sort()).toEqual(
      [id.lakeside, id.hill].sort(),
    );
    const switched = await jordan.put('/api/v1/me/organization', { organizationId: id.lakeside });
    expect(switched.status).toBe(200);
    expect(switched.body.permissions).toContain('billing.view');
    expect(switched.body.permissions).not.toContain('org.edit');
    expect((await jordan.patch(`/api/v1/providers/${id.lakeside}`, { city: 'Gary' })).status).toBe(403);
    await jordan.put('/api/v1/me/organization', { organizationId: id.hill });
  });

  it('lets the provider’s recognized accreditor and ACCME add contacts, but not a foreign accreditor', async () => {
    const byRa = await sms.post(`/api/v1/organizations/${id.hill}/members`, {
      name: 'Cora CEO',
      email: 'cora.ceo@hillcountry.example.org',
      roles: ['CEO'],
    });
    expect(byRa.status).toBe(201);
    expect((await auditRowsFor(t, 'membership', byRa.body.userId))[0]).toMatchObject({
      actorOrganizationId: id.RATX,
      subjectOrganizationId: id.hill,
    });
    const byAccme = await accme.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Mo Director',
      email: 'mo.director@lakeside.example.org',
      roles: ['MEDICAL_DIRECTOR'],
    });
    expect(byAccme.status).toBe(201);
    const foreign = await sms.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Nope',
      email: 'nope@lakeside.example.org',
      roles: ['STAFF'],
    });
    expect(foreign.status).toBe(404);
  });

  it('lets the operator and the board administrator manage board staff, but not the operator provider contacts', async () => {
    const byOperator = await operator.post(`/api/v1/organizations/${id.ABIM}/members`, {
      name: 'Bea Board',
      email: 'bea@abim.example.org',
      roles: ['BOARD_STAFF'],
    });
    expect(byOperator.status).toBe(201);
    expect((await members(board, id.ABIM)).body.items.map((m: { email: string }) => m.email)).toContain(
      'bea@abim.example.org',
    );
    const wrongRole = await operator.post(`/api/v1/organizations/${id.ABIM}/members`, {
      name: 'Bea Two',
      email: 'bea2@abim.example.org',
      roles: ['PRIMARY'],
    });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.errors[0]).toMatchObject({ path: 'roles', code: 'VAL-CODE' });

    const provider = await operator.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Op Contact',
      email: 'op.contact@example.org',
      roles: ['STAFF'],
    });
    expect(provider.status).toBe(404);

    const byBoard = await board.post(`/api/v1/organizations/${id.ABIM}/members`, {
      name: 'Ben Board',
      email: 'ben@abim.example.org',
      roles: ['BOARD_STAFF'],
    });
    expect(byBoard.status).toBe(201);
    const otherBoard = await board.post(`/api/v1/organizations/${id.STTX}/members`, {
      name: 'Ben Board',
      email: 'ben2@abim.example.org',
      roles: ['BOARD_STAFF'],
    });
    expect(otherBoard.status).toBe(404);
  });
});

describe('PUT /api/v1/organizations/:id/members/:userId', () => {
  it('changes a person’s contact types and audits before and after', async () => {
    const f = await freshProvider();
    const invited = await f.primary.post(`/api/v1/organizations/${f.id}/members`, {
      name: 'Tia Tech',
      email: 'tia.tech@fresh.example.org',
      roles: ['STAFF'],
    });
    const res = await f.primary.put(memberUrl(f.id, invited.body.userId), { roles: ['STAFF', 'TECHNICAL'] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['STAFF', 'TECHNICAL']);
    expect((await auditRowsFor(t, 'membership', invited.body.userId)).at(-1)).toMatchObject({
      action: 'UPDATE',
      actorUserId: f.primaryId,
      subjectOrganizationId: f.id,
      before: { roles: ['STAFF'] },
      after: { roles: ['STAFF', 'TECHNICAL'] },
    });
  });

  it('moves the Primary Contact: the previous one keeps only their other roles, and the accreditor is told', async () => {
    const f = await freshProvider();
    const b = await f.primary.post(`/api/v1/organizations/${f.id}/members`, {
      name: 'Ben Next',
      email: 'ben.next@fresh.example.org',
      roles: ['STAFF'],
    });
    expect((await f.primary.put(memberUrl(f.id, f.primaryId), { roles: ['PRIMARY', 'CEO'] })).status).toBe(
      200,
    );

    const res = await f.primary.put(memberUrl(f.id, b.body.userId), { roles: ['PRIMARY'] });
    expect(res.status).toBe(200);
    expect(await rolesOf(f.id)).toEqual({ [f.email]: ['CEO'], 'ben.next@fresh.example.org': ['PRIMARY'] });

    expect((await auditRowsFor(t, 'membership', f.primaryId)).at(-1)).toMatchObject({
      action: 'UPDATE',
      before: { roles: ['PRIMARY', 'CEO'] },
      after: { roles: ['CEO'] },
    });
    const notice = await latestMailTo(t, 'accme@example.org');
    expect(notice).toMatchObject({ template: 'contact-change' });
    expect(notice!.bodyText).toContain(f.name);
    expect(notice!.bodyText).toContain('Ben Next is now Primary Contact');

    // as CEO, the previous Primary still manages contacts
    expect((await members(f.primary, f.id)).status).toBe(200);
    expect(
      (await f.primary.put(memberUrl(f.id, b.body.userId), { roles: ['PRIMARY', 'BILLING'] })).status,
    ).toBe(200);
  });

  it('takes the organisation away from a previous Primary who held no other role', async () => {
    const f = await freshProvider();
    const b = await f.primary.post(`/api/v1/organizations/${f.id}/members`, {
      name: 'Kim Successor',
      email: 'kim.successor@fresh.example.org',
      roles: ['STAFF'],
    });
    expect((await f.primary.put(memberUrl(f.id, b.body.userId), { roles: ['PRIMARY'] })).status).toBe(200);
    expect(await rolesOf(f.id)).toEqual({ 'kim.successor@fresh.example.org': ['PRIMARY'] });
    expect((await auditRowsFor(t, 'membership', f.primaryId)).at(-1)).toMatchObject({
      action: 'DELETE',
      before: { roles: ['PRIMARY'] },
    });
    expect((await f.primary.get(`/api/v1/providers/${f.id}`)).status).toBe(404);
  });

  it('refuses to remove the last Primary Contact (409)', async () => {
    const f = await freshProvider();
    const res = await f.primary.put(memberUrl(f.id, f.primaryId), { roles: ['CEO'] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQ-CONFLICT');
    expect(res.body.errors[0]).toMatchObject({ path: 'roles' });
    const byAccme = await accme.put(memberUrl(f.id, f.primaryId), { roles: ['STAFF'] });
    expect(byAccme.status).toBe(409);
    expect(await rolesOf(f.id)).toEqual({ [f.email]: ['PRIMARY'] });
  });

  it('refuses bad roles, unknown people, other providers and anonymous callers', async () => {
    const patId = await userIdByEmail(t, 'provider@example.org');
    const bad = await pat.put(memberUrl(id.lakeside, patId), { roles: ['PRIMARY', 'BOSS'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: 'roles', code: 'VAL-CODE', value: 'BOSS' }),
    ]);
    const unknown = await pat.put(memberUrl(id.lakeside, '00000000-0000-4000-8000-000000000000'), {
      roles: ['STAFF'],
    });
    expect(unknown.status).toBe(404);
    const notUuid = await pat.put(memberUrl(id.lakeside, 'pat'), { roles: ['STAFF'] });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors[0].path).toBe('userId');
    const other = await jordan.put(memberUrl(id.lakeside, patId), { roles: ['PRIMARY', 'CEO'] });
    expect(other.status).toBe(404);
    const anon = await t.anonymous.put(memberUrl(id.lakeside, patId), { roles: ['PRIMARY', 'CEO'] });
    expect(anon.status).toBe(401);
    expect((await rolesOf(id.lakeside))['provider@example.org']).toEqual(['PRIMARY']);
  });
});

describe('DELETE /api/v1/organizations/:id/members/:userId', () => {
  it('refuses to remove the last Primary Contact (409)', async () => {
    const f = await freshProvider();
    for (const client of [f.primary, accme]) {
      const res = await client.delete(memberUrl(f.id, f.primaryId));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('REQ-CONFLICT');
    }
    expect(await rolesOf(f.id)).toEqual({ [f.email]: ['PRIMARY'] });
  });

  it('removes a person, who then loses access to the organisation', async () => {
    const f = await freshProvider();
    const c = await addPerson(t, f.primary, f.id, {
      name: 'Cam Leaving',
      email: 'cam.leaving@fresh.example.org',
      roles: ['STAFF'],
    });
    expect((await c.client.get(`/api/v1/providers/${f.id}`)).status).toBe(200);

    const res = await f.primary.delete(memberUrl(f.id, c.userId));
    expect(res.status).toBe(204);
    expect((await members(f.primary, f.id)).body.items.map((m: { email: string }) => m.email)).toEqual([
      f.email,
    ]);
    expect((await auditRowsFor(t, 'membership', c.userId)).at(-1)).toMatchObject({
      action: 'DELETE',
      actorUserId: f.primaryId,
      subjectOrganizationId: f.id,
      before: { roles: ['STAFF'] },
    });

    // the session survives but the organisation is gone from it
    expect((await c.client.get(`/api/v1/providers/${f.id}`)).status).toBe(404);
    expect((await members(c.client, f.id)).status).toBe(404);
    const me = await c.client.get('/api/v1/me');
    expect(me.body).toMatchObject({ organizations: [], currentOrganizationId: null, permissions: [] });

    expect((await f.primary.delete(memberUrl(f.id, c.userId))).status).toBe(404);
  });

  it('keeps the login of a person who belongs to another organisation', async () => {
    const f = await freshProvider();
    const invited = await f.primary.post(`/api/v1/organizations/${f.id}/members`, {
      name: 'Jordan Lee',
      email: 'provider2@example.org',
      roles: ['WEBSITE'],
    });
    expect(invited.status).toBe(201);
    expect((await f.primary.delete(memberUrl(f.id, invited.body.userId))).status).toBe(204);
    const again = await t.signIn('provider2@example.org');
    const me = await again.get('/api/v1/me');
    expect(me.body.organizations.map((o: { id: number }) => o.id)).not.toContain(f.id);
    expect(me.body.organizations.map((o: { id: number }) => o.id)).toContain(id.hill);
  });

  it('hides another provider’s people (404) and refuses anonymous callers (401)', async () => {
    const patId = await userIdByEmail(t, 'provider@example.org');
    expect((await jordan.delete(memberUrl(id.lakeside, patId))).status).toBe(404);
    expect((await t.anonymous.delete(memberUrl(id.lakeside, patId))).status).toBe(401);
    expect((await rolesOf(id.lakeside))['provider@example.org']).toEqual(['PRIMARY']);
  });
});

describe('POST /api/v1/organizations/:id/members/:userId/resend-invitation', () => {
  it('sends a fresh link to an invited person and retires the old one', async () => {
    const invited = await pat.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Lou Late',
      email: 'lou.late@lakeside.example.org',
      roles: ['WEBSITE'],
    });
    const oldToken = invitationTokenIn((await latestMailTo(t, 'lou.late@lakeside.example.org'))!.bodyText)!;
    const res = await pat.post(`${memberUrl(id.lakeside, invited.body.userId)}/resend-invitation`);
    expect(res.status).toBe(204);
    const newToken = invitationTokenIn((await latestMailTo(t, 'lou.late@lakeside.example.org'))!.bodyText)!;
    expect(newToken).toBeTruthy();
    expect(newToken).not.toBe(oldToken);
    const old = await t.anonymous.get(`/api/v1/auth/invitations/${oldToken}`);
    expect(old.status).toBe(400);
    expect(old.body.code).toBe('REQ-TOKEN-INVALID');
    expect((await t.anonymous.get(`/api/v1/auth/invitations/${newToken}`)).status).toBe(200);
    expect((await auditRowsFor(t, 'user', invited.body.userId)).at(-1)).toMatchObject({
      action: 'INVITATION_RESENT',
      subjectOrganizationId: id.lakeside,
    });
  });

  it('refuses a person who has already set a password (409)', async () => {
    const patId = await userIdByEmail(t, 'provider@example.org');
    const res = await pat.post(`${memberUrl(id.lakeside, patId)}/resend-invitation`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQ-CONFLICT');
  });

  it('hides another provider’s people (404) and refuses anonymous callers (401)', async () => {
    const invited = await pat.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Vic Waiting',
      email: 'vic.waiting@lakeside.example.org',
      roles: ['STAFF'],
    });
    const url = `${memberUrl(id.lakeside, invited.body.userId)}/resend-invitation`;
    const mailsBefore = (await latestMailTo(t, 'vic.waiting@lakeside.example.org'))!.id;
    expect((await jordan.post(url)).status).toBe(404);
    expect((await t.anonymous.post(url)).status).toBe(401);
    expect((await latestMailTo(t, 'vic.waiting@lakeside.example.org'))!.id).toBe(mailsBefore);
  });
});

describe('POST /api/v1/organizations/:id/members/:userId/deactivate', () => {
  it('refuses to deactivate one’s own account (409)', async () => {
    const patId = await userIdByEmail(t, 'provider@example.org');
    const res = await pat.post(`${memberUrl(id.lakeside, patId)}/deactivate`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQ-CONFLICT');
  });

  it('refuses to deactivate a person who also works for another organisation (409)', async () => {
    const f = await freshProvider();
    const invited = await f.primary.post(`/api/v1/organizations/${f.id}/members`, {
      name: 'Jordan Lee',
      email: 'provider2@example.org',
      roles: ['STAFF'],
    });
    const res = await f.primary.post(`${memberUrl(f.id, invited.body.userId)}/deactivate`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQ-CONFLICT');
    expect((await jordan.get('/api/v1/me')).status).toBe(200);
  });

  it('deactivates a person: their sessions end, they cannot sign in, and it is audited', async () => {
    const f = await freshProvider();
    const d = await addPerson(t, f.primary, f.id, {
      name: 'Del Gone',
      email: 'del.gone@fresh.example.org',
      roles: ['STAFF'],
    });
    expect((await d.client.get('/api/v1/me')).status).toBe(200);

    const res = await f.primary.post(`${memberUrl(f.id, d.userId)}/deactivate`);
    expect(res.status).toBe(204);

    const me = await d.client.get('/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('REQ-UNAUTHENTICATED');
    const open = await t.database.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', d.userId)
      .where('endedAt', 'is', null)
      .execute();
    expect(open).toEqual([]);
    const login = await t.anonymous.post('/api/v1/auth/login', {
      email: 'del.gone@fresh.example.org',
      password: PERSON_PASSWORD,
    });
    expect(login.status).toBe(401);

    expect((await members(f.primary, f.id)).body.items).toContainEqual(
      expect.objectContaining({ email: 'del.gone@fresh.example.org', status: 'DEACTIVATED' }),
    );
    expect((await auditRowsFor(t, 'user', d.userId)).find((r) => r.action === 'DEACTIVATE')).toMatchObject({
      actorUserId: f.primaryId,
      subjectOrganizationId: f.id,
      before: { status: 'ACTIVE' },
      after: { status: 'DEACTIVATED' },
    });

    // a deactivated account cannot be invited again, here or elsewhere
    const reinvite = await pat.post(`/api/v1/organizations/${id.lakeside}/members`, {
      name: 'Del Gone',
      email: 'del.gone@fresh.example.org',
      roles: ['STAFF'],
    });
    expect(reinvite.status).toBe(409);
  });

  it('never makes a deactivated person the Primary Contact (409)', async () => {
    const f = await freshProvider();
    const d = await addPerson(t, f.primary, f.id, {
      name: 'Eli Former',
      email: 'eli.former@fresh.example.org',
      roles: ['STAFF'],
    });
    expect((await f.primary.post(`${memberUrl(f.id, d.userId)}/deactivate`)).status).toBe(204);
    const res = await f.primary.put(memberUrl(f.id, d.userId), { roles: ['PRIMARY'] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQ-CONFLICT');
    expect((await rolesOf(f.id))[f.email]).toEqual(['PRIMARY']);
    expect((await f.primary.get(`/api/v1/providers/${f.id}`)).status).toBe(200);
  });

  it('refuses to deactivate the last Primary Contact, even for ACCME (409)', async () => {
    const f = await freshProvider();
    const res = await accme.post(`${memberUrl(f.id, f.primaryId)}/deactivate`);
    expect(res.status).toBe(409);
    expect((await f.primary.get('/api/v1/me')).status).toBe(200);
  });

  it('hides another provider’s people (404) and refuses anonymous callers (401)', async () => {
    const f = await freshProvider();
    const d = await f.primary.post(`/api/v1/organizations/${f.id}/members`, {
      name: 'Fay Kept',
      email: 'fay.kept@fresh.example.org',
      roles: ['STAFF'],
    });
    const url = `${memberUrl(f.id, d.body.userId)}/deactivate`;
    expect((await pat.post(url)).status).toBe(404);
    expect((await sms.post(url)).status).toBe(404);
    expect((await operator.post(url)).status).toBe(404);
    expect((await t.anonymous.post(url)).status).toBe(401);
    expect((await members(f.primary, f.id)).body.items).toContainEqual(
      expect.objectContaining({ email: 'fay.kept@fresh.example.org', status: 'INVITED' }),
    );
  });
});
