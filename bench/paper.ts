import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDefaultSizingForm } from '../src/domain/forms/default-sizing-form.ts';
import { parseLanguagePlan } from '../src/domain/forms/language-plan.ts';
import type { PrintPerson } from '../src/domain/paper/page-chrome.ts';
import { renderForms } from '../src/services/paper-render.ts';
import { atMost, type Bench, timed } from './lib.ts';

/**
 * Renders 1,500 personalised copies of the default sizing form (Russian questions, Korean choices, A4) into
 * one PDF, with its layout file — what `kitout paper render` does for a wave. Goals: `render_1500_s` < 30 s
 * (PDF and layout written), `kb_per_form` < 200 (PDF bytes per person: fonts are embedded once, subset).
 * `--people N` changes the count.
 */
const NAMES = [
  'Иванов Иван Иванович',
  'Петрова Анна Сергеевна',
  '김민준',
  '이서연',
  'Smith John',
  'Ким Сергей',
];

const bench: Bench = async ({ log, args }) => {
  const count = Number(args.people ?? 1500);
  const form = buildDefaultSizingForm();
  const plan = parseLanguagePlan('questions=ru,choices=ko');
  if (!plan.ok) throw new Error('plan');
  const people: PrintPerson[] = Array.from({ length: count }, (_, i) => ({
    id: `P-${String(100001 + i)}`,
    name: NAMES[i % NAMES.length]!,
    ...(i % 3 === 0 ? { nameLatin: 'Ivanov Ivan' } : {}),
    site: ['north', 'south', 'east'][i % 3]!,
  }));
  const dir = await mkdtemp(join(tmpdir(), 'kitout-bench-paper-'));
  try {
    const pdf = join(dir, 'forms.pdf');
    const layoutFile = join(dir, 'forms.layout.json');
    log(`rendering ${count} forms…`);
    const { seconds, value } = await timed(async () => {
      const result = await renderForms({
        form,
        people,
        plan: plan.value,
        paper: 'a4',
        out: createWriteStream(pdf),
        created: new Date(0),
        onProgress: (done) => {
          if (done % 500 === 0) log(`  ${done}/${count}`);
        },
      });
      await writeFile(layoutFile, JSON.stringify(result.layout));
      return result;
    });
    const pdfBytes = (await stat(pdf)).size;
    const layoutBytes = (await stat(layoutFile)).size;
    const scale = 1500 / count;
    return {
      bench: 'paper',
      goals: {
        render_1500_s: atMost(seconds * scale, 's', 30),
        kb_per_form: atMost(pdfBytes / count / 1024, 'KB', 200),
      },
      details: {
        people: count,
        measured_s: Math.round(seconds * 100) / 100,
        ...(count !== 1500 ? { note: `measured on ${count} forms, time scaled to 1,500` } : {}),
        pages: value.pages,
        pages_per_person: value.pagesPerPerson,
        pdf_mb: Math.round((pdfBytes / 1024 / 1024) * 10) / 10,
        layout_mb: Math.round((layoutBytes / 1024 / 1024) * 10) / 10,
        plan: 'questions=ru,choices=ko',
        paper: 'a4',
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export default bench;
