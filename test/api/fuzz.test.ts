import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KitoutError } from '../../src/domain/errors.ts';
import { SYSTEM_ACTOR } from '../../src/services/context.ts';
import { importRoster } from '../../src/services/roster-import.ts';
import { importStock } from '../../src/services/stock-import.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

/**
 * Hostile input through the whole server: random JSON bodies and query strings at every operation of the OpenAPI
 * document answer with a 4xx and a JSON error, never a 5xx; refused imports leave every count as it was.
 */
let server: TestServer;
let admin: string;
let operations: { method: string; path: string }[];

beforeAll(async () => {
  server = await startTestServer({ people: 20, listen: false });
  admin = await signInCookie(server.app, 'admin');
  const doc = (await (await server.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })))
    // Sign-out would end the session the test uses.
    .filter((o) => o.path !== '/api/auth/logout');
});
afterAll(() => server.close());

const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(id));

async function counts() {
  const n = async (table: 'people' | 'movements' | 'balances' | 'users' | 'intakes') =>
    Number(
      (
        await server.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { people: await n('people'), movements: await n('movements'), balances: await n('balances') };
}

describe('hostile requests at every operation', () => {
  it('random JSON bodies, ids and idempotency keys: a 4xx (or success) with a JSON error body, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.oneof(
          fc.json({ maxDepth: 4 }),
          fc.string({ maxLength: 200 }),
          fc.constantFrom('{"a":', '[[[[[[[[', '{"__proto__":{"admin":true}}', 'null', '1e999', '"\\ud800"'),
        ),
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('W-2026-12', '../../etc/passwd', "' or 1=1 --", '%00'),
        ),
        async (pick, body, id) => {
          const op = operations[pick % operations.length]!;
          const url = fill(op.path, id);
          if (!url.startsWith('/api/')) return;
          const res = await server.app.request(url, {
            method: op.method,
            headers: { cookie: admin, 'content-type': 'application/json', 'idempotency-key': `fuzz-${pick}` },
            body: op.method === 'GET' ? undefined : body,
          });
          expect(res.status, `${op.method} ${url} ${body.slice(0, 80)}`).toBeLessThan(500);
          if (res.status >= 400 && res.status !== 404)
            expect(typeof ((await res.json()) as { error: string }).error).toBe('string');
        },
      ),
      { numRuns: 250 },
    );
  });

  it('random query strings on every read: never a 5xx', async () => {
    const reads = () => operations.filter((o) => o.method === 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'limit',
              'before',
              'q',
              'intakeId',
              'what',
              'format',
              'lang',
              'page',
              'person',
              'x',
            ),
            fc.oneof(
              fc.string({ maxLength: 30 }),
              fc.constantFrom(
                '-1',
                '0',
                '1e9',
                'NaN',
                '99999999999999999999',
                '%',
                '%zz',
                '[]',
                'ko',
                'xlsx',
              ),
            ),
          ),
          { maxLength: 5 },
        ),
        async (pick, params) => {
          const ops = reads();
          const op = ops[pick % ops.length]!;
          const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          const url = `${fill(op.path, 'W-2026-12')}?${query}`;
          const res = await server.app.request(url, { headers: { cookie: admin } });
          expect(res.status, url).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('refused imports write nothing', () => {
  const goodRow = (i: number) => `FZ-${i},Ким Фаззер ${i},Kim Fuzzer ${i},NORTH`;

  it('a roster with random damage is imported whole or refused whole: people counts move by exactly the rows or not at all', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 5, arbitrary: fc.constant('good') },
            fc.string({ maxLength: 30 }),
            fc.constantFrom(
              ',,,',
              'FZ-1,dup,dup,NORTH',
              `X,${'long'.repeat(200)},y,NORTH`,
              '"unclosed,a,b',
              'Y,z,z,NOWHERE',
            ),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        async (lines) => {
          n++;
          const csv = [
            'id,name,name_latin,site',
            ...lines.map((l, i) => (l === 'good' ? goodRow(n * 100 + i) : l)),
          ].join('\n');
          const before = await counts();
          try {
            const r = await importRoster(server.ctx, SYSTEM_ACTOR, {
              intakeId: 'W-2026-12',
              fileName: 'fuzz.csv',
              stream: Readable.from([Buffer.from(csv)]),
            });
            expect((await counts()).people).toBe(before.people + r.imported);
          } catch (err) {
            expect(err).toBeInstanceOf(KitoutError);
            expect(await counts()).toEqual(before);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a stock file with random damage: all its movements or none', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constantFrom('D-NORTH,JACKET,999,5', ',,,', 'D-NORTH,NOPE,1,1'),
          ),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        fc.nat(),
        async (lines, key) => {
          const csv = ['depot,item,size,qty', ...lines].join('\n');
          const before = await counts();
          try {
            await importStock(server.ctx, SYSTEM_ACTOR, {
              fileName: 'fuzz.csv',
              stream: Readable.from([Buffer.from(csv)]),
              key: `fuzz-stock-${key}-${Math.random()}`,
            });
          } catch (err) {
            expect(err).toBeInstanceOf(KitoutError);
            expect(await counts()).toEqual(before);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
