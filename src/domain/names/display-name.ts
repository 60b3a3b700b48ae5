/**
 * How a person's name is shown to someone: in the person's own script, plus the viewer's script
 * when it differs — a Russian-reading issuer sees 김철수 with Ким Чхольсу under it, an English reader
 * Kim Cheolsu, a Korean reader the Hangul alone. The roster's own spellings (`name_cyrillic`,
 * `name_latin`) win over any scheme, since they are what the person wrote or the office recorded.
 */
import type { UiLanguage } from '../../i18n/languages.ts';
import { cleanName, detectScript, type NameScript } from './script.ts';
import type { PersonName } from './search-keys.ts';
import { type NameNotice, type Scheme, transliterateName } from './transliterate.ts';

export interface DisplayName {
  /** The name as written, cleaned. */
  readonly own: string;
  readonly ownScript: NameScript;
  /** The name in the viewer's script, or null when the own form already is, or no form exists. */
  readonly viewer: string | null;
  /** Where `viewer` came from: a scheme, the roster's override, or nothing. */
  readonly source: Scheme | 'roster' | null;
  /** One line: `김철수 (Ким Чхольсу)`, or the own form alone. */
  readonly text: string;
  /** Set when the viewer's script was wanted but no scheme could give it (for one log line). */
  readonly notice?: NameNotice;
}

const VIEWER_SCRIPT: Record<UiLanguage, NameScript> = { ru: 'cyrillic', en: 'latin', ko: 'hangul' };
const VIEWER_SCHEME: Partial<Record<UiLanguage, Scheme>> = { ru: 'kontsevich', en: 'rr' };

/**
 * The name for a viewer reading `viewerLanguage`.
 *
 * @example
 * displayName({ name: '김철수' }, 'ru').text                              // '김철수 (Ким Чхольсу)'
 * displayName({ name: '최철수', nameCyrillic: 'Цой Чер Су' }, 'ru').viewer // 'Цой Чер Су'
 */
export function displayName(person: PersonName, viewerLanguage: UiLanguage): DisplayName {
  const own = cleanName(typeof person.name === 'string' ? person.name : '');
  const ownScript = detectScript(own);
  const wanted = VIEWER_SCRIPT[viewerLanguage] ?? 'latin';
  const result = (
    viewer: string | null,
    source: DisplayName['source'],
    notice?: NameNotice,
  ): DisplayName => ({
    own,
    ownScript,
    viewer,
    source,
    text: viewer && own ? `${own} (${viewer})` : viewer || own,
    ...(notice ? { notice } : {}),
  });
  if (ownScript === wanted) return result(null, null);
  const override = wanted === 'cyrillic' ? person.nameCyrillic : wanted === 'latin' ? person.nameLatin : null;
  const cleanedOverride = typeof override === 'string' ? cleanName(override) : '';
  if (cleanedOverride && cleanedOverride !== own) return result(cleanedOverride, 'roster');
  const scheme = VIEWER_SCHEME[viewerLanguage];
  if (!scheme) return result(null, null);
  const t = transliterateName(own, scheme);
  if (t.scheme === null) return result(null, null, t.notice);
  return result(t.text, t.scheme, t.notice);
}
