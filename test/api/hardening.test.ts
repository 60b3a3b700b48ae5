import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/limits.ts';
import { createApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/deps.ts';
import { SignInThrottle } from '../../src/services/auth.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ people: 10, listen: false });
  admin = await signInCookie(server.app, 'admin');
});
afterAll(() => server.close());

/** A second app on the same database whose clock the test moves. */
function clockApp(start: Date, extra: { requestsPerMinute?: { account: number; anonymous: number } } = {}) {
  let now = start.getTime();
  const ctx: ServiceContext = { ...server.ctx, now: () => new Date(now) };
  const app = createApp({ ctx, throttle: new SignInThrottle(ctx.now), secureCookies: false, ...extra });
  return { app, advance: (ms: number) => (now += ms) };
}

const me = (app: App, cookie: string) => app.request('/api/auth/me', { headers: { cookie } });

describe('limits are clear errors naming the limit', () => {
  it('answers 414 with the limit, its maximum and the value to an overlong query string', async () => {
    const res = await server.app.request(`/api/audit?action=${'a'.repeat(LIMITS.queryChars)}`, {
      headers: { cookie: admin },
    });
    expect(res.status).toBe(414);
    expect(await res.json()).toMatchObject({
      error: 'limit_exceeded',
      limit: 'queryChars',
      max: LIMITS.queryChars,
      value: LIMITS.queryChars + 7,
    });
  });

  it('answers 413 naming jsonBodyBytes to a JSON body over the limit, before parsing it', async () => {
    const body = JSON.stringify({ username: 'x'.repeat(LIMITS.jsonBodyBytes), password: 'p' });
    const res = await server.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      error: 'limit_exceeded',
      limit: 'jsonBodyBytes',
      max: LIMITS.jsonBodyBytes,
    });
  });

  it('answers 413 to an oversized JSON body that declares no length, counting it as it streams', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > LIMITS.jsonBodyBytes + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await server.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'limit_exceeded', limit: 'jsonBodyBytes' });
  });

  it('answers 429 naming requestsPerMinute past the rate, per account, and lets it through a minute later', async () => {
    const { app, advance } = clockApp(new Date(), { requestsPerMinute: { account: 5, anonymous: 3 } });
    const cookie = await signInCookie(app, 'planner'); // sign-in is the first (anonymous) request
    for (let i = 0; i < 5; i++) expect((await me(app, cookie)).status).toBe(200);
    const refused = await me(app, cookie);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toMatchObject({ limit: 'requestsPerMinute', max: 5, value: 6 });
    // Another account is counted apart.
    const other = await signInCookie(app, 'store');
    expect((await me(app, other)).status).toBe(200);
    // Not signed in: counted per address, with its own limit.
    // The two sign-ins were anonymous requests 1 and 2.
    expect((await app.request('/api/auth/me')).status).toBe(401);
    const anonymous = await app.request('/api/auth/me');
    expect(anonymous.status).toBe(429);
    expect(await anonymous.json()).toMatchObject({ limit: 'anonymousRequestsPerMinute', max: 3 });
    advance(61_000);
    expect((await me(app, cookie)).status).toBe(200);
  });
});

describe('sessions', () => {
  it('expire after the idle time', async () => {
    const { app, advance } = clockApp(new Date('2026-12-01T08:00:00Z'));
    const cookie = await signInCookie(app, 'issuer');
    advance(LIMITS.sessionIdleMs - 60_000);
    expect((await me(app, cookie)).status).toBe(200);
    // Use slid the expiry forward; a further idle period ends it.
    advance(LIMITS.sessionIdleMs + 1000);
    expect((await me(app, cookie)).status).toBe(401);
  });

  it('expire at the maximum age however often they are used', async () => {
    const { app, advance } = clockApp(new Date('2026-12-01T08:00:00Z'));
    const cookie = await signInCookie(app, 'issuer');
    let used = 0;
    while (used < LIMITS.sessionMaxMs - LIMITS.sessionIdleMs / 2) {
      advance(LIMITS.sessionIdleMs / 2);
      used += LIMITS.sessionIdleMs / 2;
      expect((await me(app, cookie)).status, `after ${used / 3_600_000} h`).toBe(200);
    }
    advance(LIMITS.sessionIdleMs / 2 + 1000);
    expect((await me(app, cookie)).status).toBe(401);
  });

  it('rotate on sign-in: signing in again with an old session cookie ends the old session', async () => {
    const old = await signInCookie(server.app, 'store');
    const res = await server.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: old },
      body: JSON.stringify({ username: 'store', password: 'kitout-demo' }),
    });
    const fresh = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(fresh).not.toBe(old);
    expect((await me(server.app, fresh)).status).toBe(200);
    expect((await me(server.app, old)).status).toBe(401);
  });
});

