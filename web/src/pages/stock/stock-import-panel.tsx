import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/error-box.tsx';
import { UploadControls, UploadProgressBar, useFileUpload } from '../../components/file-upload.tsx';
import { useFormat } from '../../hooks/use-format.ts';
import { StockError } from './stock-error.tsx';

interface StockImportResult {
  fileName: string;
  rows: number;
  units: number;
}

/**
 * A stock file (columns depot, item, size, qty, and optionally document and reason) posted as receipts or as counts,
 * all or nothing, with the same file choosing and progress as the roster import.
 */
export function StockImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [mode, setMode] = useState<'receipt' | 'count'>('receipt');
  const upload = useFileUpload<StockImportResult>(() => onImported());
  const { phase } = upload;

  return (
    <details className="panel import-panel" data-testid="stock-import">
      <summary>
        <h2>{t('ledger.import.title')}</h2>
      </summary>
      <p className="muted">{t('ledger.import.hint')}</p>
      <fieldset className="segmented" disabled={upload.busy}>
        <legend className="visually-hidden">{t('ledger.import.mode')}</legend>
        {(['receipt', 'count'] as const).map((m) => (
          <label key={m} className={mode === m ? 'segment is-on' : 'segment'}>
            <input
              type="radio"
              name="stock-import-mode"
              className="visually-hidden"
              checked={mode === m}
              onChange={() => setMode(m)}
              data-testid={`import-mode-${m}`}
            />
            {t(`ledger.import.${m}`)}
          </label>
        ))}
      </fieldset>
      <UploadControls
        upload={upload}
        onSend={() => void upload.upload(`/api/stock/import?mode=${mode}`)}
        fileTestId="stock-file"
        sendTestId="stock-upload"
      />
      <UploadProgressBar upload={upload} />
      {phase.name === 'done' && (
        <div className="notice notice-success" role="status" data-testid="stock-import-result">
          <p className="notice-title">
            {t('ledger.import.done', {
              count: phase.result.rows,
              rows: f.number(phase.result.rows),
              units: f.number(phase.result.units),
            })}
          </p>
          <p className="notice-detail">{phase.result.fileName}</p>
        </div>
      )}
      {phase.name === 'failed' &&
        (phase.error.issues.length > 0 ? (
          <ErrorBox
            error={phase.error}
            fieldWord="column"
            testId="stock-import-errors"
            title={t('ledger.import.failed', {
              count: phase.error.issues.length,
              n: f.number(phase.error.issues.length),
            })}
          />
        ) : (
          <StockError error={phase.error} testId="stock-import-errors" />
        ))}
    </details>
  );
}
