/**
 * Splitting a Korean full name into family name and given name. Korean names are written family
 * name first with no space (김철수); most family names are one syllable, a few are two (남궁, 황보,
 * 제갈, 선우, 독고, 사공, 서문, 동방). A space, where the roster has one, is taken as the boundary.
 */
import { COMPOUND_SURNAMES, lookupSurname } from './surnames.ts';

export interface NameSplit {
  readonly family: string;
  readonly given: string;
  /** The other reading, when the name could also be split differently (황보라: 황 보라 or 황보 라). */
  readonly alternative?: { readonly family: string; readonly given: string };
}

const COMPOUND = new Set(COMPOUND_SURNAMES);

/**
 * In a three-syllable name, a compound family name is the likelier reading unless the first
 * syllable alone is a common family name and the rest a common given name. Estimated from the
 * census counts: 서 (≈ 750 k) + 문X outweighs 서문 (≈ 2 k) + X; for 황보 the compound still wins
 * (황 ≈ 700 k, but given names starting with 보 are rare next to 황보's ≈ 10 k).
 */
const SINGLE_FIRST_IN_THREE = new Set(['서문']);

/**
 * Splits a cleaned Hangul name (syllables and spaces). With a space the first word is the family
 * name. Without one: four or more syllables starting with a compound family name split after two;
 * three syllables use the likelier reading and report the other one; otherwise after one syllable.
 */
export function splitKoreanName(name: string): NameSplit {
  const words = name.split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return { family: '', given: '' };
  if (words.length > 1) return { family: words[0]!, given: words.slice(1).join('') };
  const word = words[0]!;
  const chars = [...word];
  const head = chars.slice(0, 2).join('');
  if (chars.length >= 3 && COMPOUND.has(head)) {
    const compound = { family: head, given: chars.slice(2).join('') };
    const single = { family: chars[0]!, given: chars.slice(1).join('') };
    if (chars.length >= 4) return compound;
    const singleKnown = lookupSurname(single.family) !== undefined;
    if (singleKnown && SINGLE_FIRST_IN_THREE.has(head)) return { ...single, alternative: compound };
    return singleKnown ? { ...compound, alternative: single } : compound;
  }
  return { family: chars[0]!, given: chars.slice(1).join('') };
}
