import { describe, expect, it } from 'vitest';
import { browserLanguage, pickLanguage } from './language.ts';

describe('browserLanguage', () => {
  it('takes the first preferred language the UI speaks, region or not', () => {
    expect(browserLanguage(['de-DE', 'ko-KR', 'ru'])).toBe('ko');
    expect(browserLanguage(['RU-ru'])).toBe('ru');
  });

  it('falls back to English for languages it does not speak and for nothing at all', () => {
    expect(browserLanguage(['de', 'fr-CA'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
    expect(browserLanguage([''])).toBe('en');
  });
});

describe('pickLanguage', () => {
  it('prefers a choice made on this device over the account and the browser', () => {
    expect(pickLanguage({ stored: 'ko', account: 'ru', browser: ['en-US'] })).toBe('ko');
  });

  it('uses the account language when nothing was chosen here', () => {
    expect(pickLanguage({ stored: null, account: 'ru', browser: ['ko-KR'] })).toBe('ru');
  });

  it('uses the browser when there is neither a choice nor an account', () => {
    expect(pickLanguage({ stored: null, browser: ['ko-KR'] })).toBe('ko');
  });

  it('ignores a stored or account value that is not a UI language', () => {
    expect(pickLanguage({ stored: 'klingon', account: '<script>', browser: ['ru'] })).toBe('ru');
    expect(pickLanguage({ stored: 'EN', account: null, browser: [] })).toBe('en');
  });
});
