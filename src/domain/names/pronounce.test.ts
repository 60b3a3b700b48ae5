import { describe, expect, it } from 'vitest';
import { syllableOf } from './hangul.ts';
import { pronounceWord } from './pronounce.ts';

/** The pronounced word back in Hangul-ish notation: onset+vowel+coda per syllable, linked codas marked '>'. */
function heard(word: string): string {
  return pronounceWord([...word].map((c) => syllableOf(c)!))
    .map((s) => `${s.onset || 'ㅇ'}${s.vowel}${s.coda}${s.link ? '>' : ''}${s.tense ? '*' : ''}`)
    .join(' ');
}

// Examples are those of the Standard Pronunciation (표준 발음법, 1988) articles named in each test.
describe('pronounceWord', () => {
  it('nasalises a stop before ㄴ ㅁ (art. 18: 국민 [궁민])', () => {
    expect(heard('국민')).toBe('ㄱㅜㅇ ㅁㅣㄴ');
  });

  it('turns ㄹ into ㄴ after other finals and nasalises the stop (art. 19: 독립 [동닙], 종로 [종노])', () => {
    expect(heard('독립')).toBe('ㄷㅗㅇ ㄴㅣㅂ');
    expect(heard('종로')).toBe('ㅈㅗㅇ ㄴㅗ');
  });

  it('makes ㄴ+ㄹ and ㄹ+ㄴ a double ㄹ (art. 20: 신라 [실라], 칼날 [칼랄])', () => {
    expect(heard('신라')).toBe('ㅅㅣㄹ ㄹㅏ');
    expect(heard('칼날')).toBe('ㅋㅏㄹ ㄹㅏㄹ');
  });

  it('links a final into a following vowel (art. 13: 목월 [모궐]) but keeps ㅇ (정일)', () => {
    expect(heard('목월')).toBe('ㅁㅗㄱ> ㅇㅝㄹ');
    expect(heard('정일')).toBe('ㅈㅓㅇ ㅇㅣㄹ');
  });

  it('drops ㅎ before a vowel and aspirates with it (art. 12: 좋아 [조아], 놓고 [노코])', () => {
    expect(heard('좋아')).toBe('ㅈㅗ ㅇㅏ');
    expect(heard('놓고')).toBe('ㄴㅗ ㅋㅗ');
  });

  it('palatalises ㄷ ㅌ before 이 (art. 17: 굳이 [구지], 같이 [가치])', () => {
    expect(heard('굳이')).toBe('ㄱㅜㅈ> ㅇㅣ');
    expect(heard('같이')).toBe('ㄱㅏㅊ> ㅇㅣ');
  });

  it('tenses after a stop and after ㄹ in Sino-Korean ㄷ ㅅ ㅈ (art. 23: 학교 [학꾜]; art. 26: 발전 [발쩐])', () => {
    expect(heard('학교')).toBe('ㅎㅏㄱ ㄱㅛ*');
    expect(heard('발전')).toBe('ㅂㅏㄹ ㅈㅓㄴ*');
    expect(heard('율곡')).toBe('ㅇㅠㄹ ㄱㅗㄱ');
  });

  it('neutralises finals at the end of a word (art. 9: 빛 [빋], 부엌 [부억])', () => {
    expect(heard('빛')).toBe('ㅂㅣㄷ');
    expect(heard('부엌')).toBe('ㅂㅜ ㅇㅓㄱ');
  });
});
