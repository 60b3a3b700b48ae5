import { describe, expect, it } from 'vitest';
import { findLanguage, languageHeader, parseLanguageSpec } from './form-languages.ts';

describe('parseLanguageSpec', () => {
  it('reads every way headers name a language', () => {
    expect(parseLanguageSpec('Russian (ru)')).toEqual({ key: 'ru', name: 'Russian', code: 'ru' });
    expect(parseLanguageSpec('Русский (RU)')).toEqual({ key: 'ru', name: 'Русский', code: 'ru' });
    expect(parseLanguageSpec('ru')).toEqual({ key: 'ru', name: 'Russian', code: 'ru' });
    expect(parseLanguageSpec('english')).toEqual({ key: 'en', name: 'English', code: 'en' });
    expect(parseLanguageSpec('한국어')).toEqual({ key: 'ko', name: '한국어', code: 'ko' });
    expect(parseLanguageSpec(' Swahili  (sw) ')).toEqual({ key: 'sw', name: 'Swahili', code: 'sw' });
    expect(parseLanguageSpec('zh-Hant')).toEqual({ key: 'zh-hant', code: 'zh-hant' });
    expect(parseLanguageSpec('Klingon')).toEqual({ key: 'klingon', name: 'Klingon' });
    expect(parseLanguageSpec('default')).toEqual({ key: 'default' });
    expect(parseLanguageSpec('  ')).toBeUndefined();
  });

  it('writes a header that reads back as the same language', () => {
    for (const spec of ['Russian (ru)', 'ko', 'English', 'Klingon', 'zh-Hant', 'Русский (ru)']) {
      const language = parseLanguageSpec(spec)!;
      expect(parseLanguageSpec(languageHeader(language))).toEqual(language);
    }
    expect(languageHeader({ key: 'default' })).toBe('');
  });

  it('finds a form language by key, code or name', () => {
    const languages = [parseLanguageSpec('Russian (ru)')!, parseLanguageSpec('Klingon')!];
    expect(findLanguage(languages, 'RU')?.key).toBe('ru');
    expect(findLanguage(languages, 'russian')?.key).toBe('ru');
    expect(findLanguage(languages, 'klingon')?.key).toBe('klingon');
    expect(findLanguage(languages, 'ko')).toBeUndefined();
  });
});
