import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import unzipper from 'unzipper';
import yauzl from 'yauzl';
import { settingsSchema } from '../../../config';
import type { OpenFile } from '../upload.types';
import { FileLevelError } from './issues';

// The container checks of an XLSX upload (spec/formats.md §8.2), made before exceljs opens the
// workbook: a ZIP is small on disk but may inflate without bound, and exceljs holds shared strings
// and styles in memory. Two passes over the spooled file:
//  1. yauzl reads the central directory: a corrupt or non-workbook ZIP, and declared sizes over the
//     limits, are refused without inflating anything.
//  2. Declared sizes can lie, and exceljs does not read the central directory at all: it streams the
//     local entries with `unzipper`. So the second pass inflates the file with that same parser and
//     counts the bytes it actually produces; whatever exceljs will later inflate is thereby bounded.
//     The same pass checks that the parts come in an order exceljs can stream (StreamingOrder).

export type XlsxLimits = {
  /** Sum of the inflated sizes of all entries (10 × UPLOAD_MAX_BYTES). */
  maxInflatedBytes: number;
  /** Inflated size of xl/sharedStrings.xml, which exceljs caches in memory. */
  maxSharedStringsBytes: number;
  /** Rows of the sheet read (counted while streaming it). */
  maxRows: number;
  /** Columns of the sheet read: the highest column holding a value. */
  maxColumns: number;
};

const MiB = 1024 * 1024;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const ORDER_PARTS = new Set([SHARED_STRINGS, WORKBOOK, WORKBOOK_RELS, STYLES]);
// the worksheet parts exceljs's streaming reader recognises
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/** The default of the UPLOAD_MAX_BYTES setting, for callers that are not given the configured value. */
export const DEFAULT_UPLOAD_MAX_BYTES: number = settingsSchema.shape.UPLOAD_MAX_BYTES.parse(undefined);

/** §8.2's limits for a server whose UPLOAD_MAX_BYTES is `uploadMaxBytes`. */
export function xlsxLimitsFor(uploadMaxBytes: number): XlsxLimits {
  return {
    maxInflatedBytes: 10 * uploadMaxBytes,
    maxSharedStringsBytes: 256 * MiB,
    maxRows: 1_100_000,
    maxColumns: 500,
  };
}

const bytes = (n: number) => (n >= MiB ? `${Math.round((n / MiB) * 10) / 10} MiB` : `${n} bytes`);

const unreadable = (message: string) => new FileLevelError('FILE-UNREADABLE', message);

export const tooLargeInflated = (limits: XlsxLimits) =>
  unreadable(
    `This workbook decompresses to more than ${bytes(limits.maxInflatedBytes)} (10 × the upload limit UPLOAD_MAX_BYTES), so it was not read. Save the sheet as CSV, or split it into smaller workbooks, and upload again.`,
  );

const tooManySharedStrings = (limits: XlsxLimits) =>
  unreadable(
    `This workbook's shared strings (xl/sharedStrings.xml) are larger than ${bytes(limits.maxSharedStringsBytes)}, so it was not read. Save the sheet as CSV, or split it into smaller workbooks, and upload again.`,
  );

const notAZip = (detail: string) =>
  unreadable(
    `The file starts like a ZIP archive (as XLSX workbooks do) but cannot be read as one (${detail}). Save it again from Excel as "Excel Workbook (.xlsx)" and upload it again.`,
  );

const notAWorkbook = (missing: string) =>
  unreadable(
    `The file is a ZIP archive but not an Excel workbook: it has no ${missing}. Upload an .xlsx workbook saved by Excel (or a CSV file).`,
  );

const partsOutOfOrder = (problem: string) =>
  unreadable(
    `This workbook stores its parts in an order that cannot be read as a stream (${problem}). Open it in Excel, save it as "Excel Workbook (.xlsx)" and upload it again.`,
  );

// ---------------------------------------------------------------------------------------------
// Spooling: yauzl needs random access, the stored file is a stream of database chunks.

export type SpooledFile = { path: string; dispose(): Promise<void> };

/** Copies the stored file to a private temporary directory; `dispose` removes it. */
export async function spoolToTempFile(open: OpenFile): Promise<SpooledFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'openpars-xlsx-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, 'upload.xlsx');
  try {
    await pipeline(Readable.from(open()), createWriteStream(file));
  } catch (err) {
    await dispose();
    throw err;
  }
  return { path: file, dispose };
}

/** Runs `work` on a spooled copy of the stored file, removing the copy afterwards whatever happens. */
export async function withSpooledFile<T>(open: OpenFile, work: (file: string) => Promise<T>): Promise<T> {
  const spooled = await spoolToTempFile(open);
  try {
    return await work(spooled.path);
  } finally {
    await spooled.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Pass 1: the central directory (yauzl)

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes: any entry stream yauzl inflates must produce exactly its declared size
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip file')) : resolve(zip)),
    );
  });
}

