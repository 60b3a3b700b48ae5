import { describe, expect, it } from 'vitest';
import { normalizeQuery } from './match-score.ts';
import { rankCandidates } from './rank-candidates.ts';
import { storedSearchKeys } from './stored-keys.ts';

const person = (id: string, name: string, nameCyrillic?: string) => ({
  id,
  name,
  searchKeys: storedSearchKeys({ name, nameCyrillic }),
});

const ROSTER = [
  person('A-1', '김철민'),
  person('A-2', '김춘수'),
  person('A-3', '김철수'),
  person('A-4', '박철수'),
  person('A-5', '김철호'),
];

describe('ranking candidates', () => {
  it.each(['Ким Чхольсу', 'Kim Cheolsu', '김철수'])(
    'puts 김철수 first for %s and keeps each row whole',
    (q) => {
      const ranked = rankCandidates(normalizeQuery(q), ROSTER);
      expect(ranked[0]).toMatchObject({ id: 'A-3', name: '김철수' });
      expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    },
  );

  it('orders equal scores by id, so a page never reshuffles', () => {
    const twins = [person('B-2', '김철수'), person('B-1', '김철수'), person('B-3', '김철수')];
    expect(rankCandidates(normalizeQuery('김철수'), twins).map((r) => r.id)).toEqual(['B-1', 'B-2', 'B-3']);
  });

  it('drops candidates that share nothing with the query', () => {
    const ranked = rankCandidates(normalizeQuery('김철수'), [...ROSTER, person('C-1', 'John Smith')]);
    expect(ranked.map((r) => r.id)).not.toContain('C-1');
  });

  it('ranks by the roster’s own Cyrillic spelling when the scheme would spell it otherwise', () => {
    const roster = [person('D-1', '최철수', 'Цой Чер Су'), person('D-2', '최청수')];
    expect(rankCandidates(normalizeQuery('Цой Чер Су'), roster)[0]!.id).toBe('D-1');
  });

  it('ranks a candidate without stored keys last or not at all, never throwing', () => {
    const ranked = rankCandidates(normalizeQuery('김철수'), [
      { id: 'E-1', searchKeys: null },
      { id: 'E-2', searchKeys: 'garbage' },
      ...ROSTER,
    ]);
    expect(ranked[0]!.id).toBe('A-3');
    expect(ranked.map((r) => r.id)).not.toContain('E-1');
  });
});
