/**
 * Every limit on what Kitout accepts, in one place, so the API, the CLI, the docs and the tests agree.
 * Exceeding one is a clear error that names the limit.
 */
export const LIMITS = {
  /** Largest request body the HTTP API reads (uploads included). */
  uploadBytes: 100 * 1024 * 1024,
  /** Largest roster a single import may hold. */
  rosterRows: 2_000_000,
  /** Longest cell text in a roster (a name, an id). */
  cellChars: 500,
  /** Page size cap for list endpoints. */
  pageSize: 500,
  /** Failed sign-ins for one username (or from one address) inside the window before sign-in answers 429. */
  signInFailures: 5,
  signInWindowMs: 5 * 60 * 1000,
  /** Sessions expire after this much idle time, and at the latest after sessionMaxMs. */
  sessionIdleMs: 12 * 60 * 60 * 1000,
  sessionMaxMs: 7 * 24 * 60 * 60 * 1000,
} as const;
