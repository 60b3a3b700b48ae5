import {
  type KeyedId,
  keysByPatterns,
  type PersonSearchRow,
  peopleByIdPrefix,
  peopleByIds,
} from '../db/repositories/people-search.ts';
import { normalizeQuery } from '../domain/names/match-score.ts';
import { rankCandidates } from '../domain/names/rank-candidates.ts';
import { cleanName } from '../domain/names/script.ts';
import { searchPlan } from '../domain/names/stored-keys.ts';
import { ID_PATTERN } from '../domain/roster/roster-row.ts';
import type { ServiceContext } from './context.ts';

/**
 * At most this many people are ranked per search. Enough for any name an issuer types in full; a single
 * syllable or a bare family name matches more, and the answer then says it was cut (`truncated`).
 */
export const SEARCH_CANDIDATES = 300;
/**
 * At most this many are read from the index by spelling, ids and keys only. Among them, the people with a key
 * equal to the query are ranked first, so on a roster of a million a full name is not cut from its own
 * answer by people whose names merely start the same.
 */
const FETCHED = 1000;

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
 * Ids come first, in id order. Names are looked for in the stored search keys along the query's
 * {@link searchPlan}: keys starting with the query as spelled, then, unless the spelling found enough, as
 * it sounds (one index scan per string, usually one or two). When neither found anyone, the fallbacks (a
 * key containing the query, a slip of the keyboard) are asked at once, and the strongest kind that found
 * anyone is kept. Up to {@link SEARCH_CANDIDATES} of those found, exact matches first, are ordered by
 * `matchScore`; only the page asked for is read in full.
 */
export async function searchPeople(ctx: ServiceContext, search: PeopleSearch): Promise<PeopleSearchResult> {
  // Control and invisible characters removed: no id or name holds them, and PostgreSQL refuses NUL.
  const typed = cleanName(search.q);
  const query = normalizeQuery(typed);
  const plan = searchPlan(query);
  const idPrefixes = ID_PATTERN.test(typed)
    ? [...new Set([typed, typed.toUpperCase(), typed.toLowerCase()])]
    : [];

  const lookFor = (patterns: readonly string[], limit: number) =>
    keysByPatterns(ctx.db, search.intakeId, patterns, limit).then((rows) => ({
      rows,
      cut: rows.length >= limit,
    }));
  // The id range and the spelling are independent: they run at once, each on its own connection.
  const [byId, spelled] = await Promise.all([
    peopleByIdPrefix(ctx.db, search.intakeId, idPrefixes, SEARCH_CANDIDATES),
    lookFor(plan.spelled, FETCHED),
  ]);
  const ids = new Set(byId.map((p) => p.id));
  const found = new Map<string, KeyedId>();
  let cut = false;
  const keep = (answer: { rows: KeyedId[]; cut: boolean }) => {
    cut ||= answer.cut;
    for (const row of answer.rows) if (!ids.has(row.id)) found.set(row.id, row);
  };
  keep(spelled);
  // Matches by sound or by a fallback rank below matches by spelling, and their patterns are the least
  // selective: the database reads far fewer rows to fill one ranking than to fill the wider net.
  if (found.size < plan.soundedBelow) keep(await lookFor(plan.sounded, SEARCH_CANDIDATES));
  if (found.size === 0 && byId.length === 0) {
    // Neither spelling nor sound: most likely a slip. The fallbacks are asked at once and the strongest kind
    // that found anyone is kept, rather than waiting for each in turn.
    const later = await Promise.all(plan.fallbacks.map((patterns) => lookFor(patterns, SEARCH_CANDIDATES)));
    const first = later.find((answer) => answer.rows.length > 0);
    if (first) keep(first);
  }

  // A whole key equal to the query is the strongest match there is: those are ranked whatever else came back.
  const all = [...found.values()];
  const equal = all.filter((p) => plan.equalKeys.some((k) => p.search_keys?.includes(k)));
  const candidates = [...new Set([...equal, ...all])].slice(0, SEARCH_CANDIDATES);
  const byName = rankCandidates(
    query,
    candidates.map((p) => ({ id: p.id, searchKeys: p.search_keys })),
  );

  const ordered = [...byId.map((p) => p.id), ...byName.map((r) => r.id)];
  const pageIds = ordered.slice(search.offset, search.offset + search.limit);
  const rows = new Map(byId.map((p) => [p.id, p]));
  const missing = pageIds.filter((id) => !rows.has(id));
  for (const row of await peopleByIds(ctx.db, missing)) rows.set(row.id, row);
  return {
    total: ordered.length,
    offset: search.offset,
    limit: search.limit,
    people: pageIds.flatMap((id) => {
      const row = rows.get(id);
      return row ? [withoutKeys(row)] : [];
    }),
    truncated: cut || all.length > SEARCH_CANDIDATES || byId.length >= SEARCH_CANDIDATES,
  };
}
