import type { FastifyServerOptions } from 'fastify';

// Structured logs without personal data: no cookies, keys, bodies or query strings (search terms and
// link tokens live there), and invitation tokens in paths are masked.
export function sanitizeUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/(\/invitations\/)[^/]+/, '$1[redacted]');
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      remove: true,
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        url: sanitizeUrl(req.url),
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
