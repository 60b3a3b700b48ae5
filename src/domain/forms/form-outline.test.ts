import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from './default-sizing-form.ts';
import { formOutline } from './form-outline.ts';
import { DEFAULT_PLAN, parseLanguagePlan } from './language-plan.ts';

const t = (key: string, params?: Record<string, string | number>) =>
  `${key}${params ? JSON.stringify(params) : ''}`;

describe('formOutline', () => {
  const form = buildDefaultSizingForm();

  it('starts with the id, version and title, then the languages with the default marked', () => {
    const lines = formOutline(form, DEFAULT_PLAN, t).split('\n');
    expect(lines[0]).toBe('kitout-sizing v1 — Анкета размеров обмундирования');
    expect(lines[1]).toBe('cli.languages: ru (Russian, cli.default), ko (Korean), en (English)');
  });

  it('shows each class of text in the languages the plan gives it', () => {
    const plan = parseLanguagePlan('title=en,questions=ko,choices=ko+en');
    if (!plan.ok) throw new Error('plan');
    const outline = formOutline(form, plan.value, t);
    expect(outline).toContain('kitout-sizing v1 — Kit sizing questionnaire');
    expect(outline).toContain('    decimal height (cli.required): 키 (cm)');
    expect(outline).toContain('  group uniform: Форменная одежда');
    expect(outline).toContain(
      '  know_size: yes=내 치수를 알고 있음 / I know my size, no=측정해 주세요 / Measure me',
    );
    expect(outline.split('\n').at(-1)).toBe('cli.summary{"groups":3,"questions":23,"lists":7}');
  });
});
