import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from './default-sizing-form.ts';
import { formToSheets } from './form-export.ts';
import { importForm } from './form-import.ts';
import type { NormalisedForm } from './form-model.ts';
import type { SheetTable } from './form-problems.ts';
import { sheet, threeLanguageForm } from './test-sheets.ts';

function imported(sheets: SheetTable[]): NormalisedForm {
  const result = importForm(sheets, { fallbackFormId: 'fallback' });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const roundTrip = (form: NormalisedForm) => imported(formToSheets(form).sheets);

describe('formToSheets', () => {
  it('writes XLSForm sheets with one label column per language and the settings that read back', () => {
    const { sheets } = formToSheets(imported(threeLanguageForm()));
    const [survey, choices, settings] = sheets;
    expect(survey!.rows[0]).toEqual([
      'type',
      'name',
      'label::Russian (ru)',
      'label::Korean (ko)',
      'label::English (en)',
      'hint::Russian (ru)',
      'hint::Korean (ko)',
      'hint::English (en)',
      'required',
      'relevant',
      'constraint',
      'constraint_message::Russian (ru)',
      'constraint_message::Korean (ko)',
      'constraint_message::English (en)',
    ]);
    expect(survey!.rows.map((r) => r[0])).toEqual([
      'type',
      'select_one yes_no',
      'begin group',
      'decimal',
      'end group',
    ]);
    expect(choices!.rows[1]).toEqual(['yes_no', 'yes', 'Да', '예', 'Yes']);
    expect(settings!.rows).toEqual([
      ['form_title', 'form_id', 'version', 'default_language'],
      ['Размеры', 'sizes', '3', 'Russian (ru)'],
    ]);
  });

  it('round-trips forms in three languages to a deep-equal form', () => {
    const forms = [
      imported(threeLanguageForm()),
      buildDefaultSizingForm(),
      imported([
        sheet(
          'survey',
          ['type', 'name', 'label', 'label::ko', 'label::Klingon', 'appearance', 'default'],
          ['integer', 'n', 'N', '엔', 'tlh', 'numbers', '3'],
        ),
        sheet('settings', ['form_title', 'form_title::ko', 'form_id'], ['Plain', '제목', 'plainform']),
      ]),
      imported([
        sheet(
          'survey',
          ['type', 'name', 'label::English', 'label::chinese'],
          ['select_multiple c', 'm', 'Many', '多'],
          ['date', 'd', 'Day', '日'],
        ),
        sheet(
          'choices',
          ['list_name', 'name', 'label', 'label::chinese'],
          ['c', '1', 'One', '一'],
          ['c', '2', 'Two', ''],
        ),
      ]),
    ];
    for (const form of forms) {
      const once = roundTrip(form);
      expect(once).toEqual(form);
      expect(JSON.stringify(roundTrip(once))).toBe(JSON.stringify(form));
    }
  });

  it('round-trips any label text that survives a spreadsheet cell', () => {
    const text = fc
      .string({
        unit: fc.constantFrom('a', 'Я', '키', ' ', '\n', '=', "'", '"', '$', '{', '}', '1', '.', '🙂'),
        minLength: 1,
        maxLength: 20,
      })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 4 }), (labels) => {
        const rows = labels.map(([ru, ko, en], i) => ['text', `q${i}`, ru, ko, en]);
        const form = imported([
          sheet('survey', ['type', 'name', 'label::ru', 'label::ko', 'label::en'], ...rows),
          sheet('settings', ['form_id'], ['p']),
        ]);
        expect(roundTrip(form)).toEqual(form);
      }),
      { numRuns: 200 },
    );
  });

  it('records the JSON path of every row, so JSON input can name where a problem is', () => {
    const { paths } = formToSheets(imported(threeLanguageForm()));
    expect(paths.survey).toEqual(['survey', 'survey[0]', 'survey[1]', 'survey[1].children[0]', 'survey[1]']);
    expect(paths.choices).toEqual(['choiceLists', 'choiceLists[0].choices[0]', 'choiceLists[0].choices[1]']);
  });
});
