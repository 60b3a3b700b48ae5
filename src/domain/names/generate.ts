/**
 * Realistic Korean names for demo data and benchmarks. Pure: all randomness comes from the `rng`
 * passed in. Family names follow the 2015 census weights in surnames.ts (about one in five is 김);
 * given names are mostly two syllables drawn from the syllables common in given names, in the
 * position they usually take (민준, 서연, 영수, 지훈…), with some one-syllable names. Duplicates occur
 * as in a real intake of thousands (several 김민준 in one wave is normal).
 */
import { SURNAMES } from './surnames.ts';

export interface GeneratedName {
  readonly name: string;
  readonly family: string;
  readonly given: string;
}

/** A source of numbers in [0, 1), e.g. `seededRng(42)`. */
export type Rng = () => number;

type Weighted = readonly (readonly [string, number])[];

/** `'민9 서8'` → [['민', 9], ['서', 8]]: syllable and weight, written compactly. */
const weights = (text: string): Weighted =>
  text.split(' ').map((item) => [item.slice(0, 1), Number(item.slice(1))] as const);

// First and second syllables of given names with rough weights, set by hand from well-known common
// given names of several generations (영수, 영호, 정숙, 영희, 민준, 서연, 지훈, 지현, 서준, 하은…).
// They only need to look plausible on a demo slip and spread like real names; they match no register.
const FIRST = weights(
  '민9 서8 지9 현5 수5 영8 준4 정7 은5 하5 예4 도3 시2 주3 성6 동4 상5 재5 승4 혜4 미4 유3 윤3 채3 다2 소3 태3 경4 진4 종3 ' +
    '철2 명2 광2 용3 나2 아2 가2 세2 연2 우2 한2 건2 규2 보2 희2 선2 인2 기2 석2 창2',
);
const SECOND = weights(
  '준8 우6 윤5 서4 연7 민7 현7 호7 진6 수8 영5 희6 원5 은5 아5 빈4 지4 훈6 석4 철3 숙4 자2 정4 경4 미3 주4 혁4 린3 율2 성5 ' +
    '한2 람2 나2 하3 규2 환3 식3 순2 옥2',
);
const ONE_SYLLABLE = weights('훈3 진3 민2 현2 준2 철2 솔1 별1 결1 혁2');

/** Cumulative weights for picking by binary search, so each pick is O(log n). */
function table(items: Weighted): { values: string[]; cumulative: Float64Array; total: number } {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach(([, w], i) => {
    total += w;
    cumulative[i] = total;
  });
  return { values: items.map(([v]) => v), cumulative, total };
}

const FAMILY = table(SURNAMES.filter((s) => s.thousands > 0).map((s) => [s.hangul, s.thousands] as const));
const FIRSTS = table(FIRST);
const SECONDS = table(SECOND);
const SINGLES = table(ONE_SYLLABLE);

function pick(t: ReturnType<typeof table>, rng: Rng): string {
  let r = rng();
  // A broken rng must not break the generator: anything outside [0, 1) is folded back in.
  if (!(r >= 0 && r < 1)) r = Number.isFinite(r) ? Math.abs(r) % 1 : 0;
  const target = r * t.total;
  let lo = 0;
  let hi = t.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return t.values[lo]!;
}

/** Share of one-syllable given names (김훈, 이진…); people with a two-syllable family name usually have one. */
const ONE_SYLLABLE_SHARE = 0.04;

/** `count` names (a non-negative integer; anything else gives none). */
export function generateKoreanNames(count: number, rng: Rng): GeneratedName[] {
  const n = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
  const out: GeneratedName[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const family = pick(FAMILY, rng);
    const single = family.length === 2 ? rng() < 0.7 : rng() < ONE_SYLLABLE_SHARE;
    let given = single ? pick(SINGLES, rng) : pick(FIRSTS, rng) + pick(SECONDS, rng);
    // 영영, 민민: a repeated syllable is rare in real names, so draw the second one again.
    if (given.length === 2 && given[0] === given[1]) given = given[0] + pick(SECONDS, rng);
    out[i] = { name: family + given, family, given };
  }
  return out;
}

/** A small seeded generator (mulberry32) for callers that have no rng of their own. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
