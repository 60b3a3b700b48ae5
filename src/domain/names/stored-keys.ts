/**
 * The search keys of one person as a single text column (`people.search_keys`), and the patterns a
 * query looks for in it. The layout is known here and nowhere else:
 *
 *     ` 김철수 ㄱㅊㅅ kimcheolsu … кимчхолсу | kimculsu culsu culsukim `
 *
 * The exact keys, a bar, then the phonetic keys, each between single spaces. So `% kimcul%` means
 * "some key starts with kimcul" and `% kimculsu %` "some key is kimculsu", both answerable from a
 * pg_trgm index. Keys hold only letters and digits (see {@link exactFold}, {@link phoneticFold}), so
 * the spaces and the bar can never be part of one, and pg_trgm skips them when it cuts trigrams.
 */
import type { NormalizedQuery } from './match-score.ts';
import { type PersonName, type SearchKeys, searchKeys } from './search-keys.ts';

const BAR = '|';
const KEY_SHAPE = /^[\p{L}\p{N}]+$/u;

/** One stored text from the two key lists; a key that is not letters and digits is left out. */
export function joinSearchKeys(keys: SearchKeys): string {
  const exact = keys.exact.filter((k) => KEY_SHAPE.test(k));
  const phonetic = keys.phonetic.filter((k) => KEY_SHAPE.test(k));
  return ` ${[...exact, BAR, ...phonetic].join(' ')} `;
}

/** The two key lists back from the stored text; empty lists for a missing or foreign text. */
export function splitSearchKeys(stored: string | null | undefined): SearchKeys {
  if (typeof stored !== 'string') return { exact: [], phonetic: [] };
  const words = stored.split(' ').filter((w) => w.length > 0);
  const bar = words.indexOf(BAR);
  if (bar < 0) return { exact: words, phonetic: [] };
  return { exact: words.slice(0, bar), phonetic: words.slice(bar + 1) };
}

/** What to store for a person: {@link searchKeys} in the layout above. */
export function storedSearchKeys(person: PersonName): string {
  return joinSearchKeys(searchKeys(person));
}

/**
 * How to look for one query in the stored keys: LIKE patterns, each answerable from a pg_trgm index,
 * strongest kind first. Every pattern is one index scan, and a phonetic key with few distinct trigrams
 * (yuncuncun) matches thousands of rows the database must then read and recheck, so a plan asks for as
 * little as will do.
 */
export interface SearchPlan {
  /** Asked first: some key starts with the query as spelled (folded), or is it. */
  readonly spelled: readonly string[];
  /**
   * Some key starts with how the query sounds, asked when `spelled` found fewer than `soundedBelow`
   * people: for a Latin or Cyrillic query unless its spelling found plenty (the issuer wrote down a sound,
   * but a spelling that matches dozens is what they meant, and sound-alikes would rank below them at the
   * cost of the widest scan); for a Hangul query only when its Hangul found nobody (김철 means 김철, not 김출).
   */
  readonly sounded: readonly string[];
  readonly soundedBelow: number;
  /**
   * What a stored text holds when one of its keys equals a query string (` kimculsu `): those people are
   * ranked first when more were found than can be ranked. Plain substrings, not patterns.
   */
  readonly equalKeys: readonly string[];
  /**
   * Asked only when neither spelling nor sound found anyone, strongest kind first: a key containing the
   * query, then a slip of the keyboard (see {@link slipPatterns}). The first kind that finds someone wins.
   */
  readonly fallbacks: readonly (readonly string[])[];
}

/** A spelling that matches this many people needs no sound-alikes beside it (see {@link SearchPlan.sounded}). */
const SPELLED_ENOUGH = 50;
const HANGUL = /[가-힣ㄱ-ㅣ]/;
const length = (s: string) => [...s].length;

/**
 * The LIKE patterns of a normalised query (see {@link SearchPlan}). Empty strings go (a query of
 * symbols alone finds nobody), and so does a phonetic string shorter than half of what was typed: the
 * fold then threw most of the query away (`P-00010` leaves `p`), and it would match every Park.
 *
 * A Hangul query is looked for by its sound only when its Hangul finds nobody: 김철 finds 김철수 and not
 * 김출수, and a name the roster holds only in another script is still found.
 */
export function searchPlan(query: NormalizedQuery): SearchPlan {
  const exact = query.exact.filter((s) => KEY_SHAPE.test(s));
  const shortest = Math.min(...exact.map(length), Number.POSITIVE_INFINITY);
  const phonetic = query.phonetic.filter(
    (s) => KEY_SHAPE.test(s) && (exact.length === 0 || s.length * 2 >= shortest),
  );
  // Letters and digits only, so no LIKE wildcard (% _ \) can reach the database from a query.
  const hangul = exact.some((s) => HANGUL.test(s));
  const spelled = unique(exact);
  const sounded = phonetic.filter((s) => !spelled.includes(s));
  const all = unique([...exact, ...phonetic]);
  // A pattern part needs three characters for a trigram; a shorter one would make the index read everything.
  const contains = all.filter((s) => length(s) >= 3).map((s) => `%${s}%`);
  const slips = unique(all.flatMap(slipPatterns));
  return {
    spelled: spelled.map((s) => `% ${s}%`),
    sounded: sounded.map((s) => `% ${s}%`),
    soundedBelow: hangul ? 1 : SPELLED_ENOUGH,
    equalKeys: all.map((s) => ` ${s} `),
    fallbacks: [contains, slips].filter((t) => t.length > 0),
  };
}

const unique = (items: readonly string[]): string[] => [...new Set(items)];

/**
 * Patterns that still match a key after one slip of the keyboard (a letter wrong, missing, extra or
 * swapped): the string cut in three, any two parts in order. A slip that stays inside one part spoils
 * only that part, so one of the three patterns still finds the name. Each pattern must give the index
 * two trigrams or more (a part of n letters gives n − 2), or it would match a good part of the roster and
 * the database would read it all; so strings under nine letters keep only the pairs that do.
 *
 * @example
 * slipPatterns('kimculsu') // ['%kim%lsu%']
 * slipPatterns('abcdefghi') // ['%abc%def%', '%abc%ghi%', '%def%ghi%']
 */
export function slipPatterns(text: string): string[] {
  const chars = [...text];
  const a = Math.round(chars.length / 3);
  const b = Math.round((chars.length * 2) / 3);
  const [p, q, r] = [chars.slice(0, a), chars.slice(a, b), chars.slice(b)];
  const pairs: [string[], string[]][] = [
    [p, q],
    [p, r],
    [q, r],
  ];
  const trigrams = (part: string[]) => Math.max(0, part.length - 2);
  return pairs
    .filter(([x, y]) => trigrams(x) + trigrams(y) >= 2)
    .map(([x, y]) => `%${x.join('')}%${y.join('')}%`);
}
