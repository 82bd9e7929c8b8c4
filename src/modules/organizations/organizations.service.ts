import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { changedOnly, writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/connect';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors';
import type { Mailer } from '../../platform/mail/mailer';
import { type Actor, auditContext, requireActor, requirePermission } from '../identity/actor';
import type { IdentityService } from '../identity/identity.service';
import {
  canManagePeople,
  type OrganizationKind,
  ROLE_LABELS,
  type Role,
} from '../identity/permissions.rules';
import * as repo from './organizations.repository';
import { providerProblems, roleProblems } from './organizations.rules';
import type { CreateProviderInput, PatchProviderInput } from './organizations.schema';

export type OrganizationsDeps = { db: Db; clock: Clock; mailer: Mailer; identity: IdentityService };
export type OrganizationsService = ReturnType<typeof createOrganizationsService>;

const PAGE_MAX = 200;

type Cursor = { name: string; id: number };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(value: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.name === 'string' && typeof c.id === 'number') return c;
  } catch {
    // fall through
  }
  throw invalid([
    { path: 'cursor', code: 'VAL-FORMAT', message: 'is not a cursor returned by this list', value },
  ]);
}

export function createOrganizationsService(deps: OrganizationsDeps) {
  const { db, clock, mailer, identity } = deps;

  /** Which providers the actor may see (program.md §2.2; issue "Authorization in the services"). */
  async function providerScope(actor: Actor): Promise<repo.ProviderScope> {
    const org = actor.organization;
    if (!org) return { none: true };
    if (org.kind === 'PROVIDER' && actor.permissions.includes('org.view')) return { providerId: org.id };
    if (org.kind === 'OPERATOR') return { all: true };
    if (org.kind === 'ACCREDITOR' && actor.permissions.includes('providers.view')) {
      const acc = await repo.accreditorOf(db, org.id);
      return acc?.accreditorKind === 'ACCME' ? { all: true } : { accreditorId: org.id };
    }
    return { none: true };
  }

  async function providerInScope(actor: Actor, id: number, trx: Db = db) {
    const row = await repo
      .providersQuery(trx, await providerScope(actor))
      .where('o.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('provider');
    return row;
  }

  async function isAccme(actor: Actor) {
    return (
      actor.organization?.kind === 'ACCREDITOR' &&
      (await repo.accreditorOf(db, actor.organization.id))?.accreditorKind === 'ACCME'
    );
  }

  /** May the actor add, change and remove people of this organisation? Throws 404/403 otherwise. */
  async function authorizePeopleChange(actor: Actor, organizationId: number) {
    const a = requireActor(actor);
    const target = await repo.organization(db, organizationId);
    if (!target) throw notFound('organisation');
    const acting = a.organization;
    if (acting?.id === organizationId) {
      if (canManagePeople(acting.kind as OrganizationKind, a.roles)) return target;
      throw forbidden(
        'Only the Primary or CEO Contact, or an administrator, can change the people of an organisation.',
      );
    }
    // An accreditor administrator looks after the contacts of its own providers.
    if (target.kind === 'PROVIDER' && a.permissions.includes('providers.manage')) {
      await providerInScope(a, organizationId);
      return target;
    }
    // The operator onboards boards and accreditors.
    if (acting?.kind === 'OPERATOR' && a.permissions.includes('staff.manage') && target.kind !== 'PROVIDER')
      return target;
    throw notFound('organisation');
  }

  async function authorizePeopleView(actor: Actor, organizationId: number) {
    const a = requireActor(actor);
    const target = await repo.organization(db, organizationId);
    if (!target) throw notFound('organisation');
    if (a.organization?.id === organizationId && a.permissions.includes('org.view')) return target;
    if (target.kind === 'PROVIDER') {
      await providerInScope(a, organizationId);
      return target;
    }
    if (a.organization?.kind === 'OPERATOR') return target;
    throw notFound('organisation');
  }

  async function notifyAccreditorOfContactChange(trx: Db, providerId: number, change: string) {
    const provider = await repo.providersQuery(trx, { providerId }).executeTakeFirst();
    if (!provider) return;
    const admins = await repo.holdersOf(trx, provider.accreditorId, 'ACCREDITOR_ADMIN');
    for (const admin of admins) {
      await mailer.enqueue(trx, {
        to: admin.email,
        template: 'contact-change',
        subject: `OpenPARS — contact change at ${provider.name}`,
        text: `Hello ${admin.name},\n\n${provider.name} (provider ${provider.providerNumber}) changed its contacts: ${change}.\n`,
      });
    }
  }

  /** Exactly one Primary Contact: assigning it moves it; removing the last one is refused. */
  async function applyRoles(
    trx: Db,
    actor: Actor,
    org: { id: number; kind: OrganizationKind; name: string },
    person: { userId: string; name: string },
    before: string[],
    after: string[],
  ) {
    const audits: Parameters<typeof writeAudit>[2] = [];
    if (org.kind === 'PROVIDER') {
      const primaries = (await repo.holdersOf(trx, org.id, 'PRIMARY')).filter(
        (p) => p.userId !== person.userId,
      );
      if (before.includes('PRIMARY') && !after.includes('PRIMARY') && primaries.length === 0) {
        throw conflict(
          'A provider must always have exactly one Primary Contact. Give the role to someone else first.',
          [{ path: 'roles', code: 'REQ-CONFLICT', message: 'removes the last Primary Contact' }],
        );
      }
      if (after.includes('PRIMARY') && !before.includes('PRIMARY')) {
        for (const previous of primaries) {
          const remaining = previous.roles.filter((r) => r !== 'PRIMARY');
          if (remaining.length === 0) {
            await trx
              .deleteFrom('memberships')
              .where('organizationId', '=', org.id)
              .where('userId', '=', previous.userId)
              .execute();
          } else {
            await trx
              .updateTable('memberships')
              .set({ roles: remaining, updatedAt: new Date() })
              .where('organizationId', '=', org.id)
              .where('userId', '=', previous.userId)
              .execute();
          }
          audits.push({
            subjectOrganizationId: org.id,
            entityType: 'membership',
            entityId: previous.userId,
            action: remaining.length ? 'UPDATE' : 'DELETE',
            before: { roles: previous.roles },
            after: remaining.length ? { roles: remaining } : undefined,
          });
        }
      }
      const watched = ['PRIMARY', 'CEO'].filter((r) => before.includes(r) !== after.includes(r));
      if (watched.length) {
        const words = watched.map(
          (r) => `${person.name} ${after.includes(r) ? 'is now' : 'is no longer'} ${ROLE_LABELS[r as Role]}`,
        );
        await notifyAccreditorOfContactChange(trx, org.id, words.join('; '));
      }
    }
    await writeAudit(trx, auditContext(actor), audits);
  }

  async function upsertInvitedUser(
    trx: Db,
    actor: Actor,
    org: { id: number; kind: OrganizationKind; name: string },
    input: { name: string; email: string; roles: string[] },
  ) {
    const email = input.email.trim();
    const existing = await trx
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    const inviterName = actor.userId
      ? ((await trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst())
          ?.name ?? null)
      : null;
    let userId: string;
    if (existing) {
      if (existing.kind === 'PHYSICIAN')
        throw conflict('This email belongs to a physician’s CME Passport account; use a work email.', [
          { path: 'email', code: 'REQ-CONFLICT', message: 'belongs to a physician account', value: email },
        ]);
      if (existing.status === 'DEACTIVATED')
        throw conflict('This account is deactivated. Ask the operator to restore it.', [
          { path: 'email', code: 'REQ-CONFLICT', message: 'belongs to a deactivated account', value: email },
        ]);
      const already = await repo.membership(trx, org.id, existing.id);
      if (already)
        throw conflict('This person already belongs to the organisation; change their roles instead.', [
          { path: 'email', code: 'REQ-CONFLICT', message: 'already a member', value: email },
        ]);
      userId = existing.id;
      if (existing.status === 'INVITED') await identity.issueInvitation(trx, existing, org.name, inviterName);
      else await identity.notifyAccessGranted(trx, existing, org.name);
    } else {
      userId = randomUUID();
      await trx
        .insertInto('users')
        .values({
          id: userId,
          email,
          name: input.name,
          kind: 'STAFF',
          status: 'INVITED',
          passwordHash: null,
          passwordChangedAt: null,
          termsAcceptedAt: null,
          emailConfirmedAt: null,
          lastLoginAt: null,
        })
        .execute();
      await identity.issueInvitation(trx, { id: userId, email, name: input.name }, org.name, inviterName);
      await writeAudit(trx, auditContext(actor), [
        {
          subjectOrganizationId: org.id,
          entityType: 'user',
          entityId: userId,
          action: 'CREATE',
          after: { name: input.name, email, status: 'INVITED' },
        },
      ]);
    }
    await applyRoles(trx, actor, org, { userId, name: existing?.name ?? input.name }, [], input.roles);
    await trx
      .insertInto('memberships')
      .values({ userId, organizationId: org.id, roles: input.roles })
      .execute();
    await writeAudit(trx, auditContext(actor), [
      {
        subjectOrganizationId: org.id,
        entityType: 'membership',
        entityId: userId,
        action: 'CREATE',
        after: { roles: input.roles },
      },
    ]);
    return userId;
  }

  return {
    providerScope,

    async listAccreditors(actor: Actor | null) {
      requireActor(actor);
      return repo.listAccreditors(db);
    },

    async listBoards(actor: Actor | null) {
      requireActor(actor);
      return repo.listBoards(db);
    },

    async listProviders(
      actor: Actor | null,
      filter: { q?: string; accreditorId?: number; status?: string; cursor?: string; limit?: number },
    ) {
      const a = requireActor(actor);
      const limit = Math.min(filter.limit ?? 50, PAGE_MAX);
      let q = repo.providersQuery(db, await providerScope(a));
      if (filter.q) {
        const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        q = q.where((eb) =>
          eb.or([
            eb('o.name', 'ilike', like),
            eb('p.providerNumber', '=', filter.q!.trim()),
            eb(sql`array_to_string(p.other_names, ' ')`, 'ilike', like),
          ]),
        );
      }
      if (filter.accreditorId) q = q.where('p.accreditorId', '=', filter.accreditorId);
      if (filter.status) q = q.where('p.accreditationStatus', '=', filter.status);
      if (filter.cursor) {
        const c = decodeCursor(filter.cursor);
        q = q.where((eb) =>
          eb.or([eb('o.name', '>', c.name), eb.and([eb('o.name', '=', c.name), eb('o.id', '>', c.id)])]),
        );
      }
      const rows = await q
        .orderBy('o.name')
        .orderBy('o.id')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(repo.toProviderView),
        nextCursor: rows.length > limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
      };
    },

    async getProvider(actor: Actor | null, id: number) {
      return repo.toProviderView(await providerInScope(requireActor(actor), id));
    },

    async listDecisions(actor: Actor | null, id: number) {
      await providerInScope(requireActor(actor), id);
      const items = await db
        .selectFrom('accreditationDecisions')
        .select(['id', 'status', 'termStart', 'termEnd', 'decidedOn', 'kind', 'note'])
        .where('providerId', '=', id)
        .orderBy('decidedOn', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return { items };
    },

    async createProvider(actor: Actor | null, input: CreateProviderInput) {
      const a = requirePermission(actor, 'providers.manage');
      const accme = await isAccme(a);
      const accreditorId = input.accreditorId ?? a.organization.id;
      if (!accme && accreditorId !== a.organization.id) {
        throw new AppError('REQ-FORBIDDEN', 'You can create providers only for your own accreditor.', [
          {
            path: 'accreditorId',
            code: 'REQ-FORBIDDEN',
            message: 'is not your accreditor',
            value: accreditorId,
          },
        ]);
      }
      const accreditor = await repo.accreditorOf(db, accreditorId);
      const errors = providerProblems(input);
      if (!accreditor)
        errors.push({
          path: 'accreditorId',
          code: 'VAL-CODE',
          message: 'is not an accreditor',
          value: accreditorId,
        });
      if (accreditor && accreditor.accreditorKind !== 'JOINT_ACCREDITATION' && input.jaProfessions.length) {
        errors.push({
          path: 'jaProfessions',
          code: 'VAL-RANGE',
          message: 'apply only to jointly accredited providers',
        });
      }
      if (errors.length) throw invalid(errors);
      const result = await db.transaction().execute(async (trx) => {
        const org = await trx
          .insertInto('organizations')
          .values({ kind: 'PROVIDER', code: null, name: input.name })
          .returning(['id', 'name'])
          .executeTakeFirstOrThrow();
        const { n } = await sql<{ n: number }>`SELECT nextval('provider_number_seq') AS n`
          .execute(trx)
          .then((r) => r.rows[0]!);
        const providerRow = {
          organizationId: org.id,
          providerNumber: String(n),
          otherNames: input.otherNames,
          accreditorId,
          organizationType: input.organizationType,
          street: input.street,
          city: input.city,
          state: input.state,
          postalCode: input.postalCode,
          country: input.country,
          website: input.website,
          accreditationStatus: input.accreditationStatus,
          termStart: input.termStart,
          termEnd: input.termEnd,
          eligibilityAttestedAt: null,
          jaProfessions: input.jaProfessions,
        };
        await trx.insertInto('providers').values(providerRow).execute();
        // decisions.md §3: the initial decision row records status and term as entered.
        await trx
          .insertInto('accreditationDecisions')
          .values({
            providerId: org.id,
            status: input.accreditationStatus,
            termStart: input.termStart,
            termEnd: input.termEnd,
            decidedOn: clock.today(),
            kind: 'INITIAL',
            note: 'Recorded when the provider was created in OpenPARS',
            createdBy: a.userId,
          })
          .execute();
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: org.id,
            entityType: 'provider',
            entityId: org.id,
            action: 'CREATE',
            after: { name: input.name, ...providerRow },
          },
        ]);
        await upsertInvitedUser(
          trx,
          a,
          { id: org.id, kind: 'PROVIDER', name: org.name },
          { ...input.primaryContact, roles: ['PRIMARY'] },
        );
        return org.id;
      });
      await mailer.flush();
      return repo.toProviderView(await providerInScope(a, result));
    },

    async patchProvider(actor: Actor | null, id: number, patch: PatchProviderInput) {
      const a = requireActor(actor);
      const current = await providerInScope(a, id);
      const ownProvider = a.organization?.id === id;
      const asAccreditor = !ownProvider && a.permissions.includes('providers.manage');
      if (!(ownProvider && a.permissions.includes('org.edit')) && !asAccreditor) throw forbidden();
      if (patch.accreditorId !== undefined && patch.accreditorId !== current.accreditorId) {
        if (!(await isAccme(a))) throw forbidden('Only ACCME can transfer a provider to another accreditor.');
        if (!(await repo.accreditorOf(db, patch.accreditorId)))
          throw invalid([
            {
              path: 'accreditorId',
              code: 'VAL-CODE',
              message: 'is not an accreditor',
              value: patch.accreditorId,
            },
          ]);
      }
      const errors = providerProblems(patch);
      // As on creation: professions belong to jointly accredited providers only.
      if (patch.jaProfessions?.length) {
        const accreditor = await repo.accreditorOf(db, patch.accreditorId ?? current.accreditorId);
        if (accreditor?.accreditorKind !== 'JOINT_ACCREDITATION')
          errors.push({
            path: 'jaProfessions',
            code: 'VAL-RANGE',
            message: 'apply only to jointly accredited providers',
          });
      }
      if (errors.length) throw invalid(errors);
      await db.transaction().execute(async (trx) => {
        const { name, ...providerPatch } = patch;
        if (name !== undefined)
          await trx
            .updateTable('organizations')
            .set({ name, updatedAt: new Date() })
            .where('id', '=', id)
            .execute();
        if (Object.keys(providerPatch).length)
          await trx.updateTable('providers').set(providerPatch).where('organizationId', '=', id).execute();
        if (patch.accreditorId !== undefined && patch.accreditorId !== current.accreditorId) {
          await trx
            .insertInto('accreditationDecisions')
            .values({
              providerId: id,
              status: current.accreditationStatus,
              termStart: current.termStart,
              termEnd: current.termEnd,
              decidedOn: clock.today(),
              kind: 'TRANSFER',
              note: `Transferred from ${current.accreditorName}`,
              createdBy: a.userId,
            })
            .execute();
        }
        const before = Object.fromEntries(
          Object.keys(patch).map((k) => [k, (current as Record<string, unknown>)[k]]),
        );
        const diff = changedOnly(before, patch as Record<string, unknown>);
        if (Object.keys(diff.after).length) {
          await writeAudit(trx, auditContext(a), [
            { subjectOrganizationId: id, entityType: 'provider', entityId: id, action: 'UPDATE', ...diff },
          ]);
        }
      });
      return repo.toProviderView(await providerInScope(a, id));
    },

    async getOrganization(actor: Actor | null, id: number) {
      const a = requireActor(actor);
      const org = await repo.organization(db, id);
      if (!org) throw notFound('organisation');
      if (org.kind === 'PROVIDER') {
        const provider = repo.toProviderView(await providerInScope(a, id));
        return { ...org, provider };
      }
      // Accreditors and boards are public bodies; the operator is visible to its own staff only.
      if (org.kind === 'OPERATOR' && a.organization?.id !== id) throw notFound('organisation');
      if (org.kind === 'ACCREDITOR') {
        const acc = await repo.accreditorOf(db, id);
        return {
          ...org,
          accreditor: acc ? { accreditorKind: acc.accreditorKind, state: acc.state } : undefined,
        };
      }
      if (org.kind === 'BOARD') {
        const board = (await repo.listBoards(db)).find((b) => b.id === id);
        return {
          ...org,
          board: board
            ? {
                boardKind: board.boardKind,
                deliveryMode: board.deliveryMode,
                collaborating: board.collaborating,
              }
            : undefined,
        };
      }
      return org;
    },

    async listMembers(actor: Actor | null, organizationId: number) {
      await authorizePeopleView(requireActor(actor), organizationId);
      return { items: await repo.membersOf(db, organizationId) };
    },

    async inviteMember(
      actor: Actor | null,
      organizationId: number,
      input: { name: string; email: string; roles: string[] },
    ) {
      const a = requireActor(actor);
      const org = await authorizePeopleChange(a, organizationId);
      const errors = roleProblems(org.kind as OrganizationKind, input.roles);
      if (errors.length) throw invalid(errors);
      const userId = await db
        .transaction()
        .execute((trx) =>
          upsertInvitedUser(trx, a, org as { id: number; kind: OrganizationKind; name: string }, input),
        );
      await mailer.flush();
      const member = (await repo.membersOf(db, organizationId)).find((m) => m.userId === userId);
      return member!;
    },

    async updateMemberRoles(actor: Actor | null, organizationId: number, userId: string, roles: string[]) {
      const a = requireActor(actor);
      const org = await authorizePeopleChange(a, organizationId);
      const errors = roleProblems(org.kind as OrganizationKind, roles);
      if (errors.length) throw invalid(errors);
      await db.transaction().execute(async (trx) => {
        const m = await repo.membership(trx, organizationId, userId);
        if (!m) throw notFound('member');
        // The Primary Contact must be someone who can sign in (or is invited); handing the role to a
        // deactivated account would leave the provider without one.
        if (m.status === 'DEACTIVATED' && roles.includes('PRIMARY') && !m.roles.includes('PRIMARY'))
          throw conflict('This account is deactivated; it cannot become the Primary Contact.', [
            {
              path: 'roles',
              code: 'REQ-CONFLICT',
              message: 'gives the Primary Contact to a deactivated account',
            },
          ]);
        await applyRoles(
          trx,
          a,
          org as { id: number; kind: OrganizationKind; name: string },
          { userId, name: m.name },
          m.roles,
          roles,
        );
        await trx
          .updateTable('memberships')
          .set({ roles, updatedAt: new Date() })
          .where('id', '=', m.id)
          .execute();
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: organizationId,
            entityType: 'membership',
            entityId: userId,
            action: 'UPDATE',
            before: { roles: m.roles },
            after: { roles },
          },
        ]);
      });
      await mailer.flush();
      return (await repo.membersOf(db, organizationId)).find((m) => m.userId === userId)!;
    },

    async removeMember(actor: Actor | null, organizationId: number, userId: string) {
      const a = requireActor(actor);
      const org = await authorizePeopleChange(a, organizationId);
      await db.transaction().execute(async (trx) => {
        const m = await repo.membership(trx, organizationId, userId);
        if (!m) throw notFound('member');
        await applyRoles(
          trx,
          a,
          org as { id: number; kind: OrganizationKind; name: string },
          { userId, name: m.name },
          m.roles,
          [],
        );
        await trx.deleteFrom('memberships').where('id', '=', m.id).execute();
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: organizationId,
            entityType: 'membership',
            entityId: userId,
            action: 'DELETE',
            before: { roles: m.roles },
          },
        ]);
      });
      await mailer.flush();
    },

    async resendInvitation(actor: Actor | null, organizationId: number, userId: string) {
      const a = requireActor(actor);
      const org = await authorizePeopleChange(a, organizationId);
      await db.transaction().execute(async (trx) => {
        const m = await repo.membership(trx, organizationId, userId);
        if (!m) throw notFound('member');
        if (m.status !== 'INVITED')
          throw conflict('This person has already set a password; they can use "forgot password" instead.');
        const inviter = a.userId
          ? await trx.selectFrom('users').select('name').where('id', '=', a.userId).executeTakeFirst()
          : undefined;
        await identity.issueInvitation(
          trx,
          { id: userId, email: m.email, name: m.name },
          org.name,
          inviter?.name ?? null,
        );
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: organizationId,
            entityType: 'user',
            entityId: userId,
            action: 'INVITATION_RESENT',
          },
        ]);
      });
      await mailer.flush();
    },

    async deactivateMember(actor: Actor | null, organizationId: number, userId: string) {
      const a = requireActor(actor);
      const org = await authorizePeopleChange(a, organizationId);
      if (userId === a.userId) throw conflict('You cannot deactivate your own account.');
      await db.transaction().execute(async (trx) => {
        const m = await repo.membership(trx, organizationId, userId);
        if (!m) throw notFound('member');
        const elsewhere = await trx
          .selectFrom('memberships')
          .select('organizationId')
          .where('userId', '=', userId)
          .where('organizationId', '<>', organizationId)
          .execute();
        if (elsewhere.length)
          throw conflict(
            'This person also works for another organisation; remove them from this one instead of deactivating the account.',
          );
        if (m.status === 'DEACTIVATED') return;
        await applyRoles(
          trx,
          a,
          org as { id: number; kind: OrganizationKind; name: string },
          { userId, name: m.name },
          m.roles,
          [],
        );
        const now = new Date();
        await trx
          .updateTable('users')
          .set({ status: 'DEACTIVATED', updatedAt: now })
          .where('id', '=', userId)
          .execute();
        await trx
          .updateTable('sessions')
          .set({ endedAt: now })
          .where('userId', '=', userId)
          .where('endedAt', 'is', null)
          .execute();
        await trx
          .updateTable('apiKeys')
          .set({ revokedAt: now })
          .where('createdBy', '=', userId)
          .where('revokedAt', 'is', null)
          .execute();
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: organizationId,
            entityType: 'user',
            entityId: userId,
            action: 'DEACTIVATE',
            before: { status: m.status },
            after: { status: 'DEACTIVATED' },
          },
        ]);
      });
      await mailer.flush();
    },
  };
}
