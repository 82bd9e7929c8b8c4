import { sql } from 'kysely';
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

/**
 * The live activities of one provider that a batch's keys touch, in one query. Legacy keys
 * (formats.md §3.7) never match CURRENT records and vice versa, so each rule-set family is read apart;
 * for legacy records the caller adds the reporting year to the key.
 */
export async function prefetchByKeys(
  db: Db,
  providerId: number,
  ids: number[],
  providerKeys: string[],
  family: 'CURRENT' | 'LEGACY' = 'CURRENT',
): Promise<StoredActivity[]> {
  if (ids.length === 0 && providerKeys.length === 0) return [];
  return db
    .selectFrom('activities as a')
    .select([...storedColumns, 'a.providerActivityId'])
    .where('a.providerId', '=', providerId)
    .where('a.deletedAt', 'is', null)
    .where('a.ruleSet', family === 'CURRENT' ? '=' : '<>', 'CURRENT')
    .where((eb) => {
      const ors = [];
      if (ids.length) ors.push(eb('a.parsActivityId', 'in', ids));
      if (providerKeys.length) ors.push(eb(sql`lower(a.provider_activity_id)`, 'in', providerKeys));
      return eb.or(ors);
    })
    .execute() as Promise<StoredActivity[]>;
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
