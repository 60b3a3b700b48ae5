import type { Issue } from './types.ts';

/**
 * A refused or failed request: the HTTP status (0 when the server could not be reached), the server's error
 * code and sentence, and for bad input every problem with its row and field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
    /** For a refusal by the stock rules (409 `refused`): which rule, e.g. `out_of_stock`. */
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns an error answer's body into an ApiError, whatever the body holds (a proxy may answer with HTML). */
export function apiErrorFrom(status: number, bodyText: string): ApiError {
  try {
    const body = JSON.parse(bodyText) as {
      error?: unknown;
      message?: unknown;
      issues?: unknown;
      rule?: unknown;
    };
    if (body && typeof body === 'object') {
      const issues = Array.isArray(body.issues)
        ? (body.issues as Issue[]).filter((i) => i && typeof i === 'object' && typeof i.reason === 'string')
        : [];
      return new ApiError(
        status,
        typeof body.error === 'string' ? body.error : `http_${status}`,
        typeof body.message === 'string' ? body.message : '',
        issues,
        typeof body.rule === 'string' ? body.rule : undefined,
      );
    }
  } catch {
    // Not JSON: fall through to a plain answer.
  }
  return new ApiError(status, `http_${status}`, bodyText.slice(0, 300).trim());
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
