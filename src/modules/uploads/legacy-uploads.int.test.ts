import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, waitForUpload } from '../../testing/multipart';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// Legacy PARS templates (formats.md §3) through the upload pipeline: the Template D sample, its
// duplicate rerun, bad rows, a skipped header row, and legacy/CURRENT keys living side by side.
// OPENPARS_TODAY is set and no lock exists, so the reporting years 2015–2021 are open.
let t: TestApp;
let lakeside: Client;

const SAMPLE = readFileSync(
  new URL('./formats/fixtures/activities-templateD-2016-valid.txt', import.meta.url),
  'utf8',
);
const sampleLines = SAMPLE.split('\r\n').filter((l) => l.trim() !== '');

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2025-06-15' } });
  lakeside = await t.signIn('provider@example.org');
});

const upload = (client: Client, content: string, name = 'activities.txt') =>
  uploadFile(t.app, client, content, { name });
const finished = waitForUpload;

type ReportRow = {
  row: number;
  key: string;
  outcome: string;
  status: string | null;
  missing: { requirement: string }[];
  errors: { code: string; columnName: string; row: number }[];
};

async function reportRows(id: string): Promise<ReportRow[]> {
  const report = await lakeside.get(`/api/v1/uploads/${id}/report.json`);
  return report.body.rows;
}

