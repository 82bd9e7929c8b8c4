import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditService } from './audit.service';

// A real calendar day: '2025-13-45' or '2025-02-30' would otherwise reach SQL (a 500) or roll over.
const isCalendarDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a calendar date');

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
