import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { encodeJpeg, encodePng } from '../../../src/adapters/images/image-file.ts';
import { rasterisePdf } from '../../../src/adapters/pdf/rasterise.ts';
import { buildDefaultSizingForm } from '../../../src/domain/forms/default-sizing-form.ts';
import { referencedFields } from '../../../src/domain/forms/expression-types.ts';
import { elementsOf, type NormalisedForm, questionsOf } from '../../../src/domain/forms/form-model.ts';
import { parseLanguagePlan } from '../../../src/domain/forms/language-plan.ts';
import type { LayoutField, LayoutFile, LayoutPage } from '../../../src/domain/paper/layout-file.ts';
import type { PrintPerson } from '../../../src/domain/paper/page-chrome.ts';
import type { PaperName } from '../../../src/domain/paper/page-geometry.ts';
import type { GreyImage } from '../../../src/domain/paper/raster.ts';
import { seededRng } from '../../../src/domain/random.ts';
import { renderForms } from '../../../src/services/paper-render.ts';
import { WorkerPool } from '../../../src/services/worker-pool.ts';
import { intendedAnswers } from './answers.ts';
import { addNoise, type Degradation, projectPage, randomDegradation } from './degrade.ts';
import { fillPage, type Hand, type Truth } from './fill-page.ts';

/**
 * A generated test set for the OMR reader: personalised forms rendered to PDF, each page rasterised,
 * filled in by a simulated hand (varying pens, partial fills, stray specks, crossed-out and double marks,
 * questions left blank), degraded like a scan or phone photo, and saved as JPEG or PNG — with the truth of
 * every field kept beside it. Seeded: the same options give the same set.
 */
