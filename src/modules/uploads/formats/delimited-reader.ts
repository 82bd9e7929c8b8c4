import { FileLevelError, type FileWarning, type RowIssue } from './issues';

// Reading delimited text (spec/formats.md §2.1–§2.5, §4.4): a small streaming splitter of our own
// (DESIGN.md "files"). Bytes are decoded chunk by chunk, cut into physical lines, and lines into rows.
// Memory stays bounded whatever the file size: at any time we hold one decoded chunk, the encoding
// prefix (64 KiB, once), and the physical lines of the row being read — a row can only outgrow one
// line inside a quoted field, which is capped at 64 KiB and 50 lines (§2.3), and a physical line or
// row is capped at `maxRowLength` characters (FILE-UNREADABLE beyond it: such a "line" is not text
// written by a spreadsheet).

export type Delimiter = '\t' | ',' | ';';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type EncodingDetection = { encoding: TextEncodingName; bom: number };
export type EncodingDecision = EncodingDetection & { warnings: FileWarning[] };

export type DelimitedRow = {
  /** First physical line of the row, 1-based. */
  line: number;
  /**
   * Fields with quotes removed and trimmed (§2.4); an empty string is a field without a value.
   * When `errors` holds FMT-QUOTE the row must be rejected; `fields` then holds only the fields
   * read before the faulty one (enough to name the row's key in the report).
   */
  fields: string[];
  /** Empty, or only delimiters and spaces (§2.5): skip it and count it in the summary. */
  blank: boolean;
  errors: RowIssue[];
};

export type ReadDelimitedOptions = {
  delimiter: Delimiter;
  /** A quoted field longer than this (UTF-8 bytes of its content) is rejected: FMT-QUOTE. */
  maxQuotedBytes?: number;
  /** A quoted field still open at the end of its this-many-th physical line is rejected: FMT-QUOTE. */
  maxQuotedLines?: number;
  /** Longest physical line, and longest row, in characters; beyond it the file is FILE-UNREADABLE. */
  maxRowLength?: number;
  /**
   * The encoding decided by a whole-file pre-pass (`scanEncoding`). Without it the encoding is decided
   * on the first 64 KiB (see `detectEncoding`). A BOM is removed either way.
   */
  encoding?: TextEncodingName;
  /** Called once, before the first row, with the encoding used and its file warnings. */
  onEncoding?: (decision: EncodingDecision) => void;
};

export type ReadSummary = EncodingDecision & {
  physicalLines: number;
  rows: number;
  blankLines: number;
};

export const ENCODING_PREFIX_BYTES = 64 * 1024;
export const DEFAULT_MAX_QUOTED_BYTES = 64 * 1024;
export const DEFAULT_MAX_QUOTED_LINES = 50;
export const DEFAULT_MAX_ROW_LENGTH = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Encoding (§2.1)

function bomOf(bytes: Uint8Array): EncodingDetection | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return null;
}

