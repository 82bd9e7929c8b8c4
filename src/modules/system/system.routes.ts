import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SystemService } from './system.service';

export const systemRoutes =
  (system: SystemService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: 'Liveness',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({
        status: 'ok' as const,
      }),
    );

    app.get(
      '/instance',
      {
        config: { public: true },
        schema: { tags: ['system'], summary: 'Instance facts for the banners' },
      },
      async () => system.instance(),
    );

    app.get(
      '/codes/:list',
      {
        config: { public: true },
        schema: { tags: ['codes'], summary: 'A code list', params: z.object({ list: z.string().max(50) }) },
      },
      async (request, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return system.codes(request.params.list);
      },
    );

    app.get(
      '/outbox',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: 'Mail written to the outbox',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }).strict(),
        },
      },
      async (request) => system.outbox(request.actor, request.query.limit),
    );
  };
