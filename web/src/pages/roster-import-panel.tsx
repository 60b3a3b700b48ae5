import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbort } from '../api/api-error.ts';
import type { RosterImportResult } from '../api/types.ts';
import { newIdempotencyKey, type UploadProgress, uploadFile } from '../api/upload.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { useFormat } from '../hooks/use-format.ts';

type Phase =
  | { name: 'idle' }
  | { name: 'sending'; progress: UploadProgress | null }
  | { name: 'checking' }
  | { name: 'done'; result: RosterImportResult }
  | { name: 'failed'; error: ApiError };

interface Chosen {
  file: File;
  /** One key per chosen file: a retry of the same choice is applied once; a new choice is a new import. */
  key: string;
}

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const busy = phase.name === 'sending' || phase.name === 'checking';

  useEffect(() => () => abort.current?.abort(), []);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) still counts as a new choice.
    e.target.value = '';
    if (!file) return;
    setChosen({ file, key: newIdempotencyKey() });
    setPhase({ name: 'idle' });
  };

  const upload = async () => {
    if (!chosen) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'sending', progress: null });
    try {
      const result = await uploadFile<RosterImportResult>(
        `/api/intakes/${encodeURIComponent(intakeId)}/roster`,
        chosen.file,
        {
          idempotencyKey: chosen.key,
          signal: controller.signal,
          onProgress: (progress) =>
            setPhase(
              progress.loaded >= progress.total ? { name: 'checking' } : { name: 'sending', progress },
            ),
        },
      );
      setPhase({ name: 'done', result });
      setChosen(null);
      onImported();
    } catch (err) {
      if (isAbort(err)) setPhase({ name: 'idle' });
      else
        setPhase({
          name: 'failed',
          error: err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)),
        });
    } finally {
      abort.current = null;
    }
  };

  const fraction =
    phase.name === 'checking'
      ? 1
      : phase.name === 'sending' && phase.progress && phase.progress.total > 0
        ? phase.progress.loaded / phase.progress.total
        : 0;

  return (
    <details className="panel import-panel" data-testid="import-panel" open={initiallyOpen}>
      <summary>
        <h2>{t('import.title')}</h2>
      </summary>
      <p className="muted">{t('import.hint')}</p>
      <div className="import-row">
        <label className={busy ? 'button-secondary file-pick is-disabled' : 'button-secondary file-pick'}>
          <input
            type="file"
            className="visually-hidden"
            accept={ACCEPT}
            onChange={choose}
            disabled={busy}
            data-testid="roster-file"
          />
          {chosen ? t('import.chooseAnother') : t('import.choose')}
        </label>
        {chosen && (
          <span className="file-chip" data-testid="chosen-file">
            <span className="file-name">{chosen.file.name}</span>
            <span className="muted">{f.bytes(chosen.file.size)}</span>
          </span>
        )}
        <button
          type="button"
          className="button-primary"
          disabled={!chosen || busy}
          onClick={() => void upload()}
          data-testid="roster-upload"
        >
          {t('import.upload')}
        </button>
        {phase.name === 'sending' && (
          <button type="button" className="button-quiet" onClick={() => abort.current?.abort()}>
            {t('common.cancel')}
          </button>
        )}
      </div>

      {busy && (
        <div className="progress" data-testid="import-progress">
          <div
            className="progress-track"
            role="progressbar"
            aria-label={t('import.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(fraction * 100)}
          >
            <div
              className={phase.name === 'checking' ? 'progress-bar is-working' : 'progress-bar'}
              style={{ width: `${fraction * 100}%` }}
            />
          </div>
          <span className="progress-label">
            {phase.name === 'checking'
              ? t('import.checking')
              : t('import.sending', { percent: f.percent(fraction) })}
          </span>
        </div>
      )}

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
