import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REVIEW_REASONS } from './field-reading.ts';

const load = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../i18n/locales/${lang}/paper.json`, import.meta.url), 'utf8'),
  ) as Record<string, Record<string, string>>;
const keys = (o: Record<string, Record<string, string>>) =>
  Object.entries(o)
    .flatMap(([section, entries]) => Object.keys(entries).map((k) => `${section}.${k}`))
    .sort();

describe('paper locale files', () => {
  const en = load('en');

  it('have the same keys in English, Russian and Korean, none empty', () => {
    for (const lang of ['ru', 'ko']) {
      const other = load(lang);
      expect(keys(other)).toEqual(keys(en));
      for (const section of Object.values(other))
        for (const text of Object.values(section)) expect(text.trim()).not.toBe('');
    }
  });

  it('name every review reason and every way a page can fail', () => {
    for (const reason of REVIEW_REASONS) expect(en.review![reason]).toBeDefined();
    for (const code of [
      'unreadable',
      'noQr',
      'badQr',
      'otherForm',
      'unknownPage',
      'noCorners',
      'pdfTool',
      'internal',
    ])
      expect(en.failed![code]).toBeDefined();
  });

  it('keep the same placeholders in every language', () => {
    const holes = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const lang of ['ru', 'ko']) {
      const other = load(lang);
      for (const [section, entries] of Object.entries(en))
        for (const [key, text] of Object.entries(entries))
          expect(holes(other[section]![key]!), `${lang} ${section}.${key}`).toEqual(holes(text));
    }
  });
});
