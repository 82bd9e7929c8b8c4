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

export async function writeAudit(trx: Db, ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('auditLog')
    .values(
      entries.map((e) => ({
        channel: ctx.channel,
        requestId: ctx.requestId,
        actorUserId: ctx.actorUserId,
        actorApiKeyId: ctx.actorApiKeyId,
        actorOrganizationId: ctx.actorOrganizationId,
        subjectOrganizationId: e.subjectOrganizationId,
        entityType: e.entityType,
        entityId: String(e.entityId),
        action: e.action,
        before: e.before === undefined ? null : JSON.stringify(redact(e.before)),
        after: e.after === undefined ? null : JSON.stringify(redact(e.after)),
      })),
    )
    .execute();
}
