import path from 'node:path';
import { z } from 'zod';

// Every setting OpenPARS reads, validated once at start-up. docs/operations.md and the README table
// are generated from the same descriptions (scripts/settings-table.ts) so they cannot drift.
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const settingsSchema = z.object({
  NODE_ENV: z.string().default('development').describe('`production` disables demo data and the fixed date.'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port.'),
  HOST: z.string().default('0.0.0.0').describe('Interface to listen on.'),
  DATA_DIR: z
    .string()
    .default('./data')
    .describe('Directory of the embedded PGlite database (ignored with DATABASE_URL).'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .describe('PostgreSQL connection URL; when absent the embedded PGlite database is used.'),
  PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .describe('Base URL used in links sent by mail (default http://localhost:PORT).'),
  MAIL_FROM: z
    .string()
    .default('OpenPARS <no-reply@openpars.local>')
    .describe('Sender address of outgoing mail.'),
  SMTP_URL: z
    .string()
    .url()
    .optional()
    .describe('SMTP server URL (smtp:// or smtps://); without it mail goes to the outbox.'),
  TRUST_PROXY: bool
    .default(false)
    .describe('Trust X-Forwarded-* headers (Secure cookies and per-IP limits behind a proxy).'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log level.'),
  OPENPARS_DEMO: bool
    .optional()
    .describe(
      'Demo instance (seeds demo data into an empty database). Default: true on the embedded database outside production.',
    ),
  OPENPARS_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .optional()
    .describe('Fixes "today" (YYYY-MM-DD) for tests and demos; refused in production.'),
  MFA_REQUIRED_FOR: z
    .string()
    .default('accreditor,board,operator')
    .describe('Kinds of user that must use a second factor (enforced with the hardening work).'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(60)
    .describe('Idle session timeout in minutes.'),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(12)
    .describe('Absolute session lifetime in hours.'),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .default(30)
    .describe('Sign-in, reset and invitation requests allowed per client address per minute.'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1_048_576)
    .describe('Largest JSON request body.'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024)
    .describe('Largest uploaded file.'),
  UPLOAD_BATCH_ROWS: z.coerce
    .number()
    .int()
    .min(1)
    .max(20_000)
    .default(2500)
    .describe('Rows an upload applies per transaction (formats.md §8.3: a few thousand).'),
});

export type Config = {
  env: string;
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  mailFrom: string;
  smtpUrl: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  demo: boolean;
  today: string | undefined;
  mfaRequiredFor: string[];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  authRateLimitPerMinute: number;
  bodyLimitBytes: number;
  uploadMaxBytes: number;
  uploadBatchRows: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = settingsSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  const production = s.NODE_ENV === 'production';
  if (production && s.OPENPARS_DEMO === true) {
    throw new ConfigError(
      'OPENPARS_DEMO=true is refused when NODE_ENV=production: demo data never reaches a production instance.',
    );
  }
  if (production && s.OPENPARS_TODAY) {
    throw new ConfigError(
      'OPENPARS_TODAY is refused when NODE_ENV=production: a fixed date is for tests and demos only.',
    );
  }
  const demo = production ? false : (s.OPENPARS_DEMO ?? !s.DATABASE_URL);
  return {
    env: s.NODE_ENV,
    production,
    port: s.PORT,
    host: s.HOST,
    dataDir: path.resolve(s.DATA_DIR),
    databaseUrl: s.DATABASE_URL,
    publicUrl: (s.PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/$/, ''),
    mailFrom: s.MAIL_FROM,
    smtpUrl: s.SMTP_URL,
    trustProxy: s.TRUST_PROXY,
    logLevel: s.LOG_LEVEL,
    demo,
    today: s.OPENPARS_TODAY,
    mfaRequiredFor: s.MFA_REQUIRED_FOR.split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    sessionIdleMinutes: s.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: s.SESSION_ABSOLUTE_HOURS,
    authRateLimitPerMinute: s.AUTH_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: s.BODY_LIMIT_BYTES,
    uploadMaxBytes: s.UPLOAD_MAX_BYTES,
    uploadBatchRows: s.UPLOAD_BATCH_ROWS,
  };
}

function emptyToUndefined(env: Record<string, string | undefined>) {
  const out: Record<string, string> = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}
