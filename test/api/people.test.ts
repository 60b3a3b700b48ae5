import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/context.ts';
import { importRoster } from '../../src/services/roster-import.ts';
import { DEMO_INTAKE } from '../../src/services/seed.ts';
import { csv } from '../support/fixtures.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let issuer: string;

beforeAll(async () => {
  server = await startTestServer({ people: 30, listen: false });
  await importRoster(server.ctx, SYSTEM_ACTOR, {
    intakeId: DEMO_INTAKE.id,
    fileName: 'names.csv',
    stream: Readable.from([
      csv([
        ['id', 'name', 'name_cyrillic', 'site', 'unit', 'platoon'],
        ['N-1', '김철수', '', 'EAST', '1-я рота', '3'],
        ['N-2', '김철민', '', 'NORTH', '', ''],
        ['N-3', '최철수', 'Цой Чер Су', 'NORTH', '', ''],
      ]),
    ]),
  });
  issuer = await signInCookie(server.app, 'issuer');
});
afterAll(() => server.close());

const get = async (path: string) => {
  const res = await server.app.request(path, { headers: { cookie: issuer } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('people over HTTP', () => {
  it('ranks a roster search typed in Cyrillic and says whether it was cut', async () => {
    const { status, body } = await get(
      `/api/intakes/${DEMO_INTAKE.id}/people?q=${encodeURIComponent('Ким Чхольсу')}`,
    );
    expect(status).toBe(200);
    const people = body.people as { id: string; name: string; name_cyrillic: string | null }[];
    expect(people[0]).toMatchObject({ id: 'N-1', name: '김철수' });
    expect(body.truncated).toBe(false);
    expect(people[0]).not.toHaveProperty('search_keys');
  });

  it('answers one person with the intake, the site and the roster’s other columns', async () => {
    const { status, body } = await get('/api/people/N-3');
    expect(status).toBe(200);
    expect(body.person).toMatchObject({
      id: 'N-3',
      name: '최철수',
      name_cyrillic: 'Цой Чер Су',
      intake_id: DEMO_INTAKE.id,
      intake_name: DEMO_INTAKE.name,
      site_id: 'NORTH',
      site_name: 'Северный полигон',
    });
    expect((await get('/api/people/N-1')).body.person).toMatchObject({
      unit: '1-я рота',
      extra: { platoon: '3' },
    });
  });

  it('answers 404 for an id nobody has, and 401 without a session', async () => {
    const missing = await get('/api/people/NOBODY');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not_found');
    expect((await server.app.request('/api/people/N-1')).status).toBe(401);
  });
});
