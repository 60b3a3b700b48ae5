/**
 * Folding names into search strings. Two strengths:
 *
 * - {@link exactFold}: the spelling, minus what people leave out when they type: case, diacritics
 *   (ŏ ŭ ë ё), apostrophes (Ch’oe, Ch'oe, Choe), hyphens, dots, spaces, ъ and ь. `Kim Ch’ŏl-su` and
 *   `kim cholsu` fold to the same `kimcholsu`.
 * - {@link phoneticFold}: what an issuer hears. Cyrillic is first written in Latin letters, then
 *   every spelling difference that the schemes, passports and ears disagree on is merged: voiced and
 *   voiceless stops (g/k, d/t, b/p, j/ch, Korean does not distinguish them by voice), aspiration
 *   marks (ch’, chh, kh, th, ph: MR, DPRK and Kontsevich spell ㅊ ㅋ ㅌ ㅍ so), ts/ch (Цой/Choi),
 *   sh/s (Shin/Sin), r/l (ㄹ; Russian ears hear л or р), ng/n (Kontsevich writes final ㅇ as н),
 *   eo/ŏ/o/u and eu/ŭ/ы/u (ㅓ is o in Russian, u in Chul, Sung, Jung), ae/e, ee/i, oo/u, ui/i, doubled
 *   letters. The result is a short Latin key on which Cyrillic, MR, RR and passport spellings meet.
 */

// Done before diacritics are stripped: ё and й carry meaning (yo, y) that NFD would throw away.
const PRE: Record<string, string> = { ё: 'yo', й: 'y' };

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'j',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'eu',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/**
 * Letter groups, longest first, and what they fold to. Read left to right in one pass, so each
 * letter belongs to one group: `chh` (DPRK ㅊ) is one c, `eo` one u.
 */
// biome-ignore format: a table reads better one group per cell
const GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['dzh', 'c'], ['tch', 'c'], ['chh', 'c'], ['tsh', 'c'],
  ['dj', 'c'], ['ch', 'c'], ['ts', 'c'], ['tz', 'c'], ['zh', 'c'], ['sh', 's'], ['kh', 'k'], ['th', 't'],
  ['ph', 'p'], ['ng', 'n'], ['eo', 'u'], ['eu', 'u'], ['ae', 'e'], ['ee', 'i'], ['oo', 'u'],
];
// biome-ignore format: a table reads better one letter per cell
const SINGLE: Record<string, string> = {
  j: 'c', z: 'c', g: 'k', q: 'k', d: 't', b: 'p', r: 'l', f: 'p', v: 'w', x: 'ks', o: 'u',
};
const VOWEL_OR_W = new Set(['a', 'e', 'i', 'o', 'u', 'w']);

const MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const PRINTABLE_ASCII_OR_CYRILLIC = /^[\x20-\x7eа-яёъь]*$/;

/**
 * Folding works word by word and remembers words it has seen: a roster of 1.2 M names is built from
 * a few hundred family-name spellings and a few thousand given names, so nearly every word is a
 * repeat. The cache holds only what the fold would compute again, and is emptied when full.
 */
function memoByWord(fold: (word: string) => string, join: (a: string, b: string) => string) {
  const cache = new Map<string, string>();
  return (text: string): string => {
    let out = '';
    for (const word of text.split(/\s+/)) {
      if (!word) continue;
      let folded = cache.get(word);
      if (folded === undefined) {
        folded = fold(word);
        if (cache.size >= 100_000) cache.clear();
        cache.set(word, folded);
      }
      out = out ? join(out, folded) : folded;
    }
    return out;
  };
}

/** Lower case, no diacritics, only letters and digits; Hangul is kept composed. */
export const exactFold = memoByWord(exactFoldWord, (a, b) => a + b);

function exactFoldWord(text: string): string {
  const lower = text.toLowerCase();
  // Fast paths for what the schemes produce (ASCII, Russian); the general path handles the rest.
  if (PRINTABLE_ASCII.test(lower)) return lower.replace(/[^a-z0-9]/g, '');
  if (PRINTABLE_ASCII_OR_CYRILLIC.test(lower))
    return lower
      .replace(/ё/g, 'е')
      .replace(/й/g, 'и')
      .replace(/[^a-z0-9а-я]|[ъь]/g, '');
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .replace(NOT_LETTER_OR_DIGIT, '')
    .replace(/[ъь]/g, '');
}

/** Latin letters of a Latin or Cyrillic string, lower case, without diacritics or anything else. */
function latinLetters(text: string): string {
  let lower = text.toLowerCase();
  if (!PRINTABLE_ASCII_OR_CYRILLIC.test(lower)) {
    let pre = '';
    for (const char of lower.normalize('NFC')) pre += PRE[char] ?? char;
    lower = pre.normalize('NFD').replace(MARKS, '');
  }
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i]!;
    if (char >= 'a' && char <= 'z') out += char;
    else {
      const mapped = PRE[char] ?? CYRILLIC[char];
      if (mapped !== undefined) out += mapped;
    }
  }
  return out;
}

const GROUPS_BY_FIRST = new Map<string, (readonly [string, string])[]>();
for (const group of GROUPS) {
  const first = group[0][0]!;
  GROUPS_BY_FIRST.set(first, [...(GROUPS_BY_FIRST.get(first) ?? []), group]);
}

/** Joins folded words with the same rules the fold applies inside a word (ui → i, no doubled letters). */
function joinPhonetic(a: string, b: string): string {
  if (a.at(-1) === 'u' && b[0] === 'i') return joinPhonetic(a.slice(0, -1), b);
  return a.at(-1) === b[0] ? a + b.slice(1) : a + b;
}

/**
 * The loose Latin key of a Latin or Cyrillic spelling (Hangul must be romanised first; it is
 * dropped here). Each space-separated word is folded on its own, so `Park Hyeon` is p-a-k + h-y-u-n,
 * never the kh of a Kontsevich кх.
 */
export const phoneticFold = memoByWord(phoneticFoldWord, joinPhonetic);

function phoneticFoldWord(text: string): string {
  const s = latinLetters(text);
  let out = '';
  let last = '';
  let i = 0;
  while (i < s.length) {
    const char = s[i]!;
    let folded: string | undefined;
    for (const [group, to] of GROUPS_BY_FIRST.get(char) ?? []) {
      if (s.startsWith(group, i)) {
        folded = to;
        i += group.length;
        break;
      }
    }
    if (folded === undefined) {
      folded = char === 'y' ? (VOWEL_OR_W.has(s[i + 1] ?? '') ? 'y' : 'i') : (SINGLE[char] ?? char);
      i++;
    }
    // ㅢ comes out as u+i from every scheme (ui, ŭi, ый); doubled letters are one sound.
    if (folded === 'i' && last === 'u') {
      out = out.slice(0, -1);
      last = out.at(-1) ?? '';
    }
    for (const letter of folded) {
      if (letter !== last) out += letter;
      last = letter;
    }
  }
  return out;
}
