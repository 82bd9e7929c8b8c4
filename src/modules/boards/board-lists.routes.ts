import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOARD_LISTS, type BoardListPath, type BoardListsService } from './board-lists.service';

const listParams = z.object({
  code: z.string().min(2).max(10),
  list: z.enum(Object.keys(BOARD_LISTS) as [BoardListPath, ...BoardListPath[]]),
});

export const boardListRoutes =
  (lists: BoardListsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/boards/:code/:list',
      {
        config: { public: true },
        schema: {
          tags: ['boards'],
          summary: 'A certifying board’s practice or content areas',
          params: listParams,
        },
      },
      async (request) => lists.list(request.params.code, request.params.list),
    );

    app.post(
      '/boards/:code/:list',
      {
        schema: {
          tags: ['boards'],
          summary: 'Add an entry (board administrators, operator)',
          params: listParams,
          body: z
            .object({
              code: z.string().min(1).max(40).describe('Short code of the entry.'),
              name: z.string().trim().min(1).max(200).describe('Name shown to providers.'),
            })
            .strict(),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await lists.add(request.actor, request.params.code, request.params.list, request.body)),
    );

    app.delete(
      '/boards/:code/:list/:entry',
      {
        schema: {
          tags: ['boards'],
          summary: 'Deactivate an entry (existing registrations keep it)',
          params: listParams.extend({ entry: z.string().min(1).max(40) }),
        },
      },
      async (request, reply) => {
        await lists.deactivate(request.actor, request.params.code, request.params.list, request.params.entry);
        return reply.code(204).send();
      },
    );

    app.get(
      '/rems/blueprint-sections',
      { config: { public: true }, schema: { tags: ['boards'], summary: 'FDA REMS Blueprint sections' } },
      async () => lists.remsBlueprintSections(),
    );
  };
