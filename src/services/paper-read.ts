import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { encodePng } from '../adapters/images/image-file.ts';
import { pdfPageCount, rasterisePdf } from '../adapters/pdf/rasterise.ts';
import type { NormalisedForm } from '../domain/forms/form-model.ts';
import type { FieldReading, ReviewReason } from '../domain/paper/field-reading.ts';
import { applyFormRules } from '../domain/paper/form-rules.ts';
import type { LayoutFile } from '../domain/paper/layout-file.ts';
import type { GreyImage } from '../domain/paper/raster.ts';
import type { FailCode, PageOutcome } from './paper-read-page.ts';
import { pageReader, type ReadTask, type ReadTaskResult, readerInit } from './paper-read-task.ts';
import { WorkerPool } from './worker-pool.ts';

/** Scanned PDFs are rasterised at this resolution before reading. */
export const PDF_DPI = 200;
/** PDF pages rasterised at a time, so a long scanned PDF never sits in memory whole. */
const PDF_CHUNK = 8;

/** One review item of the JSON contract, with Kitout's extensions `suggestion` and `snippet`. */
export interface ReviewItem {
  field: string;
  reason: ReviewReason;
  /** The likeliest answer, where one mark stands out (a person confirms it). */
  suggestion?: string;
  /** The field's area of the scan, straightened: a `data:image/png;base64,…` URL, or a file path. */
  snippet?: string;
}

export interface PageReport {
  file: string;
  /** 1-based page within a multi-page file (PDF, TIFF); absent for single pictures. */
  pageInFile?: number;
  person: string;
  page: number;
  answers: Record<string, string>;
  confidence: Record<string, number>;
  review: ReviewItem[];
}

export interface FailedReport {
  file: string;
  pageInFile?: number;
  code: FailCode | 'unreadable' | 'pdfTool' | 'internal';
  reason: string;
}

export interface ReadReport {
  pages: PageReport[];
  failed: FailedReport[];
}

export interface ReadScansOptions {
  files: readonly string[];
  form: NormalisedForm;
  layout: LayoutFile;
  /** Worker threads; 0 reads in this thread. Default: one per core, at most 4, none for one or two files. */
  workers?: number;
  /** Where review snippets go: inline data URLs (default), PNG files in a folder, or none. */
  snippets?: { kind: 'inline' } | { kind: 'dir'; dir: string } | { kind: 'none' };
  /** Turns a failure code and its values into a sentence (the CLI's language). */
  explain: (code: FailedReport['code'], params: Record<string, string | number>) => string;
  onProgress?: (done: number, total: number) => void;
}

interface Unit {
  file: string;
  pageInFile?: number;
  result: ReadTaskResult | { ok: false; reason: string; code: FailedReport['code'] };
}

/**
 * Reads a batch of scans and photos: PNG, JPEG, TIFF (all pages) and PDF (rasterised at 200 dpi with
 * pdftoppm). Each page is read on its own — in worker threads across the cores when there are several — so
 * one unreadable page is reported and the rest go on. Then each person's pages are checked against the form
 * together (a required question may hang on an answer on another page), and every field under review gets a
 * straightened picture of its area.
 */
export async function readScans(options: ReadScansOptions): Promise<ReadReport> {
  const { form, layout } = options;
  const version = form.settings.version ?? '';
  const init = readerInit(layout, form.settings.formId, version);
  const size = options.workers ?? (options.files.length > 2 ? Math.min(4, availableParallelism()) : 0);
  const pool =
    size > 0
      ? new WorkerPool<ReadTask, ReadTaskResult>(
          new URL('./paper-read-worker.mjs', import.meta.url),
          size,
          init,
        )
      : undefined;
  const local = pool ? undefined : pageReader(init);
  const run = (task: ReadTask, transfer: ArrayBuffer[] = []) =>
    pool ? pool.run(task, transfer) : local!(task);

  let total = options.files.length;
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  options.onProgress?.(0, total);
  const units: Promise<Unit[]>[] = [];
  try {
    for (const file of options.files) {
      if (extname(file).toLowerCase() === '.pdf') {
        units.push(readPdf(file, run, (extra) => (total += extra), tick));
        continue;
      }
      units.push(
        run({ kind: 'file', path: file })
          .catch((err: Error) => ({ ok: false as const, reason: err.message }))
          .then((result) => {
            tick();
            return [{ file, result }];
          }),
      );
    }
    const all = (await Promise.all(units)).flat();
    return await report(all, options);
  } finally {
    await pool?.close();
  }
}

