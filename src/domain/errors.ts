/**
 * Small named errors with context. Domain code throws these; the HTTP edge and the CLI turn them into
 * status codes, JSON bodies and exit codes in one place each.
 */

/** One problem with one piece of input: where it is and why it is wrong. */
export interface Issue {
  /** The file (or upload) the problem is in, when there is one. */
  file?: string;
  /** The sheet of a workbook, when there is one. */
  sheet?: string;
  /** 1-based row number as a person sees it in a spreadsheet (the header is row 1). */
  row?: number;
  /** The column or field name. */
  field?: string;
  /** What is wrong, in plain English words. */
  reason: string;
  /** The reason as a translation key of the `reasons` namespace, with its values, so each reader gets their language. */
  code?: string;
  params?: Record<string, string | number>;
}

export class KitoutError extends Error {
  readonly code: string = 'error';
}

/** Input that cannot be accepted; carries every problem found, not only the first. */
export class InputError extends KitoutError {
  override readonly code = 'invalid_input';
  constructor(
    readonly issues: Issue[],
    message?: string,
  ) {
    super(message ?? issues.map(formatIssue).join('; '));
  }
}

export class NotFoundError extends KitoutError {
  override readonly code = 'not_found';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} not found: ${id}`);
  }
}

export class ConflictError extends KitoutError {
  override readonly code = 'conflict';
}

export class ForbiddenError extends KitoutError {
  override readonly code = 'forbidden';
}

export class UnauthenticatedError extends KitoutError {
  override readonly code = 'unauthenticated';
}

export class TooManyRequestsError extends KitoutError {
  override readonly code = 'rate_limited';
}

/**
 * A stated limit (src/domain/limits.ts) was exceeded: names the limit, its maximum and the value met, so the answer
 * says exactly which bound to respect.
 */
export class LimitError extends KitoutError {
  override readonly code = 'limit_exceeded';
  constructor(
    readonly limit: string,
    readonly max: number,
    readonly value: number,
    message?: string,
  ) {
    super(message ?? `${limit}: ${value} is over the limit of ${max}`);
  }
}

/** `file, sheet, row 3, field "name": reason` — the one-line form used by the CLI and logs. */
export function formatIssue(issue: Issue): string {
  const where: string[] = [];
  if (issue.file) where.push(issue.file);
  if (issue.sheet) where.push(`sheet ${issue.sheet}`);
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.field) where.push(`field "${issue.field}"`);
  return where.length ? `${where.join(', ')}: ${issue.reason}` : issue.reason;
}
