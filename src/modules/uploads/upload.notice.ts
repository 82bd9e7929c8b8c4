import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';
import type { Mailer } from '../../platform/mail/mailer';

// formats.md §8.1: the uploader is told by email when a job ends — counts and a link to the report, or
// why the file was refused. Dry runs send nothing (§8.8). The mail is written in the transaction that
// ends the job, so it exists exactly when the ending does.

const COUNTED: [outcome: string, label: string][] = [
  ['ADDED', 'added'],
  ['UPDATED', 'updated'],
  ['UNCHANGED', 'unchanged'],
  ['SAVED_WITH_LOWER_STATUS', 'saved with a lower status'],
  ['DELETED', 'deleted'],
  ['REJECTED', 'rejected'],
];

export async function noticeUploadEnded(trx: Db, mailer: Mailer, publicUrl: string, uploadId: string) {
  const upload = await trx
    .selectFrom('uploads as u')
    .innerJoin('users as p', 'p.id', 'u.createdBy')
    .select(['u.fileName', 'u.state', 'u.dryRun', 'u.errorMessage', 'p.email', 'p.name'])
    .where('u.id', '=', uploadId)
    .executeTakeFirst();
  if (!upload || upload.dryRun) return;
  const link = `${publicUrl}/uploads/${uploadId}`;
  if (upload.state === 'REJECTED') {
    await mailer.enqueue(trx, {
      to: upload.email,
      template: 'upload-rejected',
      subject: `OpenPARS — upload "${upload.fileName}" was not accepted`,
      text: `Hello ${upload.name},\n\nThe file "${upload.fileName}" was not accepted and nothing from it was saved:\n\n${upload.errorMessage ?? ''}\n\nDetails: ${link}\n`,
    });
    return;
  }
  const counts = await trx
    .selectFrom('uploadRows')
    .select(['outcome', sql<number>`count(*)::int`.as('n')])
    .where('uploadId', '=', uploadId)
    .groupBy('outcome')
    .execute();
  const n = (outcome: string) => Number(counts.find((c) => c.outcome === outcome)?.n ?? 0);
  const rows = counts.reduce((sum, c) => sum + Number(c.n), 0);
  const lines = COUNTED.filter(([o]) => n(o) > 0).map(
    ([o, label]) => `  ${n(o).toLocaleString('en-US')} ${label}`,
  );
  const rejected = n('REJECTED');
  await mailer.enqueue(trx, {
    to: upload.email,
    template: 'upload-completed',
    subject: `OpenPARS — upload "${upload.fileName}" completed${rejected ? `: ${rejected.toLocaleString('en-US')} ${rejected === 1 ? 'row' : 'rows'} rejected` : ''}`,
    text: `Hello ${upload.name},\n\nThe file "${upload.fileName}" has been processed: ${rows.toLocaleString('en-US')} rows.\n\n${lines.join('\n')}\n\n${rejected ? 'Each rejected row is listed in the report with the reason and how to fix it: ' : 'The report: '}${link}\n`,
  });
}
