import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/connect';

// Background jobs on pg-boss 10 (DESIGN.md "Stack"): on PostgreSQL through its own pool, on PGlite
// through the `db.executeSql` adapter. PGlite's extended protocol takes one statement at a time, so
// pg-boss's parameterless multi-statement scripts (schema creation, maintenance) go through exec().
// PGlite serialises every query against open transactions (Kysely uses its exclusive transactions), so
// job queries never land inside a request's transaction.

export type Jobs = {
  send(queue: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>;
  work<T extends object>(
    queue: string,
    handler: (data: T) => Promise<void>,
    options?: { pollingIntervalSeconds?: number },
  ): Promise<void>;
  stop(): Promise<void>;
};

const hasSeveralStatements = (text: string) => /;\s*\S/.test(text.trim().replace(/;\s*$/, ''));

function pgliteAdapter(handle: DatabaseHandle): PgBoss.Db {
  const pglite = handle.pglite!;
  return {
    async executeSql(text: string, values: unknown[]) {
      if ((!values || values.length === 0) && hasSeveralStatements(text)) {
        const results = await pglite.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as unknown[] } as never;
      }
      const result = await pglite.query(text, values ?? []);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 } as never;
    },
  };
}

export async function startJobs(handle: DatabaseHandle, onError: (err: Error) => void): Promise<Jobs> {
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({ db: pgliteAdapter(handle), schema: 'pgboss', schedule: false })
      : new PgBoss({ connectionString: handle.url!, schema: 'pgboss', max: 4, schedule: false });
  boss.on('error', onError);
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (queue: string) => {
    if (created.has(queue)) return;
    await boss.createQueue(queue);
    created.add(queue);
  };
  // Workers of this process by queue: a job sent here wakes them at once instead of at their next poll.
  const localWorkers = new Map<string, string[]>();
  return {
    async send(queue, data, options) {
      await ensureQueue(queue);
      const id = await boss.send(queue, data, options ?? {});
      if (id && !options?.startAfter)
        for (const worker of localWorkers.get(queue) ?? []) boss.notifyWorker(worker);
      return id;
    },
    async work(queue, handler, options) {
      await ensureQueue(queue);
      const worker = await boss.work(
        queue,
        { pollingIntervalSeconds: options?.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data as never);
        },
      );
      localWorkers.set(queue, [...(localWorkers.get(queue) ?? []), worker]);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
