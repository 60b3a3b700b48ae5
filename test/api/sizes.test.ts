import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversionAnswer, convert } from '../../src/domain/sizes/index.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

// The size systems over HTTP: systems, conversion (the CLI's JSON contract), charts, resolution of a person's
// answers against the seeded catalogue, and the organisation's size profile.

let server: TestServer;
let admin: string;
let planner: string;
let enumerator: string;
beforeAll(async () => {
  server = await startTestServer({ people: 20, listen: false });
  [admin, planner, enumerator] = await Promise.all([
    signInCookie(server.app, 'admin'),
    signInCookie(server.app, 'planner'),
    signInCookie(server.app, 'enum'),
  ]);
});
afterAll(() => server.close());

interface Issue {
  field?: string;
  reason: string;
}

async function get<T>(path: string, cookie = enumerator): Promise<{ status: number; body: T }> {
  const res = await server.app.request(path, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as T };
}

async function send<T>(method: 'POST' | 'PUT', path: string, body: unknown, cookie: string) {
  const res = await server.app.request(path, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const fieldsOf = (body: unknown) => ((body as { issues?: Issue[] }).issues ?? []).map((i) => i.field);

const measure = (dimension: string, value: number) => ({ kind: 'measurement', dimension, value });
const label = (system: string, text: string) => ({ kind: 'label', system, label: text });

interface Score {
  label: string;
  score: number;
}
interface ItemAnswer {
  item: string;
  names: Record<string, string>;
  best: Score | null;
  runnerUp: Score | null;
  score: number | null;
  reasons: { key: string; params: Record<string, unknown> }[];
  reason: string;
  remeasure: { key: string; dimensions: string[] }[];
}
interface Resolution {
  body: Record<string, { min: number; max: number }>;
  flags: { key: string; dimensions: string[] }[];
  items: ItemAnswer[];
}
const resolve = (body: unknown, cookie = enumerator) =>
  send<Resolution>('POST', '/api/sizes/resolve', body, cookie);
const itemOf = (r: Resolution, id: string) => r.items.find((i) => i.item === id)!;

describe('GET /api/sizes/systems', () => {
  it('lists the 17 systems with names in three languages, rules as text, and every label', async () => {
    const { status, body } = await get<{
      systems: {
        id: string;
        part: string;
        nameKey: string;
        names: Record<string, string>;
        labels: string[];
        rule: { key: string };
        ruleText: Record<string, string>;
      }[];
    }>('/api/sizes/systems');
    expect(status).toBe(200);
    expect(body.systems).toHaveLength(17);
    const ru = body.systems.find((s) => s.id === 'ru-garment')!;
    expect(ru).toMatchObject({
      part: 'torso',
      nameKey: 'system.ru-garment',
      rule: { key: 'rule.ru-garment' },
    });
    expect(ru.names.ru).toMatch(/Российский/);
    expect(ru.names.ko).toMatch(/\p{Script=Hangul}/u);
    expect(ru.labels).toContain('48-4');
    expect(ru.ruleText.en).toContain('1: 155–161');
    expect(body.systems.find((s) => s.id === 'eu-shoe')?.ruleText.en).toContain('foot + 15 mm');
  });
});

describe('GET /api/sizes/convert', () => {
  it('answers the CLI JSON contract, exactly as `kitout sizes convert --json` builds it', async () => {
    const { status, body } = await get<Record<string, unknown>>(
      '/api/sizes/convert?label=48-4&from=ru-garment&to=kr-top',
    );
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['to', 'alternatives', 'body', 'rule', 'notes']);
    expect(body).toEqual(conversionAnswer(convert('48-4', 'ru-garment', 'kr-top')));
    expect(body).toMatchObject({ to: '95', alternatives: ['100'] });
  });

  it('answers the body with to=body, and speaks Russian when asked', async () => {
    const head = await get('/api/sizes/convert?label=7%201%2F8&from=hat-us&to=body');
    expect(head.body).toEqual({ headGirth: { min: 56.36, max: 57.35 } });
    const ru = await get<{ rule: string }>('/api/sizes/convert?label=42&from=eu-shoe&to=kr-shoe&lang=ru');
    expect(ru.body.rule).toMatch(/\p{Script=Cyrillic}/u);
  });

  it('names the field of every mistake: unknown systems, an unreadable label, a missing parameter', async () => {
    const from = await get('/api/sizes/convert?label=48&from=ru-coat&to=kr-top');
    expect(from.status).toBe(400);
    expect(fieldsOf(from.body)).toEqual(['from']);
    const to = await get('/api/sizes/convert?label=48&from=ru-garment&to=mars');
    expect(fieldsOf(to.body)).toEqual(['to']);
    const bad = await get<{ issues: Issue[] }>('/api/sizes/convert?label=47&from=ru-garment&to=kr-top');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({
      field: 'label',
      reason: expect.stringMatching(/ru-garment: 47 is odd/),
    });
    const missing = await get('/api/sizes/convert?from=ru-garment&to=kr-top');
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['query.label']);
  });
});

