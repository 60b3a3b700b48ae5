import { describe, expect, it } from 'vitest';
import { displayName } from './display-name.ts';

describe('displayName', () => {
  it('shows a Russian reader the Hangul with Kontsevich Cyrillic', () => {
    expect(displayName({ name: '김철수' }, 'ru')).toMatchObject({
      own: '김철수',
      viewer: 'Ким Чхольсу',
      source: 'kontsevich',
      text: '김철수 (Ким Чхольсу)',
    });
  });

  it('shows an English reader the Hangul with Revised Romanization', () => {
    expect(displayName({ name: '박정희' }, 'en')).toMatchObject({ viewer: 'Park Jeonghui', source: 'rr' });
  });

  it('shows a Korean reader the Hangul alone', () => {
    expect(displayName({ name: '김철수', nameLatin: 'Kim Chul-soo' }, 'ko')).toMatchObject({
      viewer: null,
      text: '김철수',
    });
  });

  it('lets the roster spellings win over the schemes', () => {
    const person = { name: '최철수', nameCyrillic: 'Цой Чер Су', nameLatin: 'Choi Chul-soo' };
    expect(displayName(person, 'ru')).toMatchObject({ viewer: 'Цой Чер Су', source: 'roster' });
    expect(displayName(person, 'en')).toMatchObject({ viewer: 'Choi Chul-soo', source: 'roster' });
  });

  it('ignores an empty roster spelling', () => {
    expect(displayName({ name: '김철수', nameCyrillic: '  ', nameLatin: null }, 'ru').source).toBe(
      'kontsevich',
    );
  });

  it('shows a name already in the viewer’s script once', () => {
    expect(displayName({ name: 'Иван Петров' }, 'ru')).toMatchObject({ viewer: null, text: 'Иван Петров' });
    expect(displayName({ name: 'John Smith' }, 'en')).toMatchObject({ viewer: null, text: 'John Smith' });
  });

  it('uses the roster spelling for a non-Korean name in another script, and says when there is none', () => {
    expect(displayName({ name: 'John Smith', nameCyrillic: 'Джон Смит' }, 'ru').text).toBe(
      'John Smith (Джон Смит)',
    );
    const bare = displayName({ name: 'John Smith' }, 'ru');
    expect(bare).toMatchObject({
      viewer: null,
      text: 'John Smith',
      notice: { code: 'no-scheme', script: 'latin' },
    });
  });
});
