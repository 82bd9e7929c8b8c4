import { randomBytes } from 'node:crypto';
import type { Client } from './test-app';

/** A multipart/form-data body as a browser or curl would send it, for app.inject. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; content: string | Buffer; field?: string },
) {
  const boundary = `----openpars${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

type InjectApp = {
  inject(options: {
    method: 'POST';
    url: string;
    payload: Buffer;
    headers: Record<string, string>;
  }): Promise<{ statusCode: number; body: string }>;
};

/** POST /api/v1/uploads as a signed-in user's browser would. */
export async function uploadFile(
  app: InjectApp,
  client: Client,
  content: string | Buffer,
  options: { name?: string; fields?: Record<string, string> } = {},
) {
  const body = multipart(options.fields ?? { kind: 'activities' }, {
    name: options.name ?? 'activities.txt',
    content,
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    payload: body.payload,
    headers: { ...body.headers, cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '' },
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

/** Polls the upload until its job has left RECEIVED/PROCESSING; returns its final state. */
export async function waitForUpload(client: Client, id: string) {
  for (let i = 0; i < 300; i++) {
    const res = await client.get(`/api/v1/uploads/${id}`);
    if (!['RECEIVED', 'PROCESSING'].includes(res.body.state)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`upload ${id} did not finish`);
}
