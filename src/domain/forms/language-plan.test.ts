import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from './default-sizing-form.ts';
import { missingPlanLanguages, parseLanguagePlan, resolveText } from './language-plan.ts';

function plan(text: string) {
  const result = parseLanguagePlan(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function planErrors(text: string) {
  const result = parseLanguagePlan(text);
  if (result.ok) throw new Error(`${text} should be refused`);
  return result.errors.map((e) => e.key);
}

describe('parseLanguagePlan', () => {
  it('reads one language per class and leaves the others to the form default', () => {
    expect(plan('questions=ru,choices=ko')).toEqual({
      title: [],
      groups: [],
      questions: ['ru'],
      hints: [],
      choices: ['ko'],
    });
  });

  it('reads several languages for a class, in order, without repeats', () => {
    expect(plan('choices=ko+ru+ko').choices).toEqual(['ko', 'ru']);
  });

  it('lets a bare language or all= set every class not named', () => {
    expect(plan('ru, choices = ko+en')).toEqual({
      title: ['ru'],
      groups: ['ru'],
      questions: ['ru'],
      hints: ['ru'],
      choices: ['ko', 'en'],
    });
    expect(plan('all=en').hints).toEqual(['en']);
    expect(plan('QUESTIONS=RU').questions).toEqual(['ru']);
  });

  it('reports every mistake with a clear key', () => {
    expect(planErrors('')).toEqual(['plan.empty']);
    expect(planErrors('question=ru,titles=ko')).toEqual(['plan.unknownClass', 'plan.unknownClass']);
    expect(planErrors('choices=ko,choices=ru')).toEqual(['plan.duplicateClass']);
    expect(planErrors('choices=')).toEqual(['plan.noLanguages']);
    expect(planErrors('choices=k o')).toEqual(['plan.badLanguage']);
    expect(planErrors('choices=ko,,title=ru')).toEqual(['plan.emptyEntry']);
    expect(planErrors('ru,en')).toEqual(['plan.duplicateClass']);
    expect(planErrors('x'.repeat(1000))).toEqual(['plan.tooLong']);
  });
});

describe('resolveText', () => {
  const form = buildDefaultSizingForm();
  const label = { ru: 'Рост', ko: '키', en: 'Height' };

  it('shows the planned language, several in the plan order', () => {
    expect(resolveText(label, ['ko'], form)).toEqual([{ language: 'ko', text: '키', fallback: false }]);
    expect(resolveText(label, ['ko', 'ru'], form).map((s) => s.text)).toEqual(['키', 'Рост']);
  });

  it('matches plan languages by code, key or name in any case', () => {
    expect(resolveText(label, ['Korean'], form)[0]!.text).toBe('키');
    expect(resolveText(label, ['EN'], form)[0]!.text).toBe('Height');
  });

  it('falls back to the form default, then to any language, and says so', () => {
    expect(resolveText({ ru: 'Рост', en: 'Height' }, ['ko'], form)).toEqual([
      { language: 'ru', text: 'Рост', fallback: true },
    ]);
    expect(resolveText({ en: 'Height' }, ['fr'], form)).toEqual([
      { language: 'en', text: 'Height', fallback: true },
    ]);
    expect(resolveText(label, [], form)).toEqual([{ language: 'ru', text: 'Рост', fallback: false }]);
  });

  it('never shows the same text twice when two planned languages fall back to one', () => {
    expect(resolveText({ ru: 'Рост' }, ['ko', 'en'], form)).toEqual([
      { language: 'ru', text: 'Рост', fallback: true },
    ]);
  });

  it('shows nothing for an element without text', () => {
    expect(resolveText(undefined, ['ru'], form)).toEqual([]);
    expect(resolveText({}, ['ru'], form)).toEqual([]);
  });

  it('lists plan languages the form lacks', () => {
    expect(missingPlanLanguages(plan('questions=ru,choices=fr+ko'), form.languages)).toEqual([
      { class: 'choices', language: 'fr' },
    ]);
  });
});
