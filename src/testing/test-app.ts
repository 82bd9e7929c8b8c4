import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll } from 'vitest';
import { loadConfig } from '../config';
import { createClock } from '../platform/clock';
import type { DatabaseHandle } from '../platform/db/connect';
import type { Jobs } from '../platform/jobs/jobs';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.seed';
import { buildApp, type Services } from '../server/app';
import { openTestDatabase } from './test-database';

export type TestApp = {
  app: FastifyInstance & { services: Services; jobs: Jobs; startBackgroundWork: () => Promise<void> };
  database: DatabaseHandle;
  /** An HTTP client signed in as this user (session cookie + CSRF header on writes). */
  signIn(email: string, password?: string): Promise<Client>;
  anonymous: Client;
  withKey(key: string): Client;
};

// biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever JSON the endpoint returns
export type Response = { status: number; body: any; headers: Record<string, unknown>; raw: string };
export type Client = {
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body?: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
  csrfToken: string | null;
  cookie: string | null;
};

export function clientFor(
  app: FastifyInstance,
  auth: { cookie?: string | null; csrfToken?: string | null; bearer?: string } = {},
): Client {
  const send = async (
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) => {
    const headers: Record<string, string> = { ...extra };
    if (auth.cookie) headers.cookie = auth.cookie;
    if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
    if (auth.csrfToken && method !== 'GET') headers['x-csrf-token'] = auth.csrfToken;
    const res = await app.inject({
      method,
      url,
      headers,
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
    let parsed: unknown = null;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      parsed = res.body;
    }
    return { status: res.statusCode, body: parsed, headers: res.headers, raw: res.body };
  };
  return {
    get: (url) => send('GET', url),
    post: (url, body, headers) => send('POST', url, body, headers),
    put: (url, body) => send('PUT', url, body),
    patch: (url, body) => send('PATCH', url, body),
    delete: (url) => send('DELETE', url),
    csrfToken: auth.csrfToken ?? null,
    cookie: auth.cookie ?? null,
  };
}

export function sessionCookieOf(res: { headers: Record<string, unknown> }): string | null {
  const set = res.headers['set-cookie'];
  const list = Array.isArray(set) ? set : set ? [String(set)] : [];
  const c = list.find((x) => String(x).startsWith('openpars_session='));
  return c ? String(c).split(';')[0]! : null;
}

/**
 * The real app on a fresh database for this test file, closed after the file. `demo: true` loads the
 * demo seed (providers, accreditors, boards and the eight demo logins) as fixtures.
 */
export async function createTestApp(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    OPENPARS_DEMO: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    ...options.env,
  });
  const clock = createClock(config.today);
  const database = await openTestDatabase();
  if (options.demo) await seedDemo(database.db, clock);
  const app = await buildApp({ config, database, clock });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const anonymous = clientFor(app);
  return {
    app,
    database,
    anonymous,
    withKey: (key) => clientFor(app, { bearer: key }),
    async signIn(email, password = DEMO_PASSWORD) {
      const res = await anonymous.post('/api/v1/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.raw}`);
      return clientFor(app, { cookie: sessionCookieOf(res), csrfToken: res.body.csrfToken });
    },
  };
}
