import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../src/adapters/images/image-file.ts';
import { decodeQr } from '../../src/adapters/images/qr-read.ts';
import { rasterisePdf } from '../../src/adapters/pdf/rasterise.ts';
import { buildDefaultSizingForm } from '../../src/domain/forms/default-sizing-form.ts';
import { DEFAULT_PLAN } from '../../src/domain/forms/language-plan.ts';
import { parsePagePayload } from '../../src/domain/paper/qr-payload.ts';
import { cropImage } from '../../src/domain/paper/raster.ts';
import { renderForms } from '../../src/services/paper-render.ts';
import { requirePoppler } from './support.ts';

const run = promisify(execFile);
let dir: string;
let pdf: string;
beforeAll(async () => {
  await requirePoppler();
  dir = await mkdtemp(join(tmpdir(), 'kitout-paper-qr-'));
  pdf = join(dir, 'forms.pdf');
  await renderForms({
    form: buildDefaultSizingForm(),
    plan: DEFAULT_PLAN,
    paper: 'letter',
    people: [{ id: 'Иван/7', name: 'Иван' }],
    out: createWriteStream(pdf),
    created: new Date(0),
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function hasZbar(): Promise<boolean> {
  try {
    await run('zbarimg', ['--version']);
    return true;
  } catch {
    return false;
  }
}

describe('the page QR code', () => {
  it('reads back at 150 dpi — the smallest resolution promised — with the form, person and page', async () => {
    const pages = await rasterisePdf(pdf, { dpi: 150 });
    // Letter is shorter than A4: the default form takes four pages there.
    expect(pages).toHaveLength(4);
    for (const [i, img] of pages.entries()) {
      // Only the top-right corner, where the code is printed.
      const found = decodeQr(cropImage(img, img.width * 0.7, 0, img.width * 0.3, img.height * 0.2));
      expect(found).toBeDefined();
      expect(/^[\x20-\x7e]+$/.test(found!.text)).toBe(true);
      expect(parsePagePayload(found!.text)).toEqual({
        ok: true,
        value: { formId: 'kitout-sizing', version: '1', personId: 'Иван/7', page: i + 1 },
      });
    }
  });

  it('reads the same with zbarimg, an independent reader', async () => {
    if (!(await hasZbar())) {
      // zbar-tools is an optional cross-check; the jsQR reading above is the test that must pass.
      console.warn('zbarimg not installed (apt-get install zbar-tools): cross-check skipped');
      return;
    }
    const [img] = await rasterisePdf(pdf, { dpi: 150, first: 2, last: 2 });
    const png = join(dir, 'page2.png');
    await writeFile(png, await encodePng(img!));
    const { stdout } = await run('zbarimg', ['--quiet', '--raw', png]);
    expect(stdout.trim()).toBe('kitout:1:kitout-sizing:1:%D0%98%D0%B2%D0%B0%D0%BD/7:2');
  });
});
