import { createWriteStream, existsSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.ts';
import type { NormalisedForm } from '../../domain/forms/form-model.ts';
import { problemToIssue, type Translate } from '../../domain/forms/form-problems.ts';
import { DEFAULT_PLAN, type LanguagePlan, parseLanguagePlan } from '../../domain/forms/language-plan.ts';
import { type LayoutFile, parseLayoutFile } from '../../domain/paper/layout-file.ts';
import { PAPER_SIZES, type PaperName } from '../../domain/paper/page-geometry.ts';
import { translatorFor } from '../../i18n/node.ts';
import { CliError, cliLanguage, emit, type GlobalOptions, progress } from '../output.ts';

// The PDF and image libraries load only when a paper command runs, so other commands start fast.
const renderService = () => import('../../services/paper-render.ts');
const readService = () => import('../../services/paper-read.ts');

async function translators(opts: GlobalOptions) {
  const lang = cliLanguage(opts);
  const paper = await translatorFor(lang, 'paper');
  const forms = await translatorFor(lang, 'forms');
  const t: Translate = (key, params) => paper(key, params ?? {});
  const tf: Translate = (key, params) => forms(key, params ?? {});
  return { t, tf };
}

async function loadForm(file: string, tf: Translate): Promise<NormalisedForm> {
  if (!existsSync(file)) throw new CliError(`cannot read ${file}: no such file`, 1);
  const { readFormFile } = await import('../../adapters/xlsx/form-file.ts');
  const result = await readFormFile(file);
  if (!result.ok) throw new InputError(result.errors.map((p) => problemToIssue(p, tf, file)));
  return result.value;
}

function parsePlan(text: string | undefined, tf: Translate): LanguagePlan {
  if (text === undefined) return DEFAULT_PLAN;
  const parsed = parseLanguagePlan(text);
  if (!parsed.ok)
    throw new CliError(`invalid --plan: ${parsed.errors.map((e) => tf(e.key, e.params)).join('; ')}`);
  return parsed.value;
}

/** Reads and checks a layout file; a problem is one line naming the file and the JSON path. */
async function loadLayout(file: string): Promise<LayoutFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`cannot read ${file}: no such file`, 1);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not JSON: ${(err as Error).message}`, 1);
  }
  const parsed = parseLayoutFile(json);
  if (!parsed.ok) throw new CliError(`${file} is not a Kitout layout file: ${parsed.errors.join('; ')}`, 1);
  return parsed.value;
}

/** Writes through a temporary file renamed into place, so an interrupted run never leaves half a file. */
async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (err) {
    await unlink(temporary).catch(() => undefined);
    throw err;
  }
}

export function registerPaper(program: Command): void {
  const paper = program
    .command('paper')
    .description('printed forms: render personalised PDFs, read scans back (OMR)');

  paper
    .command('render')
    .description(
      'render one personalised form per roster row into a PDF, and the layout file for reading it back',
    )
    .requiredOption('--form <file>', 'the form (.xlsx XLSForm or .json)')
    .requiredOption('--roster <file>', 'roster CSV or XLSX with columns id, name, name_latin, site')
    .requiredOption('--out <pdf>', 'the PDF to write')
    .option('--plan <plan>', 'languages, e.g. "questions=ru,choices=ko"')
    .option('--layout <json>', 'the layout file to write (default: beside the PDF, <name>.layout.json)')
    .option('--paper <size>', 'a4 or letter', 'a4')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & {
        form: string;
        roster: string;
        out: string;
        plan?: string;
        layout?: string;
        paper: string;
      };
      const { t, tf } = await translators(opts);
      if (!(opts.paper in PAPER_SIZES))
        throw new CliError(`unknown --paper "${opts.paper}": use a4 or letter`);
      if (!existsSync(opts.roster)) throw new CliError(`cannot read ${opts.roster}: no such file`, 1);
      const plan = parsePlan(opts.plan, tf);
      const form = await loadForm(opts.form, tf);
      const { readPrintRoster } = await import('../../services/paper-roster.ts');
      const people = await readPrintRoster(opts.roster);
      const layoutPath =
        opts.layout ?? join(dirname(opts.out), `${basename(opts.out, extname(opts.out))}.layout.json`);
      const { renderForms } = await renderService();
      const bar = progress(t('cli.rendering'), people.length);
      let result!: Awaited<ReturnType<typeof renderForms>>;
      await writeAtomically(opts.out, async (temporary) => {
        result = await renderForms({
          form,
          people,
          plan,
          paper: opts.paper as PaperName,
          out: createWriteStream(temporary),
          created: new Date(),
          onProgress: (done) => bar.tick(done),
        });
      });
      bar.done();
      await writeAtomically(layoutPath, (temporary) => writeFile(temporary, JSON.stringify(result.layout)));
      const summary = {
        out: opts.out,
        layout: layoutPath,
        people: people.length,
        pages: result.pages,
        pagesPerPerson: result.pagesPerPerson,
        bytes: result.bytes,
      };
      emit(opts, summary, (s) =>
        t('cli.rendered', {
          pages: s.pages,
          people: s.people,
          out: s.out,
          kb: Math.round(s.bytes / 1024),
          layout: s.layout,
        }),
      );
    });

  paper
    .command('read')
    .description(
      'read scanned or photographed pages (PNG, JPEG, TIFF; PDF rasterised at 200 dpi) against a layout',
    )
    .argument('<files...>', 'scans and photos')
    .requiredOption('--form <file>', 'the form the pages were printed from')
    .requiredOption('--layout <json>', 'the layout file written by paper render')
    .option(
      '--snippets <dir>',
      'write review snippets as PNG files here (default: inline base64 in the JSON)',
    )
    .option('--no-snippets', 'no review snippets')
    .option('--workers <n>', 'worker threads (default: one per core, at most 4)')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & {
        form: string;
        layout: string;
        snippets?: string | boolean;
        workers?: string;
      };
      const { t, tf } = await translators(opts);
      const form = await loadForm(opts.form, tf);
      const layout = await loadLayout(opts.layout);
      const version = form.settings.version ?? '';
      if (layout.form && (layout.form.id !== form.settings.formId || layout.form.version !== version)) {
        throw new CliError(
          `the layout is for form ${layout.form.id} version ${layout.form.version || '-'}, not ${form.settings.formId} version ${version || '-'}`,
        );
      }
      let workers: number | undefined;
      if (opts.workers !== undefined) {
        workers = Number(opts.workers);
        if (!Number.isInteger(workers) || workers < 0 || workers > 16)
          throw new CliError('--workers must be 0 to 16');
      }
      const snippets =
        opts.snippets === false
          ? ({ kind: 'none' } as const)
          : typeof opts.snippets === 'string'
            ? ({ kind: 'dir', dir: opts.snippets } as const)
            : ({ kind: 'inline' } as const);
      const { readScans } = await readService();
      const bar = progress(t('cli.reading'), files.length);
      const report = await readScans({
        files,
        form,
        layout,
        ...(workers !== undefined ? { workers } : {}),
        snippets,
        explain: (code, params) => t(`failed.${code}`, params),
        onProgress: (done, total) => bar.tick(Math.round((done / Math.max(total, 1)) * files.length)),
      });
      bar.done();
      emit(opts, report, (r) => {
        const lines = r.pages.map((p) => {
          const line = t('cli.pageLine', {
            file: p.file + (p.pageInFile ? `#${p.pageInFile}` : ''),
            person: p.person,
            page: p.page,
            answers: Object.keys(p.answers).length,
            review: p.review.length,
          });
          const items = p.review.map(
            (i) => `    ${i.field}: ${t(`review.${i.reason}`)}${i.suggestion ? ` (${i.suggestion}?)` : ''}`,
          );
          return [line, ...items].join('\n');
        });
        for (const f of r.failed)
          lines.push(
            t('cli.failedLine', {
              file: f.file + (f.pageInFile ? `#${f.pageInFile}` : ''),
              reason: f.reason,
            }),
          );
        const review = r.pages.reduce((n, p) => n + p.review.length, 0);
        lines.push(t('cli.summary', { pages: r.pages.length, review, failed: r.failed.length }));
        return lines.join('\n');
      });
      if (report.failed.length) {
        process.stderr.write(
          `kitout: ${t('cli.someFailed', { failed: report.failed.length, total: report.failed.length + report.pages.length })}\n`,
        );
        process.exitCode = 1;
      }
    });
}