async function readPdf(
  file: string,
  run: (task: ReadTask, transfer?: ArrayBuffer[]) => Promise<ReadTaskResult>,
  grow: (extra: number) => void,
  tick: () => void,
): Promise<Unit[]> {
  let pages: number;
  try {
    pages = await pdfPageCount(file);
  } catch (err) {
    tick();
    return [{ file, result: { ok: false, code: 'pdfTool', reason: (err as Error).message } }];
  }
  grow(pages - 1);
  const out: Promise<Unit>[] = [];
  for (let first = 1; first <= pages; first += PDF_CHUNK) {
    const last = Math.min(pages, first + PDF_CHUNK - 1);
    let images: GreyImage[];
    try {
      images = await rasterisePdf(file, { dpi: PDF_DPI, first, last });
    } catch (err) {
      for (let p = first; p <= last; p++) {
        tick();
        out.push(
          Promise.resolve({
            file,
            pageInFile: p,
            result: { ok: false, code: 'pdfTool', reason: (err as Error).message },
          }),
        );
      }
      continue;
    }
    images.forEach((image, i) => {
      out.push(
        run({ kind: 'image', image }, [image.data.buffer as ArrayBuffer])
          .catch((err: Error) => ({ ok: false as const, reason: err.message }))
          .then((result) => {
            tick();
            return { file, pageInFile: first + i, result };
          }),
      );
    });
    // Wait for this chunk before rasterising the next, so memory holds one chunk of pages.
    await Promise.all(out.slice(-images.length));
  }
  return Promise.all(out);
}

async function report(units: Unit[], options: ReadScansOptions): Promise<ReadReport> {
  const failed: FailedReport[] = [];
  const read: { file: string; pageInFile?: number; outcome: Extract<PageOutcome, { ok: true }> }[] = [];
  for (const unit of units) {
    const where = {
      file: unit.file,
      ...(unit.pageInFile !== undefined ? { pageInFile: unit.pageInFile } : {}),
    };
    if (!unit.result.ok) {
      const code = 'code' in unit.result ? unit.result.code : 'unreadable';
      failed.push({ ...where, code, reason: options.explain(code, { reason: unit.result.reason }) });
      continue;
    }
    const many = unit.result.outcomes.length > 1;
    unit.result.outcomes.forEach((outcome, i) => {
      const at = many ? { file: unit.file, pageInFile: i + 1 } : where;
      if (outcome.ok) read.push({ ...at, outcome });
      else failed.push({ ...at, code: outcome.code, reason: options.explain(outcome.code, outcome.params) });
    });
  }
  // Each person's pages are checked against the form together. A page scanned twice makes a second set,
  // so two copies of one page never lend each other answers.
  const sets = new Map<string, { pages: Set<number>; fields: FieldReading[][] }[]>();
  for (const r of read) {
    const list = sets.get(r.outcome.person) ?? [];
    let set = list.find((s) => !s.pages.has(r.outcome.page));
    if (!set) {
      set = { pages: new Set(), fields: [] };
      list.push(set);
    }
    set.pages.add(r.outcome.page);
    set.fields.push(r.outcome.fields);
    sets.set(r.outcome.person, list);
  }
  for (const list of sets.values()) for (const set of list) applyFormRules(options.form, set.fields);

  const snippets = options.snippets ?? { kind: 'inline' };
  if (snippets.kind === 'dir') await mkdir(snippets.dir, { recursive: true });
  const pages: PageReport[] = [];
  for (const r of read) {
    const answers: Record<string, string> = {};
    const confidence: Record<string, number> = {};
    const review: ReviewItem[] = [];
    for (const f of r.outcome.fields) {
      confidence[f.field] = f.confidence;
      if (f.review) {
        const item: ReviewItem = { field: f.field, reason: f.review.reason };
        if (f.review.suggestion !== undefined) item.suggestion = f.review.suggestion;
        const picture = r.outcome.snippets[f.field];
        if (picture && snippets.kind !== 'none') {
          const png = await encodePng(picture);
          if (snippets.kind === 'inline') item.snippet = `data:image/png;base64,${png.toString('base64')}`;
          else {
            const name = `${safe(r.outcome.person)}-p${r.outcome.page}-${safe(f.field)}-${safe(basename(r.file, extname(r.file)))}${r.pageInFile ? `-${r.pageInFile}` : ''}.png`;
            item.snippet = join(snippets.dir, name);
            await writeFile(item.snippet, png);
          }
        }
        review.push(item);
      } else if (f.answer) answers[f.field] = f.answer;
    }
    pages.push({
      file: r.file,
      ...(r.pageInFile !== undefined ? { pageInFile: r.pageInFile } : {}),
      person: r.outcome.person,
      page: r.outcome.page,
      answers,
      confidence,
      review,
    });
  }
  return { pages, failed };
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
