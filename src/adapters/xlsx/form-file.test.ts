// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../domain/errors.ts';
import { buildDefaultSizingForm } from '../../domain/forms/default-sizing-form.ts';
import { importForm } from '../../domain/forms/form-import.ts';
import type { NormalisedForm } from '../../domain/forms/form-model.ts';
import { type FormImportResult, problemToIssue, type SheetTable } from '../../domain/forms/form-problems.ts';
import { sheet, threeLanguageForm } from '../../domain/forms/test-sheets.ts';
import { translatorFor } from '../../i18n/node.ts';
import { formBytes, readFormBytes, readFormFile, writeFormFile } from './form-file.ts';
import { XLSX_LIMITS } from './limits.ts';
import { makeZip } from './test-zip.ts';
import { writeWorkbook } from './workbook-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kitout-forms-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const xlsx = (sheets: SheetTable[]) => writeWorkbook(sheets);

function formOf(result: FormImportResult): NormalisedForm {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function refusal(result: FormImportResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map((e) => ({ key: e.key, sheet: e.sheet, row: e.row, column: e.column }));
}

const SURVEY_HEADER = [
  'type',
  'name',
  'label::Russian (ru)',
  'label::Korean (ko)',
  'label::English (en)',
  'relevant',
];

describe('reading hostile workbooks', () => {
  it('refuses a workbook without a survey sheet', async () => {
    const bytes = await xlsx([sheet('questions', ['type', 'name', 'label'], ['text', 'a', 'A'])]);
    expect(refusal(await readFormBytes(bytes, 'no-survey.xlsx'))).toEqual([
      { key: 'import.missingSheet', sheet: 'survey', row: undefined, column: undefined },
    ]);
  });

  it('refuses a select question whose choices sheet is missing', async () => {
    const bytes = await xlsx([sheet('survey', SURVEY_HEADER, ['select_one sizes', 's', 'Р', '치', 'S', ''])]);
    expect(refusal(await readFormBytes(bytes, 'no-choices.xlsx'))).toEqual([
      { key: 'import.unknownList', sheet: 'survey', row: 2, column: 'type' },
    ]);
  });

  it('refuses duplicate question names, a missing choice list, a broken expression and an unknown type at once', async () => {
    const bytes = await xlsx([
      sheet(
        'survey',
        SURVEY_HEADER,
        ['text', 'name', 'Имя', '이름', 'Name', ''],
        ['text', 'name', 'Имя', '이름', 'Name', ''],
        ['select_one colours', 'colour', 'Цвет', '색', 'Colour', ''],
        ['integer', 'age', 'Возраст', '나이', 'Age', '${name} = (1'],
        ['shoe-size', 'shoe', 'Обувь', '신발', 'Shoe', ''],
      ),
      sheet('choices', ['list_name', 'name', 'label'], ['sizes', 's', 'S']),
      sheet('settings', ['form_id'], ['hostile']),
    ]);
    expect(refusal(await readFormBytes(bytes, 'hostile.xlsx'))).toEqual([
      { key: 'import.duplicateName', sheet: 'survey', row: 3, column: 'name' },
      { key: 'import.unknownList', sheet: 'survey', row: 4, column: 'type' },
      { key: 'expr.missing', sheet: 'survey', row: 5, column: 'relevant' },
      { key: 'import.unknownType', sheet: 'survey', row: 6, column: 'type' },
    ]);
  });

  it('words each refusal in the reader language with file, sheet, row and column', async () => {
    const bytes = await xlsx([
      sheet('survey', SURVEY_HEADER, ['integer', 'age', 'В', '나', 'A', '${age} = ‘x’']),
      sheet('settings', ['form_id'], ['f']),
    ]);
    const result = await readFormBytes(bytes, 'quotes.xlsx');
    if (result.ok) throw new Error('expected a refusal');
    const en = await translatorFor('en', 'forms');
    const ru = await translatorFor('ru', 'forms');
    const line = (t: typeof en) =>
      formatIssue(problemToIssue(result.errors[0]!, (k, p) => t(k, p ?? {}), 'quotes.xlsx'));
    expect(line(en)).toBe(
      'quotes.xlsx, sheet survey, row 2, field "relevant": cannot read “${age} = ‘x’”: typographic quote ‘ at position 10; use straight quotes \' or "',
    );
    expect(line(ru)).toContain('типографская кавычка ‘ в позиции 10');
  });

  it('refuses a formula with no saved value and an error cell, naming the cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const survey = workbook.addWorksheet('survey');
    survey.addRow(['type', 'name', 'label']);
    survey.addRow(['text', 'a', 'A']);
    survey.getCell('B2').value = { formula: 'LOWER("A")' } as ExcelJS.CellFormulaValue;
    survey.addRow(['text', 'b', 'B']);
    survey.getCell('C3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(
      refusal(await readFormBytes(bytes, 'cells.xlsx')).filter((e) => e.key.startsWith('import.cell')),
    ).toEqual([
      { key: 'import.cellFormulaNoValue', sheet: 'survey', row: 2, column: 'B' },
      { key: 'import.cellError', sheet: 'survey', row: 3, column: 'C' },
    ]);
  });

  it('reads a formula by its saved value', async () => {
    const workbook = new ExcelJS.Workbook();
    const survey = workbook.addWorksheet('survey');
    survey.addRow(['type', 'name', 'label']);
    survey.addRow(['text', 'a', 'A']);
    survey.getCell('C2').value = { formula: 'UPPER("a")', result: 'A formula' } as ExcelJS.CellFormulaValue;
    workbook.addWorksheet('settings').addRow(['form_id']);
    workbook.getWorksheet('settings')!.addRow(['formula']);
    const form = formOf(await readFormBytes(Buffer.from(await workbook.xlsx.writeBuffer()), 'f.xlsx'));
    expect(form.survey[0]!.label).toEqual({ default: 'A formula' });
  });

  it('refuses a 50 MB file by its size, before reading it', async () => {
    const path = join(dir, 'huge.xlsx');
    await writeFile(path, '');
    await truncate(path, 50 * 1024 * 1024);
    expect(refusal(await readFormFile(path))).toEqual([
      { key: 'import.fileTooLarge', sheet: undefined, row: undefined, column: undefined },
    ]);
    expect(refusal(await readFormBytes(Buffer.alloc(XLSX_LIMITS.fileBytes + 1), 'huge.json'))[0]!.key).toBe(
      'import.fileTooLarge',
    );
  });

  it('refuses a zip bomb dressed as a workbook, before the spreadsheet library sees it', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(refusal(await readFormBytes(bomb, 'bomb.xlsx'))).toEqual([
      { key: 'import.zipEntryTooLarge', sheet: undefined, row: undefined, column: undefined },
    ]);
  });

  it('refuses a sheet of a hundred thousand rows before parsing it', async () => {
    const rows = '<row r="1"/>'.repeat(XLSX_LIMITS.xmlRows + 1);
    const zip = makeZip([
      {
        name: 'xl/workbook.xml',
        data: Buffer.from(
          '<workbook><sheets><sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
      },
    ]);
    expect(refusal(await readFormBytes(zip, 'rows.xlsx'))).toEqual([
      { key: 'import.sheetTooManyRows', sheet: 'survey', row: undefined, column: undefined },
    ]);
  });

  it('refuses a sheet with more filled rows than a form needs', async () => {
    const rows = Array.from({ length: XLSX_LIMITS.rows + 1 }, (_, i) => ['text', `q${i}`, 'Q']);
    const bytes = await xlsx([sheet('survey', ['type', 'name', 'label'], ...rows)]);
    expect(refusal(await readFormBytes(bytes, 'long.xlsx'))[0]).toMatchObject({
      key: 'import.sheetTooManyRows',
      sheet: 'survey',
    });
  });

  it('refuses old .xls files, random bytes and truncated workbooks', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    expect(refusal(await readFormBytes(ole, 'old.xls'))[0]!.key).toBe('import.oleFile');
    expect(
      refusal(await readFormBytes(Buffer.from('type,name,label\ntext,a,A\n'), 'form.xlsx'))[0]!.key,
    ).toBe('import.notZip');
    const good = await formBytes(buildDefaultSizingForm(), 'xlsx');
    expect(refusal(await readFormBytes(good.subarray(0, good.length - 200), 'cut.xlsx'))[0]!.key).toMatch(
      /^import\.(notZip|zipCorrupt)$/,
    );
    const damaged = Buffer.from(good);
    damaged.fill(0x55, 200, 1200);
    expect(refusal(await readFormBytes(damaged, 'damaged.xlsx'))[0]!.key).toMatch(
      /^import\.(zipCorrupt|zipSizeMismatch|unreadable)$/,
    );
  });
});

