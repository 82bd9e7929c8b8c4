import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

// The row trigger of 0001 stops UPDATE and DELETE; TRUNCATE needs a statement trigger of its own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
  `,
  );
}
