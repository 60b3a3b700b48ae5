import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ people: 10, listen: false });
});
afterAll(() => server.close());

const login = (username: string, password: string, address = '10.0.0.1') =>
  server.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and knows the user', async () => {
    const res = await login('planner', 'kitout-demo');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/kitout_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await server.app.request('/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as { user: { username: string; roles: string[] } }).user).toMatchObject({
      username: 'planner',
      roles: ['planner'],
    });
  });

  it('gives a new session id at every sign-in and ends it at sign-out', async () => {
    const a = (await login('issuer', 'kitout-demo')).headers.get('set-cookie')!.split(';')[0]!;
    const b = (await login('issuer', 'kitout-demo')).headers.get('set-cookie')!.split(';')[0]!;
    expect(a).not.toBe(b);
    const out = await server.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: b } });
    expect(out.status).toBe(200);
    expect((await server.app.request('/api/auth/me', { headers: { cookie: b } })).status).toBe(401);
    expect((await server.app.request('/api/auth/me', { headers: { cookie: a } })).status).toBe(200);
  });

  it('answers 401 to a wrong password and 429 after repeated failures, and audits them without the password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('store', `wrong-${i}`, '10.0.0.2')).status).toBe(401);
    const blocked = await login('store', 'kitout-demo', '10.0.0.2');
    expect(blocked.status).toBe(429);
    const rows = await server.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.failed')
      .execute();
    expect(rows.filter((r) => r.entity_id === 'store')).toHaveLength(5);
    expect(JSON.stringify(rows)).not.toMatch(/wrong-/);
    expect(
      await server.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.throttled').execute(),
    ).toHaveLength(1);
  });

  it('names the field and the reason when the body is malformed', async () => {
    const res = await server.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { field: string; reason: string }[] };
    expect(body.error).toBe('invalid_input');
    expect(body.issues[0]!.field).toBe('password');
  });

  it('refuses a cookie-authenticated write from a foreign origin', async () => {
    const cookie = (await login('admin', 'kitout-demo')).headers.get('set-cookie')!.split(';')[0]!;
    const res = await server.app.request('/api/intakes', {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json',
        origin: 'http://evil.example',
        host: 'localhost:8080',
      },
      body: JSON.stringify({ id: 'X', name: 'x', siteId: 'NORTH', startDate: '2026-01-01' }),
    });
    expect(res.status).toBe(403);
  });

  it('sends a strict Content-Security-Policy', async () => {
    const res = await server.app.request('/api/health');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });
});
