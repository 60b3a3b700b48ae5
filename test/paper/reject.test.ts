import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../src/adapters/images/image-file.ts';
import { rasterisePdf } from '../../src/adapters/pdf/rasterise.ts';
import { buildDefaultSizingForm } from '../../src/domain/forms/default-sizing-form.ts';
import { DEFAULT_PLAN } from '../../src/domain/forms/language-plan.ts';
import type { LayoutFile } from '../../src/domain/paper/layout-file.ts';
import { blankImage } from '../../src/domain/paper/raster.ts';
import { readScans } from '../../src/services/paper-read.ts';
import { renderForms } from '../../src/services/paper-render.ts';
import { explainCode, requirePoppler } from './support.ts';

const form = buildDefaultSizingForm();
let dir: string;
let layout: LayoutFile;
const files: Record<string, string> = {};

async function render(out: string, formToUse = form, people = [{ id: 'P-1', name: 'Иванов' }]) {
  return renderForms({
    form: formToUse,
    plan: DEFAULT_PLAN,
    paper: 'a4',
    people,
    out: createWriteStream(out),
    created: new Date(0),
  });
}

async function firstPagePng(pdf: string, name: string): Promise<string> {
  const [img] = await rasterisePdf(pdf, { dpi: 150, first: 1, last: 1 });
  const file = join(dir, name);
  await writeFile(file, await encodePng(img!));
  return file;
}

beforeAll(async () => {
  await requirePoppler();
  dir = await mkdtemp(join(tmpdir(), 'kitout-paper-reject-'));
  layout = (await render(join(dir, 'ours.pdf'))).layout;
  files.good = await firstPagePng(join(dir, 'ours.pdf'), 'good.png');
  const other = structuredClone(form);
  other.settings.version = '2';
  await render(join(dir, 'v2.pdf'), other);
  files.otherVersion = await firstPagePng(join(dir, 'v2.pdf'), 'v2.png');
  await render(join(dir, 'stranger.pdf'), form, [{ id: 'P-404', name: 'Незнакомец' }]);
  files.stranger = await firstPagePng(join(dir, 'stranger.pdf'), 'stranger.png');
  files.blank = join(dir, 'blank.png');
  await writeFile(files.blank, await encodePng(blankImage(1240, 1754, 250)));
  files.garbage = join(dir, 'garbage.jpg');
  await writeFile(files.garbage, Buffer.from('this is not a picture at all'));
  files.empty = join(dir, 'empty.png');
  await writeFile(files.empty, Buffer.alloc(0));
  files.truncated = join(dir, 'truncated.png');
  const good = await encodePng(blankImage(300, 300, 200));
  await writeFile(files.truncated, good.subarray(0, 60));
  files.missing = join(dir, 'missing.png');
  files.brokenPdf = join(dir, 'broken.pdf');
  await copyFile(files.garbage, files.brokenPdf);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pages that cannot be read', () => {
  it('are each reported with a clear reason while the rest of the batch is read', async () => {
    const order = [
      'garbage',
      'otherVersion',
      'good',
      'blank',
      'stranger',
      'empty',
      'truncated',
      'missing',
      'brokenPdf',
    ];
    const report = await readScans({
      files: order.map((k) => files[k]!),
      form,
      layout,
      workers: 0,
      explain: explainCode,
    });
    expect(report.pages.map((p) => p.file)).toEqual([files.good]);
    expect(report.pages[0]).toMatchObject({ person: 'P-1', page: 1 });
    const why = Object.fromEntries(report.failed.map((f) => [f.file, `${f.code}: ${f.reason}`]));
    expect(why[files.garbage!]).toMatch(/^unreadable: unreadable .*unsupported image format/);
    expect(why[files.otherVersion!]).toMatch(
      /^otherForm: .*"form":"kitout-sizing","version":"2".*"expectedVersion":"1"/,
    );
    expect(why[files.blank!]).toMatch(/^noQr/);
    expect(why[files.stranger!]).toMatch(/^unknownPage: .*"person":"P-404","page":1/);
    expect(why[files.empty!]).toMatch(/^unreadable/);
    expect(why[files.truncated!]).toMatch(/^unreadable/);
    expect(why[files.missing!]).toMatch(/^unreadable: .*(no such file|ENOENT)/i);
    expect(why[files.brokenPdf!]).toMatch(/^pdfTool/);
    expect(report.failed).toHaveLength(order.length - 1);
  });
});
