import Fastify, { type FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_LISTS } from '../reference/codes';
import { latestMailTo } from '../testing/people';
import { type Client, createTestApp, type TestApp } from '../testing/test-app';

// Every route the app registers, and who may call it (DESIGN.md "Tests": every non-public endpoint
// refuses an anonymous caller). A route missing from ROUTES fails the first test: add each new
// endpoint here with a well-formed sample request. Custom-method routes (DESIGN.md "Layout") appear
// as Fastify prints them: `/activities::validate` as `/api/v1/activities:validate`, and
// `/uploads/:id::confirm` as `/api/v1/uploads/:id::confirm`.

type Sample = { url: string; body?: unknown };
type RouteCase =
  /** needs a session or an API key: an anonymous caller gets 401 REQ-UNAUTHENTICATED */
  | ({ access: 'signed-in' } & Sample)
  /** anyone: the anonymous sample request gets this status */
  | ({ access: 'public'; status: number } & Sample);

const UUID = '00000000-0000-4000-8000-000000000000';
const PASSWORD = 'a long and unusual passphrase 7';

const ROUTES: Record<string, RouteCase> = {
  // system
  'GET /api/v1/health': { access: 'public', url: '/api/v1/health', status: 200 },
  'GET /api/v1/instance': { access: 'public', url: '/api/v1/instance', status: 200 },
  'GET /api/v1/codes/:list': { access: 'public', url: '/api/v1/codes/states', status: 200 },
  // open on a demo instance only (decisions.md §7); this app is not one — see "GET /api/v1/outbox"
  'GET /api/v1/outbox': { access: 'signed-in', url: '/api/v1/outbox' },
  'GET /api/v1/openapi.json': { access: 'public', url: '/api/v1/openapi.json', status: 200 },
  // API documentation (swagger UI)
  'GET /api/docs': { access: 'public', url: '/api/docs', status: 200 },
  'GET /api/docs/': { access: 'public', url: '/api/docs/', status: 200 },
  'GET /api/docs/static/index.html': { access: 'public', url: '/api/docs/static/index.html', status: 302 },
  'GET /api/docs/static/swagger-initializer.js': {
    access: 'public',
    url: '/api/docs/static/swagger-initializer.js',
    status: 200,
  },
  'GET /api/docs/static/*': { access: 'public', url: '/api/docs/static/swagger-ui.css', status: 200 },
  'GET /api/docs/json': { access: 'public', url: '/api/docs/json', status: 200 },
  'GET /api/docs/yaml': { access: 'public', url: '/api/docs/yaml', status: 200 },
  // sign-in
  'POST /api/v1/auth/login': {
    access: 'public',
    url: '/api/v1/auth/login',
    body: { email: 'physician@example.org', password: 'openpars-demo' },
    status: 200,
  },
  'POST /api/v1/auth/password-reset': {
    access: 'public',
    url: '/api/v1/auth/password-reset',
    body: { email: 'nobody@example.org' },
    status: 202,
  },
  'POST /api/v1/auth/password-reset/complete': {
    access: 'public',
    url: '/api/v1/auth/password-reset/complete',
    body: { token: 'unknown-token', password: PASSWORD },
    status: 400,
  },
  'GET /api/v1/auth/invitations/:token': {
    access: 'public',
    url: '/api/v1/auth/invitations/unknown-token',
    status: 400,
  },
  'POST /api/v1/auth/invitations/accept': {
    access: 'public',
    url: '/api/v1/auth/invitations/accept',
    body: { token: 'unknown-token', password: PASSWORD, acceptTerms: true },
    status: 400,
  },
  // Logout is idempotent: without a session there is nothing to end (the web app signs out after its
  // session expired, too). It answers 204 and clears the cookie; see "POST /api/v1/auth/logout".
  'POST /api/v1/auth/logout': { access: 'public', url: '/api/v1/auth/logout', status: 204 },
  // me
  'GET /api/v1/me': { access: 'signed-in', url: '/api/v1/me' },
  'PUT /api/v1/me/organization': {
    access: 'signed-in',
    url: '/api/v1/me/organization',
    body: { organizationId: 1 },
  },
  // organisations and people
  'GET /api/v1/accreditors': { access: 'signed-in', url: '/api/v1/accreditors' },
  'GET /api/v1/boards': { access: 'signed-in', url: '/api/v1/boards' },
  'GET /api/v1/providers': { access: 'signed-in', url: '/api/v1/providers' },
  'POST /api/v1/providers': {
    access: 'signed-in',
    url: '/api/v1/providers',
    body: {
      name: 'Anonymous Provider',
      organizationType: 'HOSPITAL_HEALTHCARE',
      accreditationStatus: 'ACCREDITED',
      primaryContact: { name: 'Anon Ymous', email: 'anon@example.org' },
    },
  },
  'GET /api/v1/providers/:id': { access: 'signed-in', url: '/api/v1/providers/1' },
  // board-maintained lists: reference data, readable by anyone; changed by board administrators
  'GET /api/v1/boards/:code/:list': {
    access: 'public',
    url: '/api/v1/boards/ABIM/practice-areas',
    status: 200,
  },
  'POST /api/v1/boards/:code/:list': {
    access: 'signed-in',
    url: '/api/v1/boards/ABIM/practice-areas',
    body: { code: 'X', name: 'X' },
  },
  'DELETE /api/v1/boards/:code/:list/:entry': {
    access: 'signed-in',
    url: '/api/v1/boards/ABIM/practice-areas/IM',
  },
  'GET /api/v1/rems/blueprint-sections': {
    access: 'public',
    url: '/api/v1/rems/blueprint-sections',
    status: 200,
  },
  // uploads (formats.md §7–§8)
  'GET /api/v1/uploads': { access: 'signed-in', url: '/api/v1/uploads' },
  'POST /api/v1/uploads': { access: 'signed-in', url: '/api/v1/uploads', body: { kind: 'activities' } },
  'GET /api/v1/uploads/:id': { access: 'signed-in', url: `/api/v1/uploads/${UUID}` },
  'GET /api/v1/uploads/:id/events': { access: 'signed-in', url: `/api/v1/uploads/${UUID}/events` },
  'GET /api/v1/uploads/:id/report.csv': { access: 'signed-in', url: `/api/v1/uploads/${UUID}/report.csv` },
  'GET /api/v1/uploads/:id/report.ndjson': {
    access: 'signed-in',
    url: `/api/v1/uploads/${UUID}/report.ndjson`,
  },
  'GET /api/v1/uploads/:id/report.json': { access: 'signed-in', url: `/api/v1/uploads/${UUID}/report.json` },
  'POST /api/v1/uploads/:id(^[0-9a-fA-F-]{36}$)::cancel': {
    access: 'signed-in',
    url: `/api/v1/uploads/${UUID}:cancel`,
  },
  'POST /api/v1/uploads/:id(^[0-9a-fA-F-]{36}$)::confirm': {
    access: 'signed-in',
    url: `/api/v1/uploads/${UUID}:confirm`,
  },
  // upload templates (formats.md §4.3)
  'GET /api/v1/templates/activities.xlsx': { access: 'signed-in', url: '/api/v1/templates/activities.xlsx' },
  'GET /api/v1/templates/activities.csv': { access: 'signed-in', url: '/api/v1/templates/activities.csv' },
  // activities (formats.md §7)
  'GET /api/v1/activities': { access: 'signed-in', url: '/api/v1/activities' },
  'POST /api/v1/activities': {
    access: 'signed-in',
    url: '/api/v1/activities',
    body: { title: 'T', format: 'C', startDate: '2025-01-01', endDate: '2025-01-01' },
  },
  'POST /api/v1/activities:validate': {
    access: 'signed-in',
    url: '/api/v1/activities:validate',
    body: { title: 'T' },
  },
  'POST /api/v1/activities:repeat': {
    access: 'signed-in',
    url: '/api/v1/activities:repeat',
    body: { shared: { title: 'T' }, instances: [{}, {}] },
  },
  'GET /api/v1/activities/:id': { access: 'signed-in', url: '/api/v1/activities/10000001' },
  'GET /api/v1/activities/:id/history': { access: 'signed-in', url: '/api/v1/activities/10000001/history' },
  'PUT /api/v1/activities/:id': {
    access: 'signed-in',
    url: '/api/v1/activities/10000001',
    body: { title: 'T' },
  },
  'PATCH /api/v1/activities/:id': {
    access: 'signed-in',
    url: '/api/v1/activities/10000001',
    body: { title: 'T' },
  },
  'DELETE /api/v1/activities/:id': { access: 'signed-in', url: '/api/v1/activities/10000001' },
  'POST /api/v1/activities/:id(^\\d+)::copy': {
    access: 'signed-in',
    url: '/api/v1/activities/10000001:copy',
  },
  'PUT /api/v1/activities/by-provider-id/:providerActivityId': {
    access: 'signed-in',
    url: '/api/v1/activities/by-provider-id/P1',
    body: { title: 'T' },
  },
  'PATCH /api/v1/providers/:id': {
    access: 'signed-in',
    url: '/api/v1/providers/1',
    body: { city: 'Nowhere' },
  },
  'GET /api/v1/providers/:id/decisions': { access: 'signed-in', url: '/api/v1/providers/1/decisions' },
  'GET /api/v1/organizations/:id': { access: 'signed-in', url: '/api/v1/organizations/1' },
  'GET /api/v1/organizations/:id/members': { access: 'signed-in', url: '/api/v1/organizations/1/members' },
  'POST /api/v1/organizations/:id/members': {
    access: 'signed-in',
    url: '/api/v1/organizations/1/members',
    body: { name: 'Anon Ymous', email: 'anon@example.org', roles: ['STAFF'] },
  },
  'PUT /api/v1/organizations/:id/members/:userId': {
    access: 'signed-in',
    url: `/api/v1/organizations/1/members/${UUID}`,
    body: { roles: ['STAFF'] },
  },
  'DELETE /api/v1/organizations/:id/members/:userId': {
    access: 'signed-in',
    url: `/api/v1/organizations/1/members/${UUID}`,
  },
  'POST /api/v1/organizations/:id/members/:userId/resend-invitation': {
    access: 'signed-in',
    url: `/api/v1/organizations/1/members/${UUID}/resend-invitation`,
  },
  'POST /api/v1/organizations/:id/members/:userId/deactivate': {
    access: 'signed-in',
    url: `/api/v1/organizations/1/members/${UUID}/deactivate`,
  },
  // API keys and audit
  'GET /api/v1/api-keys': { access: 'signed-in', url: '/api/v1/api-keys' },
  'POST /api/v1/api-keys': { access: 'signed-in', url: '/api/v1/api-keys', body: { name: 'anonymous key' } },
  'DELETE /api/v1/api-keys/:id': { access: 'signed-in', url: `/api/v1/api-keys/${UUID}` },
  'GET /api/v1/audit': { access: 'signed-in', url: '/api/v1/audit' },
};

