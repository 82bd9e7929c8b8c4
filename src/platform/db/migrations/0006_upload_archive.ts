import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

// Archive imports (formats.md §3.7): an accreditor or operator administrator uploads a provider's
// legacy data. The upload then belongs to the provider (its data, its duplicate check) and is also
// visible to the organisation that sent it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    ALTER TABLE uploads ADD COLUMN archive boolean NOT NULL DEFAULT false;
    ALTER TABLE uploads ADD COLUMN uploaded_by_organization_id bigint REFERENCES organizations(id);
    UPDATE uploads SET uploaded_by_organization_id = organization_id;
    ALTER TABLE uploads ALTER COLUMN uploaded_by_organization_id SET NOT NULL;
    CREATE INDEX uploads_uploaded_by ON uploads (uploaded_by_organization_id, received_at DESC);
    `,
  );
}
