/**
 * Queries and ranking. {@link normalizeQuery} folds what an issuer typed the way
 * {@link searchKeys} folded the stored names; {@link matchScore} says how well a query fits one
 * person's keys, from 0 (nothing in common) to 1 (a key equals the query).
 *
 * Tiers, so a better kind of match always outranks a worse one: equal (1) > prefix (0.8–0.95) >
 * contained (0.6–0.75) > trigram similarity (below 0.7, pg_trgm's measure, so the order agrees with
 * the database's candidate search). Phonetic matches count 0.9 of exact ones: a query spelled as
 * some scheme spells the name beats one that only sounds like it.
 */
import { disassemble, getChoseong } from 'es-hangul';
import { exactFold, phoneticFold } from './fold.ts';
import { syllableOf } from './hangul.ts';
import { romanizeRr } from './scheme-rr.ts';
import { cleanName, detectScript } from './script.ts';
import { nameSpellings, type SearchKeys } from './search-keys.ts';
import { parseKoreanName } from './transliterate.ts';

/** A typed query, folded like the stored keys. */
export interface NormalizedQuery {
  readonly exact: readonly string[];
  readonly phonetic: readonly string[];
  /** The Hangul query as loose jamo, so a half-typed syllable (김철ㅅ) still prefixes 김철수. */
  readonly jamo?: string;
}

const HANGUL_RUN = /[가-힣]+/g;
const HANGUL_TYPING = /^[가-힣ㄱ-ㅣ ]+$/;
const LOOSE_JAMO = /[ㄱ-ㅣ]/g;
const unique = (items: Iterable<string>): string[] => [...new Set([...items].filter((s) => s.length > 0))];

/** Folds a typed query for {@link matchScore} (and for the database's trigram search). Never throws. */
export function normalizeQuery(query: string): NormalizedQuery {
  const cleaned = cleanName(typeof query === 'string' ? query : '').slice(0, 200);
  const script = detectScript(cleaned);
  if (script === 'empty') return { exact: [], phonetic: [] };
  const folded = exactFold(cleaned);
  if (script === 'hangul' || script === 'jamo' || HANGUL_TYPING.test(cleaned)) {
    // A query still being typed ends in loose jamo (김철ㅅ): the whole syllables give the phonetic key.
    const syllablesOnly = cleaned.replace(LOOSE_JAMO, '').trim();
    const parsed = parseKoreanName(syllablesOnly || cleaned);
    const phonetic = 'family' in parsed ? nameSpellings(parsed).full.map(phoneticFold) : [];
    const exact = [folded];
    if ('family' in parsed) exact.push(parsed.familyHangul + parsed.givenHangul);
    return { exact: unique(exact), phonetic: unique(phonetic), jamo: disassemble(folded) };
  }
  // Latin, Cyrillic or a mix: Hangul runs inside a mixed query are romanised so the rest still counts.
  const romanised = cleaned.replace(
    HANGUL_RUN,
    (run) => ` ${romanizeRr([...run].map((c) => syllableOf(c)!))} `,
  );
  return { exact: [folded], phonetic: unique([phoneticFold(romanised)]) };
}

/** pg_trgm's trigrams: each word lower-cased and padded with two spaces before and one after. */
function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded[i]! + padded[i + 1]! + padded[i + 2]!);
  }
  return set;
}

/** pg_trgm's similarity: shared trigrams over all distinct trigrams of both strings. */
export function trigramSimilarity(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}

function jaccard(ta: Set<string>, tb: Set<string>): number {
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** The tiers above trigram similarity: equal, prefix, contained; 0 when none holds. */
function directScore(query: string, key: string): number {
  if (!query || !key) return 0;
  if (query === key) return 1;
  const ratio = Math.min(query.length / key.length, 1);
  if (key.startsWith(query)) return 0.8 + 0.15 * ratio;
  if (query.length >= 2 && key.includes(query)) return 0.6 + 0.15 * ratio;
  return 0;
}

/** How well one folded query string fits one stored key. */
export function similarity(query: string, key: string): number {
  return directScore(query, key) || 0.7 * trigramSimilarity(query, key);
}

function best(queries: readonly string[], keys: readonly string[]): number {
  let top = 0;
  for (const q of queries) for (const k of keys) top = Math.max(top, directScore(q, k));
  // A trigram score is below 0.7, so it can only matter when no direct match reached that.
  if (top >= 0.7) return top;
  for (const q of queries) {
    const tq = trigrams(q);
    for (const k of keys) {
      // Strings in different scripts share no trigram; skip building the key's set.
      if (scriptClass(q) !== scriptClass(k)) continue;
      top = Math.max(top, 0.7 * jaccard(tq, trigrams(k)));
    }
  }
  return top;
}

function scriptClass(text: string): number {
  const code = text.charCodeAt(0);
  return code < 0x80 ? 0 : code >= 0x400 && code <= 0x4ff ? 1 : 2;
}

const HAS_HANGUL = /[가-힣ㄱ-ㅣ]/;

/**
 * Stored keys as loose jamo, remembered: a ranking compares one query with hundreds of keys, and a roster's
 * names repeat, so most are taken apart once. Holds only what `disassemble` would compute again.
 */
const jamoCache = new Map<string, string>();
function jamoOf(key: string): string {
  let jamo = jamoCache.get(key);
  if (jamo === undefined) {
    jamo = disassemble(key);
    if (jamoCache.size >= 50_000) jamoCache.clear();
    jamoCache.set(key, jamo);
  }
  return jamo;
}

/**
 * How well a query fits a person's stored keys, 0–1; higher ranks first.
 *
 * @example
 * const keys = searchKeys({ name: '김철수' });
 * matchScore('Ким Чхоль', keys) > matchScore('Ким Чхоль', searchKeys({ name: '김춘수' })) // true
 */
export function matchScore(query: string | NormalizedQuery, keys: SearchKeys): number {
  const q = typeof query === 'string' ? normalizeQuery(query) : query;
  let score = best(q.exact, keys.exact);
  if (q.jamo && score < 1) {
    for (const key of keys.exact) {
      if (!HAS_HANGUL.test(key) || key === getChoseong(key)) continue;
      // Scaled just under a syllable match of the same kind, so 김철 beats 김철ㅅ on 김철수.
      score = Math.max(score, 0.98 * similarity(q.jamo, jamoOf(key)));
    }
  }
  return Math.max(score, 0.9 * best(q.phonetic, keys.phonetic));
}
