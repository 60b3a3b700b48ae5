import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { DbHandle } from '../../src/db/create-db.ts';
import { createApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/deps.ts';
import { SignInThrottle } from '../../src/services/auth.ts';
import { type ServiceContext, systemContext } from '../../src/services/context.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { testDb } from './db.ts';

export interface TestServer {
  url: string;
  app: App;
  ctx: ServiceContext;
  db: DbHandle;
  close(): Promise<void>;
}

/**
 * A real Kitout server on a free loopback port over a fresh test database, seeded with the demo organisation
 * (`people` sets the demo intake's size; default 1,500). Serves the built web UI when `dist/web` exists.
 */
export async function startTestServer(opts: { people?: number; listen?: boolean } = {}): Promise<TestServer> {
  const db = await testDb();
  const ctx = systemContext(db.db, db.kind);
  await seedDemo(ctx, { people: opts.people ?? 1500 });
  const webRoot = resolve('dist/web');
  const app = createApp(
    { ctx, throttle: new SignInThrottle(ctx.now), secureCookies: false },
    { webRoot: existsSync(resolve(webRoot, 'index.html')) ? webRoot : undefined },
  );
  if (opts.listen === false) return { url: '', app, ctx, db, close: () => db.close() };
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    ctx,
    db,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await db.close();
    },
  };
}

/** Signs in through the API and returns the session cookie for further requests. */
export async function signInCookie(app: App, username: string, password = 'kitout-demo'): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}
