import { describe, expect, it } from 'vitest';
import { transliterateName } from './transliterate.ts';

const rr = (name: string, options = {}) => transliterateName(name, 'rr', options).text;
const mr = (name: string, options = {}) => transliterateName(name, 'mr', options).text;
const ko = (name: string, options = {}) => transliterateName(name, 'kontsevich', options).text;
const strict = { surname: 'strict' } as const;

// RR: Romanization of Korean, Proclamation 2000-8, section 3 article 4 (names), and the examples of
// that article as quoted in the Wikipedia article "Revised Romanization of Korean".
describe('Revised Romanization', () => {
  it.each([
    ['민용하', 'Min Yongha', 'RR 3.4: 민용하 Min Yongha'],
    ['송나리', 'Song Nari', 'RR 3.4: 송나리 Song Nari'],
    ['한복남', 'Han Boknam', 'RR 3.4(1): assimilation not written, 한복남 Han Boknam'],
    ['홍빛나', 'Hong Bitna', 'RR 3.4(1): assimilation not written, 홍빛나 Hong Bitna'],
    ['정석민', 'Jeong Seokmin', 'RR 3.4(1) as quoted by Wikipedia: 정석민 Jeong Seokmin'],
    ['최빛나', 'Choe Bitna', 'RR 3.4(1) as quoted by Wikipedia: 최빛나 Choe Bitna'],
    ['강홍립', 'Gang Hongrip', 'RR 3.4 as quoted by Wikipedia: 강홍립 Gang Hongrip'],
  ])('writes %s as %s with the strict family name (%s)', (name, expected) => {
    expect(rr(name, strict)).toBe(expected);
  });

  it('writes the allowed hyphen when asked (RR 3.4: Min Yong-ha, Han Bok-nam)', () => {
    expect(rr('민용하', { ...strict, rrHyphen: 'always' })).toBe('Min Yong-ha');
    expect(rr('한복남', { ...strict, rrHyphen: 'always' })).toBe('Han Bok-nam');
  });

  it('hyphenates only where syllables could be misread when asked for ambiguous hyphens (RR 3.2: Jung-ang, Ban-gudae)', () => {
    expect(rr('김연아', { rrHyphen: 'ambiguous' })).toBe('Kim Yeon-a');
    expect(rr('박만길', { rrHyphen: 'ambiguous' })).toBe('Park Man-gil');
    expect(rr('김철수', { rrHyphen: 'ambiguous' })).toBe('Kim Cheolsu');
  });

  it('writes ㄹㄹ as ll and initial ㄹ as r (RR 2.2 note): 김설림 Kim Seollim, 김리나 Kim Rina', () => {
    expect(rr('김설림')).toBe('Kim Seollim');
    expect(rr('김리나')).toBe('Kim Rina');
  });

  it('uses the conventional family names by default and the strict ones on request (이/리, 박, 최, 정)', () => {
    expect([rr('이민호'), rr('리설주'), rr('박지성'), rr('최민수'), rr('정민')]).toEqual([
      'Lee Minho',
      'Ri Seolju',
      'Park Jiseong',
      'Choi Minsu',
      'Jung Min',
    ]);
    expect([rr('이민호', strict), rr('박지성', strict), rr('최민수', strict), rr('정민', strict)]).toEqual([
      'I Minho',
      'Bak Jiseong',
      'Choe Minsu',
      'Jeong Min',
    ]);
  });
});

// MR: ALA-LC Romanization Tables, Korean (Library of Congress, 2009), "Personal names" (p. 13) and
// "Hyphens" (4(a)): sound changes shown across the hyphen of a given name.
describe('McCune–Reischauer (ALA-LC personal names)', () => {
  it.each([
    ['김철원', 'Kim Ch’ŏr-wŏn'],
    ['이석민', 'Yi Sŏng-min'],
    ['나민주', 'Na Min-ju'],
    ['안중근', 'An Chung-gŭn'],
    ['오영혜', 'O Yŏng-hye'],
    ['이어령', 'Yi Ŏ-ryŏng'],
    ['김창룡', 'Kim Ch’ang-nyong'],
    ['김철운', 'Kim Ch’ŏr-un'],
    ['이율곡', 'Yi Yul-gok'],
    ['김지하', 'Kim Chi-ha'],
    ['김소월', 'Kim So-wŏl'],
    ['김리나', 'Kim Ri-na'],
    ['이순신', 'Yi Sun-sin'],
    ['이원수', 'Yi Wŏn-su'],
    ['박목월', 'Pak Mog-wŏl'],
    ['안응렬', 'An Ŭng-nyŏl'],
    ['이퇴계', 'Yi T’oe-gye'],
  ])('ALA-LC 2009 example: %s is %s', (name, expected) => {
    expect(mr(name)).toBe(expected);
  });

  it('writes 리 as Yi as well (ALA-LC exception 1: 리승만 Yi Sŭng-man)', () => {
    expect(mr('리승만')).toBe('Yi Sŭng-man');
    expect(mr('이승만')).toBe('Yi Sŭng-man');
  });

  it('joins the syllables when no hyphen is wanted (ALA-LC (b): Ch’ŏlsu wa Yŏnghŭi)', () => {
    expect(transliterateName('김철수', 'mr', { mrHyphen: false }).given).toBe('Ch’ŏlsu');
    expect(transliterateName('이영희', 'mr', { mrHyphen: false }).given).toBe('Yŏnghŭi');
  });

  it('marks n before g with an apostrophe when joined, as MR writes Han’guk', () => {
    expect(transliterateName('이한길', 'mr', { mrHyphen: false }).given).toBe('Han’gil');
  });

  it('writes the MR family names of 박, 최, 정 (Pak, Ch’oe, Chŏng)', () => {
    expect([mr('박정희'), mr('최규하'), mr('정일권')]).toEqual([
      'Pak Chŏng-hŭi',
      'Ch’oe Kyu-ha',
      'Chŏng Il-gwŏn',
    ]);
  });
});

