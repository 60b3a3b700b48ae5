import {
  type PersonSearchRow,
  peopleByIdPrefix,
  peopleByKeyPatterns,
  peopleBySimilarKeys,
} from '../db/repositories/people-search.ts';
import { normalizeQuery } from '../domain/names/match-score.ts';
import { rankCandidates } from '../domain/names/rank-candidates.ts';
import { cleanName } from '../domain/names/script.ts';
import { queryPatterns } from '../domain/names/stored-keys.ts';
import type { ServiceContext } from './context.ts';

/**
 * At most this many people are ranked per search. Enough for any name an issuer types in full; a single
 * syllable or a bare family name matches more, and the answer then says it was cut (`truncated`).
 */
export const SEARCH_CANDIDATES = 300;

export interface PeopleSearch {
  intakeId: string;
  q: string;
  limit: number;
  offset: number;
}

export type FoundPerson = Omit<PersonSearchRow, 'search_keys'>;

const withoutKeys = ({ search_keys: _keys, ...person }: PersonSearchRow): FoundPerson => person;

export interface PeopleSearchResult {
  total: number;
  offset: number;
  limit: number;
  people: FoundPerson[];
  /** More people matched than were ranked: the query should be longer. */
  truncated: boolean;
}

/**
 * Finds an intake's people by id prefix or by name typed in any script, best match first.
 *
 * Ids come first, in id order. Names are found in the stored search keys, strongest kind of match first,
 * each kind asked of the pg_trgm index only while fewer than {@link SEARCH_CANDIDATES} are found: a key
 * equal to the query (so every 김철수 is ranked even among thousands of 김철…), a key starting with it, a key
 * containing it, and only when none of these found anyone, a key that looks like it (a slip of the
 * keyboard). The candidates are then ordered by `matchScore`.
 */
export async function searchPeople(ctx: ServiceContext, search: PeopleSearch): Promise<PeopleSearchResult> {
  // Control and invisible characters removed: no id or name holds them, and PostgreSQL refuses NUL.
  const typed = cleanName(search.q);
  const query = normalizeQuery(typed);
  const patterns = queryPatterns(query);
  const idPrefixes = [...new Set([typed, typed.toUpperCase(), typed.toLowerCase()])].filter(Boolean);

  const byId = await peopleByIdPrefix(ctx.db, search.intakeId, idPrefixes, SEARCH_CANDIDATES);
  const found = new Map<string, PersonSearchRow>();
  const add = (rows: PersonSearchRow[]) => {
    for (const row of rows) found.set(row.id, row);
  };
  // Each kind leaves out what a stronger one matched, so the cap is spent on new people.
  const tiers = [
    [patterns.equal, []],
    [patterns.prefix, patterns.equal],
    [patterns.contains, patterns.prefix],
  ] as const;
  for (const [match, except] of tiers) {
    if (found.size >= SEARCH_CANDIDATES) break;
    add(await peopleByKeyPatterns(ctx.db, search.intakeId, match, except, SEARCH_CANDIDATES - found.size));
  }
  if (found.size === 0 && byId.length === 0)
    add(await peopleBySimilarKeys(ctx.db, search.intakeId, patterns.similar, SEARCH_CANDIDATES));

  const ids = new Set(byId.map((p) => p.id));
  const byName = rankCandidates(
    query,
    [...found.values()].filter((p) => !ids.has(p.id)).map((p) => ({ id: p.id, searchKeys: p.search_keys })),
  );
  const ordered = [...byId, ...byName.map((r) => found.get(r.id)!)];
  return {
    total: ordered.length,
    offset: search.offset,
    limit: search.limit,
    people: ordered.slice(search.offset, search.offset + search.limit).map(withoutKeys),
    truncated: byId.length >= SEARCH_CANDIDATES || found.size >= SEARCH_CANDIDATES,
  };
}
