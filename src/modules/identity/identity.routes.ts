import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, type SessionCookies } from '../../server/auth';
import {
  acceptInvitationBody,
  createApiKeyBody,
  loginBody,
  resetCompleteBody,
  resetRequestBody,
  switchOrganizationBody,
} from './identity.schema';
import type { IdentityService } from './identity.service';

export const identityRoutes =
  (
    identity: IdentityService,
    cookies: SessionCookies,
    authRateLimitPerMinute: number,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    // Sign-in endpoints get a per-IP limit on top of the per-account lockout in the service.
    const authLimit = {
      config: { public: true, rateLimit: { max: authRateLimitPerMinute, timeWindow: '1 minute' } },
    };

    app.post(
      '/auth/login',
      { ...authLimit, schema: { tags: ['auth'], summary: 'Sign in', body: loginBody } },
      async (request, reply) => {
        const signedIn = await identity.login({ ...request.body, ip: request.ip, requestId: request.id });
        cookies.setSessionCookie(request, reply, signedIn.sessionToken, signedIn.expiresAt);
        const actor = await identity.actorFromSession(signedIn.sessionToken, request.id);
        return { ...(await identity.me(actor!.actor)), csrfToken: signedIn.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out' } },
      async (request, reply) => {
        await identity.logout(request.actor);
        cookies.clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/password-reset',
      {
        ...authLimit,
        schema: { tags: ['auth'], summary: 'Ask for a password reset link', body: resetRequestBody },
      },
      async (request, reply) => {
        await identity.requestPasswordReset(request.body.email, request.id);
        return reply
          .code(202)
          .send({ status: 'If an account exists for this address, a reset link is on its way.' });
      },
    );

    app.post(
      '/auth/password-reset/complete',
      {
        ...authLimit,
        schema: { tags: ['auth'], summary: 'Set a new password with a reset link', body: resetCompleteBody },
      },
      async (request, reply) => {
        await identity.completePasswordReset(request.body.token, request.body.password, request.id);
        cookies.clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/invitations/:token',
      {
        ...authLimit,
        schema: {
          tags: ['auth'],
          summary: 'Look at an invitation',
          params: z.object({ token: z.string().min(1).max(200) }),
        },
      },
      async (request) => identity.getInvitation(request.params.token),
    );

    app.post(
      '/auth/invitations/accept',
      {
        ...authLimit,
        schema: {
          tags: ['auth'],
          summary: 'Accept an invitation and set a password',
          body: acceptInvitationBody,
        },
      },
      async (request, reply) => {
        const signedIn = await identity.acceptInvitation({ ...request.body, requestId: request.id });
        cookies.setSessionCookie(request, reply, signedIn.sessionToken, signedIn.expiresAt);
        const actor = await identity.actorFromSession(signedIn.sessionToken, request.id);
        return { ...(await identity.me(actor!.actor)), csrfToken: signedIn.csrfToken };
      },
    );

    app.get(
      '/me',
      { schema: { tags: ['me'], summary: 'The signed-in user, organisations and roles' } },
      async (request) => ({
        ...(await identity.me(request.actor)),
        csrfToken: request.csrfToken,
      }),
    );

    app.put(
      '/me/organization',
      { schema: { tags: ['me'], summary: 'Switch the acting organisation', body: switchOrganizationBody } },
      async (request) => {
        await identity.switchOrganization(request.actor, request.body.organizationId);
        const resolved = await identity.actorFromSession(request.cookies[SESSION_COOKIE] ?? '', request.id);
        return { ...(await identity.me(resolved?.actor ?? null)), csrfToken: request.csrfToken };
      },
    );

    app.get(
      '/api-keys',
      { schema: { tags: ['api-keys'], summary: 'API keys of the acting organisation' } },
      async (request) => ({
        items: await identity.listApiKeys(request.actor),
      }),
    );

    app.post(
      '/api-keys',
      { schema: { tags: ['api-keys'], summary: 'Create an API key (shown once)', body: createApiKeyBody } },
      async (request, reply) => {
        return reply.code(201).send(await identity.createApiKey(request.actor, request.body.name));
      },
    );

    app.delete(
      '/api-keys/:id',
      { schema: { tags: ['api-keys'], summary: 'Revoke an API key', params: z.object({ id: z.uuid() }) } },
      async (request, reply) => {
        await identity.revokeApiKey(request.actor, request.params.id);
        return reply.code(204).send();
      },
    );
  };
