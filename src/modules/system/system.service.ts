import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';
import type { Mailer } from '../../platform/mail/mailer';
import { CODE_LISTS, type CodeListName, codeList } from '../../reference/codes';
import { type Actor, requirePermission } from '../identity/actor';

export type SystemService = ReturnType<typeof createSystemService>;

export const VERSION = process.env.npm_package_version ?? '0.1.0';

export function createSystemService(deps: { db: Db; config: Config; clock: Clock; mailer: Mailer }) {
  const { db, config, clock, mailer } = deps;
  return {
    instance() {
      return {
        demo: config.demo,
        fixedToday: clock.fixed ? clock.today() : null,
        version: VERSION,
        mailMode: mailer.mode,
      };
    },

    codes(list: string) {
      if (!(CODE_LISTS as readonly string[]).includes(list)) throw notFound('code list');
      return { list, items: codeList(list as CodeListName) };
    },

    /** decisions.md §7: open to anyone on a demo instance, else operator administrators only. */
    async outbox(actor: Actor | null, limit = 100) {
      if (!config.demo) requirePermission(actor, 'outbox.view');
      const rows = await db
        .selectFrom('mailOutbox')
        .select(['id', 'toAddress', 'subject', 'bodyText', 'template', 'status', 'createdAt', 'sentAt'])
        .orderBy('id', 'desc')
        .limit(Math.min(limit, 500))
        .execute();
      return { items: rows.map(({ toAddress, ...r }) => ({ ...r, to: toAddress })) };
    },
  };
}
