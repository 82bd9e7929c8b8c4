import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from './openapi';

describe('OpenAPI document', () => {
  it('matches the committed docs/openapi.json (run `npm run openapi` after changing routes)', async () => {
    const generated = await generateOpenApi();
    const committed = fs.readFileSync('docs/openapi.json', 'utf8');
    expect(committed).toBe(generated);
  });

  it('documents the contract endpoints', async () => {
    const doc = JSON.parse(await generateOpenApi());
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/me',
      '/api/v1/health',
      '/api/v1/providers',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
