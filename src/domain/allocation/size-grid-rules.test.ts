import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { eitherWay, rulesFromGrid, rulesFromGrids, upOnly } from './size-grid-rules.ts';

const brief = (rules: { preferred: string; issued: string; cost: number; steps?: number }[]) =>
  rules.map((r) => `${r.preferred}→${r.issued}:${r.cost}${r.steps === undefined ? '' : `@${r.steps}`}`);

describe('rulesFromGrid', () => {
  it('derives boots rules: +5 mm at 1, +10 mm at 3, never smaller', () => {
    expect(brief(rulesFromGrid('boots', ['260', '265', '270', '275'], upOnly([1, 3])))).toEqual([
      '260→265:1@1',
      '260→270:3@2',
      '265→270:1@1',
      '265→275:3@2',
      '270→275:1@1',
    ]);
  });

  it('derives hat rules: one size either way at 1, stopping at the ends of the grid', () => {
    expect(brief(rulesFromGrid('hat', ['56', '57', '58'], eitherWay([1])))).toEqual([
      '56→57:1@1',
      '57→58:1@1',
      '57→56:1@-1',
      '58→57:1@-1',
    ]);
  });

  it('derives nothing from a policy that allows no moves, or from an empty or one-size grid', () => {
    expect(rulesFromGrid('belt', ['80', '85'], {})).toEqual([]);
    expect(rulesFromGrid('belt', [], upOnly([1]))).toEqual([]);
    expect(rulesFromGrid('belt', ['80'], eitherWay([1]))).toEqual([]);
  });

  it('tags every rule with its item', () => {
    expect(rulesFromGrid('boots', ['260', '265'], upOnly([1])).every((r) => r.item === 'boots')).toBe(true);
  });

  it('refuses a grid with a size twice and costs that are not whole numbers ≥ 0', () => {
    expect(() => rulesFromGrid('boots', ['260', '260'], upOnly([1]))).toThrow(InputError);
    expect(() => rulesFromGrid('boots', ['260', '265'], upOnly([-1]))).toThrow(/whole number/);
    expect(() => rulesFromGrid('boots', ['260', '265'], upOnly([0.5]))).toThrow(/whole number/);
  });
});

describe('rulesFromGrids', () => {
  const jacket = [
    { sizes: ['48', '50'], policy: upOnly([1]) },
    { sizes: ['3', '4'], policy: upOnly([1]) },
  ];
  const label = ([chest, height]: readonly string[]) => `${chest}-${height}`;

  it('derives jacket rules: one chest size or one height group up at 1, both at 2, never down', () => {
    expect(brief(rulesFromGrids('jacket', jacket, label))).toEqual([
      '48-3→48-4:1@1',
      '48-3→50-3:1@1',
      '48-3→50-4:2@2',
      '48-4→50-4:1@1',
      '50-3→50-4:1@1',
    ]);
  });

  it('drops pairs dearer than maxCost', () => {
    expect(brief(rulesFromGrids('jacket', jacket, label, 1))).not.toContain('48-3→50-4:2@2');
    expect(rulesFromGrids('jacket', jacket, label, 1)).toHaveLength(4);
  });

  it('gives no steps to a move that goes up on one axis and down on another', () => {
    const mixed = rulesFromGrids(
      'jacket',
      [
        { sizes: ['48', '50'], policy: upOnly([1]) },
        { sizes: ['3', '4'], policy: eitherWay([1]) },
      ],
      label,
    );
    expect(mixed.find((r) => r.preferred === '48-4' && r.issued === '50-3')).toEqual({
      item: 'jacket',
      preferred: '48-4',
      issued: '50-3',
      cost: 2,
    });
  });

  it('refuses a label that gives two sizes the same name', () => {
    expect(() => rulesFromGrids('jacket', jacket, ([chest]) => chest!)).toThrow(/both labelled/);
  });
});
