import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, waitForUpload } from '../../testing/multipart';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// The upload pipeline end to end with OpenPARS activity sheets as XLSX workbooks (formats.md §4.1,
// §4.4): typed cells read through the same mapping as CSV, per-row codes under the sheet's headings,
// and the container limits of §8.2. UPLOAD_MAX_BYTES is 1 MiB here, so a workbook may decompress
// to 10 MiB at most.
let t: TestApp;
let lakeside: Client;

beforeAll(async () => {
  t = await createTestApp({
    demo: true,
    env: { OPENPARS_TODAY: '2025-06-15', UPLOAD_MAX_BYTES: String(1024 * 1024) },
  });
  lakeside = await t.signIn('provider@example.org');
});

type ReportRow = {
  row: number;
  key: string | null;
  outcome: string;
  errors: { code: string; columnName: string; path: string; value?: unknown }[];
};

async function rowsOf(client: Client, id: string): Promise<Record<number, ReportRow>> {
  const report = await client.get(`/api/v1/uploads/${id}/report.json`);
  return Object.fromEntries(report.body.rows.map((r: ReportRow) => [r.row, r]));
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function uploaded(bytes: Buffer, name = 'activities.xlsx') {
  const res = await uploadFile(t.app, lakeside, bytes, { name });
  expect(res.status).toBe(202);
  return waitForUpload(lakeside, res.body.uploadId);
}

async function activity(providerActivityId: string) {
  const list = await lakeside.get(`/api/v1/activities?providerActivityId=${providerActivityId}`);
  const found = list.body.items[0];
  return found ? (await lakeside.get(`/api/v1/activities/${found.parsActivityId}`)).body : null;
}

const HEADINGS = [
  'ProviderActivityId',
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
  'Internal notes',
];

type Cell = ExcelJS.CellValue;
const course = (id: Cell, over: Partial<Record<string, Cell>> = {}): Cell[] =>
  Object.values({
    id,
    title: `Workbook course ${id}`,
    format: 'C',
    delivery: 'IN_PERSON',
    start: new Date(Date.UTC(2025, 2, 1)),
    end: new Date(Date.UTC(2025, 2, 1)),
    city: 'Austin',
    state: 'TX',
    country: 'USA',
    credits: 1.5,
    description: 'A course.',
    providership: 'DIRECT',
    list: false,
    support: false,
    notes: 'ignored',
    ...over,
  });

describe('OP-ACT-1 XLSX upload', () => {
  it('applies good rows and rejects bad ones, with spreadsheet rows and the headings as columnName', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Instructions').addRow(['Fill in the Activities sheet']);
      const ws = wb.addWorksheet('Activities');
      ws.addRow(HEADINGS);
      ws.addRow(course('XLSX-1'));
      ws.addRow(course('XLSX-2', { state: 'XX' }));
      ws.addRow([]);
      ws.addRow(course('XLSX-3', { start: '2025-02-30', end: '2025-02-28' }));
      ws.addRow(
        course('007', {
          title: { richText: [{ text: 'Rich ' }, { font: { italic: true }, text: 'title' }] },
          credits: { formula: '0.75*2', result: 1.5 },
          list: true,
        }),
      );
      ws.addRow(course('XLSX-5', { credits: 1e-7 }));
    });
    const done = await uploaded(bytes);
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'OP-ACT-1', encoding: null });
    expect(done.fileWarnings).toEqual([
      expect.objectContaining({ code: 'FMT-UNKNOWN-COLUMN', columnName: 'Internal notes' }),
    ]);
    expect(done.summary).toMatchObject({ rows: 5, rejected: 3 });
    const byRow = await rowsOf(lakeside, done.uploadId);
    expect(Object.keys(byRow).map(Number)).toEqual([2, 3, 5, 6, 7]);
    expect(byRow[2]).toMatchObject({
      key: 'XLSX-1',
      outcome: expect.stringMatching(/ADDED|SAVED_WITH_LOWER_STATUS/),
    });
    expect(byRow[3]?.errors).toEqual([
      expect.objectContaining({ code: 'ACT-STATE-CODE', path: 'state', columnName: 'State', value: 'XX' }),
    ]);
    expect(byRow[5]?.errors[0]).toMatchObject({
      code: 'ACT-DATE-INVALID',
      columnName: 'StartDate',
      value: '2025-02-30',
    });
    expect(byRow[6]).toMatchObject({
      key: '007',
      outcome: expect.stringMatching(/ADDED|SAVED_WITH_LOWER_STATUS/),
    });
    // 1e-7 reads as 0.0000001, which is not a credit amount in steps of 0.25
    expect(byRow[7]?.errors[0]).toMatchObject({ columnName: 'creditsDesignated', value: '0.0000001' });

    expect(await activity('XLSX-1')).toMatchObject({
      startDate: '2025-03-01',
      creditsDesignated: 1.5,
      listInPassport: false,
    });
    expect(await activity('007')).toMatchObject({
      providerActivityId: '007',
      title: 'Rich title',
      creditsDesignated: 1.5,
      listInPassport: true,
    });
  });

  it('refuses a workbook without a key column as FILE-UNKNOWN-LAYOUT', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['title', 'format']);
      ws.addRow(['No key', 'C']);
    });
    expect(await uploaded(bytes, 'nokey.xlsx')).toMatchObject({
      state: 'REJECTED',
      error: { code: 'FILE-UNKNOWN-LAYOUT' },
    });
  });

  it('refuses a zip bomb as FILE-UNREADABLE and applies nothing from it', async () => {
    // 11 MiB of one letter in a single cell: about 11 KiB on disk, over the 10 MiB (10 × UPLOAD_MAX_BYTES)
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['providerActivityId', 'title', 'description']);
      ws.addRow(['BOMB-1', 'Bomb', 'A'.repeat(11 * 1024 * 1024)]);
    });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const done = await uploaded(bytes, 'bomb.xlsx');
    expect(done).toMatchObject({
      state: 'REJECTED',
      error: { code: 'FILE-UNREADABLE', message: expect.stringContaining('UPLOAD_MAX_BYTES') },
    });
    expect(done.summary).toMatchObject({ rows: 0 });
    expect(await activity('BOMB-1')).toBeNull();
  });

  it('refuses a ZIP archive that is not a workbook as FILE-UNREADABLE', async () => {
    const good = await xlsx((wb) => {
      wb.addWorksheet('Activities').addRow(['providerActivityId']);
    });
    const notAWorkbook = Buffer.from(
      good.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmz'),
      'latin1',
    );
    expect(await uploaded(notAWorkbook, 'archive.zip')).toMatchObject({
      state: 'REJECTED',
      error: { code: 'FILE-UNREADABLE' },
    });
  });
});
