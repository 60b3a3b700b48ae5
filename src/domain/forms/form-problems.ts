import type { Issue } from '../errors.ts';
import type { NormalisedForm } from './form-model.ts';

/**
 * One thing wrong with (or ignored in) a form file: an i18n key in the `forms` namespace with its parameters,
 * and where it is — sheet, 1-based row as the spreadsheet shows it, and column header. The CLI and the server
 * turn these into `Issue`s in the reader's language.
 */
export interface FormProblem {
  severity: 'error' | 'warning';
  key: string;
  params: Record<string, string | number>;
  sheet?: string;
  row?: number;
  column?: string;
}

/** A workbook sheet as plain text cells: `rows[0]` is the header (spreadsheet row 1); empty cells are ''. */
export interface SheetTable {
  name: string;
  rows: string[][];
}

/** The result of importing a form: the form and what was ignored, or every error found (and nothing else). */
export type FormImportResult =
  | { ok: true; value: NormalisedForm; warnings: FormProblem[] }
  | { ok: false; errors: FormProblem[]; warnings: FormProblem[] };

/** More problems than this in one file are not listed; the first ones are what a person fixes first. */
export const MAX_PROBLEMS = 200;

/** Collects problems in reading order, capped at {@link MAX_PROBLEMS} errors. */
export class ProblemList {
  readonly errors: FormProblem[] = [];
  readonly warnings: FormProblem[] = [];

  error(
    key: string,
    where: Omit<FormProblem, 'severity' | 'key' | 'params'>,
    params: FormProblem['params'] = {},
  ) {
    if (this.errors.length < MAX_PROBLEMS) this.errors.push({ severity: 'error', key, params, ...where });
  }

  warn(
    key: string,
    where: Omit<FormProblem, 'severity' | 'key' | 'params'>,
    params: FormProblem['params'] = {},
  ) {
    if (this.warnings.length < MAX_PROBLEMS)
      this.warnings.push({ severity: 'warning', key, params, ...where });
  }
}

/** Problems in reading order: by the sheet's place in the workbook, then by row; file-level ones first. */
export function sortProblems(problems: readonly FormProblem[], sheets: readonly SheetTable[]): FormProblem[] {
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const rank = (p: FormProblem) => (p.sheet === undefined ? -1 : (order.get(p.sheet) ?? sheets.length));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** Renders an i18n key with its parameters in the reader's language (an i18next `t` fits). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A form problem as the shared `Issue` the CLI and HTTP edge print, its reason in the reader's language. */
export function problemToIssue(problem: FormProblem, translate: Translate, file?: string): Issue {
  const issue: Issue = { reason: translate(problem.key, problem.params) };
  if (file !== undefined) issue.file = file;
  if (problem.sheet !== undefined) issue.sheet = problem.sheet;
  if (problem.row !== undefined) issue.row = problem.row;
  if (problem.column !== undefined) issue.field = problem.column;
  return issue;
}
