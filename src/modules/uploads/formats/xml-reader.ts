import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { OpenFile } from '../upload.types';
import { FileLevelError } from './issues';

// The streaming reader of OP-ACT-XML-1 files (formats.md §6, §8.2). Bytes are decoded (UTF-8, or UTF-16
// recognised by its byte-order mark or the `<?` pattern of XML 1.0 Appendix F) and fed to saxes, a
// namespace-aware SAX parser; only one `MedicalEducationMetrics` element at a time is kept as a small tree,
// so memory is bounded by the largest activity, never by the file. Whatever makes the file as a whole
// unusable is thrown as a FileLevelError: not well-formed, a DOCTYPE (the only place entities can be
// declared, and the door to entity-expansion bombs), an encoding other than UTF-8/UTF-16, or a root other
// than ACCMEActivities.

export const MEMS_NS = 'http://ns.medbiq.org/metrics/v1/';
export const LOM_NS = 'http://ltsc.ieee.org/xsd/LOM';
export const OP_NS = 'urn:openpars:activity:v1';

/** An element as the mapping needs it: namespace, local name, unprefixed attributes and its own text. */
export type XmlElement = {
  uri: string;
  local: string;
  /** attributes without a namespace, by name (XML gives unprefixed attributes no namespace) */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** the element's own character data (text and CDATA), untrimmed */
  text: string;
};

/** One `MedicalEducationMetrics` element: its 1-based position, and its tree unless not collected. */
export type MemsElement = {
  index: number;
  /** null when the reader was asked not to collect, or when the element is over the size limit */
  element: XmlElement | null;
  /** the element held more than `maxElementChars` characters of XML and was not kept */
  oversized: boolean;
};

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type XmlReadOptions = {
  /** false: only count the elements (the pre-pass of §8.2 needs no trees) */
  collect?: boolean;
  maxElementChars?: number;
  onEncoding?: (encoding: XmlEncoding) => void;
};

/** An activity needs a few KB; anything near this is pasted binary or a runaway generator. */
export const MAX_ELEMENT_CHARS = 4 * 1024 * 1024;

const ROOT = 'ACCMEActivities';
const ACTIVITY = 'MedicalEducationMetrics';

const unreadable = (message: string, line: number | null = null) =>
  new FileLevelError('FILE-UNREADABLE', message, line);

// ---------------------------------------------------------------------------------------------
// Bytes → text

function sniffEncoding(head: Uint8Array): XmlEncoding {
  const [b0, b1, b2, b3] = head;
  if (
    (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) ||
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
  )
    throw unreadable('The file is encoded as UTF-32, which OpenPARS does not read; save it as UTF-8.');
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  // no byte-order mark: `<?` in UTF-16 (XML 1.0 Appendix F)
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return 'utf-16le';
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return 'utf-16be';
  return 'utf-8';
}

const LABEL: Record<XmlEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

async function* decodeXml(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding: (encoding: XmlEncoding) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let encoding: XmlEncoding = 'utf-8';
  let head = new Uint8Array(0);
  const decode = (bytes: Uint8Array, stream: boolean) => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      throw unreadable(`The file is not valid ${LABEL[encoding]} text; save it as UTF-8.`);
    }
  };
  for await (const chunk of chunks) {
    if (decoder === null) {
      // the byte-order mark or `<?` pattern needs the first four bytes, which may span chunks
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      if (joined.length < 4) {
        head = joined;
        continue;
      }
      encoding = sniffEncoding(joined);
      onEncoding(encoding);
      decoder = new TextDecoder(encoding, { fatal: true });
      yield decode(joined, true);
      continue;
    }
    yield decode(chunk, true);
  }
  if (decoder === null) {
    encoding = sniffEncoding(head);
    onEncoding(encoding);
    decoder = new TextDecoder(encoding, { fatal: true });
    yield decode(head, true);
  }
  yield decode(new Uint8Array(0), false);
}

/** The declaration may only name the encoding the bytes are in (we read UTF-8 and UTF-16 only). */
function checkDeclaredEncoding(declared: string | undefined, actual: XmlEncoding, line: number) {
  if (declared === undefined) return;
  const name = declared.trim().toLowerCase();
  const fits =
    actual === 'utf-8'
      ? ['utf-8', 'utf8', 'us-ascii', 'ascii'].includes(name)
      : ['utf-16', 'utf-16le', 'utf-16be', 'utf16'].includes(name);
  if (fits) return;
  if (name.startsWith('utf-16') || name === 'utf16')
    throw unreadable(
      `The XML declaration says encoding "${declared}", but the file has no UTF-16 byte-order mark and is not UTF-16; save it as UTF-8 and declare encoding="UTF-8".`,
      line,
    );
  throw unreadable(
    `The XML declaration says encoding "${declared}"; OpenPARS reads XML only in UTF-8 or UTF-16 (with a byte-order mark). Save the file as UTF-8 and declare encoding="UTF-8".`,
    line,
  );
}

