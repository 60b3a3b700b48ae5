import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { type EntitlementLine, entitlementsFrom } from './plan-model.ts';
import type { StockCatalogue } from './use-stock-catalogue.ts';

type Entitlements = { entitlements: EntitlementLine[] };

/**
 * What each person of the intake is entitled to, item by item (blank or 0: not issued). Saving replaces the intake's
 * own list and the plan is worked out again.
 */
export function EntitlementsEditor({
  intakeId,
  catalogue: cat,
  onSaved,
}: {
  intakeId: string;
  catalogue: StockCatalogue;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const scope = `intake:${intakeId}`;
  // The server answers with the intake's own list, or the organisation's default while the intake has none.
  const current = useApi<Entitlements>('/api/entitlements', { scope });
  const [typed, setTyped] = useState<Map<string, string>>(new Map());
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (current.data) setTyped(new Map(current.data.entitlements.map((e) => [e.item, String(e.qty)])));
  }, [current.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Every item is sent, blank as 0, so the intake's list is its own even where it gives nothing.
    const parsed = entitlementsFrom(new Map(cat.items.map((i) => [i.id, typed.get(i.id)?.trim() || '0'])));
    if (!parsed.ok) {
      setInvalid(new Set(parsed.errors));
      return;
    }
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api('/api/entitlements', { method: 'PUT', body: { scope, entitlements: parsed.value } });
      setSaved(true);
      current.reload();
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="panel import-panel" data-testid="entitlements">
      <summary>
        <h2>{t('planning.entitlements.title')}</h2>
      </summary>
      <p className="muted">{t('planning.entitlements.hint')}</p>
      {current.error && <ErrorBox error={current.error} />}
      <form onSubmit={submit}>
        <div className="entitlement-grid">
          {cat.items.map((item) => (
            <label key={item.id} className={invalid.has(item.id) ? 'field is-invalid' : 'field'}>
              <span>{cat.itemLabel(item.id)}</span>
              <input
                type="text"
                inputMode="numeric"
                maxLength={2}
                value={typed.get(item.id) ?? ''}
                placeholder="0"
                aria-invalid={invalid.has(item.id) || undefined}
                onChange={(e) => {
                  setSaved(false);
                  setTyped((p) => new Map(p).set(item.id, e.target.value));
                  setInvalid((p) => {
                    if (!p.has(item.id)) return p;
                    const out = new Set(p);
                    out.delete(item.id);
                    return out;
                  });
                }}
                data-testid={`entitlement-${item.id}`}
              />
            </label>
          ))}
        </div>
        {invalid.size > 0 && (
          <p className="field-error" role="alert">
            {t('planning.entitlements.invalid')}
          </p>
        )}
        <div className="actions form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="entitlements-save">
            {busy ? t('common.saving') : t('planning.entitlements.save')}
          </button>
          {saved && (
            <span className="saved-note" role="status">
              {t('planning.entitlements.saved')}
            </span>
          )}
        </div>
        {error && <ErrorBox error={error} />}
      </form>
    </details>
  );
}
