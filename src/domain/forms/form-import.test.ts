// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { describe, expect, it } from 'vitest';
import { importForm } from './form-import.ts';
import type { Group, NormalisedForm, Question } from './form-model.ts';
import type { FormImportResult, SheetTable } from './form-problems.ts';
import { L3, sheet, threeLanguageForm } from './test-sheets.ts';

function imported(sheets: SheetTable[], fallbackFormId?: string): NormalisedForm {
  const result = importForm(sheets, { fallbackFormId });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function errors(result: FormImportResult) {
  if (result.ok) throw new Error('expected the form to be refused');
  return result.errors.map((e) => ({
    key: e.key,
    sheet: e.sheet,
    row: e.row,
    column: e.column,
    params: e.params,
  }));
}

const q = (form: NormalisedForm, i: number) => form.survey[i] as Question;

describe('importForm', () => {
  it('builds the normalised form of a three-language form with a group, relevance and a constraint', () => {
    const form = imported(threeLanguageForm());
    expect(form.settings).toEqual({
      formId: 'sizes',
      version: '3',
      title: { ru: 'Размеры' },
      defaultLanguage: 'ru',
    });
    expect(form.languages).toEqual([
      { key: 'ru', name: 'Russian', code: 'ru' },
      { key: 'ko', name: 'Korean', code: 'ko' },
      { key: 'en', name: 'English', code: 'en' },
    ]);
    expect(q(form, 0)).toEqual({
      kind: 'question',
      type: 'select_one',
      list: 'yes_no',
      name: 'head_known',
      label: { ru: 'Знаете размер?', ko: '치수를 아십니까?', en: 'Do you know your size?' },
      required: true,
    });
    const group = form.survey[1] as Group;
    expect(group.relevant).toBe("${head_known} = 'no'");
    expect(group.relevantTree).toMatchObject({ kind: 'binary', op: '=' });
    expect(group.children[0]).toMatchObject({
      name: 'head_girth',
      hint: { ru: 'В см' },
      constraint: '. >= 48 and . <= 66',
      constraintMessage: { en: '48 to 66 cm' },
    });
    expect(form.choiceLists).toEqual([
      {
        list: 'yes_no',
        choices: [
          { name: 'yes', label: { ru: 'Да', ko: '예', en: 'Yes' } },
          { name: 'no', label: { ru: 'Нет', ko: '아니요', en: 'No' } },
        ],
      },
    ]);
  });

  it('accepts the label columns real files use: Name (code), code, English name, plain, any case', () => {
    const form = imported(
      [
        sheet(
          'SURVEY',
          ['TYPE', 'Name', 'LABEL::Russian (RU)', 'label::ko', 'Label:English', 'label::Klingon', 'hint'],
          ['text', 'a', 'а', '가', 'a', 'tlhIngan', 'plain hint'],
        ),
      ],
      'f',
    );
    expect(form.languages).toEqual([
      { key: 'ru', name: 'Russian', code: 'ru' },
      { key: 'ko', name: 'Korean', code: 'ko' },
      { key: 'en', name: 'English', code: 'en' },
      { key: 'klingon', name: 'Klingon' },
      { key: 'default' },
    ]);
    expect(q(form, 0).label).toEqual({ ru: 'а', ko: '가', en: 'a', klingon: 'tlhIngan' });
    expect(q(form, 0).hint).toEqual({ default: 'plain hint' });
    expect(form.settings.defaultLanguage).toBe('default');
  });

  it('gives plain columns to the default_language the settings name', () => {
    const form = imported([
      sheet('survey', ['type', 'name', 'label', 'label::English (en)'], ['text', 'a', 'Вопрос', 'Question']),
      sheet('settings', ['form_id', 'default_language'], ['f', 'Russian (ru)']),
    ]);
    expect(q(form, 0).label).toEqual({ ru: 'Вопрос', en: 'Question' });
    expect(form.settings.defaultLanguage).toBe('ru');
  });

  it('takes the first language as default when nothing says otherwise', () => {
    const form = imported(
      [sheet('survey', ['type', 'name', 'label::ko', 'label::en'], ['text', 'a', '질문', 'Q'])],
      'x',
    );
    expect(form.settings.defaultLanguage).toBe('ko');
    expect(form.settings.formId).toBe('x');
  });

  it('accepts the older type spellings pyxform accepts', () => {
    const form = imported([
      sheet(
        'survey',
        ['type', 'name', 'label'],
        ['select one from yn', 'a', 'A'],
        ['select all that apply yn', 'b', 'B'],
        ['begin_group', 'g', ''],
        ['int', 'c', 'C'],
        ['end_group', '', ''],
      ),
      sheet('choices', ['list name', 'name', 'label'], ['yn', 'y', 'Y']),
      sheet('settings', ['form_id'], ['f']),
    ]);
    expect(form.survey.map((e) => (e.kind === 'question' ? `${e.type}:${e.list ?? ''}` : 'group'))).toEqual([
      'select_one:yn',
      'select_multiple:yn',
      'group',
    ]);
    expect((form.survey[2] as Group).children[0]).toMatchObject({ type: 'integer', name: 'c' });
  });

  it('refuses a workbook without a survey sheet, naming the sheet', () => {
    expect(
      errors(
        importForm([sheet('Sheet1', ['type', 'name', 'label'], ['text', 'a', 'A'])], { fallbackFormId: 'f' }),
      ),
    ).toEqual([
      {
        key: 'import.missingSheet',
        sheet: 'survey',
        row: undefined,
        column: undefined,
        params: { sheet: 'survey' },
      },
    ]);
  });

  it('refuses missing type and name columns at row 1', () => {
    const found = errors(importForm([sheet('survey', ['label'], ['A'])], { fallbackFormId: 'f' }));
    expect(found).toEqual([
      { key: 'import.missingColumn', sheet: 'survey', row: 1, column: 'type', params: { column: 'type' } },
      { key: 'import.missingColumn', sheet: 'survey', row: 1, column: 'name', params: { column: 'name' } },
    ]);
  });

  it('refuses duplicate names, naming both rows', () => {
    const found = errors(
      importForm(threeLanguageForm([['text', 'head_girth', 'a', 'b', 'c', '', '', '', '', '']])),
    );
    expect(found).toEqual([
      {
        key: 'import.duplicateName',
        sheet: 'survey',
        row: 6,
        column: 'name',
        params: { name: 'head_girth', firstRow: 4 },
      },
    ]);
  });

  it('refuses a select whose choice list does not exist', () => {
    const found = errors(
      importForm(threeLanguageForm([['select_one sizes', 'size', 'a', 'b', 'c', '', '', '', '', '']])),
    );
    expect(found).toEqual([
      { key: 'import.unknownList', sheet: 'survey', row: 6, column: 'type', params: { list: 'sizes' } },
    ]);
  });

  it('refuses a broken expression, naming sheet, row, column and the position in the text', () => {
    const found = errors(
      importForm(threeLanguageForm([['text', 'x', 'a', 'b', 'c', '', '', "${head_known} = 'no", '', '']])),
    );
    expect(found).toEqual([
      {
        key: 'expr.unterminatedString',
        sheet: 'survey',
        row: 6,
        column: 'relevant',
        params: { position: 17, source: "${head_known} = 'no" },
      },
    ]);
  });

  it('refuses an expression naming a question the form does not have', () => {
    const found = errors(
      importForm(threeLanguageForm([['text', 'x', 'a', 'b', 'c', '', '', "${nothing} = 'no'", '', '']])),
    );
    expect(found).toEqual([
      {
        key: 'import.unknownReference',
        sheet: 'survey',
        row: 6,
        column: 'relevant',
        params: { name: 'nothing' },
      },
    ]);
  });

  it('refuses an unknown type and an XLSForm type outside the subset differently', () => {
    const found = errors(
      importForm(
        threeLanguageForm([
          ['phone number', 'p', 'a', 'b', 'c', '', '', '', '', ''],
          ['geopoint', 'g', 'a', 'b', 'c', '', '', '', '', ''],
          ['begin repeat', 'r', 'a', 'b', 'c', '', '', '', '', ''],
        ]),
      ),
    );
    expect(found.map((e) => [e.key, e.row, e.column, e.params.type])).toEqual([
      ['import.unknownType', 6, 'type', 'phone number'],
      ['import.unsupportedType', 7, 'type', 'geopoint'],
      ['import.unsupportedType', 8, 'type', 'begin repeat'],
    ]);
  });

  it('refuses unbalanced groups', () => {
    const found = errors(
      importForm([
        sheet(
          'survey',
          ['type', 'name', 'label'],
          ['end group', '', ''],
          ['begin group', 'g', 'G'],
          ['text', 'a', 'A'],
        ),
        sheet('settings', ['form_id'], ['f']),
      ]),
    );
    expect(found.map((e) => [e.key, e.row])).toEqual([
      ['import.unmatchedEnd', 2],
      ['import.unclosedGroup', 3],
    ]);
  });

  it('refuses a value in a column Kitout cannot honour, and only warns about columns it does not know', () => {
    const result = importForm([
      sheet(
        'survey',
        ['type', 'name', 'label', 'calculation', 'my notes'],
        ['text', 'a', 'A', '', 'remember'],
        ['text', 'b', 'B', '1+1', ''],
      ),
      sheet('settings', ['form_id'], ['f']),
    ]);
    expect(errors(result)).toEqual([
      { key: 'import.unsupportedColumn', sheet: 'survey', row: 3, column: 'calculation', params: {} },
    ]);
    expect(result.warnings.map((w) => [w.key, w.column])).toEqual([['import.ignoredColumn', 'my notes']]);
  });

  it('refuses two columns that mean the same language', () => {
    const found = errors(
      importForm([
        sheet('survey', ['type', 'name', 'label::English', 'label::en'], ['text', 'a', 'A', 'A']),
        sheet('settings', ['form_id'], ['f']),
      ]),
    );
    expect(found).toEqual([
      {
        key: 'import.duplicateColumn',
        sheet: 'survey',
        row: 1,
        column: 'label::en',
        params: { other: 'label::English' },
      },
    ]);
  });

  it('refuses questions without a label, bad required values and properties notes and groups cannot have', () => {
    const found = errors(
      importForm([
        sheet(
          'survey',
          ['type', 'name', 'label', 'required', 'constraint'],
          ['text', 'a', '', '', ''],
          ['text', 'b', 'B', '${a} != ""', ''],
          ['note', 'n', 'N', 'yes', ''],
          ['begin group', 'g', '', '', '. > 1'],
          ['end group', '', '', '', ''],
        ),
        sheet('settings', ['form_id'], ['f']),
      ]),
    );
    expect(found.map((e) => [e.key, e.row, e.column])).toEqual([
      ['import.missingLabel', 2, 'label'],
      ['import.badRequired', 3, 'required'],
      ['import.noteProperty', 4, 'required'],
      ['import.groupProperty', 5, 'constraint'],
    ]);
  });

  it('refuses defaults that do not fit their question', () => {
    const found = errors(
      importForm([
        sheet(
          'survey',
          ['type', 'name', 'label', 'default'],
          ['integer', 'a', 'A', '1.5'],
          ['date', 'd', 'D', '2024-02-30'],
          ['select_one yn', 's', 'S', 'maybe'],
          ['date', 'ok', 'OK', '2024-02-29'],
        ),
        sheet('choices', ['list_name', 'name', 'label'], ['yn', 'y', 'Y']),
        sheet('settings', ['form_id'], ['f']),
      ]),
    );
    expect(found.map((e) => [e.key, e.row, e.params.value])).toEqual([
      ['import.badDefault', 2, '1.5'],
      ['import.badDefault', 3, '2024-02-30'],
      ['import.badDefault', 4, 'maybe'],
    ]);
  });

  it('refuses choice rows without names or labels, with spaces in names, or repeated', () => {
    const found = errors(
      importForm([
        sheet('survey', ['type', 'name', 'label'], ['select_one c', 'a', 'A']),
        sheet(
          'choices',
          ['list_name', 'name', 'label'],
          ['c', '', 'X'],
          ['c', 'two words', 'X'],
          ['c', 'y', ''],
          ['c', 'z', 'Z'],
          ['c', 'z', 'Z'],
          ['', 'w', 'W'],
        ),
        sheet('settings', ['form_id'], ['f']),
      ]),
    );
    expect(found.map((e) => [e.key, e.row, e.column])).toEqual([
      ['import.missingChoiceName', 2, 'name'],
      ['import.invalidChoiceName', 3, 'name'],
      ['import.choiceMissingLabel', 4, 'label'],
      ['import.duplicateChoice', 6, 'name'],
      ['import.missingListName', 7, 'list_name'],
    ]);
  });

  it('refuses a form_id or version that cannot travel in a QR code, and a form with no id at all', () => {
    const base = [sheet('survey', ['type', 'name', 'label'], ['text', 'a', 'A'])];
    expect(errors(importForm([...base, sheet('settings', ['form_id'], ['Spec test'])]))[0]).toMatchObject({
      key: 'import.invalidFormId',
      row: 2,
      column: 'form_id',
    });
    expect(
      errors(
        importForm([...base, sheet('settings', ['form_id', 'version'], ['f', '2022-04-11T16:26:28.971Z'])]),
      )[0]!.key,
    ).toBe('import.invalidVersion');
    expect(errors(importForm(base))[0]!.key).toBe('import.missingFormId');
  });

  it('refuses sheets Kitout cannot honour, duplicate sheets, and warns about others', () => {
    const result = importForm([
      ...threeLanguageForm(),
      sheet('Survey', ['type']),
      sheet('external_choices', ['list_name', 'name'], ['a', 'b']),
      sheet('notes', ['anything'], ['x']),
    ]);
    expect(errors(result).map((e) => [e.key, e.sheet])).toEqual([
      ['import.duplicateSheet', 'Survey'],
      ['import.unsupportedSheet', 'external_choices'],
    ]);
    expect(result.warnings.map((w) => [w.key, w.sheet])).toEqual([['import.ignoredSheet', 'notes']]);
  });

  it('refuses groups nested deeper than the limit instead of recursing without end', () => {
    const rows = [['type', 'name', 'label']];
    for (let i = 0; i < 5000; i++) rows.push(['begin group', `g${i}`, '']);
    const result = importForm([sheet('survey', ...rows), sheet('settings', ['form_id'], ['f'])]);
    expect(errors(result).some((e) => e.key === 'import.groupTooDeep' && e.row === 34)).toBe(true);
  });

  it('skips empty rows, and trims names and texts', () => {
    const form = imported([
      sheet(
        'survey',
        ['type', 'name', ...L3],
        [],
        ['  text ', ' a ', ' А \n', '가', 'A'],
        ['', '', '', '', ''],
      ),
      sheet('settings', ['form_id'], ['f']),
    ]);
    expect(form.survey).toEqual([
      { kind: 'question', type: 'text', name: 'a', label: { ru: 'А', ko: '가', en: 'A' } },
    ]);
  });
});
