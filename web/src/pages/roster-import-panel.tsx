import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterImportResult } from '../api/types.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { UploadControls, UploadProgressBar, useFileUpload } from '../components/file-upload.tsx';
import { useFormat } from '../hooks/use-format.ts';

/**
 * Upload a roster file into the intake. The import is all or nothing on the server, so the answer is either the
 * number of people added or every problem in the file, each with its row and column.
 */
export function RosterImportPanel({
  intakeId,
  onImported,
  startOpen,
}: {
  intakeId: string;
  onImported: () => void;
  /** Open at first (an empty roster needs a file); later the person opens and closes it. */
  startOpen: boolean;
}) {
  const { t } = useTranslation();
  const [initiallyOpen] = useState(startOpen);
  const f = useFormat();
  const upload = useFileUpload<RosterImportResult>(() => onImported());
  const { phase } = upload;

  return (
    <details className="panel import-panel" data-testid="import-panel" open={initiallyOpen}>
      <summary>
        <h2>{t('import.title')}</h2>
      </summary>
      <p className="muted">{t('import.hint')}</p>
      <UploadControls
        upload={upload}
        onSend={() => void upload.upload(`/api/intakes/${encodeURIComponent(intakeId)}/roster`)}
        fileTestId="roster-file"
        sendTestId="roster-upload"
      />
      <UploadProgressBar upload={upload} />

      {phase.name === 'done' && (
        <div className="notice notice-success" role="status" data-testid="import-result">
          <p className="notice-title">
            {t('import.imported', {
              count: phase.result.imported,
              formatted: f.number(phase.result.imported),
            })}
          </p>
          <p className="notice-detail">{phase.result.fileName}</p>
          {phase.result.extraColumns.length > 0 && (
            <p className="notice-detail">
              {t('import.extraColumns', { columns: phase.result.extraColumns.join(', ') })}
            </p>
          )}
        </div>
      )}

      {phase.name === 'failed' && (
        <ErrorBox
          error={phase.error}
          fieldWord="column"
          testId="import-errors"
          title={
            phase.error.issues.length > 0
              ? t('import.failed', {
                  count: phase.error.issues.length,
                  formatted: f.number(phase.error.issues.length),
                })
              : undefined
          }
        />
      )}
    </details>
  );
}
