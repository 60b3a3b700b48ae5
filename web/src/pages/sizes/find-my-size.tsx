import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useFormat } from '../../hooks/use-format.ts';
import { bodyParts } from './body-text.ts';
import { FitTable } from './fit-table.tsx';
import { noteText } from './note-text.ts';
import { parseDecimal } from './numbers.ts';
import { SystemSelect } from './system-select.tsx';
import type { Resolution, SizeSystemInfo } from './types.ts';

/** The measurements the helper asks for, with the unit each is typed in. */
const ASKED = [
  { dim: 'headGirth', unit: 'cm' },
  { dim: 'chest', unit: 'cm' },
  { dim: 'waist', unit: 'cm' },
  { dim: 'height', unit: 'cm' },
  { dim: 'footLength', unit: 'mm' },
] as const;
type Asked = (typeof ASKED)[number]['dim'];

type Answer =
  | { kind: 'measurement'; dimension: Asked; value: number }
  | { kind: 'label'; system: string; label: string };

const EMPTY: Record<Asked, string> = { headGirth: '', chest: '', waist: '', height: '', footLength: '' };

/**
 * "Find my size": measurements and/or one size the person knows, in any system, give a body estimate and
 * the best size of every catalogue item with its runner-up, reasons and re-measure warnings.
 */
export function FindMySize({ systems }: { systems: SizeSystemInfo[] }) {
  const { t } = useTranslation('sizes');
  const f = useFormat();
  const [values, setValues] = useState(EMPTY);
  const [system, setSystem] = useState('');
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<ApiError>();
  // The form's own words for the fields of the last request, so an error names "Chest", not answers.1.value.
  const [errorLabels, setErrorLabels] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Resolution>();
  const chosen = systems.find((s) => s.id === system);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const answers: Answer[] = [];
    const fieldLabels: Record<string, string> = {};
    for (const { dim } of ASKED) {
      const v = parseDecimal(values[dim]);
      if (v === undefined) continue;
      if (Number.isNaN(v)) {
        setProblem(`${t(`dim.${dim}`)}: ${t('ui.find.notNumber', { value: values[dim] })}`);
        return;
      }
      fieldLabels[`answers.${answers.length}.value`] = t(`dim.${dim}`);
      answers.push({ kind: 'measurement', dimension: dim, value: v });
    }
    if (system && label.trim()) {
      fieldLabels[`answers.${answers.length}.label`] = t('ui.find.knownLabel');
      fieldLabels[`answers.${answers.length}.system`] = t('ui.find.system');
      answers.push({ kind: 'label', system, label: label.trim() });
    }
    if (answers.length === 0) {
      setProblem(t('ui.find.empty'));
      return;
    }
    setProblem(undefined);
    setError(undefined);
    setBusy(true);
    try {
      setResult(await api<Resolution>('/api/sizes/resolve', { method: 'POST', body: { answers } }));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
      setErrorLabels(fieldLabels);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };

  const clear = () => {
    setValues(EMPTY);
    setSystem('');
    setLabel('');
    setProblem(undefined);
    setError(undefined);
    setResult(undefined);
  };

  return (
    <div className="sizes-panel find-layout" data-testid="find-panel">
      <form className="panel find-form" onSubmit={submit} data-testid="find-form" noValidate>
        <fieldset className="find-group">
          <legend>{t('ui.find.measurements')}</legend>
          <div className="measure-grid">
            {ASKED.map(({ dim, unit }) => (
              <label key={dim} className="field">
                <span>
                  {t(`dim.${dim}`)}, {t(`unit.${unit}`)}
                </span>
                <input
                  inputMode="decimal"
                  autoComplete="off"
                  value={values[dim]}
                  onChange={(e) => setValues({ ...values, [dim]: e.target.value })}
                  data-testid={`m-${dim}`}
                />
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="find-group">
          <legend>{t('ui.find.knownLabel')}</legend>
          <div className="label-row">
            <label className="field" htmlFor="find-system">
              <span>{t('ui.find.system')}</span>
              <SystemSelect
                id="find-system"
                systems={systems}
                value={system}
                onChange={setSystem}
                testId="find-system"
                placeholder={t('ui.find.anySystem')}
              />
            </label>
            <label className="field">
              <span>{t('ui.find.label')}</span>
              <input
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                list={chosen ? 'find-labels' : undefined}
                disabled={!chosen}
                autoComplete="off"
                data-testid="find-label"
              />
              {chosen && (
                <small className="muted">
                  {t('ui.find.labelHint', { examples: chosen.examples.join(', ') })}
                </small>
              )}
            </label>
            {chosen && (
              <datalist id="find-labels">
                {chosen.labels.map((l) => (
                  <option key={l} value={l} />
                ))}
              </datalist>
            )}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="find-submit">
            {t('ui.find.submit')}
          </button>
          <button type="button" className="button-quiet" onClick={clear}>
            {t('ui.find.clear')}
          </button>
        </div>
        {problem && (
          <div className="notice notice-error" role="alert" data-testid="find-problem">
            <p className="notice-title">{problem}</p>
          </div>
        )}
        {error && <ErrorBox error={error} labels={errorLabels} testId="find-error" />}
      </form>
      {!result && <p className="empty find-intro">{t('ui.find.intro')}</p>}
      {result && (
        <div className="find-result" data-testid="find-result">
          <section className="panel body-estimate" data-testid="find-body">
            <h2>{t('ui.find.body')}</h2>
            <dl className="facts">
              {bodyParts(result.body, t, f).map(([dim, value]) => (
                <div key={dim}>
                  <dt>{dim}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {result.notes.length > 0 && (
              <ul className="notes">
                {result.notes.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id; their order is the server's
                  <li key={i}>{noteText(t, n, f)}</li>
                ))}
              </ul>
            )}
          </section>
          {result.flags.length > 0 && (
            <div className="notice notice-warn" role="status" data-testid="find-flags">
              <p className="notice-title">{t('ui.find.remeasure')}</p>
              <ul className="issues">
                {result.flags.map((fl, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: flags have no id; their order is the server's
                  <li key={i}>{noteText(t, fl, f)}</li>
                ))}
              </ul>
            </div>
          )}
          <FitTable items={result.items} />
        </div>
      )}
    </div>
  );
}
