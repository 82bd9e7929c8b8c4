import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DelimitedRow,
  type Delimiter,
  detectEncoding,
  detectSheetDelimiter,
  ENCODING_PREFIX_BYTES,
  type EncodingDecision,
  type ReadDelimitedOptions,
  type ReadSummary,
  readDelimited,
  scanEncoding,
  sniffDelimiter,
  trimField,
} from './delimited-reader';
import { FileLevelError } from './issues';

// spec/formats.md §2.1–§2.5 and §4.4.

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : [...p])));
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return be;
};

/** The bytes as a stream of chunks of the given sizes (the rest in one last chunk). */
async function* chunked(data: Uint8Array, sizes: number[] = []): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const size of sizes) {
    if (at >= data.length) break;
    yield data.subarray(at, at + size);
    at += size;
  }
  if (at < data.length) yield data.subarray(at);
}

type Read = { rows: DelimitedRow[]; summary: ReadSummary };

async function read(
  data: Uint8Array | string,
  options: Partial<ReadDelimitedOptions> = {},
  sizes: number[] = [],
): Promise<Read> {
  const source = chunked(typeof data === 'string' ? utf8(data) : data, sizes);
  const generator = readDelimited(source, { delimiter: '\t', ...options });
  const rows: DelimitedRow[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return { rows, summary: next.value };
    rows.push(next.value);
  }
}

const fieldsOf = async (data: Uint8Array | string, options: Partial<ReadDelimitedOptions> = {}) =>
  (await read(data, options)).rows.filter((r) => !r.blank).map((r) => r.fields);

async function fileError(promise: Promise<unknown>): Promise<FileLevelError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FileLevelError) return e;
    throw e;
  }
  throw new Error('expected a FileLevelError');
}

