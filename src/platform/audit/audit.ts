import { type BulkColumn, type BulkInsert, insertFromJson } from '../db/bulk';
import type { Db } from '../db/connect';
import type { AuditChannel } from '../db/database';

// Every write records who, when, what and before → after in the same transaction (decisions.md §11).
// Callers pass the transaction; entries of one batch go in one INSERT.
export type AuditContext = {
  channel: AuditChannel;
  requestId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorOrganizationId: number | null;
};

/** Changes OpenPARS makes on its own (scheduled jobs, seeding): no user, no request. */
export const SYSTEM_AUDIT: AuditContext = {
  channel: 'SYSTEM',
  requestId: null,
  actorUserId: null,
  actorApiKeyId: null,
  actorOrganizationId: null,
};

export type AuditEntry = {
  subjectOrganizationId: number | null;
  entityType: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
};

// Secrets never enter the audit trail, even hashed.
const SECRET_KEY = /password|token|hash|secret/i;

export function redact(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!SECRET_KEY.test(k)) out[k] = redact(v);
    }
    return out;
  }
  return value;
}

/** Keeps only the keys that changed, so the trail shows the edit rather than the whole record. */
export function changedOnly(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

const AUDIT_COLUMNS: readonly BulkColumn[] = [
  ['channel', 'text'],
  ['request_id', 'text'],
  ['actor_user_id', 'uuid'],
  ['actor_api_key_id', 'uuid'],
  ['actor_organization_id', 'bigint'],
  ['subject_organization_id', 'bigint'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['action', 'text'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
];

/** Callers pass their transaction; a batch's entries go in with one statement (`insert`: COPY on a held connection). */
export async function writeAudit(
  trx: Db,
  ctx: AuditContext,
  entries: AuditEntry[],
  insert: BulkInsert = insertFromJson,
): Promise<void> {
  await insert(
    trx,
    'audit_log',
    AUDIT_COLUMNS,
    entries.map((e) => [
      ctx.channel,
      ctx.requestId,
      ctx.actorUserId,
      ctx.actorApiKeyId,
      ctx.actorOrganizationId,
      e.subjectOrganizationId,
      e.entityType,
      String(e.entityId),
      e.action,
      e.before === undefined ? null : redact(e.before),
      e.after === undefined ? null : redact(e.after),
    ]),
  );
}