describe('legacy Template D upload', () => {
  let firstUploadId: string;

  it('adds the sample rows at CLOSED and row 15 at DRAFT with its missing L-requirements', async () => {
    const res = await upload(lakeside, SAMPLE);
    expect(res.status).toBe(202);
    const done = await finished(lakeside, res.body.uploadId);
    firstUploadId = res.body.uploadId;
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'PARS-D' });
    expect(done.summary).toMatchObject({ rows: 15, added: 14, savedWithLowerStatus: 1, rejected: 0 });
    const rows = await reportRows(res.body.uploadId);
    for (const r of rows.filter((x) => x.row <= 14)) {
      expect(r, `row ${r.row}`).toMatchObject({ outcome: 'ADDED', status: 'CLOSED' });
    }
    const row15 = rows.find((r) => r.row === 15)!;
    expect(row15).toMatchObject({
      key: 'P16-0015',
      outcome: 'SAVED_WITH_LOWER_STATUS',
      status: 'DRAFT',
      targetStatus: 'CLOSED',
    });
    expect(row15.missing.map((m) => m.requirement)).toEqual(
      expect.arrayContaining(['L1', 'L2', 'L3', 'L4', 'L5', 'L7', 'L9', 'L10']),
    );
    const stored = await t.database.db
      .selectFrom('activities')
      .select(['ruleSet', 'reportingYear', 'data', 'listInPassport'])
      .where('providerActivityId', '=', 'P16-0001')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ ruleSet: 'PARS2015', reportingYear: 2016, listInPassport: false });
    expect((stored.data as { legacy: { template: string } }).legacy.template).toBe('PARS-D');
  });

  it('holds the same file for confirmation, and the confirmed rerun leaves every row UNCHANGED', async () => {
    const again = await upload(lakeside, SAMPLE);
    const held = await finished(lakeside, again.body.uploadId);
    expect(held).toMatchObject({ state: 'AWAITING_CONFIRMATION', duplicateOf: firstUploadId });
    expect(held.fileWarnings[0].code).toBe('FILE-DUPLICATE');
    const confirmed = await lakeside.post(`/api/v1/uploads/${again.body.uploadId}:confirm`);
    expect(confirmed.status).toBe(202);
    const rerun = await finished(lakeside, again.body.uploadId);
    expect(rerun.state).toBe('COMPLETED');
    expect(rerun.summary).toMatchObject({ rows: 15, unchanged: 15, rejected: 0 });
  });

  it('rejects only the bad rows, with their codes and column names, and skips a header row', async () => {
    const renamed = (line: string, id: string) => line.replace(/\tP16-\d{4}\t/, `\t${id}\t`);
    const header = [
      'Template (DO NOT ALTER OR DELETE THIS COLUMN)',
      'ACCME Activity ID',
      'Provider Activity ID',
      'Reporting Year',
    ].join('\t');
    const good = renamed(sampleLines[1]!, 'BAD-1');
    const shortRow = renamed(sampleLines[1]!, 'BAD-2').replace(/\t[^\t]*$/, '');
    const badDate = renamed(sampleLines[0]!, 'BAD-3').replace('03/18/2016', '02/30/2016');
    const good2 = renamed(sampleLines[4]!, 'BAD-4');
    const file = [header, good, shortRow, badDate, good2].join('\r\n');
    const res = await upload(lakeside, file);
    const done = await finished(lakeside, res.body.uploadId);
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'PARS-D' });
    expect(done.fileWarnings.map((w: { code: string }) => w.code)).toContain('FMT-HEADER-SKIPPED');
    expect(done.summary).toMatchObject({ rows: 4, rejected: 2 });
    const rows = await reportRows(res.body.uploadId);
    const byLine = Object.fromEntries(rows.map((r) => [r.row, r]));
    expect(byLine[1]).toBeUndefined();
    expect(byLine[2]).toMatchObject({ outcome: 'ADDED', status: 'CLOSED' });
    expect(byLine[3]!.outcome).toBe('REJECTED');
    expect(byLine[3]!.errors[0]).toMatchObject({ code: 'FMT-FIELD-COUNT', row: 3 });
    expect(byLine[4]!.outcome).toBe('REJECTED');
    expect(byLine[4]!.errors[0]).toMatchObject({
      code: 'ACT-DATE-INVALID',
      columnName: 'Activity Date',
      row: 4,
    });
    expect(byLine[5]).toMatchObject({ outcome: 'ADDED', status: 'CLOSED' });
  });

  it('rejects an unknown ACCME Activity ID', async () => {
    const line = sampleLines[1]!.replace(/^Template D\t\t/, 'Template D\t99999999\t');
    const res = await upload(lakeside, `${line}\r\n`);
    const done = await finished(lakeside, res.body.uploadId);
    expect(done.summary).toMatchObject({ rows: 1, rejected: 1 });
    const rows = await reportRows(res.body.uploadId);
    expect(rows[0]!.errors[0]!.code).toBe('ACT-PARS-ID-UNKNOWN');
  });

  it('runs the shared content rules on legacy rows: an unknown State is ACT-STATE-CODE in column "State"', async () => {
    const badState = sampleLines[1]!
      .replace(/\tP16-\d{4}\t/, '\tRULES-1\t')
      .replace('\tBoston\tMA\tUSA\t', '\tBoston\tXX\tUSA\t');
    expect(badState).toContain('\tXX\t');
    const longTitle = sampleLines[2]!
      .replace(/\tP16-\d{4}\t/, '\tRULES-2\t')
      .replace('\tLive Webinar: Safe Opioid Prescribing Update\t', `\t${'T'.repeat(251)}\t`);
    const res = await upload(lakeside, [badState, longTitle].join('\r\n'));
    const done = await finished(lakeside, res.body.uploadId);
    expect(done.summary).toMatchObject({ rows: 2, rejected: 2 });
    const rows = await reportRows(res.body.uploadId);
    expect(rows[0]).toMatchObject({ row: 1, key: 'RULES-1', outcome: 'REJECTED' });
    expect(rows[0]!.errors).toEqual([
      expect.objectContaining({ code: 'ACT-STATE-CODE', path: 'state', columnName: 'State', row: 1 }),
    ]);
    expect(rows[1]).toMatchObject({ row: 2, outcome: 'REJECTED' });
    expect(rows[1]!.errors).toEqual([
      expect.objectContaining({ code: 'ACT-TEXT-LENGTH', columnName: 'Activity Title', row: 2 }),
    ]);
    const saved = await t.database.db
      .selectFrom('activities')
      .select('providerActivityId')
      .where('providerActivityId', 'in', ['RULES-1', 'RULES-2'])
      .execute();
    expect(saved).toEqual([]);
  });

  it('keeps legacy and CURRENT records with the same Provider Activity ID apart', async () => {
    const json = JSON.stringify([
      {
        providerActivityId: 'P16-0001',
        title: 'Current course',
        format: 'C',
        deliveryMethod: 'ONLINE',
        startDate: '2025-03-01',
        endDate: '2025-03-01',
        creditsDesignated: 1,
        providership: 'DIRECT',
        listInPassport: false,
      },
    ]);
    const res = await upload(lakeside, json, 'current.json');
    const done = await finished(lakeside, res.body.uploadId);
    expect(done.summary.rejected).toBe(0);
    expect(done.summary.added + done.summary.savedWithLowerStatus).toBe(1);
    const both = await t.database.db
      .selectFrom('activities')
      .select(['ruleSet', 'title'])
      .where('providerActivityId', '=', 'P16-0001')
      .where('deletedAt', 'is', null)
      .orderBy('ruleSet')
      .execute();
    expect(both).toEqual([
      { ruleSet: 'CURRENT', title: 'Current course' },
      { ruleSet: 'PARS2015', title: '2016 Annual Cardiovascular Update' },
    ]);
    // and the legacy file still finds its own record: a rerun of row 1 is UNCHANGED
    const rerun = await upload(lakeside, `${sampleLines[0]!}\n`);
    const after = await finished(lakeside, rerun.body.uploadId);
    expect(after.summary).toMatchObject({ rows: 1, unchanged: 1 });
  });
});
