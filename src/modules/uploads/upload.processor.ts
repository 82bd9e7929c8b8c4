import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { BulkColumn, BulkSession } from '../../platform/db/bulk';
import { type Db, yieldToEventLoop } from '../../platform/db/connect';
import type { Mailer } from '../../platform/mail/mailer';
import type { CommandResult } from '../activities/activity.batch';
import type { ActivitiesService } from '../activities/activity.service';
import { chooseAdapter } from './formats/choose-adapter';
import { noticeUploadEnded } from './upload.notice';
import { openStoredFile } from './upload.store';
import type { RowMessage, SourceRecord } from './upload.types';

// The upload job (formats.md §8): duplicate check → streamed pre-pass (readability, layout, emptiness)
// → rows in file order, in batches; each batch's records and row outcomes commit in one transaction,
// so a job interrupted at any point resumes after its last committed batch and gives the same outcomes.

export const UPLOAD_QUEUE = 'upload-process';
/** A 1,000,000-row file may take long: the job must not expire (and be retried beside itself) meanwhile. */
export const uploadJobOptions = (singletonKey: string) => ({
  singletonKey,
  expireInSeconds: 6 * 3600,
  retryLimit: 3,
  retryDelay: 10,
});

export type ProcessorDeps = {
  db: Db;
  activities: ActivitiesService;
  log: Logger;
  /** a connection held for the job's batches, with COPY where the database has it */
  bulkSession: () => Promise<BulkSession>;
  /** rows per batch and transaction (setting UPLOAD_BATCH_ROWS) */
  batchRows: number;
  /** setting UPLOAD_MAX_BYTES: XLSX containers may inflate to ten times it (formats.md §8.2) */
  uploadMaxBytes: number;
  /** the uploader's email when the job ends, with a link under PUBLIC_URL */
  mailer: Mailer;
  publicUrl: string;
};

const UPLOAD_ROW_COLUMNS: readonly BulkColumn[] = [
  ['upload_id', 'uuid'],
  ['row', 'int'],
  ['key', 'text'],
  ['key_digest', 'bytea'],
  ['outcome', 'text'],
  ['change', 'text'],
  ['pars_activity_id', 'bigint'],
  ['status', 'text'],
  ['target_status', 'text'],
  ['missing', 'jsonb'],
  ['errors', 'jsonb'],
  ['warnings', 'jsonb'],
];

const digest = (key: string) =>
  createHash('sha256').update(key.trim().toLowerCase()).digest().subarray(0, 16);

function rowOf(record: SourceRecord, result: CommandResult | null, extraErrors: RowMessage[]) {
  const withRow = (m: RowMessage) => ({
    ...m,
    row: record.row,
    columnName: m.columnName ?? record.columnNameOf?.(m.path) ?? m.path,
  });
  const errors = [...record.errors, ...extraErrors, ...(result?.errors ?? [])].map(withRow);
  const warnings = [...record.warnings, ...(result?.warnings ?? [])].map(withRow);
  const rejected = errors.length > 0 || !result || result.outcome === 'REJECTED';
  return {
    row: record.row,
    key: record.key,
    outcome: rejected ? 'REJECTED' : result.outcome,
    change: rejected ? null : result.change,
    parsActivityId: rejected ? null : result.parsActivityId,
    status: rejected ? null : result.status,
    targetStatus: rejected ? null : result.targetStatus,
    missing: rejected ? [] : result.missing,
    errors,
    warnings,
  };
}

