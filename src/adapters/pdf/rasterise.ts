import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LimitError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';
import type { GreyImage } from '../../domain/paper/raster.ts';
import { parsePgm } from '../images/pgm.ts';

const run = promisify(execFile);
/** Longest poppler may work on one call before it is stopped (a hostile PDF can make it spin). */
const PDF_TIMEOUT_MS = 120_000;

/** Each page's size in points ([page, width, height]) from `pdfinfo -f -l`. */
async function pdfPageSizes(pdf: string, first?: number, last?: number): Promise<[number, number, number][]> {
  const args = ['-f', String(first ?? 1), '-l', String(last ?? first ?? 1), pdf];
  let stdout: string;
  try {
    ({ stdout } = await run('pdfinfo', args, { maxBuffer: 1 << 22, timeout: PDF_TIMEOUT_MS }));
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error((e.stderr || e.message).trim().split('\n')[0] ?? 'pdfinfo failed');
  }
  return [...stdout.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
  ]);
}

/** Whether Debian's poppler-utils (`pdftoppm`) is installed. */
export async function hasPdftoppm(): Promise<boolean> {
  try {
    await run('pdftoppm', ['-v']);
    return true;
  } catch {
    return false;
  }
}

/** How many pages a PDF has, from `pdfinfo` (poppler-utils too). */
export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf], { maxBuffer: 1 << 20, timeout: PDF_TIMEOUT_MS });
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error('pdfinfo does not give a page count');
  return Number(m[1]);
}

/**
 * Rasterises PDF pages to greyscale pictures with `pdftoppm -gray` at a resolution (Kitout reads scanned PDFs
 * at 200 dpi). Pages are 1-based and inclusive. The pictures pass through a temporary folder that is removed.
 */
export async function rasterisePdf(
  pdf: string,
  options: { dpi: number; first?: number; last?: number },
): Promise<GreyImage[]> {
  // A page's size is known before it is drawn: a hostile MediaBox (a page a hundred metres wide) is refused by the
  // pixels it would make, and a file that makes poppler spin is stopped by the time limit.
  const sizes = await pdfPageSizes(pdf, options.first, options.last);
  for (const [page, w, h] of sizes) {
    const pixels = Math.round((w / 72) * options.dpi) * Math.round((h / 72) * options.dpi);
    if (pixels > LIMITS.imagePixels)
      throw new LimitError(
        'imagePixels',
        LIMITS.imagePixels,
        pixels,
        `page ${page} of the PDF would be ${pixels} pixels at ${options.dpi} dpi, over the limit of ${LIMITS.imagePixels}`,
      );
  }
  const dir = await mkdtemp(join(tmpdir(), 'kitout-raster-'));
  try {
    const args = ['-gray', '-r', String(options.dpi)];
    if (options.first !== undefined) args.push('-f', String(options.first));
    if (options.last !== undefined) args.push('-l', String(options.last));
    args.push(pdf, join(dir, 'p'));
    try {
      await run('pdftoppm', args, { maxBuffer: 1 << 20, timeout: PDF_TIMEOUT_MS });
    } catch (err) {
      const e = err as { code?: string; stderr?: string; message: string };
      if (e.code === 'ENOENT') throw new Error('pdftoppm is not installed (Debian package poppler-utils)');
      throw new Error((e.stderr || e.message).trim().split('\n')[0] ?? 'pdftoppm failed');
    }
    // pdftoppm numbers its files p-1.pgm, p-01.pgm … by the page count; sort by the number, not the text.
    const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm'));
    files.sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)![1]) - Number(/(\d+)\.pgm$/.exec(b)![1]));
    return await Promise.all(files.map(async (f) => parsePgm(await readFile(join(dir, f)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
