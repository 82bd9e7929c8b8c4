import fs from 'node:fs';
import path from 'node:path';

// Large legacy Template D files for benchmarks and crash tests: the committed sample's rows, repeated
// with fresh Provider Activity IDs (column 3) and no PARS ID (column 2), CRLF line ends as PARS wrote them.
const samplePath = path.resolve('src/modules/uploads/formats/fixtures/activities-templateD-2016-valid.txt');

export function templateDRows(count: number, keyPrefix: string): string[][] {
  const sample = fs
    .readFileSync(samplePath, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const fields = sample[i % sample.length]!.split('\t');
    fields[1] = '';
    fields[2] = `${keyPrefix}${i}`;
    rows.push(fields);
  }
  return rows;
}

export const templateDText = (rows: string[][]) => `${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`;
