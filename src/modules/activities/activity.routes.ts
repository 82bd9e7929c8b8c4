import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { ACTIVITY_STATUSES, activityInputSchema } from './activity.schema';
import type { ActivitiesService } from './activity.service';

// formats.md §7. Custom methods are registered with an escaped colon; after a parameter the parameter
// needs a pattern so Fastify stops it before the colon (`:id(^\\d+)::copy`).
const idParams = z.object({ id: z.coerce.number().int().positive().max(999_999_999_999) });
const ifMatch = z.object({
  'if-match': z.string().max(30).optional(),
  'idempotency-key': z.string().max(200).optional(),
});
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const v = Number(header.replace(/^W\//, '').replaceAll('"', ''));
  if (!Number.isInteger(v) || v < 1) {
    throw new AppError('REQ-INVALID', 'If-Match must be the activity’s version number.', [
      {
        path: 'If-Match',
        code: 'VAL-FORMAT',
        message: 'must be a version number such as "3"',
        value: header,
      },
    ]);
  }
  return v;
}

export const activityRoutes =
  (activities: ActivitiesService): FastifyPluginAsyncZod =>
  async (app) => {
    const credentialOf = (request: {
      actor: { apiKeyId: string | null; sessionId: string | null; userId: string | null } | null;
    }) => request.actor?.apiKeyId ?? request.actor?.userId ?? 'anonymous';

    app.get(
      '/activities',
      {
        schema: {
          tags: ['activities'],
          summary: 'List activities (filters, keyset paging)',
          querystring: z
            .object({
              q: z
                .string()
                .trim()
                .max(200)
                .optional()
                .describe('Title words, PARS Activity ID or Provider Activity ID.'),
              providerActivityId: z.string().max(50).optional(),
              status: z.enum(ACTIVITY_STATUSES).optional(),
              format: z.string().max(3).optional(),
              year: z.coerce.number().int().min(2005).max(2100).optional(),
              board: z.string().max(10).optional(),
              rems: bool.optional(),
              mips: bool.optional(),
              providerId: z.coerce
                .number()
                .int()
                .positive()
                .optional()
                .describe('Accreditors: one of your providers (organisation id).'),
              sort: z.enum(['id', 'endDate', 'title']).optional(),
              cursor: z.string().max(500).optional(),
              limit: z.coerce.number().int().min(1).max(200).optional(),
            })
            .strict(),
        },
      },
      async (request) => activities.list(request.actor, request.query),
    );

    app.post(
      '/activities',
      {
        schema: {
          tags: ['activities'],
          summary: 'Create an activity',
          body: activityInputSchema,
          headers: ifMatch,
        },
      },
      async (request, reply) => {
        const result = await activities.idempotent(
          credentialOf(request),
          'POST',
          '/activities',
          request.headers['idempotency-key'],
          request.body,
          async () => {
            const { activity, result: r } = await activities.create(request.actor, request.body);
            return { status: 201, body: { ...activity, warnings: r.warnings } };
          },
        );
        return reply.code(result.status).send(result.body);
      },
    );

    app.post(
      '/activities::validate',
      {
        schema: {
          tags: ['activities'],
          summary: 'Check one activity as a save would, without saving',
          body: activityInputSchema,
          querystring: z
            .object({
              parsActivityId: z.coerce
                .number()
                .int()
                .positive()
                .optional()
                .describe('The activity being edited; without it the record is checked as a new activity.'),
            })
            .strict(),
        },
      },
      async (request) => activities.validate(request.actor, request.body, request.query.parsActivityId),
    );

    app.post(
      '/activities::repeat',
      {
        schema: {
          tags: ['activities'],
          summary: 'Create a repeat group: one activity per instance, all or nothing',
          body: z
            .object({ shared: activityInputSchema, instances: z.array(activityInputSchema).min(2).max(100) })
            .strict(),
          headers: ifMatch,
        },
      },
      async (request, reply) => {
        const result = await activities.idempotent(
          credentialOf(request),
          'POST',
          '/activities:repeat',
          request.headers['idempotency-key'],
          request.body,
          async () => ({
            status: 201,
            body: await activities.repeat(request.actor, request.body),
          }),
        );
        return reply.code(result.status).send(result.body);
      },
    );

    app.get(
      '/activities/:id',
      { schema: { tags: ['activities'], summary: 'One activity', params: idParams } },
      async (request, reply) => {
        const activity = await activities.get(request.actor, request.params.id);
        reply.header('etag', `"${activity.version}"`);
        return activity;
      },
    );

    app.get(
      '/activities/:id/history',
      { schema: { tags: ['activities'], summary: 'Change history of an activity', params: idParams } },
      async (request) => activities.history(request.actor, request.params.id),
    );

    app.put(
      '/activities/:id',
      {
        schema: {
          tags: ['activities'],
          summary: 'Replace an activity',
          params: idParams,
          body: activityInputSchema,
          headers: ifMatch,
        },
      },
      async (request) => {
        const { activity, result } = await activities.replace(
          request.actor,
          request.params.id,
          request.body,
          expectedVersion(request.headers['if-match']),
        );
        return { ...activity, outcome: result.outcome, warnings: result.warnings };
      },
    );

    app.patch(
      '/activities/:id',
      {
        schema: {
          tags: ['activities'],
          summary: 'Change an activity (JSON Merge Patch; null clears)',
          params: idParams,
          body: z.record(z.string(), z.unknown()),
          headers: ifMatch,
        },
      },
      async (request) => {
        const { activity, result } = await activities.patch(
          request.actor,
          request.params.id,
          request.body,
          expectedVersion(request.headers['if-match']),
        );
        return { ...activity, outcome: result.outcome, warnings: result.warnings };
      },
    );

    app.delete(
      '/activities/:id',
      {
        schema: {
          tags: ['activities'],
          summary: 'Delete an activity (soft)',
          params: idParams,
          headers: ifMatch,
        },
      },
      async (request, reply) => {
        await activities.remove(
          request.actor,
          request.params.id,
          expectedVersion(request.headers['if-match']),
        );
        return reply.code(204).send();
      },
    );

    app.post(
      '/activities/:id(^\\d+)::copy',
      { schema: { tags: ['activities'], summary: 'Copy an activity into a new draft', params: idParams } },
      async (request, reply) => {
        const { activity } = await activities.copy(request.actor, request.params.id);
        return reply.code(201).send(activity);
      },
    );

    app.put(
      '/activities/by-provider-id/:providerActivityId',
      {
        schema: {
          tags: ['activities'],
          summary: 'Create or replace by your own activity ID (idempotent upsert)',
          params: z.object({ providerActivityId: z.string().min(1).max(50) }),
          body: activityInputSchema,
        },
      },
      async (request, reply) => {
        const { activity, result } = await activities.upsertByProviderId(
          request.actor,
          request.params.providerActivityId,
          request.body,
        );
        return reply
          .code(result.change === 'ADDED' ? 201 : 200)
          .send({ ...activity, outcome: result.outcome, warnings: result.warnings });
      },
    );
  };
