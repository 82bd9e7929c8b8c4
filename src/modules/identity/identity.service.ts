import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/connect';
import { AppError, invalid, notFound } from '../../platform/errors';
import type { Mailer } from '../../platform/mail/mailer';
import { type Actor, auditContext, requireActor, requirePermission } from './actor';
import * as repo from './identity.repository';
import { passwordProblems } from './password.rules';
import { type OrganizationKind, permissionsFor } from './permissions.rules';
import { hashPassword, randomToken, sha256, verifyPassword } from './secrets';

export type IdentityDeps = { db: Db; clock: Clock; mailer: Mailer; config: Config; log: Logger };

const MINUTE = 60_000;
const INVITATION_DAYS = 7;
const RESET_MINUTES = 60;
const LOCK_WINDOW_MINUTES = 15;
const LOCK_AFTER_FAILURES_PER_IP = 10;
// Failures from every source together slow the account down without locking its owner out.
const ACCOUNT_BACKOFF_AFTER = 20;

export type SignedIn = { sessionToken: string; csrfToken: string; userId: string; expiresAt: Date };

export type IdentityService = ReturnType<typeof createIdentityService>;

export function createIdentityService(deps: IdentityDeps) {
  const { db, mailer, config, log } = deps;
  const idleMs = config.sessionIdleMinutes * MINUTE;
  const absoluteMs = config.sessionAbsoluteHours * 60 * MINUTE;

  async function startSession(userId: string, organizationId: number | null): Promise<SignedIn> {
    const sessionToken = randomToken();
    const csrfToken = randomToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + absoluteMs);
    await db
      .insertInto('sessions')
      .values({ id: sha256(sessionToken), userId, organizationId, csrfToken, lastSeenAt: now, expiresAt })
      .execute();
    return { sessionToken, csrfToken, userId, expiresAt };
  }

  async function defaultOrganization(userId: string): Promise<number | null> {
    const memberships = await repo.membershipsOfUser(db, userId);
    return memberships[0]?.id ?? null;
  }

  async function actorFor(
    user: { id: string; kind: 'STAFF' | 'PHYSICIAN' },
    organizationId: number | null,
    base: Pick<Actor, 'apiKeyId' | 'sessionId' | 'channel' | 'requestId'>,
  ): Promise<Actor> {
    const memberships = await repo.membershipsOfUser(db, user.id);
    const current =
      memberships.find((m) => m.id === organizationId) ?? (base.apiKeyId ? undefined : memberships[0]);
    return {
      ...base,
      userId: user.id,
      userKind: user.kind,
      organization: current
        ? { id: current.id, kind: current.kind, code: current.code, name: current.name }
        : null,
      roles: current?.roles ?? [],
      permissions: current ? permissionsFor(current.kind as OrganizationKind, current.roles) : [],
    };
  }

  async function recordAttempt(email: string, ip: string, succeeded: boolean) {
    await db.insertInto('loginAttempts').values({ email: email.toLowerCase(), ip, succeeded }).execute();
  }

  async function throttle(email: string, ip: string) {
    const since = new Date(Date.now() - LOCK_WINDOW_MINUTES * MINUTE);
    const fromIp = await repo.countFailures(db, email, since, ip);
    if (fromIp.count >= LOCK_AFTER_FAILURES_PER_IP) {
      throw new AppError(
        'REQ-RATE-LIMITED',
        `Too many failed sign-in attempts. Sign-in for this account is blocked from your address for ${LOCK_WINDOW_MINUTES} minutes.`,
      );
    }
    const all = await repo.countFailures(db, email, since);
    if (all.count >= ACCOUNT_BACKOFF_AFTER && all.last) {
      const waitMs = Math.min(2 ** (all.count - ACCOUNT_BACKOFF_AFTER) * 1000, LOCK_WINDOW_MINUTES * MINUTE);
      if (Date.now() - all.last.getTime() < waitMs) {
        throw new AppError(
          'REQ-RATE-LIMITED',
          'Too many failed sign-in attempts for this account. Wait a moment and try again.',
        );
      }
    }
  }

  async function onFailure(
    email: string,
    ip: string,
    user: { id: string; email: string; name: string } | undefined,
    requestId: string | null,
  ) {
    await recordAttempt(email, ip, false);
    await db.transaction().execute(async (trx) => {
      await writeAudit(trx, { ...auditContext(null, 'WEB'), requestId }, [
        {
          subjectOrganizationId: null,
          entityType: 'user',
          entityId: user?.id ?? 'unknown',
          action: 'LOGIN_FAILED',
        },
      ]);
      if (!user) return;
      const since = new Date(Date.now() - LOCK_WINDOW_MINUTES * MINUTE);
      const fromIp = await repo.countFailures(trx, email, since, ip);
      if (fromIp.count === LOCK_AFTER_FAILURES_PER_IP) {
        await mailer.enqueue(trx, {
          to: user.email,
          template: 'sign-in-blocked',
          subject: 'OpenPARS — sign-in temporarily blocked',
          text: `Hello ${user.name},\n\nThere were ${LOCK_AFTER_FAILURES_PER_IP} failed attempts to sign in to your OpenPARS account within ${LOCK_WINDOW_MINUTES} minutes. Sign-in from that network address is blocked for ${LOCK_WINDOW_MINUTES} minutes.\n\nIf this was not you, reset your password from the sign-in page ("Can't log in or forgot your password?").\n`,
        });
      }
    });
    await mailer.flush();
  }

  async function issueToken(
    trx: Db,
    userId: string,
    purpose: 'INVITATION' | 'PASSWORD_RESET',
    ttlMs: number,
  ) {
    const token = randomToken();
    // A new link replaces the old ones of the same purpose.
    await trx
      .updateTable('oneTimeTokens')
      .set({ usedAt: new Date() })
      .where('userId', '=', userId)
      .where('purpose', '=', purpose)
      .where('usedAt', 'is', null)
      .execute();
    await trx
      .insertInto('oneTimeTokens')
      .values({
        id: randomUUID(),
        userId,
        purpose,
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + ttlMs),
      })
      .execute();
    return token;
  }

  async function consumeToken(trx: Db, token: string, purpose: 'INVITATION' | 'PASSWORD_RESET') {
    const row = await repo.findValidToken(trx, sha256(token), purpose, new Date());
    if (!row)
      throw new AppError(
        'REQ-TOKEN-INVALID',
        'This link has expired or has already been used. Ask for a new one.',
      );
    const used = await trx
      .updateTable('oneTimeTokens')
      .set({ usedAt: new Date() })
      .where('id', '=', row.id)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1)
      throw new AppError('REQ-TOKEN-INVALID', 'This link has already been used.');
    return row;
  }

  async function setPassword(trx: Db, user: { id: string; email: string }, password: string) {
    const problems = passwordProblems(password, user.email);
    if (problems.length) throw invalid(problems, 'The password does not meet the rules.');
    const now = new Date();
    await trx
      .updateTable('users')
      .set({ passwordHash: await hashPassword(password), passwordChangedAt: now, updatedAt: now })
      .where('id', '=', user.id)
      .execute();
    await repo.endSessionsOfUser(trx, user.id, now);
  }

  return {
    async login(input: {
      email: string;
      password: string;
      ip: string;
      requestId: string | null;
    }): Promise<SignedIn> {
      const email = input.email.trim();
      await throttle(email, input.ip);
      const user = await repo.findUserByEmail(db, email);
      const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !ok || user.status !== 'ACTIVE') {
        await onFailure(email, input.ip, user, input.requestId);
        throw new AppError('REQ-UNAUTHENTICATED', 'The email or password is not correct.');
      }
      await recordAttempt(email, input.ip, true);
      const session = await startSession(user.id, await defaultOrganization(user.id));
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ lastLoginAt: new Date() }).where('id', '=', user.id).execute();
        await writeAudit(
          trx,
          { ...auditContext(null, 'WEB'), requestId: input.requestId, actorUserId: user.id },
          [{ subjectOrganizationId: null, entityType: 'user', entityId: user.id, action: 'LOGIN' }],
        );
      });
      return session;
    },

    /** The actor behind a session cookie, or null when the session is unknown, ended or expired. */
    async actorFromSession(
      token: string,
      requestId: string | null,
    ): Promise<{ actor: Actor; csrfToken: string } | null> {
      const id = sha256(token);
      const session = await repo.findSession(db, id);
      if (!session) return null;
      const now = Date.now();
      if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs <= now) {
        await db.updateTable('sessions').set({ endedAt: new Date() }).where('id', '=', id).execute();
        return null;
      }
      const user = await repo.findUserById(db, session.userId);
      if (user?.status !== 'ACTIVE') return null;
      // Touch at most once a minute: idle expiry needs no finer grain and reads stay cheap.
      if (now - session.lastSeenAt.getTime() > MINUTE) {
        await db.updateTable('sessions').set({ lastSeenAt: new Date() }).where('id', '=', id).execute();
      }
      const actor = await actorFor(user, session.organizationId, {
        apiKeyId: null,
        sessionId: id,
        channel: 'WEB',
        requestId,
      });
      return { actor, csrfToken: session.csrfToken };
    },

    async actorFromApiKey(key: string, requestId: string | null): Promise<Actor | null> {
      const row = await repo.findApiKeyByHash(db, sha256(key));
      if (!row || row.revokedAt || row.creatorStatus === 'DEACTIVATED') return null;
      const user = await repo.findUserById(db, row.createdBy);
      if (!user) return null;
      const actor = await actorFor(user, row.organizationId, {
        apiKeyId: row.id,
        sessionId: null,
        channel: 'API',
        requestId,
      });
      // A key acts for its organisation only while its creator still belongs to it.
      if (actor.organization?.id !== row.organizationId) return null;
      if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > MINUTE) {
        await db.updateTable('apiKeys').set({ lastUsedAt: new Date() }).where('id', '=', row.id).execute();
      }
      return actor;
    },

    async logout(actor: Actor | null) {
      if (!actor?.sessionId) return;
      await db
        .updateTable('sessions')
        .set({ endedAt: new Date() })
        .where('id', '=', actor.sessionId)
        .execute();
    },

    async me(actor: Actor | null) {
      const a = requireActor(actor);
      if (!a.userId) throw notFound('user');
      const user = await repo.findUserById(db, a.userId);
      if (!user) throw notFound('user');
      const memberships = await repo.membershipsOfUser(db, user.id);
      return {
        user: { id: user.id, email: user.email, name: user.name, kind: user.kind, status: user.status },
        organizations: memberships.map((m) => ({
          id: m.id,
          kind: m.kind,
          code: m.code,
          name: m.name,
          roles: m.roles,
          permissions: permissionsFor(m.kind as OrganizationKind, m.roles),
        })),
        currentOrganizationId: a.organization?.id ?? null,
        permissions: a.permissions,
      };
    },

    async switchOrganization(actor: Actor | null, organizationId: number) {
      const a = requireActor(actor);
      if (!a.sessionId || !a.userId)
        throw new AppError('REQ-FORBIDDEN', 'An API key is bound to one organisation.');
      const memberships = await repo.membershipsOfUser(db, a.userId);
      if (!memberships.some((m) => m.id === organizationId)) throw notFound('organisation');
      await db.updateTable('sessions').set({ organizationId }).where('id', '=', a.sessionId).execute();
    },

    /** Always answers the same way; mails a link only when the account exists and can sign in. */
    async requestPasswordReset(email: string, requestId: string | null) {
      const user = await repo.findUserByEmail(db, email.trim());
      if (!user || user.status === 'DEACTIVATED' || user.status === 'INVITED') {
        log.info({ requestId }, 'password reset requested for no active account');
        return;
      }
      await db.transaction().execute(async (trx) => {
        const token = await issueToken(trx, user.id, 'PASSWORD_RESET', RESET_MINUTES * MINUTE);
        await mailer.enqueue(trx, {
          to: user.email,
          template: 'password-reset',
          subject: 'OpenPARS — reset your password',
          text: `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your OpenPARS account.\n\nSet a new password here (the link works once, for ${RESET_MINUTES} minutes):\n${config.publicUrl}/reset-password?token=${token}\n\nIf you did not ask for this, ignore this message; your password stays as it is.\n`,
        });
        await writeAudit(trx, { ...auditContext(null, 'WEB'), requestId }, [
          {
            subjectOrganizationId: null,
            entityType: 'user',
            entityId: user.id,
            action: 'PASSWORD_RESET_REQUESTED',
          },
        ]);
      });
      await mailer.flush();
    },

    async completePasswordReset(token: string, password: string, requestId: string | null) {
      await db.transaction().execute(async (trx) => {
        const row = await consumeToken(trx, token, 'PASSWORD_RESET');
        const user = await repo.findUserById(trx, row.userId);
        if (!user || user.status === 'DEACTIVATED')
          throw new AppError('REQ-TOKEN-INVALID', 'This account can no longer sign in.');
        await setPassword(trx, user, password);
        if (user.status === 'LOCKED') {
          await trx.updateTable('users').set({ status: 'ACTIVE' }).where('id', '=', user.id).execute();
        }
        await writeAudit(trx, { ...auditContext(null, 'WEB'), requestId, actorUserId: user.id }, [
          { subjectOrganizationId: null, entityType: 'user', entityId: user.id, action: 'PASSWORD_RESET' },
        ]);
      });
    },

    async getInvitation(token: string) {
      const row = await repo.findValidToken(db, sha256(token), 'INVITATION', new Date());
      if (!row)
        throw new AppError(
          'REQ-TOKEN-INVALID',
          'This invitation link has expired or has already been used. Ask for a new one.',
        );
      const user = await repo.findUserById(db, row.userId);
      if (!user || user.status === 'DEACTIVATED')
        throw new AppError('REQ-TOKEN-INVALID', 'This invitation is no longer valid.');
      const memberships = await repo.membershipsOfUser(db, user.id);
      return {
        email: user.email,
        name: user.name,
        organizationName: memberships[0]?.name ?? null,
        passwordAlreadySet: user.passwordHash !== null,
      };
    },

    async acceptInvitation(input: {
      token: string;
      password: string;
      acceptTerms: boolean;
      requestId: string | null;
    }) {
      if (!input.acceptTerms) {
        throw invalid([
          { path: 'acceptTerms', code: 'VAL-REQUIRED', message: 'accept the terms of use to continue' },
        ]);
      }
      const userId = await db.transaction().execute(async (trx) => {
        const row = await consumeToken(trx, input.token, 'INVITATION');
        const user = await repo.findUserById(trx, row.userId);
        if (!user || user.status === 'DEACTIVATED')
          throw new AppError('REQ-TOKEN-INVALID', 'This invitation is no longer valid.');
        await setPassword(trx, user, input.password);
        const now = new Date();
        await trx
          .updateTable('users')
          .set({ status: 'ACTIVE', termsAcceptedAt: now, emailConfirmedAt: now, updatedAt: now })
          .where('id', '=', user.id)
          .execute();
        await writeAudit(
          trx,
          { ...auditContext(null, 'WEB'), requestId: input.requestId, actorUserId: user.id },
          [
            {
              subjectOrganizationId: null,
              entityType: 'user',
              entityId: user.id,
              action: 'INVITATION_ACCEPTED',
              before: { status: user.status },
              after: { status: 'ACTIVE' },
            },
          ],
        );
        return user.id;
      });
      return startSession(userId, await defaultOrganization(userId));
    },

    /** Used by the organisations service inside its transaction when it invites someone. */
    async issueInvitation(
      trx: Db,
      user: { id: string; email: string; name: string },
      organizationName: string,
      inviterName: string | null,
    ) {
      const token = await issueToken(trx, user.id, 'INVITATION', INVITATION_DAYS * 24 * 60 * MINUTE);
      await mailer.enqueue(trx, {
        to: user.email,
        template: 'invitation',
        subject: 'OpenPARS — system access granted',
        text: `Hello ${user.name},\n\n${inviterName ?? 'OpenPARS'} has given you access to ${organizationName} in OpenPARS.\n\nSet your password here (the link works once, for ${INVITATION_DAYS} days):\n${config.publicUrl}/invitation?token=${token}\n\nYour sign-in is this email address.\n`,
      });
    },

    async notifyAccessGranted(trx: Db, user: { email: string; name: string }, organizationName: string) {
      await mailer.enqueue(trx, {
        to: user.email,
        template: 'access-granted',
        subject: 'OpenPARS — system access granted',
        text: `Hello ${user.name},\n\nYou now have access to ${organizationName} in OpenPARS. Sign in with your existing account at ${config.publicUrl}/login and choose it in the organisation switcher.\n`,
      });
    },

    async listApiKeys(actor: Actor | null) {
      const a = requirePermission(actor, 'api.manage');
      const rows = await db
        .selectFrom('apiKeys as k')
        .innerJoin('users as u', 'u.id', 'k.createdBy')
        .select([
          'k.id',
          'k.name',
          'k.prefix',
          'k.createdAt',
          'k.lastUsedAt',
          'k.revokedAt',
          'u.name as creatorName',
        ])
        .where('k.organizationId', '=', a.organization.id)
        .orderBy('k.createdAt', 'desc')
        .execute();
      return rows.map(({ creatorName, ...k }) => ({ ...k, createdBy: { name: creatorName } }));
    },

    async createApiKey(actor: Actor | null, name: string) {
      const a = requirePermission(actor, 'api.manage');
      // A key's actor carries its creator's user id, so the key itself must be checked.
      if (!a.userId || a.apiKeyId)
        throw new AppError('REQ-FORBIDDEN', 'API keys are created by a person, not by another key.');
      const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
      const key = `opk_${prefix}_${randomToken(32)}`;
      const row = {
        id: randomUUID(),
        organizationId: a.organization.id,
        name,
        prefix: `opk_${prefix}`,
        keyHash: sha256(key),
        createdBy: a.userId,
      };
      const created = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('apiKeys')
          .values(row)
          .returning(['id', 'name', 'prefix', 'createdAt'])
          .executeTakeFirstOrThrow();
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: a.organization.id,
            entityType: 'apiKey',
            entityId: row.id,
            action: 'CREATE',
            after: { name, prefix: row.prefix },
          },
        ]);
        return inserted;
      });
      return { ...created, key };
    },

    async revokeApiKey(actor: Actor | null, id: string) {
      const a = requirePermission(actor, 'api.manage');
      await db.transaction().execute(async (trx) => {
        const key = await trx
          .selectFrom('apiKeys')
          .select(['id', 'name', 'revokedAt'])
          .where('id', '=', id)
          .where('organizationId', '=', a.organization.id)
          .executeTakeFirst();
        if (!key) throw notFound('API key');
        if (key.revokedAt) return;
        await trx.updateTable('apiKeys').set({ revokedAt: new Date() }).where('id', '=', id).execute();
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: a.organization.id,
            entityType: 'apiKey',
            entityId: id,
            action: 'REVOKE',
            before: { revokedAt: null },
            after: { revokedAt: new Date() },
          },
        ]);
      });
    },
  };
}
