import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../i18n/language.ts';
import { chooseLanguage } from '../i18n/setup.ts';

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-button"
          aria-pressed={current === lang}
          data-testid={`lang-${lang}`}
          onClick={() => chooseLanguage(lang)}
        >
          {t(`language.names.${lang}`)}
        </button>
      ))}
    </div>
  );
}
