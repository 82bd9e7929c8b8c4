import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/connect';

// SQL only. Searchable fields are columns; the normalised record is `data` (jsonb).

const storedColumns = [
  'a.parsActivityId',
  'a.providerId',
  'a.ruleSet',
  'a.reportingYear',
  'a.status',
  'a.targetStatus',
  'a.version',
  'a.repeatGroupId',
  'a.data',
  'a.createdAt',
  'a.updatedAt',
] as const;

/** One live activity with its provider number, limited to the given providers ('ALL' for no limit). */
export async function findLive(db: Db, parsActivityId: number, providers: number[] | 'ALL') {
  let q = db
    .selectFrom('activities as a')
    .innerJoin('providers as p', 'p.organizationId', 'a.providerId')
    .select([...storedColumns, 'p.providerNumber'])
    .where('a.parsActivityId', '=', parsActivityId)
    .where('a.deletedAt', 'is', null);
  if (providers !== 'ALL') q = q.where('a.providerId', 'in', providers.length ? providers : [-1]);
  return q.executeTakeFirst();
}

export type StoredActivity = {
  parsActivityId: number;
  providerId: number;
  providerActivityId: string | null;
  ruleSet: string;
  reportingYear: number;
  status: string;
  targetStatus: string;
  version: number;
  repeatGroupId: string | null;
  data: unknown;
  createdAt: Date;
  updatedAt: Date;
};

/** A row of `activities` or its scratch copy (both aliased `a`) with one of these IDs or keys. */
function matchesIdsOrKeys(eb: ExpressionBuilder<KeyedRow, 'a'>, ids: number[], providerKeys: string[]) {
  const ors = [];
  if (ids.length) ors.push(eb('a.parsActivityId', 'in', ids));
  if (providerKeys.length) ors.push(eb(sql`lower(a.provider_activity_id)`, 'in', providerKeys));
  return eb.or(ors);
}
type KeyedRow = { a: { parsActivityId: number; providerActivityId: string | null } };

/**
 * The live activities of one provider that a batch's keys touch, in one query. Legacy keys
 * (formats.md §3.7) never match CURRENT records and vice versa, so each rule-set family is read apart;
 * for legacy records the caller adds the reporting year to the key. With `scratchUploadId` (a dry run,
 * formats.md §8.8) the dry run's earlier effects overlay the live rows: a record the dry run has
 * touched is read from its scratch copy (and not at all once the dry run deleted it).
 */
export async function prefetchByKeys(
  db: Db,
  providerId: number,
  ids: number[],
  providerKeys: string[],
  family: 'CURRENT' | 'LEGACY' = 'CURRENT',
  scratchUploadId?: string,
): Promise<StoredActivity[]> {
  if (ids.length === 0 && providerKeys.length === 0) return [];
  let live = db
    .selectFrom('activities as a')
    .select([...storedColumns, 'a.providerActivityId'])
    .where('a.providerId', '=', providerId)
    .where('a.deletedAt', 'is', null)
    .where('a.ruleSet', family === 'CURRENT' ? '=' : '<>', 'CURRENT')
    .where((eb) => matchesIdsOrKeys(eb, ids, providerKeys));
  if (!scratchUploadId) return live.execute() as Promise<StoredActivity[]>;
  live = live.where(({ not, exists, selectFrom }) =>
    not(
      exists(
        selectFrom('uploadScratchActivities as s')
          .select('s.parsActivityId')
          .where('s.uploadId', '=', scratchUploadId)
          .whereRef('s.parsActivityId', '=', 'a.parsActivityId'),
      ),
    ),
  );
  const scratch = db
    .selectFrom('uploadScratchActivities as a')
    .select([...storedColumns, 'a.providerActivityId'])
    .where('a.uploadId', '=', scratchUploadId)
    .where('a.providerId', '=', providerId)
    .where('a.deleted', '=', false)
    .where('a.ruleSet', family === 'CURRENT' ? '=' : '<>', 'CURRENT')
    .where((eb) => matchesIdsOrKeys(eb, ids, providerKeys));
  return [...(await live.execute()), ...(await scratch.execute())] as StoredActivity[];
}

/** A dry run's effects (formats.md §8.8), written where its later batches will read them. */
export async function writeScratch(
  db: Db,
  uploadId: string,
  rows: (Omit<StoredActivity, 'createdAt' | 'updatedAt'> & { deleted: boolean })[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('uploadScratchActivities')
    .values(
      rows.map((r) => ({
        uploadId,
        parsActivityId: r.parsActivityId,
        providerId: r.providerId,
        providerActivityId: r.providerActivityId,
        ruleSet: r.ruleSet,
        reportingYear: r.reportingYear,
        status: r.status,
        targetStatus: r.targetStatus,
        version: r.version,
        repeatGroupId: r.repeatGroupId,
        data: JSON.stringify(r.data),
        deleted: r.deleted,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['uploadId', 'parsActivityId']).doUpdateSet((eb) => ({
        providerActivityId: eb.ref('excluded.providerActivityId'),
        ruleSet: eb.ref('excluded.ruleSet'),
        reportingYear: eb.ref('excluded.reportingYear'),
        status: eb.ref('excluded.status'),
        targetStatus: eb.ref('excluded.targetStatus'),
        version: eb.ref('excluded.version'),
        repeatGroupId: eb.ref('excluded.repeatGroupId'),
        data: eb.ref('excluded.data'),
        deleted: eb.ref('excluded.deleted'),
        updatedAt: sql`now()`,
      })),
    )
    .execute();
}

/** The lowest temporary ID a dry run has given so far (its new records get negative IDs, never real ones). */
export async function lowestScratchId(db: Db, uploadId: string): Promise<number> {
  const row = await db
    .selectFrom('uploadScratchActivities')
    .select((eb) => eb.fn.min('parsActivityId').as('min'))
    .where('uploadId', '=', uploadId)
    .executeTakeFirst();
  return Math.min(0, Number(row?.min ?? 0));
}

export async function lockedYears(db: Db, providerId: number, years: number[]): Promise<Set<number>> {
  if (years.length === 0) return new Set();
  const rows = await db
    .selectFrom('reportingYearLocks')
    .select('year')
    .where('providerId', '=', providerId)
    .where('year', 'in', years)
    .execute();
  return new Set(rows.map((r) => r.year));
}

/** Locks reporting years for a provider (archive imports lock what they load, formats.md §3.7). */
export async function lockYears(db: Db, providerId: number, years: number[], reason: string): Promise<void> {
  if (years.length === 0) return;
  await db
    .insertInto('reportingYearLocks')
    .values(years.map((year) => ({ providerId, year, reason })))
    .onConflict((oc) => oc.columns(['providerId', 'year']).doNothing())
    .execute();
}
