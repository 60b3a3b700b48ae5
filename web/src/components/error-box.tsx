import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-error.ts';
import { issueText } from './issue-text.ts';

const TITLED = new Set([
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'too_large',
  'network',
  'internal',
]);

/** An API error as the person should see it: what happened in their language, the server's words, every problem. */
export function ErrorBox({
  error,
  title,
  fieldWord = 'field',
  labels,
  testId,
}: {
  error: ApiError;
  title?: string;
  fieldWord?: 'column' | 'field';
  /** A form's labels by field name. */
  labels?: Readonly<Record<string, string>>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const code = TITLED.has(error.code) ? error.code : error.status >= 500 ? 'internal' : undefined;
  const heading = title ?? (code ? t(`errors.${code}`) : t('errors.http', { status: error.status }));
  // The server's sentence often just lists the issues again; then the list alone says it better.
  const repeatsIssues =
    error.issues.length > 0 && error.issues.every((i) => error.message.includes(i.reason));
  const detail = error.message && error.message !== heading && !repeatsIssues ? error.message : undefined;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <p className="notice-title">{heading}</p>
      {detail && <p className="notice-detail">{detail}</p>}
      {error.issues.length > 0 && (
        <ul className="issues">
          {error.issues.map((issue, i) => (
            // Issues have no id; their order is the server's and never changes for one answer.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i}>{issueText(t, issue, fieldWord, labels)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
