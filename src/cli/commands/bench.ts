import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import type { Bench, BenchReport } from '../../../bench/lib.ts';
import { CliError, emit, type GlobalOptions } from '../output.ts';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '../../../bench');

export function benchNames(): string[] {
  return readdirSync(benchDir)
    .filter((f) => f.endsWith('.ts') && f !== 'lib.ts' && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('run a benchmark and print its figures (JSON with --json)')
    .argument('<name>', `one of: ${benchNames().join(', ')}`)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions;
      const file = join(benchDir, `${name}.ts`);
      if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) {
        throw new CliError(`unknown benchmark "${name}": choose one of ${benchNames().join(', ')}`);
      }
      const mod = (await import(pathToFileURL(file).href)) as { default: Bench };
      const report = await mod.default({
        log: (message) => process.stderr.write(`${message}\n`),
        args: parseExtraArgs(cmd.args.slice(1)),
      });
      emit(opts, report, formatReport);
    });
}

function parseExtraArgs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--json') continue;
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[arg.slice(2)] = next;
      i++;
    } else out[arg.slice(2)] = 'true';
  }
  return out;
}

function formatReport(report: BenchReport): string {
  const lines = [`bench ${report.bench}`];
  for (const [name, g] of Object.entries(report.goals)) {
    lines.push(`  ${name}: ${g.value} ${g.unit} (limit ${g.limit}) ${g.met ? 'met' : 'NOT MET'}`);
  }
  lines.push(`  details: ${JSON.stringify(report.details)}`);
  return lines.join('\n');
}
