/**
 * Search keys for finding a person by what an issuer heard and typed.
 *
 * What is stored, per person ({@link searchKeys}), and why:
 * - `exact`: spellings folded by {@link exactFold} (case, diacritics, apostrophes, hyphens and
 *   spaces removed): the Hangul name (김철수), its initial consonants (ㄱㅊㅅ, the way Korean
 *   keyboards search), and the full name in every scheme — RR with each conventional spelling of the
 *   family name and the strict one (kimcheolsu, gimcheolsu), MR (kimcholsu), Kontsevich with each
 *   Cyrillic spelling (кимчхолсу, and for 최 both цой… and чхве…) — plus the roster's own
 *   `name_latin` / `name_cyrillic`. A query spelled the way one scheme or the roster spells it
 *   matches one of these by prefix.
 * - `phonetic`: the same spellings through {@link phoneticFold}, where Cyrillic and every Latin
 *   scheme meet on one loose Latin key (Ким Чхольсу, Kim Ch’ŏl-su, Kim Cheolsu, Kim Chul Soo all
 *   give kimculsu), plus the given name alone (culsu) and the given name before the family name
 *   (culsukim), because issuers often catch only the given name, or hear a Western order.
 *
 * The database keeps both lists with trigram indexes to find candidates; {@link matchScore} ranks
 * them. Queries go through {@link normalizeQuery}, which applies the same folds, so a Cyrillic query
 * and a Latin one reach the same phonetic key.
 */
import { exactFold, phoneticFold } from './fold.ts';
import { cleanName } from './script.ts';
import { lookupSurname } from './surnames.ts';
import {
  type ParsedKoreanName,
  parseKoreanName,
  transliterateFamily,
  transliterateGiven,
} from './transliterate.ts';

/** A roster person's name: as written (usually Hangul) and the roster's own spellings, if any. */
export interface PersonName {
  readonly name: string;
  readonly nameLatin?: string | null;
  readonly nameCyrillic?: string | null;
}

/** The normalised strings to store for one person (see the module comment). */
export interface SearchKeys {
  readonly exact: readonly string[];
  readonly phonetic: readonly string[];
}

/** Spellings of a Hangul name in every scheme and conventional family-name variant. */
export interface NameSpellings {
  /** Family name first: RR (strict and each conventional family name), MR, Kontsevich (strict and conventional). */
  readonly full: readonly string[];
  /** The given name alone in RR, MR and Kontsevich. */
  readonly given: readonly string[];
  /** Given name first, with the usual Latin and Cyrillic family name. */
  readonly reversed: readonly string[];
}

/**
 * Given names repeat across a roster (a wave of 12,000 holds a few thousand distinct ones), so
 * their three spellings are remembered; the cache only ever holds what the schemes would give.
 */
const givenCache = new Map<string, readonly [string, string, string]>();
const GIVEN_CACHE_LIMIT = 50_000;

function givenSpellings(parsed: ParsedKoreanName): readonly [string, string, string] {
  const hit = givenCache.get(parsed.givenHangul);
  if (hit) return hit;
  const spellings = [
    transliterateGiven(parsed.given, 'rr'),
    transliterateGiven(parsed.given, 'mr'),
    transliterateGiven(parsed.given, 'kontsevich'),
  ] as const;
  if (givenCache.size >= GIVEN_CACHE_LIMIT) givenCache.clear();
  givenCache.set(parsed.givenHangul, spellings);
  return spellings;
}

export function nameSpellings(parsed: ParsedKoreanName): NameSpellings {
  const known = lookupSurname(parsed.familyHangul);
  const [rrGiven, mrGiven, kGiven] = givenSpellings(parsed);
  const strict = { surname: 'strict' } as const;
  const rrStrict = transliterateFamily(parsed.familyHangul, parsed.family, 'rr', strict);
  const kStrict = transliterateFamily(parsed.familyHangul, parsed.family, 'kontsevich', strict);
  const mrFamily = transliterateFamily(parsed.familyHangul, parsed.family, 'mr');
  const rrFamilies = new Set([...(known?.latin ?? []), rrStrict]);
  const kFamilies = new Set([...(known?.cyrillic ?? []), kStrict]);
  const full = [
    ...[...rrFamilies].map((f) => `${f} ${rrGiven}`),
    `${mrFamily} ${mrGiven}`,
    ...[...kFamilies].map((f) => `${f} ${kGiven}`),
  ];
  const usualRr = known?.latin[0] ?? rrStrict;
  const usualK = known?.cyrillic[0] ?? kStrict;
  return {
    full,
    given: parsed.given.length ? [rrGiven, mrGiven, kGiven] : [],
    reversed: parsed.given.length ? [`${rrGiven} ${usualRr}`, `${kGiven} ${usualK}`] : [],
  };
}

const unique = (items: Iterable<string>): string[] => [...new Set([...items].filter((s) => s.length > 0))];

/**
 * The keys to store for a person. Never throws; a name in a script without a scheme is stored
 * folded as written (plus its phonetic key when it is Latin or Cyrillic).
 */
export function searchKeys(person: PersonName): SearchKeys {
  const exact: string[] = [];
  const phonetic: string[] = [];
  const parsed = parseKoreanName(person.name);
  if ('family' in parsed) {
    const hangul = parsed.familyHangul + parsed.givenHangul;
    // Initial consonants (ㄱㅊㅅ) straight from the syllables es-hangul already took apart.
    const choseong = [...parsed.family, ...parsed.given].map((syllable) => syllable.initial).join('');
    exact.push(hangul, choseong);
    const spellings = nameSpellings(parsed);
    for (const s of spellings.full) {
      exact.push(exactFold(s));
      phonetic.push(phoneticFold(s));
    }
    for (const s of [...spellings.given, ...spellings.reversed]) phonetic.push(phoneticFold(s));
  } else {
    exact.push(exactFold(parsed.source));
    phonetic.push(phoneticFold(parsed.source));
  }
  for (const override of [person.nameLatin, person.nameCyrillic]) {
    if (typeof override !== 'string') continue;
    const cleaned = cleanName(override);
    exact.push(exactFold(cleaned));
    phonetic.push(phoneticFold(cleaned));
    const words = cleaned.split(' ');
    if (words.length > 1)
      phonetic.push(
        phoneticFold(words.slice(1).join('')),
        phoneticFold([...words.slice(1), words[0]].join('')),
      );
  }
  return { exact: unique(exact), phonetic: unique(phonetic) };
}
