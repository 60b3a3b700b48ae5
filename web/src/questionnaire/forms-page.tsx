import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OFFICE } from '../../../src/domain/accounts/roles.ts';
import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { newIdempotencyKey, uploadFile } from '../api/upload.ts';
import { useMay } from '../auth/auth-context.tsx';
import { useCurrentIntake } from '../components/current-intake.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useFormat } from '../hooks/use-format.ts';
import { useTitle } from '../hooks/use-title.ts';
import type { FormDetail, FormListItem, FormSummary } from './types.ts';
import './questionnaire.css';

type Upload =
  | { name: 'idle' }
  | { name: 'sending' }
  | { name: 'done'; form: FormSummary; created: boolean }
  | { name: 'failed'; error: ApiError };

/** The questionnaires: upload an XLSForm, see versions, export, open the translation table or fill one. */
export function FormsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const mayManage = useMay(OFFICE);
  const { intakeId } = useCurrentIntake();
  const forms = useApi<{ forms: FormListItem[] }>('/api/forms');
  const [upload, setUpload] = useState<Upload>({ name: 'idle' });
  const [open, setOpen] = useState<string | null>(null);
  useTitle(t('formList.title'));

  const send = async (file: File) => {
    setUpload({ name: 'sending' });
    try {
      const result = await uploadFile<{ form: FormSummary; created: boolean }>(
        `/api/forms?lang=${encodeURIComponent(i18n.language)}`,
        file,
        { idempotencyKey: newIdempotencyKey() },
      );
      setUpload({ name: 'done', ...result });
      forms.reload();
    } catch (err) {
      setUpload({
        name: 'failed',
        error: err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)),
      });
    }
  };

  const titleOf = (x: FormSummary) => x.title[i18n.language] ?? x.title[x.defaultLanguage] ?? x.id;

  return (
    <section className="page q-page">
      <div className="page-head">
        <div>
          <h1>{t('formList.title')}</h1>
          <p className="muted">{t('formList.intro')}</p>
        </div>
      </div>
      {mayManage && (
        <div className="panel">
          <h2>{t('formList.upload')}</h2>
          <p className="muted">{t('formList.uploadHint')}</p>
          <label className={`button-secondary file-pick ${upload.name === 'sending' ? 'is-disabled' : ''}`}>
            {upload.name === 'sending' ? t('formList.uploading') : t('formList.choose')}
            <input
              type="file"
              className="visually-hidden"
              accept=".xlsx,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/json"
              data-testid="form-file"
              disabled={upload.name === 'sending'}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void send(file);
              }}
            />
          </label>
          {upload.name === 'done' && (
            <p className="notice notice-success" role="status" data-testid="form-uploaded">
              {t(upload.created ? 'formList.stored' : 'formList.unchanged', {
                id: upload.form.id,
                version: upload.form.version,
              })}
            </p>
          )}
          {upload.name === 'failed' && (
            <ErrorBox
              error={upload.error}
              title={t('formList.refused')}
              fieldWord="column"
              testId="form-errors"
            />
          )}
        </div>
      )}
      {forms.error && <ErrorBox error={forms.error} />}
      {!forms.data && !forms.error && <Loading />}
      {forms.data && forms.data.forms.length === 0 && <p className="empty">{t('formList.empty')}</p>}
      {forms.data && forms.data.forms.length > 0 && (
        <ul className="cards q-forms">
          {forms.data.forms.map((x) => (
            <li key={x.id} className="card" data-form={x.id}>
              <div className="card-head">
                <h2>{titleOf(x)}</h2>
                <span className="chip">v{x.version}</span>
              </div>
              <p className="muted">
                <span className="mono">{x.id}</span> · {t('formList.questions', { count: x.questions })} ·{' '}
                {x.languages.map((l) => l.code ?? l.key).join(', ')}
              </p>
              <p className="muted">{t('formList.created', { at: f.dateTime(x.createdAt) })}</p>
              <div className="actions q-card-actions">
                {intakeId && (
                  <Link
                    className="button-primary"
                    to={`/intakes/${encodeURIComponent(intakeId)}/fill?form=${encodeURIComponent(x.id)}`}
                  >
                    {t('formList.fill')}
                  </Link>
                )}
                <a
                  className="button-secondary"
                  href={`/api/forms/${encodeURIComponent(x.id)}/export.xlsx`}
                  download
                >
                  {t('formList.export')}
                </a>
                {mayManage && (
                  <Link
                    className="button-secondary"
                    to={`/forms/${encodeURIComponent(x.id)}/translate`}
                    data-testid="translate-link"
                  >
                    {t('formList.translate')}
                  </Link>
                )}
                {x.versions > 1 && (
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => setOpen(open === x.id ? null : x.id)}
                  >
                    {t('formList.versions', { count: x.versions })}
                  </button>
                )}
              </div>
              {open === x.id && <Versions id={x.id} mayManage={mayManage} onChange={forms.reload} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Versions({ id, mayManage, onChange }: { id: string; mayManage: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const detail = useApi<FormDetail>(`/api/forms/${encodeURIComponent(id)}`);
  const [error, setError] = useState<ApiError>();
  const activate = async (version: string) => {
    try {
      await api(`/api/forms/${encodeURIComponent(id)}/activate`, { method: 'POST', body: { version } });
      detail.reload();
      onChange();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  if (!detail.data) return <Loading />;
  return (
    <>
      {error && <ErrorBox error={error} />}
      <table className="table q-versions">
        <tbody>
          {detail.data.versions.map((v) => (
            <tr key={v.version}>
              <td className="mono">v{v.version}</td>
              <td>{f.dateTime(v.createdAt)}</td>
              <td>
                <a
                  href={`/api/forms/${encodeURIComponent(id)}/export.xlsx?version=${encodeURIComponent(v.version)}`}
                  download
                >
                  {t('formList.export')}
                </a>
              </td>
              <td>
                {v.active ? (
                  <strong>{t('formList.active')}</strong>
                ) : (
                  mayManage && (
                    <button type="button" className="button-quiet" onClick={() => void activate(v.version)}>
                      {t('formList.activate')}
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
