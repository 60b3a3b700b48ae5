/**
 * McCune–Reischauer (G. M. McCune and E. O. Reischauer, "The Romanization of the Korean Language,
 * Based upon Its Phonetic Structure", Transactions of the Korea Branch of the Royal Asiatic Society
 * 29, 1939), with the personal-name rules of the Library of Congress variant (ALA-LC Romanization
 * Tables, Korean, 2009, "Personal names"): surname, space, given name; a two-syllable given name is
 * hyphenated, with sound changes shown on either side of the hyphen (박목월 Pak Mog-wŏl, 안응렬
 * An Ŭng-nyŏl), a longer one written as one word; an initial ㄹ of a given name is r (김리나 Kim Ri-na).
 * The DPRK's own romanisation (1992) descends from this system; the search keys fold its spellings
 * (Chh, Kh, Ph, ŏ, ŭ) onto the same key.
 *
 * MR writes pronunciation: plain stops are voiceless word-initially and after voiceless sounds
 * (k t p ch) and voiced between vowels or after n m ng l (g d b j); aspirates carry an apostrophe
 * (k’ t’ p’ ch’); ㅓ ㅡ are ŏ ŭ. The sound changes come from {@link pronounceWord}.
 */
import type { Syllable } from './hangul.ts';
import { pronounceWord } from './pronounce.ts';

/** MR vowels (1939 table; ALA-LC 2009 appendix 7). */
export const MR_VOWELS: Record<string, string> = {
  ㅏ: 'a',
  ㅐ: 'ae',
  ㅑ: 'ya',
  ㅒ: 'yae',
  ㅓ: 'ŏ',
  ㅔ: 'e',
  ㅕ: 'yŏ',
  ㅖ: 'ye',
  ㅗ: 'o',
  ㅘ: 'wa',
  ㅙ: 'wae',
  ㅚ: 'oe',
  ㅛ: 'yo',
  ㅜ: 'u',
  ㅝ: 'wŏ',
  ㅞ: 'we',
  ㅟ: 'wi',
  ㅠ: 'yu',
  ㅡ: 'ŭ',
  ㅢ: 'ŭi',
  ㅣ: 'i',
};
/** Onsets where no voicing applies (word-initial, after a voiceless final, or tensed). */
export const MR_ONSETS: Record<string, string> = {
  ㄱ: 'k',
  ㄲ: 'kk',
  ㄴ: 'n',
  ㄷ: 't',
  ㄸ: 'tt',
  ㄹ: 'r',
  ㅁ: 'm',
  ㅂ: 'p',
  ㅃ: 'pp',
  ㅅ: 's',
  ㅆ: 'ss',
  ㅈ: 'ch',
  ㅉ: 'tch',
  ㅊ: 'ch’',
  ㅋ: 'k’',
  ㅌ: 't’',
  ㅍ: 'p’',
  ㅎ: 'h',
};
/** The voiced forms between vowels or after n, m, ng, l. */
const MR_VOICED: Record<string, string> = { ㄱ: 'g', ㄷ: 'd', ㅂ: 'b', ㅈ: 'j', ㄹ: 'r' };
const MR_CODAS: Record<string, string> = { ㄱ: 'k', ㄴ: 'n', ㄷ: 't', ㄹ: 'l', ㅁ: 'm', ㅂ: 'p', ㅇ: 'ng' };
const SONORANT_OR_VOWEL = new Set(['', 'ㄴ', 'ㄹ', 'ㅁ', 'ㅇ']);

export interface MrOptions {
  /** Hyphen between the syllables of a two-syllable given name (ALA-LC); default false. */
  hyphenate?: boolean;
}

/** One word in MR, lower case (the caller capitalises). */
export function romanizeMr(word: readonly Syllable[], options: MrOptions = {}): string {
  const sounds = pronounceWord(word);
  const hyphenate = options.hyphenate === true && sounds.length === 2;
  let out = '';
  for (let i = 0; i < sounds.length; i++) {
    const s = sounds[i]!;
    const prev = sounds[i - 1];
    let onset = '';
    if (s.onset !== '') {
      const voiced = prev !== undefined && !s.tense && !prev.link && SONORANT_OR_VOWEL.has(prev.coda);
      if (s.onset === 'ㄹ' && prev?.coda === 'ㄹ') onset = 'l';
      else if (s.onset === 'ㅅ' && s.vowel === 'ㅟ') onset = 'sh';
      else onset = (voiced ? MR_VOICED[s.onset] : undefined) ?? MR_ONSETS[s.onset] ?? '';
    }
    if (i > 0) {
      if (hyphenate) out += '-';
      // Without a hyphen MR marks n+g (Han'guk) and a+e, o+e (kaë) so they are not read as ng, ae, oe.
      else if (prev?.coda === 'ㄴ' && !prev.link && onset.startsWith('g')) out += '’';
    }
    let vowel = MR_VOWELS[s.vowel] ?? '';
    if (!hyphenate && i > 0 && onset === '' && !prev?.link && prev?.coda === '' && vowel === 'e') {
      const before = MR_VOWELS[prev.vowel] ?? '';
      if (before.endsWith('a') || before.endsWith('o')) vowel = 'ë';
    }
    const coda = s.link ? (MR_VOICED[s.coda] ?? MR_ONSETS[s.coda] ?? '') : (MR_CODAS[s.coda] ?? '');
    out += onset + vowel + coda;
  }
  return out;
}
