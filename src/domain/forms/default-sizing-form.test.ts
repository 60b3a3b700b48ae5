import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from './default-sizing-form.ts';
import { elementsOf, questionsOf } from './form-model.ts';

const form = buildDefaultSizingForm();
const byName = new Map([...questionsOf(form.survey)].map(({ question }) => [question.name, question]));

describe('buildDefaultSizingForm', () => {
  it('is in Russian, Korean and English, with every text in all three', () => {
    expect(form.languages.map((l) => l.key)).toEqual(['ru', 'ko', 'en']);
    expect(form.settings).toMatchObject({ formId: 'kitout-sizing', version: '1', defaultLanguage: 'ru' });
    const texts = [form.settings.title];
    for (const e of elementsOf(form.survey)) {
      texts.push(e.label);
      if (e.hint) texts.push(e.hint);
      if (e.kind === 'question' && e.constraintMessage) texts.push(e.constraintMessage);
    }
    for (const list of form.choiceLists) for (const c of list.choices) texts.push(c.label);
    for (const text of texts) expect(Object.keys(text)).toEqual(['ru', 'ko', 'en']);
  });

  it('writes Russian in Cyrillic and Korean in Hangul', () => {
    for (const e of elementsOf(form.survey)) {
      expect(e.label.ru).toMatch(/[а-яё]/i);
      expect(e.label.ko).toMatch(/[가-힣]/);
    }
  });

  it('offers a known-size path and a measure-me path for each item', () => {
    for (const item of ['head', 'uniform', 'shoe']) {
      expect(byName.get(`${item}_known`)).toMatchObject({
        type: 'select_one',
        list: 'know_size',
        required: true,
      });
      expect(byName.get(`${item}_system`)?.relevant).toBe(`\${${item}_known} = 'yes'`);
    }
    for (const measured of ['head_girth', 'chest', 'height', 'waist', 'foot_length']) {
      expect(byName.get(measured)?.relevant, measured).toMatch(/_known\} = 'no'$/);
    }
    expect(form.choiceLists.find((l) => l.list === 'know_size')?.choices.map((c) => c.label.en)).toEqual([
      'I know my size',
      'Measure me',
    ]);
  });

  it('uses the size-system ids of the sizes module', () => {
    const ids = (list: string) => form.choiceLists.find((l) => l.list === list)?.choices.map((c) => c.name);
    expect(ids('hat_system')).toEqual(['head-cm', 'hat-us', 'hat-uk']);
    expect(ids('uniform_system')).toEqual(['ru-garment', 'rok-military', 'kr-top']);
    expect(ids('shoe_system')).toEqual(['kr-shoe', 'eu-shoe', 'us-shoe-men', 'uk-shoe', 'ru-shoe']);
  });

  it('bounds height, head girth and foot length plausibly, with messages in each language', () => {
    expect(byName.get('height')?.constraint).toBe('. >= 140 and . <= 210');
    expect(byName.get('head_girth')?.constraint).toBe('. >= 48 and . <= 66');
    expect(byName.get('foot_length')?.constraint).toBe('. >= 200 and . <= 330');
    for (const name of ['height', 'head_girth', 'foot_length']) {
      expect(Object.keys(byName.get(name)?.constraintMessage ?? {})).toEqual(['ru', 'ko', 'en']);
    }
  });

  it('lists US hat sizes in eighths of an inch from 6 1/2 to 8', () => {
    const us = form.choiceLists.find((l) => l.list === 'hat_us')!.choices;
    expect(us[0]).toEqual({ name: '6.5', label: { ru: '6 1/2', ko: '6 1/2', en: '6 1/2' } });
    expect(us.find((c) => c.name === '7.125')?.label.en).toBe('7 1/8');
    expect(us.at(-1)?.name).toBe('8');
    expect(us).toHaveLength(13);
  });
});
