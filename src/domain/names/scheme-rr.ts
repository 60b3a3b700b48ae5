/**
 * Revised Romanization of Korean (국어의 로마자 표기법, Ministry of Culture and Tourism
 * Proclamation 2000-8; text at korean.go.kr/kornorms, regulation 0004), as it applies to names.
 *
 * Section 2 gives the letters: vowels (2.1), consonants (2.2) with ㄱ ㄷ ㅂ as g d b before a vowel
 * and k t p before a consonant or at the end, ㄹ as r before a vowel and l otherwise, ㄹㄹ as ll.
 * Section 3, article 4 is the name rule: family name first, a space, the given name as one word
 * ("in principle syllables of a given name are not separated by a hyphen, but a hyphen is
 * allowed": 민용하 Min Yongha (Min Yong-ha), 송나리 Song Nari (Song Na-ri)), and article 4(1)
 * "sound changes between syllables of a given name are not transcribed" (한복남 Han Boknam,
 * 홍빛나 Hong Bitna). So RR here is letter by letter per syllable, with no assimilation and no
 * linking across syllables: 석우 is Seoku, as passports spell it, not the pronounced Seogu.
 *
 * Hyphen choice: none by default (the rule's "in principle"); `always` gives Min Yong-ha;
 * `ambiguous` hyphenates only where section 3 article 2 allows it to prevent misreading
 * (a syllable starting with a vowel, or n before g: 중앙 Jung-ang, 반구대 Ban-gudae).
 */
import type { Syllable } from './hangul.ts';

/** Section 2.1. */
export const RR_VOWELS: Record<string, string> = {
  ㅏ: 'a',
  ㅐ: 'ae',
  ㅑ: 'ya',
  ㅒ: 'yae',
  ㅓ: 'eo',
  ㅔ: 'e',
  ㅕ: 'yeo',
  ㅖ: 'ye',
  ㅗ: 'o',
  ㅘ: 'wa',
  ㅙ: 'wae',
  ㅚ: 'oe',
  ㅛ: 'yo',
  ㅜ: 'u',
  ㅝ: 'wo',
  ㅞ: 'we',
  ㅟ: 'wi',
  ㅠ: 'yu',
  ㅡ: 'eu',
  ㅢ: 'ui',
  ㅣ: 'i',
};

/** Section 2.2, initials (every initial stands before a vowel, so ㄱ ㄷ ㅂ ㄹ are g d b r). */
export const RR_INITIALS: Record<string, string> = {
  ㄱ: 'g',
  ㄲ: 'kk',
  ㄴ: 'n',
  ㄷ: 'd',
  ㄸ: 'tt',
  ㄹ: 'r',
  ㅁ: 'm',
  ㅂ: 'b',
  ㅃ: 'pp',
  ㅅ: 's',
  ㅆ: 'ss',
  ㅇ: '',
  ㅈ: 'j',
  ㅉ: 'jj',
  ㅊ: 'ch',
  ㅋ: 'k',
  ㅌ: 't',
  ㅍ: 'p',
  ㅎ: 'h',
};

/** Section 2.2, finals: the representative sound of each written final (clusters by their sounding letter). */
export const RR_FINALS: Record<string, string> = {
  '': '',
  ㄱ: 'k',
  ㄲ: 'k',
  ㅋ: 'k',
  ㄱㅅ: 'k',
  ㄹㄱ: 'k',
  ㄴ: 'n',
  ㄴㅈ: 'n',
  ㄴㅎ: 'n',
  ㄷ: 't',
  ㅅ: 't',
  ㅆ: 't',
  ㅈ: 't',
  ㅊ: 't',
  ㅌ: 't',
  ㅎ: 't',
  ㄹ: 'l',
  ㄹㅂ: 'l',
  ㄹㅅ: 'l',
  ㄹㅌ: 'l',
  ㄹㅎ: 'l',
  ㅁ: 'm',
  ㄹㅁ: 'm',
  ㅂ: 'p',
  ㅍ: 'p',
  ㅂㅅ: 'p',
  ㄹㅍ: 'p',
  ㅇ: 'ng',
};

export type RrHyphen = 'never' | 'ambiguous' | 'always';

/** One word (a given name or a surname) in RR, lower case. */
export function romanizeRr(word: readonly Syllable[], hyphen: RrHyphen = 'never'): string {
  let out = '';
  let previousFinal = '';
  for (let i = 0; i < word.length; i++) {
    const s = word[i] as Syllable;
    let initial = RR_INITIALS[s.initial] ?? '';
    // ㄹㄹ is ll (2.2 note 2); the only boundary the letters themselves change.
    if (s.initial === 'ㄹ' && previousFinal === 'ㄹ') initial = 'l';
    if (i > 0) {
      const sep =
        hyphen === 'always' ||
        (hyphen === 'ambiguous' && (initial === '' || (previousFinal === 'ㄴ' && initial.startsWith('g'))));
      if (sep) out += '-';
    }
    out += initial + (RR_VOWELS[s.vowel] ?? '') + (RR_FINALS[s.final] ?? '');
    previousFinal = s.final;
  }
  return out;
}
