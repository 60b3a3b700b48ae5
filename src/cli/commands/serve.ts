import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError, type GlobalOptions } from '../output.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the server and web UI (PORT, DATABASE_URL; embedded database in ./data otherwise)')
    .option('--port <port>', 'port to listen on (default PORT or 8080)')
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .option('--data <dir>', 'folder of the embedded database', 'data')
    .option('--no-seed', 'do not create demo data on an empty database')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & {
        port?: string;
        host: string;
        data: string;
        seed: boolean;
      };
      const port = Number(opts.port ?? process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`bad port "${opts.port ?? process.env.PORT}"`);
      // Loaded here, not at the top: the server's dependencies would slow every other command's start.
      const { startServer } = await import('../../server/serve.ts');
      const server = await startServer({
        port,
        host: opts.host,
        databaseUrl: process.env.DATABASE_URL || undefined,
        dataDir: resolve(opts.data),
        webRoot: resolve('dist/web'),
        seed: opts.seed,
        log: (line) => process.stdout.write(opts.json ? '' : `${line}\n`),
      });
      if (opts.json) process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
