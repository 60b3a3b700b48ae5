import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';
import { type GlobalOptions, reportError } from './output.ts';

/** Builds the `kitout` program. Each command group lives in its own file under `commands/`. */
export function buildProgram(): Command {
  const program = new Command('kitout')
    .description('Kitout: sizing questionnaires, stock and fit-aware kit issue for mass intakes')
    .option('--json', 'machine output: JSON alone on stdout')
    .option('--lang <lang>', 'language of messages: en, ru or ko (default from LANG)')
    // A usage mistake is one line on stderr (the contract); `--help` shows the rest.
    .configureOutput({
      outputError: (str, write) => write(`kitout: ${str.split('\n')[0]!.replace(/^error: /, '')}\n`),
    });
  // Every subcommand accepts --json and --lang too, wherever they are written on the line.
  program.enablePositionalOptions(false);
  registerCommands(program);
  for (const cmd of allCommands(program)) {
    if (!cmd.options.some((o) => o.long === '--json'))
      cmd.option('--json', 'machine output: JSON alone on stdout');
    if (!cmd.options.some((o) => o.long === '--lang')) cmd.option('--lang <lang>', 'language of messages');
  }
  return program;
}

function* allCommands(cmd: Command): Generator<Command> {
  for (const sub of cmd.commands) {
    yield sub;
    yield* allCommands(sub);
  }
}

/** Global options merged with a command's own, as every action sees them. */
export function optionsOf(cmd: Command): GlobalOptions & Record<string, unknown> {
  return cmd.optsWithGlobals();
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
      process.exitCode = 0;
      return;
    }
    if (typeof code === 'string' && code.startsWith('commander.')) {
      process.exitCode = (err as { exitCode?: number }).exitCode || 2;
      return;
    }
    const json = argv.includes('--json');
    const langAt = argv.indexOf('--lang');
    const lang = langAt >= 0 ? argv[langAt + 1] : undefined;
    process.exitCode = await reportError(err, { json, lang });
  }
}
