// One error type for everything a caller can get wrong; the HTTP layer turns it into problem+json
// (RFC 9457). `code` is one of the REQ-* codes of spec/formats.md §9 plus those of decisions.md §8
// (docs/api.md lists them); field errors carry VAL-* codes or the domain codes of formats.md §9.

export const REQUEST_CODES = {
  'REQ-INVALID': { status: 400, title: 'Invalid request' },
  'REQ-CONSENT-MISSING': { status: 400, title: 'Learner consent not attested' },
  'REQ-TOKEN-INVALID': { status: 400, title: 'Link expired or already used' },
  'REQ-UNAUTHENTICATED': { status: 401, title: 'Not signed in' },
  'REQ-FORBIDDEN': { status: 403, title: 'Not allowed' },
  'REQ-CSRF': { status: 403, title: 'Missing or wrong CSRF token' },
  'REQ-NOT-FOUND': { status: 404, title: 'Not found' },
  'REQ-CONFLICT': { status: 409, title: 'Conflict' },
  'REQ-VERSION-MISMATCH': { status: 412, title: 'Version mismatch' },
  'REQ-TOO-LARGE': { status: 413, title: 'Request too large' },
  'REQ-UNSUPPORTED-MEDIA': { status: 415, title: 'Unsupported media type' },
  'REQ-IDEMPOTENCY-REUSED': { status: 422, title: 'Idempotency key reused with another body' },
  'REQ-RATE-LIMITED': { status: 429, title: 'Too many requests' },
  'REQ-INTERNAL': { status: 500, title: 'Internal error' },
} as const;
export type RequestCode = keyof typeof REQUEST_CODES;

export type FieldError = {
  path: string;
  code: string;
  message: string;
  value?: unknown;
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: RequestCode,
    detail?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? REQUEST_CODES[code].title);
    this.status = REQUEST_CODES[code].status;
  }
}

export const notFound = (what = 'record') => new AppError('REQ-NOT-FOUND', `No such ${what}.`);
export const forbidden = (detail = 'Your role in the acting organisation does not allow this.') =>
  new AppError('REQ-FORBIDDEN', detail);
export const unauthenticated = (detail = 'Sign in first.') => new AppError('REQ-UNAUTHENTICATED', detail);
export const conflict = (detail: string, errors: FieldError[] = []) =>
  new AppError('REQ-CONFLICT', detail, errors);
export const invalid = (errors: FieldError[], detail = 'Some fields are not valid.') =>
  new AppError('REQ-INVALID', detail, errors);
