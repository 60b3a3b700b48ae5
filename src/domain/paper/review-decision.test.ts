import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from '../forms/default-sizing-form.ts';
import { checkDecision, fieldPrompt, reasonForIssue, submissionAnswers } from './review-decision.ts';

const form = buildDefaultSizingForm();

describe('review decisions', () => {
  it('labels a field and its choices in the reader’s language', () => {
    const ru = fieldPrompt(form, 'head_known', 'ru');
    const ko = fieldPrompt(form, 'head_known', 'ko');
    expect(ru.type).toBe('select_one');
    expect(ru.choices.map((c) => c.value)).toEqual(['yes', 'no']);
    expect(ru.label).toMatch(/[а-я]/);
    expect(ko.choices[0]!.label).toMatch(/[가-힣]/);
    expect(fieldPrompt(form, 'no_such_field', 'en')).toMatchObject({
      label: 'no_such_field',
      type: 'unknown',
    });
  });

  it('refuses a value outside the choices or the constraint, and takes a good one', () => {
    expect(checkDecision(form, 'head_known', 'maybe', {}, false)[0]?.reason).toBe('answer.unknownChoice');
    const others = { head_known: 'no' };
    expect(checkDecision(form, 'head_girth', '12', others, false)[0]?.reason).toBe('answer.constraint');
    expect(checkDecision(form, 'head_girth', 'abc', others, false)[0]?.reason).toBe('answer.notDecimal');
    expect(checkDecision(form, 'head_girth', '57.5', others, false)).toEqual([]);
  });

  it('judges "required" and "does not apply" only once the rest of the person is settled', () => {
    // head_girth applies only when head_known is 'no'.
    expect(checkDecision(form, 'head_girth', '57', { head_known: 'yes' }, false)).toEqual([]);
    expect(checkDecision(form, 'head_girth', '57', { head_known: 'yes' }, true)[0]?.reason).toBe(
      'answer.notRelevant',
    );
    expect(checkDecision(form, 'head_known', '', {}, false)).toEqual([]);
    expect(checkDecision(form, 'head_known', '', {}, true)[0]?.reason).toBe('answer.required');
  });

  it('gives submissions numbers as numbers and leaves blanks out', () => {
    expect(
      submissionAnswers(form, { head_known: 'no', head_girth: '57.0', uniform_size_ru: '48-4', chest: ' ' }),
    ).toEqual({ head_known: 'no', head_girth: 57, uniform_size_ru: '48-4' });
  });

  it('files whole-form problems under the review reasons the queue knows', () => {
    expect(reasonForIssue({ field: 'x', reason: 'answer.required', params: {} })).toBe('blank-required');
    expect(reasonForIssue({ field: 'x', reason: 'answer.notRelevant', params: {} })).toBe('not-applicable');
    expect(reasonForIssue({ field: 'x', reason: 'answer.constraint', params: {} })).toBe('constraint');
  });
});
