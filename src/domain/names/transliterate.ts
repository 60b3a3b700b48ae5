/**
 * Transliterating a person's name: Hangul → Cyrillic (Kontsevich), Hangul → Latin (Revised
 * Romanization, McCune–Reischauer), family name first. Any other script is returned as written with
 * a notice saying no scheme applied; nothing here throws on any string.
 */
import { assembleJamoName, type Syllable, syllableOf } from './hangul.ts';
import { cyrillizeKontsevich } from './scheme-kontsevich.ts';
import { romanizeMr } from './scheme-mr.ts';
import { type RrHyphen, romanizeRr } from './scheme-rr.ts';
import { cleanName, detectScript, type NameScript } from './script.ts';
import { splitKoreanName } from './split-name.ts';
import { lookupSurname } from './surnames.ts';

export type Scheme = 'rr' | 'mr' | 'kontsevich';
export const SCHEMES: readonly Scheme[] = ['rr', 'mr', 'kontsevich'];

/** Longer input is not a name; it is passed through rather than expanded into keys. */
export const MAX_NAME_LENGTH = 100;

export interface TransliterateOptions {
  /**
   * `conventional` (default) writes the family name as people usually do (Lee, Park, Choi / Ли, Пак,
   * Цой); `strict` writes it by the scheme like any other word (I, Bak, Choe / И, Пак, Чхве).
   */
  surname?: 'conventional' | 'strict';
  /** RR only: hyphen in the given name; default `never` (see scheme-rr.ts). */
  rrHyphen?: RrHyphen;
  /** MR only: hyphen in a two-syllable given name as ALA-LC writes it; default true. */
  mrHyphen?: boolean;
}

/** Why a name was passed through unchanged, or what was done to read it. Codes match `names:notice.*`. */
export type NoticeCode = 'empty' | 'no-scheme' | 'mixed-script' | 'too-long' | 'assembled-jamo';

export interface NameNotice {
  readonly code: NoticeCode;
  readonly script: NameScript;
  /** One English line for a log: `names: no-scheme (latin) for "John Smith"; returned as written`. */
  readonly logLine: string;
}

export interface NameTransliteration {
  /** The cleaned input (NFC, spaces collapsed). */
  readonly source: string;
  readonly script: NameScript;
  /** The scheme used, or null when the name was returned as written. */
  readonly scheme: Scheme | null;
  readonly family: string;
  readonly given: string;
  /** `Family Given`, or the name as written when no scheme applied. */
  readonly text: string;
  readonly notice?: NameNotice;
}

/** A Hangul name ready for the schemes: family and given name as syllables. */
export interface ParsedKoreanName {
  readonly source: string;
  readonly familyHangul: string;
  readonly givenHangul: string;
  readonly family: readonly Syllable[];
  readonly given: readonly Syllable[];
  readonly notice?: NameNotice;
}

// Separators people put inside names (Hong Gil-dong style hyphens, middle dots); they split nothing.
const SEPARATORS = /[-‐‑‒–—·・‧.]/g;
const PLAIN_HANGUL = /^[가-힣]{1,10}$/;

const notice = (code: NoticeCode, script: NameScript, source: string, what: string): NameNotice => ({
  code,
  script,
  logLine: `names: ${code} (${script}) for ${JSON.stringify(source.slice(0, 40))}; ${what}`,
});

const syllables = (text: string): Syllable[] => [...text].map((c) => syllableOf(c)!);

/**
 * Reads a name as Korean when it is written in Hangul syllables (spaces and hyphens allowed), or in
 * loose jamo that assemble into whole syllables. Otherwise returns the reason it cannot be read.
 */
