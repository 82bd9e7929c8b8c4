import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, waitForUpload } from '../../testing/multipart';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// The upload pipeline end to end with OpenPARS activity sheets (OP-ACT-1) saved as CSV and TSV
// (formats.md §4.1, §4.4): header mapping, per-row codes with the file's headings, deletes, and the
// confirmed re-upload of the same bytes that changes nothing (§8.2).
let t: TestApp;
let lakeside: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2025-06-15' } });
  lakeside = await t.signIn('provider@example.org');
});

const upload = (client: Client, content: string, name: string) =>
  uploadFile(t.app, client, content, { name });
const finished = waitForUpload;

type ReportRow = {
  row: number;
  outcome: string;
  errors: { code: string; columnName: string; path: string; value?: unknown }[];
  warnings: { code: string }[];
};

async function rowsOf(client: Client, id: string): Promise<Record<number, ReportRow>> {
  const report = await client.get(`/api/v1/uploads/${id}/report.json`);
  return Object.fromEntries(report.body.rows.map((r: ReportRow) => [r.row, r]));
}

const HEADINGS = [
  'Provider Activity ID',
  'Title',
  'Format',
  'DeliveryMethod',
  'StartDate',
  'endDate',
  'City',
  'State',
  'Country',
  'creditsDesignated',
  'Description',
  'Providership',
  'listInPassport',
  'commercialSupportReceived',
  'commercialSupporters.1.name',
  'commercialSupporters.1.kind',
  'commercialSupporters.1.amount',
  'Internal notes',
  'status',
];

const csvLine = (cells: string[]) => cells.join(',');
const base = (id: string, over: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    id,
    title: `Sheet course ${id}`,
    format: 'C',
    delivery: 'IN_PERSON',
    start: '2025-03-01',
    end: '03/01/2025',
    city: 'Austin',
    state: 'TX',
    country: 'USA',
    credits: '1.5',
    description: 'A course.',
    providership: 'DIRECT',
    list: 'No',
    support: 'No',
    sName: '',
    sKind: '',
    sAmount: '',
    notes: 'ignored',
    status: 'ACTIVE',
    ...over,
  };
  return Object.values(cells);
};

// `Provider Activity ID` is not a field name: use the canonical heading, spelled in another case
HEADINGS[0] = 'ProviderActivityId';

const csvFile = [
  csvLine(HEADINGS),
  csvLine(base('CSV-1')),
  csvLine(base('CSV-2', { state: 'XX' })),
  csvLine(base('CSV-3', { start: '2025-02-30', end: '2025-02-28' })),
  csvLine(
    base('CSV-4', {
      support: 'Yes',
      sName: 'Pharma Inc',
      sKind: 'MONETARY',
      sAmount: '"$5,000"',
    }),
  ),
  csvLine(base('CSV-5', { description: '"First line, with a comma\r\nsecond ""quoted"" line"' })),
  '',
  csvLine(base('CSV-6', { support: 'Yes', sName: 'Pharma Inc', sKind: 'MONETARY', sAmount: '5000' })),
].join('\r\n');

