// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../forms/expression-parser.ts';
import type { Question } from '../forms/form-model.ts';
import { constraintRange, digitsToText, numberGridFor } from './number-grid.ts';

const tree = (source: string) => {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(source);
  return parsed.tree;
};
const q = (type: Question['type'], constraint?: string) =>
  ({ type, constraintTree: constraint ? tree(constraint) : undefined }) as Question;

describe('constraintRange', () => {
  it('reads both ends from comparisons joined by and, whichever side the number is on', () => {
    expect(constraintRange(tree('. >= 48 and . <= 66'))).toEqual({ min: 48, max: 66 });
    expect(constraintRange(tree('140 <= . and 210 >= .'))).toEqual({ min: 140, max: 210 });
  });

  it('leaves an end open when the constraint does not give it, and ignores other clauses', () => {
    expect(constraintRange(tree('. > 3 and . mod 5 = 0'))).toEqual({ min: 3 });
    expect(constraintRange(tree('. < 3 or . > 7'))).toEqual({});
    expect(constraintRange(undefined)).toEqual({});
  });
});

describe('numberGridFor', () => {
  it('sizes a height grid to four columns with one decimal and offers only 1 and 2 first', () => {
    const grid = numberGridFor(q('decimal', '. >= 140 and . <= 210'));
    expect(grid).toMatchObject({ digits: 4, decimals: 1 });
    expect(grid.columns[0]).toEqual([1, 2]);
    expect(grid.columns[3]).toHaveLength(10);
  });

  it('offers only 0 and 5 in the last column of a Korean shoe size in steps of 5', () => {
    const grid = numberGridFor(q('integer', '. >= 200 and . <= 330 and . mod 5 = 0'));
    expect(grid).toMatchObject({ digits: 3, decimals: 0 });
    expect(grid.columns).toEqual([
      [2, 3],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [0, 5],
    ]);
  });

  it('offers only halves for a shoe size that allows them', () => {
    const grid = numberGridFor(q('decimal', '. >= 33 and . <= 50 and (. * 2) mod 1 = 0'));
    expect(grid.columns[2]).toEqual([0, 5]);
    expect(grid.columns[0]).toEqual([3, 4, 5]);
  });

  it('falls back to a full grid when the range is missing or the constraint looks at other answers', () => {
    expect(numberGridFor(q('integer'))).toMatchObject({ digits: 4, decimals: 0 });
    const other = numberGridFor(q('integer', '. >= 10 and . <= 99 and . != ${x}'));
    expect(other.columns.every((c) => c.length >= 9)).toBe(true);
  });

  it('refuses a question that is not a number', () => {
    expect(() => numberGridFor(q('text'))).toThrow(/no digit grid/);
  });
});

describe('digitsToText', () => {
  it('writes the number as marked, with its decimal', () => {
    expect(digitsToText([1, 7, 2, 5], 1)).toEqual({ ok: true, text: '172.5' });
    expect(digitsToText([1, 7, 2, 0], 1)).toEqual({ ok: true, text: '172.0' });
  });

  it('allows blank leading columns and drops leading zeros', () => {
    expect(digitsToText([undefined, 8, 5], 0)).toEqual({ ok: true, text: '85' });
    expect(digitsToText([0, 8, 5], 0)).toEqual({ ok: true, text: '85' });
    expect(digitsToText([0, 0, 0], 0)).toEqual({ ok: true, text: '0' });
  });

  it('allows a blank decimal column but not a gap or a blank units column', () => {
    expect(digitsToText([1, 7, 2, undefined], 1)).toEqual({ ok: true, text: '172' });
    expect(digitsToText([1, undefined, 2, 5], 1)).toEqual({ ok: false });
    expect(digitsToText([1, 7, undefined, 5], 1)).toEqual({ ok: false });
  });

  it('reads an untouched grid as no answer', () => {
    expect(digitsToText([undefined, undefined], 0)).toEqual({ ok: true, text: '' });
  });
});
