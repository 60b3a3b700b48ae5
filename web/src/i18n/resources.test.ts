import { describe, expect, it } from 'vitest';
import { resourcesFrom } from './resources.ts';

describe('resourcesFrom', () => {
  it('files each namespace under its language', () => {
    const out = resourcesFrom({
      '../../../src/i18n/locales/en/web.json': { a: 'A' },
      '../../../src/i18n/locales/ko/web.json': { a: '가' },
      '../../../src/i18n/locales/en/sizes.json': { b: 'B' },
    });
    expect(out).toEqual({ en: { web: { a: 'A' }, sizes: { b: 'B' } }, ko: { web: { a: '가' } } });
  });

  it('ignores paths that are not locale files', () => {
    expect(
      resourcesFrom({
        './other/web.json': { a: 1 },
        'locales/en/notes.txt': { a: 1 },
        'locales/web.json': {},
      }),
    ).toEqual({});
  });
});
