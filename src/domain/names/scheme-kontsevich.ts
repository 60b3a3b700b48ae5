/**
 * Kontsevich system (Л. Р. Концевич, «Корейско-русская практическая транскрипция», built on
 * А. А. Холодович's 1950s system), the standard practice for Korean in Russian. Tables as given in
 * "Kontsevich system" (en.wikipedia.org/wiki/Kontsevich_system; ru.wikipedia.org «Система
 * Концевича»): ㄱ К- / -г- / -к, ㄷ Т- / -д- / -т, ㅂ П- / -б- / -п, ㅈ Ч / -дж- / -т, ㄹ -Р- / -ЛЬ,
 * ㅇ final Н (НЪ before a vowel), aspirates КХ ТХ ПХ ЧХ, tense КК ТТ ПП СС ЧЧ; the medial (voiced)
 * forms apply "between vowels or after the sonorants М, Н, НЪ, ЛЬ and Р". Vowels: ㅓ о, ㅕ ё,
 * ㅡ ы, ㅐ э, ㅚ ве, ㅢ ый (и after a consonant or inside a word), ㅖ йе (е after a consonant or
 * inside a word), ㅒ йя.
 *
 * Names: surname, space, given name written as one word ("as a rule the syllables of a given name
 * are not separated"): 김정일 Ким Чонъиль. Like MR it writes pronunciation, so the sound changes
 * come from {@link pronounceWord} (석민 Сонмин, 창룡 Чханнён).
 */
import type { Syllable } from './hangul.ts';
import { pronounceWord } from './pronounce.ts';

export const KONTSEVICH_VOWELS: Record<string, string> = {
  ㅏ: 'а',
  ㅐ: 'э',
  ㅑ: 'я',
  ㅒ: 'йя',
  ㅓ: 'о',
  ㅔ: 'е',
  ㅕ: 'ё',
  ㅖ: 'йе',
  ㅗ: 'о',
  ㅘ: 'ва',
  ㅙ: 'вэ',
  ㅚ: 'ве',
  ㅛ: 'ё',
  ㅜ: 'у',
  ㅝ: 'во',
  ㅞ: 'ве',
  ㅟ: 'ви',
  ㅠ: 'ю',
  ㅡ: 'ы',
  ㅢ: 'ый',
  ㅣ: 'и',
};
/** Vowels written differently after a consonant or inside a word (the table's notes). */
const AFTER_CONSONANT: Record<string, string> = { ㅖ: 'е', ㅢ: 'и', ㅒ: 'я' };
export const KONTSEVICH_ONSETS: Record<string, string> = {
  ㄱ: 'к',
  ㄲ: 'кк',
  ㄴ: 'н',
  ㄷ: 'т',
  ㄸ: 'тт',
  ㄹ: 'р',
  ㅁ: 'м',
  ㅂ: 'п',
  ㅃ: 'пп',
  ㅅ: 'с',
  ㅆ: 'сс',
  ㅈ: 'ч',
  ㅉ: 'чч',
  ㅊ: 'чх',
  ㅋ: 'кх',
  ㅌ: 'тх',
  ㅍ: 'пх',
  ㅎ: 'х',
};
const MEDIAL: Record<string, string> = { ㄱ: 'г', ㄷ: 'д', ㅂ: 'б', ㅈ: 'дж', ㄹ: 'р' };
const CODAS: Record<string, string> = { ㄱ: 'к', ㄴ: 'н', ㄷ: 'т', ㄹ: 'ль', ㅁ: 'м', ㅂ: 'п', ㅇ: 'н' };
const SONORANT_OR_VOWEL = new Set(['', 'ㄴ', 'ㄹ', 'ㅁ', 'ㅇ']);

/** One word in Kontsevich Cyrillic, lower case (the caller capitalises). */
export function cyrillizeKontsevich(word: readonly Syllable[]): string {
  const sounds = pronounceWord(word);
  let out = '';
  for (let i = 0; i < sounds.length; i++) {
    const s = sounds[i]!;
    const prev = sounds[i - 1];
    const next = sounds[i + 1];
    let onset = '';
    if (s.onset !== '') {
      const medial = prev !== undefined && !s.tense && SONORANT_OR_VOWEL.has(prev.coda);
      if (s.onset === 'ㄹ' && prev?.coda === 'ㄹ') onset = 'л';
      else onset = (medial ? MEDIAL[s.onset] : undefined) ?? KONTSEVICH_ONSETS[s.onset] ?? '';
    }
    const inside = onset !== '' || i > 0;
    const vowel = (inside ? AFTER_CONSONANT[s.vowel] : undefined) ?? KONTSEVICH_VOWELS[s.vowel] ?? '';
    let coda: string;
    if (s.link) coda = MEDIAL[s.coda] ?? KONTSEVICH_ONSETS[s.coda] ?? '';
    else if (s.coda === 'ㅇ' && next !== undefined && next.onset === '') coda = 'нъ';
    else if (s.coda === 'ㄹ' && next?.onset === 'ㄹ') coda = 'л';
    else coda = CODAS[s.coda] ?? '';
    out += onset + vowel + coda;
  }
  return out;
}
