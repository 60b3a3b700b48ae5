import type { Command } from 'commander';
import { registerBench } from './bench.ts';

/** Every command group, in the order `kitout --help` lists them. One line per group file. */
export function registerCommands(program: Command): void {
  registerBench(program);
}
