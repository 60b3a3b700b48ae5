import { ApiError, apiErrorFrom } from './api-error.ts';

type Listener = () => void;
let onUnauthorized: Listener | undefined;

/** Called whenever the server answers 401: the session has ended, so the app goes back to sign-in. */
export function setUnauthorizedHandler(listener: Listener | undefined): void {
  onUnauthorized = listener;
}

/** Reports a 401 unless it is the answer to a sign-in attempt (a wrong password is not an ended session). */
export function reportStatus(path: string, status: number): void {
  if (status === 401 && path !== '/api/auth/login') onUnauthorized?.();
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on a write that may be retried. */
  headers?: Record<string, string>;
}

/** `/api/x` plus the query parameters that are set. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A JSON call to the Kitout API; throws ApiError for any answer that is not 2xx. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers: {
        ...(opts.body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json' }),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new ApiError(0, 'network', (err as Error).message);
  }
  const text = await res.text();
  if (!res.ok) {
    reportStatus(path, res.status);
    throw apiErrorFrom(res.status, text);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}
