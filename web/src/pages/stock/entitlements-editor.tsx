import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { type EntitlementLine, entitlementsFrom } from './plan-model.ts';
import type { StockCatalogue } from './use-stock-catalogue.ts';

type Entitlements = { entitlements: EntitlementLine[] };
type IntakeRoles = {
  roles: { role: string; people: number; own: EntitlementLine[]; entitlements: EntitlementLine[] }[];
};

/**
 * What each person of the intake is entitled to, item by item (blank or 0: not issued), and below it what each role
 * held in the intake changes (blank: as for everyone; 0: not issued to that role). Saving replaces that scope's own
 * list and the plan is worked out again.
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
  const roles = useApi<IntakeRoles>(`/api/intakes/${encodeURIComponent(intakeId)}/roles`);
  const [role, setRole] = useState('');
  const saved = () => {
    roles.reload();
    onSaved();
  };
  const list = roles.data?.roles ?? [];
  const chosen = list.find((r) => r.role === role) ?? list[0];
  return (
    <details className="panel import-panel" data-testid="entitlements">
      <summary>
        <h2>{t('planning.entitlements.title')}</h2>
      </summary>
      <p className="muted">{t('planning.entitlements.hint')}</p>
      <ScopeForm
        scope={`intake:${intakeId}`}
        blank="none"
        catalogue={cat}
        onSaved={saved}
        testId="entitlement"
      />
      {roles.error && <ErrorBox error={roles.error} />}
      {chosen && (
        <section className="role-entitlements" data-testid="role-entitlements">
          <h3>{t('planning.entitlements.roles')}</h3>
          <p className="muted">{t('planning.entitlements.rolesHint')}</p>
          <label className="field">
            <span>{t('planning.entitlements.role')}</span>
            <select
              value={chosen.role}
              onChange={(e) => setRole(e.target.value)}
              data-testid="entitlement-role"
            >
              {list.map((r) => (
                <option key={r.role} value={r.role}>
                  {t('planning.entitlements.roleOption', { role: r.role, count: r.people })}
                </option>
              ))}
            </select>
          </label>
          <ScopeForm
            key={chosen.role}
            scope={`role:${chosen.role}`}
            blank="unchanged"
            catalogue={cat}
            onSaved={saved}
            testId="role-entitlement"
          />
        </section>
      )}
    </details>
  );
}

/** One scope's list as text fields; `blank` says what an empty field means for it. */
function ScopeForm({
  scope,
  blank,
  catalogue: cat,
  onSaved,
  testId,
}: {
  scope: string;
  blank: 'none' | 'unchanged';
  catalogue: StockCatalogue;
  onSaved: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  // For an intake the server answers with its own list, or the organisation's default while it has none; for a
  // role, with the rows the role changes.
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
    // An intake's list is sent whole, blank as 0, so it is its own even where it gives nothing; a role's list holds
    // only the items it changes.
    const parsed = entitlementsFrom(
      new Map(cat.items.map((i) => [i.id, typed.get(i.id)?.trim() || (blank === 'none' ? '0' : '')])),
    );
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
    <form onSubmit={submit}>
      {current.error && <ErrorBox error={current.error} />}
      <div className="entitlement-grid">
        {cat.items.map((item) => (
          <label key={item.id} className={invalid.has(item.id) ? 'field is-invalid' : 'field'}>
            <span>{cat.itemLabel(item.id)}</span>
            <input
              type="text"
              inputMode="numeric"
              maxLength={2}
              value={typed.get(item.id) ?? ''}
              placeholder={blank === 'none' ? '0' : '–'}
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
              data-testid={`${testId}-${item.id}`}
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
        <button type="submit" className="button-primary" disabled={busy} data-testid={`${testId}s-save`}>
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
  );
}
