import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/identity/actor';
import type { IdentityService } from '../modules/identity/identity.service';
import { safeEqual } from '../modules/identity/secrets';
import { sendProblem } from './problem';

export const SESSION_COOKIE = 'openpars_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in itself, health, code lists…). Every other route needs a caller. */
    public?: boolean;
  }
}

// Resolves who is calling before any route runs: an API key (Authorization: Bearer) or the session
// cookie. Cookie-authenticated writes must echo the session's CSRF token (decisions.md §5).
export function registerAuth(app: FastifyInstance, identity: IdentityService) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match ? await identity.actorFromApiKey(match[1]!, request.id) : null;
      if (!actor)
        return sendProblem(
          reply,
          request,
          'REQ-UNAUTHENTICATED',
          'The API key is unknown, revoked or malformed.',
        );
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await identity.actorFromSession(token, request.id);
    if (!resolved) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.actor = resolved.actor;
    request.csrfToken = resolved.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, resolved.csrfToken)) {
        return sendProblem(
          reply,
          request,
          'REQ-CSRF',
          'This change needs the X-CSRF-Token header of your session. Reload the page and try again.',
        );
      }
    }
  });

  // Who-are-you comes before what-did-you-send: an anonymous caller gets 401 on every non-public
  // route, even with a malformed body. The services still check permissions themselves.
  app.addHook('preParsing', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (!request.url.startsWith('/api/v1/') || request.is404 || request.routeOptions.config.public)
      return payload;
    if (!request.actor) return sendProblem(reply, request, 'REQ-UNAUTHENTICATED', 'Sign in first.');
    return payload;
  });

  return {
    setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        // Secure whenever the request came over TLS (behind a proxy: with TRUST_PROXY).
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
    },
    clearSessionCookie(reply: FastifyReply) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  };
}
export type SessionCookies = ReturnType<typeof registerAuth>;
