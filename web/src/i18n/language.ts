import { isUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../../src/i18n/languages.ts';

/** Where the chosen language is remembered on this device. */
export const LANGUAGE_STORAGE_KEY = 'kitout.language';

/** The first UI language among the browser's preferred languages (`ko-KR` → `ko`), or English. */
export function browserLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const code = tag.slice(0, 2).toLowerCase();
    if (isUiLanguage(code)) return code;
  }
  return 'en';
}

/**
 * The language to show: a choice made on this device wins (the person picked it here, perhaps on a shared
 * tablet); otherwise the signed-in account's language; otherwise the browser's.
 */
export function pickLanguage(opts: {
  stored: string | null;
  account?: string | null;
  browser: readonly string[];
}): UiLanguage {
  if (isUiLanguage(opts.stored)) return opts.stored;
  if (isUiLanguage(opts.account)) return opts.account;
  return browserLanguage(opts.browser);
}

export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be switched off (private mode, policy): the choice then lasts until the page is reloaded.
    return null;
  }
}

export function rememberLanguage(lang: UiLanguage): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // See storedLanguage: nothing to remember into.
  }
}

export { UI_LANGUAGES, type UiLanguage };