export function parseKoreanName(input: string): ParsedKoreanName | { source: string; notice: NameNotice } {
  // Nearly every roster name is bare syllables; they skip cleaning and script detection.
  if (typeof input === 'string' && PLAIN_HANGUL.test(input)) {
    const split = splitKoreanName(input);
    return {
      source: input,
      familyHangul: split.family,
      givenHangul: split.given,
      family: syllables(split.family),
      given: syllables(split.given),
    };
  }
  let source = cleanName(typeof input === 'string' ? input : '');
  const script = detectScript(source);
  if (script === 'empty')
    return { source, notice: notice('empty', script, source, 'nothing to transliterate') };
  if ([...source].length > MAX_NAME_LENGTH) {
    return { source, notice: notice('too-long', script, source, 'returned as written') };
  }
  let assembled: NameNotice | undefined;
  if (script === 'jamo') {
    const built = assembleJamoName(source.replace(SEPARATORS, ''));
    if (!built) return { source, notice: notice('no-scheme', script, source, 'returned as written') };
    assembled = notice('assembled-jamo', script, source, `read as ${built}`);
    source = built;
  } else if (script !== 'hangul') {
    const code = script === 'mixed' ? 'mixed-script' : 'no-scheme';
    return { source, notice: notice(code, script, source, 'returned as written') };
  }
  const hangulOnly = source.replace(SEPARATORS, '');
  if (!/^[가-힣 ]+$/.test(hangulOnly)) {
    return { source, notice: notice('mixed-script', 'mixed', source, 'returned as written') };
  }
  const split = splitKoreanName(hangulOnly.replace(/ +/g, ' ').trim());
  return {
    source,
    familyHangul: split.family,
    givenHangul: split.given,
    family: syllables(split.family),
    given: syllables(split.given),
    ...(assembled ? { notice: assembled } : {}),
  };
}

const capitalize = (word: string): string => (word ? word[0]!.toUpperCase() + word.slice(1) : word);

/** The family name in a scheme: the conventional spelling from the table, else the scheme's own. */
export function transliterateFamily(
  hangul: string,
  family: readonly Syllable[],
  scheme: Scheme,
  options: TransliterateOptions = {},
): string {
  const known = options.surname === 'strict' ? undefined : lookupSurname(hangul);
  if (known) {
    if (scheme === 'rr') return known.latin[0]!;
    if (scheme === 'mr') return known.mr;
    return known.cyrillic[0]!;
  }
  if (scheme === 'rr') return capitalize(romanizeRr(family));
  if (scheme === 'mr') return capitalize(romanizeMr(family));
  return capitalize(cyrillizeKontsevich(family));
}

/** The given name in a scheme, as one word (RR and MR hyphens as the options say). */
export function transliterateGiven(
  given: readonly Syllable[],
  scheme: Scheme,
  options: TransliterateOptions = {},
): string {
  if (scheme === 'rr') return capitalize(romanizeRr(given, options.rrHyphen ?? 'never'));
  if (scheme === 'mr') return capitalize(romanizeMr(given, { hyphenate: options.mrHyphen ?? true }));
  return capitalize(cyrillizeKontsevich(given));
}

/**
 * A person's name in one scheme, family name first.
 *
 * @example
 * transliterateName('김철수', 'kontsevich').text // 'Ким Чхольсу'
 * transliterateName('이석민', 'mr').text          // 'Yi Sŏng-min'
 * transliterateName('John Smith', 'rr')          // text 'John Smith', scheme null, notice.code 'no-scheme'
 */
export function transliterateName(
  input: string,
  scheme: Scheme,
  options: TransliterateOptions = {},
): NameTransliteration {
  const parsed = parseKoreanName(input);
  if (!('family' in parsed)) {
    return {
      source: parsed.source,
      script: parsed.notice.script,
      scheme: null,
      family: '',
      given: '',
      text: parsed.source,
      notice: parsed.notice,
    };
  }
  const family = transliterateFamily(parsed.familyHangul, parsed.family, scheme, options);
  const given = transliterateGiven(parsed.given, scheme, options);
  return {
    source: parsed.source,
    script: parsed.notice ? 'jamo' : 'hangul',
    scheme,
    family,
    given,
    text: given ? `${family} ${given}` : family,
    ...(parsed.notice ? { notice: parsed.notice } : {}),
  };
}