describe('cross-site writes (CSRF)', () => {
  const post = (headers: Record<string, string>) =>
    server.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: admin, ...headers } });

  it('refuses a write a browser marks cross-site or same-site, with 403', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await post({ 'sec-fetch-site': site });
      expect(res.status, site).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe('forbidden');
    }
  });

  it('refuses a foreign, a null and a malformed Origin with 403, not a crash', async () => {
    for (const origin of ['http://evil.example', 'null', 'not a url']) {
      const res = await post({ origin, host: 'kitout.local' });
      expect(res.status, origin).toBe(403);
    }
  });

  it('lets reads through from anywhere, and writes from our own origin or from clients that send no Origin', async () => {
    const read = await server.app.request('/api/auth/me', {
      headers: { cookie: admin, 'sec-fetch-site': 'cross-site' },
    });
    expect(read.status).toBe(200);
    const cookie = await signInCookie(server.app, 'planner');
    const same = await server.app.request('/api/auth/logout', {
      method: 'POST',
      headers: {
        cookie,
        origin: 'http://kitout.local',
        host: 'kitout.local',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(same.status).toBe(200);
    const cli = await signInCookie(server.app, 'planner');
    expect(
      (await server.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: cli } })).status,
    ).toBe(200);
  });
});

describe('the audit log', () => {
  it('records refusals (403) with the account and the route', async () => {
    const issuer = await signInCookie(server.app, 'issuer');
    expect((await server.app.request('/api/users', { headers: { cookie: issuer } })).status).toBe(403);
    const res = await server.app.request('/api/audit?action=access.refused', { headers: { cookie: admin } });
    const rows = ((await res.json()) as { rows: { actor: string; entity_id: string }[] }).rows;
    expect(rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: 'issuer', entity_id: 'GET /api/users' })]),
    );
  });

  it('records failed sign-ins, without the password', async () => {
    const res = await server.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'enum', password: 'Secret-Guess-123' }),
    });
    expect(res.status).toBe(401);
    const rows = await server.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.failed')
      .where('entity_id', '=', 'enum')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/Secret-Guess/);
  });

  it('is exported whole as CSV to admins only, oldest first, with the failed sign-in in it', async () => {
    // A username that is a spreadsheet formula: exported as text, not as a formula (CSV injection).
    await server.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '=cmd|calc', password: 'x' }),
    });
    const res = await server.app.request('/api/audit/export', { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('id,at,actor,actor_id,action,entity,entity_id,before,after');
    const total = await server.db.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Rows may hold quoted line breaks in JSON; count ids at line starts instead.
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(ids.filter(Number.isFinite).length).toBeGreaterThanOrEqual(Number(total.n) - 1);
    expect(ids.slice(0, 5)).toEqual([...ids.slice(0, 5)].sort((a, b) => a - b));
    expect(text).toMatch(/auth\.failed,user,enum/);
    expect(text).toMatch(/auth\.failed,user,'=cmd\|calc/);
    const issuer = await signInCookie(server.app, 'issuer');
    expect((await server.app.request('/api/audit/export', { headers: { cookie: issuer } })).status).toBe(403);
  });

  it('cannot be changed or deleted, even by the database account the server uses', async () => {
    await expect(server.db.db.deleteFrom('audit_log').execute()).rejects.toThrow();
    await expect(server.db.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow();
  });
});

describe('logs', () => {
  it('never carry a password: a wrong sign-in, a malformed one and an oversized one write none', async () => {
    const written: string[] = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      for (const body of [
        { username: 'admin', password: 'Hunter2-Wrong!' },
        { username: ['admin'], password: 'Hunter2-Wrong!' },
        { username: 'admin', password: 'Hunter2-Wrong!'.repeat(1000) },
      ]) {
        await server.app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      }
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    expect(written.join('')).not.toMatch(/Hunter2/);
    const audit = await server.db.db.selectFrom('audit_log').selectAll().execute();
    expect(JSON.stringify(audit)).not.toMatch(/Hunter2|kitout-demo/);
  });
});
