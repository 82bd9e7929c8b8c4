import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addPerson, organizationIdByName, userIdByEmail } from '../../testing/people';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// The audit trail (decisions.md §11): entries are visible to the subject's organisation and the
// actor's, to holders of audit.view; the table is append-only.

type Entry = {
  id: number;
  at: string;
  channel: string;
  action: string;
  entityType: string;
  entityId: string;
  subjectOrganizationId: number | null;
  actorOrganizationId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actor: { userId: string; name: string; email: string } | null;
};

let t: TestApp;
let pat: Client; // Primary Contact of Lakeside
let jordan: Client; // Primary Contact of Hill Country
let sms: Client; // RA-TX administrator
let staff: Client; // Staff of Lakeside: no audit.view
const id = { lakeside: 0, hill: 0, RATX: 0 };

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  pat = await t.signIn('provider@example.org');
  jordan = await t.signIn('provider2@example.org');
  sms = await t.signIn('sms@example.org');
  id.lakeside = await organizationIdByName(t, 'Lakeside Medical Education Institute');
  id.hill = await organizationIdByName(t, 'Hill Country Regional Hospital');
  id.RATX = await organizationIdByName(t, 'Texas Medical Association');
  ({ client: staff } = await addPerson(t, pat, id.lakeside, {
    name: 'Sol Staff',
    email: 'sol.staff@lakeside.example.org',
    roles: ['STAFF'],
  }));
  // one change on each side, so there is something to find and something to keep hidden
  expect((await pat.patch(`/api/v1/providers/${id.lakeside}`, { city: 'Evanston' })).status).toBe(200);
  expect((await jordan.patch(`/api/v1/providers/${id.hill}`, { city: 'Round Rock' })).status).toBe(200);
});

async function everything(client: Client, query = ''): Promise<Entry[]> {
  const res = await client.get(`/api/v1/audit?limit=200${query}`);
  expect(res.status).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return res.body.items;
}

const visibleTo = (orgId: number) => (e: Entry) =>
  e.subjectOrganizationId === orgId || e.actorOrganizationId === orgId;

describe('GET /api/v1/audit', () => {
  it('shows the Primary Contact its profile change with before, after and who made it', async () => {
    const items = await everything(pat, '&entityType=provider&action=UPDATE');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      channel: 'WEB',
      entityType: 'provider',
      entityId: String(id.lakeside),
      subjectOrganizationId: id.lakeside,
      before: { city: 'Chicago' },
      after: { city: 'Evanston' },
      actor: {
        userId: await userIdByEmail(t, 'provider@example.org'),
        name: 'Pat Chen',
        email: 'provider@example.org',
      },
    });
    expect(Number.isNaN(Date.parse(items[0]!.at))).toBe(false);
  });

  it('never shows another provider’s entries', async () => {
    const mine = await everything(pat);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every(visibleTo(id.lakeside))).toBe(true);
    expect(mine.some((e) => e.subjectOrganizationId === id.hill)).toBe(false);
    expect(JSON.stringify(mine)).not.toContain('Round Rock');
    const theirs = await everything(jordan);
    expect(theirs.every(visibleTo(id.hill))).toBe(true);
    expect(JSON.stringify(theirs)).not.toContain('Evanston');
  });

  it('shows a provider the changes its accreditor made to it, and the accreditor its own', async () => {
    expect((await sms.patch(`/api/v1/providers/${id.hill}`, { postalCode: '78701' })).status).toBe(200);
    const [forProvider] = await everything(jordan, '&entityType=provider&action=UPDATE');
    expect(forProvider).toMatchObject({
      actorOrganizationId: id.RATX,
      after: { postalCode: '78701' },
      actor: { name: 'Sam Rivera' },
    });
    const forAccreditor = await everything(sms, '&entityType=provider&action=UPDATE');
    expect(forAccreditor.map((e) => e.id)).toEqual([forProvider!.id]);
  });

  it('filters by entity type, action and actor', async () => {
    const memberships = await everything(pat, '&entityType=membership');
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((e) => e.entityType === 'membership')).toBe(true);
    const creates = await everything(pat, '&action=CREATE');
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.every((e) => e.action === 'CREATE')).toBe(true);
    const patId = await userIdByEmail(t, 'provider@example.org');
    const byPat = await everything(pat, `&actorUserId=${patId}`);
    expect(byPat.length).toBeGreaterThan(0);
    expect(byPat.every((e) => e.actor?.userId === patId)).toBe(true);
    expect(await everything(pat, '&entityType=no-such-thing')).toEqual([]);
  });

  it('filters by the day, from and to inclusive', async () => {
    const [entry] = await everything(pat, '&entityType=provider&action=UPDATE');
    const day = entry!.at.slice(0, 10);
    const shift = (days: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const ids = async (query: string) =>
      (await everything(pat, `&entityType=provider&action=UPDATE${query}`)).map((e) => e.id);
    expect(await ids(`&from=${day}&to=${day}`)).toEqual([entry!.id]);
    expect(await ids(`&from=${shift(-1)}`)).toEqual([entry!.id]);
    expect(await ids(`&from=${shift(1)}`)).toEqual([]);
    expect(await ids(`&to=${shift(-1)}`)).toEqual([]);
  });

  it('refuses dates that are not calendar dates and cursors it did not hand out', async () => {
    for (const query of ['from=yesterday', 'to=2025-13-45', 'from=2025-02-30', 'cursor=abc', 'cursor=-5']) {
      const res = await pat.get(`/api/v1/audit?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('REQ-INVALID');
      expect(res.body.errors[0].path).toBe(query.split('=')[0]);
    }
  });

  it('walks the trail newest first in pages, without duplicates or gaps', async () => {
    const all = await everything(pat);
    expect(all.length).toBeGreaterThan(3);
    const seen: number[] = [];
    let url = '/api/v1/audit?limit=2';
    for (let page = 0; page < 100; page++) {
      const res = await pat.get(url);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((e: Entry) => e.id));
      if (!res.body.nextCursor) break;
      url = `/api/v1/audit?limit=2&cursor=${res.body.nextCursor}`;
    }
    expect(seen).toEqual(all.map((e) => e.id));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('refuses a contact without audit.view (403) and anonymous callers (401)', async () => {
    const res = await staff.get('/api/v1/audit');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('REQ-FORBIDDEN');
    const physician = await t.signIn('physician@example.org');
    expect((await physician.get('/api/v1/audit')).status).toBe(403);
    const anon = await t.anonymous.get('/api/v1/audit');
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('REQ-UNAUTHENTICATED');
  });
});

describe('audit_log table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, and the entry stays as written', async () => {
    const [entry] = await everything(pat, '&entityType=provider&action=UPDATE');
    const db = t.database.db;
    await expect(
      sql`UPDATE audit_log SET action = 'TAMPERED' WHERE id = ${entry!.id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = ${entry!.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.deleteFrom('auditLog').where('subjectOrganizationId', '=', id.lakeside).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const [again] = await everything(pat, '&entityType=provider&action=UPDATE');
    expect(again).toEqual(entry);
  });
});