describe('OP-ACT-1 CSV upload', () => {
  let firstId: string;

  it('applies good rows and rejects bad ones with the header text as columnName', async () => {
    const res = await upload(lakeside, `${csvFile}\r\n`, 'activities.csv');
    expect(res.status).toBe(202);
    firstId = res.body.uploadId;
    const done = await finished(lakeside, firstId);
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'OP-ACT-1', encoding: 'utf-8' });
    expect(done.fileWarnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'FMT-UNKNOWN-COLUMN', columnName: 'Internal notes' }),
      ]),
    );
    expect(done.fileWarnings.some((w: { columnName?: string }) => w.columnName === 'status')).toBe(false);
    expect(done.summary).toMatchObject({ rows: 6, rejected: 3 });
    const byRow = await rowsOf(lakeside, firstId);
    expect(byRow[2]?.outcome).toMatch(/ADDED|SAVED_WITH_LOWER_STATUS/);
    expect(byRow[3]?.errors).toEqual([
      expect.objectContaining({ code: 'ACT-STATE-CODE', path: 'state', columnName: 'State', value: 'XX' }),
    ]);
    expect(byRow[4]?.errors[0]).toMatchObject({
      code: 'ACT-DATE-INVALID',
      columnName: 'StartDate',
      value: '2025-02-30',
    });
    expect(byRow[5]?.errors[0]).toMatchObject({
      code: 'ACT-AMOUNT-FORMAT',
      columnName: 'commercialSupporters.1.amount',
      value: '$5,000',
    });
    expect(byRow[6]?.outcome).toMatch(/ADDED|SAVED_WITH_LOWER_STATUS/);
    // the quoted description spans lines 6–7; the blank line 8 is skipped; CSV-6 is on line 9
    expect(byRow[9]?.outcome).toMatch(/ADDED|SAVED_WITH_LOWER_STATUS/);
    const list = await lakeside.get('/api/v1/activities?q=CSV-5');
    const found = list.body.items.find(
      (a: { providerActivityId: string }) => a.providerActivityId === 'CSV-5',
    );
    expect(found).toBeDefined();
    const full = await lakeside.get(`/api/v1/activities/${found.parsActivityId}`);
    expect(full.body.description).toBe('First line, with a comma\nsecond "quoted" line');
  });

  it('reports a rule error on a supporter column under its heading', async () => {
    const file = [
      'providerActivityId,commercialSupportReceived,commercialSupporters.1.name,commercialSupporters.1.kind',
      'SUP-1,No,Pharma Inc,GIFT',
    ].join('\n');
    const done = await finished(lakeside, (await upload(lakeside, file, 'sup.csv')).body.uploadId);
    const byRow = await rowsOf(lakeside, done.uploadId);
    const columns = byRow[2]?.errors.map((e) => e.columnName);
    expect(columns).toContain('commercialSupporters.1.kind');
  });

  it('a confirmed re-upload of the same file gives only UNCHANGED and REJECTED rows', async () => {
    const again = await upload(lakeside, `${csvFile}\r\n`, 'activities.csv');
    const held = await finished(lakeside, again.body.uploadId);
    expect(held.state).toBe('AWAITING_CONFIRMATION');
    expect(held.duplicateOf).toBe(firstId);
    expect((await lakeside.post(`/api/v1/uploads/${again.body.uploadId}:confirm`)).status).toBe(202);
    const rerun = await finished(lakeside, again.body.uploadId);
    expect(rerun.state).toBe('COMPLETED');
    expect(rerun.summary).toMatchObject({ rows: 6, unchanged: 3, rejected: 3, added: 0, updated: 0 });
    const outcomes = new Set(
      Object.values(await rowsOf(lakeside, again.body.uploadId)).map((r) => r.outcome),
    );
    expect([...outcomes].sort()).toEqual(['REJECTED', 'UNCHANGED']);
  });

  it('deletes with an action column, and a second delete finds nothing', async () => {
    const file = ['action,providerActivityId,title', 'D,CSV-1,', 'DELETE,CSV-1,', 'Remove,CSV-6,'].join('\n');
    const done = await finished(lakeside, (await upload(lakeside, file, 'delete.csv')).body.uploadId);
    expect(done.state).toBe('COMPLETED');
    const byRow = await rowsOf(lakeside, done.uploadId);
    expect(byRow[2]?.outcome).toBe('DELETED');
    expect(byRow[3]?.outcome).toBe('REJECTED');
    expect(byRow[3]?.errors[0]?.code).toMatch(/FMT-DUPLICATE-KEY-IN-FILE|ACT-DELETE-NOT-FOUND/);
    expect(byRow[4]?.errors[0]).toMatchObject({ code: 'ACT-ACTION-CODE', columnName: 'action' });
    const again = await finished(
      lakeside,
      (await upload(lakeside, 'action,providerActivityId\nDELETE,CSV-1\n', 'delete2.csv')).body.uploadId,
    );
    expect((await rowsOf(lakeside, again.uploadId))[2]?.errors[0]?.code).toBe('ACT-DELETE-NOT-FOUND');
  });
  it('keeps the stored value of every field whose column the sheet leaves out (formats.md §4.1)', async () => {
    const full = [
      'providerActivityId,title,format,deliveryMethod,startDate,endDate,creditsDesignated,description,providership,listInPassport',
      'MERGE-1,Original title,C,ONLINE,2025-03-01,2025-03-01,2,Kept description,DIRECT,No',
    ].join('\n');
    expect(
      (await finished(lakeside, (await upload(lakeside, full, 'full.csv')).body.uploadId)).summary.rejected,
    ).toBe(0);
    const partial = ['providerActivityId,title', 'MERGE-1,New title'].join('\n');
    const done = await finished(lakeside, (await upload(lakeside, partial, 'partial.csv')).body.uploadId);
    expect((await rowsOf(lakeside, done.uploadId))[2]?.outcome).toMatch(/UPDATED|SAVED_WITH_LOWER_STATUS/);
    const list = await lakeside.get('/api/v1/activities?providerActivityId=MERGE-1');
    const activity = await lakeside.get(`/api/v1/activities/${list.body.items[0].parsActivityId}`);
    expect(activity.body).toMatchObject({
      title: 'New title',
      description: 'Kept description',
      creditsDesignated: 2,
      deliveryMethod: 'ONLINE',
    });
  });
});

describe('OP-ACT-1 TSV upload', () => {
  it('reads a tab-delimited sheet with the same mapping', async () => {
    const file = [
      HEADINGS.join('\t'),
      base('TSV-1').join('\t'),
      base('TSV-2', { state: 'ZZ' }).join('\t'),
      base('TSV-3', { support: 'Yes', sName: 'Pharma', sKind: 'MONETARY', sAmount: '$5,000' }).join('\t'),
    ].join('\n');
    const done = await finished(lakeside, (await upload(lakeside, file, 'activities.tsv')).body.uploadId);
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'OP-ACT-1' });
    expect(done.summary).toMatchObject({ rows: 3, rejected: 2 });
    const byRow = await rowsOf(lakeside, done.uploadId);
    expect(byRow[2]?.outcome).toMatch(/ADDED|SAVED_WITH_LOWER_STATUS/);
    expect(byRow[3]?.errors[0]).toMatchObject({ code: 'ACT-STATE-CODE', columnName: 'State' });
    expect(byRow[4]?.errors[0]).toMatchObject({ code: 'ACT-AMOUNT-FORMAT', value: '$5,000' });
  });

  it('rejects a header that repeats a column or lacks a key', async () => {
    const dup = await finished(
      lakeside,
      (await upload(lakeside, 'providerActivityId\ttitle\tTitle\nA\tx\ty\n', 'dup.tsv')).body.uploadId,
    );
    expect(dup).toMatchObject({ state: 'REJECTED', error: { code: 'FILE-UNKNOWN-LAYOUT' } });
    const keyless = await finished(
      lakeside,
      (await upload(lakeside, 'title,format\nx,C\n', 'nokey.csv')).body.uploadId,
    );
    expect(keyless).toMatchObject({ state: 'REJECTED', error: { code: 'FILE-UNKNOWN-LAYOUT' } });
  });
});