describe('encoding (§2.1)', () => {
  it.each([
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], 'José\tMüller'), 'utf-8', 3],
    ['UTF-8 without BOM', bytes('José\tMüller'), 'utf-8', 0],
    ['UTF-16LE with BOM (Excel "Unicode Text")', utf16le('\ufeffJosé\tMüller'), 'utf-16le', 2],
    ['UTF-16BE with BOM', utf16be('\ufeffJosé\tMüller'), 'utf-16be', 2],
    [
      'Windows-1252',
      bytes([0x4a, 0x6f, 0x73, 0xe9, 0x09, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]),
      'windows-1252',
      0,
    ],
  ])('%s', async (_, data, encoding, bom) => {
    const { rows, summary } = await read(data);
    expect(rows.map((r) => r.fields)).toEqual([['José', 'Müller']]);
    expect(summary).toMatchObject({ encoding, bom });
    expect(summary.warnings.map((w) => w.code)).toEqual(
      encoding === 'windows-1252' ? ['FMT-ENCODING-1252'] : [],
    );
  });

  it('Windows-1252 maps the 0x80–0x9F range (€, curly quotes)', async () => {
    expect(await fieldsOf(bytes([0x80, 0x09, 0x93, 0x78, 0x94]))).toEqual([['€', '\u201cx\u201d']]);
  });

  it('reports the decision before the first row', async () => {
    const seen: EncodingDecision[] = [];
    await read(bytes([0xe9]), { onEncoding: (d) => seen.push(d) });
    expect(seen).toEqual([
      {
        encoding: 'windows-1252',
        bom: 0,
        warnings: [expect.objectContaining({ code: 'FMT-ENCODING-1252' })],
      },
    ]);
  });

  it.each([
    ['a NUL byte in UTF-8 text', bytes('Template D\t', [0], 'x')],
    ['a NUL byte in Windows-1252 text', bytes([0xe9, 0x00])],
    ['UTF-16 without its BOM', utf16le('Template D\tx')],
  ])('%s makes the file FILE-UNREADABLE', async (_, data) => {
    const error = await fileError(read(data));
    expect(error.code).toBe('FILE-UNREADABLE');
    expect(error.message).toMatch(/NUL byte/);
  });

  it('NUL code units are allowed in a UTF-16 file (checked later as control characters)', async () => {
    expect(await fieldsOf(utf16le('\ufeffa\u0000b'))).toEqual([['a\u0000b']]);
  });

  it('a BOM whose bytes do not follow is FILE-UNREADABLE', async () => {
    expect((await fileError(read(bytes([0xef, 0xbb, 0xbf], 'ok', [0xff])))).code).toBe('FILE-UNREADABLE');
    expect((await fileError(read(bytes([0xff, 0xfe, 0x41, 0x00, 0x42])))).code).toBe('FILE-UNREADABLE');
  });

  it('decides on the first 64 KiB: invalid UTF-8 later is FILE-UNREADABLE, not a switch halfway', async () => {
    const late = bytes('x'.repeat(ENCODING_PREFIX_BYTES + 10), '\r\nJos', [0xe9], '\r\n');
    const error = await fileError(read(late)); // one chunk: still only the first 64 KiB decide
    expect(error.code).toBe('FILE-UNREADABLE');
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('scanEncoding decides on the whole file, and readDelimited follows it', async () => {
    const late = bytes('x'.repeat(ENCODING_PREFIX_BYTES + 10), '\r\nJos', [0xe9], '\r\n');
    const decision = await scanEncoding(chunked(late, [1000, 1, 2]));
    expect(decision).toMatchObject({ encoding: 'windows-1252', bom: 0 });
    const { rows, summary } = await read(late, { encoding: decision.encoding });
    expect(rows[1]?.fields).toEqual(['José']);
    expect(summary.warnings.map((w) => w.code)).toEqual(['FMT-ENCODING-1252']);
  });

  it.each([
    ['UTF-8', bytes('José'), 'utf-8', 0],
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], 'é'), 'utf-8', 3],
    ['UTF-16LE BOM', utf16le('\ufeffé'), 'utf-16le', 2],
    ['UTF-16BE BOM', utf16be('\ufeffé'), 'utf-16be', 2],
    ['empty', new Uint8Array(0), 'utf-8', 0],
  ])('scanEncoding: %s', async (_, data, encoding, bom) => {
    expect(await scanEncoding(chunked(data, [1, 1]))).toMatchObject({ encoding, bom });
  });

  it('scanEncoding refuses NUL bytes in a non-UTF-16 file', async () => {
    expect((await fileError(scanEncoding(chunked(bytes('ab', [0]))))).code).toBe('FILE-UNREADABLE');
  });

  it('detectEncoding: a multi-byte sequence cut at the end of a prefix is unfinished, not invalid', () => {
    const cut = bytes('Jos', [0xc3]);
    expect(detectEncoding(cut)).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(detectEncoding(cut, true)).toEqual({ encoding: 'windows-1252', bom: 0 });
  });
});

