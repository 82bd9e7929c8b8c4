import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCodesData } from '../../scripts/generate-codes';
import { CODE_LISTS, codeList, isCode } from './codes';

const specDir = path.resolve('../shared/spec/codes');

describe('code lists', () => {
  it('serves every list of spec/codes', () => {
    for (const name of CODE_LISTS) {
      const rows = codeList(name);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.code).toBeTruthy();
        expect(r.name).toBeTruthy();
      }
    }
    expect(codeList('countries')).toHaveLength(249);
    expect(codeList('states')).toHaveLength(57);
    expect(isCode('countries', 'USA')).toBe(true);
    expect(isCode('states', 'XX')).toBe(false);
  });

  it('compiles the .tsv files into codes.data.ts unchanged (run `npm run codes` after editing them)', () => {
    expect(fs.readFileSync('src/reference/codes.data.ts', 'utf8')).toBe(renderCodesData());
  });

  it.skipIf(!fs.existsSync(specDir))('is an unchanged copy of the spec code lists', () => {
    const specFiles = fs.readdirSync(specDir).filter((f) => f.endsWith('.tsv'));
    expect(specFiles.map((f) => f.replace(/\.tsv$/, '')).sort()).toEqual([...CODE_LISTS].sort());
    for (const f of specFiles) {
      expect(fs.readFileSync(path.join('src/reference/codes', f), 'utf8')).toBe(
        fs.readFileSync(path.join(specDir, f), 'utf8'),
      );
    }
  });
});
