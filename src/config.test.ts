import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('settings', () => {
  it('defaults to a demo instance on the embedded database outside production', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, demo: true, databaseUrl: undefined, production: false });
    expect(c.dataDir).toMatch(/data$/);
  });

  it('is not a demo instance on PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', OPENPARS_DEMO: 'true' }).demo).toBe(true);
  });

  it('never makes a production instance a demo instance, and refuses demo or a fixed date there', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', OPENPARS_DEMO: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', OPENPARS_TODAY: '2024-03-31' })).toThrow(
      /OPENPARS_TODAY/,
    );
  });

  it('names the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ OPENPARS_TODAY: '03/31/2024' })).toThrow(/OPENPARS_TODAY: must be YYYY-MM-DD/);
  });

  it('derives the public URL from the port and strips a trailing slash', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://pars.example.org/' }).publicUrl).toBe(
      'https://pars.example.org',
    );
  });
});
