import { sql } from 'kysely';
import type { Config } from '../../config';
import { writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/connect';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import type { Jobs } from '../../platform/jobs/jobs';
import { type Actor, auditContext, requireActor } from '../identity/actor';
import type { OrganizationsService } from '../organizations/organizations.service';
import { UPLOAD_QUEUE, uploadJobOptions } from './upload.processor';
import { newUploadId, storeFile } from './upload.store';

export type UploadsService = ReturnType<typeof createUploadsService>;
export type UploadOptions = {
  kind: string;
  dryRun: boolean;
  confirmDuplicate: boolean;
  /** archive import (formats.md §3.7): the provider number whose data the file carries */
  archive?: { providerNumber: string | null };
};

const OUTCOMES = ['ADDED', 'UPDATED', 'UNCHANGED', 'SAVED_WITH_LOWER_STATUS', 'DELETED', 'REJECTED'] as const;

export function createUploadsService(deps: {
  db: Db;
  config: Config;
  jobs: () => Jobs;
  organizations: OrganizationsService;
}) {
  const { db, config } = deps;

  const isProviderUploader = (a: Actor) =>
    a.organization?.kind === 'PROVIDER' && a.permissions.includes('activities.edit');
  const isArchiveImporter = (a: Actor) =>
    a.organization?.kind !== 'PROVIDER' && a.permissions.includes('archive.import');

  /**
   * A provider's users with activities.edit upload their own files; accreditor and operator
   * administrators with archive.import upload archives for the providers they oversee (formats.md §3.7).
   */
  function uploader(actor: Actor | null) {
    const a = requireActor(actor);
    if (!isProviderUploader(a) && !isArchiveImporter(a)) {
      throw forbidden(
        'Uploading activity files needs the activities permission of a provider contact, or the archive import permission of an accreditor or operator administrator.',
      );
    }
    return a as Actor & { organization: { id: number } };
  }

  /** An upload is seen by the provider whose data it carries and by the organisation that sent it. */
  async function own(actor: Actor | null, id: string) {
    const a = uploader(actor);
    const row = await db
      .selectFrom('uploads')
      .selectAll()
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('organizationId', '=', a.organization.id),
          eb('uploadedByOrganizationId', '=', a.organization.id),
        ]),
      )
      .executeTakeFirst();
    if (!row) throw notFound('upload');
    return { a, row };
  }

  /** The provider an archive import writes to: one the importer oversees (ACCME and operators: any). */
  async function archiveTarget(a: Actor, providerNumber: string | null): Promise<number> {
    if (!isArchiveImporter(a))
      throw forbidden(
        'Archive imports (archive=true) need the archive import permission of an accreditor or operator administrator; providers upload their own files without it.',
      );
    if (!providerNumber)
      throw invalid([
        {
          path: 'providerId',
          code: 'VAL-REQUIRED',
          message: 'is required with archive=true: the 7-digit provider number',
        },
      ]);
    const scope = await deps.organizations.providerScope(a);
    let q = db
      .selectFrom('providers')
      .select('organizationId')
      .where('providerNumber', '=', providerNumber.trim());
    if ('accreditorId' in scope) q = q.where('accreditorId', '=', scope.accreditorId);
    else if (!('all' in scope)) q = q.where('organizationId', '=', -1);
    const provider = await q.executeTakeFirst();
    if (!provider)
      throw invalid([
        {
          path: 'providerId',
          code: 'VAL-CODE',
          message: 'is not the number of a provider you oversee',
          value: providerNumber,
        },
      ]);
    return provider.organizationId;
  }

  async function summary(id: string) {
    const rows = await db
      .selectFrom('uploadRows')
      .select([
        'outcome',
        sql<number>`count(*)::int`.as('n'),
        sql<number>`sum(jsonb_array_length(warnings))::int`.as('w'),
      ])
      .where('uploadId', '=', id)
      .groupBy('outcome')
      .execute();
    const count = (o: string) => rows.find((r) => r.outcome === o)?.n ?? 0;
    return {
      rows: rows.reduce((n, r) => n + r.n, 0),
      added: count('ADDED'),
      updated: count('UPDATED'),
      unchanged: count('UNCHANGED'),
      savedWithLowerStatus: count('SAVED_WITH_LOWER_STATUS'),
      deleted: count('DELETED'),
      rejected: count('REJECTED'),
      warnings: rows.reduce((n, r) => n + (r.w ?? 0), 0),
    };
  }

  /** The provider whose data an upload carries: an archive importer oversees many, so the list names it. */
  async function providerOf(organizationId: number) {
    const p = await db
      .selectFrom('organizations as o')
      .leftJoin('providers as p', 'p.organizationId', 'o.id')
      .select(['o.name', 'p.providerNumber'])
      .where('o.id', '=', organizationId)
      .executeTakeFirst();
    return providerFields(organizationId, p?.name ?? null, p?.providerNumber ?? null);
  }

  function view(
    row: Awaited<ReturnType<typeof own>>['row'],
    counts: Awaited<ReturnType<typeof summary>>,
    provider: ReturnType<typeof providerFields>,
  ) {
    return {
      uploadId: row.id,
      fileName: row.fileName,
      sha256: row.sha256,
      sizeBytes: row.sizeBytes,
      kind: row.kind,
      state: row.state,
      dryRun: row.dryRun,
      layout: row.layout,
      encoding: row.encoding,
      duplicateOf: row.duplicateOf,
      archive: row.archive,
      ...provider,
      rowsProcessed: row.rowsProcessed,
      receivedAt: row.receivedAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      error: row.errorCode ? { code: row.errorCode, message: row.errorMessage } : null,
      fileWarnings: row.fileWarnings,
      summary: counts,
    };
  }

  return {
    uploader,

    /** Streams the file into storage while hashing it; the upload is not accepted yet. */
    async store(actor: Actor | null, fileName: string, source: AsyncIterable<Uint8Array>) {
      const a = uploader(actor);
      const id = newUploadId();
      await db
        .insertInto('uploads')
        .values({
          id,
          organizationId: a.organization.id,
          uploadedByOrganizationId: a.organization.id,
          kind: 'activities',
          fileName: fileName.slice(0, 255),
          sizeBytes: 0,
          sha256: '',
          state: 'RECEIVED',
          dryRun: false,
          confirmDuplicate: false,
          duplicateOf: null,
          layout: null,
          encoding: null,
          errorCode: null,
          errorMessage: null,
          createdBy: a.userId,
          startedAt: null,
          finishedAt: null,
        })
        .execute();
      try {
        const stored = await storeFile(db, id, source, config.uploadMaxBytes);
        await db
          .updateTable('uploads')
          .set({ sizeBytes: stored.size, sha256: stored.sha256 })
          .where('id', '=', id)
          .execute();
        return id;
      } catch (err) {
        await this.discard(id);
        throw err;
      }
    },

    /** A refused request leaves nothing behind. */
    async discard(id: string) {
      await db.deleteFrom('uploads').where('id', '=', id).where('state', '=', 'RECEIVED').execute();
    },

    /** Validates the options of a stored file and queues its job; refused → the stored file is removed. */
    async accept(actor: Actor | null, id: string, options: UploadOptions) {
      const { a, row } = await own(actor, id);
      try {
        if (options.kind !== 'activities') {
          throw invalid([
            {
              path: 'kind',
              code: 'VAL-CODE',
              message: 'must be "activities" (learner and roster uploads come with those features)',
              value: options.kind,
            },
          ]);
        }
        if (row.sizeBytes === 0)
          throw invalid(
            [{ path: 'file', code: 'FILE-EMPTY', message: 'The file is empty: it holds no bytes.' }],
            'The file is empty.',
          );
        const providerId = options.archive
          ? await archiveTarget(a, options.archive.providerNumber)
          : a.organization.id;
        if (!options.archive && !isProviderUploader(a))
          throw forbidden(
            'Only a provider’s own contacts upload its activity files; an accreditor or operator administrator imports archives with archive=true and providerId.',
          );
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('uploads')
            .set({
              dryRun: options.dryRun,
              confirmDuplicate: options.confirmDuplicate,
              archive: !!options.archive,
              organizationId: providerId,
            })
            .where('id', '=', id)
            .execute();
          await writeAudit(trx, auditContext(a, 'UPLOAD'), [
            {
              subjectOrganizationId: providerId,
              entityType: 'upload',
              entityId: id,
              action: 'RECEIVE',
              after: {
                fileName: row.fileName,
                size: row.sizeBytes,
                sha256: row.sha256,
                kind: options.kind,
                dryRun: options.dryRun,
                confirmDuplicate: options.confirmDuplicate,
                archive: !!options.archive,
              },
            },
          ]);
        });
      } catch (err) {
        await this.discard(id);
        throw err;
      }
      await deps.jobs().send(UPLOAD_QUEUE, { uploadId: id }, uploadJobOptions(id));
      return this.get(a, id);
    },

    async get(actor: Actor | null, id: string) {
      const { row } = await own(actor, id);
      return view(row, await summary(id), await providerOf(row.organizationId));
    },

    async list(actor: Actor | null) {
      const a = uploader(actor);
      const rows = await db
        .selectFrom('uploads as u')
        .innerJoin('organizations as o', 'o.id', 'u.organizationId')
        .leftJoin('providers as p', 'p.organizationId', 'u.organizationId')
        .select([
          'u.id',
          'u.fileName',
          'u.state',
          'u.dryRun',
          'u.archive',
          'u.organizationId',
          'u.receivedAt',
          'u.finishedAt',
          'u.rowsProcessed',
          'o.name as providerName',
          'p.providerNumber',
        ])
        .where((eb) =>
          eb.or([
            eb('u.organizationId', '=', a.organization.id),
            eb('u.uploadedByOrganizationId', '=', a.organization.id),
          ]),
        )
        .orderBy('u.receivedAt', 'desc')
        .limit(100)
        .execute();
      return {
        items: rows.map((r) => ({
          uploadId: r.id,
          fileName: r.fileName,
          state: r.state,
          dryRun: r.dryRun,
          archive: r.archive,
          ...providerFields(r.organizationId, r.providerName, r.providerNumber),
          receivedAt: r.receivedAt,
          finishedAt: r.finishedAt,
          rowsProcessed: r.rowsProcessed,
        })),
      };
    },

    async report(
      actor: Actor | null,
      id: string,
      filter: { cursor?: number; outcome?: string; limit?: number },
    ) {
      const { row } = await own(actor, id);
      const limit = Math.min(filter.limit ?? 1000, 1000);
      if (filter.outcome && !(OUTCOMES as readonly string[]).includes(filter.outcome)) {
        throw invalid([
          {
            path: 'outcome',
            code: 'VAL-CODE',
            message: `must be one of ${OUTCOMES.join(', ')}`,
            value: filter.outcome,
          },
        ]);
      }
      let q = db.selectFrom('uploadRows').selectAll().where('uploadId', '=', id);
      if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
      if (filter.cursor) q = q.where('row', '>', filter.cursor);
      const rows = await q
        .orderBy('row')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      return {
        ...view(row, await summary(id), await providerOf(row.organizationId)),
        rows: page.map(({ uploadId: _u, keyDigest: _k, ...r }) => r),
        nextCursor: rows.length > limit ? String(page[page.length - 1]!.row) : null,
      };
    },

    /** Every row of the report in file order, streamed page by page (report.csv). */
    async *reportRows(actor: Actor | null, id: string) {
      await own(actor, id);
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('uploadRows')
          .selectAll()
          .where('uploadId', '=', id)
          .where('row', '>', after)
          .orderBy('row')
          .limit(2000)
          .execute();
        if (rows.length === 0) return;
        for (const r of rows) yield r;
        after = rows[rows.length - 1]!.row;
      }
    },

    async confirm(actor: Actor | null, id: string) {
      const { a, row } = await own(actor, id);
      if (row.state !== 'AWAITING_CONFIRMATION')
        throw conflict(`The upload is ${row.state}; only an upload awaiting confirmation can be confirmed.`);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('uploads')
          .set({ state: 'RECEIVED', confirmDuplicate: true })
          .where('id', '=', id)
          .execute();
        await writeAudit(trx, auditContext(a, 'UPLOAD'), [
          {
            subjectOrganizationId: row.organizationId,
            entityType: 'upload',
            entityId: id,
            action: 'CONFIRM_DUPLICATE',
          },
        ]);
      });
      await deps.jobs().send(UPLOAD_QUEUE, { uploadId: id }, uploadJobOptions(`${id}:confirmed`));
      return this.get(a, id);
    },

    async cancel(actor: Actor | null, id: string) {
      const { a, row } = await own(actor, id);
      if (row.state !== 'AWAITING_CONFIRMATION')
        throw conflict(`The upload is ${row.state}; only an upload awaiting confirmation can be cancelled.`);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('uploads')
          .set({ state: 'CANCELLED', finishedAt: new Date() })
          .where('id', '=', id)
          .execute();
        await writeAudit(trx, auditContext(a, 'UPLOAD'), [
          { subjectOrganizationId: row.organizationId, entityType: 'upload', entityId: id, action: 'CANCEL' },
        ]);
      });
      return this.get(a, id);
    },

    /** Jobs left unfinished by a stopped or crashed process, to be queued again at start-up. */
    async unfinished() {
      return db.selectFrom('uploads').select('id').where('state', 'in', ['RECEIVED', 'PROCESSING']).execute();
    },
  };
}

/**
 * Named apart from the multipart `providerId` (the provider number): the organisation id is what the
 * activity endpoints filter by.
 */
function providerFields(organizationId: number, name: string | null, providerNumber: string | null) {
  return { providerOrganizationId: organizationId, providerName: name, providerNumber };
}
