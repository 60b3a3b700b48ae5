import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from '../../../src/domain/forms/default-sizing-form.ts';
import { answerIssues, effectiveAnswers, visibleScreens } from './form-session.ts';
import { describePlan, planOptions } from './plan-options.ts';

const form = buildDefaultSizingForm();
const names = (answers: Record<string, string>) => visibleScreens(form, answers).map((s) => s.question.name);

describe('a form session', () => {
  it('opens the path an answer leads to, and closes it again when the answer changes', () => {
    expect(names({})).toEqual(['intro', 'head_known', 'uniform_known', 'shoe_known']);
    expect(names({ head_known: 'no' })).toEqual([
      'intro',
      'head_known',
      'head_girth',
      'uniform_known',
      'shoe_known',
    ]);
    expect(names({ head_known: 'yes', head_system: 'hat-us', head_girth: '57' })).toContain('hat_size_us');
    expect(names({ head_known: 'yes', head_system: 'hat-us', head_girth: '57' })).not.toContain('head_girth');
    const visible = visibleScreens(form, { head_known: 'no' }).find((s) => s.question.name === 'head_girth')!;
    expect(visible.groups.map((g) => g.name)).toEqual(['headwear']);
  });

  it('submits only answers that apply, trimmed, without blanks', () => {
    expect(
      effectiveAnswers(form, {
        head_known: 'no',
        head_girth: ' 57 ',
        hat_size_cm: '58',
        uniform_known: '',
        intro: 'x',
      }),
    ).toEqual({ head_known: 'no', head_girth: '57' });
  });

  it('checks the answers with the form’s messages in the language asked for', () => {
    const issues = answerIssues(
      form,
      { head_known: 'no', head_girth: '70', uniform_known: 'no', shoe_known: 'no' },
      'ko',
    );
    expect(issues.map((i) => [i.field, i.reason])).toEqual([
      ['head_girth', 'answer.constraint'],
      ['chest', 'answer.required'],
      ['height', 'answer.required'],
      ['waist', 'answer.required'],
      ['foot_length', 'answer.required'],
    ]);
    expect(issues[0]!.message).toBe('머리둘레는 48~66cm 사이여야 합니다. 측정값을 확인해 주십시오.');
  });
});

describe('plan options', () => {
  it('offers each language, each language with choices in another, and each pair side by side', () => {
    const plans = planOptions(form.languages).map((o) => o.plan);
    expect(plans).toEqual([
      'ru',
      'ko',
      'en',
      'ru,choices=ko',
      'ru,choices=en',
      'ko,choices=ru',
      'ko,choices=en',
      'en,choices=ru',
      'en,choices=ko',
      'ru+ko',
      'ru+en',
      'ko+en',
    ]);
  });

  it('keeps a plan typed by hand as an option, described by its languages, and drops an invalid one', () => {
    expect(planOptions(form.languages, 'questions=ko+ru,choices=ko').at(-1)).toEqual({
      plan: 'questions=ko+ru,choices=ko',
      main: ['ko', 'ru'],
      choices: ['ko'],
    });
    expect(planOptions(form.languages, 'questions=').length).toBe(12);
    expect(describePlan('ru')).toEqual({ plan: 'ru', main: ['ru'] });
  });
});
