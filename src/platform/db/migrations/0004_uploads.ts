import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

// Upload jobs (formats.md §8): the stored file in chunks (so a resumed job re-reads exactly the same
// bytes), and one outcome row per file row, committed with its batch.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    CREATE TABLE uploads (
      id uuid PRIMARY KEY,
      organization_id bigint NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('activities','learners','roster')),
      file_name text NOT NULL,
      size_bytes bigint NOT NULL,
      sha256 text NOT NULL,
      state text NOT NULL CHECK (state IN ('RECEIVED','AWAITING_CONFIRMATION','PROCESSING','COMPLETED','REJECTED','CANCELLED')),
      dry_run boolean NOT NULL DEFAULT false,
      confirm_duplicate boolean NOT NULL DEFAULT false,
      duplicate_of uuid,
      layout text,
      encoding text,
      rows_processed int NOT NULL DEFAULT 0,
      committed_row int NOT NULL DEFAULT 0,
      file_warnings jsonb NOT NULL DEFAULT '[]',
      error_code text,
      error_message text,
      created_by uuid REFERENCES users(id),
      received_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    CREATE INDEX uploads_org ON uploads (organization_id, received_at DESC);
    CREATE INDEX uploads_duplicate ON uploads (organization_id, kind, sha256) WHERE state = 'COMPLETED' AND dry_run = false;

    CREATE TABLE upload_chunks (
      upload_id uuid NOT NULL REFERENCES uploads(id) ON DELETE CASCADE,
      seq int NOT NULL,
      bytes bytea NOT NULL,
      PRIMARY KEY (upload_id, seq)
    );

    CREATE TABLE upload_rows (
      upload_id uuid NOT NULL REFERENCES uploads(id) ON DELETE CASCADE,
      row int NOT NULL,
      key text,
      key_digest bytea,
      outcome text NOT NULL,
      change text,
      pars_activity_id bigint,
      status text,
      target_status text,
      missing jsonb NOT NULL DEFAULT '[]',
      errors jsonb NOT NULL DEFAULT '[]',
      warnings jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (upload_id, row)
    );
    CREATE INDEX upload_rows_outcome ON upload_rows (upload_id, outcome, row);
  `,
  );
}