function isValidUtf8(bytes: Uint8Array, final: boolean): boolean {
  try {
    // stream: a multi-byte sequence cut off at the end of a prefix is not an error yet.
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

/**
 * §2.1 on the first bytes of a file: a BOM decides; without one the bytes are UTF-8 if valid UTF-8,
 * else Windows-1252. Give it at least the first 3 bytes, or the whole file. `final` says the bytes are
 * the whole file (a multi-byte sequence cut off at the end is then invalid rather than unfinished).
 *
 * Decision on a prefix: `readDelimited` calls this with the first 64 KiB. A file whose first 64 KiB are
 * valid UTF-8 is read as UTF-8 to the end; if invalid bytes turn up later, the file is FILE-UNREADABLE
 * (the message says where) rather than being re-read as Windows-1252 halfway through. The upload
 * pipeline's pre-pass can call `scanEncoding` instead, which decides on the whole file, and pass the
 * result to `readDelimited` as `encoding`.
 */
export function detectEncoding(firstChunk: Uint8Array, final = false): EncodingDetection {
  return (
    bomOf(firstChunk) ?? {
      encoding: isValidUtf8(firstChunk, final) ? 'utf-8' : 'windows-1252',
      bom: 0,
    }
  );
}

function encodingWarnings(encoding: TextEncodingName): FileWarning[] {
  if (encoding !== 'windows-1252') return [];
  return [
    {
      code: 'FMT-ENCODING-1252',
      message:
        'The file is not valid UTF-8, so it was read as Windows-1252 (Western European). If accented letters look wrong in this report, save the file as UTF-8 (or Excel "Unicode Text") and upload it again.',
      line: null,
      columnName: null,
      value: null,
    },
  ];
}

const nulError = (offset: number) =>
  new FileLevelError(
    'FILE-UNREADABLE',
    `The file contains a NUL byte (byte ${offset + 1}), so it is not a text file. Save it from Excel as "Text (Tab delimited)", "CSV UTF-8" or "Unicode Text" (which keeps its byte-order mark) and upload it again.`,
  );

const undecodableError = (encoding: TextEncodingName, offset: number) =>
  new FileLevelError(
    'FILE-UNREADABLE',
    encoding === 'utf-8'
      ? `The file is not valid UTF-8 (invalid bytes in the chunk starting at byte ${offset + 1}) although it starts as UTF-8. Save the whole file as UTF-8 ("CSV UTF-8" or "Text" with UTF-8 encoding) and upload it again.`
      : `The file starts with a ${encoding.toUpperCase()} byte-order mark but its bytes are not valid ${encoding.toUpperCase()} (near byte ${offset + 1}). Save it again as "Unicode Text" and upload it again.`,
  );

function concatBytes(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Decodes the source chunk by chunk. Throws FileLevelError FILE-UNREADABLE for NUL bytes in a non-UTF-16
 * file and for bytes that are not valid in the chosen encoding.
 */
async function* decodeText(
  source: AsyncIterable<Uint8Array>,
  options: Pick<ReadDelimitedOptions, 'encoding' | 'onEncoding'>,
  onDecision: (d: EncodingDecision) => void,
): AsyncGenerator<string, void> {
  const iterator = source[Symbol.asyncIterator]();
  let exhausted = false;
  try {
    const parts: Uint8Array[] = [];
    let length = 0;
    // A given encoding needs only the BOM's 3 bytes; otherwise the prefix that decides (§2.1).
    const wanted = options.encoding ? 3 : ENCODING_PREFIX_BYTES;
    while (length < wanted) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      if (next.value.length === 0) continue;
      parts.push(next.value);
      length += next.value.length;
    }
    const prefix = concatBytes(parts, length);
    // Exactly the first 64 KiB decide, however the source happens to be chunked.
    const decisive = prefix.subarray(0, ENCODING_PREFIX_BYTES);
    const detected = detectEncoding(decisive, exhausted && prefix.length <= ENCODING_PREFIX_BYTES);
    const bom = bomOf(prefix);
    const encoding = options.encoding ?? detected.encoding;
    const decision: EncodingDecision = {
      encoding,
      bom: bom && bom.encoding === encoding ? bom.bom : 0,
      warnings: encodingWarnings(encoding),
    };
    onDecision(decision);
    options.onEncoding?.(decision);

    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    const checkNul = encoding === 'utf-8' || encoding === 'windows-1252';
    let offset = 0;
    const decode = (bytes: Uint8Array, final: boolean): string => {
      if (checkNul) {
        const nul = bytes.indexOf(0);
        if (nul >= 0) throw nulError(offset + nul);
      }
      try {
        return decoder.decode(bytes, { stream: !final });
      } catch {
        throw undecodableError(encoding, offset);
      } finally {
        offset += bytes.length;
      }
    };

    offset = decision.bom;
    const first = decode(prefix.subarray(decision.bom), false);
    if (first) yield first;
    while (!exhausted) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const text = decode(next.value, false);
      if (text) yield text;
    }
    const rest = decode(new Uint8Array(0), true);
    if (rest) yield rest;
  } finally {
    // The consumer stopped early (or we threw): release the underlying stream.
    if (!exhausted) await iterator.return?.();
  }
}

/**
 * §2.1 on the whole file, for the upload pipeline's pre-pass (§8.2): reads every byte once (bounded
 * memory) and answers the encoding to pass to `readDelimited`. Without a BOM, a file with invalid UTF-8
 * anywhere is Windows-1252 as a whole. Throws FILE-UNREADABLE for NUL bytes in a non-UTF-16 file and
 * for a file with a BOM whose bytes are invalid in that encoding.
 */
export async function scanEncoding(source: AsyncIterable<Uint8Array>): Promise<EncodingDecision> {
  type Scan = {
    detection: EncodingDetection;
    validator: InstanceType<typeof TextDecoder>;
    valid: boolean;
    offset: number;
  };
  const start = (head: Uint8Array): Scan => {
    const detection = bomOf(head) ?? { encoding: 'utf-8', bom: 0 };
    const validator = new TextDecoder(detection.encoding, { fatal: true, ignoreBOM: true });
    return { detection, validator, valid: true, offset: 0 };
  };
  const feed = (scan: Scan, bytes: Uint8Array, final: boolean): void => {
    const { encoding, bom } = scan.detection;
    if (encoding === 'utf-8') {
      const nul = bytes.indexOf(0);
      if (nul >= 0) throw nulError(scan.offset + nul);
    }
    if (scan.valid) {
      try {
        scan.validator.decode(bytes, { stream: !final });
      } catch {
        // Without a BOM, invalid UTF-8 anywhere makes the whole file Windows-1252 (§2.1).
        if (encoding !== 'utf-8' || bom > 0) throw undecodableError(encoding, scan.offset);
        scan.valid = false;
      }
    }
    scan.offset += bytes.length;
  };
  let head = new Uint8Array(0);
  let scan: Scan | null = null;
  for await (const chunk of source) {
    if (scan) {
      feed(scan, chunk, false);
      continue;
    }
    const joined = new Uint8Array(head.length + chunk.length);
    joined.set(head);
    joined.set(chunk, head.length);
    head = joined;
    if (head.length >= 3) {
      scan = start(head);
      feed(scan, head, false);
    }
  }
  if (!scan) {
    scan = start(head);
    feed(scan, head, false);
  }
  feed(scan, new Uint8Array(0), true);
  const encoding: TextEncodingName = scan.valid ? scan.detection.encoding : 'windows-1252';
  return { encoding, bom: scan.detection.bom, warnings: encodingWarnings(encoding) };
}

// ---------------------------------------------------------------------------------------------
// Physical lines (§2.2): CRLF, LF and a lone CR each end a line; a file may mix them.

type PhysicalLine = { no: number; text: string };

const LF = 10;
const CR = 13;
const QUOTE = 34;

class LineSplitter {
  private partial = '';
  private swallowLf = false;
  private count = 0;

  constructor(private readonly maxLength: number) {}

  get lines(): number {
    return this.count;
  }

  push(text: string, out: PhysicalLine[]): void {
    let start = 0;
    if (this.swallowLf && text.length > 0) {
      if (text.charCodeAt(0) === LF) start = 1;
      this.swallowLf = false;
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      this.emit(this.partial + text.slice(start, i), out);
      this.partial = '';
      if (c === CR) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === LF) i++;
        } else {
          this.swallowLf = true; // the LF of a CRLF may arrive with the next chunk
        }
      }
      start = i + 1;
    }
    if (start < text.length) {
      this.partial += text.slice(start);
      if (this.partial.length > this.maxLength) throw this.tooLong(this.count + 1);
    }
  }

  end(out: PhysicalLine[]): void {
    // A file ending with a line break has no extra empty line after it.
    if (this.partial !== '') this.emit(this.partial, out);
    this.partial = '';
  }

  private emit(text: string, out: PhysicalLine[]): void {
    this.count++;
    if (text.length > this.maxLength) throw this.tooLong(this.count);
    out.push({ no: this.count, text });
  }

  private tooLong(line: number): FileLevelError {
    return new FileLevelError(
      'FILE-UNREADABLE',
      `Line ${line} is longer than ${this.maxLength} characters, so the file is not a delimited text file. Check that it was saved as text (tab-delimited or CSV).`,
      line,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Fields and rows (§2.3–§2.5)

const EDGE_SPACES = /^[ \u00a0]+|[ \u00a0]+$/g;

/** §2.4: spaces and U+00A0 around a field are removed; inner spaces are kept. */
export function trimField(value: string): string {
  if (value === '') return value;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first !== 32 && first !== 0xa0 && last !== 32 && last !== 0xa0) return value;
  return value.replace(EDGE_SPACES, '');
}

/** UTF-8 length of a string without encoding it (a surrogate pair counts 2 + 2 = 4). */
function utf8Length(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

const DELIMITER_NAMES: Record<Delimiter, string> = { '\t': 'a tab', ',': 'a comma', ';': 'a semicolon' };

type QuoteProblem = 'after' | 'eof' | 'lines' | 'bytes';

type Parsed = { row: DelimitedRow; next: number };

class RowSplitter {
  private queue: PhysicalLine[] = [];
  private head = 0;
  private ended = false;
  private readonly delimiterCode: number;
  private readonly blankLine: RegExp;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly maxQuotedBytes: number,
    private readonly maxQuotedLines: number,
    private readonly maxRowLength: number,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
    const d = delimiter === '\t' ? '' : delimiter;
    this.blankLine = new RegExp(`^[ \\u00a0\\t${d}]*$`);
  }

  add(lines: PhysicalLine[]): void {
    for (const l of lines) this.queue.push(l);
  }

  end(): void {
    this.ended = true;
  }

  /** Every row that the lines received so far complete; stops at a row that needs more lines. */
  *rows(): Generator<DelimitedRow> {
    while (this.head < this.queue.length) {
      const parsed = this.parseAt(this.head);
      if (parsed === null) break;
      this.head = parsed.next;
      yield parsed.row;
    }
    if (this.head > 0 && (this.head === this.queue.length || this.head > 1024)) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  /** Parses the row starting at queue[h]; null when it continues past the lines received so far. */
  private parseAt(h: number): Parsed | null {
    const first = this.queue[h] as PhysicalLine;
    if (this.blankLine.test(first.text)) {
      return { row: { line: first.no, fields: [], blank: true, errors: [] }, next: h + 1 };
    }
    const fields: string[] = [];
    let li = h;
    let text = first.text;
    let pos = 0;
    let rowLength = text.length;
    for (;;) {
      if (text.charCodeAt(pos) !== QUOTE) {
        // Unquoted: up to the next delimiter; a `"` inside is data (§2.3).
        const d = text.indexOf(this.delimiter, pos);
        if (d === -1) {
          fields.push(trimField(text.slice(pos)));
          return { row: { line: first.no, fields, blank: false, errors: [] }, next: li + 1 };
        }
        fields.push(trimField(text.slice(pos, d)));
        pos = d + 1;
        continue;
      }
      // Quoted: `""` is one quote; delimiters and line breaks are data; `"` + delimiter/EOL closes.
      const openedOn = this.queue[li]?.no ?? first.no;
      let value = '';
      let bytes = 0;
      let spanned = 1;
      let i = pos + 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          value += text.slice(i);
          bytes += utf8Length(text, i);
          if (bytes > this.maxQuotedBytes) return this.quoteError(h, fields, 'bytes', value, openedOn);
          if (spanned >= this.maxQuotedLines) return this.quoteError(h, fields, 'lines', value, openedOn);
          if (li + 1 >= this.queue.length) {
            return this.ended ? this.quoteError(h, fields, 'eof', value, openedOn) : null;
          }
          li++;
          text = (this.queue[li] as PhysicalLine).text;
          rowLength += text.length + 1;
          if (rowLength > this.maxRowLength) throw this.rowTooLong(first.no);
          value += '\n'; // an embedded line break (CRLF, LF or CR in the file) is kept as LF
          bytes += 1;
          spanned++;
          i = 0;
          continue;
        }
        value += text.slice(i, q);
        bytes += utf8Length(text, i, q);
        if (bytes > this.maxQuotedBytes) return this.quoteError(h, fields, 'bytes', value, openedOn);
        const after = q + 1;
        if (after < text.length && text.charCodeAt(after) === QUOTE) {
          value += '"';
          bytes += 1;
          i = after + 1;
          continue;
        }
        if (after === text.length) {
          fields.push(trimField(value));
          return { row: { line: first.no, fields, blank: false, errors: [] }, next: li + 1 };
        }
        if (text.charCodeAt(after) === this.delimiterCode) {
          fields.push(trimField(value));
          pos = after + 1;
          break;
        }
        const stop = text.indexOf(this.delimiter, after);
        const shown = text.slice(after, Math.min(stop === -1 ? text.length : stop, after + 20));
        return this.quoteError(h, fields, 'after', shown, openedOn);
      }
    }
  }

  /** §2.3: the row is rejected and reading resumes at the physical line after the row's first line. */
  private quoteError(
    h: number,
    fields: string[],
    problem: QuoteProblem,
    value: string,
    openedOn: number,
  ): Parsed {
    const first = this.queue[h] as PhysicalLine;
    const column = fields.length + 1;
    const delimiter = DELIMITER_NAMES[this.delimiter];
    const resume = `The row was skipped and reading continued on line ${first.no + 1}.`;
    const fix = `Put a closing quote where the field ends, write each quote inside a quoted field twice (""), or remove the quotes around the field.`;
    const messages: Record<QuoteProblem, string> = {
      after: `Column ${column} is a quoted field whose closing quote is followed by "${value}"; a closing quote must be followed by ${delimiter} or the end of the line. ${fix} ${resume}`,
      eof: `Column ${column} is a quoted field opened on line ${openedOn} that is never closed before the end of the file. ${fix} ${resume}`,
      lines: `Column ${column} is a quoted field opened on line ${openedOn} that is still open after ${this.maxQuotedLines} lines; a closing quote is probably missing. ${fix} ${resume}`,
      bytes: `Column ${column} is a quoted field opened on line ${openedOn} that is still open after ${Math.round(this.maxQuotedBytes / 1024)} KiB; a closing quote is probably missing. ${fix} ${resume}`,
    };
    const issue: RowIssue = {
      line: first.no,
      path: '',
      columnName: `column ${column}`,
      code: 'FMT-QUOTE',
      message: messages[problem],
      value: problem === 'after' ? value : value.slice(0, 100),
    };
    return { row: { line: first.no, fields, blank: false, errors: [issue] }, next: h + 1 };
  }

  private rowTooLong(line: number): FileLevelError {
    return new FileLevelError(
      'FILE-UNREADABLE',
      `The row starting on line ${line} is longer than ${this.maxRowLength} characters, so the file is not a delimited text file that OpenPARS can read.`,
      line,
    );
  }
}

