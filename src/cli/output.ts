import { InputError, type Issue, KitoutError } from '../domain/errors.ts';
import { isUiLanguage, languageFromLocale, type UiLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/node.ts';

/** Options every command takes. */
export interface GlobalOptions {
  json?: boolean;
  lang?: string;
}

export function cliLanguage(opts: GlobalOptions): UiLanguage {
  if (opts.lang !== undefined) {
    if (!isUiLanguage(opts.lang)) throw new CliError(`unknown language "${opts.lang}": use en, ru or ko`);
    return opts.lang;
  }
  return languageFromLocale(process.env.LANG);
}

/** A problem with how the command was called; printed as one line, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Prints a command's result: JSON alone on stdout with `--json`, otherwise the human form. */
export function emit<T>(opts: GlobalOptions, value: T, human: (value: T) => string): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else process.stdout.write(`${human(value)}\n`);
}

/**
 * Turns any error into one line on stderr and an exit code; input errors list each problem after it, with reasons
 * that carry a code translated into the CLI's language.
 */
export async function reportError(err: unknown, opts: GlobalOptions): Promise<number> {
  if (err instanceof InputError) {
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ error: err.code, issues: err.issues }, null, 2)}\n`);
    }
    const lang = safeLanguage(opts);
    const t = await translatorFor(lang, 'common');
    const line = (issue: Issue) => {
      const where = [
        issue.file,
        issue.sheet && t('issue.sheet', { sheet: issue.sheet }),
        issue.row !== undefined && t('issue.row', { row: issue.row }),
        issue.field && t('issue.field', { name: issue.field }),
      ].filter(Boolean);
      // English readers get the server's own sentence, which can say more than the shared translation.
      const reason =
        issue.code && lang !== 'en'
          ? t(issue.code, { ns: 'reasons', ...issue.params, defaultValue: issue.reason })
          : issue.reason;
      return where.length ? `${where.join(', ')}: ${reason}` : reason;
    };
    const [first, ...rest] = err.issues;
    const more = rest.length ? t('issue.more', { count: rest.length }) : '';
    process.stderr.write(`kitout: ${first ? line(first) : err.message}${more}\n`);
    if (!opts.json) for (const issue of rest.slice(0, 50)) process.stderr.write(`  ${line(issue)}\n`);
    return 1;
  }
  if (err instanceof CliError) {
    process.stderr.write(`kitout: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof KitoutError) {
    process.stderr.write(`kitout: ${err.message}\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`kitout: ${message.split('\n')[0]}\n`);
  if (process.env.KITOUT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}

function safeLanguage(opts: GlobalOptions): UiLanguage {
  try {
    return cliLanguage(opts);
  } catch {
    return 'en';
  }
}

/**
 * A progress line on stderr for long work, redrawn in place on a terminal and printed sparsely otherwise,
 * so `--json` output on stdout stays clean.
 */
export function progress(label: string, total: number): { tick(done: number): void; done(): void } {
  const tty = process.stderr.isTTY;
  let lastPct = -1;
  const draw = (done: number) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (pct === lastPct) return;
    // Without a terminal, a line each time a quarter is passed: logs stay short but still show movement.
    if (!tty && lastPct >= 0 && Math.floor(pct / 25) === Math.floor(lastPct / 25)) return;
    lastPct = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    const line = `${label} [${bar}] ${pct}% (${done}/${total})`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  };
  return { tick: draw, done: () => (tty ? process.stderr.write('\n') : undefined) };
}
