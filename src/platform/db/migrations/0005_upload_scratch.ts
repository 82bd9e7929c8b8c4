import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

// Dry runs (formats.md §8.8) write each batch's effects here instead of to the live tables; later
// batches read live data overlaid with these rows, and the rows go when the report is written. One
// table keyed by upload rather than a table per upload: the same isolation without DDL in jobs. It is
// logged, so a dry run resumed after a crash still sees its earlier batches' effects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    CREATE TABLE upload_scratch_activities (
      upload_id uuid NOT NULL REFERENCES uploads(id) ON DELETE CASCADE,
      pars_activity_id bigint NOT NULL,
      provider_id bigint NOT NULL,
      provider_activity_id text,
      rule_set text NOT NULL,
      reporting_year int NOT NULL,
      status text NOT NULL,
      target_status text NOT NULL,
      version int NOT NULL,
      repeat_group_id uuid,
      data jsonb NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (upload_id, pars_activity_id)
    );
    CREATE INDEX upload_scratch_activities_key ON upload_scratch_activities (upload_id, lower(provider_activity_id));
    `,
  );
}
