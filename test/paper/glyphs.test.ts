import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterisePdf } from '../../src/adapters/pdf/rasterise.ts';
import { InputError } from '../../src/domain/errors.ts';
import { buildDefaultSizingForm } from '../../src/domain/forms/default-sizing-form.ts';
import { parseLanguagePlan } from '../../src/domain/forms/language-plan.ts';
import { type DrawOp, lineHeight } from '../../src/domain/paper/draw-ops.ts';
import { renderForms } from '../../src/services/paper-render.ts';
import { requirePoppler } from './support.ts';

const run = promisify(execFile);
const form = buildDefaultSizingForm();
const plan = (text: string) => {
  const p = parseLanguagePlan(text);
  if (!p.ok) throw new Error(text);
  return p.value;
};

let dir: string;
beforeAll(async () => {
  await requirePoppler();
  dir = await mkdtemp(join(tmpdir(), 'kitout-paper-glyphs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a Korean and Russian page', () => {
  it('embeds subset fonts and prints ink in every text run (rendered to pixels, not just extracted)', async () => {
    const pdf = join(dir, 'ru-ko.pdf');
    const pages: DrawOp[][] = [];
    const result = await renderForms({
      form,
      plan: plan('questions=ru,choices=ko'),
      paper: 'a4',
      people: [{ id: 'P-000101', name: '김민준', nameLatin: 'Kim Minjun', site: 'Пункт-1' }],
      out: createWriteStream(pdf),
      created: new Date(0),
      onPage: (_, ops) => pages.push([...ops]),
    });
    expect(result.pagesPerPerson).toBe(3);
    const { stdout } = await run('pdffonts', [pdf]);
    const fonts = stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBe(2);
    // name, type, encoding, emb, sub: every font embedded and subset (its name carries the ABCDEF+ prefix).
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+NotoSansKR-\S+\s.*\syes\s+yes\s+yes\s/);

    const dpi = 110;
    const images = await rasterisePdf(pdf, { dpi });
    const scale = dpi / 72;
    let runs = 0;
    let hangul = 0;
    let cyrillic = 0;
    images.forEach((img, p) => {
      for (const op of pages[p]!) {
        if (op.op !== 'text' || !op.text.trim()) continue;
        runs++;
        if (/[\uac00-\ud7a3]/.test(op.text)) hangul++;
        if (/[\u0400-\u04ff]/.test(op.text)) cyrillic++;
        // The darkest pixel of the run's box: a missing glyph would leave it paper white.
        const x0 = Math.floor(op.x * scale);
        const y0 = Math.floor(op.y * scale);
        const x1 = Math.ceil((op.x + Math.max(op.size * 0.5, 2)) * scale);
        const y1 = Math.ceil((op.y + lineHeight(op.size)) * scale);
        let darkest = 255;
        for (let y = y0; y < y1; y++)
          for (let x = x0; x < x1; x++) darkest = Math.min(darkest, img.data[y * img.width + x]!);
        const limit = op.grey && op.grey > 0.5 ? 235 : 160;
        expect(darkest, `no ink for "${op.text}" on page ${p + 1}`).toBeLessThan(limit);
      }
    });
    expect(runs).toBeGreaterThan(100);
    expect(hangul).toBeGreaterThan(10);
    expect(cyrillic).toBeGreaterThan(20);
  });

  it('refuses, before drawing, a name the font has no glyphs for, naming the person and characters', async () => {
    const attempt = renderForms({
      form,
      plan: plan('ru'),
      paper: 'a4',
      people: [{ id: 'P-9', name: 'محمد' }],
      out: createWriteStream(join(dir, 'x.pdf')),
      created: new Date(0),
    });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(/P-9.*no glyph for "م"/);
  });
});
