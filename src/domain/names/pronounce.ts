/**
 * How the letters of one word are pronounced at syllable boundaries, for the two schemes that write
 * pronunciation (McCune–Reischauer and Kontsevich). Rules are those of the Standard Pronunciation
 * (표준 발음법, National Institute of Korean Language, 1988), articles cited at each rule, limited to
 * the ones that occur in names:
 *
 * - 9–11 final neutralisation (ㅅ ㅈ ㅊ ㅌ ㅎ → ㄷ, ㅋ ㄲ → ㄱ, ㅍ → ㅂ, clusters to one);
 * - 12 ㅎ: dropped before a vowel, aspirates a following ㄱ ㄷ ㅈ, tenses ㅅ;
 * - 13–14 linking: a final before a silent ㅇ is pronounced as the next onset (목월 [모궐]);
 * - 17 palatalisation: ㄷ ㅌ + 이 → 지 치;
 * - 18 nasalisation: ㄱ ㄷ ㅂ before ㄴ ㅁ → ㅇ ㄴ ㅁ (석민 [성민]);
 * - 19 ㄹ → ㄴ after finals other than ㄴ ㄹ (창룡 [창뇽], 응렬 [응녈]);
 * - 20 lateralisation: ㄴ+ㄹ and ㄹ+ㄴ → ㄹㄹ (신라 [실라]);
 * - 23 tensing after ㄱ ㄷ ㅂ; 26 tensing of ㄷ ㅅ ㅈ after ㄹ in Sino-Korean words (길동 [길똥]).
 *
 * es-hangul's `standardizePronunciation` is not used: it also applies ㄴ-insertion (article 29:
 * 정일 → [정닐]), which name transcriptions do not (ALA-LC "Kim Chŏng-il", Kontsevich "Ким Чонъиль"),
 * and it costs about 8 µs a call, a third of the whole budget for 1.2 M names.
 */
import type { Syllable } from './hangul.ts';

/** One pronounced syllable. */
export interface Sound {
  /** Pronounced onset; '' when silent or when the previous final links into it. */
  readonly onset: string;
  readonly vowel: string;
  /** Pronounced final (one of ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ), or with `link` the consonant carried over to the next vowel. */
  readonly coda: string;
  /** The coda is pronounced as the onset of the next (silent-ㅇ) syllable, e.g. ㄹ in 철운 [처룬]. */
  readonly link: boolean;
  /** The onset is tensed, so the schemes write it voiceless even after a vowel or sonorant. */
  readonly tense: boolean;
}

/** Articles 9–11: what each written final sounds like before a consonant or at the end of a word. */
const NEUTRAL: Record<string, string> = {
  ㄱ: 'ㄱ',
  ㄲ: 'ㄱ',
  ㅋ: 'ㄱ',
  ㄱㅅ: 'ㄱ',
  ㄹㄱ: 'ㄱ',
  ㄴ: 'ㄴ',
  ㄴㅈ: 'ㄴ',
  ㄴㅎ: 'ㄴ',
  ㄷ: 'ㄷ',
  ㅅ: 'ㄷ',
  ㅆ: 'ㄷ',
  ㅈ: 'ㄷ',
  ㅊ: 'ㄷ',
  ㅌ: 'ㄷ',
  ㅎ: 'ㄷ',
  ㄹ: 'ㄹ',
  ㄹㅂ: 'ㄹ',
  ㄹㅅ: 'ㄹ',
  ㄹㅌ: 'ㄹ',
  ㄹㅎ: 'ㄹ',
  ㅁ: 'ㅁ',
  ㄹㅁ: 'ㅁ',
  ㅂ: 'ㅂ',
  ㅍ: 'ㅂ',
  ㅂㅅ: 'ㅂ',
  ㄹㅍ: 'ㅂ',
  ㅇ: 'ㅇ',
};
const NASAL: Record<string, string> = { ㄱ: 'ㅇ', ㄷ: 'ㄴ', ㅂ: 'ㅁ' };
const ASPIRATED: Record<string, string> = { ㄱ: 'ㅋ', ㄷ: 'ㅌ', ㅈ: 'ㅊ', ㅅ: 'ㅆ' };
const STOPS = new Set(['ㄱ', 'ㄷ', 'ㅂ']);
const LENIS = new Set(['ㄱ', 'ㄷ', 'ㅂ', 'ㅅ', 'ㅈ']);