describe('GET /api/sizes/chart', () => {
  it('converts every ru-garment label into the other torso systems, marking the landings', async () => {
    const { status, body } = await get<{
      part: string;
      columns: string[];
      rows: {
        label: string;
        body: unknown;
        cells: { system: string; label: string | null; marks: string[] }[];
      }[];
      rules: { system: string; text: string }[];
    }>('/api/sizes/chart?system=ru-garment');
    expect(status).toBe(200);
    expect(body.part).toBe('torso');
    expect(body.columns).toEqual(['kr-top', 'kr-top-letter', 'kr-women-legacy', 'rok-military']);
    expect(body.rows).toHaveLength(161);
    const row = body.rows.find((r) => r.label === '48-4')!;
    expect(row.body).toEqual({ chest: { min: 94, max: 98 }, height: { min: 173, max: 179 } });
    expect(row.cells.map((c) => c.label)).toEqual(['95', 'M', '88', '95M175']);
    expect(row.cells[0]!.marks).toEqual(['spans']);
    expect(body.rules.map((r) => r.system)).toEqual(['ru-garment', ...body.columns]);
  });

  it('refuses an unknown system, naming the field', async () => {
    const { status, body } = await get('/api/sizes/chart?system=eu-hat');
    expect(status).toBe(400);
    expect(fieldsOf(body)).toEqual(['system']);
  });
});

describe('the seeded catalogue', () => {
  it('states the body each size fits: from its label, from a belt’s length, or nothing for gloves', async () => {
    const { body } = await get<{ items: { id: string; sizes: { label: string; fits: unknown }[] }[] }>(
      '/api/items',
    );
    const fits = (item: string, size: string) =>
      body.items.find((i) => i.id === item)?.sizes.find((s) => s.label === size)?.fits;
    expect(fits('jacket', '48-4')).toEqual({ chest: { min: 94, max: 98 }, height: { min: 173, max: 179 } });
    expect(fits('cap', '57')).toEqual({ headGirth: { min: 56.5, max: 57.5 } });
    // Winter hats come in every other size: each covers up to the middle of the size skipped.
    expect(fits('winter-hat', '56')).toEqual({ headGirth: { min: 55, max: 57 } });
    expect(fits('boots', '270')).toEqual({ footLength: { min: 267.5, max: 272.5 } });
    expect(fits('belt', '110')).toEqual({ waist: { min: 90, max: 100 } });
    expect(fits('gloves', '9')).toEqual({});
  });
});

describe('POST /api/sizes/resolve', () => {
  it('gives each item its best size, the runner-up, the score and the reasons (chest 96, height 176 → 48-4)', async () => {
    const { status, body } = await resolve({
      answers: [
        measure('chest', 96),
        measure('height', 176),
        measure('headGirth', 57),
        measure('footLength', 270),
        measure('waist', 85),
      ],
    });
    expect(status).toBe(200);
    expect(body.body).toMatchObject({ chest: { min: 96, max: 96 }, height: { min: 176, max: 176 } });
    const jacket = itemOf(body, 'jacket');
    expect(jacket).toMatchObject({ best: { label: '48-4', score: 1 }, score: 1, remeasure: [] });
    expect(jacket.names.ko).toBe('야전상의');
    expect(jacket.runnerUp).not.toBeNull();
    expect(jacket.runnerUp!.score).toBeLessThan(1);
    expect(jacket.reasons.map((r) => r.key)).toEqual([
      'reason.best',
      'reason.dimInside',
      'reason.dimInside',
      'reason.runnerUp',
    ]);
    expect(jacket.reason).toContain('48-4 fits best (score 100%)');
    expect(itemOf(body, 'cap').best?.label).toBe('57');
    expect(itemOf(body, 'boots').best?.label).toBe('270');
    expect(itemOf(body, 'winter-hat')).toMatchObject({ best: { label: '58', score: 0.5 }, tie: true });
    expect(itemOf(body, 'belt').best?.label).toBe('100');
    const gloves = itemOf(body, 'gloves');
    expect(gloves.best).toBeNull();
    expect(gloves.reasons.map((r) => r.key)).toEqual(['reason.noData']);
  });

  it('reads labels of any system and flags what to re-measure on the items it concerns', async () => {
    const { body } = await resolve({
      answers: [label('hat-us', '7 1/8'), label('rok-military', '95M175'), measure('height', 250)],
      items: ['cap', 'jacket', 'boots'],
    });
    expect(body.items.map((i) => i.item)).toEqual(['cap', 'jacket', 'boots']);
    expect(itemOf(body, 'cap').best?.label).toBe('57');
    expect(body.flags.map((f) => f.key)).toContain('flag.implausible');
    expect(itemOf(body, 'jacket').remeasure.map((f) => f.key)).toContain('flag.implausible');
    expect(itemOf(body, 'cap').remeasure).toEqual([]);
    expect(itemOf(body, 'boots').best).toBeNull();
  });

  it('names the field of each bad answer: unknown system, unreadable label, non-positive value, unknown item', async () => {
    const bad = await resolve({ answers: [label('ru-coat', '48'), label('ru-garment', '48-9')] });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['answers.0.system', 'answers.1.label']);
    expect(JSON.stringify(bad.body)).toContain('height group 9');
    const negative = await resolve({ answers: [measure('chest', -4)] });
    expect(fieldsOf(negative.body)).toEqual(['answers.0.value']);
    const dimension = await resolve({ answers: [measure('wingspan', 180)] });
    expect(fieldsOf(dimension.body)).toEqual(['answers.0.dimension']);
    const item = await resolve({ answers: [measure('chest', 96)], items: ['jacket', 'parachute'] });
    expect(fieldsOf(item.body)).toEqual(['items.1']);
    const none = await resolve({ answers: [] });
    expect(fieldsOf(none.body)).toEqual(['answers']);
  });
});

