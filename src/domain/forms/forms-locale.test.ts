import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../i18n/locales/', import.meta.url);
const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`${lang}/forms.json`, root), 'utf8')) as Record<string, unknown>;

function flatten(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v, `${prefix + k}.`));
  }
  return out;
}

const sourceKeys = () => {
  const keys = new Set<string>();
  const dirs = ['./', './import/', '../../adapters/xlsx/'].map((d) => new URL(d, import.meta.url));
  for (const dir of dirs) {
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const m of text.matchAll(/'((?:import|expr|answer|plan|cli)\.[A-Za-z0-9]+)'/g)) keys.add(m[1]!);
    }
  }
  for (const m of readFileSync(new URL('../../cli/commands/form.ts', import.meta.url), 'utf8').matchAll(
    /'(cli\.[A-Za-z0-9]+)'/g,
  )) {
    keys.add(m[1]!);
  }
  return keys;
};

describe('forms locale files', () => {
  const en = flatten(load('en'));

  it('have the same keys in English, Russian and Korean', () => {
    for (const lang of ['ru', 'ko'])
      expect(Object.keys(flatten(load(lang))).sort()).toEqual(Object.keys(en).sort());
  });

  it('have a message for every key the forms code produces', () => {
    const keys = sourceKeys();
    expect(keys.size).toBeGreaterThan(100);
    expect(keys.has('cli.written')).toBe(true);
    const missing = [...keys].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it('use the same placeholders in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const lang of ['ru', 'ko']) {
      const other = flatten(load(lang));
      for (const [key, text] of Object.entries(en))
        expect(placeholders(other[key]!), `${lang} ${key}`).toEqual(placeholders(text));
    }
  });
});