/**
 * "METHOD /path" of every route, read from Fastify's route tree (`printRoutes()`: one node per line,
 * each adding its text to its parent's path). HEAD routes that mirror a GET are folded into it.
 */
function registeredRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes = new Set<string>();
  const heads = new Set<string>();
  for (const line of app.printRoutes().split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    for (const method of (m[3] ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      if (method === 'HEAD') heads.add(path);
      else routes.add(`${method} ${path}`);
    }
  }
  for (const path of heads) if (!routes.has(`GET ${path}`)) routes.add(`HEAD ${path}`);
  return [...routes].sort();
}

let t: TestApp; // not a demo instance (decisions.md §7), with the demo logins as fixtures
let demo: TestApp; // a demo instance
let provider: Client;
let operator: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  demo = await createTestApp({ demo: true, env: { OPENPARS_DEMO: 'true' } });
  provider = await t.signIn('provider@example.org');
  operator = await t.signIn('operator@example.org');
});

const send = (client: Client, key: string, sample: Sample) => {
  const method = key.split(' ')[0]!;
  if (method === 'GET') return client.get(sample.url);
  if (method === 'POST') return client.post(sample.url, sample.body);
  if (method === 'PUT') return client.put(sample.url, sample.body);
  if (method === 'PATCH') return client.patch(sample.url, sample.body);
  if (method === 'DELETE') return client.delete(sample.url);
  throw new Error(`no sample request for ${key}`);
};

