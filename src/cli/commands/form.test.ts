// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFormFile } from '../../adapters/xlsx/form-file.ts';
import { writeWorkbook } from '../../adapters/xlsx/workbook-writer.ts';
import { buildDefaultSizingForm } from '../../domain/forms/default-sizing-form.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = join(root, 'test/fixtures/forms/kitout-sizing.xlsx');

function kitout(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/kitout.js'), ...args],
      { cwd: root, env: { ...process.env, LANG: 'C' } },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kitout-form-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('kitout form', () => {
  it('import --json prints the normalised form alone on stdout', async () => {
    const { code, stdout, stderr } = await kitout('form', 'import', fixture, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(buildDefaultSizingForm());
  });

  it('import prints a readable outline in the languages of --plan and the words of --lang', async () => {
    const { code, stdout } = await kitout(
      'form',
      'import',
      fixture,
      '--plan',
      'title=en,questions=ko,choices=ko+ru',
      '--lang',
      'ru',
    );
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('kitout-sizing v1 — Kit sizing questionnaire');
    expect(stdout).toContain('языки: ru (Russian, по умолчанию), ko (Korean), en (English)');
    expect(stdout).toContain('decimal height (обязательный): 키 (cm)');
    expect(stdout).toContain('yes=내 치수를 알고 있음 / Я знаю свой размер');
    expect(stdout).toContain('групп: 3, вопросов: 23, списков вариантов: 7');
  });

  it('export writes an XLSForm that imports to the same form, and default writes the built-in one', async () => {
    const out = join(dir, 'exported.xlsx');
    const exported = await kitout('form', 'export', fixture, '--out', out, '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({
      out,
      format: 'xlsx',
      formId: 'kitout-sizing',
      version: '1',
      questions: 23,
    });
    const back = await readFormFile(out);
    expect(back.ok && back.value).toEqual(buildDefaultSizingForm());

    const json = join(dir, 'default.json');
    const made = await kitout('form', 'default', '--out', json);
    expect(made).toMatchObject({ code: 0, stdout: `wrote ${json} (form kitout-sizing, questions: 23)\n` });
    const fromJson = await readFormFile(json);
    expect(fromJson.ok && fromJson.value).toEqual(buildDefaultSizingForm());
  });

  it('refuses a broken form with exit 1 and the reason, sheet, row and column on stderr', async () => {
    const bad = join(dir, 'bad.xlsx');
    await writeFile(
      bad,
      await writeWorkbook([
        {
          name: 'survey',
          rows: [
            ['type', 'name', 'label', 'relevant'],
            ['text', 'a', 'A', ''],
            ['text', 'b', 'B', "${a} = 'x"],
          ],
        },
        { name: 'settings', rows: [['form_id'], ['bad']] },
      ]),
    );
    const { code, stdout, stderr } = await kitout('form', 'import', bad);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `kitout: ${bad}, sheet survey, row 3, field "relevant": cannot read “\${a} = 'x”: the text starting at position 8 has no closing quote\n`,
    );
  });

  it('answers bad calls with a one-line reason and a non-zero exit', async () => {
    const missing = await kitout('form', 'import', join(dir, 'nope.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kitout: cannot read .*nope\.xlsx: no such file\n$/);
    const plan = await kitout('form', 'import', fixture, '--plan', 'questionz=ru');
    expect(plan.code).toBe(2);
    expect(plan.stderr).toBe(
      'kitout: invalid --plan: “questionz” is not a part of a form; use title, groups, questions, hints, choices\n',
    );
  });
});
