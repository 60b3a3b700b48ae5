import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScans } from '../../src/services/paper-read.ts';
import { scoreReport } from './generator/score.ts';
import { buildTestSet, type TestSet } from './generator/testset.ts';
import { explainCode, requirePoppler } from './support.ts';

let dir: string;
let set: TestSet;
beforeAll(async () => {
  await requirePoppler();
  dir = await mkdtemp(join(tmpdir(), 'kitout-paper-rr-'));
  // Two people, six pages, at 150 and 200 dpi, degraded; slips made common so every review path shows up.
  set = await buildTestSet({
    dir,
    people: 2,
    seed: 11,
    dpis: [150, 200],
    slips: { cross: 0.3, double: 0.2, blank: 0.06 },
  });
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('render → fill → degrade → read', () => {
  it('reads every field as the truth says, with nothing wrong left unflagged', async () => {
    const report = await readScans({
      files: set.pages.map((p) => p.file),
      form: set.form,
      layout: set.layout,
      workers: 0,
      explain: explainCode,
    });
    expect(report.failed).toEqual([]);
    const score = scoreReport(set.pages, report);
    expect(score.fields).toBeGreaterThan(40);
    expect(score.wrong).toEqual([]);
    expect(score.unflaggedWrong).toBe(0);
    expect(score.correct).toBe(score.fields);
    // The slips were sent to review, each with a picture of its field.
    const reviews = report.pages.flatMap((p) => p.review);
    expect(reviews.length).toBeGreaterThan(0);
    for (const r of reviews) {
      expect(r.snippet).toMatch(/^data:image\/png;base64,/);
      const png = Buffer.from(r.snippet!.split(',')[1]!, 'base64');
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBeGreaterThan(20);
    }
    // A field under review has no answer, and every field has a confidence.
    for (const p of report.pages) {
      for (const r of p.review) expect(p.answers[r.field]).toBeUndefined();
      for (const c of Object.values(p.confidence)) expect(c).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives the same answers when the pages are read in worker threads', async () => {
    const files = set.pages.map((p) => p.file);
    const inThread = await readScans({
      files,
      form: set.form,
      layout: set.layout,
      workers: 0,
      explain: explainCode,
      snippets: { kind: 'none' },
    });
    const inWorkers = await readScans({
      files,
      form: set.form,
      layout: set.layout,
      workers: 2,
      explain: explainCode,
      snippets: { kind: 'none' },
    });
    expect(inWorkers).toEqual(inThread);
  });

  it('reads a printed PDF page by page at 200 dpi, and a TIFF', async () => {
    const tiff = join(dir, 'page.tiff');
    await sharp(set.pages[0]!.file).tiff().toFile(tiff);
    const report = await readScans({
      files: [set.pdf, tiff],
      form: set.form,
      layout: set.layout,
      workers: 0,
      explain: explainCode,
    });
    expect(report.failed).toEqual([]);
    const fromPdf = report.pages.filter((p) => p.file === set.pdf);
    expect(fromPdf.map((p) => [p.pageInFile, p.person, p.page])).toEqual([
      [1, 'P-000101', 1],
      [2, 'P-000101', 2],
      [3, 'P-000101', 3],
      [4, 'P-000102', 1],
      [5, 'P-000102', 2],
      [6, 'P-000102', 3],
    ]);
    // An unfilled form: nothing answered, the first question of each group required and blank.
    expect(fromPdf.every((p) => Object.keys(p.answers).length === 0)).toBe(true);
    expect(fromPdf[0]!.review.map((r) => [r.field, r.reason])).toEqual([
      ['head_known', 'blank-required'],
      ['uniform_known', 'blank-required'],
    ]);
    // The TIFF is a second copy of page 1: read on its own, it lends the blank copy none of its answers.
    const fromTiff = report.pages.find((p) => p.file === tiff)!;
    expect(fromTiff.person).toBe(set.pages[0]!.person);
    expect(Object.keys(fromTiff.answers).length).toBeGreaterThan(0);
  });
});