describe('round trips', () => {
  const forms = (): [string, NormalisedForm][] => [
    ['default sizing form', buildDefaultSizingForm()],
    ['three-language form', formOf(importForm(threeLanguageForm()))],
    [
      'plain, code and name columns',
      formOf(
        importForm([
          sheet(
            'survey',
            ['type', 'name', 'label', 'label::ko', 'label::Klingon', 'hint::ko', 'default'],
            ['integer', 'n', 'N', '엔', 'tlh', '힌트', '3'],
            ['date', 'd', 'D', '날', 'jaj', '', '2024-02-29'],
          ),
          sheet(
            'settings',
            ['form_title', 'form_title::ko', 'form_id', 'version'],
            ['Plain', '제목', 'plainform', '2.1'],
          ),
        ]),
      ),
    ],
  ];

  it('gives a deep-equal form after xlsx → form → xlsx → form', async () => {
    for (const [name, form] of forms()) {
      const once = formOf(await readFormBytes(await formBytes(form, 'xlsx'), 'a.xlsx'));
      expect(once, name).toEqual(form);
      const twice = formOf(await readFormBytes(await formBytes(once, 'xlsx'), 'b.xlsx'));
      expect(JSON.stringify(twice), name).toBe(JSON.stringify(form));
    }
  });

  it('gives a deep-equal form after JSON → form → JSON → form, and across formats', async () => {
    for (const [name, form] of forms()) {
      const json = await formBytes(form, 'json');
      const once = formOf(await readFormBytes(json, 'a.json'));
      expect(once, name).toEqual(form);
      expect((await formBytes(once, 'json')).equals(json), name).toBe(true);
      const viaXlsx = formOf(await readFormBytes(await formBytes(once, 'xlsx'), 'c.xlsx'));
      expect(viaXlsx, name).toEqual(form);
    }
  });

  it('writes files through a temporary name and reads them back', async () => {
    const form = buildDefaultSizingForm();
    for (const file of ['form.xlsx', 'form.json']) {
      const path = join(dir, file);
      await writeFormFile(form, path);
      expect(formOf(await readFormFile(path))).toEqual(form);
    }
  });

  it('ships kitout-sizing.xlsx exactly as the builder makes it', async () => {
    const fixture = new URL('../../../test/fixtures/forms/kitout-sizing.xlsx', import.meta.url);
    const bytes = await readFile(fixture);
    expect(formOf(await readFormBytes(bytes, 'kitout-sizing.xlsx'))).toEqual(buildDefaultSizingForm());
  });
});