/** The final of `current` meeting the onset of `next`, inside one word. */
function boundary(
  current: Syllable,
  next: Syllable,
): { coda: string; link: boolean; onset: string; tense: boolean } {
  const final = current.final;
  const onset = next.initial === 'ㅇ' ? '' : next.initial;
  if (final === '') return { coda: '', link: false, onset, tense: false };

  if (onset === '') {
    if (final === 'ㅇ') return { coda: 'ㅇ', link: false, onset, tense: false };
    if (final === 'ㅎ') return { coda: '', link: false, onset, tense: false };
    if (final === 'ㄴㅎ' || final === 'ㄹㅎ')
      return { coda: final[0] as string, link: true, onset, tense: false };
    if (final.length === 2) {
      // A cluster keeps its first letter and carries the second over (article 14); ㅅ is tensed.
      const second = final[1] as string;
      return { coda: final[0] as string, link: false, onset: second === 'ㅅ' ? 'ㅆ' : second, tense: false };
    }
    if (next.vowel === 'ㅣ' && (final === 'ㄷ' || final === 'ㅌ')) {
      return { coda: final === 'ㄷ' ? 'ㅈ' : 'ㅊ', link: true, onset, tense: false };
    }
    return { coda: final, link: true, onset, tense: false };
  }

  const neutral = NEUTRAL[final] ?? final;
  if (final === 'ㅎ' || final === 'ㄴㅎ' || final === 'ㄹㅎ') {
    const kept = final === 'ㅎ' ? '' : neutral;
    const aspirated = ASPIRATED[onset];
    if (aspirated) return { coda: kept, link: false, onset: aspirated, tense: false };
    if (onset === 'ㄴ') {
      if (kept === 'ㄹ') return { coda: 'ㄹ', link: false, onset: 'ㄹ', tense: false };
      return { coda: 'ㄴ', link: false, onset, tense: false };
    }
  }
  if (onset === 'ㄹ') {
    if (neutral === 'ㄴ' || neutral === 'ㄹ') return { coda: 'ㄹ', link: false, onset: 'ㄹ', tense: false };
    return { coda: NASAL[neutral] ?? neutral, link: false, onset: 'ㄴ', tense: false };
  }
  if (onset === 'ㄴ' && neutral === 'ㄹ') return { coda: 'ㄹ', link: false, onset: 'ㄹ', tense: false };
  if ((onset === 'ㄴ' || onset === 'ㅁ') && NASAL[neutral]) {
    return { coda: NASAL[neutral] as string, link: false, onset, tense: false };
  }
  if (STOPS.has(neutral) && LENIS.has(onset)) return { coda: neutral, link: false, onset, tense: true };
  if (final === 'ㄹ' && (onset === 'ㄷ' || onset === 'ㅅ' || onset === 'ㅈ')) {
    return { coda: 'ㄹ', link: false, onset, tense: true };
  }
  return { coda: neutral, link: false, onset, tense: false };
}

/** The pronounced syllables of one word (a given name, or a surname on its own). */
export function pronounceWord(word: readonly Syllable[]): Sound[] {
  const sounds: Sound[] = [];
  let onset = word[0] ? (word[0].initial === 'ㅇ' ? '' : word[0].initial) : '';
  let tense = false;
  for (let i = 0; i < word.length; i++) {
    const current = word[i] as Syllable;
    const next = word[i + 1];
    if (next) {
      const b = boundary(current, next);
      sounds.push({ onset, vowel: current.vowel, coda: b.coda, link: b.link, tense });
      onset = b.onset;
      tense = b.tense;
    } else {
      const coda = NEUTRAL[current.final] ?? current.final;
      sounds.push({ onset, vowel: current.vowel, coda, link: false, tense });
    }
  }
  return sounds;
}
