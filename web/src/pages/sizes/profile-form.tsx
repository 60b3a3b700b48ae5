import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useFormat } from '../../hooks/use-format.ts';
import { cellLabel, HeightGroupsTable } from './height-groups-table.tsx';
import { draftOf, GRIDS, overrideOf, type ProfileDraft } from './profile-draft.ts';
import type { ProfileView } from './types.ts';

const HALVES = [0, 0.5, 1, 1.5, 2, 2.5, 3];
const EIGHTHS: Record<string, string> = { '0': '0', '0.125': '1/8', '0.25': '1/4', '-0.125': '−1/8' };

/** What the person typed in the field an error names (`footToLastMm`, `ruHeightGroups.2.max`). */
function typed(draft: ProfileDraft, field: string): string {
  const m = /^ruHeightGroups\.(\d+)\.(group|min|max)$/.exec(field);
  if (m) return draft.ruHeightGroups[Number(m[1])]?.[m[2] as 'group' | 'min' | 'max'] ?? '';
  return field === 'footToLastMm' ? draft.footToLastMm : '';
}

function Setting({
  label,
  fallback,
  changed,
  children,
}: {
  label: string;
  fallback: string;
  changed: boolean;
  /** The control, given the id its label points to. */
  children: (id: string) => ReactNode;
}) {
  const { t } = useTranslation('sizes');
  const id = useId();
  return (
    <label className={`field setting${changed ? ' is-changed' : ''}`} htmlFor={id}>
      <span>{label}</span>
      {children(id)}
      <small className="muted">
        {t('ui.profile.default', { value: fallback })}
        {changed && <strong className="changed"> · {t('ui.profile.changed')}</strong>}
      </small>
    </label>
  );
}

/**
 * The organisation's size profile as a form, each setting with its stated default. Saving replaces the
 * override; the server checks it, refits the catalogue and audits the change.
 */
