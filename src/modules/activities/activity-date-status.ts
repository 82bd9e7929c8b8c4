import { sql } from 'kysely';
import type { AuditEntry } from '../../platform/audit/audit';
import { SYSTEM_AUDIT, writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/connect';
import { type ActivityRecord, evaluateStatus, type RuleContext } from './activity.rules';

// The one change the date alone drives (activities.md §3.2 step 5): once an activity's end date has
// passed, ACTIVE becomes READY_TO_CLOSE and an AUTO target becomes CLOSED (so the closing requirements
// still missing are listed). Only records whose stored evaluation assumed an end date not yet passed
// are read — an indexed query that finds nothing on most runs — so running it again, or late, is
// harmless. Each chunk is recomputed by the same rules as every write and saved with one UPDATE and
// one audit INSERT.

export const DATE_STATUS_QUEUE = 'activities-date-statuses';
const CHUNK = 1000;

type Stale = {
  parsActivityId: number;
  providerId: number;
  status: string;
  targetStatus: string;
  data: ActivityRecord & { missing?: unknown };
};

export async function recomputeDateDrivenStatuses(
  db: Db,
  today: string,
  contextFor: (providerId: number) => Promise<RuleContext>,
): Promise<{ changed: number }> {
  const contexts = new Map<number, RuleContext>();
  let after = 0;
  let changed = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('activities')
      .select(['parsActivityId', 'providerId', 'status', 'targetStatus', 'data'])
      .where('deletedAt', 'is', null)
      .where('ruleSet', '=', 'CURRENT')
      .where('endDate', '<', today)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'ACTIVE'),
          eb.and([eb('requestedStatus', '=', 'AUTO'), eb('targetStatus', '=', 'ACTIVE')]),
        ]),
      )
      .where('parsActivityId', '>', after)
      .orderBy('parsActivityId')
      .limit(CHUNK)
      .execute()) as Stale[];
    if (rows.length === 0) return { changed };
    after = rows[rows.length - 1]!.parsActivityId;
    const updates: {
      id: number;
      status: string;
      target: string;
      missing: string[];
      data: unknown;
      was_status: string;
      was_target: string;
    }[] = [];
    const audits: AuditEntry[] = [];
    for (const row of rows) {
      let ctx = contexts.get(row.providerId);
      if (!ctx) {
        ctx = await contextFor(row.providerId);
        contexts.set(row.providerId, ctx);
      }
      const { missing: _stored, ...record } = row.data;
      const evaluation = evaluateStatus(record as ActivityRecord, ctx);
      if (evaluation.status === row.status && evaluation.targetStatus === row.targetStatus) continue;
      updates.push({
        id: row.parsActivityId,
        status: evaluation.status,
        target: evaluation.targetStatus,
        missing: evaluation.missing.map((m) => m.requirement),
        data: { ...record, missing: evaluation.missing },
        was_status: row.status,
        was_target: row.targetStatus,
      });
      audits.push({
        subjectOrganizationId: row.providerId,
        entityType: 'activity',
        entityId: row.parsActivityId,
        action: 'UPDATE',
        before: { status: row.status, targetStatus: row.targetStatus },
        after: { status: evaluation.status, targetStatus: evaluation.targetStatus },
      });
    }
    if (updates.length === 0) continue;
    changed += await db.transaction().execute(async (trx) => {
      // the guard leaves a record edited meanwhile (and so recomputed by its edit) as the edit left it
      const { rows: done } = await sql<{ id: number }>`
        UPDATE activities a SET status = x.status, target_status = x.target, missing_requirements = x.missing,
          data = x.data, version = a.version + 1, updated_at = now(), updated_by = NULL
        FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
          AS x(id bigint, status text, target text, missing text[], data jsonb, was_status text, was_target text)
        WHERE a.pars_activity_id = x.id AND a.deleted_at IS NULL AND a.end_date < ${today}::date
          AND a.status = x.was_status AND a.target_status = x.was_target
        RETURNING a.pars_activity_id AS id`.execute(trx);
      const updated = new Set(done.map((d) => Number(d.id)));
      await writeAudit(
        trx,
        SYSTEM_AUDIT,
        audits.filter((a) => updated.has(Number(a.entityId))),
      );
      return updated.size;
    });
  }
}
