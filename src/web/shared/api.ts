import type { Session } from './types.js';

/** An error answer from the API ({code, message} with a 4xx/5xx status), or `network` when there was none. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** What the server said more precisely, e.g. the refused fields of `validation.invalid`. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The CSRF token of the current session; it rotates at login and logout, so it is refreshed from /api/session. */
let csrfToken = '';

/** Called when the server says the session is gone (expired or logged out elsewhere). */
let onSessionLost: ((code: string) => void) | undefined;

export function setSessionLostHandler(handler: ((code: string) => void) | undefined): void {
  onSessionLost = handler;
}

/** The headers of a request from the app: JSON back, and the CSRF token on every change. */
export function requestHeaders(method: Method, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** A JSON body, or a file sent as it is (uploads: the server reads its bytes and encoding). */
async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const file = body instanceof Blob ? body : undefined;
  const contentType = file
    ? file.type || 'application/octet-stream'
    : body === undefined
      ? undefined
      : 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestHeaders(method, contentType),
      credentials: 'same-origin',
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError('network', 'No answer from the server', 0);
  }

  const text = await response.text();
  const data: unknown = text ? parseJson(text) : undefined;
  if (!response.ok) {
    const error = toApiError(data, response);
    const sessionGone = error.code === 'auth.required' || error.code === 'auth.session_expired';
    if (sessionGone && !path.startsWith('/api/auth/') && path !== '/api/session') onSessionLost?.(error.code);
    throw error;
  }
  return data as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function toApiError(data: unknown, response: Response): ApiError {
  if (response.status === 413) return new ApiError('request.too_large', response.statusText, 413);
  if (data && typeof data === 'object' && 'code' in data && typeof data.code === 'string') {
    const message = 'message' in data && typeof data.message === 'string' ? data.message : '';
    return new ApiError(data.code, message, response.status, 'details' in data ? data.details : undefined);
  }
  return new ApiError(
    response.status === 404 ? 'not_found' : 'internal',
    response.statusText,
    response.status,
  );
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  /** `body`: an object sent as JSON, or a File sent as it is. */
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T = void>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Reads the session and keeps its CSRF token for the requests that change something. */
export async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/api/session');
  csrfToken = session.csrfToken;
  return session;
}

/** A query string from the filled-in fields only, e.g. `?subject=Kari&limit=50`. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
