import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbort } from '../api/api-error.ts';
import { newIdempotencyKey, type UploadProgress, uploadFile } from '../api/upload.ts';
import { useFormat } from '../hooks/use-format.ts';

/**
 * The pieces of an all-or-nothing file import (a roster, a stock file): choosing a file, sending it with progress,
 * and the server's answer. Each page words its own result; the choosing and the progress look the same everywhere.
 */

export type UploadPhase<T> =
  | { name: 'idle' }
  | { name: 'sending'; progress: UploadProgress | null }
  | { name: 'checking' }
  | { name: 'done'; result: T }
  | { name: 'failed'; error: ApiError };

export interface ChosenFile {
  file: File;
  /** One key per chosen file: a retry of the same choice is applied once; a new choice is a new import. */
  key: string;
}

export const TABLE_FILES =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FileUpload<T> {
  chosen: ChosenFile | null;
  phase: UploadPhase<T>;
  busy: boolean;
  /** Sent fraction, 0–1 (1 while the server checks and saves). */
  fraction: number;
  choose(e: ChangeEvent<HTMLInputElement>): void;
  upload(path: string): Promise<void>;
  cancel(): void;
}

/** State of one file import; `onDone` runs after the server has taken the file. */
export function useFileUpload<T>(onDone?: (result: T) => void): FileUpload<T> {
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [phase, setPhase] = useState<UploadPhase<T>>({ name: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const busy = phase.name === 'sending' || phase.name === 'checking';

  useEffect(() => () => abort.current?.abort(), []);

  const choose = useCallback((e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) still counts as a new choice.
    e.target.value = '';
    if (!file) return;
    setChosen({ file, key: newIdempotencyKey() });
    setPhase({ name: 'idle' });
  }, []);

  const upload = async (path: string) => {
    if (!chosen) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'sending', progress: null });
    try {
      const result = await uploadFile<T>(path, chosen.file, {
        idempotencyKey: chosen.key,
        signal: controller.signal,
        onProgress: (progress) =>
          setPhase(progress.loaded >= progress.total ? { name: 'checking' } : { name: 'sending', progress }),
      });
      setPhase({ name: 'done', result });
      setChosen(null);
      onDone?.(result);
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

  return { chosen, phase, busy, fraction, choose, upload, cancel: () => abort.current?.abort() };
}

/** The file button, the chosen file's name and size, the send button and, while sending, cancel. */
export function UploadControls<T>({
  upload,
  onSend,
  fileTestId,
  sendTestId,
}: {
  upload: FileUpload<T>;
  onSend: () => void;
  fileTestId: string;
  sendTestId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { chosen, busy, phase } = upload;
  return (
    <div className="import-row">
      <label className={busy ? 'button-secondary file-pick is-disabled' : 'button-secondary file-pick'}>
        <input
          type="file"
          className="visually-hidden"
          accept={TABLE_FILES}
          onChange={upload.choose}
          disabled={busy}
          data-testid={fileTestId}
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
        onClick={onSend}
        data-testid={sendTestId}
      >
        {t('import.upload')}
      </button>
      {phase.name === 'sending' && (
        <button type="button" className="button-quiet" onClick={upload.cancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}

/** The progress bar while a file is sent, then a working bar while the server checks and saves it. */
export function UploadProgressBar<T>({ upload }: { upload: FileUpload<T> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { phase, fraction } = upload;
  if (!upload.busy) return null;
  return (
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
  );
}
