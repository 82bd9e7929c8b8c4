import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';

// SQL only: organisations, accreditors, providers, boards, decisions and memberships.

export type ProviderScope =
  | { all: true }
  | { accreditorId: number }
  | { providerId: number }
  | { none: true };

export const providerColumns = [
  'o.id',
  'p.providerNumber',
  'o.name',
  'p.otherNames',
  'p.organizationType',
  'p.street',
  'p.city',
  'p.state',
  'p.postalCode',
  'p.country',
  'p.website',
  'p.accreditationStatus',
  'p.termStart',
  'p.termEnd',
  'p.jaProfessions',
  'p.accreditorId',
  'ao.name as accreditorName',
  'ao.code as accreditorCode',
] as const;

export function providersQuery(db: Db, scope: ProviderScope) {
  let q = db
    .selectFrom('providers as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizationId')
    .innerJoin('organizations as ao', 'ao.id', 'p.accreditorId')
    .select(providerColumns);
  if ('accreditorId' in scope) q = q.where('p.accreditorId', '=', scope.accreditorId);
  if ('providerId' in scope) q = q.where('p.organizationId', '=', scope.providerId);
  if ('none' in scope) q = q.where(sql<boolean>`false`);
  return q;
}

export type ProviderRow = Awaited<ReturnType<ReturnType<typeof providersQuery>['executeTakeFirstOrThrow']>>;

export function toProviderView(r: ProviderRow) {
  const { accreditorId, accreditorName, accreditorCode, ...rest } = r;
  return { ...rest, accreditor: { id: accreditorId, name: accreditorName, code: accreditorCode } };
}
export type ProviderView = ReturnType<typeof toProviderView>;

export const accreditorOf = (db: Db, organizationId: number) =>
  db
    .selectFrom('accreditors as a')
    .innerJoin('organizations as o', 'o.id', 'a.organizationId')
    .select(['o.id', 'o.code', 'o.name', 'a.accreditorKind', 'a.state', 'a.contactEmail'])
    .where('a.organizationId', '=', organizationId)
    .executeTakeFirst();

export const listAccreditors = (db: Db) =>
  db
    .selectFrom('accreditors as a')
    .innerJoin('organizations as o', 'o.id', 'a.organizationId')
    .select(['o.id', 'o.code', 'o.name', 'a.accreditorKind', 'a.state'])
    .orderBy(sql`CASE a.accreditor_kind WHEN 'ACCME' THEN 0 WHEN 'JOINT_ACCREDITATION' THEN 1 ELSE 2 END`)
    .orderBy('o.name')
    .execute();

export const listBoards = (db: Db) =>
  db
    .selectFrom('boards as b')
    .innerJoin('organizations as o', 'o.id', 'b.organizationId')
    .select([
      'o.id',
      'o.code',
      'o.name',
      'b.boardKind',
      'b.collaborating',
      'b.deliveryMode',
      'b.boardIdRequired',
      'b.state',
    ])
    .orderBy('b.boardKind')
    .orderBy('o.code')
    .execute();

export const organization = (db: Db, id: number) =>
  db
    .selectFrom('organizations')
    .select(['id', 'kind', 'code', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();

export const membersOf = (db: Db, organizationId: number) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id as userId', 'u.name', 'u.email', 'u.status', 'u.lastLoginAt', 'm.roles'])
    .where('m.organizationId', '=', organizationId)
    .orderBy('u.name')
    .execute();

export const membership = (db: Db, organizationId: number, userId: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.id', 'm.roles', 'u.id as userId', 'u.name', 'u.email', 'u.status', 'u.kind'])
    .where('m.organizationId', '=', organizationId)
    .where('m.userId', '=', userId)
    .executeTakeFirst();

/** Members holding a role, counting only people who can still sign in or are invited. */
export const holdersOf = (db: Db, organizationId: number, role: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id as userId', 'u.name', 'u.email', 'm.roles'])
    .where('m.organizationId', '=', organizationId)
    .where('u.status', '<>', 'DEACTIVATED')
    .where(sql<boolean>`${role} = ANY(m.roles)`)
    .execute();
