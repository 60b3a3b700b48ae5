import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeQuery } from './match-score.ts';
import { searchKeys } from './search-keys.ts';
import { joinSearchKeys, queryPatterns, splitSearchKeys, storedSearchKeys } from './stored-keys.ts';

/** What SQL `stored LIKE pattern` answers, for the few patterns queryPatterns makes (`%` at the ends only). */
function like(stored: string, pattern: string): boolean {
  const inner = pattern.replace(/^%/, '').replace(/%$/, '').replace(/\\(.)/g, '$1');
  return stored.includes(inner);
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

describe('query patterns', () => {
  const stored = storedSearchKeys({ name: '김철수' });

  it.each(['Ким Чхоль', 'Kim Chol', '김철', 'Kim Cheolsu', 'ㄱㅊㅅ', '김철ㅅ', 'Чхольсу'])(
    'finds 김철수 by a key prefix for %s',
    (query) => {
      const patterns = queryPatterns(normalizeQuery(query));
      expect(patterns.prefix.some((p) => like(stored, p))).toBe(true);
    },
  );

  it('anchors equal patterns at both ends of a key, prefix patterns at its start, contains patterns anywhere', () => {
    const patterns = queryPatterns(normalizeQuery('Чхольсу'));
    expect(patterns.equal).toContain('% чхолсу %');
    expect(patterns.prefix).toContain('% чхолсу%');
    expect(patterns.contains).toContain('%чхолсу%');
    expect(patterns.similar).toContain('culsu');
  });

  it('tells a whole key from the start of one', () => {
    const whole = queryPatterns(normalizeQuery('Ким Чхольсу'));
    const part = queryPatterns(normalizeQuery('Ким Чхоль'));
    expect(whole.equal.some((p) => like(stored, p))).toBe(true);
    expect(part.equal.some((p) => like(stored, p))).toBe(false);
    expect(part.prefix.some((p) => like(stored, p))).toBe(true);
  });

  it('finds nobody for a query of symbols alone', () => {
    for (const query of ['%', '___', '\\', '  ', '—', '😀'])
      expect(queryPatterns(normalizeQuery(query)).prefix.filter((p) => like(stored, p))).toEqual([]);
    expect(queryPatterns(normalizeQuery('%')).prefix).toEqual([]);
  });

  it('drops a phonetic string the fold shrank to almost nothing, so an id does not match every Park', () => {
    const patterns = queryPatterns(normalizeQuery('P-00010'));
    expect(patterns.prefix).toEqual(['% p00010%']);
  });

  it('keeps short strings for prefixes but needs two characters to look inside keys and three for trigrams', () => {
    const patterns = queryPatterns(normalizeQuery('김'));
    expect(patterns.prefix).toContain('% 김%');
    expect(patterns.contains).not.toContain('%김%');
    expect(patterns.similar).not.toContain('김');
  });

  it('lets no LIKE wildcard through, even from a hand-made query', () => {
    const patterns = queryPatterns({ exact: ['a%b', 'c_d', 'e\\f', 'ok'], phonetic: ['x y'] });
    expect(patterns).toEqual({ equal: ['% ok %'], prefix: ['% ok%'], contains: ['%ok%'], similar: [] });
  });
});