describe('the size profile', () => {
  interface View {
    override: Record<string, unknown>;
    profile: { footToLastMm: number; ruHeightGroups: { group: number; min: number; max: number }[] };
    defaults: { footToLastMm: number };
    refitted?: number;
  }

  it('is readable by every role, with the stated defaults', async () => {
    const { status, body } = await get<View>('/api/sizes/profile', enumerator);
    expect(status).toBe(200);
    expect(body.override).toEqual({});
    expect(body.profile.footToLastMm).toBe(15);
    expect(body.defaults.footToLastMm).toBe(15);
    expect(body.profile.ruHeightGroups[0]).toEqual({ group: 1, min: 155, max: 161 });
  });

  it('may be changed by an administrator only', async () => {
    for (const cookie of [planner, enumerator]) {
      const res = await send('PUT', '/api/sizes/profile', { footToLastMm: 10 }, cookie);
      expect(res.status).toBe(403);
    }
    expect((await get<View>('/api/sizes/profile')).body.override).toEqual({});
  });

  it('refuses settings parseSizeProfile refuses, naming each one', async () => {
    const res = await send(
      'PUT',
      '/api/sizes/profile',
      { footToLastMm: 99, hatUkOffsetIn: 0.1, colour: 'red' },
      admin,
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).sort()).toEqual(['footToLastMm', 'hatUkOffsetIn', 'profile']);
    const overlap = await send(
      'PUT',
      '/api/sizes/profile',
      {
        ruHeightGroups: [
          { group: 1, min: 150, max: 170 },
          { group: 2, min: 160, max: 180 },
        ],
      },
      admin,
    );
    expect(fieldsOf(overlap.body)).toEqual(['ruHeightGroups[1]']);
  });

  it('refuses a profile under which catalogue sizes no longer read, changing nothing', async () => {
    const res = await send(
      'PUT',
      '/api/sizes/profile',
      { ruHeightGroups: [1, 2, 3].map((g) => ({ group: g, min: 149 + 6 * g, max: 155 + 6 * g })) },
      admin,
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain('items.jacket.sizes.48-4');
    expect((await get<View>('/api/sizes/profile')).body.override).toEqual({});
  });

  it('saves an administrator’s change, refits the catalogue, answers by it, and audits before and after', async () => {
    const groups = [1, 2, 3, 4, 5, 6].map((g) => ({ group: g, min: 150 + 6 * g, max: 156 + 6 * g }));
    const saved = await send<View>(
      'PUT',
      '/api/sizes/profile',
      { footToLastMm: 10, ruHeightGroups: groups },
      admin,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.override).toEqual({ footToLastMm: 10, ruHeightGroups: groups });
    expect(saved.body.profile.footToLastMm).toBe(10);
    // Every garment size with a height group moved by a centimetre; no head or shoe size depends on these.
    expect(saved.body.refitted).toBe(7 * 4 + 8 * 4 + 8 * 4);

    const eu = await get<{ body: { footLength: { min: number } } }>(
      '/api/sizes/convert?label=42&from=eu-shoe&to=kr-shoe',
    );
    expect(eu.body.body.footLength.min).toBeCloseTo(266.67, 2);
    // Height 176 now lies in group 4 (174–180) and still fits 48-4; 173 falls to group 3.
    const r = await resolve({ answers: [measure('chest', 96), measure('height', 173)], items: ['jacket'] });
    expect(itemOf(r.body, 'jacket').best?.label).toBe('48-3');

    const audit = await get<{
      rows: { action: string; entity_id: string; before: unknown; after: unknown }[];
    }>('/api/audit?action=sizes.profile_updated', admin);
    expect(audit.body.rows).toHaveLength(1);
    expect(audit.body.rows[0]).toMatchObject({
      entity_id: 'demo',
      before: {},
      after: { footToLastMm: 10, ruHeightGroups: groups },
    });

    const reset = await send<View>('PUT', '/api/sizes/profile', {}, admin);
    expect(reset.body.profile.footToLastMm).toBe(15);
    expect(reset.body.refitted).toBe(7 * 4 + 8 * 4 + 8 * 4);
  });
});