describe('line ends (§2.2)', () => {
  it('CRLF, LF and a lone CR each end a line, mixed in one file', async () => {
    const { rows, summary } = await read('a\r\nb\nc\rd\r\n');
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
      [4, ['d']],
    ]);
    expect(summary.physicalLines).toBe(4);
  });

  it('a CR at the end of a chunk and its LF in the next are one line end', async () => {
    const { rows } = await read('a\r\nb\r\nc', {}, [2, 1, 2]);
    expect(rows.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('CR CR is two line ends (an empty line between)', async () => {
    const { rows, summary } = await read('a\r\rb');
    expect(rows.map((r) => [r.line, r.blank])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(summary.blankLines).toBe(1);
  });

  it('the last line needs no line end, and a final line end adds no row', async () => {
    expect((await read('a\tb')).rows).toHaveLength(1);
    expect((await read('a\tb\r\n')).rows).toHaveLength(1);
    expect((await read('')).rows).toHaveLength(0);
  });
});

describe('fields and quoting (§2.3)', () => {
  it.each<[string, string, Delimiter, string[][]]>([
    ['tab-delimited', 'a\tb\t\tc\t', '\t', [['a', 'b', '', 'c', '']]],
    ['an embedded tab', '"a\tb"\tc', '\t', [['a\tb', 'c']]],
    ['an embedded CRLF becomes LF', '"line 1\r\nline 2"\tc', '\t', [['line 1\nline 2', 'c']]],
    ['embedded LF and CR', '"1\n2\r3"\tc', '\t', [['1\n2\n3', 'c']]],
    ['doubled quotes', '"say ""hi"""\t""\t""""', '\t', [['say "hi"', '', '"']]],
    ['a quote inside an unquoted field is data', 'a"b\t5" screen\tx', '\t', [['a"b', '5" screen', 'x']]],
    ['a quoted value is trimmed after unquoting', '" padded "\tx', '\t', [['padded', 'x']]],
    ['a quoted field at the end of the line', 'x\t"last"', '\t', [['x', 'last']]],
    ['comma CSV', 'a,"b,c",d', ',', [['a', 'b,c', 'd']]],
    ['semicolon CSV', 'a;"b;c";', ';', [['a', 'b;c', '']]],
    ['a tab is data in CSV', 'a\tb,c', ',', [['a\tb', 'c']]],
  ])('%s', async (_, text, delimiter, expected) => {
    expect(await fieldsOf(text, { delimiter })).toEqual(expected);
  });

  it('a row spanning lines is numbered by its first line; the next row by its own', async () => {
    const { rows } = await read('1\t"a\r\nb\r\nc"\r\n2\tx\r\n');
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['1', 'a\nb\nc']],
      [4, ['2', 'x']],
    ]);
  });

  it('a quoted field may hold a line that looks blank', async () => {
    const { rows } = await read('"a\r\n\r\nb"\tc');
    expect(rows).toEqual([{ line: 1, fields: ['a\n\nb', 'c'], blank: false, errors: [] }]);
  });

  it('closing quote followed by other text: FMT-QUOTE, reading resumes on the next line', async () => {
    const { rows } = await read('ok\t1\r\nx\t"bad"x\ty\r\nnext\t2\r\n');
    expect(rows.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
      [1, []],
      [2, ['FMT-QUOTE']],
      [3, []],
    ]);
    const bad = rows[1] as DelimitedRow;
    expect(bad.fields).toEqual(['x']);
    expect(bad.errors[0]).toMatchObject({ line: 2, columnName: 'column 2', value: 'x' });
    expect(bad.errors[0]?.message).toMatch(/followed by a tab or the end of the line.*continued on line 3/);
  });

  it('a closing quote followed by a space is "anything else" (§2.3 read exactly)', async () => {
    const { rows } = await read('"a" \tb');
    expect(rows[0]?.errors.map((e) => e.code)).toEqual(['FMT-QUOTE']);
  });

  it('an unterminated quote is reported and the lines it swallowed are read again as rows', async () => {
    const text = 'Template D\tP1\t"unclosed\r\nTemplate D\tP2\tok\r\nTemplate D\tP3\tok\r\n';
    const { rows, summary } = await read(text);
    expect(rows.map((r) => [r.line, r.fields, r.errors.map((e) => e.code)])).toEqual([
      [1, ['Template D', 'P1'], ['FMT-QUOTE']],
      [2, ['Template D', 'P2', 'ok'], []],
      [3, ['Template D', 'P3', 'ok'], []],
    ]);
    expect(rows[0]?.errors[0]?.message).toMatch(/column 3|Column 3/);
    expect(rows[0]?.errors[0]?.message).toMatch(/never closed before the end of the file/);
    expect(summary.rows).toBe(3);
  });

  it('a quoted field may span 50 physical lines, not 51', async () => {
    const field = (lines: number) => Array.from({ length: lines }, (_, i) => `l${i + 1}`).join('\n');
    const fits = await read(`"${field(50)}"\tend\nnext`);
    expect(fits.rows.map((r) => [r.line, r.errors.length])).toEqual([
      [1, 0],
      [51, 0],
    ]);
    const over = await read(`"${field(51)}"\tend\nnext`);
    expect(over.rows[0]?.errors.map((e) => e.code)).toEqual(['FMT-QUOTE']);
    expect(over.rows[0]?.errors[0]?.message).toMatch(/still open after 50 lines/);
    // Reading resumed on line 2: lines 2–51 come back as rows of their own, then "next".
    expect(over.rows.map((r) => r.line)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
  });

  it('the line limit is configurable', async () => {
    const { rows } = await read('"a\nb\nc"\tx', { maxQuotedLines: 2 });
    expect(rows[0]?.errors.map((e) => e.code)).toEqual(['FMT-QUOTE']);
  });

  it('a quoted field over 64 KiB is FMT-QUOTE even on one line', async () => {
    const big = 'é'.repeat(32 * 1024 + 1); // 64 KiB + 2 bytes of UTF-8
    const { rows } = await read(`"${big}"\tx\nnext`);
    expect(rows.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
      [1, ['FMT-QUOTE']],
      [2, []],
    ]);
    expect(rows[0]?.errors[0]?.message).toMatch(/64 KiB/);
    expect(rows[0]?.errors[0]?.value).toHaveLength(100);
    const fits = await read(`"${'é'.repeat(32 * 1024)}"\tx`);
    expect(fits.rows[0]?.errors).toEqual([]);
  });

  it('the byte limit is configurable and counts embedded line breaks', async () => {
    expect((await read('"abc\nd"', { maxQuotedBytes: 4 })).rows[0]?.errors).toHaveLength(1);
    expect((await read('"abc\nd"', { maxQuotedBytes: 5 })).rows[0]?.errors).toHaveLength(0);
  });
});