export interface TestSetOptions {
  dir: string;
  people: number;
  seed: number;
  plan?: string;
  paper?: PaperName;
  /** Resolutions to cycle through, one per person. */
  dpis?: Degradation['dpi'][];
  form?: NormalisedForm;
  /** Pages saved exactly as filled: no turn, blur, noise or JPEG (for tests of the marks alone). */
  clean?: boolean;
  slips?: Slips;
  /** Worker threads making pages (0: this thread). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Slips {
  cross: number;
  double: number;
  blank: number;
}

export interface TestPage {
  file: string;
  person: string;
  page: number;
  degradation: Degradation;
  truth: Record<string, Truth>;
}

export interface TestSet {
  dir: string;
  pdf: string;
  layoutFile: string;
  layout: LayoutFile;
  form: NormalisedForm;
  pages: TestPage[];
}

const RU = ['Иванов Иван', 'Петрова Анна', 'Сидоров Пётр', 'Кузнецова Мария', 'Смирнов Алексей'];
const KO = ['김민준', '이서연', '박지훈', '최수아', '정도윤'];

export function testPeople(count: number): PrintPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `P-${String(101 + i).padStart(6, '0')}`,
    name: i % 2 ? KO[i % KO.length]! : RU[i % RU.length]!,
    site: i % 3 ? 'north' : 'south',
  }));
}

/** Everything needed to make one person's pages, plain data so it can go to a worker thread. */
export interface PersonTask {
  dir: string;
  pdf: string;
  form: NormalisedForm;
  fields: LayoutField[];
  pages: LayoutPage[];
  person: string;
  /** Position of the person in the set (their pages start at `ordinal * pages.length + 1` in the PDF). */
  ordinal: number;
  seed: number;
  dpi: Degradation['dpi'];
  clean: boolean;
  slips: Slips;
}

export async function buildTestSet(options: TestSetOptions): Promise<TestSet> {
  const form = options.form ?? buildDefaultSizingForm();
  const plan = parseLanguagePlan(options.plan ?? 'questions=ru,choices=ko');
  if (!plan.ok) throw new Error('bad plan');
  await mkdir(options.dir, { recursive: true });
  const pdf = join(options.dir, 'forms.pdf');
  const people = testPeople(options.people);
  const rendered = await renderForms({
    form,
    people,
    plan: plan.value,
    paper: options.paper ?? 'a4',
    out: createWriteStream(pdf),
    created: new Date(0),
  });
  const layoutFile = join(options.dir, 'layout.json');
  await writeFile(layoutFile, JSON.stringify(rendered.layout));
  const per = rendered.pagesPerPerson;
  const dpis = options.dpis ?? [150, 200, 300];
  const tasks: PersonTask[] = people.map((person, i) => ({
    dir: options.dir,
    pdf,
    form,
    fields: rendered.layout.fields ?? [],
    pages: rendered.layout.pages.slice(i * per, (i + 1) * per),
    person: person.id,
    ordinal: i,
    seed: options.seed,
    dpi: dpis[i % dpis.length]!,
    clean: options.clean ?? false,
    slips: options.slips ?? { cross: 0.02, double: 0.01, blank: 0.01 },
  }));
  const pool =
    (options.workers ?? 0) > 0
      ? new WorkerPool<PersonTask, TestPage[]>(
          new URL('./generate-worker.mjs', import.meta.url),
          options.workers!,
          null,
        )
      : undefined;
  let done = 0;
  try {
    const results = await Promise.all(
      tasks.map(async (task) => {
        const pages = pool ? await pool.run(task) : await generatePerson(task);
        options.onProgress?.(++done, tasks.length);
        return pages;
      }),
    );
    const pages = results.flat();
    await writeFile(join(options.dir, 'truth.json'), JSON.stringify(pages, null, 1));
    return { dir: options.dir, pdf, layoutFile, layout: rendered.layout, form, pages };
  } finally {
    await pool?.close();
  }
}

/** Makes one person's filled, degraded pages and their truth. */
export async function generatePerson(task: PersonTask): Promise<TestPage[]> {
  const { form } = task;
  const required = new Set(
    [...questionsOf(form.survey)].filter((q) => q.question.required).map((q) => q.question.name),
  );
  const controllers = new Set<string>();
  for (const e of elementsOf(form.survey))
    if (e.relevantTree) for (const f of referencedFields(e.relevantTree)) controllers.add(f);
  const rng = seededRng(task.seed * 7919 + task.ordinal);
  const intended = intendedAnswers(form, rng, task.slips.blank);
  const dark = rng() < 0.9;
  const hand: Hand = {
    pen: { ink: dark ? 10 + rng() * 90 : 110 + rng() * 30, rng },
    coverage: () => (rng() < 0.8 ? 1 : 0.72 + rng() * 0.23),
    crossRate: task.slips.cross,
    doubleRate: task.slips.double,
    specks: Math.floor(rng() * 4),
  };
  const per = task.pages.length;
  const images = await rasterisePdf(task.pdf, {
    dpi: task.dpi,
    first: task.ordinal * per + 1,
    last: (task.ordinal + 1) * per,
  });
  const out: TestPage[] = [];
  for (const [p, img] of images.entries()) {
    const layoutPage = task.pages[p]!;
    const truth = fillPage(img, task.dpi, layoutPage, task.fields, intended, required, controllers, hand);
    const degradation: Degradation = task.clean
      ? { dpi: task.dpi, rotation: 0, scale: 1, perspective: 0, blur: 0, noise: 0, background: 255, shade: 0 }
      : randomDegradation(rng, task.dpi);
    const bytes = task.clean ? await encodePng(img, 1) : await degrade(img, degradation, rng);
    const file = join(task.dir, `${task.person}-p${layoutPage.page}.${degradation.jpeg ? 'jpg' : 'png'}`);
    await writeFile(file, bytes);
    out.push({
      file,
      person: task.person,
      page: layoutPage.page,
      degradation,
      truth: Object.fromEntries(truth),
    });
  }
  return out;
}

async function degrade(img: GreyImage, d: Degradation, rng: () => number): Promise<Buffer> {
  let seen = projectPage(img, d, rng);
  if (d.blur > 0) {
    const { data, info } = await sharp(
      Buffer.from(seen.data.buffer, seen.data.byteOffset, seen.data.length),
      {
        raw: { width: seen.width, height: seen.height, channels: 1 },
      },
    )
      .blur(Math.max(0.3, d.blur))
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    seen = {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    };
  }
  addNoise(seen, d.noise, rng);
  return d.jpeg ? encodeJpeg(seen, d.jpeg) : encodePng(seen, 1);
}
