import { describe, expect, it } from 'vitest';
import { splitSqlScript } from './sql-script';

describe('splitSqlScript', () => {
  it('splits on semicolons but not inside dollar-quoted bodies or strings', () => {
    const parts = splitSqlScript(`
      CREATE TABLE a (x text DEFAULT 'a;b');
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no;'; END; $$;
      SELECT 1
    `);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe("CREATE TABLE a (x text DEFAULT 'a;b')");
    expect(parts[1]).toMatch(/END; \$\$$/);
    expect(parts[2]).toBe('SELECT 1');
  });

  it('drops -- comments, whose semicolons end nothing', () => {
    const parts = splitSqlScript(`
      -- kept for a day; then gone
      CREATE TABLE b (x int); -- trailing; comment
      SELECT '--not a comment;'
    `);
    expect(parts).toEqual(['CREATE TABLE b (x int)', "SELECT '--not a comment;'"]);
  });
});
