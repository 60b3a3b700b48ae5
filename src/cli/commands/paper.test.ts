import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLayoutFile } from '../../domain/paper/layout-file.ts';

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
  dir = await mkdtemp(join(tmpdir(), 'kitout-paper-cli-'));
  await writeFile(
    join(dir, 'roster.csv'),
    'id,name,name_latin,site\nP-000101,Иванов Иван,Ivanov Ivan,north\nP-000102,김민준,,south\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('kitout paper', () => {
  it('render writes the PDF and the layout file, and says so in JSON', async () => {
    const out = join(dir, 'forms.pdf');
    const layout = join(dir, 'forms.layout.json');
    const r = await kitout(
      'paper',
      'render',
      '--form',
      fixture,
      '--roster',
      join(dir, 'roster.csv'),
      '--plan',
      'questions=ru,choices=ko',
      '--out',
      out,
      '--layout',
      layout,
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ out, layout, people: 2, pages: 6, pagesPerPerson: 3 });
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
    const parsed = parseLayoutFile(JSON.parse(await readFile(layout, 'utf8')));
    expect(parsed.ok && parsed.value.pages.map((p) => [p.index, p.person, p.page])).toEqual([
      [0, 'P-000101', 1],
      [1, 'P-000101', 2],
      [2, 'P-000101', 3],
      [3, 'P-000102', 1],
      [4, 'P-000102', 2],
      [5, 'P-000102', 3],
    ]);

    // Reading the printed PDF back: six pages, nothing filled in, the blank required questions for review.
    const read = await kitout(
      'paper',
      'read',
      out,
      '--form',
      fixture,
      '--layout',
      layout,
      '--json',
      '--no-snippets',
    );
    expect(read.code).toBe(0);
    const report = JSON.parse(read.stdout);
    expect(report.failed).toEqual([]);
    expect(report.pages).toHaveLength(6);
    expect(report.pages[0]).toMatchObject({
      file: out,
      pageInFile: 1,
      person: 'P-000101',
      page: 1,
      answers: {},
    });
    expect(report.pages[0].review).toEqual([
      { field: 'head_known', reason: 'blank-required' },
      { field: 'uniform_known', reason: 'blank-required' },
    ]);
  });

  it('read reports a bad file and still exits with the report, non-zero', async () => {
    await kitout(
      'paper',
      'render',
      '--form',
      fixture,
      '--roster',
      join(dir, 'roster.csv'),
      '--out',
      join(dir, 'b.pdf'),
    );
    const junk = join(dir, 'junk.jpg');
    await writeFile(junk, 'not an image');
    const r = await kitout(
      'paper',
      'read',
      junk,
      '--form',
      fixture,
      '--layout',
      join(dir, 'b.layout.json'),
      '--json',
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ pages: [], failed: [{ file: junk, code: 'unreadable' }] });
    expect(r.stderr.trim().split('\n').at(-1)).toBe('kitout: 1 of 1 pages could not be read');
  });

  it('refuses bad input with one line on stderr', async () => {
    const paper = await kitout(
      'paper',
      'render',
      '--form',
      fixture,
      '--roster',
      join(dir, 'roster.csv'),
      '--out',
      join(dir, 'x.pdf'),
      '--paper',
      'a3',
    );
    expect(paper.code).toBe(2);
    expect(paper.stderr).toBe('kitout: unknown --paper "a3": use a4 or letter\n');
    const roster = await kitout(
      'paper',
      'render',
      '--form',
      fixture,
      '--roster',
      join(dir, 'nope.csv'),
      '--out',
      join(dir, 'x.pdf'),
    );
    expect(roster.code).toBe(1);
    expect(roster.stderr).toMatch(/^kitout: cannot read .*nope\.csv: no such file\n$/);
    const plan = await kitout(
      'paper',
      'render',
      '--form',
      fixture,
      '--roster',
      join(dir, 'roster.csv'),
      '--out',
      join(dir, 'x.pdf'),
      '--plan',
      'sizes=ru',
    );
    expect(plan.code).toBe(2);
    const layout = join(dir, 'bad-layout.json');
    await writeFile(layout, JSON.stringify({ format: 'kitout-layout', version: 2, unit: 'pt', pages: [] }));
    const read = await kitout('paper', 'read', join(dir, 'x.png'), '--form', fixture, '--layout', layout);
    expect(read.code).toBe(1);
    expect(read.stderr).toMatch(/^kitout: .*bad-layout\.json is not a Kitout layout file: version/);
  });

  it('refuses a roster row without an id, or an id given twice, naming the row', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'id,name\nP-1,Анна\n,Пётр\nP-1,Иван\n');
    const r = await kitout(
      'paper',
      'render',
      '--form',
      fixture,
      '--roster',
      bad,
      '--out',
      join(dir, 'y.pdf'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kitout: bad\.csv, row 3, field "id": missing id/);
    expect(r.stderr).toMatch(/row 4, field "id": id "P-1" is also on row 2/);
  });
});
