import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../db/connect';
import type { Jobs } from '../jobs/jobs';

export type MailMessage = { to: string; subject: string; text: string; template: string };

export type Mailer = {
  mode: 'smtp' | 'outbox';
  /** Writes the message in the caller's transaction, so mail exists only if the change commits. */
  enqueue(trx: Db, message: MailMessage): Promise<void>;
  /** Asks for delivery of what is pending (no-op for the outbox). Called after commits and at start-up. */
  flush(): Promise<void>;
  /** From now on delivery runs as a background job, retried with backoff while the SMTP server fails. */
  deliverWithJobs(jobs: Jobs): Promise<void>;
};

export const MAIL_QUEUE = 'mail-deliver';

// Without SMTP_URL, mail stays in the outbox table (decisions.md §7). Logs name the template and the
// outbox id only: addresses, links and tokens never reach the logs.
export function createMailer(options: { db: Db; smtpUrl?: string; from: string; log: Logger }): Mailer {
  const { db, smtpUrl, from, log } = options;
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  let flushing: Promise<void> | undefined;

  let jobs: Jobs | undefined;

  /** Sends every pending message; true when all went out. */
  async function sendPending(): Promise<boolean> {
    if (!transport) return true;
    let allSent = true;
    const pending = await db
      .selectFrom('mailOutbox')
      .selectAll()
      .where('status', '=', 'PENDING')
      .orderBy('id')
      .limit(100)
      .execute();
    for (const m of pending) {
      try {
        await transport.sendMail({ from, to: m.toAddress, subject: m.subject, text: m.bodyText });
        await db
          .updateTable('mailOutbox')
          .set({ status: 'SENT', sentAt: new Date(), attempts: m.attempts + 1 })
          .where('id', '=', m.id)
          .execute();
        log.info({ mailId: m.id, template: m.template }, 'mail sent');
      } catch (err) {
        const attempts = m.attempts + 1;
        await db
          .updateTable('mailOutbox')
          .set({
            status: attempts >= 5 ? 'FAILED' : 'PENDING',
            attempts,
            lastError: (err as Error).message.slice(0, 500),
          })
          .where('id', '=', m.id)
          .execute();
        log.warn({ mailId: m.id, template: m.template, attempts }, 'mail not sent');
        allSent = false;
      }
    }
    return allSent;
  }

  return {
    mode: transport ? 'smtp' : 'outbox',
    async enqueue(trx, message) {
      const row = await trx
        .insertInto('mailOutbox')
        .values({
          toAddress: message.to,
          subject: message.subject,
          bodyText: message.text,
          template: message.template,
          status: transport ? 'PENDING' : 'OUTBOX',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.info(
        { mailId: row.id, template: message.template, mode: transport ? 'smtp' : 'outbox' },
        'mail queued',
      );
    },
    async flush() {
      if (!transport) return;
      if (jobs) {
        await jobs.send(MAIL_QUEUE, {}, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
        return;
      }
      // without jobs (CLI, start-up): send inline, one flush at a time
      while (flushing) await flushing;
      flushing = sendPending()
        .then(() => undefined)
        .finally(() => {
          flushing = undefined;
        });
      await flushing;
    },

    async deliverWithJobs(j) {
      if (!transport) return;
      jobs = j;
      await j.work(
        MAIL_QUEUE,
        async () => {
          // a failed message makes the job fail, so pg-boss retries it with backoff
          if (!(await sendPending())) throw new Error('some mail could not be sent');
        },
        { pollingIntervalSeconds: 1 },
      );
    },
  };
}
