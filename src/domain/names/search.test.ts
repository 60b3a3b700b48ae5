import { describe, expect, it } from 'vitest';
import { exactFold, phoneticFold } from './fold.ts';
import { matchScore, normalizeQuery, trigramSimilarity } from './match-score.ts';
import { searchKeys } from './search-keys.ts';

/** Names an issuer could confuse with 김철수: same family or given name, or one sound apart. */
const ROSTER = [
  '김철수',
  '김청수',
  '김춘수',
  '김칠성',
  '김찬수',
  '김정수',
  '최철수',
  '이철수',
  '박철수',
  '김성수',
];

function rank(query: string, roster: readonly string[] = ROSTER): string[] {
  const q = normalizeQuery(query);
  return roster
    .map((name) => ({ name, score: matchScore(q, searchKeys({ name })) }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .map((r) => r.name);
}

describe('search ranking', () => {
  it.each([['Ким Чхоль'], ['Kim Chol'], ['김철']])('ranks 김철수 first for %s', (query) => {
    expect(rank(query)[0]).toBe('김철수');
  });

  it.each([
    ['Kim Cheolsu', 'RR'],
    ['Kim Ch’ŏl-su', 'MR'],
    ["kim ch'olsu", 'MR typed without diacritics'],
    ['Kim Chul Soo', 'passport-style'],
    ['Ким Чхольсу', 'Kontsevich'],
    ['Ким Чолсу', 'Cyrillic heard loosely, ч for чх and no soft sign'],
    ['Kim Chhol', 'DPRK-style aspirate'],
    ['Ким Чхорсу', 'р for л'],
    ['ㄱㅣㅁㅊㅓㄹ', 'loose jamo'],
    ['김철ㅅ', 'a syllable still being typed'],
  ])('ranks 김철수 first for %s (%s)', (query) => {
    expect(rank(query)[0]).toBe('김철수');
  });

  it('ranks a person by family name spelled any conventional way (Цой, Choi, Choe, Чхве → 최철수)', () => {
    for (const query of ['Цой Чхоль', 'Choi Chol', 'Choe Cheol', 'Чхве Чхоль'])
      expect(rank(query)[0]).toBe('최철수');
  });

  it('ranks every 김철X name above other names when the query stops at 김철', () => {
    const ranked = rank('Kim Chol', [...ROSTER, '김철호', '김철민']);
    expect(new Set(ranked.slice(0, 3))).toEqual(new Set(['김철수', '김철호', '김철민']));
  });

  it('finds people by the given name alone, as issuers often catch only that', () => {
    const ranked = rank('Чхольсу');
    expect(new Set(ranked.slice(0, 4))).toEqual(new Set(['김철수', '최철수', '이철수', '박철수']));
  });

  it('lets the roster spelling find the person even when no scheme would give it', () => {
    const keys = searchKeys({ name: '정철수', nameCyrillic: 'Тен Чер Су', nameLatin: 'Chung Chul-soo' });
    const plain = searchKeys({ name: '정철수' });
    expect(matchScore('Тен Чер', keys)).toBeGreaterThan(matchScore('Тен Чер', plain));
    expect(matchScore('Chung Chul-soo', keys)).toBe(1);
  });

  it('scores an exact spelling above a phonetic match, and a phonetic match above a mere similarity', () => {
    const keys = searchKeys({ name: '김철수' });
    const exact = matchScore('Kim Cheolsu', keys);
    const phonetic = matchScore('Kim Chulsu', keys);
    const similar = matchScore('Kam Chalsa', keys);
    expect(exact).toBe(1);
    expect(phonetic).toBeLessThan(exact);
    expect(similar).toBeLessThan(phonetic);
    expect(similar).toBeGreaterThan(0);
  });

  it('scores an empty query 0 against anyone', () => {
    expect(matchScore('', searchKeys({ name: '김철수' }))).toBe(0);
    expect(matchScore('   ', searchKeys({ name: '김철수' }))).toBe(0);
  });
});

describe('searchKeys', () => {
  it('stores Hangul, its initial consonants, every scheme and the phonetic keys, lower case and folded', () => {
    const keys = searchKeys({ name: '김철수' });
    expect(keys.exact).toEqual(
      expect.arrayContaining(['김철수', 'ㄱㅊㅅ', 'kimcheolsu', 'gimcheolsu', 'kimcholsu', 'кимчхолсу']),
    );
    expect(keys.phonetic).toEqual(expect.arrayContaining(['kimculsu', 'culsu']));
    for (const key of [...keys.exact, ...keys.phonetic])
      expect(key).toBe(key.toLowerCase().replace(/[\s'’-]/g, ''));
  });

  it('stores every conventional spelling of the family name (이: Lee, Yi, Rhee; Ли)', () => {
    const keys = searchKeys({ name: '이민호' });
    expect(keys.exact).toEqual(
      expect.arrayContaining(['leeminho', 'yiminho', 'rheeminho', 'iminho', 'лиминхо']),
    );
  });

  it('stores a name without a scheme folded as written', () => {
    expect(searchKeys({ name: 'John Smith' })).toEqual({ exact: ['johnsmith'], phonetic: ['cuhnsmit'] });
  });

  it('has no duplicates', () => {
    const keys = searchKeys({ name: '김철수', nameLatin: 'Kim Cheolsu' });
    expect(new Set(keys.exact).size).toBe(keys.exact.length);
    expect(new Set(keys.phonetic).size).toBe(keys.phonetic.length);
  });
});

describe('folding', () => {
  it('exact fold drops case, diacritics, apostrophes, hyphens, spaces and soft signs', () => {
    expect(exactFold('Kim Ch’ŏl-su')).toBe('kimcholsu');
    expect(exactFold("Ch'oe")).toBe('choe');
    expect(exactFold('Ким Чхольсу')).toBe('кимчхолсу');
    expect(exactFold('김 철수')).toBe('김철수');
  });

  it('phonetic fold lets Cyrillic and Latin spellings of one name meet', () => {
    const variants = [
      'Ким Чхольсу',
      'Kim Ch’ŏl-su',
      'Kim Cheolsu',
      'Kim Chul Soo',
      'Gim Cheol-su',
      'KIM CHHOLSU',
    ];
    expect(new Set(variants.map(phoneticFold))).toEqual(new Set(['kimculsu']));
    expect(phoneticFold('Цой')).toBe(phoneticFold('Choi'));
    expect(phoneticFold('Ли')).toBe(phoneticFold('Lee'));
    expect(phoneticFold('Чон')).toBe(phoneticFold('Jung'));
    expect(phoneticFold('Пак')).toBe(phoneticFold('Bak'));
  });

  it('computes pg_trgm similarity', () => {
    expect(trigramSimilarity('word', 'word')).toBe(1);
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(4 / 11, 5);
    expect(trigramSimilarity('abc', '')).toBe(0);
  });
});
