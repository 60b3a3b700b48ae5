import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage, rememberLanguage, storedLanguage, type UiLanguage } from './language.ts';
import { resourcesFrom } from './resources.ts';

// Every namespace file of every language, bundled into the app: the UI must work with no further requests.
const files = import.meta.glob<Record<string, unknown>>('../../../src/i18n/locales/*/*.json', {
  eager: true,
  import: 'default',
});

const resources = resourcesFrom(files);

/** Shows the page in `lang` and keeps `<html lang>` in step, so the browser picks Hangul or Cyrillic fonts well. */
function applyDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
}

i18next.on('languageChanged', applyDocumentLanguage);

void i18next.use(initReactI18next).init({
  resources,
  lng: pickLanguage({ stored: storedLanguage(), browser: navigator.languages ?? [navigator.language] }),
  fallbackLng: 'en',
  supportedLngs: ['en', 'ru', 'ko'],
  ns: Object.keys(resources.en ?? { web: {} }),
  defaultNS: 'web',
  // React escapes text itself.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
applyDocumentLanguage(i18next.language);

/** The person chose a language: show it and remember it on this device. */
export function chooseLanguage(lang: UiLanguage): void {
  rememberLanguage(lang);
  void i18next.changeLanguage(lang);
}

/** After sign-in: the account's language applies unless a language was chosen on this device. */
export function applyAccountLanguage(account: string | null | undefined): void {
  const lang = pickLanguage({ stored: storedLanguage(), account, browser: navigator.languages ?? [] });
  if (lang !== i18next.language) void i18next.changeLanguage(lang);
}

export { i18next };