describe('route table', () => {
  it('lists every route the app registers, and only those', () => {
    // web/dist (when built) adds GET routes for its files outside /api
    const api = registeredRoutes(t.app).filter((r) => r.split(' ')[1]!.startsWith('/api'));
    const others = registeredRoutes(t.app).filter((r) => !api.includes(r));
    expect(others.every((r) => r.startsWith('GET '))).toBe(true);
    expect(
      api.filter((r) => !(r in ROUTES)),
      'routes missing from ROUTES',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !api.includes(r)),
      'ROUTES no longer registered',
    ).toEqual([]);
  });

  it('reads custom-method routes with their colon and parameters', async () => {
    const app = Fastify();
    app.get('/api/v1/activities', async () => 'list');
    app.post('/api/v1/activities::validate', async () => 'validated');
    app.post('/api/v1/uploads/:id::confirm', async () => 'confirmed');
    await app.ready();
    expect(registeredRoutes(app)).toEqual([
      'GET /api/v1/activities',
      'POST /api/v1/activities:validate',
      'POST /api/v1/uploads/:id::confirm',
    ]);
    expect((await app.inject({ method: 'POST', url: '/api/v1/activities:validate' })).body).toBe('validated');
    await app.close();
  });

  it('describes every /api/v1 route in the OpenAPI document', async () => {
    const doc = (await t.anonymous.get('/api/v1/openapi.json')).body as { paths: Record<string, object> };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const undocumented = Object.keys(ROUTES)
      .filter((r) => r.includes(' /api/v1/') && r !== 'GET /api/v1/openapi.json')
      // Fastify's spelling → OpenAPI's: `::verb` is a literal `:verb`, `:name(pattern)` a parameter
      .map((r) => r.replace(/\/:(\w+)(\([^/]*?\))?/g, '/{$1}').replace('::', ':'))
      .filter((r) => !documented.has(r));
    expect(undocumented).toEqual([]);
  });
});

