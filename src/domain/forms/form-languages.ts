import type { Language } from './form-model.ts';

/**
 * English and native names of languages forms are written in, to their ISO 639-1 codes, so that
 * `label::Russian`, `label::ru` and `label::Русский (ru)` all meet as one language. A name missing here still
 * works; it is just keyed by its lower-cased name instead of a code.
 */
const NAME_TO_CODE: Record<string, string> = {
  english: 'en',
  russian: 'ru',
  русский: 'ru',
  korean: 'ko',
  한국어: 'ko',
  chinese: 'zh',
  中文: 'zh',
  japanese: 'ja',
  日本語: 'ja',
  french: 'fr',
  français: 'fr',
  spanish: 'es',
  español: 'es',
  portuguese: 'pt',
  german: 'de',
  deutsch: 'de',
  italian: 'it',
  arabic: 'ar',
  swahili: 'sw',
  kiswahili: 'sw',
  hindi: 'hi',
  bengali: 'bn',
  urdu: 'ur',
  persian: 'fa',
  turkish: 'tr',
  polish: 'pl',
  ukrainian: 'uk',
  українська: 'uk',
  belarusian: 'be',
  kazakh: 'kk',
  қазақ: 'kk',
  uzbek: 'uz',
  kyrgyz: 'ky',
  tajik: 'tg',
  armenian: 'hy',
  georgian: 'ka',
  azerbaijani: 'az',
  mongolian: 'mn',
  vietnamese: 'vi',
  thai: 'th',
  indonesian: 'id',
  amharic: 'am',
  hausa: 'ha',
  somali: 'so',
  nepali: 'ne',
  burmese: 'my',
  khmer: 'km',
};

/** The English name shown for a code, when a header gave only the code (`label::ko`). */
const CODE_TO_NAME: Record<string, string> = {
  en: 'English',
  ru: 'Russian',
  ko: 'Korean',
  zh: 'Chinese',
  ja: 'Japanese',
  fr: 'French',
  es: 'Spanish',
  pt: 'Portuguese',
  de: 'German',
  it: 'Italian',
  ar: 'Arabic',
  sw: 'Swahili',
  hi: 'Hindi',
  bn: 'Bengali',
  ur: 'Urdu',
  fa: 'Persian',
  tr: 'Turkish',
  pl: 'Polish',
  uk: 'Ukrainian',
  be: 'Belarusian',
  kk: 'Kazakh',
  uz: 'Uzbek',
  ky: 'Kyrgyz',
  tg: 'Tajik',
  hy: 'Armenian',
  ka: 'Georgian',
  az: 'Azerbaijani',
  mn: 'Mongolian',
  vi: 'Vietnamese',
  th: 'Thai',
  id: 'Indonesian',
  am: 'Amharic',
  ha: 'Hausa',
  so: 'Somali',
  ne: 'Nepali',
  my: 'Burmese',
  km: 'Khmer',
};

/** The key of plain `label` columns in a form that names no default language. */
export const DEFAULT_LANGUAGE_KEY = 'default';

const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/**
 * Reads the language part of a header or of `default_language`: `Russian (ru)`, `ru`, `Russian`, `RU`,
 * `English (en)`, `Klingon`. Returns undefined for an empty spec.
 */
export function parseLanguageSpec(spec: string): Language | undefined {
  const text = spec.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  if (text.toLowerCase() === DEFAULT_LANGUAGE_KEY) return { key: DEFAULT_LANGUAGE_KEY };
  const withCode = /^(.*?)\s*\(\s*([^()]+?)\s*\)$/.exec(text);
  if (withCode && CODE.test(withCode[2]!)) {
    const code = withCode[2]!.toLowerCase();
    const name = withCode[1]!.trim() || CODE_TO_NAME[code];
    return name ? { key: code, name, code } : { key: code, code };
  }
  if (CODE.test(text) && !NAME_TO_CODE[text.toLowerCase()]) {
    const code = text.toLowerCase();
    const name = CODE_TO_NAME[code];
    return name ? { key: code, name, code } : { key: code, code };
  }
  const code = NAME_TO_CODE[text.toLowerCase()];
  if (code)
    return { key: code, name: CODE_TO_NAME[code] === undefined ? text : canonicalName(text, code), code };
  return { key: text.toLowerCase(), name: text };
}

// An English name written in any case is shown in its usual spelling; a native name is kept as written.
function canonicalName(text: string, code: string): string {
  const english = CODE_TO_NAME[code]!;
  return english.toLowerCase() === text.toLowerCase() ? english : text;
}

/** The header suffix that reads back as this language: `Russian (ru)`, `ru`, `Klingon`; '' for the default key. */
export function languageHeader(language: Language): string {
  if (language.key === DEFAULT_LANGUAGE_KEY && !language.code) return '';
  if (language.code && language.name) return `${language.name} (${language.code})`;
  return language.code ?? language.name ?? language.key;
}

/** Finds a form language by key, code or name, ignoring case (`RU`, `Russian`, `ru` all find `ru`). */
export function findLanguage(languages: readonly Language[], wanted: string): Language | undefined {
  const w = wanted.trim().toLowerCase();
  const parsed = parseLanguageSpec(wanted);
  return (
    languages.find((l) => l.key.toLowerCase() === w || l.code === w || l.name?.toLowerCase() === w) ??
    (parsed ? languages.find((l) => l.key === parsed.key) : undefined)
  );
}
