import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from '../forms/default-sizing-form.ts';
import type { FieldReading } from './field-reading.ts';
import { applyFormRules } from './form-rules.ts';

const form = buildDefaultSizingForm();
const read = (field: string, answer: string | undefined, review?: FieldReading['review']): FieldReading => ({
  field,
  ...(answer !== undefined ? { answer } : {}),
  ...(review ? { review } : {}),
  confidence: 0.9,
});

describe('applyFormRules', () => {
  it('sends a required question that applies but is blank to review', () => {
    const page = [read('head_known', 'yes'), read('head_system', '')];
    applyFormRules(form, [page]);
    expect(page[1]!.review).toEqual({ reason: 'blank-required' });
  });

  it('leaves blank what does not apply', () => {
    const page = [read('head_known', 'no'), read('head_system', ''), read('head_girth', '57.5')];
    applyFormRules(form, [page]);
    expect(page.every((r) => !r.review)).toBe(true);
  });

  it('sends an answer outside the constraint to review with the read value as suggestion', () => {
    const page = [read('head_known', 'no'), read('head_girth', '97.5')];
    applyFormRules(form, [page]);
    expect(page[1]!.review).toEqual({ reason: 'constraint', suggestion: '97.5' });
    expect(page[1]!.answer).toBeUndefined();
  });

  it('sends an answer to a question that does not apply to review', () => {
    const page = [
      read('head_known', 'yes'),
      read('head_system', 'head-cm'),
      read('hat_size_cm', '57'),
      read('head_girth', '57.5'),
    ];
    applyFormRules(form, [page]);
    expect(page[3]!.review).toEqual({ reason: 'not-applicable', suggestion: '57.5' });
  });

  it('judges a person’s pages together: the answer that decides relevance may be on another page', () => {
    const first = [read('uniform_known', 'no')];
    const second = [read('chest', ''), read('height', '172.5'), read('waist', '80.0')];
    applyFormRules(form, [first, second]);
    expect(second[0]!.review).toEqual({ reason: 'blank-required' });
  });

  it('adds nothing where relevance hangs on a field under review or on a page not read', () => {
    const underReview = [read('head_known', undefined, { reason: 'double-marked' }), read('head_system', '')];
    applyFormRules(form, [underReview]);
    expect(underReview[1]!.review).toBeUndefined();
    const alone = [read('chest', '90.0'), read('height', '')];
    applyFormRules(form, [alone]);
    expect(alone.every((r) => !r.review)).toBe(true);
  });
});
