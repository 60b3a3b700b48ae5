import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createDb } from '../db/create-db.ts';
import { SignInThrottle } from '../services/auth.ts';
import { systemContext } from '../services/context.ts';
import { seedDemo } from '../services/seed.ts';
import { createApp } from './app.ts';

export interface ServeOptions {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  webRoot: string;
  seed: boolean;
  log: (line: string) => void;
}

/** Opens the database (creating and seeding it on first start), then serves the API and the web UI. */
export async function startServer(opts: ServeOptions) {
  const handle = await createDb({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.databaseUrl ? undefined : opts.dataDir,
  });
  const ctx = systemContext(handle.db, handle.kind);
  // The demo a newcomer opens: 900 of the 1,500 have answered, so planning and allocation have answers to use.
  const seeded = opts.seed ? await seedDemo(ctx, { answers: 900 }) : undefined;
  const webRoot = existsSync(join(opts.webRoot, 'index.html')) ? opts.webRoot : undefined;
  const app = createApp(
    { ctx, throttle: new SignInThrottle(ctx.now), secureCookies: process.env.KITOUT_SECURE_COOKIES === '1' },
    { webRoot },
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${port}`;
  opts.log(`Kitout is running at ${url}`);
  opts.log(
    `Database: ${handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${opts.dataDir}`}`,
  );
  if (!webRoot) opts.log('Web UI not built: run `npm run build` (npm start does it) — serving the API only');
  if (seeded?.created) opts.log('Demo data created on first start.');
  if (seeded)
    opts.log(
      `Demo sign-in: ${seeded.username} / ${seeded.password} (other roles: ${seeded.others.join(', ')})`,
    );
  return {
    url,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}