export async function processUpload(deps: ProcessorDeps, uploadId: string): Promise<void> {
  const { db, log } = deps;
  const upload = await db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst();
  if (!upload || !['RECEIVED', 'PROCESSING'].includes(upload.state)) return;
  const open = openStoredFile(db, uploadId);
  const fileWarnings: RowMessage[] = (upload.fileWarnings as RowMessage[]) ?? [];

  if (upload.state === 'RECEIVED') {
    const earlier = await db
      .selectFrom('uploads')
      .select(['id', 'fileName', 'finishedAt'])
      .where('organizationId', '=', upload.organizationId)
      .where('kind', '=', upload.kind)
      .where('sha256', '=', upload.sha256)
      .where('state', '=', 'COMPLETED')
      .where('dryRun', '=', false)
      .where('id', '<>', uploadId)
      .orderBy('finishedAt', 'desc')
      .executeTakeFirst();
    if (earlier) {
      const notice = {
        path: '',
        code: 'FILE-DUPLICATE',
        message: `This file is byte-identical to upload ${earlier.id} ("${earlier.fileName}"), already processed.`,
      };
      if (!upload.dryRun && !upload.confirmDuplicate) {
        await db
          .updateTable('uploads')
          .set({
            state: 'AWAITING_CONFIRMATION',
            duplicateOf: earlier.id,
            fileWarnings: JSON.stringify([notice]),
          })
          .where('id', '=', uploadId)
          .execute();
        return;
      }
      fileWarnings.push(notice);
    }
    await db
      .updateTable('uploads')
      .set({ state: 'PROCESSING', startedAt: new Date(), fileWarnings: JSON.stringify(fileWarnings) })
      .where('id', '=', uploadId)
      .execute();
  }

  const reject = async (code: string, message: string) => {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('uploads')
        .set({ state: 'REJECTED', errorCode: code, errorMessage: message, finishedAt: new Date() })
        .where('id', '=', uploadId)
        .execute();
      await noticeUploadEnded(trx, deps.mailer, deps.publicUrl, uploadId);
    });
    await deps.mailer.flush();
  };
  const choice = await chooseAdapter(open, { uploadMaxBytes: deps.uploadMaxBytes });
  if ('error' in choice) return reject(choice.error.code, choice.error.message);
  const { adapter } = choice;
  const inspection = await adapter.inspect(open);
  if ('error' in inspection) return reject(inspection.error.code, inspection.error.message);
  await db
    .updateTable('uploads')
    .set({
      layout: inspection.layout,
      encoding: inspection.encoding,
      fileWarnings: JSON.stringify([...fileWarnings, ...inspection.warnings]),
    })
    .where('id', '=', uploadId)
    .execute();

  // Keys already used by committed rows of this upload (a resumed job rebuilds the set from them).
  const seen = new Set<string>();
  const committed = await db
    .selectFrom('uploadRows')
    .select('keyDigest')
    .where('uploadId', '=', uploadId)
    .where('keyDigest', 'is not', null)
    .execute();
  for (const r of committed) seen.add(Buffer.from(r.keyDigest!).toString('hex'));
  const resumeAfter = upload.committedRow;

  // for the log: where a job's time goes (reading and checking rows vs their batches' transactions)
  const timing = { started: performance.now(), batches: 0, inTransactions: 0 };
  let batch: SourceRecord[] = [];
  const apply = async (records: SourceRecord[]) => {
    const uploadRef = {
      providerId: upload.organizationId,
      userId: upload.createdBy,
      uploadId,
      uploadedByOrganizationId: upload.uploadedByOrganizationId,
      archive: upload.archive,
    };
    const prepared = await deps.activities.uploadBatchContext(uploadRef);
    const t0 = performance.now();
    await session.db.transaction().execute(async (trx) => {
      const duplicates = new Map<SourceRecord, RowMessage[]>();
      const keyed: { record: SourceRecord; digest: Buffer | null }[] = records.map((record) => {
        if (!record.key || !record.command) return { record, digest: null };
        const d = digest(record.keyScope ? `${record.keyScope}\u0000${record.key}` : record.key);
        const hex = d.toString('hex');
        if (seen.has(hex)) {
          duplicates.set(record, [
            {
              path: 'providerActivityId',
              code: 'FMT-DUPLICATE-KEY-IN-FILE',
              message: `Key "${record.key}" was already used by an earlier row of this file; this row was not applied.`,
              value: record.key,
            },
          ]);
          return { record, digest: null };
        }
        seen.add(hex);
        return { record, digest: d };
      });
      const runnable = keyed.filter(
        ({ record }) => record.command && !duplicates.has(record) && record.errors.length === 0,
      );
      const results = await deps.activities.applyUploadBatch(
        trx,
        uploadRef,
        prepared,
        runnable.map(({ record }) => record.command!),
        upload.dryRun,
        session.insert,
      );
      const resultOf = new Map(runnable.map(({ record }, i) => [record, results[i]!]));
      const rows = keyed.map(({ record, digest: d }) => {
        const r = rowOf(record, resultOf.get(record) ?? null, duplicates.get(record) ?? []);
        return [
          uploadId,
          r.row,
          r.key,
          d,
          r.outcome,
          r.change,
          r.parsActivityId,
          r.status,
          r.targetStatus,
          r.missing,
          r.errors,
          r.warnings,
        ];
      });
      await session.insert(trx, 'upload_rows', UPLOAD_ROW_COLUMNS, rows);
      const last = records[records.length - 1]!.row;
      await trx
        .updateTable('uploads')
        .set({ committedRow: last, rowsProcessed: last })
        .where('id', '=', uploadId)
        .execute();
    });
    timing.batches++;
    timing.inTransactions += performance.now() - t0;
    await yieldToEventLoop();
  };

  const session = await deps.bulkSession();
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for await (const record of adapter.records(open)) {
      if (record.row <= resumeAfter) continue;
      batch.push(record);
      if (batch.length >= deps.batchRows) {
        // The next batch is read and parsed while this one is written: the database works on its own
        // core meanwhile. Batches still apply strictly one after another, in file order.
        await inFlight;
        inFlight = apply(batch);
        // a failure surfaces at the next `await inFlight`; meanwhile it must not count as unhandled
        inFlight.catch(() => undefined);
        batch = [];
      }
    }
    await inFlight;
    if (batch.length > 0) await apply(batch);
  } catch (err) {
    log.error(
      { uploadId, err: { type: (err as Error).name, message: (err as Error).message } },
      'upload failed while reading rows',
    );
    throw err;
  } finally {
    await inFlight.catch(() => undefined);
    session.release();
  }
  log.info(
    {
      uploadId,
      batches: timing.batches,
      ms: Math.round(performance.now() - timing.started),
      msInTransactions: Math.round(timing.inTransactions),
    },
    'upload rows applied',
  );
  await db.transaction().execute(async (trx) => {
    // the report is written: a dry run's scratch effects have served their purpose (formats.md §8.8)
    await trx.deleteFrom('uploadScratchActivities').where('uploadId', '=', uploadId).execute();
    await trx
      .updateTable('uploads')
      .set({ state: 'COMPLETED', finishedAt: new Date() })
      .where('id', '=', uploadId)
      .execute();
    await noticeUploadEnded(trx, deps.mailer, deps.publicUrl, uploadId);
  });
  await deps.mailer.flush();
}
