import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, waitForUpload } from '../../testing/multipart';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// Archive imports (formats.md §3.7): accreditor administrators for their own providers (ACCME: all)
// and operator administrators load a provider's legacy data with archive=true and providerId; year
// locks do not stop them and every year they load is locked at once. A provider's own legacy upload
// into a locked year is refused row by row (ACT-YEAR-CLOSED).
let t: TestApp;
let lakeside: Client;
let hill: Client;
let accme: Client;
let texas: Client;
let operator: Client;
const numbers: Record<string, string> = {};
const ids: Record<string, number> = {};

const SAMPLE = readFileSync(
  new URL('./formats/fixtures/activities-templateD-2016-valid.txt', import.meta.url),
  'utf8',
);

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2025-06-15' } });
  lakeside = await t.signIn('provider@example.org');
  hill = await t.signIn('provider2@example.org');
  accme = await t.signIn('accme@example.org');
  texas = await t.signIn('sms@example.org');
  operator = await t.signIn('operator@example.org');
  const rows = await t.database.db
    .selectFrom('providers as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizationId')
    .select(['o.name', 'p.providerNumber', 'p.organizationId'])
    .execute();
  for (const r of rows) {
    numbers[r.name] = r.providerNumber;
    ids[r.name] = r.organizationId;
  }
});

const LAKESIDE = 'Lakeside Medical Education Institute';
const HILL = 'Hill Country Regional Hospital';

const send = (client: Client, fields: Record<string, string>, content = SAMPLE) =>
  uploadFile(t.app, client, content, { fields: { kind: 'activities', ...fields }, name: 'archive.txt' });

const locks = (providerId: number) =>
  t.database.db
    .selectFrom('reportingYearLocks')
    .select(['year', 'reason'])
    .where('providerId', '=', providerId)
    .orderBy('year')
    .execute();

describe('archive import', () => {
  it('refuses a provider’s own legacy rows for a locked year', async () => {
    await t.database.db
      .insertInto('reportingYearLocks')
      .values({ providerId: ids[LAKESIDE]!, year: 2016, reason: 'FORCE_LOCKED_AT_GO_LIVE' })
      .execute();
    const res = await send(lakeside, {});
    const done = await waitForUpload(lakeside, res.body.uploadId);
    expect(done.summary.rejected).toBe(done.summary.rows);
    const report = await lakeside.get(`/api/v1/uploads/${res.body.uploadId}/report.json`);
    expect(report.body.rows[0].errors.map((e: { code: string }) => e.code)).toContain('ACT-YEAR-CLOSED');
  });

  it('loads a locked year for an ACCME administrator, into the provider, visible to both sides', async () => {
    // the same bytes as the provider's refused upload: confirmed up front
    const res = await send(accme, {
      archive: 'true',
      providerId: numbers[LAKESIDE]!,
      confirmDuplicate: 'true',
    });
    expect(res.status).toBe(202);
    const done = await waitForUpload(accme, res.body.uploadId);
    expect(done).toMatchObject({ state: 'COMPLETED', archive: true });
    expect(done.summary.rejected).toBe(0);
    expect(done.summary.added + done.summary.savedWithLowerStatus).toBe(done.summary.rows);
    // the provider sees the upload and its records; another provider does not
    expect((await lakeside.get(`/api/v1/uploads/${res.body.uploadId}`)).status).toBe(200);
    expect((await hill.get(`/api/v1/uploads/${res.body.uploadId}`)).status).toBe(404);
    // both lists name the provider the upload was for
    const forLakeside = {
      uploadId: res.body.uploadId,
      archive: true,
      providerOrganizationId: ids[LAKESIDE],
      providerName: LAKESIDE,
      providerNumber: numbers[LAKESIDE],
    };
    for (const client of [accme, lakeside]) {
      const list = await client.get('/api/v1/uploads');
      expect(list.body.items).toContainEqual(expect.objectContaining(forLakeside));
    }
    const { uploadId: _id, ...provider } = forLakeside;
    expect(done).toMatchObject(provider);
    const hillList = await hill.get('/api/v1/uploads');
    expect(hillList.body.items.map((u: { uploadId: string }) => u.uploadId)).not.toContain(res.body.uploadId);
    const report = await accme.get(`/api/v1/uploads/${res.body.uploadId}/report.json`);
    const first = report.body.rows[0].parsActivityId;
    const record = await lakeside.get(`/api/v1/activities/${first}`);
    expect(record.status).toBe(200);
    // the audit trail names the importer's organisation as the actor and the provider as the subject
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['actorOrganizationId', 'subjectOrganizationId', 'channel'])
      .where('entityType', '=', 'activity')
      .where('entityId', '=', String(first))
      .execute();
    const accmeOrg = await t.database.db
      .selectFrom('organizations')
      .select('id')
      .where('code', '=', 'ACCME')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual([
      { actorOrganizationId: accmeOrg.id, subjectOrganizationId: ids[LAKESIDE], channel: 'UPLOAD' },
    ]);
  });

  it('locks every year it loads', async () => {
    expect(await locks(ids[HILL]!)).toEqual([]);
    const res = await send(texas, { archive: 'true', providerId: numbers[HILL]! });
    const done = await waitForUpload(texas, res.body.uploadId);
    expect(done.state).toBe('COMPLETED');
    expect(await locks(ids[HILL]!)).toEqual([{ year: 2016, reason: 'ARCHIVE_IMPORT' }]);
  });

  it('writes nothing and locks nothing in a dry run', async () => {
    const before = await locks(ids['Lakeside Medical Education Institute']!);
    const res = await send(operator, { archive: 'true', providerId: numbers[LAKESIDE]!, dryRun: 'true' });
    const done = await waitForUpload(operator, res.body.uploadId);
    expect(done).toMatchObject({ state: 'COMPLETED', dryRun: true });
    expect(await locks(ids[LAKESIDE]!)).toEqual(before);
  });

  it('is only for importers, only for providers they oversee, and needs the provider', async () => {
    // a provider contact cannot import archives
    expect((await send(lakeside, { archive: 'true', providerId: numbers[LAKESIDE]! })).status).toBe(403);
    // a state accreditor cannot reach an ACCME provider
    const other = await send(texas, { archive: 'true', providerId: numbers[LAKESIDE]! });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ path: 'providerId', code: 'VAL-CODE' });
    // archive without a provider, a provider without archive, an accreditor without archive
    const missing = await send(accme, { archive: 'true' });
    expect(missing.body.errors[0]).toMatchObject({ path: 'providerId', code: 'VAL-REQUIRED' });
    const stray = await send(lakeside, { providerId: numbers[LAKESIDE]! });
    expect(stray.body.errors[0]).toMatchObject({ path: 'providerId', code: 'VAL-UNKNOWN' });
    expect((await send(accme, {})).status).toBe(403);
    // nothing was left behind by the refused requests
    const stored = await t.database.db
      .selectFrom('uploads')
      .select('id')
      .where('state', '=', 'RECEIVED')
      .execute();
    expect(stored).toEqual([]);
  });
});
