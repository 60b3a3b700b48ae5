import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, isAbort } from '../../api/api-error.ts';
import { newIdempotencyKey, type UploadProgress } from '../../api/upload.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import type { BatchReceipt, PaperBatch } from './types.ts';
import { uploadScans } from './upload-scans.ts';
import './paper.css';

const SCAN_FILES =
  '.png,.jpg,.jpeg,.tif,.tiff,.webp,.pdf,image/png,image/jpeg,image/tiff,image/webp,application/pdf';

type Phase =
  | { name: 'idle' }
  | { name: 'sending'; progress: UploadProgress | null }
  | { name: 'reading' }
  | { name: 'done'; result: BatchReceipt }
  | { name: 'failed'; error: ApiError };

/** Scans in: upload scans or photos of printed forms with their layout file, and see each batch's pages. */
export function PaperPage() {
  const { t, i18n } = useTranslation('paper');
  const f = useFormat();
  useTitle(t('web.title'));
  const [scans, setScans] = useState<File[]>([]);
  const [layout, setLayout] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  // One key per chosen set of files: a retry of the same choice is read once.
  const key = useRef(newIdempotencyKey());
  const abort = useRef<AbortController | null>(null);
  const batches = useApi<{ total: number; batches: PaperBatch[] }>('/api/paper/batches', { limit: 50 });
  const busy = phase.name === 'sending' || phase.name === 'reading';

  const pickScans = (e: ChangeEvent<HTMLInputElement>) => {
    setScans(Array.from(e.target.files ?? []));
    e.target.value = '';
    key.current = newIdempotencyKey();
    setPhase({ name: 'idle' });
  };
  const pickLayout = (e: ChangeEvent<HTMLInputElement>) => {
    setLayout(e.target.files?.[0] ?? null);
    e.target.value = '';
    key.current = newIdempotencyKey();
    setPhase({ name: 'idle' });
  };

  const send = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'sending', progress: null });
    try {
      const result = await uploadScans<BatchReceipt>(
        `/api/paper/batches?lang=${i18n.language}`,
        scans,
        layout ?? undefined,
        {
          idempotencyKey: key.current,
          signal: controller.signal,
          onProgress: (p) =>
            setPhase(p.loaded >= p.total ? { name: 'reading' } : { name: 'sending', progress: p }),
        },
      );
      setPhase({ name: 'done', result });
      setScans([]);
      key.current = newIdempotencyKey();
      batches.reload();
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
    phase.name === 'reading'
      ? 1
      : phase.name === 'sending' && phase.progress && phase.progress.total > 0
        ? phase.progress.loaded / phase.progress.total
        : 0;
  const bytes = scans.reduce((s, x) => s + x.size, 0);

  return (
    <section className="page paper-page">
      <div className="page-head">
        <div>
          <h1>{t('web.title')}</h1>
          <p className="muted">{t('web.intro')}</p>
        </div>
        <Link to="/paper/review" className="button-primary paper-review-link" data-testid="open-review">
          {t('web.openReview')}
        </Link>
      </div>

      <div className="panel" data-testid="scan-upload">
        <h2>{t('web.uploadTitle')}</h2>
        <p className="muted">{t('web.uploadHint')}</p>
        <div className="import-row">
          <label className={busy ? 'button-secondary file-pick is-disabled' : 'button-secondary file-pick'}>
            <input
              type="file"
              multiple
              className="visually-hidden"
              accept={SCAN_FILES}
              onChange={pickScans}
              disabled={busy}
              data-testid="scan-files"
            />
            {t('web.chooseScans')}
          </label>
          {scans.length > 0 && (
            <span className="file-chip" data-testid="chosen-scans">
              <span className="file-name">
                {t('web.scansChosen', { count: scans.length, formatted: f.number(scans.length) })}
              </span>
              <span className="muted">{f.bytes(bytes)}</span>
            </span>
          )}
        </div>
        <div className="import-row">
          <label className={busy ? 'button-secondary file-pick is-disabled' : 'button-secondary file-pick'}>
            <input
              type="file"
              className="visually-hidden"
              accept=".json,application/json"
              onChange={pickLayout}
              disabled={busy}
              data-testid="layout-file"
            />
            {t('web.chooseLayout')}
          </label>
          {layout && (
            <span className="file-chip" data-testid="chosen-layout">
              <span className="file-name">{layout.name}</span>
              <span className="muted">{f.bytes(layout.size)}</span>
            </span>
          )}
        </div>
        <div className="import-row">
          <button
            type="button"
            className="button-primary"
            disabled={busy || scans.length === 0 || !layout}
            onClick={() => void send()}
            data-testid="scan-upload-send"
          >
            {t('web.send')}
          </button>
          {phase.name === 'sending' && (
            <button type="button" className="button-quiet" onClick={() => abort.current?.abort()}>
              {t('web.cancel')}
            </button>
          )}
        </div>
        {busy && (
          <div className="progress" data-testid="scan-progress">
            <div
              className="progress-track"
              role="progressbar"
              aria-label={t('web.progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(fraction * 100)}
            >
              <div
                className={phase.name === 'reading' ? 'progress-bar is-working' : 'progress-bar'}
                style={{ width: `${fraction * 100}%` }}
              />
            </div>
            <span className="progress-label">
              {phase.name === 'reading'
                ? t('web.reading')
                : t('web.sending', { percent: f.percent(fraction) })}
            </span>
          </div>
        )}
        {phase.name === 'done' && (
          <div className="notice notice-success" role="status" data-testid="scan-result">
            <p className="notice-title">
              {t('web.readResult', {
                pages: f.number(phase.result.pagesRead),
                review: f.number(phase.result.reviewItems),
              })}
            </p>
            {phase.result.failed.length > 0 && <FailedList failed={phase.result.failed} />}
          </div>
        )}
        {phase.name === 'failed' && <ErrorBox error={phase.error} testId="scan-errors" />}
      </div>

      <h2>{t('web.batches')}</h2>
      {batches.error && <ErrorBox error={batches.error} />}
      {!batches.data && !batches.error && <Loading />}
      {batches.data && batches.data.batches.length === 0 && <p className="empty">{t('web.noBatches')}</p>}
      {batches.data && batches.data.batches.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="batches-table">
            <thead>
              <tr>
                <th scope="col">{t('web.when')}</th>
                <th scope="col">{t('web.by')}</th>
                <th scope="col">{t('web.form')}</th>
                <th scope="col" className="num">
                  {t('web.files')}
                </th>
                <th scope="col" className="num">
                  {t('web.pagesRead')}
                </th>
                <th scope="col" className="num">
                  {t('web.failed')}
                </th>
                <th scope="col" className="num">
                  {t('web.inReview')}
                </th>
                <th scope="col" className="num">
                  {t('web.waiting')}
                </th>
                <th scope="col" className="num">
                  {t('web.submitted')}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {batches.data.batches.map((b) => (
                <tr key={b.id} data-testid="batch-row">
                  <td className="nowrap">{f.dateTime(b.createdAt)}</td>
                  <td>{b.createdBy ?? '—'}</td>
                  <td className="mono">
                    {b.formId} v{b.formVersion}
                  </td>
                  <td className="num">{f.number(b.files.length)}</td>
                  <td className="num">{f.number(b.pagesRead)}</td>
                  <td className="num">
                    {b.failed.length > 0 ? (
                      <details className="failed-details">
                        <summary className="failed-count">{f.number(b.failed.length)}</summary>
                        <FailedList failed={b.failed} />
                      </details>
                    ) : (
                      f.number(0)
                    )}
                  </td>
                  <td className="num">{f.number(b.inReview)}</td>
                  <td className="num">{f.number(b.waiting)}</td>
                  <td className="num">{f.number(b.submitted)}</td>
                  <td className="nowrap">
                    {b.openItems > 0 ? (
                      <Link to={`/paper/review?batch=${encodeURIComponent(b.id)}`} data-testid="batch-review">
                        {t('web.reviewN', { count: b.openItems, formatted: f.number(b.openItems) })}
                      </Link>
                    ) : (
                      <span className="muted">{t('web.nothingToReview')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FailedList({ failed }: { failed: BatchReceipt['failed'] }) {
  const { t } = useTranslation('paper');
  return (
    <ul className="issues failed-list" data-testid="failed-pages">
      {failed.map((x) => (
        <li key={`${x.file}-${x.pageInFile ?? 0}`}>
          <span className="mono">{x.file}</span>
          {x.pageInFile !== undefined && <> · {t('web.pageInFile', { page: x.pageInFile })}</>}: {x.reason}
        </li>
      ))}
    </ul>
  );
}
