import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from './default-sizing-form.ts';
import { formToSheets } from './form-export.ts';
import { importForm } from './form-import.ts';
import { applyTranslations, translationRows } from './translation-table.ts';

const form = buildDefaultSizingForm();

describe('translationRows', () => {
  it('lists the title, every label, hint, constraint message and choice label once, title first', () => {
    const rows = translationRows(form);
    expect(rows[0]).toMatchObject({ key: 'title', part: 'title' });
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    const height = rows.filter((r) => r.element === 'height').map((r) => r.part);
    expect(height).toEqual(['label', 'hint', 'constraintMessage']);
    expect(rows.find((r) => r.key === 'choice know_size no')!.texts).toEqual({
      ru: 'Измерить меня',
      ko: '측정해 주세요',
      en: 'Measure me',
    });
    expect(rows.find((r) => r.key === 'label headwear')).toMatchObject({ elementKind: 'group' });
  });
});

describe('applyTranslations', () => {
  it('changes a cell, adds a language column, and gives what importing its own export gives', () => {
    const result = applyTranslations(form, {
      edits: [
        { key: 'label height', language: 'zh', text: ' 身高 (cm) ' },
        { key: 'choice know_size no', language: 'Korean', text: '재 주세요' },
        { key: 'hint height', language: 'en', text: '' },
      ],
      addLanguages: [{ code: 'ZH', name: 'Chinese' }],
      version: '2',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const next = result.value;
    expect(next.settings.version).toBe('2');
    expect(next.languages.map((l) => l.key)).toEqual(['ru', 'ko', 'en', 'zh']);
    const rows = translationRows(next);
    expect(rows.find((r) => r.key === 'label height')!.texts).toEqual({
      ru: 'Рост, см',
      ko: '키 (cm)',
      en: 'Height (cm)',
      zh: '身高 (cm)',
    });
    expect(rows.find((r) => r.key === 'choice know_size no')!.texts.ko).toBe('재 주세요');
    expect(rows.find((r) => r.key === 'hint height')!.texts.en).toBeUndefined();
    const reread = importForm(formToSheets(next).sheets);
    expect(reread.ok && reread.value).toEqual(next);
    // The original is left as it was.
    expect(form.languages).toHaveLength(3);
  });

  it('adds a constraint message where a constraint had none, and drops a hint emptied in every language', () => {
    const result = applyTranslations(form, {
      edits: ['ru', 'ko', 'en'].map((language) => ({ key: 'hint chest', language, text: '' })),
      version: '3',
    });
    if (!result.ok) throw new Error('refused');
    const chest = translationRows(result.value).filter((r) => r.element === 'chest');
    expect(chest.map((r) => r.part)).toEqual(['label', 'constraintMessage']);
  });

  it('refuses unknown rows, unknown languages, bad codes and names, and clashing languages — every one', () => {
    const result = applyTranslations(form, {
      edits: [
        { key: 'label nowhere', language: 'ru', text: 'x' },
        { key: 'label height', language: 'fr', text: 'Taille' },
        { key: 'label height', language: 'ru', text: 'x'.repeat(4001) },
      ],
      addLanguages: [
        { code: 'french', name: 'French' },
        { code: 'fr', name: 'French (France)' },
        { code: 'ko', name: 'Korean again' },
        { code: 'de', name: '' },
      ],
      version: '2',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.key, e.where])).toEqual([
      ['translate.badCode', 'languages[0]'],
      ['translate.badName', 'languages[1]'],
      ['translate.languageExists', 'languages[2]'],
      ['translate.badName', 'languages[3]'],
      ['translate.unknownRow', 'label nowhere'],
      ['translate.unknownLanguage', 'label height'],
      ['translate.tooLong', 'label height'],
    ]);
  });

  it('refuses to leave a question without a label, in the importer’s words', () => {
    const result = applyTranslations(form, {
      edits: ['ru', 'ko', 'en'].map((language) => ({ key: 'label height', language, text: ' ' })),
      version: '2',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.key)).toContain('import.missingLabel');
  });
});
