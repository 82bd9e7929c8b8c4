import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileInspection, OpenFile, SourceRecord } from '../upload.types';
import { chooseAdapter } from './choose-adapter';
import { createXlsxActivitiesAdapter } from './xlsx.adapter';
import { xlsxLimitsFor } from './xlsx-container';

// OP-ACT-1 read from real XLSX workbooks written by exceljs (spec/formats.md §4.4) and the container
// limits of §8.2.

const limits = xlsxLimitsFor(200 * 1024 * 1024);
const adapter = createXlsxActivitiesAdapter(limits);

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The stored file as the pipeline streams it, in small chunks. */
const openOf = (bytes: Buffer, chunk = 4096): OpenFile =>
  async function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  };

async function recordsOf(bytes: Buffer, a = adapter): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of a.records(openOf(bytes))) out.push(r);
  return out;
}

const errorOf = (inspection: FileInspection) => ('error' in inspection ? inspection.error : null);

const inputOf = (r: SourceRecord | undefined) => {
  if (r?.command?.action !== 'UPSERT') throw new Error(`not an upsert: ${JSON.stringify(r?.errors)}`);
  return r.command.input;
};

// A private temporary directory for this file's tests: after each one it must be empty again, so
// every spooled copy and every sheet exceljs parked is removed, whether the file was read or refused.
let tmp = '';
const tmpBefore = process.env.TMPDIR;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'xlsx-adapter-test-'));
  process.env.TMPDIR = tmp;
});
afterEach(async () => {
  // exceljs deletes its parked sheets asynchronously, just after the read ends
  await vi.waitFor(async () => expect(await readdir(tmp)).toEqual([]), { timeout: 2000 });
});
afterAll(async () => {
  if (tmpBefore === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpBefore;
  await rm(tmp, { recursive: true, force: true });
});

const HEADER = [
  'providerActivityId',
  'Title',
  'startDate',
  'endDate',
  'creditsDesignated',
  'listInPassport',
  'physicianLearnerCount',
  'activityUrl',
  'city',
];

describe('XLSX OP-ACT-1: cells', () => {
  it('reads the Activities sheet (not first) with each kind of cell as the CSV mapping expects', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Read me').addRow(['This sheet is not read']);
      const ws = wb.addWorksheet('ACTIVITIES');
      ws.addRow(HEADER);
      ws.addRow([
        '007',
        { richText: [{ text: 'Grand ' }, { font: { bold: true }, text: 'rounds' }] },
        new Date(Date.UTC(2025, 2, 1)),
        new Date(Date.UTC(2025, 2, 2)),
        1.5,
        true,
        { formula: 'SUM(10,2)', result: 12 },
        { text: 'Course page', hyperlink: 'https://example.org/course' },
        'Austin',
      ]);
      ws.addRow([]); // row 3: blank, skipped
      ws.addRow([
        '0042',
        '  Journal club  ',
        { formula: 'DATE(2025,4,1)', result: 45748 },
        '04/02/2025',
        { formula: '0.5*0', result: 0 },
        false,
        0,
        null,
        'merged away',
      ]);
      ws.getCell('C4').numFmt = 'm/d/yyyy';
      // merged cells: the value stays in the top-left cell only
      ws.mergeCells('H4:I4');
      ws.getCell('H4').value = 'https://example.org/merged';
    });
    const records = await recordsOf(bytes);
    expect(records.map((r) => r.row)).toEqual([2, 4]);
    expect(records.map((r) => r.key)).toEqual(['007', '0042']);
    expect(records[0]?.errors).toEqual([]);
    expect(inputOf(records[0])).toMatchObject({
      providerActivityId: '007',
      title: 'Grand rounds',
      startDate: '2025-03-01',
      endDate: '2025-03-02',
      creditsDesignated: 1.5,
      listInPassport: true,
      physicianLearnerCount: 12,
      activityUrl: 'Course page',
      city: 'Austin',
    });
    expect(inputOf(records[1])).toMatchObject({
      providerActivityId: '0042',
      title: 'Journal club',
      startDate: '2025-04-01',
      endDate: '2025-04-02',
      creditsDesignated: 0,
      listInPassport: false,
      physicianLearnerCount: 0,
      activityUrl: 'https://example.org/merged',
      city: null,
    });
  });

  it('reads numbers as plain decimals, shared formulas and error cells', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['providerActivityId', 'title', 'creditsDesignated', 'description']);
      ws.addRow([12345678901, 1e-7, 2, { error: '#N/A' }]);
      ws.addRow(['B', 'x', 4, 'y']);
      ws.addRow(['C', 'x', 6, 'z']);
      ws.fillFormula('C2:C4', 'ROW()*0.25', [0.5, 0.75, 1]);
    });
    const records = await recordsOf(bytes);
    expect(records.map((r) => r.key)).toEqual(['12345678901', 'B', 'C']);
    expect(inputOf(records[0])).toMatchObject({
      title: '0.0000001',
      creditsDesignated: 0.5,
      description: '#N/A',
    });
    expect(inputOf(records[1])).toMatchObject({ creditsDesignated: 0.75 });
    expect(inputOf(records[2])).toMatchObject({ creditsDesignated: 1 });
  });

  it('reports a bad cell under its heading and spreadsheet row', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['providerActivityId', 'Start Date', 'startDate']);
      ws.addRow(['A', 'ignored', '31/12/2025']);
    });
    const [record] = await recordsOf(bytes);
    expect(record?.command).toBeNull();
    expect(record?.errors).toEqual([
      expect.objectContaining({
        row: 2,
        path: 'startDate',
        columnName: 'startDate',
        code: 'ACT-DATE-INVALID',
      }),
    ]);
  });

  it('cleans up when the reader of the records stops early', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Notes').addRow(['parked in a temporary file by exceljs']);
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['providerActivityId']);
      for (let i = 0; i < 50; i++) ws.addRow([`A-${i}`]);
      wb.addWorksheet('More notes').addRow(['also parked']);
    });
    for await (const record of adapter.records(openOf(bytes))) {
      expect(record.key).toBe('A-0');
      break;
    }
  });
});

