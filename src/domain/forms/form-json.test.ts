// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from './default-sizing-form.ts';
import { importFormJson } from './form-json.ts';
import type { Group, NormalisedForm } from './form-model.ts';
import type { FormImportResult } from './form-problems.ts';

const clone = (form: NormalisedForm): NormalisedForm => JSON.parse(JSON.stringify(form));

function errorsOf(result: FormImportResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.errors.map((e) => ({ key: e.key, column: e.column }));
}

describe('importFormJson', () => {
  it('reads back the JSON of a normalised form as a deep-equal form', () => {
    const form = buildDefaultSizingForm();
    const result = importFormJson(JSON.stringify(form, null, 2));
    expect(result.ok && result.value).toEqual(form);
  });

  it('recomputes expression trees that the JSON leaves out', () => {
    const form = clone(buildDefaultSizingForm());
    const group = form.survey[1] as Group;
    delete group.children[1]!.relevantTree;
    const result = importFormJson(JSON.stringify(form));
    expect(result.ok && result.value).toEqual(buildDefaultSizingForm());
  });

  it('refuses a stored tree that disagrees with its source text', () => {
    const form = clone(buildDefaultSizingForm());
    const group = form.survey[1] as Group;
    group.children[1]!.relevantTree = { kind: 'number', value: 1 };
    expect(errorsOf(importFormJson(JSON.stringify(form)))).toEqual([
      { key: 'import.jsonTreeMismatch', column: 'head_system.relevantTree' },
    ]);
  });

  it('names the JSON path of a problem found by the form checks', () => {
    const form = clone(buildDefaultSizingForm());
    const group = form.survey[1] as Group;
    group.children[1]!.relevant = "${nobody} = 'x'";
    delete group.children[1]!.relevantTree;
    expect(errorsOf(importFormJson(JSON.stringify(form)))).toEqual([
      { key: 'import.unknownReference', column: 'survey[1].children[1].relevant' },
    ]);
  });

  it('refuses text in a language the form does not list', () => {
    const form = clone(buildDefaultSizingForm());
    form.survey[0]!.label.fr = 'Bonjour';
    form.settings.defaultLanguage = 'de';
    expect(errorsOf(importFormJson(JSON.stringify(form)))).toEqual([
      { key: 'import.jsonUnknownLanguage', column: 'settings.defaultLanguage' },
      { key: 'import.jsonUnknownLanguage', column: 'survey[0].label.fr' },
    ]);
  });

  it('refuses bad JSON, wrong shapes and unknown keys, naming the path', () => {
    expect(errorsOf(importFormJson('{"format": "kitout-form",'))[0]!.key).toBe('import.jsonSyntax');
    const form = clone(buildDefaultSizingForm()) as unknown as Record<string, unknown>;
    (form.survey as Record<string, unknown>[])[0]!.kind = 'repeat';
    form.extra = 1;
    const found = errorsOf(importFormJson(JSON.stringify(form)));
    expect(found.map((e) => e.column)).toEqual(expect.arrayContaining(['survey[0].kind', '']));
  });

  it('refuses groups nested thousands deep without overflowing the stack', () => {
    const depth = 10_000;
    const leaf = '{"kind":"question","type":"text","name":"q","label":{"en":"Q"}}';
    const nested = `${Array.from({ length: depth }, (_, i) => `{"kind":"group","name":"g${i}","label":{},"children":[`).join('')}${leaf}${']}'.repeat(depth)}`;
    const base = JSON.stringify({ ...clone(buildDefaultSizingForm()), survey: [] });
    const text = base.replace('"survey":[]', `"survey":[${nested}]`);
    expect(errorsOf(importFormJson(text))).toEqual([{ key: 'import.jsonTooDeep', column: undefined }]);
  });
});
