import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { createScratchDatabase } from '../../src/db/scratch-database.ts';
import { createApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/deps.ts';
import { SignInThrottle } from '../../src/services/auth.ts';
import { systemContext } from '../../src/services/context.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { signInCookie } from '../support/server.ts';

/**
 * The server talks to PostgreSQL through a TCP proxy the test controls. With the proxy closed (the database
 * unreachable) every request that needs the database answers 503 `database_unavailable` at once, nothing is
 * half-written, and once the proxy opens again the same server answers normally, with no restart.
 */
class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Stops listening and cuts every open connection, like a database server going away. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

let proxy: TcpProxy;
let handle: DbHandle;
let app: App;
let drop: () => Promise<void>;
let cookie: string;

beforeAll(async () => {
  const scratch = await createScratchDatabase(testDatabaseUrl());
  drop = scratch.drop;
  const real = new URL(scratch.url);
  proxy = new TcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
  await proxy.open();
  const viaProxy = new URL(scratch.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  handle = await createDb({ databaseUrl: viaProxy.toString(), poolSize: 4 });
  const ctx = systemContext(handle.db, handle.kind);
  await seedDemo(ctx, { people: 10 });
  app = createApp({ ctx, throttle: new SignInThrottle(ctx.now), secureCookies: false });
  cookie = await signInCookie(app, 'admin');
});
afterAll(async () => {
  await handle.close();
  await drop();
});

const newIntake = (id: string) =>
  app.request('/api/intakes', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ id, name: id, siteId: 'NORTH', startDate: '2027-01-01' }),
  });

describe('database unreachable', () => {
  it('answers 503 database_unavailable while the database is gone, and recovers when it is back', async () => {
    expect((await app.request('/api/intakes', { headers: { cookie } })).status).toBe(200);

    await proxy.close();
    const started = Date.now();
    const read = await app.request('/api/intakes', { headers: { cookie } });
    expect(read.status).toBe(503);
    expect(await read.json()).toMatchObject({ error: 'database_unavailable' });
    const write = await newIntake('DOWN-1');
    expect(write.status).toBe(503);
    const health = await app.request('/api/health');
    expect(health.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(10_000);

    await proxy.open();
    let back = 0;
    for (let i = 0; i < 5 && back !== 200; i++)
      back = (await app.request('/api/intakes', { headers: { cookie } })).status;
    expect(back).toBe(200);
    expect((await app.request('/api/health')).status).toBe(200);
    // The write refused while down left nothing; made again now, it is stored once.
    const list = (await (await app.request('/api/intakes', { headers: { cookie } })).json()) as {
      intakes: { id: string }[];
    };
    expect(list.intakes.map((i) => i.id)).not.toContain('DOWN-1');
    expect((await newIntake('DOWN-1')).status).toBe(201);
  });
});
