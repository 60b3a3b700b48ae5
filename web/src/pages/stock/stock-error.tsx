import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/api-error.ts';
import { ErrorBox } from '../../components/error-box.tsx';

const RULES = new Set(['out_of_stock', 'not_reserved', 'nothing_in_transit', 'invalid']);

/**
 * An error from a stock write. A refusal by the ledger's rules (409 `refused`) is titled by its rule in the reader's
 * language and keeps the server's sentence, which names the item, size, depot and quantities.
 */
export function StockError({ error, testId }: { error: ApiError; testId?: string }) {
  const { t } = useTranslation();
  if (error.code === 'refused') {
    const rule = error.rule && RULES.has(error.rule) ? error.rule : 'other';
    return <ErrorBox error={error} title={t(`stockCommon.refused.${rule}`)} testId={testId} />;
  }
  return <ErrorBox error={error} testId={testId} />;
}
