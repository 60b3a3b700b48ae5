import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The web namespace in each language: every string there, with the same placeholders, and really translated.
type Tree = { [key: string]: string | Tree };
const load = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../src/i18n/locales/${lang}/web.json`, import.meta.url), 'utf8'),
  ) as Tree;
const en = load('en');
const ru = load('ru');
const ko = load('ko');

/** Flattens to `a.b.c → text`, with plural suffixes folded into the base key (languages have different plural forms). */
function flatten(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      out.set(base, [...(out.get(base) ?? []), v]);
    } else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the web translations', () => {
  const flat = { en: flatten(en), ru: flatten(ru), ko: flatten(ko) };

  it.each(['ru', 'ko'] as const)('%s has exactly the English keys', (lang) => {
    expect([...flat[lang].keys()].sort()).toEqual([...flat.en.keys()].sort());
  });

  it.each(['ru', 'ko'] as const)('%s uses the same placeholders in every string', (lang) => {
    for (const [key, texts] of flat.en) {
      const want = [...new Set(texts.flatMap(placeholders))].sort();
      for (const text of flat[lang].get(key) ?? [])
        expect({ key, got: placeholders(text) }).toEqual({ key, got: want });
    }
  });

  it('has Russian plural forms one, few, many and other, and Korean the single form other', () => {
    const plurals = (tree: Tree, key: string) =>
      Object.keys((tree.import as Tree) ?? {})
        .filter((k) => k.startsWith(`${key}_`))
        .sort();
    expect(plurals(ru, 'imported')).toEqual([
      'imported_few',
      'imported_many',
      'imported_one',
      'imported_other',
    ]);
    expect(plurals(ko, 'imported')).toEqual(['imported_other']);
  });

  it('is translated: Russian strings are Cyrillic and Korean strings Hangul, apart from names and codes', () => {
    const untranslated = (texts: Map<string, string[]>, script: RegExp) =>
      [...texts]
        .filter(([key]) => !key.startsWith('language.names') && key !== 'app.name' && key !== 'issue.line')
        .filter(([key]) => key !== 'issue.separator' && key !== 'pager.range')
        .filter(([, values]) => values.some((v) => !script.test(v)))
        .map(([key]) => key);
    expect(untranslated(flat.ru, /\p{Script=Cyrillic}/u)).toEqual([]);
    expect(untranslated(flat.ko, /\p{Script=Hangul}/u)).toEqual([]);
  });

  it('leaves no string empty', () => {
    for (const lang of ['en', 'ru', 'ko'] as const) {
      for (const [key, texts] of flat[lang])
        for (const t of texts) expect({ lang, key, t: t.trim().length > 0 }).toEqual({ lang, key, t: true });
    }
  });
});
