import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { formatIssue, InputError } from '../../domain/errors.ts';
import { buildDefaultSizingForm } from '../../domain/forms/default-sizing-form.ts';
import { type NormalisedForm, questionsOf } from '../../domain/forms/form-model.ts';
import { formOutline } from '../../domain/forms/form-outline.ts';
import { type FormProblem, problemToIssue, type Translate } from '../../domain/forms/form-problems.ts';
import {
  DEFAULT_PLAN,
  type LanguagePlan,
  missingPlanLanguages,
  parseLanguagePlan,
} from '../../domain/forms/language-plan.ts';
import { translatorFor } from '../../i18n/node.ts';
import { CliError, cliLanguage, emit, type GlobalOptions } from '../output.ts';

// The workbook adapter pulls in exceljs; it is loaded when a form command runs, so other commands start fast.
const formFiles = () => import('../../adapters/xlsx/form-file.ts');

async function translator(opts: GlobalOptions): Promise<Translate> {
  const t = await translatorFor(cliLanguage(opts), 'forms');
  return (key, params) => t(key, params ?? {});
}

/** Reads a form file, or throws an InputError listing every problem (in the CLI's language) with its place. */
async function loadForm(file: string, t: Translate): Promise<NormalisedForm> {
  if (!existsSync(file)) throw new CliError(`cannot read ${file}: no such file`, 1);
  const result = await (await formFiles()).readFormFile(file);
  printWarnings(result.warnings, file, t);
  if (!result.ok) {
    const issues = result.errors.map((p) => problemToIssue(p, t, file));
    throw new InputError(issues, `${t('cli.refused')}: ${issues.map(formatIssue).join('; ')}`);
  }
  return result.value;
}

function printWarnings(warnings: readonly FormProblem[], file: string, t: Translate): void {
  for (const w of warnings)
    process.stderr.write(`kitout: ${t('cli.warning')}: ${formatIssue(problemToIssue(w, t, file))}\n`);
}

function parsePlan(text: string | undefined, t: Translate): LanguagePlan {
  if (text === undefined) return DEFAULT_PLAN;
  const parsed = parseLanguagePlan(text);
  if (!parsed.ok)
    throw new CliError(`${t('cli.invalidPlan')}: ${parsed.errors.map((e) => t(e.key, e.params)).join('; ')}`);
  return parsed.value;
}

/** A form version stored in the database (the active one unless a version is named). */
async function storedForm(id: string, opts: { data: string; formVersion?: string }): Promise<NormalisedForm> {
  // Loaded here: the database and services are needed only by this variant of one command.
  const { createDb } = await import('../../db/create-db.ts');
  const { systemContext } = await import('../../services/context.ts');
  const { getForm } = await import('../../services/forms.ts');
  const { NotFoundError } = await import('../../domain/errors.ts');
  if (!process.env.DATABASE_URL && !existsSync(opts.data))
    throw new CliError(`no database in ${opts.data}: give --data <dir> or set DATABASE_URL`, 1);
  const handle = await createDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: opts.data });
  try {
    return (await getForm(systemContext(handle.db, handle.kind), id, opts.formVersion)).definition;
  } catch (err) {
    if (err instanceof NotFoundError) throw new CliError(err.message, 1);
    throw err;
  } finally {
    await handle.close();
  }
}

function summary(form: NormalisedForm, out: string) {
  return {
    out,
    format: extname(out).toLowerCase() === '.json' ? 'json' : 'xlsx',
    formId: form.settings.formId,
    version: form.settings.version ?? null,
    questions: [...questionsOf(form.survey)].length,
  };
}

export function registerForm(program: Command): void {
  const form = program
    .command('form')
    .description('sizing questionnaires (XLSForm): import, export, the default form');

  form
    .command('import')
    .description(
      'read a form (.xlsx XLSForm or .json) and print it normalised (JSON with --json, else an outline)',
    )
    .argument('<file>', 'form.xlsx or form.json')
    .option('--plan <plan>', 'languages for the outline, e.g. "questions=ru,choices=ko+ru"')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & { plan?: string };
      const t = await translator(opts);
      const plan = parsePlan(opts.plan, t);
      const loaded = await loadForm(file, t);
      for (const m of missingPlanLanguages(plan, loaded.languages)) {
        process.stderr.write(
          `kitout: ${t('cli.warning')}: ${t('cli.planMissing', { language: m.language, class: m.class })}\n`,
        );
      }
      emit(opts, loaded, (f) => formOutline(f, plan, t));
    });

  form
    .command('export')
    .description(
      'write a form back as an XLSForm workbook (or as JSON when --out ends in .json): from a file, or with --id from the database',
    )
    .argument('[file]', 'form.xlsx or form.json to read')
    .requiredOption('--out <file>', 'the .xlsx (or .json) file to write')
    .option('--id <form id>', 'read the form stored in the database (DATABASE_URL, or PGlite in --data)')
    .option('--form-version <version>', 'with --id: this stored version instead of the active one')
    .option('--data <dir>', 'folder of the embedded database (when DATABASE_URL is not set)', 'data')
    .action(async (file: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & {
        out: string;
        id?: string;
        formVersion?: string;
        data: string;
      };
      const t = await translator(opts);
      if ((file === undefined) === (opts.id === undefined))
        throw new CliError('give either a form file or --id <form id>, not both');
      if (opts.formVersion !== undefined && opts.id === undefined)
        throw new CliError('--form-version needs --id');
      const loaded = opts.id === undefined ? await loadForm(file!, t) : await storedForm(opts.id, opts);
      await (await formFiles()).writeFormFile(loaded, opts.out);
      emit(opts, summary(loaded, opts.out), (s) =>
        t('cli.written', { file: s.out, formId: s.formId, questions: s.questions }),
      );
    });

  form
    .command('default')
    .description("write Kitout's default sizing questionnaire (Russian, Korean, English)")
    .requiredOption('--out <file>', 'the .xlsx (or .json) file to write')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & { out: string };
      const t = await translator(opts);
      const built = buildDefaultSizingForm();
      await (await formFiles()).writeFormFile(built, opts.out);
      emit(opts, summary(built, opts.out), (s) =>
        t('cli.written', { file: s.out, formId: s.formId, questions: s.questions }),
      );
    });
}
