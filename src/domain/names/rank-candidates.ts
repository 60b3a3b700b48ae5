/**
 * The final order of a search: the database finds candidates by trigrams, and {@link matchScore}
 * decides who comes first, so the order is the same on PGlite, PostgreSQL and in the tests.
 */
import { matchScore, type NormalizedQuery } from './match-score.ts';
import { splitSearchKeys } from './stored-keys.ts';

/** Anything found by the database with its stored keys (`people.search_keys`). */
export interface KeyedCandidate {
  readonly id: string;
  readonly searchKeys: string | null;
}

export type Ranked<T> = T & { readonly score: number };

/**
 * Candidates scored against the query, best first; ties in id order so pages are stable. Candidates
 * that share nothing with the query (score 0) are dropped.
 *
 * @example
 * rankCandidates(normalizeQuery('Ким Чхоль'), rows)[0].id // the id of 김철수
 */
export function rankCandidates<T extends KeyedCandidate>(
  query: NormalizedQuery,
  candidates: readonly T[],
): Ranked<T>[] {
  const scored: Ranked<T>[] = [];
  for (const candidate of candidates) {
    const score = matchScore(query, splitSearchKeys(candidate.searchKeys));
    if (score > 0) scored.push({ ...candidate, score });
  }
  return scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
