import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

// Foundation schema: organisations, people, sessions, tokens, API keys, audit, outbox.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    CREATE SEQUENCE provider_number_seq START WITH 1000000 MINVALUE 1000000 MAXVALUE 9999999;

    CREATE TABLE organizations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('ACCREDITOR','PROVIDER','BOARD','OPERATOR')),
      code text UNIQUE,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE accreditors (
      organization_id bigint PRIMARY KEY REFERENCES organizations(id),
      accreditor_kind text NOT NULL CHECK (accreditor_kind IN ('ACCME','RECOGNIZED_ACCREDITOR','JOINT_ACCREDITATION')),
      state text,
      contact_email text
    );
    CREATE UNIQUE INDEX accreditors_one_accme ON accreditors (accreditor_kind) WHERE accreditor_kind IN ('ACCME','JOINT_ACCREDITATION');

    CREATE TABLE providers (
      organization_id bigint PRIMARY KEY REFERENCES organizations(id),
      provider_number text NOT NULL UNIQUE,
      other_names text[] NOT NULL DEFAULT '{}',
      accreditor_id bigint NOT NULL REFERENCES accreditors(organization_id),
      organization_type text NOT NULL,
      street text, city text, state text, postal_code text, country text,
      website text,
      accreditation_status text NOT NULL,
      term_start date, term_end date,
      eligibility_attested_at timestamptz,
      ja_professions text[] NOT NULL DEFAULT '{}'
    );
    CREATE INDEX providers_accreditor ON providers (accreditor_id);

    CREATE TABLE accreditation_decisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      provider_id bigint NOT NULL REFERENCES providers(organization_id),
      status text NOT NULL,
      term_start date, term_end date,
      decided_on date NOT NULL,
      kind text NOT NULL,
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accreditation_decisions_provider ON accreditation_decisions (provider_id, decided_on);

    CREATE TABLE boards (
      organization_id bigint PRIMARY KEY REFERENCES organizations(id),
      board_kind text NOT NULL CHECK (board_kind IN ('CERTIFYING','STATE')),
      collaborating boolean NOT NULL,
      delivery_mode text NOT NULL CHECK (delivery_mode IN ('ROSTER','API','VIEW')),
      board_id_required boolean NOT NULL DEFAULT false,
      state text
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('STAFF','PHYSICIAN')),
      status text NOT NULL CHECK (status IN ('INVITED','ACTIVE','LOCKED','DEACTIVATED')),
      password_hash text,
      password_changed_at timestamptz,
      terms_accepted_at timestamptz,
      email_confirmed_at timestamptz,
      is_demo boolean NOT NULL DEFAULT false,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email ON users (lower(email));

    CREATE TABLE memberships (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      organization_id bigint NOT NULL REFERENCES organizations(id),
      roles text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, organization_id)
    );
    CREATE INDEX memberships_org ON memberships (organization_id);

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      organization_id bigint REFERENCES organizations(id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ended_at timestamptz
    );
    CREATE INDEX sessions_user ON sessions (user_id) WHERE ended_at IS NULL;

    CREATE TABLE one_time_tokens (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      purpose text NOT NULL CHECK (purpose IN ('INVITATION','PASSWORD_RESET')),
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose);

    CREATE TABLE login_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL,
      ip text NOT NULL,
      succeeded boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_attempts_email_at ON login_attempts (lower(email), at);

    CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      organization_id bigint NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      prefix text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_keys_org ON api_keys (organization_id);

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      channel text NOT NULL CHECK (channel IN ('WEB','API','UPLOAD','SYSTEM','SEED')),
      request_id text,
      actor_user_id uuid,
      actor_api_key_id uuid,
      actor_organization_id bigint,
      subject_organization_id bigint,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      action text NOT NULL,
      before jsonb,
      after jsonb
    );
    CREATE INDEX audit_log_subject ON audit_log (subject_organization_id, id DESC);
    CREATE INDEX audit_log_actor_org ON audit_log (actor_organization_id, id DESC);
    CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id DESC);

    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

    CREATE TABLE mail_outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      to_address text NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      template text NOT NULL,
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED','OUTBOX')),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX mail_outbox_created ON mail_outbox (id DESC);
    CREATE INDEX mail_outbox_pending ON mail_outbox (id) WHERE status = 'PENDING';
  `,
  );
}
