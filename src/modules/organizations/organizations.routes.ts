import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACCREDITATION_STATUSES,
  createProviderBody,
  inviteMemberBody,
  patchProviderBody,
  updateMemberBody,
} from './organizations.schema';
import type { OrganizationsService } from './organizations.service';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const memberParams = z.object({ id: z.coerce.number().int().positive(), userId: z.uuid() });

export const organizationsRoutes =
  (organizations: OrganizationsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accreditors',
      { schema: { tags: ['organizations'], summary: 'Accreditors' } },
      async (request) => ({
        items: await organizations.listAccreditors(request.actor),
      }),
    );

    app.get(
      '/boards',
      { schema: { tags: ['organizations'], summary: 'Certifying and state licensing boards' } },
      async (request) => ({
        items: await organizations.listBoards(request.actor),
      }),
    );

    app.get(
      '/providers',
      {
        schema: {
          tags: ['providers'],
          summary: 'Providers the caller may see',
          querystring: z
            .object({
              q: z.string().trim().max(200).optional(),
              accreditorId: z.coerce.number().int().positive().optional(),
              status: z.enum(ACCREDITATION_STATUSES).optional(),
              cursor: z.string().max(500).optional(),
              limit: z.coerce.number().int().min(1).max(200).optional(),
            })
            .strict(),
        },
      },
      async (request) => organizations.listProviders(request.actor, request.query),
    );

    app.post(
      '/providers',
      {
        schema: {
          tags: ['providers'],
          summary: 'Create a provider (accreditor administrator)',
          body: createProviderBody,
        },
      },
      async (request, reply) =>
        reply.code(201).send(await organizations.createProvider(request.actor, request.body)),
    );

    app.get(
      '/providers/:id',
      { schema: { tags: ['providers'], summary: 'One provider', params: idParams } },
      async (request) => organizations.getProvider(request.actor, request.params.id),
    );

    app.patch(
      '/providers/:id',
      {
        schema: {
          tags: ['providers'],
          summary: 'Change a provider (merge patch)',
          params: idParams,
          body: patchProviderBody,
        },
      },
      async (request) => organizations.patchProvider(request.actor, request.params.id, request.body),
    );

    app.get(
      '/providers/:id/decisions',
      { schema: { tags: ['providers'], summary: 'Accreditation decisions of a provider', params: idParams } },
      async (request) => organizations.listDecisions(request.actor, request.params.id),
    );

    app.get(
      '/organizations/:id',
      { schema: { tags: ['organizations'], summary: 'An organisation’s profile', params: idParams } },
      async (request) => organizations.getOrganization(request.actor, request.params.id),
    );

    app.get(
      '/organizations/:id/members',
      { schema: { tags: ['people'], summary: 'People of an organisation', params: idParams } },
      async (request) => organizations.listMembers(request.actor, request.params.id),
    );

    app.post(
      '/organizations/:id/members',
      { schema: { tags: ['people'], summary: 'Invite a person', params: idParams, body: inviteMemberBody } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await organizations.inviteMember(request.actor, request.params.id, request.body)),
    );

    app.put(
      '/organizations/:id/members/:userId',
      {
        schema: {
          tags: ['people'],
          summary: 'Change a person’s roles',
          params: memberParams,
          body: updateMemberBody,
        },
      },
      async (request) =>
        organizations.updateMemberRoles(
          request.actor,
          request.params.id,
          request.params.userId,
          request.body.roles,
        ),
    );

    app.delete(
      '/organizations/:id/members/:userId',
      { schema: { tags: ['people'], summary: 'Remove a person’s access', params: memberParams } },
      async (request, reply) => {
        await organizations.removeMember(request.actor, request.params.id, request.params.userId);
        return reply.code(204).send();
      },
    );

    app.post(
      '/organizations/:id/members/:userId/resend-invitation',
      { schema: { tags: ['people'], summary: 'Send a fresh invitation link', params: memberParams } },
      async (request, reply) => {
        await organizations.resendInvitation(request.actor, request.params.id, request.params.userId);
        return reply.code(204).send();
      },
    );

    app.post(
      '/organizations/:id/members/:userId/deactivate',
      { schema: { tags: ['people'], summary: 'Deactivate a person’s account', params: memberParams } },
      async (request, reply) => {
        await organizations.deactivateMember(request.actor, request.params.id, request.params.userId);
        return reply.code(204).send();
      },
    );
  };
