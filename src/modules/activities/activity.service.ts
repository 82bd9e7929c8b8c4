import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { BulkInsert } from '../../platform/db/bulk';
import type { Db } from '../../platform/db/connect';
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from '../../platform/errors';
import type { BoardListsService } from '../boards/board-lists.service';
import { type Actor, auditContext, requireActor, requirePermission } from '../identity/actor';
import type { OrganizationsService } from '../organizations/organizations.service';
import {
  type ActivityCommand,
  applyActivityBatch,
  type CommandResult,
  newRepeatGroupId,
} from './activity.batch';
import * as repo from './activity.repository';
import type { ActivityRecord, RuleContext } from './activity.rules';
import { evaluateStatus, normalizeActivity } from './activity.rules';
import { type ActivityInput, activityInputSchema } from './activity.schema';
import { mergePatch, recordToInput, recordToWire } from './activity.wire';
import { recomputeDateDrivenStatuses } from './activity-date-status';

export type ActivitiesDeps = {
  db: Db;
  clock: Clock;
  organizations: OrganizationsService;
  boardLists: BoardListsService;
};
export type ActivitiesService = ReturnType<typeof createActivitiesService>;

export type ActivityFilter = {
  q?: string;
  status?: string;
  format?: string;
  year?: number;
  board?: string;
  rems?: boolean;
  mips?: boolean;
  providerId?: number;
  providerActivityId?: string;
  sort?: 'id' | 'endDate' | 'title';
  cursor?: string;
  limit?: number;
};

type Cursor = { v: string | number; id: number };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(value: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.id === 'number' && (typeof c.v === 'string' || typeof c.v === 'number')) return c;
  } catch {
    // fall through
  }
  throw invalid([
    { path: 'cursor', code: 'VAL-FORMAT', message: 'is not a cursor returned by this list', value },
  ]);
}

