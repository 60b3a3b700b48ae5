import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayName } from './display-name.ts';
import { matchScore, normalizeQuery } from './match-score.ts';
import { searchKeys } from './search-keys.ts';
import { MAX_NAME_LENGTH, SCHEMES, transliterateName } from './transliterate.ts';

const HOSTILE: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \t\n\u3000\u00a0 '],
  ['emoji', '😀👍🏽'],
  ['emoji inside Hangul', '김😀철수'],
  ['Latin', 'John Smith'],
  ['Cyrillic', 'Иван Петров'],
  ['Arabic', 'محمد علي'],
  ['Latin and Hangul', 'Kim 철수'],
  ['jamo only, not a syllable', 'ㅋㅋㅋ'],
  ['orphan conjoining jamo', '\u1100\u1100'],
  ['very long Hangul', '김'.repeat(100_000)],
  ['very long Latin', 'a'.repeat(100_000)],
  ['lone surrogate', '\ud800김'],
  ['zero-width joiners', '김\u200d철\u200b수'],
  ['control characters', '김\u0000철\u0007수'],
  ['digits', '12345'],
];

describe('hostile input', () => {
  it.each(HOSTILE)('never throws on %s, in any scheme, and returns a string', (_, input) => {
    for (const scheme of SCHEMES) {
      const t = transliterateName(input, scheme);
      expect(typeof t.text).toBe('string');
    }
    expect(() => searchKeys({ name: input, nameLatin: input, nameCyrillic: input })).not.toThrow();
    expect(() => matchScore(input, searchKeys({ name: '김철수' }))).not.toThrow();
    expect(() => displayName({ name: input }, 'ru')).not.toThrow();
  });

  it('returns a name in a script without a scheme as written, with a notice for one log line', () => {
    for (const [input, script] of [
      ['John Smith', 'latin'],
      ['Иван Петров', 'cyrillic'],
      ['محمد علي', 'other'],
      ['😀👍🏽', 'other'],
    ] as const) {
      const t = transliterateName(input, 'kontsevich');
      expect(t).toMatchObject({ text: input, scheme: null, notice: { code: 'no-scheme', script } });
      expect(t.notice?.logLine).toMatch(/^names: no-scheme \(/);
      expect(t.notice?.logLine).not.toContain('\n');
    }
  });

  it('passes mixed scripts through with a mixed-script notice', () => {
    expect(transliterateName('Kim 철수', 'rr')).toMatchObject({
      text: 'Kim 철수',
      notice: { code: 'mixed-script' },
    });
    expect(transliterateName('김😀철수', 'rr').notice?.code).toBe('mixed-script');
  });

  it('reports empty and whitespace-only names as empty', () => {
    expect(transliterateName('', 'rr')).toMatchObject({ text: '', scheme: null, notice: { code: 'empty' } });
    expect(transliterateName(' \u3000 ', 'rr').notice?.code).toBe('empty');
  });

  it('assembles loose jamo into syllables when they make whole syllables, and says so', () => {
    expect(transliterateName('ㄱㅣㅁㅊㅓㄹㅅㅜ', 'rr')).toMatchObject({
      text: 'Kim Cheolsu',
      notice: { code: 'assembled-jamo' },
    });
    expect(transliterateName('ㅋㅋㅋ', 'rr')).toMatchObject({ text: 'ㅋㅋㅋ', scheme: null });
  });

  it('passes a string longer than a name through without expanding it', () => {
    const t = transliterateName('김'.repeat(MAX_NAME_LENGTH + 1), 'rr');
    expect(t.notice?.code).toBe('too-long');
    expect(searchKeys({ name: '김'.repeat(100_000) }).exact[0]?.length).toBeLessThanOrEqual(100_000);
  });

  it('reads NFD-decomposed Hangul, zero-width and control characters as the plain name', () => {
    for (const input of ['김철수'.normalize('NFD'), '김\u200d철\u200b수']) {
      expect(transliterateName(input, 'rr').text).toBe('Kim Cheolsu');
    }
    expect(searchKeys({ name: '김철수'.normalize('NFD') })).toEqual(searchKeys({ name: '김철수' }));
  });

  it('treats non-string input from untyped callers as empty', () => {
    expect(transliterateName(undefined as unknown as string, 'rr').notice?.code).toBe('empty');
    expect(normalizeQuery(null as unknown as string)).toEqual({ exact: [], phonetic: [] });
  });
});

describe('properties', () => {
  const anyString = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc
      .array(fc.integer({ min: 0xac00, max: 0xd7a3 }), { maxLength: 8 })
      .map((cs) => String.fromCharCode(...cs)),
    fc
      .array(fc.integer({ min: 0x3131, max: 0x3163 }), { maxLength: 8 })
      .map((cs) => String.fromCharCode(...cs)),
  );

  it('never throws on any string, and is deterministic', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom(...SCHEMES), (input, scheme) => {
        const a = transliterateName(input, scheme);
        expect(transliterateName(input, scheme)).toEqual(a);
        expect(searchKeys({ name: input })).toEqual(searchKeys({ name: input }));
        const score = matchScore(input, searchKeys({ name: '김철수' }));
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('transliterates every Hangul name into its target script only', () => {
    const hangulName = fc
      .array(fc.integer({ min: 0xac00, max: 0xd7a3 }), { minLength: 2, maxLength: 4 })
      .map((cs) => String.fromCharCode(...cs));
    fc.assert(
      fc.property(hangulName, (name) => {
        expect(transliterateName(name, 'kontsevich').text).toMatch(/^[А-ЯЁа-яё]+( [А-ЯЁа-яё]+)?$/);
        expect(transliterateName(name, 'rr').text).toMatch(/^[A-Za-z]+( [A-Za-z-]+)?$/);
        expect(transliterateName(name, 'mr').text).toMatch(/^[A-Za-zŏŭëŎŬ’]+( [A-Za-zŏŭëŎŬ’-]+)?$/);
      }),
      { numRuns: 400 },
    );
  });

  it('finds every Hangul name by its own exact spelling first', () => {
    const hangulName = fc
      .array(fc.integer({ min: 0xac00, max: 0xd7a3 }), { minLength: 2, maxLength: 4 })
      .map((cs) => String.fromCharCode(...cs));
    fc.assert(
      fc.property(hangulName, fc.constantFrom(...SCHEMES), (name, scheme) => {
        const keys = searchKeys({ name });
        expect(matchScore(name, keys)).toBe(1);
        expect(matchScore(transliterateName(name, scheme).text, keys)).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
