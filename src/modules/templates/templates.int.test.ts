import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeList } from '../../reference/codes';
import { uploadFile, waitForUpload } from '../../testing/multipart';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';
import { columnLetters } from './template.xlsx';

// GET /api/v1/templates/activities.{xlsx,csv} (formats.md §4.3) on the demo data: who may download them,
// what the workbook holds, and that the CSV template, filled in, uploads as it is.

let t: TestApp;
let lakeside: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2025-06-15' } });
  lakeside = await t.signIn('provider@example.org');
});

/** The response bytes: the test client decodes bodies as text, which would garble a workbook. */
async function download(client: Client, url: string) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, text: res.body };
}

const certifyingBoards = codeList('boards')
  .filter((b) => b.kind === 'certifying')
  .map((b) => b.code);

describe('GET /api/v1/templates/activities.xlsx', () => {
  let workbook: ExcelJS.Workbook;
  let headings: string[];

  beforeAll(async () => {
    const res = await download(lakeside, '/api/v1/templates/activities.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="openpars-activities-template.xlsx"',
    );
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Activities') as ExcelJS.Worksheet;
    headings = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  });

  const sheet = () => workbook.getWorksheet('Activities') as ExcelJS.Worksheet;
  const columnOf = (name: string) => headings.indexOf(name) + 1;

  it('has the Activities sheet first and a hidden Lists sheet', () => {
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Activities', 'visible'],
      ['Lists', 'hidden'],
    ]);
  });

  it('names the fields in row 1, frozen, each with a note', () => {
    expect(headings.slice(0, 3)).toEqual(['providerActivityId', 'parsActivityId', 'action']);
    expect(headings).toEqual(
      expect.arrayContaining([
        'title',
        'startDate',
        'commercialSupporters.5.inKindOther',
        'enduringCounts.2023.physicianLearners',
        'enduringCounts.2025.otherLearners',
        'rems.byPracticeType',
        'mips.attest',
      ]),
    );
    expect(headings).not.toContain('enduringCounts.2026.otherLearners');
    expect(headings).not.toContain('commercialSupporters.6.name');
    expect(sheet().views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const note = String(sheet().getCell(1, columnOf('startDate')).note);
    expect(note).toMatch(/^Start date\nType: Date, written YYYY-MM-DD or MM\/DD\/YYYY/);
    for (let c = 1; c <= headings.length; c++)
      expect(sheet().getCell(1, c).note, headings[c - 1]).toBeTruthy();
  });

  it('has one block of MOC columns per certifying board', () => {
    const boards = new Set(
      headings.flatMap((h) => /^mocRegistrations\.(\w+)\.creditTypes$/.exec(h)?.[1] ?? []),
    );
    expect([...boards].sort()).toEqual([...certifyingBoards].sort());
    expect(headings).toContain('mocRegistrations.ABPath.attest');
  });

  it('holds the code lists on the Lists sheet', () => {
    const lists = workbook.getWorksheet('Lists') as ExcelJS.Worksheet;
    const ids = (lists.getRow(1).values as unknown[]).slice(1).map(String);
    expect(ids).toEqual(
      expect.arrayContaining(['activity-types', 'states', 'countries', 'credit-types ABIM']),
    );
    const col = ids.indexOf('activity-types') + 1;
    const formats = lists
      .getColumn(col)
      .values.slice(2)
      .filter((v) => v !== undefined && v !== null);
    expect(formats).toEqual(codeList('activity-types').map((r) => r.code));
    expect(lists.getCell(2, col + 1).value).toBe(codeList('activity-types')[0]?.name);
  });

  it('offers drop-downs on code and Yes/No columns, fed from the Lists sheet', () => {
    for (const name of [
      'format',
      'state',
      'listInPassport',
      'commercialSupporters.2.kind',
      'mocRegistrations.ABIM.registration',
    ]) {
      const validation = sheet().getCell(2, columnOf(name)).dataValidation;
      expect(validation, name).toMatchObject({ type: 'list', allowBlank: true });
      expect(validation.formulae[0], name).toMatch(/^Lists!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    }
    const lists = workbook.getWorksheet('Lists') as ExcelJS.Worksheet;
    const letters = columnLetters((lists.getRow(1).values as unknown[]).indexOf('activity-types'));
    const format = sheet().getCell(500, columnOf('format')).dataValidation;
    expect(format.formulae[0]).toBe(
      `Lists!$${letters}$2:$${letters}$${codeList('activity-types').length + 1}`,
    );
    expect(sheet().getCell(2, columnOf('title')).dataValidation).toBeUndefined();
    expect(sheet().getCell(2, columnOf('outcomeMeasures')).dataValidation).toBeUndefined();
  });

  it('formats ID and date columns as text, so leading zeros survive', () => {
    for (const name of [
      'providerActivityId',
      'parsActivityId',
      'startDate',
      'mocRegistrations.ABIM.claimDate',
      'rems.rpcId',
    ])
      expect(sheet().getColumn(columnOf(name)).numFmt, name).toBe('@');
    expect(sheet().getColumn(columnOf('title')).numFmt).toBeUndefined();
    expect(sheet().getColumn(columnOf('creditsDesignated')).numFmt).toBeUndefined();
  });
});

