import { sql } from 'kysely';
import { SYSTEM_AUDIT, writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/connect';
import { yearsPastDeadline } from './deadline.rules';

// decisions.md §16 and program.md §4.4: at go-live the operator force-locks every reporting year whose
// deadline has passed — by this explicit command only, never by a migration or the seed. Set-based:
// one INSERT for every provider × year, one audit INSERT. Running it again locks nothing twice.
export async function lockPastYears(db: Db, clock: Clock): Promise<{ years: number[]; locksAdded: number }> {
  const years = yearsPastDeadline(clock.today());
  if (years.length === 0) return { years, locksAdded: 0 };
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ providerId: number; years: number[] }>`
      WITH added AS (
        INSERT INTO reporting_year_locks (provider_id, year, reason)
        SELECT p.organization_id, y, 'FORCE_LOCKED_AT_GO_LIVE'
        FROM providers p CROSS JOIN unnest(${years}::int[]) AS y
        ON CONFLICT (provider_id, year) DO NOTHING
        RETURNING provider_id, year
      )
      SELECT provider_id AS "providerId", array_agg(year ORDER BY year) AS years FROM added GROUP BY provider_id`.execute(
      trx,
    );
    await writeAudit(
      trx,
      SYSTEM_AUDIT,
      rows.map((r) => ({
        subjectOrganizationId: r.providerId,
        entityType: 'reportingYearLock',
        entityId: r.providerId,
        action: 'FORCE_LOCK',
        after: { years: r.years },
      })),
    );
    return { years, locksAdded: rows.reduce((n, r) => n + r.years.length, 0) };
  });
}
