import { describe, expect, it } from 'vitest';
import { SYSTEM_IDS } from '../sizes/index.ts';
import { buildDefaultSizingForm } from './default-sizing-form.ts';
import { questionsOf } from './form-model.ts';
import { DEFAULT_SIZE_FIELDS, sizeAnswersOf, sizeWarnings } from './size-answers.ts';

const keys = (answers: Parameters<typeof sizeWarnings>[0]) =>
  sizeWarnings(answers).map((w) => [w.flag.key, w.fields.sort()]);

describe('size answers of the default sizing form', () => {
  it('names only questions the default form has, and only systems the sizes module knows', () => {
    const names = new Set([...questionsOf(buildDefaultSizingForm().survey)].map((q) => q.question.name));
    for (const [name, field] of Object.entries(DEFAULT_SIZE_FIELDS)) {
      expect(names.has(name), name).toBe(true);
      if ('system' in field) expect(SYSTEM_IDS).toContain(field.system);
    }
  });

  it('reads labels as labels and numbers as measurements, skipping empty and unreadable numbers', () => {
    const { answers } = sizeAnswersOf({
      hat_size_us: '7.125',
      height: '176',
      chest: 'abc',
      waist: '',
      foot_length: 265,
      unrelated: '5',
    });
    expect(answers).toEqual([
      { kind: 'label', system: 'hat-us', label: '7.125' },
      { kind: 'measurement', dimension: 'height', value: 176 },
      { kind: 'measurement', dimension: 'footLength', value: 265 },
    ]);
  });

  it('gives no warning for a plausible body', () => {
    expect(keys({ head_girth: '57', chest: '96', height: '176', waist: '82', foot_length: '265' })).toEqual(
      [],
    );
  });

  it('warns of a foot length out of proportion to the height, naming both questions', () => {
    expect(keys({ height: '190', foot_length: '230' })).toEqual([
      ['flag.footHeightRatio', ['foot_length', 'height']],
    ]);
  });

  it('warns when a known size contradicts a measurement of the same body', () => {
    const warnings = sizeWarnings({ shoe_size_eu: '46', foot_length: '240', height: '170' });
    expect(warnings.map((w) => w.flag.key)).toContain('flag.labelContradicts');
    expect(warnings.find((w) => w.flag.key === 'flag.labelContradicts')!.fields.sort()).toEqual([
      'foot_length',
      'shoe_size_eu',
    ]);
  });

  it('reports a label the sizes module cannot read as a warning about that question', () => {
    expect(keys({ uniform_size_rok: '100X170' })).toEqual([['flag.unreadableLabel', ['uniform_size_rok']]]);
  });
});
