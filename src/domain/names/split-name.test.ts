import { describe, expect, it } from 'vitest';
import { splitKoreanName } from './split-name.ts';

describe('splitKoreanName', () => {
  it.each([
    ['김철수', '김', '철수'],
    ['이순신', '이', '순신'],
    ['김구', '김', '구'],
    ['남궁민', '남궁', '민'],
    ['제갈공명', '제갈', '공명'],
    ['황보관', '황보', '관'],
    ['선우진', '선우', '진'],
    ['독고영재', '독고', '영재'],
    ['사공일', '사공', '일'],
    ['동방신기', '동방', '신기'],
  ])('splits %s into %s + %s', (name, family, given) => {
    const split = splitKoreanName(name);
    expect([split.family, split.given]).toEqual([family, given]);
  });

  it('reads 서문 in a three-syllable name as 서 + 문X, the likelier reading, and reports the other', () => {
    expect(splitKoreanName('서문수')).toEqual({
      family: '서',
      given: '문수',
      alternative: { family: '서문', given: '수' },
    });
  });

  it('reports the one-syllable reading of a three-syllable name with a compound family name (황보라)', () => {
    expect(splitKoreanName('황보라').alternative).toEqual({ family: '황', given: '보라' });
  });

  it('takes a space as the boundary the roster wrote', () => {
    expect(splitKoreanName('남 궁민')).toEqual({ family: '남', given: '궁민' });
    expect(splitKoreanName('김 철 수')).toEqual({ family: '김', given: '철수' });
  });

  it('gives an empty split for an empty name and a family name alone for one syllable', () => {
    expect(splitKoreanName('')).toEqual({ family: '', given: '' });
    expect(splitKoreanName('김')).toEqual({ family: '김', given: '' });
  });
});
