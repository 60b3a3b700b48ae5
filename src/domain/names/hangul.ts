/**
 * Hangul decomposition for the name schemes. es-hangul does the jamo arithmetic
 * (`disassembleCompleteCharacter`, `assemble`); this file only adds what the schemes need on top:
 * NFC first (so NFD-decomposed input reads the same as composed input), a cache per syllable (a
 * roster of 1.2 M names uses a few thousand distinct syllables), and compound vowels as one
 * letter (es-hangul spells ㅘ as 'ㅗㅏ', the scheme tables are keyed by the single letter).
 */
import { assemble, disassembleCompleteCharacter } from 'es-hangul';

/** One written syllable: initial consonant ('ㅇ' when silent), vowel, final ('' when none; 'ㄹㄱ' for ㄺ). */
export interface Syllable {
  readonly initial: string;
  readonly vowel: string;
  readonly final: string;
}

/** es-hangul writes compound vowels as two letters; the tables use the composed letter. */
const COMPOUND_VOWELS: Record<string, string> = {
  ㅗㅏ: 'ㅘ',
  ㅗㅐ: 'ㅙ',
  ㅗㅣ: 'ㅚ',
  ㅜㅓ: 'ㅝ',
  ㅜㅔ: 'ㅞ',
  ㅜㅣ: 'ㅟ',
  ㅡㅣ: 'ㅢ',
};

const cache = new Map<number, Syllable>();

/** The jamo of one complete syllable (가–힣), or undefined for any other character. */
export function syllableOf(char: string): Syllable | undefined {
  const code = char.charCodeAt(0);
  if (code < 0xac00 || code > 0xd7a3) return undefined;
  const hit = cache.get(code);
  if (hit) return hit;
  const parts = disassembleCompleteCharacter(char);
  if (!parts) return undefined;
  const syllable: Syllable = {
    initial: parts.choseong,
    vowel: COMPOUND_VOWELS[parts.jungseong] ?? parts.jungseong,
    final: parts.jongseong,
  };
  cache.set(code, syllable);
  return syllable;
}

/** True for a complete Hangul syllable. */
export const isHangulSyllable = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code >= 0xac00 && code <= 0xd7a3;
};

/** Hangul compatibility jamo (ㄱ–ㅣ), which keyboards produce mid-syllable and some rosters hold. */
export const isCompatibilityJamo = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code >= 0x3131 && code <= 0x3163;
};

/**
 * Composes a string of loose compatibility jamo ('ㄱㅣㅁㅊㅓㄹㅅㅜ') into syllables ('김철수') with
 * es-hangul's `assemble`, keeping spaces. Returns undefined when the jamo do not all end up inside
 * complete syllables (e.g. 'ㅋㅋㅋ'), since a half-built name must not be read as a name.
 */
export function assembleJamoName(text: string): string | undefined {
  const words = text.split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  const out: string[] = [];
  for (const word of words) {
    let built: string;
    try {
      built = assemble([...word]);
    } catch {
      // es-hangul throws on sequences no syllable can hold (a vowel after a compound vowel, …).
      return undefined;
    }
    if (![...built].every(isHangulSyllable)) return undefined;
    out.push(built);
  }
  return out.join(' ');
}
