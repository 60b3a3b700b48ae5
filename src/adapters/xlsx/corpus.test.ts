import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { questionsOf } from '../../domain/forms/form-model.ts';
import { formBytes, readFormBytes, readFormFile } from './form-file.ts';

/**
 * The real-world XLSForm corpus (pyxform's test workbooks, kept beside the repository in `../shared`). Every
 * file must import, or be refused with an error naming sheet, row and column — never crash. The table pins
 * which outcome each file has, so a change in what Kitout accepts shows up here.
 */
const corpus = fileURLToPath(new URL('../../../../shared/xlsform-corpus', import.meta.url));
const present = existsSync(corpus);

type Outcome =
  | { imports: { questions: number; languages: string[] } }
  /** The first error: key, sheet, row, column; and how many errors there are in all. */
  | {
      refused: [key: string, sheet: string, row: number | undefined, column: string | undefined];
      errors: number;
    };

const EXPECTED: Record<string, Outcome> = {
  'bug_example_xls_ODKValidateWarnings.xlsx': {
    refused: ['import.unknownType', 'survey', 3, 'type'],
    errors: 2,
  },
  'bug_example_xls_UCL_Biomass_Plot_Form.xlsx': {
    refused: ['expr.curlyQuote', 'survey', 9, 'relevant'],
    errors: 46,
  },
  'bug_example_xls_bad_calc.xlsx': {
    refused: ['import.unsupportedColumn', 'survey', 2, 'calculation'],
    errors: 2,
  },
  'bug_example_xls_duplicate_columns.xlsx': {
    refused: ['import.duplicateColumn', 'survey', 1, 'label'],
    errors: 37,
  },
  'bug_example_xls_xl_date_ambiguous.xlsx': {
    refused: ['import.unsupportedColumn', 'survey', 5, 'choice_filter'],
    errors: 1,
  },
  'bug_example_xls_xl_date_ambiguous_v1.xlsx': { imports: { questions: 5, languages: ['en'] } },
  'example_xls_attribute_columns_test.xlsx': {
    refused: ['import.unsupportedColumn', 'survey', 2, 'bind::saveIncomplete'],
    errors: 41,
  },
  'example_xls_bad_calc.xlsx': {
    refused: ['import.unsupportedColumn', 'survey', 2, 'calculation'],
    errors: 2,
  },
  'example_xls_case_insensitivity.xlsx': {
    refused: ['import.unsupportedColumn', 'SURVEY', 3, 'CHOICE_FILTER'],
    errors: 6,
  },
  'example_xls_choice_filter_test.xlsx': {
    refused: ['import.unsupportedColumn', 'survey', 3, 'choice_filter'],
    errors: 3,
  },
  'example_xls_extra_columns.xlsx': { imports: { questions: 1, languages: ['default'] } },
  'example_xls_extra_sheet_names.xlsx': { imports: { questions: 1, languages: ['default'] } },
  'example_xls_field-list.xlsx': { imports: { questions: 1, languages: ['en', 'default', 'zh'] } },
  'example_xls_flat_xlsform_test.xlsx': {
    refused: ['import.unsupportedColumn', 'survey', 9, 'image'],
    errors: 36,
  },
  'example_xls_group.xlsx': { refused: ['import.unknownType', 'survey', 4, 'type'], errors: 1 },
  'example_xls_include.xlsx': { refused: ['import.unsupportedType', 'survey', 3, 'type'], errors: 1 },
  'example_xls_include_json.xlsx': { refused: ['import.unsupportedType', 'survey', 2, 'type'], errors: 1 },
  'example_xls_loop.xlsx': { refused: ['import.unsupportedType', 'survey', 2, 'type'], errors: 3 },
  'example_xls_or_other.xlsx': { refused: ['import.unsupportedType', 'survey', 2, 'type'], errors: 2 },
  'example_xls_pull_data.xlsx': {
    refused: ['import.unsupportedColumn', 'survey', 2, 'calculation'],
    errors: 2,
  },
  'example_xls_specify_other.xlsx': { refused: ['import.unsupportedType', 'survey', 2, 'type'], errors: 1 },
  'example_xls_survey_no_name.xlsx': {
    refused: ['import.missingSheet', 'survey', undefined, undefined],
    errors: 1,
  },
  'example_xls_text_and_integer.xlsx': { imports: { questions: 2, languages: ['en'] } },
  'example_xls_xlsform_spec_test.xlsx': {
    refused: ['import.unsupportedColumn', 'survey', 9, 'image'],
    errors: 38,
  },
  'example_xls_yes_or_no_question.xlsx': { imports: { questions: 1, languages: ['en'] } },
};

describe.skipIf(!present)('the real-world XLSForm corpus', () => {
  const files = present
    ? readdirSync(corpus)
        .filter((f) => f.toLowerCase().endsWith('.xlsx'))
        .sort()
    : [];

  it('has an expected outcome for every workbook in the folder', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    const expected = EXPECTED[file];
    it(`${file}: ${expected && 'imports' in expected ? 'imports and round-trips' : 'is refused with sheet, row and column'}`, async () => {
      const result = await readFormFile(`${corpus}/${file}`);
      if (!expected) throw new Error(`no expected outcome for ${file}`);
      if ('imports' in expected) {
        if (!result.ok) throw new Error(`${file} was refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
        expect([...questionsOf(result.value.survey)]).toHaveLength(expected.imports.questions);
        expect(result.value.languages.map((l) => l.key)).toEqual(expected.imports.languages);
        const again = await readFormBytes(await formBytes(result.value, 'xlsx'), file);
        expect(again.ok && again.value).toEqual(result.value);
        return;
      }
      if (result.ok) throw new Error(`${file} imported but should be refused`);
      const [key, sheet, row, column] = expected.refused;
      const first = result.errors[0]!;
      expect([first.severity, first.key, first.sheet, first.row, first.column]).toEqual([
        'error',
        key,
        sheet,
        row,
        column,
      ]);
      expect(result.errors).toHaveLength(expected.errors);
      for (const error of result.errors) {
        expect(error.key).toMatch(/^(import|expr)\./);
        if (error.key.startsWith('import.zip') || error.key === 'import.fileTooLarge') continue;
        expect(error.sheet, JSON.stringify(error)).toBeTruthy();
        if (error.key !== 'import.missingSheet' && !error.key.endsWith('Sheet')) {
          expect(error.row, JSON.stringify(error)).toBeGreaterThan(0);
          expect(error.column, JSON.stringify(error)).toBeTruthy();
        }
      }
    });
  }
});
