import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../src/config';
import { applyActivityBatch } from '../src/modules/activities/activity.batch';
import type { ActivityInput } from '../src/modules/activities/activity.schema';
import { createClock } from '../src/platform/clock';
import { seedDemo } from '../src/seed/demo.seed';
import { buildApp } from '../src/server/app';
import { clientFor, sessionCookieOf } from '../src/testing/test-app';
import { benchDatabase, percentile } from './support';

// Issue "Activities" §6: a filtered list page over 50,000 activities, p95 through the HTTP stack versus
// p95 of the same SQL run directly, in the same run. Target: ratio ≤ 3.
const N = Number(process.env.BENCH_ACTIVITIES ?? 50_000);
const ROUNDS = 200;
const today = '2026-11-22';

function activity(i: number): ActivityInput {
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    providerActivityId: `B-${i}`,
    title: `Benchmark course ${i} ${i % 7 === 0 ? 'cardiology' : 'medicine'}`,
    format: i % 5 === 0 ? 'RSS' : 'C',
    deliveryMethod: 'ONLINE',
    startDate: `2025-${month}-01`,
    endDate: `2025-${month}-02`,
    creditsDesignated: 2,
    description: 'Benchmark activity.',
    providership: 'DIRECT',
    listInPassport: false,
    ...(i % 2 === 0
      ? {
          outcomeMeasures: ['KNOWLEDGE'],
          commercialSupportReceived: false,
          physicianLearnerCount: 10,
          otherLearnerCount: 2,
        }
      : {}),
  };
}

export async function run() {
  const database = await benchDatabase();
  const clock = createClock(today);
  await seedDemo(database.db, clock);
  const provider = await database.db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', 'Lakeside Medical Education Institute')
    .executeTakeFirstOrThrow();
  const t0 = performance.now();
  for (let start = 0; start < N; start += 1000) {
    const commands = Array.from({ length: Math.min(1000, N - start) }, (_, k) => ({
      action: 'UPSERT' as const,
      mode: 'CREATE' as const,
      input: activity(start + k),
    }));
    await database.db.transaction().execute((trx) =>
      applyActivityBatch(
        {
          db: trx,
          providerId: provider.id,
          ctx: { today, jointAccreditation: false, boardLists: {}, remsBlueprintSections: [] },
          audit: {
            channel: 'SYSTEM',
            requestId: null,
            actorUserId: null,
            actorApiKeyId: null,
            actorOrganizationId: null,
          },
          actorUserId: null,
        },
        commands,
      ),
    );
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  await sql`ANALYZE activities`.execute(database.db);

  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', OPENPARS_DEMO: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '10000' }),
    database,
    clock,
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'provider@example.org', password: 'openpars-demo' },
  });
  const client = clientFor(app, {
    cookie: sessionCookieOf(login),
    csrfToken: JSON.parse(login.body).csrfToken,
  });

  const filters = [
    'status=CLOSED',
    'status=READY_TO_CLOSE&format=C',
    'year=2025&sort=endDate',
    'q=cardiology',
    'format=RSS&sort=title',
  ];
  const httpTimes: number[] = [];
  const sqlTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const f = filters[r % filters.length]!;
    let s = performance.now();
    const res = await client.get(`/api/v1/activities?${f}&limit=50`);
    httpTimes.push(performance.now() - s);
    if (res.status !== 200) throw new Error(`list failed: ${res.status}`);
    // the same query the service runs, straight to the database
    const p = new URLSearchParams(f);
    s = performance.now();
    await sql`
      SELECT pars_activity_id, provider_id, provider_activity_id, title, format, delivery_method, start_date, end_date, reporting_year,
             status, target_status, missing_requirements, credits_designated, moc_boards, is_rems, is_mips, updated_at
      FROM activities a
      WHERE deleted_at IS NULL AND provider_id IN (${provider.id})
        ${p.get('status') ? sql`AND status = ${p.get('status')}` : sql``}
        ${p.get('format') ? sql`AND format = ${p.get('format')}` : sql``}
        ${p.get('year') ? sql`AND reporting_year = ${Number(p.get('year'))}` : sql``}
        ${p.get('q') ? sql`AND (title ILIKE ${`%${p.get('q')}%`} OR lower(provider_activity_id) = ${p.get('q')})` : sql``}
      ORDER BY ${p.get('sort') === 'endDate' ? sql`end_date DESC, pars_activity_id DESC` : p.get('sort') === 'title' ? sql`title, pars_activity_id` : sql`pars_activity_id DESC`}
      LIMIT 51`.execute(database.db);
    sqlTimes.push(performance.now() - s);
  }
  const httpP95 = percentile(httpTimes.slice(20), 95);
  const sqlP95 = percentile(sqlTimes.slice(20), 95);
  await app.close();
  await database.close();
  return {
    name: 'activities list page (50 rows, filtered)',
    database: database.label,
    activities: N,
    loadRowsPerSecond: Math.round(N / loadSeconds),
    httpP95Ms: Number(httpP95.toFixed(2)),
    sqlP95Ms: Number(sqlP95.toFixed(2)),
    ratio: Number((httpP95 / sqlP95).toFixed(2)),
    target: 'ratio ≤ 3',
  };
}
