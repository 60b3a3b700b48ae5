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

/** LIKE patterns and trigram strings for one query, strongest kind first. */
export interface QueryPatterns {
  /** Some key is the string. */
  readonly equal: readonly string[];
  /** Some key starts with the string (equality included). */
  readonly prefix: readonly string[];
  /** Some key contains the string. */
  readonly contains: readonly string[];
  /** Plain strings for pg_trgm's word similarity, for when nothing matches directly (typing slips). */
  readonly similar: readonly string[];
}

/**
 * The strings of a normalised query worth looking for in the stored keys. Empty strings go (a query
 * of symbols alone finds nobody), and so does a phonetic string shorter than half of what was typed:
 * the fold then threw most of the query away (`P-00010` leaves `p`), and it would match every Park.
 */
export function queryPatterns(query: NormalizedQuery): QueryPatterns {
  const exact = query.exact.filter((s) => KEY_SHAPE.test(s));
  const shortest = Math.min(...exact.map((s) => [...s].length), Number.POSITIVE_INFINITY);
  const phonetic = query.phonetic.filter(
    (s) => KEY_SHAPE.test(s) && (exact.length === 0 || s.length * 2 >= shortest),
  );
  // Letters and digits only, so no LIKE wildcard (% _ \\) can reach the database from a query.
  const strings = [...new Set([...exact, ...phonetic])];
  return {
    equal: strings.map((s) => `% ${s} %`),
    prefix: strings.map((s) => `% ${s}%`),
    contains: strings.filter((s) => [...s].length >= 2).map((s) => `%${s}%`),
    // A trigram needs three characters; shorter strings would compare only padding.
    similar: strings.filter((s) => [...s].length >= 3),
  };
}
