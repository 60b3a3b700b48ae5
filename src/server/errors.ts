import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  InputError,
  type Issue,
  KitoutError,
  LimitError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../domain/errors.ts';

/** The JSON body of every error answer: a code, a sentence, and for bad input each problem with its field. */
export interface ErrorBody {
  error: string;
  message: string;
  issues?: Issue[];
  /** For limit_exceeded: which limit (a key of LIMITS), its maximum and the value met. */
  limit?: string;
  max?: number;
  value?: number;
}

/** The one place where errors become HTTP answers. */
export function errorResponse(err: unknown, c: Context): Response {
  const [status, body] = toStatus(err);
  if (status >= 500 && status !== 503)
    process.stderr.write(`kitout: ${c.req.method} ${c.req.path} failed: ${(err as Error)?.stack ?? err}\n`);
  return c.json(body, status);
}

function toStatus(err: unknown): [ContentfulStatusCode, ErrorBody] {
  if (err instanceof InputError) return [400, { error: err.code, message: err.message, issues: err.issues }];
  if (err instanceof UnauthenticatedError) return [401, { error: err.code, message: err.message }];
  if (err instanceof ForbiddenError) return [403, { error: err.code, message: err.message }];
  if (err instanceof NotFoundError) return [404, { error: err.code, message: err.message }];
  if (err instanceof ConflictError) return [409, { error: err.code, message: err.message }];
  if (err instanceof TooManyRequestsError) return [429, { error: err.code, message: err.message }];
  if (err instanceof LimitError) {
    const status = /RequestsPerMinute|requestsPerMinute/.test(err.limit)
      ? 429
      : err.limit === 'queryChars'
        ? 414
        : 413;
    return [
      status,
      { error: err.code, message: err.message, limit: err.limit, max: err.max, value: err.value },
    ];
  }
  if (err instanceof KitoutError) return [400, { error: err.code, message: err.message }];
  if (databaseUnreachable(err))
    return [
      503,
      {
        error: 'database_unavailable',
        message: 'the database cannot be reached just now; try again shortly',
      },
    ];
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'too_large' : status === 404 ? 'not_found' : 'http_error';
    return [status, { error: code, message: err.message || 'request refused' }];
  }
  return [500, { error: 'internal', message: 'something went wrong on the server; the error is logged' }];
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** A failure to reach the database (refused, dropped, shutting down), as opposed to a bug: answered 503. */
export function databaseUnreachable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    i++
  ) {
    if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|connection (is )?closed|timeout exceeded when trying to connect/i.test(e.message)
    )
      return true;
    e = e.cause as typeof e;
  }
  return err instanceof AggregateError && err.errors.some(databaseUnreachable);
}

/** zod's problems as ours: the dotted path of the field and zod's reason. */
export function zodIssues(error: ZodError, where?: string): Issue[] {
  return error.issues.map((i) => ({
    field: [where, ...i.path.map(String)].filter(Boolean).join('.') || undefined,
    reason: i.message,
  }));
}