describe('XLSX OP-ACT-1: sheet and header', () => {
  it('takes the first sheet without an Activities sheet, and the first non-empty row as header', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Courses');
      ws.getRow(3).values = ['providerActivityId', 'title', 'Internal notes'];
      ws.getRow(5).values = ['A-1', 'First'];
      ws.getRow(6).values = ['A-2', 'Second'];
      wb.addWorksheet('Other').addRow(['providerActivityId']);
    });
    const inspection = await adapter.inspect(openOf(bytes));
    expect(inspection).toEqual({
      layout: 'OP-ACT-1',
      encoding: null,
      warnings: [
        expect.objectContaining({ code: 'FMT-UNKNOWN-COLUMN', row: 3, columnName: 'Internal notes' }),
      ],
    });
    const records = await recordsOf(bytes);
    expect(records.map((r) => [r.row, r.key])).toEqual([
      [5, 'A-1'],
      [6, 'A-2'],
    ]);
  });

  it('refuses a header without a key column as FILE-UNKNOWN-LAYOUT', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['title', 'format']);
      ws.addRow(['x', 'C']);
    });
    expect(errorOf(await adapter.inspect(openOf(bytes)))).toMatchObject({
      code: 'FILE-UNKNOWN-LAYOUT',
      message: expect.stringContaining('providerActivityId or parsActivityId'),
    });
  });

  it('points a legacy template saved as XLSX to the tab-delimited form', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Sheet1').addRow(['Template D', '2020', 'x']);
    });
    expect(errorOf(await adapter.inspect(openOf(bytes)))).toMatchObject({
      code: 'FILE-UNKNOWN-LAYOUT',
      message: expect.stringContaining('Text (Tab delimited)'),
    });
  });

  it('refuses a sheet with no rows, or with a header and only blank rows, as FILE-EMPTY', async () => {
    const empty = await workbook((wb) => {
      wb.addWorksheet('Activities');
    });
    expect(errorOf(await adapter.inspect(openOf(empty)))).toMatchObject({ code: 'FILE-EMPTY' });
    const headerOnly = await workbook((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['providerActivityId', 'title']);
      ws.getCell('A3').numFmt = '@'; // a formatted but empty cell is not a data row
    });
    expect(errorOf(await adapter.inspect(openOf(headerOnly)))).toMatchObject({
      code: 'FILE-EMPTY',
      message: expect.stringContaining('only its header row (row 1)'),
    });
  });

  it('is chosen for a ZIP file, with the configured upload limit', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['providerActivityId']);
      for (let i = 0; i < 200; i++) ws.addRow([`ROW-${i}-${'x'.repeat(50)}`]);
    });
    const choice = await chooseAdapter(openOf(bytes));
    if ('error' in choice) throw new Error(choice.error.message);
    expect(await choice.adapter.inspect(openOf(bytes))).toMatchObject({ layout: 'OP-ACT-1' });
    const small = await chooseAdapter(openOf(bytes), { uploadMaxBytes: 1000 });
    if ('error' in small) throw new Error(small.error.message);
    expect(errorOf(await small.adapter.inspect(openOf(bytes)))).toMatchObject({ code: 'FILE-UNREADABLE' });
  });
});

// ---------------------------------------------------------------------------------------------

