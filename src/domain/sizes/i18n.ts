import type { UiLanguage } from '../../i18n/languages.ts';
import en from '../../i18n/locales/en/sizes.json' with { type: 'json' };
import ko from '../../i18n/locales/ko/sizes.json' with { type: 'json' };
import ru from '../../i18n/locales/ru/sizes.json' with { type: 'json' };
import type { Note } from './note.ts';

type Messages = { [key: string]: string | Messages };
const MESSAGES: Record<UiLanguage, Messages> = { en, ru, ko };

/** The `sizes` namespace message at a dotted key, or undefined. */
export function message(lang: UiLanguage, key: string): string | undefined {
  let node: string | Messages | undefined = MESSAGES[lang];
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const PARAM_RE = /\{\{\s*(\w+)\s*\}\}/g;
const NEST_RE = /\$t\(([^)]+)\)/g;

/**
 * Renders a note the way i18next does with the same JSON (interpolate `{{param}}`, then resolve
 * `$t(key)` nesting), so the domain and CLI can speak without an i18next instance. Missing keys fall
 * back to English, then to the key itself.
 */
export function renderNote(n: Note, lang: UiLanguage = 'en'): string {
  const template = message(lang, n.key) ?? message('en', n.key) ?? n.key;
  return template
    .replace(PARAM_RE, (_, p: string) => String(n.params[p] ?? ''))
    .replace(NEST_RE, (_, k: string) => message(lang, k) ?? message('en', k) ?? k);
}

/** Several notes as one line. */
export function renderNotes(notes: readonly Note[], lang: UiLanguage = 'en'): string {
  return notes.map((n) => renderNote(n, lang)).join('; ');
}
