import { describe, expect, it } from 'vitest';
import { generateKoreanNames, seededRng } from './generate.ts';
import { splitKoreanName } from './split-name.ts';
import { transliterateName } from './transliterate.ts';

describe('generateKoreanNames', () => {
  it('gives the same names for the same seed and different names for another', () => {
    expect(generateKoreanNames(50, seededRng(7))).toEqual(generateKoreanNames(50, seededRng(7)));
    expect(generateKoreanNames(50, seededRng(8))).not.toEqual(generateKoreanNames(50, seededRng(7)));
  });

  it('makes Hangul names whose parts join into the name and which every scheme transliterates', () => {
    for (const person of generateKoreanNames(500, seededRng(1))) {
      expect(person.name).toBe(person.family + person.given);
      expect(person.name).toMatch(/^[가-힣]{2,4}$/);
      expect(transliterateName(person.name, 'kontsevich').scheme).toBe('kontsevich');
      const split = splitKoreanName(person.name);
      // 황 + 보라 reads as 황보 + 라 too; those are the ambiguous ones the splitter reports.
      if (!split.alternative) expect(split).toMatchObject({ family: person.family, given: person.given });
    }
  });

  it('weights family names by the census: about a fifth 김, then 이 and 박', () => {
    const names = generateKoreanNames(20_000, seededRng(2));
    const share = (family: string) => names.filter((n) => n.family === family).length / names.length;
    expect(share('김')).toBeGreaterThan(0.19);
    expect(share('김')).toBeLessThan(0.24);
    expect(share('이')).toBeGreaterThan(0.12);
    expect(share('박')).toBeGreaterThan(0.06);
    expect(share('이')).toBeLessThan(share('김'));
    expect(share('박')).toBeLessThan(share('이'));
  });

  it('repeats names, as a real intake of thousands does, but is mostly distinct', () => {
    const names = generateKoreanNames(1_500, seededRng(3)).map((n) => n.name);
    const distinct = new Set(names).size;
    expect(distinct).toBeLessThan(names.length);
    expect(distinct).toBeGreaterThan(names.length * 0.8);
  });

  it('includes one-syllable given names and, rarely, two-syllable family names', () => {
    const names = generateKoreanNames(50_000, seededRng(4));
    expect(names.some((n) => n.given.length === 1)).toBe(true);
    expect(names.some((n) => n.family.length === 2)).toBe(true);
    expect(names.filter((n) => n.family.length === 2).length / names.length).toBeLessThan(0.01);
  });

  it('gives nothing for a count that is not a positive number and survives an rng out of range', () => {
    expect(generateKoreanNames(0, seededRng(1))).toEqual([]);
    expect(generateKoreanNames(-5, seededRng(1))).toEqual([]);
    expect(generateKoreanNames(Number.NaN, seededRng(1))).toEqual([]);
    const broken = generateKoreanNames(3, () => 1.5);
    expect(broken).toHaveLength(3);
    expect(generateKoreanNames(2, () => Number.NaN)[0]?.name).toMatch(/^[가-힣]+$/);
  });

  it('makes 1.2 million names quickly enough for the benchmarks', () => {
    const started = performance.now();
    const names = generateKoreanNames(1_200_000, seededRng(5));
    const seconds = (performance.now() - started) / 1000;
    expect(names).toHaveLength(1_200_000);
    expect(seconds).toBeLessThan(5);
  });
});
