import { CODE_LISTS, type CodeListName } from './code-lists';
import { CODE_DATA } from './codes.data';

// Code lists are data: the .tsv files of spec/codes, copied into ./codes unchanged (a test keeps them
// identical to the spec) and compiled into codes.data.ts so Node and the browser load them alike.
// Each row becomes an object keyed by the header; the first column is the code, and every list also
// answers `code` and `name` so clients can treat lists alike.
export { CODE_LISTS, type CodeListName };

export type CodeRow = Record<string, string> & { code: string; name: string };

const cache = new Map<CodeListName, CodeRow[]>();

export function parseTsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export function codeList(name: CodeListName): CodeRow[] {
  let rows = cache.get(name);
  if (!rows) {
    const raw = parseTsv(CODE_DATA[name] ?? '');
    rows = raw.map((r) => {
      const first = Object.values(r)[0] ?? '';
      return { ...r, code: r.code ?? first, name: r.name ?? first } as CodeRow;
    });
    cache.set(name, rows);
  }
  return rows;
}

export function isCode(name: CodeListName, value: string): boolean {
  return codeList(name).some((r) => r.code === value);
}

export function codeName(name: CodeListName, value: string): string | undefined {
  return codeList(name).find((r) => r.code === value)?.name;
}
