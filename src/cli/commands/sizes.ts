import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.ts';
import {
  type Body,
  conversionAnswer,
  convert,
  DEFAULT_SIZE_PROFILE,
  DIMENSION_UNIT,
  DIMENSIONS,
  message,
  parseSizeProfile,
  renderNote,
  roundBody,
  type SizeProfile,
  systemsFor,
} from '../../domain/sizes/index.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { cliLanguage, emit, type GlobalOptions } from '../output.ts';

interface SizesOptions extends GlobalOptions {
  from?: string;
  to?: string;
  profile?: string;
}

/** Reads a size-profile override file (JSON); absent means the default profile. */
function loadProfile(file: string | undefined): SizeProfile {
  if (!file) return DEFAULT_SIZE_PROFILE;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError([
      { file, reason: `cannot read the size profile: ${(err as Error).message.split('\n')[0]}` },
    ]);
  }
  const r = parseSizeProfile(raw);
  if (!r.ok) throw new InputError(r.errors.map((e) => ({ ...e, file })));
  return r.value;
}

const t = (lang: UiLanguage, key: string): string => message(lang, key) ?? message('en', key) ?? key;

function showBody(body: Body, lang: UiLanguage): string {
  return DIMENSIONS.filter((d) => body[d])
    .map(
      (d) => `${t(lang, `dim.${d}`)} ${body[d]!.min}–${body[d]!.max} ${t(lang, `unit.${DIMENSION_UNIT[d]}`)}`,
    )
    .join(', ');
}

export function registerSizes(program: Command): void {
  const sizes = program
    .command('sizes')
    .description('size systems: list them and convert labels between them');

  sizes
    .command('systems')
    .description('list the size systems, their dimensions and the rule each uses')
    .option('--profile <file>', 'size profile overrides (JSON); default profile otherwise')
    .action((_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as SizesOptions;
      const lang = cliLanguage(opts);
      const systems = [...systemsFor(loadProfile(opts.profile)).values()].map((s) => {
        const labels = s.labels();
        return {
          id: s.id,
          name: t(lang, `system.${s.id}`),
          dimensions: [...s.dimensions],
          examples: [...s.examples],
          range: [labels[0], labels[labels.length - 1]],
          rule: lang === 'en' ? s.ruleText : renderNote(s.rule, lang),
        };
      });
      emit(opts, { systems }, (v) =>
        [
          `${t(lang, 'cli.systems')}:`,
          ...v.systems.map(
            (s) =>
              `  ${s.id.padEnd(16)} ${s.name}\n  ${' '.repeat(16)} ${t(lang, 'cli.examples')}: ${s.examples.join(', ')}; ${s.rule}`,
          ),
        ].join('\n'),
      );
    });

  sizes
    .command('convert')
    .description('convert a size label from one system to another, or to body intervals with --to body')
    .argument('<label>', 'the size label, e.g. "48-4", "7 1/8", 265')
    .requiredOption('--from <system>', 'the label\'s size system (see "kitout sizes systems")')
    .requiredOption('--to <system|body>', 'the target size system, or "body" for the body intervals')
    .option('--profile <file>', 'size profile overrides (JSON); default profile otherwise')
    .action((label: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as SizesOptions;
      const lang = cliLanguage(opts);
      const profile = loadProfile(opts.profile);
      const from = opts.from!;
      const to = opts.to!;
      if (to === 'body') {
        const body = roundBody(convert(label, from, 'body', profile));
        emit(opts, body, (b) => showBody(b, lang));
        return;
      }
      const c = convert(label, from, to, profile);
      const answer = conversionAnswer(c, lang);
      emit(opts, answer, (a) =>
        [
          `${c.label} (${c.from}) → ${a.to} (${c.system})`,
          `  ${t(lang, 'cli.alternatives')}: ${a.alternatives.join(', ') || t(lang, 'cli.none')}`,
          `  ${t(lang, 'cli.body')}: ${showBody(a.body, lang)}`,
          `  ${t(lang, 'cli.rule')}: ${a.rule}`,
          ...(a.notes.length ? [`  ${t(lang, 'cli.notes')}:`, ...a.notes.map((n) => `    - ${n}`)] : []),
        ].join('\n'),
      );
    });
}