// Kontsevich: the consonant and vowel tables of the Kontsevich system (en.wikipedia.org/wiki/Kontsevich_system,
// ru.wikipedia «Система Концевича»), applied to names; each case names the table entry it exercises.
describe('Kontsevich', () => {
  it.each([
    ['김대중', 'Ким Тэджун', 'ㅈ between vowels is -дж-, ㅐ is э'],
    ['박근혜', 'Пак Кынхе', 'ㅡ is ы, ㅖ after a consonant is е'],
    ['노무현', 'Но Мухён', 'ㅕ is ё'],
    ['이명박', 'Ли Мёнбак', 'ㅂ after н is -б-'],
    ['김정일', 'Ким Чонъиль', 'final ㅇ before a vowel is нъ, final ㄹ is ль'],
    ['김일성', 'Ким Ильсон', 'final ㄹ before a consonant is ль'],
    ['박정희', 'Пак Чонхи', 'ㅢ after a consonant is и'],
    ['전두환', 'Чон Тухван', 'ㄷ at the start of a word is т, ㅘ is ва'],
    ['노태우', 'Но Тхэу', 'ㅌ is тх'],
    ['이퇴계', 'Ли Тхвеге', 'ㅚ is ве, ㄱ between vowels is -г-'],
  ])('writes %s as %s (%s)', (name, expected) => {
    expect(ko(name)).toBe(expected);
  });

  it.each([
    ['이석민', 'Ли Сонмин', 'ㄱ+ㅁ is нм'],
    ['김창룡', 'Ким Чханнён', 'ㅇ+ㄹ is нн'],
    ['안응렬', 'Ан Ыннёль', 'ㅇ+ㄹ is нн'],
    ['김철운', 'Ким Чхорун', 'ㄹ before a vowel is р'],
    ['한복남', 'Хан Поннам', 'ㄱ+ㄴ is нн'],
    ['최선량', 'Цой Соллян', 'ㄴ+ㄹ is лл'],
  ])('writes the assimilation in %s as %s (%s)', (name, expected) => {
    expect(ko(name)).toBe(expected);
  });

  it('uses Russian practice for family names and Kontsevich-strict forms on request (이/리, 박, 최, 정)', () => {
    expect([ko('이민호'), ko('리설주'), ko('박지성'), ko('최민수'), ko('정민')]).toEqual([
      'Ли Минхо',
      'Ри Сольчу',
      'Пак Чисон',
      'Цой Минсу',
      'Чон Мин',
    ]);
    expect([ko('이민호', strict), ko('최민수', strict)]).toEqual(['И Минхо', 'Чхве Минсу']);
  });
});

describe('tensing after ㄹ in Sino-Korean names (Standard Pronunciation art. 26: 설주 [설쭈], 길동 [길똥])', () => {
  it('writes the tensed consonant voiceless in MR and Kontsevich, and as spelled in RR', () => {
    expect(transliterateName('리설주', 'mr').given).toBe('Sŏl-chu');
    expect(transliterateName('리설주', 'kontsevich').given).toBe('Сольчу');
    expect(transliterateName('리설주', 'rr').given).toBe('Seolju');
    expect(transliterateName('홍길동', 'mr').text).toBe('Hong Kil-tong');
  });
});

describe('family and given name', () => {
  it('returns family and given name separately, family first', () => {
    const t = transliterateName('남궁민', 'rr');
    expect([t.family, t.given, t.text]).toEqual(['Namgoong', 'Min', 'Namgoong Min']);
  });

  it('reads NFD-decomposed Hangul exactly as composed Hangul', () => {
    expect(transliterateName('김철수'.normalize('NFD'), 'kontsevich').text).toBe('Ким Чхольсу');
  });
});
