import type { Issue } from './errors.ts';

/** The result of parsing untrusted input: a value, or every problem found. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: Issue[] };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T = never>(errors: Issue[]): ParseResult<T> => ({ ok: false, errors });
