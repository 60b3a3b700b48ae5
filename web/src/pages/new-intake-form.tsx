import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { Intake, Site } from '../api/types.ts';
import { ErrorBox } from '../components/error-box.tsx';

/** Opens a new intake; on success goes straight to its roster, which is what comes next. */
export function NewIntakeForm({ sites, onCancel }: { sites: Site[]; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [startDate, setStartDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { intake } = await api<{ intake: Intake }>('/api/intakes', {
        method: 'POST',
        body: { id: id.trim(), name: name.trim(), siteId, startDate },
      });
      navigate(`/intakes/${encodeURIComponent(intake.id)}/roster`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
      setBusy(false);
    }
  };

  return (
    <form className="panel form-grid" onSubmit={submit} data-testid="new-intake-form">
      <h2 className="span-all">{t('intakes.new')}</h2>
      <label className="field">
        <span>{t('intakes.id')}</span>
        <input
          value={id}
          onChange={(e) => setId(e.target.value)}
          required
          maxLength={64}
          pattern="[A-Za-z0-9._\-]+"
          placeholder="W-2027-03"
          spellCheck={false}
          autoCapitalize="characters"
        />
        <small className="muted">{t('intakes.idHint')}</small>
      </label>
      <label className="field">
        <span>{t('intakes.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label className="field">
        <span>{t('intakes.site')}</span>
        <select value={siteId} onChange={(e) => setSiteId(e.target.value)} required>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('intakes.startDate')}</span>
        <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
      </label>
      {error && (
        <div className="span-all">
          <ErrorBox
            error={error}
            labels={{
              id: t('intakes.id'),
              name: t('intakes.name'),
              siteId: t('intakes.site'),
              startDate: t('intakes.startDate'),
            }}
          />
        </div>
      )}
      <div className="span-all actions">
        <button
          type="submit"
          className="button-primary"
          disabled={busy || !id || !name || !siteId || !startDate}
        >
          {busy ? t('common.saving') : t('intakes.create')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
