/** Names across scripts: transliteration, splitting, display, search keys and ranking, demo names. */
export { type DisplayName, displayName } from './display-name.ts';
export { exactFold, phoneticFold } from './fold.ts';
export { type GeneratedName, generateKoreanNames, type Rng, seededRng } from './generate.ts';
export { matchScore, type NormalizedQuery, normalizeQuery, trigramSimilarity } from './match-score.ts';
export { type KeyedCandidate, type Ranked, rankCandidates } from './rank-candidates.ts';
export { cleanName, detectScript, type NameScript } from './script.ts';
export { type PersonName, type SearchKeys, searchKeys } from './search-keys.ts';
export { type NameSplit, splitKoreanName } from './split-name.ts';
export {
  joinSearchKeys,
  type SearchPlan,
  searchPlan,
  slipPatterns,
  splitSearchKeys,
  storedSearchKeys,
} from './stored-keys.ts';
export { lookupSurname, SURNAMES, type Surname } from './surnames.ts';
export {
  MAX_NAME_LENGTH,
  type NameNotice,
  type NameTransliteration,
  type NoticeCode,
  SCHEMES,
  type Scheme,
  type TransliterateOptions,
  transliterateName,
} from './transliterate.ts';
