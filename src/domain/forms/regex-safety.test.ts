import { describe, expect, it } from 'vitest';
import { checkRegexPattern } from './regex-safety.ts';

describe('checkRegexPattern', () => {
  it('accepts the patterns sizing forms use', () => {
    for (const p of [
      '^[0-9]{2}-[1-6]$',
      '^[0-9]{2,3}[MF][0-9]{3}$',
      '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,4}',
      '^(ab|cd)?x+$',
      '(?:a{2})+',
    ]) {
      expect(checkRegexPattern(p), p).toBeUndefined();
    }
  });

  it('refuses repeated groups that repeat inside, the shape of catastrophic backtracking', () => {
    for (const p of ['^(a+)+$', '(\\d*-)*', '((x)*y)+', '(a{2,})*', '(?:[a-z]+\\s?)+$', '(a|b+)*c']) {
      expect(checkRegexPattern(p)?.key, p).toBe('expr.regexUnsafe');
    }
  });

  it('ignores quantifier characters inside classes and escapes', () => {
    expect(checkRegexPattern('([+*]\\+)+')).toBeUndefined();
  });

  it('refuses patterns that do not compile, saying why', () => {
    expect(checkRegexPattern('(unclosed')).toMatchObject({ key: 'expr.regexInvalid' });
  });
});