/** A workbook of `rows` near-identical rows: compresses about 20 to 1. */
const compressible = (rows: number, columns = 3) =>
  workbook((wb) => {
    const ws = wb.addWorksheet('Activities');
    ws.addRow(['providerActivityId', 'title', 'description'].slice(0, columns));
    for (let i = 0; i < rows; i++) ws.addRow([`A-${i}`, 'Same title', 'Same description'].slice(0, columns));
  });

/** Sets the declared (central directory) inflated size of every deflated entry to 1 byte. */
function understateSizes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = out.indexOf(CENTRAL_HEADER); at >= 0; at = out.indexOf(CENTRAL_HEADER, at + 4)) {
    const DEFLATE = 8;
    if (out.readUInt16LE(at + 10) === DEFLATE) out.writeUInt32LE(1, at + 24);
  }
  return out;
}

describe('XLSX container limits (formats.md §8.2)', () => {
  it('refuses a workbook that decompresses to more than 10 × UPLOAD_MAX_BYTES', async () => {
    const bytes = await compressible(5000);
    const uploadMaxBytes = Math.ceil(bytes.length / 10); // 100 × smaller than the workbook inflates to
    const strict = createXlsxActivitiesAdapter(xlsxLimitsFor(uploadMaxBytes));
    expect(errorOf(await strict.inspect(openOf(bytes)))).toEqual({
      code: 'FILE-UNREADABLE',
      message: expect.stringContaining('10 × the upload limit UPLOAD_MAX_BYTES'),
    });
    await expect(recordsOf(bytes, strict)).rejects.toMatchObject({ code: 'FILE-UNREADABLE' });
  });

  it('counts the bytes really inflated when the declared sizes understate them', async () => {
    const bytes = understateSizes(await compressible(5000));
    const strict = createXlsxActivitiesAdapter(xlsxLimitsFor(Math.ceil(bytes.length / 10)));
    expect(errorOf(await strict.inspect(openOf(bytes)))).toEqual({
      code: 'FILE-UNREADABLE',
      message: expect.stringContaining('decompresses to more than'),
    });
  });

  it('refuses shared strings over their limit', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['providerActivityId', 'title']);
      for (let i = 0; i < 100; i++) ws.addRow([`A-${i}`, `Title number ${i}`]);
    });
    const strict = createXlsxActivitiesAdapter({ ...limits, maxSharedStringsBytes: 1000 });
    expect(errorOf(await strict.inspect(openOf(bytes)))).toEqual({
      code: 'FILE-UNREADABLE',
      message: expect.stringContaining('shared strings'),
    });
  });

  it('refuses a value beyond column 500', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['providerActivityId', 'title']);
      ws.addRow(['A-1', 'x']);
      ws.getRow(3).getCell(501).value = 'too far';
    });
    expect(errorOf(await adapter.inspect(openOf(bytes)))).toEqual({
      code: 'FILE-UNREADABLE',
      message: expect.stringContaining(
        'Row 3 has a value in column 501, but a sheet may use at most 500 columns',
      ),
    });
    const wide = await workbook((wb) => {
      const ws = wb.addWorksheet('Activities');
      ws.addRow(['providerActivityId', 'title']);
      ws.getRow(2).getCell(500).value = 'still inside';
      ws.getCell('A2').value = 'A-1';
    });
    expect(await adapter.inspect(openOf(wide))).toMatchObject({ layout: 'OP-ACT-1' });
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const bytes = await compressible(30);
    const strict = createXlsxActivitiesAdapter({ ...limits, maxRows: 20 });
    expect(errorOf(await strict.inspect(openOf(bytes)))).toEqual({
      code: 'FILE-UNREADABLE',
      message: expect.stringContaining('more than 20 rows'),
    });
  });

  it('refuses a corrupt ZIP, a truncated workbook and a ZIP that is not a workbook', async () => {
    const garbage = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(500, 7)]);
    expect(errorOf(await adapter.inspect(openOf(garbage)))).toMatchObject({
      code: 'FILE-UNREADABLE',
      message: expect.stringContaining('cannot be read as one'),
    });
    const good = await compressible(10);
    expect(errorOf(await adapter.inspect(openOf(good.subarray(0, good.length / 2))))).toMatchObject({
      code: 'FILE-UNREADABLE',
    });
    // the same archive with its workbook part renamed: a ZIP, but no workbook
    const renamed = Buffer.from(
      good.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmz'),
      'latin1',
    );
    expect(errorOf(await adapter.inspect(openOf(renamed)))).toEqual({
      code: 'FILE-UNREADABLE',
      message: expect.stringContaining('not an Excel workbook: it has no xl/workbook.xml'),
    });
  });
});
