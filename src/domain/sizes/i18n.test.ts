import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/sizes.json' with { type: 'json' };
import ko from '../../i18n/locales/ko/sizes.json' with { type: 'json' };
import ru from '../../i18n/locales/ru/sizes.json' with { type: 'json' };
import { message, renderNote } from './i18n.ts';
import { note } from './note.ts';
import { systemsFor } from './registry.ts';

type Tree = { [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}
const PARAM_RE = /\{\{\s*(\w+)\s*\}\}/g;
const paramsOf = (s: string) => [...s.matchAll(PARAM_RE)].map((m) => m[1]).sort();

describe('sizes i18n', () => {
  it('has the same keys in English, Russian and Korean', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });

  it('uses the same parameters in every language', () => {
    for (const k of keys(en)) {
      expect(paramsOf(message('ru', k)!), k).toEqual(paramsOf(message('en', k)!));
      expect(paramsOf(message('ko', k)!), k).toEqual(paramsOf(message('en', k)!));
    }
  });

  it('has a message for every note and flag key the code uses, and every system rule and name', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const files = [
      ...readdirSync(here),
      ...readdirSync(join(here, 'systems')).map((f) => `systems/${f}`),
    ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const used = files.flatMap((f) =>
      [...readFileSync(join(here, f), 'utf8').matchAll(/\b(?:note|flag)\('([a-zA-Z.]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(20);
    for (const s of systemsFor().values()) used.push(s.rule.key, `system.${s.id}`);
    for (const key of used) expect(message('en', key), key).toBeTypeOf('string');
  });

  it('renders nested dimension and rule names', () => {
    const n = note('note.spans', {
      dim: 'footLength',
      min: 261.67,
      max: 268.33,
      unit: 'mm',
      candidates: '42 (60%)',
      pick: '42',
    });
    expect(renderNote(n)).toBe('foot length 261.67–268.33 mm spans 42 (60%); the largest share wins: 42');
    expect(renderNote(n, 'ru')).toContain('длина стопы');
    expect(renderNote(n, 'ko')).toContain('발 길이');
  });

  it('renders exactly as i18next does with the same JSON, so the UI shows the same words', async () => {
    const i = i18next.createInstance();
    await i.init({
      resources: { en: { sizes: en }, ru: { sizes: ru }, ko: { sizes: ko } },
      lng: 'en',
      ns: ['sizes'],
      defaultNS: 'sizes',
      interpolation: { escapeValue: false },
    });
    const samples = [
      note('rule.eu-shoe', { allowance: 15, step: 1, rounding: 'nearest', tie: 'larger' }),
      note('note.boundaryTie', {
        dim: 'height',
        value: 161,
        unit: 'cm',
        a: '1',
        b: '2',
        tie: 'larger',
        pick: '2',
      }),
      note('flag.implausible', { dim: 'headGirth', value: '70', unit: 'cm', min: 48, max: 66 }),
    ];
    for (const lang of ['en', 'ru', 'ko'] as const) {
      for (const n of samples) expect(renderNote(n, lang)).toBe(i.getFixedT(lang, 'sizes')(n.key, n.params));
    }
  });
});
