import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formattersFor } from '../../hooks/use-format.ts';
import { localiseParams, noteText } from './note-text.ts';

const load = (lang: string, ns: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../src/i18n/locales/${lang}/${ns}.json`, import.meta.url), 'utf8'),
  );

async function translator() {
  const i = i18next.createInstance();
  const resources = Object.fromEntries(
    ['en', 'ru', 'ko'].map((l) => [l, { web: load(l, 'web'), sizes: load(l, 'sizes') }]),
  );
  // As the app sets it up: `web` is the default namespace, so the sizes notes must name theirs.
  await i.init({
    resources,
    lng: 'en',
    ns: ['web', 'sizes'],
    defaultNS: 'web',
    interpolation: { escapeValue: false },
  });
  return i;
}

describe('localiseParams', () => {
  it('writes numbers the reader’s way and leaves labels alone', () => {
    const ru = formattersFor('ru');
    expect(
      localiseParams(
        { value: '96.5', min: 94.25, max: 98, label: '8.5', score: '63%', candidates: '95 (88%)' },
        ru,
      ),
    ).toEqual({
      value: '96,5',
      min: '94,25',
      max: '98',
      label: '8.5',
      score: '63\u00a0%',
      candidates: '95 (88%)',
    });
    expect(localiseParams({ value: '94.5–98.5' }, formattersFor('en'))).toEqual({ value: '94.5–98.5' });
    expect(localiseParams({ value: '94.5–98.5' }, ru)).toEqual({ value: '94,5–98,5' });
  });
});

describe('noteText', () => {
  it('renders a reason with its nested dimension name in each language', async () => {
    const i = await translator();
    const note = {
      key: 'reason.dimInside',
      params: { dim: 'chest', value: '96.5', unit: 'cm', min: 94, max: 98 },
    };
    expect(noteText(i.getFixedT('en'), note, formattersFor('en'))).toBe('chest 96.5 cm is within 94–98');
    expect(noteText(i.getFixedT('ru'), note, formattersFor('ru'))).toBe(
      'обхват груди 96,5 см в пределах 94–98',
    );
    expect(noteText(i.getFixedT('ko'), note, formattersFor('ko'))).toContain('가슴둘레 96.5 cm');
  });
});
