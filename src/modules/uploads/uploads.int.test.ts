import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, waitForUpload } from '../../testing/multipart';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// The upload pipeline end to end with JSON files (OP-ACT-JSON-1): job, per-row report, duplicates,
// dry run, crash-safe batches. Batches of two rows, so that every file here spans several batches
// (and the next batch is read while the previous one is written): a row must still see every earlier row.
let t: TestApp;
let lakeside: Client;
let hill: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2025-06-15', UPLOAD_BATCH_ROWS: '2' } });
  lakeside = await t.signIn('provider@example.org');
  hill = await t.signIn('provider2@example.org');
});

const upload = (
  client: Client,
  content: string,
  fields: Record<string, string> = { kind: 'activities' },
  name = 'activities.json',
) => uploadFile(t.app, client, content, { fields, name });
const finished = waitForUpload;

const activity = (id: string, over: Record<string, unknown> = {}) => ({
  providerActivityId: id,
  title: `Course ${id}`,
  format: 'C',
  deliveryMethod: 'ONLINE',
  startDate: '2025-03-01',
  endDate: '2025-03-01',
  creditsDesignated: 1,
  description: 'A course.',
  providership: 'DIRECT',
  listInPassport: false,
  ...over,
});

describe('JSON upload', () => {
  it('applies good rows, rejects bad ones with their codes, and reports every row', async () => {
    const file = JSON.stringify({
      activities: [
        activity('J-1'),
        activity('J-2', { state: 'XX', deliveryMethod: 'IN_PERSON', city: 'Austin', country: 'USA' }),
        activity('J-3', {
          outcomeMeasures: ['KNOWLEDGE'],
          commercialSupportReceived: false,
          physicianLearnerCount: 10,
          otherLearnerCount: 0,
        }),
        activity('J-1', { title: 'again' }),
        { title: 'no key', format: 'C', startDate: '2025-03-01', endDate: '2025-03-01', extra: 1 },
      ],
    });
    const res = await upload(lakeside, file);
    expect(res.status).toBe(202);
    const done = await finished(lakeside, res.body.uploadId);
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'OP-ACT-JSON-1' });
    expect(done.summary).toMatchObject({ rows: 5, rejected: 3, added: 1, savedWithLowerStatus: 1 });
    const report = await lakeside.get(`/api/v1/uploads/${res.body.uploadId}/report.json`);
    const byRow = Object.fromEntries(report.body.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow[1]).toMatchObject({
      outcome: 'SAVED_WITH_LOWER_STATUS',
      status: 'READY_TO_CLOSE',
      targetStatus: 'CLOSED',
    });
    expect(byRow[2].errors[0]).toMatchObject({ row: 2, code: 'ACT-STATE-CODE', path: 'state', value: 'XX' });
    expect(byRow[3]).toMatchObject({ outcome: 'ADDED', status: 'CLOSED' });
    expect(byRow[4].errors[0].code).toBe('FMT-DUPLICATE-KEY-IN-FILE');
    expect(byRow[5].errors.map((e: { code: string }) => e.code)).toContain('ACT-KEY-MISSING');
    expect(byRow[5].warnings[0].code).toBe('FMT-UNKNOWN-COLUMN');
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/uploads/${res.body.uploadId}/report.csv`,
      headers: { cookie: lakeside.cookie! },
    });
    expect(csv.headers['content-type'], csv.body).toMatch(/text\/csv/);
    expect(
      csv.body.startsWith('\uFEFFrow,key,outcome,status,severity,code,path,columnName,value,message'),
    ).toBe(true);
    expect(csv.body).toContain('ACT-STATE-CODE');
    const ndjson = await t.app.inject({
      method: 'GET',
      url: `/api/v1/uploads/${res.body.uploadId}/report.ndjson`,
      headers: { cookie: lakeside.cookie! },
    });
    expect(ndjson.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = ndjson.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(report.body.rows);
  });

  it('holds a byte-identical file for confirmation, and the confirmed rerun changes nothing', async () => {
    const file = JSON.stringify([activity('D-1'), activity('D-2', { title: 'Second' })]);
    const first = await finished(lakeside, (await upload(lakeside, file)).body.uploadId);
    expect(first.summary.rejected).toBe(0);
    const again = await upload(lakeside, file);
    const held = await finished(lakeside, again.body.uploadId);
    expect(held.state).toBe('AWAITING_CONFIRMATION');
    expect(held.duplicateOf).toBe(first.uploadId);
    expect(held.fileWarnings[0].code).toBe('FILE-DUPLICATE');
    const confirmed = await lakeside.post(`/api/v1/uploads/${again.body.uploadId}:confirm`);
    expect(confirmed.status).toBe(202);
    const rerun = await finished(lakeside, again.body.uploadId);
    expect(rerun.state).toBe('COMPLETED');
    expect(rerun.summary).toMatchObject({ rows: 2, unchanged: 2 });
  });

  it('cancels a duplicate awaiting confirmation', async () => {
    const file = JSON.stringify([activity('X-1')]);
    await finished(lakeside, (await upload(lakeside, file)).body.uploadId);
    const again = await upload(lakeside, file);
    await finished(lakeside, again.body.uploadId);
    const cancelled = await lakeside.post(`/api/v1/uploads/${again.body.uploadId}:cancel`);
    expect(cancelled.body.state).toBe('CANCELLED');
  });

  it('checks everything in a dry run and writes nothing', async () => {
    const before = (await lakeside.get('/api/v1/activities?q=DRY-1')).body.items.length;
    const res = await upload(lakeside, JSON.stringify([activity('DRY-1')]), {
      kind: 'activities',
      dryRun: 'true',
    });
    const done = await finished(lakeside, res.body.uploadId);
    expect(done).toMatchObject({ state: 'COMPLETED', dryRun: true });
    expect(done.summary.rows).toBe(1);
    expect((await lakeside.get('/api/v1/activities?q=DRY-1')).body.items.length).toBe(before);
  });

  it('lets a dry run row see the would-be effects of earlier batches, and leaves nothing behind', async () => {
    const live = await finished(
      lakeside,
      (await upload(lakeside, JSON.stringify([activity('LIVE-1'), activity('LIVE-2')]))).body.uploadId,
    );
    expect(live.state).toBe('COMPLETED');
    const live1 = (await lakeside.get('/api/v1/activities?q=LIVE-1')).body.items[0];
    const file = JSON.stringify([
      // batch 1: rename LIVE-1, delete LIVE-2
      { ...activity('RENAMED-1'), parsActivityId: live1.parsActivityId },
      { action: 'DELETE', providerActivityId: 'LIVE-2' },
      // batch 2: the renamed record's old key is free now, as it would be after a real run; the
      // deleted record's key was used by row 2, so row 4 is a duplicate key in the file
      activity('LIVE-1', { title: 'A new course under the freed key' }),
      activity('LIVE-2', { title: 'Another new course' }),
      // batch 3: an update of the record added in batch 2 would be a duplicate key; a plain add instead
      activity('DRY-3'),
    ]);
    const res = await upload(lakeside, file, { kind: 'activities', dryRun: 'true' });
    const done = await finished(lakeside, res.body.uploadId);
    expect(done.state).toBe('COMPLETED');
    const rows = (await lakeside.get(`/api/v1/uploads/${res.body.uploadId}/report.json`)).body.rows;
    expect(rows.map((r: { outcome: string; change: string | null }) => r.change ?? r.outcome)).toEqual([
      'UPDATED',
      'DELETED',
      'ADDED',
      'REJECTED',
      'ADDED',
    ]);
    expect(rows[3].errors[0].code).toBe('FMT-DUPLICATE-KEY-IN-FILE');
    // new records of a dry run get no PARS ID; nothing live changed; no scratch rows are left
    expect(rows[2].parsActivityId ?? null).toBeNull();
    const after = (await lakeside.get(`/api/v1/activities/${live1.parsActivityId}`)).body;
    expect(after.providerActivityId).toBe('LIVE-1');
    expect((await lakeside.get('/api/v1/activities?q=LIVE-2')).body.items).toHaveLength(1);
    expect((await lakeside.get('/api/v1/activities?q=DRY-3')).body.items).toHaveLength(0);
    const scratch = await t.database.db
      .selectFrom('uploadScratchActivities')
      .select('parsActivityId')
      .where('uploadId', '=', res.body.uploadId)
      .execute();
    expect(scratch).toEqual([]);
  });

  it('rejects unreadable and empty files as a whole', async () => {
    const broken = await finished(
      lakeside,
      (await upload(lakeside, '{"activities": [ {"title": ')).body.uploadId,
    );
    expect(broken).toMatchObject({ state: 'REJECTED', error: { code: 'FILE-UNREADABLE' } });
    const empty = await finished(lakeside, (await upload(lakeside, '{"activities": []}')).body.uploadId);
    expect(empty.error.code).toBe('FILE-EMPTY');
    const noBytes = await upload(lakeside, '');
    expect(noBytes.status).toBe(400);
  });

  it('resumes after the last committed batch without applying any row twice', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => activity(`R-${i + 1}`));
    const res = await upload(lakeside, JSON.stringify(rows), { kind: 'activities', dryRun: 'false' });
    const done = await finished(lakeside, res.body.uploadId);
    expect(done.summary.added + done.summary.savedWithLowerStatus).toBe(5);
    // simulate a crash after row 3: forget rows 4–5 and put the job back to PROCESSING
    const db = t.database.db;
    await db
      .deleteFrom('uploadRows')
      .where('uploadId', '=', res.body.uploadId)
      .where('row', '>', 3)
      .execute();
    await db
      .updateTable('uploads')
      .set({ state: 'PROCESSING', committedRow: 3 })
      .where('id', '=', res.body.uploadId)
      .execute();
    const { processUpload } = await import('./upload.processor');
    await processUpload(
      {
        db,
        activities: t.app.services.activities,
        log: t.app.log as never,
        bulkSession: t.database.bulkSession,
        batchRows: 2,
        uploadMaxBytes: 1024 * 1024,
        mailer: t.app.services.mailer,
        publicUrl: 'http://localhost',
      },
      res.body.uploadId,
    );
    const after = await finished(lakeside, res.body.uploadId);
    expect(after.summary.rows).toBe(5);
    const list = await lakeside.get('/api/v1/activities?q=R-&limit=200');
    expect(
      list.body.items.filter((a: { providerActivityId: string }) => /^R-\d$/.test(a.providerActivityId)),
    ).toHaveLength(5);
  });
});

describe('the uploader’s email', () => {
  const mails = (uploadId: string) =>
    t.database.db
      .selectFrom('mailOutbox')
      .select(['toAddress', 'subject', 'bodyText', 'template'])
      .where('bodyText', 'like', `%/uploads/${uploadId}%`)
      .execute();

  it('tells the uploader the counts with a link, or why the file was refused; a dry run sends nothing', async () => {
    const done = await upload(
      lakeside,
      JSON.stringify([
        activity('MAIL-1'),
        activity('MAIL-2', { state: 'XX', deliveryMethod: 'IN_PERSON', city: 'Austin', country: 'USA' }),
      ]),
    );
    await finished(lakeside, done.body.uploadId);
    const [completed] = await mails(done.body.uploadId);
    expect(completed).toMatchObject({
      toAddress: 'provider@example.org',
      template: 'upload-completed',
      subject: 'OpenPARS — upload "activities.json" completed: 1 row rejected',
    });
    expect(completed!.bodyText).toContain('1 rejected');
    expect(completed!.bodyText).toContain(`http://localhost:3000/uploads/${done.body.uploadId}`);

    const refused = await upload(lakeside, '{"activities": [ {"title": ');
    await finished(lakeside, refused.body.uploadId);
    expect((await mails(refused.body.uploadId)).map((m) => m.template)).toEqual(['upload-rejected']);

    const dry = await upload(lakeside, JSON.stringify([activity('MAIL-3')]), {
      kind: 'activities',
      dryRun: 'true',
    });
    await finished(lakeside, dry.body.uploadId);
    expect(await mails(dry.body.uploadId)).toEqual([]);
  });
});

describe('upload authorization', () => {
  it('keeps uploads to their provider and refuses anonymous callers', async () => {
    const res = await upload(lakeside, JSON.stringify([activity('Z-1')]));
    expect((await hill.get(`/api/v1/uploads/${res.body.uploadId}`)).status).toBe(404);
    expect((await hill.get(`/api/v1/uploads/${res.body.uploadId}/report.json`)).status).toBe(404);
    expect((await t.anonymous.get(`/api/v1/uploads/${res.body.uploadId}`)).status).toBe(401);
    const accme = await t.signIn('accme@example.org');
    expect((await upload(accme, JSON.stringify([activity('Z-2')]))).status).toBe(403);
  });
});
