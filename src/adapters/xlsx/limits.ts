/**
 * What a form workbook may be. A sizing questionnaire is a few hundred rows and well under 1 MB; these bounds
 * are generous for real forms and refuse hostile ones before they cost memory or time.
 */
export const XLSX_LIMITS = {
  /** Largest file read at all (checked on the size before reading). */
  fileBytes: 10 * 1024 * 1024,
  /** Most zip entries; a workbook has a dozen or two. */
  entries: 1000,
  /** Largest uncompressed size of one zip entry, and of all of them together. */
  entryBytes: 25 * 1024 * 1024,
  totalBytes: 50 * 1024 * 1024,
  /** Most `<row>` elements one sheet's XML may hold, counted before the workbook is parsed. */
  xmlRows: 100_000,
  /** Most rows with any value in one sheet, and columns in one row. */
  rows: 5000,
  columns: 200,
  /** Longest text in one cell. */
  cellChars: 10_000,
} as const;