describe('anonymous callers', () => {
  const signedIn = Object.entries(ROUTES).filter(([, c]) => c.access === 'signed-in');
  const open = Object.entries(ROUTES).filter(([, c]) => c.access === 'public');

  it.each(signedIn)('%s answers 401 REQ-UNAUTHENTICATED', async (key, sample) => {
    const res = await send(t.anonymous, key, sample);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('REQ-UNAUTHENTICATED');
    if (key.startsWith('GET ')) {
      const head = await t.app.inject({ method: 'HEAD', url: sample.url });
      expect(head.statusCode).toBe(401);
    }
  });

  it.each(signedIn)('%s treats an unknown session cookie as anonymous', async (key, sample) => {
    const res = await t.app.inject({
      method: key.split(' ')[0] as 'GET',
      url: sample.url,
      headers: { cookie: 'openpars_session=not-a-session', 'x-csrf-token': 'whatever' },
      ...(sample.body === undefined ? {} : { payload: sample.body as object }),
    });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).code).toBe('REQ-UNAUTHENTICATED');
  });

  const writes = signedIn.filter(([key]) => /^(POST|PUT|PATCH) /.test(key));
  it.each(writes)('%s answers 401 before looking at a malformed body', async (key, sample) => {
    const res = await t.app.inject({
      method: key.split(' ')[0] as 'POST',
      url: sample.url,
      headers: { 'content-type': 'application/json' },
      payload: '{"not json',
    });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).code).toBe('REQ-UNAUTHENTICATED');
  });

  it.each(open)('%s is open to them', async (key, sample) => {
    const res = await send(t.anonymous, key, sample);
    expect(res.status).toBe((sample as { status: number }).status);
  });

  it('answers public facts only from health and instance', async () => {
    expect((await t.anonymous.get('/api/v1/health')).body).toEqual({ status: 'ok' });
    const instance = await t.anonymous.get('/api/v1/instance');
    expect(Object.keys(instance.body).sort()).toEqual(['demo', 'fixedToday', 'mailMode', 'version']);
    expect(instance.body).toMatchObject({ demo: false, fixedToday: null, mailMode: 'outbox' });
    expect((await demo.anonymous.get('/api/v1/instance')).body.demo).toBe(true);
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('ends the caller’s own session only, and nothing without one', async () => {
    const other = await t.signIn('board@example.org');
    const anon = await t.anonymous.post('/api/v1/auth/logout');
    expect(anon.status).toBe(204);
    expect((await other.get('/api/v1/me')).status).toBe(200);
    const res = await other.post('/api/v1/auth/logout');
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/openpars_session=;/);
    expect((await other.get('/api/v1/me')).status).toBe(401);
  });
});