/** The parts of a workbook the directory lists (only what the later checks need, not every name). */
type DirectoryParts = { workbook: boolean; worksheet: boolean; styles: boolean };

/** Pass 1: reads the directory, refusing declared sizes over the limits. */
async function readDirectory(file: string, limits: XlsxLimits): Promise<DirectoryParts> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (err) {
    throw notAZip((err as Error).message);
  }
  return new Promise((resolve, reject) => {
    const parts: DirectoryParts = { workbook: false, worksheet: false, styles: false };
    let declaredTotal = 0;
    const fail = (error: Error) => {
      zip.close();
      reject(error);
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxInflatedBytes) return fail(tooLargeInflated(limits));
      if (entry.fileName === SHARED_STRINGS && entry.uncompressedSize > limits.maxSharedStringsBytes)
        return fail(tooManySharedStrings(limits));
      if (entry.fileName === WORKBOOK) parts.workbook = true;
      if (entry.fileName === STYLES) parts.styles = true;
      if (WORKSHEET.test(entry.fileName)) parts.worksheet = true;
      zip.readEntry();
    });
    zip.on('end', () => resolve(parts));
    zip.on('error', (err: Error) => fail(notAZip(err.message)));
    zip.readEntry();
  });
}

// ---------------------------------------------------------------------------------------------
// Pass 2: the bytes the local entries really inflate to (unzipper, as exceljs reads them)

/**
 * Watches the order of the local entries as exceljs will meet them. exceljs parses a worksheet on the
 * spot when the shared strings and the workbook's relationships came before it, and parks it in a
 * temporary file until the end of the archive otherwise. Parsed on the spot, the sheet must also come
 * after the list of sheets (xl/workbook.xml, for the names) and the styles (which mark date cells),
 * or sheet names and dates would be lost. Excel and exceljs write their sheets before the shared
 * strings, so their sheets are parked; a workbook in an order that would be misread is refused.
 */
export class StreamingOrder {
  private readonly seen = new Set<string>();
  problem: string | null = null;
  constructor(private readonly hasStyles: boolean) {}

  entry(name: string): void {
    const streamedNow = this.seen.has(SHARED_STRINGS) && this.seen.has(WORKBOOK_RELS);
    if (this.problem === null && WORKSHEET.test(name) && streamedNow) {
      if (!this.seen.has(WORKBOOK)) this.problem = `${name} comes before ${WORKBOOK}`;
      else if (this.hasStyles && !this.seen.has(STYLES)) this.problem = `${name} comes before ${STYLES}`;
    }
    if (ORDER_PARTS.has(name)) this.seen.add(name);
  }
}

/** Pass 2: inflates every local entry with unzipper, counting the bytes and watching the order. */
async function scanLocalEntries(file: string, limits: XlsxLimits, order: StreamingOrder): Promise<void> {
  const source = createReadStream(file);
  const entries = unzipper.Parse({ forceStream: true });
  let current: unzipper.Entry | null = null;
  // unzipper reports a broken deflate stream on the parser, not on the entry being read
  entries.on('error', (err) => current?.destroy(err));
  source.on('error', (err) => entries.destroy(err));
  source.pipe(entries);
  let total = 0;
  let sharedStrings = 0;
  try {
    for await (const entry of entries as AsyncIterable<unzipper.Entry>) {
      current = entry;
      order.entry(entry.path);
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limits.maxInflatedBytes) throw tooLargeInflated(limits);
        if (entry.path === SHARED_STRINGS) {
          sharedStrings += chunk.length;
          if (sharedStrings > limits.maxSharedStringsBytes) throw tooManySharedStrings(limits);
        }
      }
      current = null;
    }
  } catch (err) {
    if (err instanceof FileLevelError) throw err;
    throw notAZip((err as Error).message);
  } finally {
    source.destroy();
    entries.destroy();
  }
}

/**
 * §8.2 container limits and the shape of a workbook, on a spooled XLSX file. Throws FileLevelError
 * (FILE-UNREADABLE) naming the limit broken or what is missing; returns when exceljs may open it.
 */
export async function checkXlsxContainer(file: string, limits: XlsxLimits): Promise<void> {
  const parts = await readDirectory(file, limits);
  if (!parts.workbook) throw notAWorkbook(WORKBOOK);
  if (!parts.worksheet) throw notAWorkbook('worksheet (xl/worksheets/)');
  const order = new StreamingOrder(parts.styles);
  await scanLocalEntries(file, limits, order);
  if (order.problem) throw partsOutOfOrder(order.problem);
}
