import type { TFunction } from 'i18next';
import type { Issue } from '../api/types.ts';

/**
 * One problem as a line a person can act on: "Row 3, column site: unknown site "MARS"". Where it is comes from
 * the translations (word order differs: "3행, site 열"); the reason is translated from its code where the server gives
 * one, and otherwise the server's own words, kept as they are.
 * `fieldWord` says whether `field` names a column of a file or a field of a form; `labels` gives a form's own
 * label for a field, so the person reads "Start date", not "startDate".
 */
export function issueText(
  t: TFunction,
  issue: Issue,
  fieldWord: 'column' | 'field' = 'column',
  labels: Readonly<Record<string, string>> = {},
): string {
  const where: string[] = [];
  if (issue.sheet) where.push(t('issue.sheet', { sheet: issue.sheet }));
  if (issue.row !== undefined) where.push(t('issue.row', { row: issue.row }));
  const label = issue.field ? labels[issue.field] : undefined;
  if (label) where.push(label);
  else if (issue.field)
    where.push(t(fieldWord === 'column' ? 'issue.column' : 'issue.field', { name: issue.field }));
  // The server names each reason with a code where it can; the reader then gets it in their own language.
  const reason = issue.code
    ? t(issue.code, { ns: 'reasons', ...issue.params, defaultValue: issue.reason })
    : issue.reason;
  if (!where.length) return reason;
  const line = t('issue.line', { where: where.join(t('issue.separator')), reason });
  return line.charAt(0).toLocaleUpperCase() + line.slice(1);
}