describe('GET /api/v1/codes/:list', () => {
  it.each([...CODE_LISTS])('%s lists items with a code and a name', async (list) => {
    const res = await t.anonymous.get(`/api/v1/codes/${list}`);
    expect(res.status).toBe(200);
    expect(res.body.list).toBe(list);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) {
      expect(typeof item.code).toBe('string');
      expect(item.code.length).toBeGreaterThan(0);
      expect(typeof item.name).toBe('string');
      expect(item.name.length).toBeGreaterThan(0);
    }
    expect(res.headers['cache-control']).toMatch(/public/);
  });

  it('carries the values the forms need', async () => {
    expect((await t.anonymous.get('/api/v1/codes/states')).body.items).toContainEqual(
      expect.objectContaining({ code: 'TX', name: 'Texas' }),
    );
    expect((await t.anonymous.get('/api/v1/codes/countries')).body.items).toContainEqual(
      expect.objectContaining({ code: 'USA' }),
    );
  });

  it('answers 404 to an unknown list', async () => {
    for (const list of ['planets', '..%2Fcodes%2Fstates', 'States']) {
      const res = await t.anonymous.get(`/api/v1/codes/${list}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('REQ-NOT-FOUND');
    }
  });
});

describe('GET /api/v1/outbox', () => {
  it('is open to anyone on a demo instance', async () => {
    expect(
      (await demo.anonymous.post('/api/v1/auth/password-reset', { email: 'operator@example.org' })).status,
    ).toBe(202);
    const res = await demo.anonymous.get('/api/v1/outbox');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      to: 'operator@example.org',
      subject: 'OpenPARS — reset your password',
    });
  });

  it('is for operator administrators only elsewhere', async () => {
    expect(
      (await t.anonymous.post('/api/v1/auth/password-reset', { email: 'operator@example.org' })).status,
    ).toBe(202);
    const mail = await latestMailTo(t, 'operator@example.org');
    const anon = await t.anonymous.get('/api/v1/outbox');
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('REQ-UNAUTHENTICATED');
    const byProvider = await provider.get('/api/v1/outbox');
    expect(byProvider.status).toBe(403);
    expect(byProvider.body.code).toBe('REQ-FORBIDDEN');
    expect(byProvider.raw).not.toContain('reset-password');
    const byOperator = await operator.get('/api/v1/outbox');
    expect(byOperator.status).toBe(200);
    expect(byOperator.body.items.map((m: { id: number }) => m.id)).toContain(mail!.id);
  });
});
