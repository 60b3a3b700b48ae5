// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../forms/expression-parser.ts';
import { describeRelevance, sameCondition } from './relevance-text.ts';

const tree = (source: string) => {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(source);
  return parsed.tree;
};

describe('describeRelevance', () => {
  it('reads an equality with a quoted value as a condition, either way round', () => {
    expect(describeRelevance(tree("${head_known} = 'yes'"))).toEqual({
      kind: 'conditions',
      conditions: [{ field: 'head_known', value: 'yes' }],
    });
    expect(describeRelevance(tree("'no' = ${x}"))).toEqual({
      kind: 'conditions',
      conditions: [{ field: 'x', value: 'no' }],
    });
  });

  it('reads conditions joined by and, and selected()', () => {
    expect(describeRelevance(tree("${a} = 'yes' and selected(${b}, 'hat-us')"))).toEqual({
      kind: 'conditions',
      conditions: [
        { field: 'a', value: 'yes' },
        { field: 'b', value: 'hat-us' },
      ],
    });
  });

  it('falls back to the questions it depends on for anything else', () => {
    expect(describeRelevance(tree("${a} = 'yes' or ${b} > 3"))).toEqual({
      kind: 'depends',
      fields: ['a', 'b'],
    });
    expect(describeRelevance(tree("${a} != 'no'"))).toEqual({ kind: 'depends', fields: ['a'] });
  });

  it('says always when there is no relevance', () => {
    expect(describeRelevance(undefined)).toEqual({ kind: 'always' });
  });
});

describe('sameCondition', () => {
  it('compares field and value, and never matches a missing condition', () => {
    expect(sameCondition({ field: 'a', value: 'x' }, { field: 'a', value: 'x' })).toBe(true);
    expect(sameCondition({ field: 'a', value: 'x' }, { field: 'a', value: 'y' })).toBe(false);
    expect(sameCondition(undefined, undefined)).toBe(false);
  });
});
