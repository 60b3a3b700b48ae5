import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src/domain/forms/form-model.ts';
import { parseLanguagePlan } from '../../../src/domain/forms/language-plan.ts';
import { type PlanOption, planOptions } from './plan-options.ts';

const CUSTOM = '\u0000custom';

/**
 * Which language(s) the form speaks in, per part of it: a list of the plans the form's languages allow
 * (e.g. "Русский · choices: 한국어"), or a plan typed by hand such as `questions=ru+ko,choices=ko`.
 */
export function PlanPicker({
  languages,
  plan,
  onPlan,
}: {
  languages: readonly Language[];
  plan: string;
  onPlan: (plan: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [typing, setTyping] = useState(false);
  const [text, setText] = useState(plan);
  const options = useMemo(() => planOptions(languages, plan), [languages, plan]);
  const names = useMemo(() => {
    let display: Intl.DisplayNames | undefined;
    try {
      display = new Intl.DisplayNames([i18n.language], { type: 'language' });
    } catch {
      display = undefined;
    }
    return (key: string) => {
      const l = languages.find((x) => x.key === key);
      const code = l?.code ?? key;
      try {
        const own = new Intl.DisplayNames([code], { type: 'language' }).of(code);
        // Each language named in itself ("Русский", "한국어"), as the language switcher does.
        if (own && own !== code) return own.charAt(0).toLocaleUpperCase(code) + own.slice(1);
      } catch {
        // Not a code Intl knows: use the form's own name for it.
      }
      return display?.of(code) ?? l?.name ?? key;
    };
  }, [languages, i18n.language]);
  const label = (o: PlanOption) => {
    const main = o.main.map(names).join(' + ') || t('fill.planDefault');
    return o.choices ? t('fill.planWithChoices', { main, choices: o.choices.map(names).join(' + ') }) : main;
  };
  const parsed = parseLanguagePlan(text);
  const problems = typing && text.trim() && !parsed.ok ? parsed.errors : [];

  return (
    <div className="q-plan">
      <label className="field">
        <span>{t('fill.plan')}</span>
        <select
          data-testid="plan-picker"
          value={typing ? CUSTOM : plan}
          onChange={(e) => {
            if (e.target.value === CUSTOM) {
              setTyping(true);
              setText(plan);
            } else {
              setTyping(false);
              onPlan(e.target.value);
            }
          }}
        >
          {plan === '' && <option value="">{t('fill.planDefault')}</option>}
          {options.map((o) => (
            <option key={o.plan} value={o.plan}>
              {label(o)}
            </option>
          ))}
          <option value={CUSTOM}>{t('fill.planCustom')}</option>
        </select>
      </label>
      {typing && (
        <form
          className="q-plan-custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (parsed.ok) {
              setTyping(false);
              onPlan(text.trim());
            }
          }}
        >
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="questions=ru,choices=ko+ru"
            spellCheck={false}
            data-testid="plan-text"
            aria-label={t('fill.planCustom')}
          />
          <button type="submit" disabled={!parsed.ok}>
            {t('fill.planApply')}
          </button>
          {problems.map((p) => (
            <p key={p.key} className="q-error">
              {t(`forms:${p.key}`, p.params)}
            </p>
          ))}
        </form>
      )}
    </div>
  );
}
