import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScans } from '../src/services/paper-read.ts';
import { scoreReport } from '../test/paper/generator/score.ts';
import { buildTestSet, type TestPage } from '../test/paper/generator/testset.ts';
import { atLeast, atMost, type Bench, timed } from './lib.ts';

/**
 * Optical mark reading on a generated set (test/paper/generator): 100 people × 3 pages of the default form
 * (Russian questions, Korean choices), filled by a simulated hand — pens of varying darkness, partial fills,
 * stray specks, crossed-out and double marks, questions left blank — then scanned or photographed at 150,
 * 200 or 300 dpi, turned up to ±3°, scaled 0.95–1.05, a third in perspective like a phone photo, blurred,
 * grainy, and saved as JPEG (quality 40–90) or PNG. Goals:
 * - `mark_accuracy`: the share of fields read as the truth says (the right answer, blank, or sent to review
 *   when a person must look: a crossed-out or double mark, a required question left blank, handwriting);
 *   a clear mark sent to review counts as a miss. ≥ 0.999.
 * - `unflagged_wrong`: fields given a wrong answer (or read blank when marked) without being sent to review. 0.
 * - `pages_per_s`: the 200 dpi pages read again, timed alone, in two worker threads (files decoded, marks read,
 *   review snippets made). ≥ 10.
 * Options: `--people N`, `--seed N`, `--workers N`, `--keep DIR` (keep the generated set there).
 */
const bench: Bench = async ({ log, args }) => {
  const people = Number(args.people ?? 100);
  const seed = Number(args.seed ?? 2024);
  const workers = Number(args.workers ?? 2);
  const dir = args.keep ?? (await mkdtemp(join(tmpdir(), 'kitout-bench-omr-')));
  try {
    log(`generating ${people * 3} pages in ${dir}…`);
    const generated = await timed(() =>
      buildTestSet({
        dir,
        people,
        seed,
        workers,
        onProgress: (done, total) => {
          if (done % 20 === 0 || done === total) log(`  ${done}/${total} people`);
        },
      }),
    );
    const set = generated.value;
    const explain = (code: string) => code;
    log(`reading ${set.pages.length} pages…`);
    const all = await timed(() =>
      readScans({
        files: set.pages.map((p) => p.file),
        form: set.form,
        layout: set.layout,
        workers,
        explain,
      }),
    );
    const score = scoreReport(set.pages, all.value);
    const at200 = set.pages.filter((p) => p.degradation.dpi === 200);
    log(`timing ${at200.length} pages at 200 dpi…`);
    const timedRead = await timed(() =>
      readScans({ files: at200.map((p) => p.file), form: set.form, layout: set.layout, workers, explain }),
    );
    const reviews = all.value.pages.reduce((n, p) => n + p.review.length, 0);
    return {
      bench: 'omr',
      goals: {
        mark_accuracy: atLeast(score.fields ? score.correct / score.fields : 0, 'fraction', 0.999),
        unflagged_wrong: atMost(score.unflaggedWrong, 'fields', 0),
        pages_per_s: atLeast(at200.length / timedRead.seconds, 'pages/s', 10),
      },
      details: {
        pages: set.pages.length,
        fields: score.fields,
        correct: score.correct,
        needless_reviews: score.needlessReview,
        failed_pages: all.value.failed.length,
        review_items: reviews,
        review_rate: round(reviews / Math.max(1, score.fields)),
        workers,
        seed,
        generate_s: round(generated.seconds),
        read_all_s: round(all.seconds),
        pages_per_s_all_dpi: round(set.pages.length / all.seconds),
        pages_at_200dpi: at200.length,
        by_degradation: breakdown(set.pages, all.value),
        misses: score.wrong.slice(0, 20),
        failures: all.value.failed.slice(0, 10),
      },
    };
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
};

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Accuracy per kind of damage: resolution, turn, perspective, blur, JPEG quality, noise. */
function breakdown(pages: readonly TestPage[], report: Parameters<typeof scoreReport>[1]) {
  const buckets: Record<string, (p: TestPage) => string> = {
    dpi: (p) => String(p.degradation.dpi),
    rotation: (p) => {
      const r = Math.abs(p.degradation.rotation);
      return r < 1 ? '<1°' : r < 2 ? '1–2°' : '2–3°';
    },
    capture: (p) => (p.degradation.perspective > 0 ? 'photo (perspective)' : 'scan'),
    blur: (p) => (p.degradation.blur === 0 ? 'none' : p.degradation.blur < 0.8 ? 'σ<0.8' : 'σ≥0.8'),
    jpeg: (p) => {
      const q = p.degradation.jpeg;
      return q === undefined ? 'png' : q < 60 ? '40–59' : q < 75 ? '60–74' : '75–90';
    },
    noise: (p) => (p.degradation.noise < 3 ? '<3' : p.degradation.noise < 6 ? '3–6' : '≥6'),
  };
  const out: Record<
    string,
    Record<string, { pages: number; fields: number; accuracy: number; unflagged_wrong: number }>
  > = {};
  for (const [name, key] of Object.entries(buckets)) {
    const groups = new Map<string, TestPage[]>();
    for (const p of pages) {
      const k = key(p);
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    out[name] = {};
    for (const [k, list] of [...groups].sort()) {
      const s = scoreReport(list, report);
      out[name][k] = {
        pages: list.length,
        fields: s.fields,
        accuracy: round(s.fields ? s.correct / s.fields : 0),
        unflagged_wrong: s.unflaggedWrong,
      };
    }
  }
  return out;
}

export default bench;
