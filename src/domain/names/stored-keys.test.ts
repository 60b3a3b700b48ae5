import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeQuery } from './match-score.ts';
import { searchKeys } from './search-keys.ts';
import {
  joinSearchKeys,
  searchPlan,
  slipPatterns,
  splitSearchKeys,
  storedSearchKeys,
} from './stored-keys.ts';

/** What SQL `stored LIKE pattern` answers (patterns here hold letters, digits, spaces and `%` only). */
function like(stored: string, pattern: string): boolean {
  const source = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(stored);
}

describe('stored search keys', () => {
  it('keeps every key between single spaces, exact keys before the bar and phonetic ones after', () => {
    const stored = storedSearchKeys({ name: '김철수' });
    expect(stored.startsWith(' 김철수 ㄱㅊㅅ ')).toBe(true);
    expect(stored.endsWith(' ')).toBe(true);
    expect(stored).toContain(' | ');
    expect(stored).toContain(' кимчхолсу ');
    expect(stored.slice(stored.indexOf('|'))).toContain(' kimculsu ');
    expect(stored).not.toMatch(/ {2}/);
  });

  it('gives back the lists it was made from', () => {
    const keys = searchKeys({ name: '최철수', nameCyrillic: 'Цой Чер Су', nameLatin: 'Choi Cheol-su' });
    expect(splitSearchKeys(joinSearchKeys(keys))).toEqual({
      exact: [...keys.exact],
      phonetic: [...keys.phonetic],
    });
  });

  it('round-trips the keys of any name, whatever the name holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.option(fc.string({ maxLength: 40 })), (name, latin) => {
        const keys = searchKeys({ name, nameLatin: latin });
        const stored = joinSearchKeys(keys);
        expect(stored).not.toMatch(/ {2}/);
        expect(splitSearchKeys(stored)).toEqual({ exact: [...keys.exact], phonetic: [...keys.phonetic] });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out a key that is not letters and digits rather than break the layout', () => {
    expect(joinSearchKeys({ exact: ['ok', 'a b', '', 'x|y', '%'], phonetic: ['uk', 'u k'] })).toBe(
      ' ok | uk ',
    );
  });

  it('reads a missing, empty or foreign text as no keys, never throwing', () => {
    for (const text of [null, undefined, '', '   ', ' | '])
      expect(splitSearchKeys(text)).toEqual({ exact: [], phonetic: [] });
    expect(splitSearchKeys(' abc def ')).toEqual({ exact: ['abc', 'def'], phonetic: [] });
  });
});

