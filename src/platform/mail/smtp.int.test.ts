import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

// Mail over a real SMTP conversation (smtp-server on loopback), delivered by the background job.
const received: { to: string[]; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    let data = '';
    stream.on('data', (c: Buffer) => {
      data += c.toString('utf8');
    });
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});

let t: TestApp;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  t = await createTestApp({
    demo: true,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'OpenPARS <pars@example.org>' },
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('mail over SMTP', () => {
  it('delivers an invitation through the SMTP server and marks it sent', async () => {
    const primary = await t.signIn('provider@example.org');
    const orgId = (await primary.get('/api/v1/me')).body.currentOrganizationId;
    const res = await primary.post(`/api/v1/organizations/${orgId}/members`, {
      name: 'Mo Mail',
      email: 'mo@example.org',
      roles: ['STAFF'],
    });
    expect(res.status).toBe(201);
    const message = await waitFor(() => received.find((m) => m.to.includes('mo@example.org')));
    // the subject is MIME-encoded (it has an em dash) and the body quoted-printable
    expect(message.data).toMatch(/Subject: .*system[_ ]access[_ ]granted/);
    const body = message.data
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    expect(body).toMatch(/\/invitation\?token=[A-Za-z0-9_-]{20,}/);
    const row = await waitFor(() =>
      t.database.db
        .selectFrom('mailOutbox')
        .select(['status', 'sentAt'])
        .where('toAddress', '=', 'mo@example.org')
        .where('status', '=', 'SENT')
        .executeTakeFirst(),
    );
    expect(row.sentAt).toBeInstanceOf(Date);
  });
});
