import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, REQUEST_CODES, type RequestCode } from '../platform/errors';

// Turns every error into RFC 9457 problem+json with a documented code (docs/api.md). Bad input
// never becomes a 500; a 500 says nothing but its request id.

const ZOD_TO_FIELD_CODE: Record<string, string> = {
  invalid_type: 'VAL-TYPE',
  too_small: 'VAL-LENGTH',
  too_big: 'VAL-LENGTH',
  invalid_format: 'VAL-FORMAT',
  invalid_value: 'VAL-CODE',
  unrecognized_keys: 'VAL-UNKNOWN',
  invalid_union: 'VAL-TYPE',
  custom: 'VAL-FORMAT',
};

type ZodIssueParams = {
  keys?: string[];
  origin?: string;
  minimum?: number;
  input?: unknown;
  expected?: string;
};

function fieldErrorsOf(error: {
  validation: { keyword: string; instancePath: string; message?: string; params: unknown }[];
  validationContext?: string;
}): FieldError[] {
  const out: FieldError[] = [];
  for (const v of error.validation) {
    const base = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = v.params as ZodIssueParams;
    if (v.keyword === 'unrecognized_keys') {
      for (const key of params.keys ?? []) {
        out.push({
          path: base ? `${base}.${key}` : key,
          code: 'VAL-UNKNOWN',
          message: 'is not a field of this request',
        });
      }
      continue;
    }
    let code = ZOD_TO_FIELD_CODE[v.keyword] ?? 'VAL-FORMAT';
    let message = v.message ?? 'is not valid';
    if (v.keyword === 'invalid_type') {
      // zod does not echo the input; its message says what it received
      if (/received undefined/.test(message)) {
        code = 'VAL-REQUIRED';
        message = 'is required';
      } else if (params.expected) {
        message = `must be ${/^[aeiou]/.test(params.expected) ? 'an' : 'a'} ${params.expected}`;
      }
    }
    if ((v.keyword === 'too_small' || v.keyword === 'too_big') && params.origin === 'number')
      code = 'VAL-RANGE';
    out.push({ path: base || (error.validationContext ?? 'body'), code, message });
  }
  return out;
}

export function problemBody(
  request: FastifyRequest,
  code: RequestCode,
  detail: string,
  errors: FieldError[] = [],
) {
  const { status, title } = REQUEST_CODES[code];
  return {
    type: `https://openpars.org/problems/${code.toLowerCase()}`,
    title,
    status,
    code,
    detail,
    requestId: request.id,
    errors,
  };
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: RequestCode,
  detail: string,
  errors: FieldError[] = [],
) {
  const body = problemBody(request, code, detail, errors);
  return reply.code(body.status).type('application/problem+json').send(body);
}

const FASTIFY_CODES: Record<string, RequestCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQ-INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQ-INVALID',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQ-INVALID',
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQ-TOO-LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQ-UNSUPPORTED-MEDIA',
  FST_ERR_CTP_INVALID_TYPE: 'REQ-UNSUPPORTED-MEDIA',
  FST_REQ_FILE_TOO_LARGE: 'REQ-TOO-LARGE',
  FST_FILES_LIMIT: 'REQ-TOO-LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'REQ-UNSUPPORTED-MEDIA',
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, request, error.code, error.message, error.errors);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = fieldErrorsOf(error as Parameters<typeof fieldErrorsOf>[0]);
    const allUnknown = errors.length > 0 && errors.every((e) => e.code === 'VAL-UNKNOWN');
    return sendProblem(
      reply,
      request,
      'REQ-INVALID',
      allUnknown ? `Unknown field: ${errors.map((e) => e.path).join(', ')}.` : 'Some fields are not valid.',
      errors,
    );
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendProblem(reply, request, mapped, error.message);
  if (error.statusCode === 429)
    return sendProblem(reply, request, 'REQ-RATE-LIMITED', 'Too many requests; retry later.');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Any other client error Fastify raises (bad headers, bad URL encoding…)
    return sendProblem(reply, request, 'REQ-INVALID', error.message);
  }
  // Messages of driver errors can quote values (personal data): log the type, code and frames only.
  const frames = (error.stack ?? '').split('\n').slice(1, 12).join('\n');
  request.log.error({ err: { type: error.name, code: error.code, frames } }, 'request failed');
  return sendProblem(
    reply,
    request,
    'REQ-INTERNAL',
    `Something went wrong on our side. Quote request id ${request.id} when you contact support.`,
  );
}

/** JSON Schema of the problem body, for the OpenAPI document. */
export const problemJsonSchema = {
  description: 'RFC 9457 problem (application/problem+json)',
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(REQUEST_CODES) },
    detail: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'string' },
          value: {},
        },
        required: ['path', 'code', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status', 'code', 'detail'],
};
