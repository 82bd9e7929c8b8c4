import { type Kysely, sql } from 'kysely';

/**
 * Runs a parameterless SQL script statement by statement. PGlite's query() uses the extended protocol,
 * which takes one statement at a time, so migrations split their scripts here. Semicolons inside
 * dollar-quoted bodies ($$ … $$), single-quoted strings and `--` comments do not end a statement.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  let inQuote = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (!inQuote && !inDollar && ch === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
      current += '\n';
      continue;
    }
    if (!inQuote && ch === '$' && script[i + 1] === '$') {
      inDollar = !inDollar;
      current += '$$';
      i++;
      continue;
    }
    if (!inDollar && ch === "'") inQuote = !inQuote;
    if (ch === ';' && !inDollar && !inQuote) {
      if (current.trim()) statements.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

export async function runSqlScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitSqlScript(script)) {
    await sql.raw(statement).execute(db);
  }
}