export function ProfileForm({ view, onSaved }: { view: ProfileView; onSaved: (v: ProfileView) => void }) {
  const { t } = useTranslation('sizes');
  const f = useFormat();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(view.profile));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<number>();
  const d = view.defaults;
  const base = draftOf(d);
  const set = (patch: Partial<ProfileDraft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(undefined);
  };
  const labels: Record<string, string> = {
    ...Object.fromEntries(
      draft.ruHeightGroups.flatMap((_, i) => [
        ...(['group', 'min', 'max'] as const).map((k) => [`ruHeightGroups.${i}.${k}`, cellLabel(t, i, k)]),
        [`ruHeightGroups[${i}]`, `${t('ui.profile.group')} ${i + 1}`],
      ]),
    ),
    footToLastMm: t('ui.profile.footToLastMm'),
    euShoeStep: t('ui.profile.euShoeStep'),
    usWomenOverUsMen: t('ui.profile.usWomenOverUsMen'),
    usMenOverUk: t('ui.profile.usMenOverUk'),
    hatUkOffsetIn: t('ui.profile.hatUkOffsetIn'),
    ruHeightGroups: t('ui.profile.heightGroups'),
    ruHeightTie: t('ui.profile.ruHeightTie'),
    rokDefaultSex: t('ui.profile.rokDefaultSex'),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { override, invalid } = overrideOf(draft, view.override, d);
    if (invalid.length) {
      const issues = invalid.map((field) => ({
        field,
        reason: t('ui.find.notNumber', { value: typed(draft, field) }),
      }));
      setError(new ApiError(400, 'invalid_input', '', issues));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const v = await api<ProfileView & { refitted: number }>('/api/sizes/profile', {
        method: 'PUT',
        body: override,
      });
      setDraft(draftOf(v.profile));
      setSaved(v.refitted);
      onSaved(v);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  };

  const choice = <T extends string | number>(
    id: string,
    value: T,
    options: readonly T[],
    show: (o: T) => string,
    onPick: (o: T) => void,
    testId: string,
  ) => (
    <select
      id={id}
      value={String(value)}
      data-testid={testId}
      onChange={(e) => onPick([...options, value].find((o) => String(o) === e.target.value) ?? value)}
    >
      {[...new Set([...options, value])].map((o) => (
        <option key={String(o)} value={String(o)}>
          {show(o)}
        </option>
      ))}
    </select>
  );
  const eighths = (n: number) => EIGHTHS[String(n)] ?? f.number(n);
  const tieName = (x: 'larger' | 'smaller') => t(`tie.${x}`);

  return (
    <form className="profile-form" onSubmit={submit} data-testid="profile-form" noValidate>
      <p className="muted">{t('ui.profile.intro')}</p>
      <fieldset className="panel form-grid">
        <legend>{t('ui.profile.shoes')}</legend>
        <Setting
          label={labels.footToLastMm!}
          fallback={f.number(d.footToLastMm)}
          changed={draft.footToLastMm !== base.footToLastMm}
        >
          {(id) => (
            <input
              id={id}
              inputMode="decimal"
              value={draft.footToLastMm}
              onChange={(e) => set({ footToLastMm: e.target.value })}
              data-testid="p-footToLastMm"
            />
          )}
        </Setting>
        <Setting
          label={labels.euShoeStep!}
          fallback={t(d.euShoeStep === 1 ? 'ui.profile.euWhole' : 'ui.profile.euHalf')}
          changed={draft.euShoeStep !== d.euShoeStep}
        >
          {(id) =>
            choice<1 | 0.5>(
              id,
              draft.euShoeStep,
              [1, 0.5],
              (o) => t(o === 1 ? 'ui.profile.euWhole' : 'ui.profile.euHalf'),
              (o) => set({ euShoeStep: o }),
              'p-euShoeStep',
            )
          }
        </Setting>
        <Setting
          label={labels.usWomenOverUsMen!}
          fallback={f.number(d.usWomenOverUsMen)}
          changed={draft.usWomenOverUsMen !== d.usWomenOverUsMen}
        >
          {(id) =>
            choice(
              id,
              draft.usWomenOverUsMen,
              HALVES,
              f.number,
              (o) => set({ usWomenOverUsMen: o }),
              'p-usWomenOverUsMen',
            )
          }
        </Setting>
        <Setting
          label={labels.usMenOverUk!}
          fallback={f.number(d.usMenOverUk)}
          changed={draft.usMenOverUk !== d.usMenOverUk}
        >
          {(id) =>
            choice(id, draft.usMenOverUk, HALVES, f.number, (o) => set({ usMenOverUk: o }), 'p-usMenOverUk')
          }
        </Setting>
      </fieldset>
      <fieldset className="panel form-grid">
        <legend>{t('ui.profile.hats')}</legend>
        <Setting
          label={labels.hatUkOffsetIn!}
          fallback={eighths(d.hatUkOffsetIn)}
          changed={draft.hatUkOffsetIn !== d.hatUkOffsetIn}
        >
          {(id) =>
            choice(
              id,
              draft.hatUkOffsetIn,
              [0, 0.125, 0.25],
              eighths,
              (o) => set({ hatUkOffsetIn: o }),
              'p-hatUkOffsetIn',
            )
          }
        </Setting>
        <Setting
          label={labels.rokDefaultSex!}
          fallback={t(`ui.profile.sex.${d.rokDefaultSex}`)}
          changed={draft.rokDefaultSex !== d.rokDefaultSex}
        >
          {(id) =>
            choice<'M' | 'F'>(
              id,
              draft.rokDefaultSex,
              ['M', 'F'],
              (o) => t(`ui.profile.sex.${o}`),
              (o) => set({ rokDefaultSex: o }),
              'p-rokDefaultSex',
            )
          }
        </Setting>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('ui.profile.heightGroups')}</legend>
        <HeightGroupsTable
          groups={draft.ruHeightGroups}
          defaults={d.ruHeightGroups}
          onChange={(ruHeightGroups) => set({ ruHeightGroups })}
        />
        <div className="form-grid">
          <Setting
            label={labels.ruHeightTie!}
            fallback={tieName(d.ruHeightTie)}
            changed={draft.ruHeightTie !== d.ruHeightTie}
          >
            {(id) =>
              choice<'larger' | 'smaller'>(
                id,
                draft.ruHeightTie,
                ['larger', 'smaller'],
                tieName,
                (o) => set({ ruHeightTie: o }),
                'p-ruHeightTie',
              )
            }
          </Setting>
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('ui.profile.rounding')}</legend>
        <div className="rounding-grid">
          {GRIDS.map((g) => {
            const r = draft.rounding[g];
            const changed = r.mode !== d[g].mode || r.tie !== d[g].tie;
            const put = (next: typeof r) => set({ rounding: { ...draft.rounding, [g]: next } });
            return (
              <div
                key={g}
                className={`rounding-row${changed ? ' is-changed' : ''}`}
                data-testid={`p-rounding-${g}`}
              >
                <p className="rounding-name">{t(`ui.profile.grid.${g}`)}</p>
                <Setting
                  label={t('ui.profile.mode')}
                  fallback={t(`rounding.${d[g].mode}`)}
                  changed={r.mode !== d[g].mode}
                >
                  {(id) =>
                    choice(
                      id,
                      r.mode,
                      ['nearest', 'up', 'down'] as const,
                      (o) => t(`rounding.${o}`),
                      (mode) => put({ ...r, mode }),
                      `p-${g}-mode`,
                    )
                  }
                </Setting>
                <Setting
                  label={t('ui.profile.tieRule')}
                  fallback={tieName(d[g].tie)}
                  changed={r.tie !== d[g].tie}
                >
                  {(id) =>
                    choice(
                      id,
                      r.tie,
                      ['larger', 'smaller'] as const,
                      tieName,
                      (tie) => put({ ...r, tie }),
                      `p-${g}-tie`,
                    )
                  }
                </Setting>
              </div>
            );
          })}
        </div>
      </fieldset>
      {error && <ErrorBox error={error} labels={labels} testId="profile-error" />}
      {saved !== undefined && (
        <div className="notice notice-success" role="status" data-testid="profile-saved">
          <p className="notice-title">{t('ui.profile.saved', { count: f.number(saved) })}</p>
        </div>
      )}
      <div className="actions profile-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="profile-save">
          {t('ui.profile.save')}
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => set(draftOf(d))}>
          {t('ui.profile.reset')}
        </button>
      </div>
    </form>
  );
}
