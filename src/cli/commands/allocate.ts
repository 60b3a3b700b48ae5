import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import { parseInstanceJson } from '../../domain/allocation/instance-schema.ts';
import { compareText } from '../../domain/allocation/rule-book.ts';
import { solveAllocation } from '../../domain/allocation/solve.ts';
import type { AllocationInstance, AllocationResult } from '../../domain/allocation/types.ts';
import { InputError } from '../../domain/errors.ts';
import { translatorFor } from '../../i18n/node.ts';
import { CliError, cliLanguage, emit, type GlobalOptions } from '../output.ts';

/** `kitout allocate --instance <file.json>`: solves an allocation instance file and prints the optimal flows. */
export function registerAllocate(program: Command): void {
  program
    .command('allocate')
    .description('solve a fit-aware allocation instance exactly (JSON: objective, unmet, flows)')
    .requiredOption(
      '--instance <file>',
      'instance JSON file (unmetCost, stock, demand, substitutions, transport)',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & { instance: string };
      const t = await translatorFor(cliLanguage(opts), 'allocation');
      let text: string;
      try {
        text = await readFile(opts.instance, 'utf8');
      } catch (err) {
        throw new CliError(
          `cannot read instance file ${opts.instance}: ${(err as NodeJS.ErrnoException).code ?? err}`,
        );
      }
      const parsed = parseInstanceJson(text);
      if (!parsed.ok) throw new InputError(parsed.errors.map((issue) => ({ file: opts.instance, ...issue })));
      const result = solveAllocation(parsed.value);
      emit(opts, result, (r) => summary(parsed.value, r, t));
    });
}

/** A few lines a storekeeper can read: the total, then per item how many were issued, substituted, moved, missed. */
function summary(instance: AllocationInstance, result: AllocationResult, t: TFunction): string {
  const demand = new Map<string, number>();
  for (const r of instance.demand) demand.set(r.item, (demand.get(r.item) ?? 0) + r.count);
  const total = [...demand.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return t('cli.noDemand');
  const lines = [
    t('cli.summary', {
      objective: result.objective,
      served: total - result.unmet,
      demand: total,
      unmet: result.unmet,
    }),
  ];
  for (const item of [...demand.keys()].sort(compareText)) {
    const flows = result.flows.filter((f) => f.item === item);
    const served = flows.reduce((sum, f) => sum + f.qty, 0);
    const substituted = flows.filter((f) => f.issued !== f.preferred).reduce((sum, f) => sum + f.qty, 0);
    const transferred = flows.filter((f) => f.depot !== f.site).reduce((sum, f) => sum + f.qty, 0);
    lines.push(t('cli.item', { item, served, substituted, transferred, unmet: demand.get(item)! - served }));
  }
  lines.push(t('cli.jsonHint'));
  return lines.join('\n');
}