describe('trimming (§2.4) and blank lines (§2.5)', () => {
  it('removes spaces and U+00A0 around fields, keeps inner spaces', async () => {
    expect(await fieldsOf(' a  b \t\u00a0c\u00a0\t  \t')).toEqual([['a  b', 'c', '', '']]);
    expect(trimField('\u00a0 x y \u00a0')).toBe('x y');
    expect(trimField('x')).toBe('x');
  });

  it.each<[string, Delimiter]>([
    ['', '\t'],
    ['\t\t\t', '\t'],
    ['  \t \u00a0 ', '\t'],
    [',,, ,', ','],
    [';;', ';'],
  ])('%j is a blank line', async (line, delimiter) => {
    const { rows, summary } = await read(`x\n${line}\ny`, { delimiter });
    expect(rows.map((r) => r.blank)).toEqual([false, true, false]);
    expect(rows[1]).toEqual({ line: 2, fields: [], blank: true, errors: [] });
    expect(summary).toMatchObject({ rows: 2, blankLines: 1, physicalLines: 3 });
  });

  it('a line holding an empty quoted field is not blank', async () => {
    expect((await read('""')).rows).toEqual([{ line: 1, fields: [''], blank: false, errors: [] }]);
  });
});

describe('streaming', () => {
  it('yields the first row without reading the rest of the source, and releases it when stopped', async () => {
    let pulled = 0;
    let released = false;
    const chunk = utf8('Template D\tP16-0001\tsome text to fill the line\r\n'.repeat(20));
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          pulled++;
          yield chunk;
        }
      } finally {
        released = true;
      }
    }
    let seen = 0;
    for await (const row of readDelimited(endless(), { delimiter: '\t' })) {
      expect(row.fields[0]).toBe('Template D');
      if (++seen === 3) break;
    }
    // The 64 KiB encoding prefix is the only read-ahead (each chunk here is ~1 KiB).
    expect(pulled).toBeLessThanOrEqual(Math.ceil(ENCODING_PREFIX_BYTES / chunk.length) + 1);
    expect(released).toBe(true);
  });

  it('reads many megabytes in small chunks with the same result as whole', async () => {
    const line = 'Template D\t\tP-1\t2016\t"Title, with ""quotes"""\t03/18/2016\r\n';
    const count = 50_000; // ~3 MB
    async function* source(): AsyncGenerator<Uint8Array> {
      const chunk = utf8(line.repeat(100));
      for (let i = 0; i < count / 100; i++) {
        yield chunk.subarray(0, 1000);
        yield chunk.subarray(1000);
      }
    }
    let rows = 0;
    for await (const row of readDelimited(source(), { delimiter: '\t' })) {
      rows++;
      if (row.fields[4] !== 'Title, with "quotes"') throw new Error(`line ${row.line}: ${row.fields}`);
    }
    expect(rows).toBe(count);
  });

  it('a "line" with no line break is refused at the limit instead of being buffered', async () => {
    async function* binaryLike(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 1000; i++) yield utf8('x'.repeat(1024));
    }
    const error = await fileError(
      (async () => {
        for await (const _ of readDelimited(binaryLike(), { delimiter: '\t', maxRowLength: 100_000 })) {
          /* drain */
        }
      })(),
    );
    expect(error.code).toBe('FILE-UNREADABLE');
    expect(error.message).toMatch(/Line 1 is longer than 100000 characters/);
  });

  it('a row of many multi-line quoted fields is bounded too', async () => {
    const row = Array.from({ length: 20 }, () => `"${'y'.repeat(40)}\n${'y'.repeat(40)}"`).join('\t');
    expect((await fileError(read(row, { maxRowLength: 1000 }))).code).toBe('FILE-UNREADABLE');
  });
});

