import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';
import { invalid } from '../../platform/errors';
import { type Actor, requirePermission } from '../identity/actor';

export type AuditFilter = {
  entityType?: string;
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
};

export type AuditService = ReturnType<typeof createAuditService>;

// Entries are visible to the subject's organisation and the actor's (decisions.md §11); the
// operator also sees instance-level entries (sign-in failures, resets) that have no organisation.
export function createAuditService({ db }: { db: Db }) {
  return {
    async list(actor: Actor | null, filter: AuditFilter) {
      const a = requirePermission(actor, 'audit.view');
      const orgId = a.organization.id;
      const limit = Math.min(filter.limit ?? 50, 200);
      let q = db
        .selectFrom('auditLog as l')
        .leftJoin('users as u', 'u.id', 'l.actorUserId')
        .select([
          'l.id',
          'l.at',
          'l.channel',
          'l.requestId',
          'l.action',
          'l.entityType',
          'l.entityId',
          'l.subjectOrganizationId',
          'l.actorOrganizationId',
          'l.actorApiKeyId',
          'l.before',
          'l.after',
          'u.id as actorId',
          'u.name as actorName',
          'u.email as actorEmail',
        ])
        .where((eb) => {
          const visible = [
            eb('l.subjectOrganizationId', '=', orgId),
            eb('l.actorOrganizationId', '=', orgId),
          ];
          if (a.organization.kind === 'OPERATOR') visible.push(eb('l.subjectOrganizationId', 'is', null));
          return eb.or(visible);
        });
      if (filter.entityType) q = q.where('l.entityType', '=', filter.entityType);
      if (filter.action) q = q.where('l.action', '=', filter.action);
      if (filter.actorUserId) q = q.where('l.actorUserId', '=', filter.actorUserId);
      if (filter.from) q = q.where('l.at', '>=', new Date(`${filter.from}T00:00:00Z`));
      if (filter.to)
        q = q.where('l.at', '<', sql<Date>`${`${filter.to}T00:00:00Z`}::timestamptz + interval '1 day'`);
      if (filter.cursor) {
        const id = Number(filter.cursor);
        if (!Number.isSafeInteger(id) || id <= 0)
          throw invalid([
            {
              path: 'cursor',
              code: 'VAL-FORMAT',
              message: 'is not a cursor returned by this list',
              value: filter.cursor,
            },
          ]);
        q = q.where('l.id', '<', id);
      }
      const rows = await q
        .orderBy('l.id', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      return {
        items: page.map(({ actorId, actorName, actorEmail, ...r }) => ({
          ...r,
          actor: actorId ? { userId: actorId, name: actorName, email: actorEmail } : null,
        })),
        nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
      };
    },
  };
}
