import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

// Activities (spec/activities.md): the searchable fields as columns, the whole normalised record in
// `data`; board-maintained lists (decisions.md §18); reporting-year locks (program.md §4.4).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    CREATE TABLE activities (
      pars_activity_id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10000001) PRIMARY KEY,
      provider_id bigint NOT NULL REFERENCES providers(organization_id),
      provider_activity_id text,
      rule_set text NOT NULL DEFAULT 'CURRENT',
      reporting_year int NOT NULL,
      title text NOT NULL,
      format text NOT NULL,
      delivery_method text,
      start_date date NOT NULL,
      end_date date NOT NULL,
      status text NOT NULL CHECK (status IN ('DRAFT','ACTIVE','READY_TO_CLOSE','CLOSED')),
      requested_status text NOT NULL,
      target_status text NOT NULL,
      missing_requirements text[] NOT NULL DEFAULT '{}',
      credits_designated numeric(8,2),
      list_in_passport boolean,
      moc_boards text[] NOT NULL DEFAULT '{}',
      is_rems boolean NOT NULL DEFAULT false,
      is_mips boolean NOT NULL DEFAULT false,
      repeat_group_id uuid,
      data jsonb NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid,
      deleted_at timestamptz,
      deleted_by uuid
    );
    CREATE UNIQUE INDEX activities_provider_key_current ON activities (provider_id, lower(provider_activity_id))
      WHERE deleted_at IS NULL AND rule_set = 'CURRENT';
    CREATE UNIQUE INDEX activities_provider_key_legacy ON activities (provider_id, reporting_year, lower(provider_activity_id))
      WHERE deleted_at IS NULL AND rule_set <> 'CURRENT';
    CREATE INDEX activities_provider_id_desc ON activities (provider_id, pars_activity_id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX activities_provider_status ON activities (provider_id, status, pars_activity_id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX activities_provider_year ON activities (provider_id, reporting_year, pars_activity_id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX activities_provider_end ON activities (provider_id, end_date DESC, pars_activity_id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX activities_boards ON activities USING gin (moc_boards) WHERE deleted_at IS NULL;
    CREATE INDEX activities_end_date_status ON activities (end_date) WHERE deleted_at IS NULL AND status IN ('ACTIVE','DRAFT');

    CREATE TABLE reference_list_items (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      owner_code text NOT NULL,
      list text NOT NULL CHECK (list IN ('PRACTICE_AREA','CONTENT_AREA','REMS_BLUEPRINT','TOPIC')),
      code text NOT NULL,
      name text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (owner_code, list, code)
    );

    -- POST Idempotency-Key (formats.md §7): scoped to credential, method and path; kept 24 hours.
    CREATE TABLE idempotency_keys (
      credential text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      key text NOT NULL,
      body_hash text NOT NULL,
      status int NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (credential, method, path, key)
    );

    CREATE TABLE reporting_year_locks (
      provider_id bigint NOT NULL REFERENCES providers(organization_id),
      year int NOT NULL,
      locked_at timestamptz NOT NULL DEFAULT now(),
      reason text NOT NULL,
      PRIMARY KEY (provider_id, year)
    );
  `,
  );
}