export function createActivitiesService(deps: ActivitiesDeps) {
  const { db, clock, organizations, boardLists } = deps;

  /** The provider the caller writes for: its acting organisation, with activities.edit. */
  function writer(actor: Actor | null) {
    const a = requirePermission(actor, 'activities.edit');
    if (a.organization.kind !== 'PROVIDER') throw forbidden();
    return { actor: a, providerId: a.organization.id };
  }

  /** Providers whose activities the caller may read (own provider, or an accreditor's providers). */
  async function readableProviderIds(actor: Actor | null, requested?: number): Promise<number[] | 'ALL'> {
    const a = requireActor(actor);
    if (a.organization?.kind === 'PROVIDER') {
      if (!a.permissions.includes('activities.view')) throw forbidden();
      if (requested && requested !== a.organization.id) throw notFound('provider');
      return [a.organization.id];
    }
    const scope = await organizations.providerScope(a);
    if ('none' in scope) throw forbidden();
    if (requested) {
      await organizations.getProvider(a, requested);
      return [requested];
    }
    if ('providerId' in scope) return [scope.providerId];
    if ('accreditorId' in scope) {
      const rows = await db
        .selectFrom('providers')
        .select('organizationId')
        .where('accreditorId', '=', scope.accreditorId)
        .execute();
      return rows.map((r) => r.organizationId);
    }
    return 'ALL';
  }

  async function ruleContext(actor: Actor, providerId: number): Promise<RuleContext> {
    const [lists, accreditor] = await Promise.all([
      boardLists.activeLists(),
      db
        .selectFrom('providers as p')
        .innerJoin('accreditors as a', 'a.organizationId', 'p.accreditorId')
        .select('a.accreditorKind')
        .where('p.organizationId', '=', providerId)
        .executeTakeFirst(),
    ]);
    return {
      today: clock.today(),
      jointAccreditation: accreditor?.accreditorKind === 'JOINT_ACCREDITATION',
      boardLists: lists.boardLists,
      remsBlueprintSections: lists.remsBlueprintSections,
      currentUser: actor.userId ?? undefined,
      now: new Date().toISOString(),
    };
  }

  function uploadActor(upload: { userId: string | null; uploadId: string }): Actor {
    return {
      userId: upload.userId,
      apiKeyId: null,
      sessionId: null,
      userKind: 'STAFF',
      organization: null,
      roles: [],
      permissions: [],
      channel: 'UPLOAD',
      requestId: upload.uploadId,
    };
  }

  async function run(
    actor: Actor & { organization: { id: number } },
    providerId: number,
    commands: ActivityCommand[],
    dryRun = false,
  ) {
    const ctx = await ruleContext(actor, providerId);
    return db
      .transaction()
      .execute((trx) =>
        applyActivityBatch(
          { db: trx, providerId, ctx, audit: auditContext(actor), actorUserId: actor.userId, dryRun },
          commands,
        ),
      );
  }

  function throwIfRejected(result: CommandResult, pathPrefix = '') {
    if (result.versionConflict)
      throw new AppError(
        'REQ-VERSION-MISMATCH',
        'The activity changed since you read it (If-Match does not match its version). Reload it and apply your change again.',
      );
    if (result.outcome !== 'REJECTED') return;
    const errors: FieldError[] = result.errors.map((e) => ({ ...e, path: pathPrefix + e.path }));
    if (errors.some((e) => e.code === 'ACT-PARS-ID-UNKNOWN' || e.code === 'ACT-DELETE-NOT-FOUND'))
      throw notFound('activity');
    if (
      errors.some(
        (e) => e.code === 'ACT-PROVIDER-ID-TAKEN' || e.code === 'ACT-YEAR-CLOSED' || e.code === 'ACT-IN-USE',
      )
    ) {
      throw conflict(errors[0]!.message, errors);
    }
    throw invalid(errors, 'The activity has values that are not valid; see errors.');
  }

  async function load(actor: Actor | null, parsActivityId: number) {
    const row = await repo.findLive(db, parsActivityId, await readableProviderIds(actor));
    if (!row) throw notFound('activity');
    return row;
  }

  function wire(row: Awaited<ReturnType<typeof load>>) {
    const { missing, ...record } = row.data as ActivityRecord & { missing?: [] };
    return recordToWire(record as ActivityRecord, {
      parsActivityId: row.parsActivityId,
      providerNumber: row.providerNumber,
      ruleSet: row.ruleSet,
      reportingYear: row.reportingYear,
      status: row.status,
      targetStatus: row.targetStatus,
      missingRequirements: missing ?? [],
      version: row.version,
      repeatGroupId: row.repeatGroupId,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }

  async function getForWriter(actor: Actor | null, id: number) {
    const { actor: a, providerId } = writer(actor);
    const row = await load(a, id);
    if (row.providerId !== providerId) throw notFound('activity');
    return { a, providerId, row };
  }

  async function single(actor: Actor | null, command: ActivityCommand) {
    const { actor: a, providerId } = writer(actor);
    const [result] = await run(a, providerId, [command]);
    throwIfRejected(result!);
    return { result: result!, activity: wire(await load(a, result!.parsActivityId!)) };
  }

  return {
    readableProviderIds,

    /**
     * The batch write path for the upload pipeline. `uploadBatchContext` reads what the rules need
     * (outside any transaction: PGlite has one connection), then `applyUploadBatch` runs inside the
     * caller's transaction so that a batch's records and its row outcomes commit together
     * (formats.md §8.3). Authorization happened when the upload was accepted; audit rows carry
     * channel UPLOAD and the uploader.
     */
    /**
     * The nightly date-driven recompute (activities.md §3.2 step 5), run by the system job; the same
     * rule context as every write of the provider's activities.
     */
    async recomputeDateDrivenStatuses() {
      const system: Actor = {
        ...uploadActor({ userId: null, uploadId: 'date-statuses' }),
        channel: 'SYSTEM',
      };
      return recomputeDateDrivenStatuses(db, clock.today(), (providerId) => ruleContext(system, providerId));
    },

    async uploadBatchContext(upload: { providerId: number; userId: string | null; uploadId: string }) {
      const actor = uploadActor(upload);
      return { actor, ctx: await ruleContext(actor, upload.providerId) };
    },

    async applyUploadBatch(
      trx: Db,
      upload: {
        providerId: number;
        userId: string | null;
        uploadId: string;
        /** the organisation that sent the file (an archive importer's, or the provider itself) */
        uploadedByOrganizationId: number;
        archive: boolean;
      },
      prepared: { actor: Actor; ctx: RuleContext },
      commands: ActivityCommand[],
      dryRun: boolean,
      insert?: BulkInsert,
    ) {
      return applyActivityBatch(
        {
          db: trx,
          insert,
          providerId: upload.providerId,
          ctx: prepared.ctx,
          audit: { ...auditContext(prepared.actor), actorOrganizationId: upload.uploadedByOrganizationId },
          actorUserId: upload.userId,
          dryRun,
          scratchUploadId: upload.uploadId,
          archive: upload.archive,
        },
        commands,
      );
    },

    async list(actor: Actor | null, filter: ActivityFilter) {
      const providers = await readableProviderIds(actor, filter.providerId);
      const limit = Math.min(filter.limit ?? 50, 200);
      let q = db
        .selectFrom('activities as a')
        .innerJoin('providers as p', 'p.organizationId', 'a.providerId')
        .innerJoin('organizations as o', 'o.id', 'a.providerId')
        .select([
          'p.providerNumber',
          'o.name as providerName',
          'a.parsActivityId',
          'a.providerId',
          'a.providerActivityId',
          'a.title',
          'a.format',
          'a.deliveryMethod',
          'a.startDate',
          'a.endDate',
          'a.reportingYear',
          'a.status',
          'a.targetStatus',
          'a.missingRequirements',
          'a.creditsDesignated',
          'a.mocBoards',
          'a.isRems',
          'a.isMips',
          'a.updatedAt',
        ])
        .where('a.deletedAt', 'is', null);
      if (providers !== 'ALL') q = q.where('a.providerId', 'in', providers.length ? providers : [-1]);
      if (filter.q) {
        const term = filter.q.trim();
        const like = `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        q = q.where((eb) => {
          const ors = [
            eb('a.title', 'ilike', like),
            eb(sql`lower(a.provider_activity_id)`, '=', term.toLowerCase()),
          ];
          if (/^\d{1,12}$/.test(term)) ors.push(eb('a.parsActivityId', '=', Number(term)));
          return eb.or(ors);
        });
      }
      if (filter.providerActivityId)
        q = q.where(sql`lower(a.provider_activity_id)`, '=', filter.providerActivityId.trim().toLowerCase());
      if (filter.status) q = q.where('a.status', '=', filter.status);
      if (filter.format) q = q.where('a.format', '=', filter.format.toUpperCase());
      if (filter.year) q = q.where('a.reportingYear', '=', filter.year);
      if (filter.board)
        q = q.where(sql<boolean>`a.moc_boards @> ARRAY[${filter.board.toUpperCase()}]::text[]`);
      if (filter.rems !== undefined) q = q.where('a.isRems', '=', filter.rems);
      if (filter.mips !== undefined) q = q.where('a.isMips', '=', filter.mips);
      const sort = filter.sort ?? 'id';
      if (filter.cursor) {
        const c = decode(filter.cursor);
        if (sort === 'id') q = q.where('a.parsActivityId', '<', c.id);
        if (sort === 'endDate')
          q = q.where(sql<boolean>`(a.end_date, a.pars_activity_id) < (${String(c.v)}::date, ${c.id})`);
        if (sort === 'title')
          q = q.where(sql<boolean>`(a.title, a.pars_activity_id) > (${String(c.v)}, ${c.id})`);
      }
      if (sort === 'id') q = q.orderBy('a.parsActivityId', 'desc');
      if (sort === 'endDate') q = q.orderBy('a.endDate', 'desc').orderBy('a.parsActivityId', 'desc');
      if (sort === 'title') q = q.orderBy('a.title').orderBy('a.parsActivityId');
      const rows = await q.limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > limit && last
          ? encode({
              v: sort === 'endDate' ? last.endDate : sort === 'title' ? last.title : last.parsActivityId,
              id: last.parsActivityId,
            })
          : null;
      return { items: page, nextCursor };
    },

    async get(actor: Actor | null, id: number) {
      return wire(await load(actor, id));
    },

    async create(actor: Actor | null, input: ActivityInput) {
      return single(actor, { action: 'UPSERT', mode: 'CREATE', input });
    },

    async replace(actor: Actor | null, id: number, input: ActivityInput, expectedVersion?: number) {
      await getForWriter(actor, id);
      return single(actor, { action: 'UPSERT', mode: 'REPLACE', parsActivityId: id, input, expectedVersion });
    },

    async patch(actor: Actor | null, id: number, patch: Record<string, unknown>, expectedVersion?: number) {
      const { row } = await getForWriter(actor, id);
      const { missing: _m, ...record } = row.data as ActivityRecord & { missing?: unknown };
      const merged = mergePatch(recordToInput(record as ActivityRecord), patch);
      const parsed = activityInputSchema.safeParse(merged);
      if (!parsed.success) {
        throw invalid(
          parsed.error.issues.map((i) => ({
            path: i.path.join('.'),
            code: i.code === 'unrecognized_keys' ? 'VAL-UNKNOWN' : 'VAL-TYPE',
            message: i.message,
          })),
        );
      }
      return single(actor, {
        action: 'UPSERT',
        mode: 'REPLACE',
        parsActivityId: id,
        input: parsed.data,
        expectedVersion,
      });
    },

    async upsertByProviderId(actor: Actor | null, providerActivityId: string, input: ActivityInput) {
      if (
        input.providerActivityId &&
        input.providerActivityId.trim().toLowerCase() !== providerActivityId.trim().toLowerCase()
      ) {
        throw invalid([
          {
            path: 'providerActivityId',
            code: 'VAL-FORMAT',
            message: 'must match the Provider Activity ID in the path (or be left out)',
            value: input.providerActivityId,
          },
        ]);
      }
      return single(actor, { action: 'UPSERT', mode: 'UPSERT', input: { ...input, providerActivityId } });
    },

    async remove(actor: Actor | null, id: number, expectedVersion?: number) {
      const { a, providerId } = await getForWriter(actor, id);
      const [result] = await run(a, providerId, [{ action: 'DELETE', parsActivityId: id, expectedVersion }]);
      throwIfRejected(result!);
    },

    /** Checks one record as a save would, without saving (formats.md §7 `:validate`). */
    async validate(actor: Actor | null, input: ActivityInput, parsActivityId?: number) {
      const { actor: a, providerId } = writer(actor);
      // With the activity being edited, check it as its replacement; without, as a new activity.
      const command: ActivityCommand = parsActivityId
        ? { action: 'UPSERT', mode: 'REPLACE', parsActivityId, input }
        : { action: 'UPSERT', mode: 'CREATE', input };
      const [result] = await run(a, providerId, [command], true);
      return {
        valid: result!.outcome !== 'REJECTED',
        outcome: result!.outcome,
        status: result!.status,
        targetStatus: result!.targetStatus,
        missingRequirements: result!.missing,
        errors: result!.errors,
        warnings: result!.warnings,
      };
    },

    /** Checks one field set without a provider (the web form's live check uses the same rules). */
    async check(actor: Actor | null, input: ActivityInput) {
      const { actor: a, providerId } = writer(actor);
      const ctx = await ruleContext(a, providerId);
      const { record, errors, warnings } = normalizeActivity(input, ctx);
      return { errors, warnings, evaluation: record ? evaluateStatus(record, ctx) : null };
    },

    /** activities.md §5: one activity per instance, all or nothing. */
    async repeat(actor: Actor | null, body: { shared: ActivityInput; instances: ActivityInput[] }) {
      const { actor: a, providerId } = writer(actor);
      const base = body.shared.providerActivityId?.trim() ?? null;
      const digits = Math.max(2, String(body.instances.length).length);
      const group = newRepeatGroupId();
      const commands: ActivityCommand[] = body.instances.map((instance, i) => {
        const ownId = instance.providerActivityId?.trim();
        const providerActivityId = ownId || (base ? `${base}-${String(i + 1).padStart(digits, '0')}` : null);
        return {
          action: 'UPSERT',
          mode: 'CREATE',
          repeatGroupId: group,
          input: { ...body.shared, ...instance, providerActivityId },
        };
      });
      const errors: FieldError[] = [];
      const ctx = await ruleContext(a, providerId);
      return db.transaction().execute(async (trx) => {
        const results = await applyActivityBatch(
          { db: trx, providerId, ctx, audit: auditContext(a), actorUserId: a.userId, dryRun: true },
          commands,
        );
        results.forEach((r, i) => {
          for (const e of r.errors) errors.push({ ...e, path: `instances.${i}.${e.path}` });
          const id =
            commands[i]!.action === 'UPSERT'
              ? (commands[i] as { input: ActivityInput }).input.providerActivityId
              : null;
          if (id && id.length > 50)
            errors.push({
              path: `instances.${i}.providerActivityId`,
              code: 'ACT-PROVIDER-ID-FORMAT',
              message:
                'The generated Provider Activity ID would be longer than 50 characters; shorten the shared ID.',
              value: id,
            });
        });
        if (errors.length) throw invalid(errors, 'No activity was created: some instances are not valid.');
        const saved = await applyActivityBatch(
          { db: trx, providerId, ctx, audit: auditContext(a), actorUserId: a.userId },
          commands,
        );
        return {
          repeatGroupId: group,
          items: saved.map((r) => ({
            parsActivityId: r.parsActivityId,
            providerActivityId: r.key,
            status: r.status,
          })),
        };
      });
    },

    /** decisions.md §17: every field but system fields, providerActivityId, attestations and enduring counts; starts as a draft. */
    async copy(actor: Actor | null, id: number) {
      const { row } = await getForWriter(actor, id);
      const { missing: _m, ...record } = row.data as ActivityRecord & { missing?: unknown };
      const input = recordToInput(record as ActivityRecord);
      const copy: ActivityInput = {
        ...input,
        providerActivityId: null,
        requestedStatus: 'DRAFT',
        enduringCounts: [],
        mocRegistrations: (input.mocRegistrations ?? []).map(({ attested: _a, ...m }) => m),
        mips: input.mips ? { ...input.mips, attested: undefined } : input.mips,
      };
      return single(actor, { action: 'UPSERT', mode: 'CREATE', input: copy });
    },

    /** Activity-level change history from the audit trail. */
    async history(actor: Actor | null, id: number) {
      const row = await load(actor, id);
      const items = await db
        .selectFrom('auditLog as l')
        .leftJoin('users as u', 'u.id', 'l.actorUserId')
        .select(['l.id', 'l.at', 'l.channel', 'l.action', 'l.before', 'l.after', 'u.name as actorName'])
        .where('l.entityType', '=', 'activity')
        .where('l.entityId', '=', String(id))
        .where('l.subjectOrganizationId', '=', row.providerId)
        .orderBy('l.id', 'desc')
        .limit(200)
        .execute();
      return { items };
    },

    /** Idempotency-Key replay store (formats.md §7). */
    async idempotent<T>(
      credential: string,
      method: string,
      path: string,
      key: string | undefined,
      body: unknown,
      work: () => Promise<{ status: number; body: T }>,
    ) {
      if (!key) return work();
      const bodyHash = createHash('sha256')
        .update(JSON.stringify(body ?? null))
        .digest('hex');
      const since = new Date(Date.now() - 24 * 3600_000);
      const stored = await db
        .selectFrom('idempotencyKeys')
        .selectAll()
        .where('credential', '=', credential)
        .where('method', '=', method)
        .where('path', '=', path)
        .where('key', '=', key)
        .where('createdAt', '>', since)
        .executeTakeFirst();
      if (stored) {
        if (stored.bodyHash !== bodyHash)
          throw new AppError(
            'REQ-IDEMPOTENCY-REUSED',
            'This Idempotency-Key was used with a different body; use a new key for a new request.',
          );
        return { status: stored.status, body: stored.response as T, replayed: true };
      }
      const result = await work();
      // an expired entry under the same key makes way for the new one
      await db
        .deleteFrom('idempotencyKeys')
        .where('credential', '=', credential)
        .where('method', '=', method)
        .where('path', '=', path)
        .where('key', '=', key)
        .execute();
      await db
        .insertInto('idempotencyKeys')
        .values({
          credential,
          method,
          path,
          key,
          bodyHash,
          status: result.status,
          response: JSON.stringify(result.body),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return result;
    },
  };
}