describe('search plans', () => {
  const stored = storedSearchKeys({ name: '김철수' });
  const finds = (patterns: readonly string[]) => patterns.some((p) => like(stored, p));

  it.each(['Ким Чхоль', 'Kim Chol', '김철', 'Kim Cheolsu', 'ㄱㅊㅅ', '김철ㅅ', 'Чхольсу', 'ㄱㅣㅁㅊㅓㄹ'])(
    'finds 김철수 by a key prefix for %s',
    (query) => {
      const plan = searchPlan(normalizeQuery(query));
      expect(finds(plan.spelled) || finds(plan.sounded)).toBe(true);
    },
  );

  it('looks for a Hangul query by its sound only when its Hangul finds nobody', () => {
    const plan = searchPlan(normalizeQuery('김철'));
    expect(plan.spelled).toEqual(['% 김철%']);
    expect(plan.sounded).toContain('% kimcul%');
    expect(plan.soundedBelow).toBe(1);
    expect(finds(searchPlan(normalizeQuery('김출')).spelled)).toBe(false);
    expect(finds(searchPlan(normalizeQuery('김출')).sounded)).toBe(true);
  });

  it('looks for a Latin or Cyrillic query by its sound too, unless its spelling found plenty', () => {
    const plan = searchPlan(normalizeQuery('Ким Чхоль'));
    expect(plan.spelled).toEqual(['% кимчхол%']);
    expect(plan.sounded).toEqual(['% kimcul%']);
    expect(plan.soundedBelow).toBeGreaterThan(1);
    // Spelled the way no scheme spells it, the name is still found by its sound.
    const passport = searchPlan(normalizeQuery('Kim Chul Soo'));
    expect(finds(passport.spelled)).toBe(false);
    expect(finds(passport.sounded)).toBe(true);
  });

  it('tells a whole key from the start of one', () => {
    const holds = (keys: readonly string[]) => keys.some((k) => stored.includes(k));
    expect(holds(searchPlan(normalizeQuery('Ким Чхольсу')).equalKeys)).toBe(true);
    expect(holds(searchPlan(normalizeQuery('Kim Cheolsu')).equalKeys)).toBe(true);
    expect(holds(searchPlan(normalizeQuery('Ким Чхоль')).equalKeys)).toBe(false);
  });

  it('finds a key containing the query, and a key after a slip of the keyboard, as fallbacks', () => {
    const inside = searchPlan(normalizeQuery('olsu'));
    expect(finds([...inside.spelled, ...inside.sounded])).toBe(false);
    expect(inside.fallbacks.some(finds)).toBe(true);
    for (const slip of ['Kim Ceholsu', 'Kim Cheolsy', 'Kmi Cheolsu', 'Kim Cheolsa', 'Kim Chelsu']) {
      const plan = searchPlan(normalizeQuery(slip));
      expect(finds([...plan.spelled, ...plan.sounded]), slip).toBe(false);
      expect(finds(plan.fallbacks.at(-1)!), slip).toBe(true);
    }
  });

  it('finds nobody for a query of symbols alone', () => {
    for (const query of ['%', '___', '\\', '  ', '—', '😀']) {
      const plan = searchPlan(normalizeQuery(query));
      expect([plan.spelled, plan.sounded, plan.equalKeys, ...plan.fallbacks].flat()).toEqual([]);
    }
  });

  it('drops a phonetic string the fold shrank to almost nothing, so an id does not match every Park', () => {
    const plan = searchPlan(normalizeQuery('P-00010'));
    expect([...plan.spelled, ...plan.sounded]).toEqual(['% p00010%']);
  });

  it('never makes a pattern without a trigram to narrow it, which would read the whole index', () => {
    for (const query of ['김', '김석', 'Ким', 'ab', 'Kim Cheolsu', 'Чхольсу', 'ㄱㅊ', '9']) {
      const plan = searchPlan(normalizeQuery(query));
      for (const p of [...plan.fallbacks.flat()]) {
        const parts = p.split('%').filter(Boolean);
        expect(Math.max(...parts.map((x) => [...x].length)), `${query}: ${p}`).toBeGreaterThanOrEqual(3);
      }
      // Prefix patterns are anchored by a space, which pg_trgm pads into a trigram of its own.
      for (const p of [...plan.spelled, ...plan.sounded]) expect(p.startsWith('% ')).toBe(true);
    }
  });

  it('lets no LIKE wildcard through, even from a hand-made query', () => {
    const plan = searchPlan({ exact: ['a%b', 'c_d', 'e\\f', 'okay'], phonetic: ['x y'] });
    expect(plan).toMatchObject({
      spelled: ['% okay%'],
      sounded: [],
      equalKeys: [' okay '],
      fallbacks: [['%okay%']],
    });
  });
});

describe('slip patterns', () => {
  it('pairs the three parts of a string in order', () => {
    expect(slipPatterns('abcdefghi')).toEqual(['%abc%def%', '%abc%ghi%', '%def%ghi%']);
    expect(slipPatterns('abcdefghijkl')).toEqual(['%abcd%efgh%', '%abcd%ijkl%', '%efgh%ijkl%']);
  });

  it('keeps only the pairs that give the index two trigrams, and none for a short string', () => {
    expect(slipPatterns('kimculsu')).toEqual(['%kim%lsu%']);
    expect(slipPatterns('abcdefg')).toEqual([]);
    expect(slipPatterns('kimcul')).toEqual([]);
    expect(slipPatterns('')).toEqual([]);
  });
});