/**
 * Rows of a delimited text file (§2.1–§2.5), streamed. Blank rows are yielded with `blank: true` so
 * the caller can count them; a row with FMT-QUOTE in `errors` must be rejected. Throws FileLevelError
 * (FILE-UNREADABLE) when the bytes are not text. The generator's return value is a summary.
 */
export async function* readDelimited(
  source: AsyncIterable<Uint8Array>,
  options: ReadDelimitedOptions,
): AsyncGenerator<DelimitedRow, ReadSummary> {
  const maxRowLength = options.maxRowLength ?? DEFAULT_MAX_ROW_LENGTH;
  const splitter = new LineSplitter(maxRowLength);
  const rows = new RowSplitter(
    options.delimiter,
    options.maxQuotedBytes ?? DEFAULT_MAX_QUOTED_BYTES,
    options.maxQuotedLines ?? DEFAULT_MAX_QUOTED_LINES,
    maxRowLength,
  );
  let decision: EncodingDecision = { encoding: 'utf-8', bom: 0, warnings: [] };
  let rowCount = 0;
  let blankLines = 0;
  const lines: PhysicalLine[] = [];
  const count = (row: DelimitedRow) => {
    if (row.blank) blankLines++;
    else rowCount++;
    return row;
  };
  for await (const text of decodeText(source, options, (d) => {
    decision = d;
  })) {
    lines.length = 0;
    splitter.push(text, lines);
    rows.add(lines);
    for (const row of rows.rows()) yield count(row);
  }
  lines.length = 0;
  splitter.end(lines);
  rows.add(lines);
  rows.end();
  for (const row of rows.rows()) yield count(row);
  return { ...decision, physicalLines: splitter.lines, rows: rowCount, blankLines };
}

