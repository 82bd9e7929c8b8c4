import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import { activityRoutes } from '../modules/activities/activity.routes';
import { createActivitiesService } from '../modules/activities/activity.service';
import { DATE_STATUS_QUEUE } from '../modules/activities/activity-date-status';
import { auditRoutes } from '../modules/audit/audit.routes';
import { createAuditService } from '../modules/audit/audit.service';
import { boardListRoutes } from '../modules/boards/board-lists.routes';
import { createBoardListsService } from '../modules/boards/board-lists.service';
import { identityRoutes } from '../modules/identity/identity.routes';
import { createIdentityService } from '../modules/identity/identity.service';
import { organizationsRoutes } from '../modules/organizations/organizations.routes';
import { createOrganizationsService } from '../modules/organizations/organizations.service';
import { systemRoutes } from '../modules/system/system.routes';
import { createSystemService, VERSION } from '../modules/system/system.service';
import { templateRoutes } from '../modules/templates/templates.routes';
import { createTemplatesService } from '../modules/templates/templates.service';
import { processUpload, UPLOAD_QUEUE, uploadJobOptions } from '../modules/uploads/upload.processor';
import { uploadRoutes } from '../modules/uploads/upload.routes';
import { createUploadsService } from '../modules/uploads/upload.service';
import type { Clock } from '../platform/clock';
import type { DatabaseHandle } from '../platform/db/connect';
import { type Jobs, startJobs } from '../platform/jobs/jobs';
import { loggerOptions } from '../platform/log';
import { createMailer } from '../platform/mail/mailer';
import { registerAuth } from './auth';
import { errorHandler, problemJsonSchema, sendProblem } from './problem';

/**
 * Fastify spells custom methods `/activities::validate` and parameters before one with a pattern
 * (`/:id(^\\d+)::copy`); OpenAPI wants `/activities:validate` and `/{id}:copy`. The swagger plugin turns
 * `::` into `:` and `:name` into `{name}`, so hand it the pattern-free form with the double colon.
 */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)\([^/]*?\)(?=::|\/|$)/g, ':$1').replace(/([^/:]):(\w+)$/, '$1::$2');
}

/** A custom method right after a parameter still comes out as `{id}:{copy}`; name it `{id}:copy`. */
function fixCustomMethodPaths(doc: { paths?: Record<string, unknown> }) {
  if (!doc.paths) return doc;
  doc.paths = Object.fromEntries(
    Object.entries(doc.paths).map(([path, item]) => [path.replace(/\}:\{(\w+)\}$/, '}:$1'), item]),
  );
  return doc;
}

