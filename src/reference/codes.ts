import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Code lists are data: the .tsv files of spec/codes, copied into this folder unchanged (a test keeps
// them identical to the spec). Each row becomes an object keyed by the header; the first column is the
// code, and every list also answers `code` and `name` so clients can treat lists alike.
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'codes');

export const CODE_LISTS = [
  'activity-types',
  'boards',
  'countries',
  'credit-types',
  'delivery-methods',
  'in-kind-types',
  'ja-professions',
  'outcome-measures',
  'provider-types',
  'rems-professions',
  'states',
] as const;
export type CodeListName = (typeof CODE_LISTS)[number];
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
    const raw = parseTsv(fs.readFileSync(path.join(dir, `${name}.tsv`), 'utf8'));
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
