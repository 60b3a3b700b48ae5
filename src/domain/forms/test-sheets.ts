// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import type { SheetTable } from './form-problems.ts';

/**
 * Tiny fixture factory for form tests: sheets from rows of cells, with a three-language sizing form
 * (Russian default, Korean, English) as the usual starting point.
 */
export function sheet(name: string, ...rows: string[][]): SheetTable {
  return { name, rows };
}

export const L3 = ['label::Russian (ru)', 'label::Korean (ko)', 'label::English (en)'];

export function threeLanguageForm(extraSurvey: string[][] = []): SheetTable[] {
  return [
    sheet(
      'survey',
      [
        'type',
        'name',
        ...L3,
        'hint::ru',
        'required',
        'relevant',
        'constraint',
        'constraint_message::English (en)',
      ],
      [
        'select_one yes_no',
        'head_known',
        'Знаете размер?',
        '치수를 아십니까?',
        'Do you know your size?',
        '',
        'yes',
        '',
        '',
        '',
      ],
      ['begin group', 'measure', 'Мерки', '측정', 'Measurements', '', '', "${head_known} = 'no'", '', ''],
      [
        'decimal',
        'head_girth',
        'Обхват головы',
        '머리둘레',
        'Head girth',
        'В см',
        'yes',
        '',
        '. >= 48 and . <= 66',
        '48 to 66 cm',
      ],
      ['end group', '', '', '', '', '', '', '', '', ''],
      ...extraSurvey,
    ),
    sheet(
      'choices',
      ['list_name', 'name', ...L3],
      ['yes_no', 'yes', 'Да', '예', 'Yes'],
      ['yes_no', 'no', 'Нет', '아니요', 'No'],
    ),
    sheet(
      'settings',
      ['form_title', 'form_id', 'version', 'default_language'],
      ['Размеры', 'sizes', '3', 'ru'],
    ),
  ];
}