describe('GET /api/v1/templates/activities.csv', () => {
  it('is the header row, UTF-8 with BOM and CRLF', async () => {
    const res = await download(lakeside, '/api/v1/templates/activities.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="openpars-activities-template.csv"',
    );
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text).toMatch(/^\uFEFFproviderActivityId,parsActivityId,action,requestedStatus,title,/);
    expect(res.text.endsWith('\r\n')).toBe(true);
    expect(res.text.split('\r\n')).toHaveLength(2);
  });

  it('uploads as it is once a row is filled in: the activity is ADDED', async () => {
    const header = (await download(lakeside, '/api/v1/templates/activities.csv')).text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n$/, '')
      .split(',');
    const values: Record<string, string> = {
      providerActivityId: 'TPL-0001',
      title: 'Course from the template',
      format: 'C',
      deliveryMethod: 'IN_PERSON',
      startDate: '2025-09-10',
      endDate: '09/11/2025',
      city: 'Austin',
      state: 'TX',
      country: 'USA',
      creditsDesignated: '6.5',
      description: 'A two-day course.',
      providership: 'DIRECT',
      listInPassport: 'No',
    };
    const row = header.map((name) => values[name] ?? '');
    const file = `\uFEFF${header.join(',')}\r\n${row.join(',')}\r\n`;
    const res = await uploadFile(t.app, lakeside, file, { name: 'openpars-activities-template.csv' });
    expect(res.status).toBe(202);
    const done = await waitForUpload(lakeside, res.body.uploadId);
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'OP-ACT-1' });
    expect(done.fileWarnings).toEqual([]);
    const report = await lakeside.get(`/api/v1/uploads/${res.body.uploadId}/report.json`);
    expect(report.body.rows).toEqual([
      expect.objectContaining({ row: 2, key: 'TPL-0001', outcome: 'ADDED', status: 'ACTIVE', errors: [] }),
    ]);
    const list = await lakeside.get('/api/v1/activities?providerActivityId=TPL-0001');
    expect(list.body.items).toEqual([expect.objectContaining({ title: 'Course from the template' })]);
  });
});

describe('who may download templates', () => {
  const urls = ['/api/v1/templates/activities.xlsx', '/api/v1/templates/activities.csv'];

  it('refuses anonymous callers (401)', async () => {
    for (const url of urls) {
      const res = await t.anonymous.get(url);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('REQ-UNAUTHENTICATED');
    }
  });

  it('serves archive importers (accreditor administrators), who upload for their providers', async () => {
    const accme = await t.signIn('accme@example.org');
    for (const url of urls) expect((await accme.get(url)).status, url).toBe(200);
  });

  it('refuses users who cannot upload activities (403)', async () => {
    for (const email of ['board@example.org', 'physician@example.org', 'state-board@example.org']) {
      const client = await t.signIn(email);
      for (const url of urls) {
        const res = await client.get(url);
        expect(res.status, `${email} ${url}`).toBe(403);
        expect(res.body.code).toBe('REQ-FORBIDDEN');
      }
    }
  });

  it('serves an API key of a provider', async () => {
    const created = await lakeside.post('/api/v1/api-keys', { name: 'template fetcher' });
    expect(created.status).toBe(201);
    const res = await t.withKey(created.body.key).get('/api/v1/templates/activities.csv');
    expect(res.status).toBe(200);
    expect(res.raw.startsWith('\uFEFFproviderActivityId,')).toBe(true);
  });
});
