import { describe, expect, it } from 'vitest';
import { loadResources } from './resources.ts';

/** Every key of every namespace, flattened: `a.b.c`. */
function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

// `count` drives plural forms: a language may spell it out in one form where another does not.
const placeholders = (text: unknown) =>
  [...String(text).matchAll(/\{\{\s*(\w+)/g)]
    .map((m) => m[1])
    .filter((p) => p !== 'count')
    .sort();

function valueAt(obj: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

describe('translations', () => {
  const resources = loadResources();
  const namespaces = Object.keys(resources.en ?? {});

  it('has namespaces', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['reasons', 'web', 'sizes']));
  });

  for (const ns of namespaces) {
    it(`namespace ${ns}: the same keys in en, ru and ko, with the same placeholders`, () => {
      const en = resources.en![ns]!;
      // Russian plural forms add _few/_many where English has _one/_other; compare the stems.
      const stem = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
      const enKeys = [...new Set(keys(en).map(stem))].sort();
      for (const lang of ['ru', 'ko'] as const) {
        const other = resources[lang]?.[ns];
        expect(other, `${lang}/${ns}.json exists`).toBeDefined();
        expect([...new Set(keys(other!).map(stem))].sort(), `${lang}/${ns}.json keys`).toEqual(enKeys);
        for (const k of keys(en)) {
          const translated =
            valueAt(other!, k) ?? valueAt(other!, `${stem(k)}_other`) ?? valueAt(other!, `${stem(k)}_many`);
          if (translated === undefined) continue;
          expect(placeholders(translated), `${lang}/${ns}:${k}`).toEqual(placeholders(valueAt(en, k)));
        }
      }
    });
  }
});
