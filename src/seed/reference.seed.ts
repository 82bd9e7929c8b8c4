import { SYSTEM_AUDIT, writeAudit } from '../platform/audit/audit';
import type { Db } from '../platform/db/connect';
import { codeList } from '../reference/codes';

// Organisations every instance has: ACCME, Joint Accreditation, the operator, and the certifying and
// state licensing boards of codes/boards.tsv. Idempotent: existing rows (by code) are left alone.
export const REFERENCE_ACCREDITORS = [
  { code: 'ACCME', name: 'Accreditation Council for Continuing Medical Education', kind: 'ACCME' as const },
  {
    code: 'JA',
    name: 'Joint Accreditation for Interprofessional Continuing Education',
    kind: 'JOINT_ACCREDITATION' as const,
  },
];
export const OPERATOR_CODE = 'OPERATOR';

async function ensureOrganization(
  trx: Db,
  code: string,
  kind: 'ACCREDITOR' | 'BOARD' | 'OPERATOR',
  name: string,
) {
  const existing = await trx
    .selectFrom('organizations')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const row = await trx
    .insertInto('organizations')
    .values({ kind, code, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export async function seedReferenceOrganizations(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const audits: Parameters<typeof writeAudit>[2] = [];
    for (const acc of REFERENCE_ACCREDITORS) {
      const { id, created } = await ensureOrganization(trx, acc.code, 'ACCREDITOR', acc.name);
      if (created) {
        await trx
          .insertInto('accreditors')
          .values({ organizationId: id, accreditorKind: acc.kind, state: null, contactEmail: null })
          .execute();
        audits.push({
          subjectOrganizationId: id,
          entityType: 'organization',
          entityId: id,
          action: 'CREATE',
          after: acc,
        });
      }
    }
    const op = await ensureOrganization(trx, OPERATOR_CODE, 'OPERATOR', 'OpenPARS operator');
    if (op.created)
      audits.push({
        subjectOrganizationId: op.id,
        entityType: 'organization',
        entityId: op.id,
        action: 'CREATE',
        after: { code: OPERATOR_CODE },
      });
    for (const b of codeList('boards')) {
      const { id, created } = await ensureOrganization(trx, b.code, 'BOARD', b.name);
      if (!created) continue;
      const board = {
        organizationId: id,
        boardKind: b.kind === 'state' ? ('STATE' as const) : ('CERTIFYING' as const),
        collaborating: b.collaborating === 'yes',
        deliveryMode: (b.default_delivery_mode || 'VIEW') as 'ROSTER' | 'API' | 'VIEW',
        boardIdRequired: b.board_id_required === 'yes',
        state: b.kind === 'state' ? b.code.replace(/^ST-/, '').slice(0, 2) : null,
      };
      await trx.insertInto('boards').values(board).execute();
      audits.push({
        subjectOrganizationId: id,
        entityType: 'organization',
        entityId: id,
        action: 'CREATE',
        after: { code: b.code, name: b.name, ...board },
      });
    }
    await writeAudit(trx, SYSTEM_AUDIT, audits);
    return audits.length;
  });
}
