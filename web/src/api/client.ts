// The one way the web app talks to the server. Every error, whatever its origin, becomes an ApiError
// carrying the problem+json fields (docs/api.md "Errors"), so pages show one kind of message.

export type FieldIssue = { path: string; code: string; message: string; value?: unknown };

type Problem = {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  requestId?: string;
  errors?: { path?: unknown; code?: string; message?: string; value?: unknown }[];
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: FieldIssue[];

  constructor(status: number, problem: Problem) {
    const title = problem.title ?? 'Request failed';
    super(problem.detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'NETWORK' : `HTTP-${status}`);
    this.title = title;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.errors = (problem.errors ?? []).map((e) => ({
      path: normalizePath(e.path),
      code: e.code ?? '',
      message: e.message ?? 'is not valid',
      value: e.value,
    }));
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// Paths arrive as "a.b" strings; tolerate arrays (Zod's native form) so both map to one key.
function normalizePath(path: unknown): string {
  if (Array.isArray(path)) return path.join('.');
  return typeof path === 'string' ? path.replace(/^\//, '').replaceAll('/', '.') : '';
}

// The CSRF token of the current session (docs/api.md "Authentication"); set from the login answer and
// from GET /me, sent on every write.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A multipart body (file uploads): sent as is, the browser sets its content type. */
  form?: FormData;
  query?: Query;
  signal?: AbortSignal;
  /** Extra request headers, such as `If-Match` or `Idempotency-Key`. */
  headers?: Record<string, string>;
};

export const API_BASE = '/api/v1';

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    // The token changes when the session does (a sign-in in another tab): fetch the current one and try
    // the write once more.
    if (!(error instanceof ApiError && error.code === 'REQ-CSRF')) throw error;
    if (!(await refreshCsrfToken())) throw error;
    return send<T>(path, options);
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const me = await send<{ csrfToken?: string }>('/me', {});
    if (!me.csrfToken || me.csrfToken === csrfToken) return false;
    csrfToken = me.csrfToken;
    return true;
  } catch {
    return false;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      title: 'No connection',
      detail: 'OpenPARS could not be reached. Check your connection and try again.',
    });
  }

  if (response.status === 204) return undefined as T;
  const payload = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, problemFrom(response, payload));
  return payload as T;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function problemFrom(response: Response, payload: unknown): Problem {
  if (payload && typeof payload === 'object') return payload as Problem;
  return {
    title: response.statusText || 'Request failed',
    detail:
      response.status >= 500
        ? 'Something went wrong on our side. Please try again in a moment.'
        : `The server answered ${response.status}.`,
  };
}

/** A readable sentence for an error, for alerts and notifications. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
