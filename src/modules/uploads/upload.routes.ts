import '@fastify/multipart';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalid } from '../../platform/errors';
import { csvHeader, type ReportRow, reportCsvLines } from './report.csv';
import type { UploadsService } from './upload.service';

const idParams = z.object({ id: z.uuid() });
const yes = (v: unknown) =>
  v === true || (typeof v === 'string' && ['true', '1', 'yes'].includes(v.toLowerCase()));

// formats.md §7–§8. Custom methods after a parameter need a pattern (`:id(…)::confirm`) so Fastify stops
// the parameter at the colon.
const UUID = '[0-9a-fA-F-]{36}';

export const uploadRoutes =
  (uploads: UploadsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/uploads',
      {
        schema: {
          tags: ['uploads'],
          summary:
            'Upload a file (multipart: file, kind, dryRun, confirmDuplicate; archive imports: archive, providerId) → 202 and the upload id',
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        uploads.uploader(request.actor);
        if (!request.isMultipart()) {
          throw new AppError(
            'REQ-UNSUPPORTED-MEDIA',
            'Send the file as multipart/form-data with a "file" part.',
          );
        }
        const fields: Record<string, string> = {};
        let id: string | null = null;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file' || id) {
                part.file.resume();
                throw invalid([
                  {
                    path: part.fieldname,
                    code: 'VAL-UNKNOWN',
                    message: 'send exactly one file, in the part named "file"',
                  },
                ]);
              }
              id = await uploads.store(request.actor, part.filename || 'upload', part.file);
            } else {
              fields[part.fieldname] = String(part.value);
            }
          }
        } catch (err) {
          if (id) await uploads.discard(id);
          throw err;
        }
        if (!id)
          throw invalid([{ path: 'file', code: 'VAL-REQUIRED', message: 'is required: the file to upload' }]);
        const known = [
          'kind',
          'dryRun',
          'confirmDuplicate',
          'archive',
          ...(yes(fields.archive) ? ['providerId'] : []),
        ];
        const unknown = Object.keys(fields).filter((k) => !known.includes(k));
        if (unknown.length) {
          await uploads.discard(id);
          throw invalid(
            unknown.map((k) => ({
              path: k,
              code: 'VAL-UNKNOWN',
              message:
                k === 'providerId'
                  ? 'is only for archive imports (archive=true)'
                  : 'is not a field of an upload',
            })),
          );
        }
        const result = await uploads.accept(request.actor, id, {
          kind: fields.kind ?? 'activities',
          dryRun: yes(fields.dryRun),
          confirmDuplicate: yes(fields.confirmDuplicate),
          ...(yes(fields.archive) ? { archive: { providerNumber: fields.providerId ?? null } } : {}),
        });
        return reply.code(202).send(result);
      },
    );

    app.get(
      '/uploads',
      {
        schema: {
          tags: ['uploads'],
          summary: 'Recent uploads of the acting provider and archive imports the acting organisation sent',
        },
      },
      async (request) => uploads.list(request.actor),
    );

    app.get(
      '/uploads/:id',
      { schema: { tags: ['uploads'], summary: 'State, progress and counts of an upload', params: idParams } },
      async (request) => uploads.get(request.actor, request.params.id),
    );

    app.get(
      '/uploads/:id/report.json',
      {
        schema: {
          tags: ['uploads'],
          summary: 'The per-row report (1,000 rows a page)',
          params: idParams,
          querystring: z
            .object({
              cursor: z.coerce.number().int().min(0).optional(),
              outcome: z.string().max(30).optional(),
              limit: z.coerce.number().int().min(1).max(1000).optional(),
            })
            .strict(),
        },
      },
      async (request) => uploads.report(request.actor, request.params.id, request.query),
    );

    app.get(
      '/uploads/:id/report.csv',
      { schema: { tags: ['uploads'], summary: 'The per-row report as CSV (Excel-safe)', params: idParams } },
      async (request, reply) => {
        const rows = uploads.reportRows(request.actor, request.params.id);
        // authorize before the first byte: pull the first row now
        const first = await rows.next();
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="upload-${request.params.id}-report.csv"`);
        async function* lines() {
          yield csvHeader();
          if (first.done) return;
          for (let r: IteratorResult<unknown> = first; !r.done; r = await rows.next()) {
            yield `${reportCsvLines(r.value as ReportRow).join('\r\n')}\r\n`;
          }
        }
        return reply.send(Readable.from(lines()));
      },
    );

    app.get(
      '/uploads/:id/report.ndjson',
      {
        schema: {
          tags: ['uploads'],
          summary: 'Every row of the report, one JSON object a line (the rows of report.json)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const rows = uploads.reportRows(request.actor, request.params.id);
        // authorize before the first byte: pull the first row now
        const first = await rows.next();
        reply.header('content-type', 'application/x-ndjson; charset=utf-8');
        reply.header(
          'content-disposition',
          `attachment; filename="upload-${request.params.id}-report.ndjson"`,
        );
        async function* lines() {
          for (let r = first; !r.done; r = await rows.next()) {
            const { uploadId: _u, keyDigest: _k, ...row } = r.value;
            yield `${JSON.stringify(row)}\n`;
          }
        }
        return reply.send(Readable.from(lines()));
      },
    );

    app.get(
      '/uploads/:id/events',
      {
        schema: {
          tags: ['uploads'],
          summary: 'Progress as server-sent events until the upload ends',
          params: idParams,
        },
      },
      async (request, reply) => {
        await uploads.get(request.actor, request.params.id);
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        let open = true;
        request.raw.on('close', () => {
          open = false;
        });
        while (open) {
          const state = await uploads.get(request.actor, request.params.id);
          reply.raw.write(
            `event: progress\ndata: ${JSON.stringify({ state: state.state, rowsProcessed: state.rowsProcessed, summary: state.summary })}\n\n`,
          );
          if (['COMPLETED', 'REJECTED', 'CANCELLED', 'AWAITING_CONFIRMATION'].includes(state.state)) break;
          await new Promise((r) => setTimeout(r, 500));
        }
        reply.raw.end();
        return reply;
      },
    );

    app.post(
      `/uploads/:id(^${UUID}$)::confirm`,
      { schema: { tags: ['uploads'], summary: 'Process a duplicate file after all', params: idParams } },
      async (request, reply) => reply.code(202).send(await uploads.confirm(request.actor, request.params.id)),
    );

    app.post(
      `/uploads/:id(^${UUID}$)::cancel`,
      { schema: { tags: ['uploads'], summary: 'Cancel an upload awaiting confirmation', params: idParams } },
      async (request) => uploads.cancel(request.actor, request.params.id),
    );
  };