export type AppDeps = { config: Config; database: DatabaseHandle; clock: Clock };

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export function createServices(deps: AppDeps, log: FastifyInstance['log']) {
  const db = deps.database.db;
  const mailer = createMailer({
    db,
    smtpUrl: deps.config.smtpUrl,
    from: deps.config.mailFrom,
    log: log as never,
  });
  const identity = createIdentityService({
    db,
    clock: deps.clock,
    mailer,
    config: deps.config,
    log: log as never,
  });
  const organizations = createOrganizationsService({ db, clock: deps.clock, mailer, identity });
  const audit = createAuditService({ db });
  const system = createSystemService({ db, config: deps.config, clock: deps.clock, mailer });
  const boardLists = createBoardListsService({ db });
  const activities = createActivitiesService({ db, clock: deps.clock, organizations, boardLists });
  let jobs: Jobs | undefined;
  const uploads = createUploadsService({
    db,
    config: deps.config,
    organizations,
    jobs: () => {
      if (!jobs) throw new Error('jobs not started');
      return jobs;
    },
  });
  const templates = createTemplatesService({ clock: deps.clock, uploads, organizations, boardLists });
  const attachJobs = (j: Jobs) => {
    jobs = j;
  };
  return {
    db,
    mailer,
    identity,
    organizations,
    audit,
    system,
    boardLists,
    activities,
    uploads,
    templates,
    attachJobs,
  };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(
  deps: AppDeps,
): Promise<FastifyInstance & { services: Services; jobs: Jobs; startBackgroundWork: () => Promise<void> }> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    genReqId: () => randomUUID(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Unknown query parameters and wrong types are reported by the zod schemas, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const services = createServices(deps, app.log);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 1000 },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'FST_RATE_LIMITED',
      message: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenPARS API',
        version: VERSION,
        description:
          'Program and Activity Reporting System for accredited continuing medical education. Errors are application/problem+json; see docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'openpars_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transformObject: (documentObject) =>
      fixCustomMethodPaths(
        (documentObject as { openapiObject: { paths?: Record<string, unknown> } }).openapiObject,
      ) as never,
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      out.url = openApiPath(out.url);
      const schema = out.schema as { response?: Record<string, unknown> };
      // every operation can answer a problem+json error (docs/api.md lists the codes)
      out.schema = {
        ...out.schema,
        response: { ...(schema.response ?? {}), '4XX': problemJsonSchema, '5XX': problemJsonSchema },
      };
      return out;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const jobs = await startJobs(deps.database, (err) =>
    app.log.error({ err: { type: err.name, message: err.message } }, 'job error'),
  );
  app.addHook('onClose', async () => jobs.stop());
  await services.mailer.deliverWithJobs(jobs);
  services.attachJobs(jobs);
  await jobs.work<{ uploadId: string }>(
    UPLOAD_QUEUE,
    (data) =>
      processUpload(
        {
          db: services.db,
          activities: services.activities,
          log: app.log as never,
          bulkSession: deps.database.bulkSession,
          batchRows: config.uploadBatchRows,
          uploadMaxBytes: config.uploadMaxBytes,
          mailer: services.mailer,
          publicUrl: config.publicUrl,
        },
        data.uploadId,
      ),
    {
      pollingIntervalSeconds: 1,
    },
  );

  const cookies = registerAuth(app, services.identity);

  await app.register(
    async (api) => {
      await api.register(systemRoutes(services.system));
      await api.register(identityRoutes(services.identity, cookies, config.authRateLimitPerMinute));
      await api.register(organizationsRoutes(services.organizations));
      await api.register(auditRoutes(services.audit));
      await api.register(boardListRoutes(services.boardLists));
      await api.register(activityRoutes(services.activities));
      await api.register(uploadRoutes(services.uploads));
      await api.register(templateRoutes(services.templates));
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false });
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendProblem(
        reply,
        request,
        'REQ-NOT-FOUND',
        `No route ${request.method} ${request.url.split('?')[0]}.`,
      );
    }
    // The SPA handles its own routes.
    return reply.type('text/html').sendFile('index.html');
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  await jobs.work(DATE_STATUS_QUEUE, async () => {
    const { changed } = await services.activities.recomputeDateDrivenStatuses();
    if (changed > 0) app.log.info({ changed }, 'activity statuses recomputed after their end date');
  });
  let schedule: NodeJS.Timeout | undefined;
  app.addHook('onClose', async () => clearInterval(schedule));

  /**
   * Work for a serving process (main.ts; tests call the services directly): a job cut short by a stop
   * or crash is queued again and resumes after its last committed batch; the date-driven status
   * recompute runs now and then every quarter hour (an indexed query that finds nothing on most runs,
   * so "nightly at 00:05 Central" is met within the quarter hour, and a fixed OPENPARS_TODAY is honoured
   * at start-up).
   */
  const startBackgroundWork = async () => {
    for (const { id } of await services.uploads.unfinished())
      await jobs.send(UPLOAD_QUEUE, { uploadId: id }, uploadJobOptions(`${id}:resume`));
    const recompute = () => jobs.send(DATE_STATUS_QUEUE, {}, { singletonKey: 'date-statuses' });
    await recompute();
    schedule = setInterval(() => void recompute().catch(() => undefined), 15 * 60_000);
    schedule.unref();
  };
  return Object.assign(app, { services, jobs, startBackgroundWork });
}
