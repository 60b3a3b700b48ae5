/**
 * Every limit on what Kitout accepts, in one place, so the API, the CLI, the docs and the tests agree.
 * Exceeding one is a clear error that names the limit (`LimitError` in errors.ts: its name, maximum and the value
 * met; HTTP 413, or 414 for a query string, or 429 for the request rate). README "Limits" lists them.
 */
export const LIMITS = {
  /** Largest request body the HTTP API reads (uploads included). */
  uploadBytes: 100 * 1024 * 1024,
  /** Largest JSON request body (every API call that is not a file upload). */
  jsonBodyBytes: 10 * 1024 * 1024,
  /** Longest query string (after `?`) of an API request. */
  queryChars: 4096,
  /**
   * API requests per minute from one signed-in account (a flood guard: a tablet flushing its outbox or the
   * submissions benchmark sends over a thousand a second), and from one address when not signed in (sign-in
   * pages, probes; behind a reverse proxy every anonymous request shares the proxy's address).
   */
  requestsPerMinute: 120_000,
  anonymousRequestsPerMinute: 1200,
  /** Largest roster a single import may hold. */
  rosterRows: 2_000_000,
  /** Longest cell text in a roster (a name, an id). */
  cellChars: 500,
  /** An XLSX roster or stock file (a zip): most entries, and the most its entries may inflate to, one and all. */
  xlsxEntries: 1000,
  xlsxEntryBytes: 1024 * 1024 * 1024,
  xlsxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  /** Largest inflated-to-compressed ratio of one XLSX entry over 1 MB: real sheets compress ~5–50×, zip bombs ~1000×. */
  xlsxRatio: 500,
  /** Most pixels of one scanned or photographed page (sharp `limitInputPixels`); a 600 dpi A3 scan is ~70 M. */
  imagePixels: 100_000_000,
  /** Page size cap for list endpoints. */
  pageSize: 500,
  /** Failed sign-ins for one username (or from one address) inside the window before sign-in answers 429. */
  signInFailures: 5,
  signInWindowMs: 5 * 60 * 1000,
  /** Sessions expire after this much idle time, and at the latest after sessionMaxMs. */
  sessionIdleMs: 12 * 60 * 60 * 1000,
  sessionMaxMs: 7 * 24 * 60 * 60 * 1000,
} as const;
