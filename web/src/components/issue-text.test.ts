import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueText } from './issue-text.ts';

const locale = (lang: string, ns = 'web') =>
  JSON.parse(readFileSync(new URL(`../../../src/i18n/locales/${lang}/${ns}.json`, import.meta.url), 'utf8'));
const web = (lang: string) => locale(lang);
const reasons = (lang: string) => locale(lang, 'reasons');

let t: Record<'en' | 'ru' | 'ko', TFunction>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: {
      en: { web: web('en'), reasons: reasons('en') },
      ru: { web: web('ru'), reasons: reasons('ru') },
      ko: { web: web('ko'), reasons: reasons('ko') },
    },
    lng: 'en',
    defaultNS: 'web',
    interpolation: { escapeValue: false },
  });
  t = { en: i18n.getFixedT('en'), ru: i18n.getFixedT('ru'), ko: i18n.getFixedT('ko') };
});

describe('issueText', () => {
  const issue = { file: 'r.csv', row: 5, field: 'site', reason: 'unknown site "MARS"' };

  it('names the row and column in each language, keeping the server reason as it is', () => {
    expect(issueText(t.en, issue)).toBe('Row 5, column site: unknown site "MARS"');
    expect(issueText(t.ru, issue)).toBe('Строка 5, столбец site: unknown site "MARS"');
    expect(issueText(t.ko, issue)).toBe('5행, site 열: unknown site "MARS"');
  });

  it('translates a reason the server gave a code for, with its values', () => {
    const coded = { ...issue, code: 'unknown_site', params: { value: 'MARS' } };
    expect(issueText(t.ru, coded)).toBe('Строка 5, столбец site: неизвестная площадка «MARS»');
    expect(issueText(t.ko, coded)).toBe('5행, site 열: 알 수 없는 장소 "MARS"');
    expect(issueText(t.en, { ...coded, code: 'no_such_code' })).toBe(
      'Row 5, column site: unknown site "MARS"',
    );
  });

  it('says field rather than column for a form', () => {
    expect(issueText(t.en, { field: 'startDate', reason: 'Invalid ISO date' }, 'field')).toBe(
      'Field startDate: Invalid ISO date',
    );
  });

  it('names a form field by the label the person sees', () => {
    expect(
      issueText(t.ru, { field: 'startDate', reason: 'Invalid ISO date' }, 'field', {
        startDate: 'Дата начала',
      }),
    ).toBe('Дата начала: Invalid ISO date');
  });

  it('names the sheet of a workbook first', () => {
    expect(issueText(t.en, { sheet: 'Лист1', row: 2, field: 'id', reason: 'missing id' })).toBe(
      'Sheet “Лист1”, row 2, column id: missing id',
    );
  });

  it('gives the bare reason when the problem has no place', () => {
    expect(issueText(t.ko, { reason: 'the file has a header but no people' })).toBe(
      'the file has a header but no people',
    );
  });

  it('leaves markup and placeholders in a reason as plain text', () => {
    const reason = '"<b>{{row}}</b>" is not a valid id';
    expect(issueText(t.en, { row: 1, field: 'id', reason })).toBe(`Row 1, column id: ${reason}`);
  });
});
