import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditService } from './audit.service';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const auditRoutes =
  (audit: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit trail of the acting organisation',
          querystring: z
            .object({
              entityType: z.string().max(50).optional(),
              action: z.string().max(50).optional(),
              actorUserId: z.uuid().optional(),
              from: date.optional(),
              to: date.optional(),
              cursor: z.string().max(30).optional(),
              limit: z.coerce.number().int().min(1).max(200).optional(),
            })
            .strict(),
        },
      },
      async (request) => audit.list(request.actor, request.query),
    );
  };