describe('chunk boundaries (property)', () => {
  const alphabet = fc.constantFrom('a', 'Z', ' ', '\u00a0', '\t', ',', '"', '\r', '\n', 'é', '€', '😀', '0');
  const text = fc.array(alphabet, { maxLength: 300 }).map((cs) => cs.join(''));
  const encodings = fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252');

  const encode = (t: string, encoding: string): Uint8Array => {
    if (encoding === 'utf-8') return utf8(t);
    if (encoding === 'utf-8-bom') return bytes([0xef, 0xbb, 0xbf], t);
    if (encoding === 'utf-16le') return utf16le(`\ufeff${t}`);
    // Windows-1252: keep to characters it has, and make sure it is not valid UTF-8.
    const latin = t.replace(/😀/g, 'x');
    return Uint8Array.from([0xe9, ...[...latin].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0)))]);
  };

  it('splitting the same bytes into random chunks gives the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        encodings,
        fc.constantFrom<Delimiter>('\t', ','),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 60 }),
        async (t, encoding, delimiter, sizes, quotedLines) => {
          const data = encode(t, encoding);
          const options = { delimiter, maxQuotedLines: quotedLines, maxQuotedBytes: 40 };
          const whole = await read(data, options);
          const pieces = await read(data, options, sizes);
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fields written with Excel quoting read back as written (trimmed)', async () => {
    const cell = fc
      .array(fc.constantFrom('a', 'b', ' ', '\t', ',', '"', '\n', 'é'), { maxLength: 12 })
      .map((cs) => cs.join(''));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(rows, fc.constantFrom('\r\n', '\n', '\r'), async (table, eol) => {
        // Quote every cell that needs it, as Excel does; give each row a first cell that is not blank.
        const lines = table.map((cells) =>
          ['k', ...cells].map((c) => (/["\t\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t'),
        );
        const { rows: read1 } = await read(lines.join(eol) + eol);
        expect(read1.map((r) => r.fields)).toEqual(table.map((cells) => ['k', ...cells.map(trimField)]));
      }),
      { numRuns: 200 },
    );
  });
});

describe('delimiter of an OpenPARS sheet (§4.4)', () => {
  it.each<[string, Delimiter]>([
    ['providerActivityId\ttitle', '\t'],
    ['providerActivityId;title;startDate', ';'],
    ['providerActivityId,title', ','],
    ['providerActivityId;title,startDate', ','],
    ['providerActivityId', ','],
    ['a;b\tc', '\t'],
  ])('%j → %j', (header, delimiter) => {
    expect(detectSheetDelimiter(header)).toBe(delimiter);
  });

  it('sniffs the first non-blank line of a file in any supported encoding', async () => {
    expect(await sniffDelimiter(chunked(bytes('\r\n ,, \r\nproviderActivityId;title\r\nP1;x'), [3]))).toBe(
      ';',
    );
    expect(await sniffDelimiter(chunked(utf16le('\ufeffproviderActivityId\ttitle\r\n')))).toBe('\t');
    expect(await sniffDelimiter(chunked(bytes('Template D\t\tP16-0001')))).toBe('\t');
    expect(await sniffDelimiter(chunked(bytes('')))).toBe('\t');
  });
});