// ---------------------------------------------------------------------------------------------
// Text → MedicalEducationMetrics elements

/** saxes prefixes its messages with `line:column: `; we say where ourselves. */
const saxesReason = (err: Error) => err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');

/**
 * The `MedicalEducationMetrics` elements of an OP-ACT-XML-1 file, in file order. Throws FileLevelError for
 * a file that cannot be used at all; the caller decides emptiness (no element → FILE-EMPTY).
 */
export async function* readMemsElements(
  open: OpenFile,
  options: XmlReadOptions = {},
): AsyncGenerator<MemsElement> {
  const collect = options.collect ?? true;
  const maxChars = options.maxElementChars ?? MAX_ELEMENT_CHARS;
  let encoding: XmlEncoding = 'utf-8';
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: MemsElement[] = [];
  let depth = 0;
  let count = 0;
  // the element being read: its stack of open nodes, where it started, and whether it outgrew the limit
  let stack: XmlElement[] | null = null;
  let start = 0;
  let oversized = false;

  const where = () => `line ${parser.line}, column ${parser.column}`;
  const guardSize = () => {
    if (stack === null || oversized) return;
    if (parser.position - start > maxChars) {
      oversized = true;
      stack = [];
    }
  };

  parser.on('error', (err) => {
    throw unreadable(`The file is not well-formed XML: ${saxesReason(err)} (${where()}).`, parser.line);
  });
  parser.on('xmldecl', (decl) => checkDeclaredEncoding(decl.encoding, encoding, parser.line));
  parser.on('doctype', (doctype) => {
    const entities = /<!ENTITY/i.test(doctype) ? ' It declares entities, which are never expanded.' : '';
    throw unreadable(
      `XML with a DTD or entity declarations is refused: remove the <!DOCTYPE …> declaration (${where()}).${entities}`,
      parser.line,
    );
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth === 1) return checkRoot(tag);
    if (depth === 2) {
      if (tag.local !== ACTIVITY) return; // other children of the root carry no activity
      if (tag.uri !== MEMS_NS && tag.uri !== '')
        throw new FileLevelError(
          'FILE-UNKNOWN-LAYOUT',
          `MedicalEducationMetrics is in namespace "${tag.uri}" (${where()}); OP-ACT-XML-1 uses the MEMS v1 namespace ${MEMS_NS}.`,
          parser.line,
        );
      count++;
      start = parser.position;
      oversized = false;
      stack = collect ? [elementOf(tag)] : [];
      return;
    }
    if (stack === null) return;
    guardSize();
    if (!collect || oversized) return;
    const node = elementOf(tag);
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  const onText = (text: string) => {
    if (stack === null) return;
    guardSize();
    if (!collect || oversized) return;
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (stack !== null) {
      guardSize();
      if (depth === 2) {
        ready.push({ index: count, element: collect && !oversized ? (stack[0] ?? null) : null, oversized });
        stack = null;
      } else if (collect && !oversized) stack.pop();
    }
    depth--;
  });

  for await (const text of decodeXml(open(), (e) => {
    encoding = e;
    options.onEncoding?.(e);
  })) {
    parser.write(text);
    yield* ready.splice(0);
  }
  parser.close();
  yield* ready.splice(0);

  function checkRoot(tag: SaxesTagNS) {
    if (tag.local === ROOT) return;
    const found =
      tag.local === ACTIVITY
        ? 'a bare MedicalEducationMetrics element'
        : `<${tag.name}>${tag.uri ? ` (namespace ${tag.uri})` : ''}`;
    throw new FileLevelError(
      'FILE-UNKNOWN-LAYOUT',
      `The root element is ${found}; OP-ACT-XML-1 files have the root ACCMEActivities holding one MedicalEducationMetrics element per activity.`,
      parser.line,
    );
  }
}

function elementOf(tag: SaxesTagNS): XmlElement {
  const attributes: Record<string, string> = {};
  for (const a of Object.values(tag.attributes))
    if (a.uri === '' && a.prefix === '') attributes[a.local] = a.value;
  return { uri: tag.uri, local: tag.local, attributes, children: [], text: '' };
}
