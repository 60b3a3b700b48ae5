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
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../domain/errors.ts';

/** The JSON body of every error answer: a code, a sentence, and for bad input each problem with its field. */
export interface ErrorBody {
  error: string;
  message: string;
  issues?: Issue[];
}

/** The one place where errors become HTTP answers. */
export function errorResponse(err: unknown, c: Context): Response {
  const [status, body] = toStatus(err);
  if (status >= 500)
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
  if (err instanceof KitoutError) return [400, { error: err.code, message: err.message }];
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'too_large' : status === 404 ? 'not_found' : 'http_error';
    return [status, { error: code, message: err.message || 'request refused' }];
  }
  return [500, { error: 'internal', message: 'something went wrong on the server; the error is logged' }];
}

/** zod's problems as ours: the dotted path of the field and zod's reason. */
export function zodIssues(error: ZodError, where?: string): Issue[] {
  return error.issues.map((i) => ({
    field: [where, ...i.path.map(String)].filter(Boolean).join('.') || undefined,
    reason: i.message,
  }));
}