// ---------------------------------------------------------------------------------------------
// Delimiter of an OpenPARS sheet (§4.4)

/** §4.4: tab if the header line contains a tab; else `;` if it contains `;` and no `,`; else `,`. */
export function detectSheetDelimiter(headerLine: string): Delimiter {
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(';') && !headerLine.includes(',')) return ';';
  return ',';
}

const SNIFF_BLANK = /^[ \u00a0\t,;]*$/;

/**
 * The delimiter of a delimited file, from its first non-blank line by §4.4. Legacy and OP-LRN-TAB-1
 * lines always contain tabs, so the same rule serves every delimited layout. Reads only up to that
 * line, then releases the source. An empty file answers tab (it is FILE-EMPTY anyway).
 */
export async function sniffDelimiter(
  source: AsyncIterable<Uint8Array>,
  options: Pick<ReadDelimitedOptions, 'encoding' | 'maxRowLength'> = {},
): Promise<Delimiter> {
  const splitter = new LineSplitter(options.maxRowLength ?? DEFAULT_MAX_ROW_LENGTH);
  const lines: PhysicalLine[] = [];
  const firstNonBlank = () => lines.find((l) => !SNIFF_BLANK.test(l.text));
  for await (const text of decodeText(source, options, () => {})) {
    splitter.push(text, lines);
    const found = firstNonBlank();
    if (found) return detectSheetDelimiter(found.text);
    lines.length = 0;
  }
  splitter.end(lines);
  const found = firstNonBlank();
  return found ? detectSheetDelimiter(found.text) : '\t';
}

/** Adapts a Node readable (fs.createReadStream) or any iterable of chunks to the reader's input. */
export async function* bytesOf(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  }
}
