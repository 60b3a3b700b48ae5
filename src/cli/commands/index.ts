import type { Command } from 'commander';
import { registerAllocate } from './allocate.ts';
import { registerBackup } from './backup.ts';
import { registerBench } from './bench.ts';
import { registerForm } from './form.ts';
import { registerPaper } from './paper.ts';
import { registerPlan } from './plan.ts';
import { registerRoster } from './roster.ts';
import { registerServe } from './serve.ts';
import { registerSizes } from './sizes.ts';
import { registerStock } from './stock.ts';

/** Every command group, in the order `kitout --help` lists them. One line per group file. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerRoster(program);
  registerStock(program);
  registerPlan(program);
  registerAllocate(program);
  registerSizes(program);
  registerForm(program);
  registerPaper(program);
  registerBackup(program);
  registerBench(program);
}
