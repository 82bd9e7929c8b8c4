import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';

// SQL only: sessions, users, memberships, one-time tokens, login attempts and API keys.

export const findUserByEmail = (db: Db, email: string) =>
  db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const membershipsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organizationId')
    .select(['o.id', 'o.kind', 'o.code', 'o.name', 'm.roles'])
    .where('m.userId', '=', userId)
    .orderBy('o.name')
    .execute();

export const findSession = (db: Db, id: string) =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).where('endedAt', 'is', null).executeTakeFirst();

export const endSessionsOfUser = (db: Db, userId: string, at: Date) =>
  db
    .updateTable('sessions')
    .set({ endedAt: at })
    .where('userId', '=', userId)
    .where('endedAt', 'is', null)
    .execute();

export const findValidToken = (
  db: Db,
  tokenHash: string,
  purpose: 'INVITATION' | 'PASSWORD_RESET',
  now: Date,
) =>
  db
    .selectFrom('oneTimeTokens')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();

export async function countFailures(db: Db, email: string, since: Date, ip?: string) {
  let q = db
    .selectFrom('loginAttempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('succeeded', '=', false)
    .where('at', '>', since);
  if (ip) q = q.where('ip', '=', ip);
  const row = await q.executeTakeFirstOrThrow();
  return { count: Number(row.n), last: row.last ? new Date(row.last as Date) : null };
}

export const findApiKeyByHash = (db: Db, keyHash: string) =>
  db
    .selectFrom('apiKeys as k')
    .innerJoin('users as u', 'u.id', 'k.createdBy')
    .select([
      'k.id',
      'k.organizationId',
      'k.revokedAt',
      'k.createdBy',
      'k.lastUsedAt',
      'u.status as creatorStatus',
    ])
    .where('k.keyHash', '=', keyHash)
    .executeTakeFirst();

export const organizationById = (db: Db, id: number) =>
  db
    .selectFrom('organizations')
    .select(['id', 'kind', 'code', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
