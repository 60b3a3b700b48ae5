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
    .description('write a form back as an XLSForm workbook (or as JSON when --out ends in .json)')
    .argument('<file>', 'form.xlsx or form.json to read')
    .requiredOption('--out <file>', 'the .xlsx (or .json) file to write')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & { out: string };
      const t = await translator(opts);
      const loaded = await loadForm(file, t);
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
