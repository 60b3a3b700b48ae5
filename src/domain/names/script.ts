/**
 * Which script a name is written in, so the caller knows whether a scheme applies. Only Hangul has
 * schemes here; everything else is passed through as written and reported, never rejected.
 */
import { isCompatibilityJamo, isHangulSyllable } from './hangul.ts';

/** The script of a whole name. `mixed` is two or more of Hangul/Latin/Cyrillic/other letters. */
export type NameScript = 'hangul' | 'jamo' | 'latin' | 'cyrillic' | 'other' | 'mixed' | 'empty';

// Zero-width characters, BOMs and bidi marks come in from copy-paste and spreadsheets; they are not
// part of the name and would otherwise make two equal names differ.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
const CONTROL = /\p{Cc}/gu;
const SPACES = /[\s\u3000\u00a0]+/gu;

/**
 * The form every function here works on: NFC (so NFD-decomposed Hangul from macOS file names or
 * some IMEs becomes ordinary syllables), invisible and control characters removed, runs of spaces
 * (including the ideographic and no-break spaces) collapsed to one, ends trimmed.
 */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(SPACES, ' ').trim();
}

type Kind = 'hangul' | 'jamo' | 'latin' | 'cyrillic' | 'other';

function kindOf(char: string): Kind | undefined {
  if (isHangulSyllable(char)) return 'hangul';
  if (isCompatibilityJamo(char)) return 'jamo';
  // Conjoining jamo that NFC could not compose (orphans) count as jamo, not as a name in Hangul.
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x1100 && code <= 0x11ff) return 'jamo';
  if (/\p{Script=Latin}/u.test(char)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(char)) return 'cyrillic';
  if (/[\p{L}\p{Extended_Pictographic}]/u.test(char)) return 'other';
  // Digits, punctuation, combining marks and spaces do not decide the script.
  return undefined;
}

/** The script of an already cleaned name (see {@link cleanName}); digits or punctuation alone are `other`. */
export function detectScript(cleaned: string): NameScript {
  const seen = new Set<Kind>();
  for (const char of cleaned) {
    const kind = kindOf(char);
    if (kind) seen.add(kind);
  }
  if (seen.size === 0) return cleaned.length === 0 ? 'empty' : 'other';
  if (seen.size > 1) return 'mixed';
  return [...seen][0] as Kind;
}
