// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { describe, expect, it } from 'vitest';
import { type Answers, relevanceOf, validateAnswers } from './answer-validation.ts';
import { buildDefaultSizingForm } from './default-sizing-form.ts';
import { importForm } from './form-import.ts';
import { sheet } from './test-sheets.ts';

const form = buildDefaultSizingForm();

/** A complete submission: hat and shoes by known size, uniform measured. */
const complete: Answers = {
  head_known: 'yes',
  head_system: 'hat-us',
  hat_size_us: '7.125',
  uniform_known: 'no',
  chest: '96',
  height: '176',
  waist: 82.5,
  shoe_known: 'yes',
  shoe_system: 'kr-shoe',
  shoe_size_kr: '265',
};

const issues = (answers: Answers, language?: string) =>
  validateAnswers(form, answers, { language }).map((i) =>
    [i.field, i.reason, i.message].filter((x) => x !== undefined),
  );

describe('validateAnswers', () => {
  it('accepts a complete submission', () => {
    expect(validateAnswers(form, complete)).toEqual([]);
  });

  it('requires the questions that apply, and only those', () => {
    expect(issues({ ...complete, height: '' })).toEqual([['height', 'answer.required']]);
    expect(issues({ ...complete, hat_size_us: undefined })).toEqual([['hat_size_us', 'answer.required']]);
    expect(
      issues({
        head_known: 'no',
        head_girth: '57',
        uniform_known: 'yes',
        uniform_system: 'kr-top',
        uniform_size_kr: '95',
        shoe_known: 'no',
        foot_length: '270',
      }),
    ).toEqual([]);
  });

  it('checks plausibility with the message in the language asked for, falling back to the default', () => {
    expect(issues({ ...complete, height: '230' }, 'en')).toEqual([
      ['height', 'answer.constraint', 'Height must be between 140 and 210 cm.'],
    ]);
    expect(issues({ ...complete, height: '120' }, 'ko')).toEqual([
      ['height', 'answer.constraint', '키는 140~210cm 사이여야 합니다.'],
    ]);
    expect(issues({ ...complete, height: '120' })).toEqual([
      ['height', 'answer.constraint', 'Рост должен быть от 140 до 210 см.'],
    ]);
    expect(issues({ ...complete, height: '120' }, 'fr')[0]![2]).toBe('Рост должен быть от 140 до 210 см.');
  });

  it('checks the limits of head girth and foot length at and beyond their edges', () => {
    const measured: Answers = {
      head_known: 'no',
      uniform_known: 'no',
      chest: '96',
      height: '176',
      waist: '80',
      shoe_known: 'no',
    };
    expect(issues({ ...measured, head_girth: '48', foot_length: '330' })).toEqual([]);
    expect(issues({ ...measured, head_girth: '47.9', foot_length: '331' }).map((i) => i[0])).toEqual([
      'head_girth',
      'foot_length',
    ]);
  });

  it('checks types: whole numbers, decimals, choices', () => {
    expect(issues({ ...complete, shoe_size_kr: '26.5' })).toEqual([['shoe_size_kr', 'answer.notInteger']]);
    expect(issues({ ...complete, chest: '96,5' })).toEqual([['chest', 'answer.notDecimal']]);
    expect(issues({ ...complete, hat_size_us: '7 1/8' })).toEqual([
      ['hat_size_us', 'answer.singleChoiceOnly'],
    ]);
    expect(issues({ ...complete, hat_size_us: '9' })).toEqual([['hat_size_us', 'answer.unknownChoice']]);
  });

  it('checks size labels against their system patterns and steps', () => {
    const ru: Answers = {
      ...complete,
      uniform_known: 'yes',
      uniform_system: 'ru-garment',
      chest: undefined,
      height: undefined,
      waist: undefined,
    };
    expect(issues({ ...ru, uniform_size_ru: '48-4' })).toEqual([]);
    expect(issues({ ...ru, uniform_size_ru: '49-4' }).map((i) => i[1])).toEqual(['answer.constraint']);
    expect(issues({ ...complete, shoe_size_kr: '263' }).map((i) => i[1])).toEqual(['answer.constraint']);
  });

  it('flags answers to questions that do not apply and names the form does not have', () => {
    expect(issues({ ...complete, head_girth: '57', nickname: 'x' })).toEqual([
      ['nickname', 'answer.unknownField'],
      ['head_girth', 'answer.notRelevant'],
    ]);
  });

  it('treats an answer to a question that does not apply as empty for other conditions', () => {
    const chain = importForm([
      sheet(
        'survey',
        ['type', 'name', 'label', 'relevant', 'required'],
        ['integer', 'a', 'A', '', ''],
        ['integer', 'b', 'B', '${a} > 1', ''],
        ['text', 'c', 'C', '${b} > 1', 'yes'],
      ),
      sheet('settings', ['form_id'], ['chain']),
    ]);
    if (!chain.ok) throw new Error('fixture');
    expect(validateAnswers(chain.value, { a: '0', b: '5' }).map((i) => [i.field, i.reason])).toEqual([
      ['b', 'answer.notRelevant'],
    ]);
    expect(validateAnswers(chain.value, { a: '2', b: '5' }).map((i) => [i.field, i.reason])).toEqual([
      ['c', 'answer.required'],
    ]);
  });

  it('reads a multiple choice given as an array or as names separated by spaces', () => {
    const multi = importForm([
      sheet(
        'survey',
        ['type', 'name', 'label', 'constraint'],
        ['select_multiple c', 'm', 'M', "not(selected(., 'a') and selected(., 'b'))"],
      ),
      sheet('choices', ['list_name', 'name', 'label'], ['c', 'a', 'A'], ['c', 'b', 'B'], ['c', 'x', 'X']),
      sheet('settings', ['form_id'], ['multi']),
    ]);
    if (!multi.ok) throw new Error('fixture');
    expect(validateAnswers(multi.value, { m: ['a', 'x'] })).toEqual([]);
    expect(validateAnswers(multi.value, { m: 'a b' }).map((i) => i.reason)).toEqual(['answer.constraint']);
    expect(validateAnswers(multi.value, { m: 'a a' }).map((i) => i.reason)).toEqual([
      'answer.duplicateChoice',
    ]);
    expect(validateAnswers(multi.value, { m: ['zz'] }).map((i) => i.reason)).toEqual([
      'answer.unknownChoice',
    ]);
  });
});

describe('relevanceOf', () => {
  it('shows the questions of the chosen path, and follows a changed answer', () => {
    const shown = (answers: Answers) =>
      [...relevanceOf(form, answers)].filter(([, r]) => r).map(([name]) => name);
    const start = shown({});
    expect(start).toEqual(['intro', 'head_known', 'uniform_known', 'shoe_known']);
    expect(shown({ head_known: 'no' })).toContain('head_girth');
    expect(shown({ head_known: 'yes', head_system: 'hat-us' })).toEqual(
      expect.arrayContaining(['head_system', 'hat_size_us']),
    );
    // An answer left on a path no longer chosen does not make its followers apply.
    expect(shown({ head_known: 'no', head_system: 'hat-us' })).not.toContain('hat_size_us');
  });
});
