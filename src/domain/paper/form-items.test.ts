// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from '../forms/default-sizing-form.ts';
import { parseLanguagePlan } from '../forms/language-plan.ts';
import { type FormItems, formItems, type QuestionItem } from './form-items.ts';
import { testPrinted } from './test-measure.ts';

const form = buildDefaultSizingForm();
const plan = (text: string) => {
  const p = parseLanguagePlan(text);
  if (!p.ok) throw new Error(text);
  return p.value;
};
const items = formItems(form, plan('questions=ru,choices=ko'), testPrinted);
const question = (set: FormItems, field: string) =>
  set.items.find((i): i is QuestionItem => i.kind === 'question' && i.field === field)!;

describe('formItems', () => {
  it('numbers the questions (not the notes) in order and prints them in the plan’s languages', () => {
    const known = question(items, 'head_known');
    expect(known.number).toBe(1);
    expect(known.labels).toEqual(['Знаете ли вы свой размер головного убора?']);
    expect(known.body).toMatchObject({
      kind: 'choices',
      choices: [{ value: 'yes', label: '내 치수를 알고 있음' }, { value: 'no' }],
    });
    expect(question(items, 'foot_length').number).toBe(22);
  });

  it('shows several choice languages side by side', () => {
    const both = formItems(form, plan('questions=ru,choices=ko+ru'), testPrinted);
    expect(question(both, 'head_known').body).toMatchObject({
      choices: [
        { label: '내 치수를 알고 있음 / Я знаю свой размер' },
        { label: '측정해 주세요 / Измерить меня' },
      ],
    });
  });

  it('groups the two paths of a group under "if you marked …" headings', () => {
    const paths = items.items.filter((i) => i.kind === 'path').map((i) => (i as { text: string }).text);
    expect(paths.slice(0, 2)).toEqual(['pathIf(1|내 치수를 알고 있음)', 'pathIf(1|측정해 주세요)']);
    expect(question(items, 'head_system').path).toBeDefined();
    expect(question(items, 'head_girth').path).not.toBe(question(items, 'head_system').path);
  });

  it('says when a question applies, leaving out what its path heading already says', () => {
    expect(question(items, 'hat_size_cm').instruction).toBe('onlyIf(2|머리둘레 cm)');
    expect(question(items, 'head_system').instruction).toBeUndefined();
    expect(question(items, 'head_known').instruction).toBeUndefined();
  });

  it('prints numbers as digit grids sized by their range, with a decimal point', () => {
    const body = question(items, 'height').body;
    expect(body.kind).toBe('grid');
    if (body.kind !== 'grid') return;
    expect(body.columns).toHaveLength(4);
    expect(body.columns[0]!.cells.map((c) => c.value)).toEqual(['1', '2']);
    expect(body.columns[3]!.before).toBe('decimalPoint');
    expect(items.fields).toContainEqual({ field: 'height', kind: 'number' });
  });

  it('prints a Russian size-height text as two rows of choices and a ROK size as a grid', () => {
    const ru = question(items, 'uniform_size_ru').body;
    expect(ru).toMatchObject({
      kind: 'rows',
      rows: [
        { part: 0, lead: '' },
        { part: 2, lead: '-' },
      ],
    });
    const rok = question(items, 'uniform_size_rok').body;
    expect(rok.kind).toBe('grid');
    if (rok.kind === 'grid') expect(rok.columns.map((c) => c.part)).toEqual([0, 0, 0, 1, 2, 2, 2]);
    expect(items.fields).toContainEqual({
      field: 'uniform_size_ru',
      kind: 'pattern',
      parts: [{ kind: 'choice' }, { kind: 'literal', text: '-' }, { kind: 'choice' }],
    });
  });

  it('falls back to a write-in box for free text, and to "depends on" for complex relevance', () => {
    const custom = structuredClone(form);
    const ru = custom.survey
      .flatMap((e) => (e.kind === 'group' ? e.children : [e]))
      .find((e) => e.name === 'uniform_size_ru')!;
    if (ru.kind === 'question') {
      delete ru.constraint;
      delete ru.constraintTree;
    }
    ru.relevant = "${uniform_known} = 'yes' or ${head_known} = 'no'";
    ru.relevantTree = {
      kind: 'binary',
      op: 'or',
      left: {
        kind: 'binary',
        op: '=',
        left: { kind: 'field', name: 'uniform_known' },
        right: { kind: 'string', value: 'yes' },
      },
      right: {
        kind: 'binary',
        op: '=',
        left: { kind: 'field', name: 'head_known' },
        right: { kind: 'string', value: 'no' },
      },
    };
    const set = formItems(custom, plan('ru'), testPrinted);
    expect(question(set, 'uniform_size_ru').body.kind).toBe('write-in');
    expect(question(set, 'uniform_size_ru').instruction).toBe('onlyIfDepends(7, 1)');
  });
});
