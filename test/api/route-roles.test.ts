import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/accounts/roles.ts';
import { createUser } from '../../src/services/auth.ts';
import { SYSTEM_ACTOR } from '../../src/services/context.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

/**
 * Every operation of the OpenAPI document, called without a session and with each role: the answer must follow
 * the roles the operation declares (x-roles). New routes are covered as soon as they are registered.
 */
interface Operation {
  method: string;
  path: string;
  roles: string[];
  public: boolean;
}

let server: TestServer;
let operations: Operation[];
const cookies = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({ people: 20, listen: false });
  for (const role of ROLES) {
    await createUser(server.ctx, SYSTEM_ACTOR, {
      username: `only-${role}`,
      displayName: role,
      password: 'role-test-password',
      roles: [role],
    });
  }
  const doc = (await (await server.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: unknown[]; 'x-roles'?: string[] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      roles: op['x-roles'] ?? [],
      public: Array.isArray(op.security) && op.security.length === 0,
    })),
  );
});
afterAll(() => server.close());

// Every path parameter filled ({id}, {run}, {ticketId} …): the role check runs before the parameter is looked up.
const concretePath = (path: string) => path.replace(/\{[^}]+\}/g, 'W-2026-12');

async function call(op: Operation, cookie?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  return server.app.request(concretePath(op.path), {
    method: op.method,
    headers,
    body: op.method === 'GET' ? undefined : '{}',
  });
}

describe('every route enforces its declared roles', () => {
  it('the document lists the foundation routes, each with security declared', () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'GET /api/openapi.json',
        'GET /api/intakes/{id}/people',
        'POST /api/intakes/{id}/roster',
        'GET /api/audit',
        // Added since the foundation: audit export, stations, paper forms, reports.
        'GET /api/audit/export',
        'POST /api/stations/{id}/events',
        'GET /api/stations',
      ]),
    );
    // Every area's routes are in the document, so the checks below cover them.
    for (const area of [
      '/api/stations',
      '/api/queue',
      '/api/paper',
      '/api/reports',
      '/api/stock',
      '/api/forms',
    ])
      expect(
        names.some((n) => n.includes(area)),
        area,
      ).toBe(true);
    for (const op of operations)
      expect(op.public || op.roles.length > 0, `${op.method} ${op.path}`).toBe(true);
  });

  it('public routes are exactly health, sign-in and the OpenAPI document', () => {
    expect(
      operations
        .filter((o) => o.public)
        .map((o) => `${o.method} ${o.path}`)
        .sort(),
    ).toEqual(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login'].sort());
  });

  it('answers 401 without a session on every non-public route, before validating the body', async () => {
    for (const op of operations.filter((o) => !o.public)) {
      const res = await call(op);
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe('unauthenticated');
    }
  });

  it('answers 403 to each role not declared, and lets each declared role through', async () => {
    let checked = 0;
    // Sign-out ends the session it is called with, so it goes last.
    const ordered = [...operations.filter((o) => !o.public)].sort(
      (a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'),
    );
    for (const role of ROLES) {
      cookies.set(role, await signInCookie(server.app, `only-${role}`, 'role-test-password'));
      for (const op of ordered) {
        const res = await call(op, cookies.get(role));
        const label = `${role} → ${op.method} ${op.path}`;
        if (op.roles.includes(role)) {
          expect([401, 403], label).not.toContain(res.status);
          expect(res.status, label).toBeLessThan(500);
        } else {
          expect(res.status, label).toBe(403);
        }
        checked++;
      }
    }
    expect(checked).toBe(ROLES.length * ordered.length);
  });
});
