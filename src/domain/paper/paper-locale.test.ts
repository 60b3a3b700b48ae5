import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REVIEW_REASONS } from './field-reading.ts';

type Tree = { [key: string]: string | Tree };
const load = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../i18n/locales/${lang}/paper.json`, import.meta.url), 'utf8'),
  ) as Record<string, Record<string, string>>;
/** Every leaf as `a.b.c` → text. */
const flat = (tree: Tree, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v] as const] : [...flat(v, `${prefix}${k}.`)],
    ),
  );
/** A plural form's key names its base key: languages have different sets of forms (ru few/many, ko other only). */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const keys = (o: Tree) => [...new Set([...flat(o).keys()].map((k) => k.replace(PLURAL, '')))].sort();
/** The text of a key, or of its `_other` form in a language whose plural forms differ. */
const text = (o: Tree, key: string) => flat(o).get(key) ?? flat(o).get(`${key.replace(PLURAL, '')}_other`);

describe('paper locale files', () => {
  const en = load('en');

  it('have the same keys in English, Russian and Korean, none empty', () => {
    for (const lang of ['ru', 'ko']) {
      const other = load(lang);
      expect(keys(other)).toEqual(keys(en));
      for (const value of flat(other).values()) expect(value.trim()).not.toBe('');
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
      for (const [key, english] of flat(en))
        expect(holes(text(other, key)!), `${lang} ${key}`).toEqual(holes(english));
    }
  });
});
