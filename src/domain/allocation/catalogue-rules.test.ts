import { describe, expect, it } from 'vitest';
import { substitutionRulesFor, transportFor } from './catalogue-rules.ts';

const rule = (
  rules: { preferred: string; issued: string; cost: number }[],
  preferred: string,
  issued: string,
) => rules.find((r) => r.preferred === preferred && r.issued === issued)?.cost;

describe('substitution rules from the catalogue', () => {
  it('jackets: one chest size or one height group up costs 1, both 2, never down', () => {
    const rules = substitutionRulesFor({
      id: 'jacket',
      sizeSystem: 'ru-garment',
      sizes: ['48-3', '48-4', '50-3', '50-4'],
    });
    expect(rule(rules, '48-4', '50-4')).toBe(1);
    expect(rule(rules, '48-3', '48-4')).toBe(1);
    expect(rule(rules, '48-3', '50-4')).toBe(2);
    expect(rule(rules, '50-4', '48-4')).toBeUndefined();
    expect(rule(rules, '48-4', '48-3')).toBeUndefined();
  });

  it('boots: +5 mm costs 1, +10 mm costs 3, never smaller', () => {
    const rules = substitutionRulesFor({
      id: 'boots',
      sizeSystem: 'kr-shoe',
      sizes: ['265', '270', '275', '280'],
    });
    expect(rule(rules, '265', '270')).toBe(1);
    expect(rule(rules, '265', '275')).toBe(3);
    expect(rule(rules, '265', '280')).toBeUndefined();
    expect(rule(rules, '270', '265')).toBeUndefined();
  });

  it('hats: one size either way costs 1', () => {
    const rules = substitutionRulesFor({ id: 'cap', sizeSystem: 'head-cm', sizes: ['56', '57', '58'] });
    expect(rule(rules, '57', '58')).toBe(1);
    expect(rule(rules, '57', '56')).toBe(1);
    expect(rule(rules, '56', '58')).toBeUndefined();
  });

  it('routes: own depot 0, central 1, another site 3', () => {
    expect(
      transportFor(
        [
          { id: 'D-N', site: 'N' },
          { id: 'D-C', site: null },
          { id: 'D-E', site: 'E' },
        ],
        ['N'],
      ),
    ).toEqual([
      { depot: 'D-N', site: 'N', cost: 0 },
      { depot: 'D-C', site: 'N', cost: 1 },
      { depot: 'D-E', site: 'N', cost: 3 },
    ]);
  });
});
