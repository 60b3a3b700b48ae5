/** The languages every user-visible string must exist in. Forms may use any language; the UI uses these. */
export const UI_LANGUAGES = ['en', 'ru', 'ko'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Picks ru or ko from a POSIX locale string such as `ru_RU.UTF-8`; English otherwise. */
export function languageFromLocale(locale: string | undefined): UiLanguage {
  const code = (locale ?? '').slice(0, 2).toLowerCase();
  return isUiLanguage(code) ? code : 'en';
}
