import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

// Submissions over HTTP: each instance id applies once (a replay answers with the stored receipt, other content
// under the same id is 409), answers are checked by the form's own rules with field-level errors, and the
// intake's progress counts people answered.

let server: TestServer;
let enumerator: string;
beforeAll(async () => {
  server = await startTestServer({ people: 30, listen: false });
  enumerator = await signInCookie(server.app, 'enum');
});
afterAll(() => server.close());

const measured = {
  head_known: 'no',
  head_girth: '57',
  uniform_known: 'no',
  chest: '96',
  height: '176',
  waist: '82',
  shoe_known: 'no',
  foot_length: '265',
};

const body = (over: Record<string, unknown> = {}) => ({
  formId: 'kitout-sizing',
  formVersion: '1',
  intakeId: 'W-2026-12',
  personId: 'P-000001',
  answers: measured,
  clientTime: '2025-03-01T09:30:00+09:00',
  ...over,
});

const post = async (key: string | undefined, payload: unknown, query = '') => {
  const res = await server.app.request(`/api/submissions${query}`, {
    method: 'POST',
    headers: {
      cookie: enumerator,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const stored = async () =>
  server.db.db.selectFrom('submissions').select(['instance_id', 'person_id']).orderBy('seq').execute();

describe('submissions over HTTP', () => {
  const id = '5b0d3c1e-8a4f-4e3a-9b2c-0d1e2f3a4b5c';

  it('stores a submission once; a replay answers 200 with the same receipt', async () => {
    const first = await post(id, body());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      instanceId: id,
      personId: 'P-000001',
      source: 'web',
      clientTime: '2025-03-01T00:30:00.000Z',
      replayed: false,
    });
    // Key order and blank answers do not make a body different.
    const again = await post(id, {
      ...body(),
      answers: { ...Object.fromEntries(Object.entries(measured).reverse()), hat_size_cm: '' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect((await stored()).map((r) => r.instance_id)).toEqual([id]);
  });

  it('refuses other content under a stored instance id with 409, and stores nothing', async () => {
    const res = await post(id, body({ answers: { ...measured, height: '180' } }));
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('conflict');
    const invalidToo = await post(id, body({ answers: { ...measured, height: '400' } }));
    expect(invalidToo.status).toBe(409);
    expect(await stored()).toHaveLength(1);
  });

  it('refuses answers that break the form’s rules, naming each field, in the language asked for', async () => {
    const res = await post(
      '0a0b0c0d-0000-4000-8000-000000000001',
      body({ answers: { ...measured, height: '230', waist: 'wide', chest: undefined, extra: '1' } }),
      '?lang=en',
    );
    expect(res.status).toBe(400);
    const issues = res.body.issues as { field: string; reason: string; code?: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual([
      'answers.chest',
      'answers.extra',
      'answers.height',
      'answers.waist',
    ]);
    expect(issues.find((i) => i.field === 'answers.height')!.reason).toBe(
      'Height must be between 140 and 210 cm.',
    );
    expect(issues.find((i) => i.field === 'answers.chest')).toMatchObject({
      reason: 'an answer is required',
      code: 'forms:answer.required',
    });
    const ko = await post(
      '0a0b0c0d-0000-4000-8000-000000000002',
      body({ answers: { ...measured, height: '230' } }),
      '?lang=ko',
    );
    expect((ko.body.issues as { reason: string }[])[0]!.reason).toBe('키는 140~210cm 사이여야 합니다.');
    expect(await stored()).toHaveLength(1);
  });

  it('refuses a person who is not on the intake, an unknown version, and a missing or mismatched key', async () => {
    const outsider = await post('0a0b0c0d-0000-4000-8000-000000000003', body({ personId: 'P-999999' }));
    expect(outsider.status).toBe(400);
    expect((outsider.body.issues as { field: string }[])[0]!.field).toBe('personId');
    const version = await post('0a0b0c0d-0000-4000-8000-000000000004', body({ formVersion: '99' }));
    expect((version.body.issues as { field: string }[])[0]!.field).toBe('formVersion');
    const noKey = await post(undefined, body());
    expect(noKey.status).toBe(400);
    const mismatch = await post(
      '0a0b0c0d-0000-4000-8000-000000000005',
      body({ instanceId: 'a-different-id' }),
    );
    expect(mismatch.status).toBe(400);
    expect((mismatch.body.issues as { field: string }[])[0]!.field).toBe('instanceId');
    expect(await stored()).toHaveLength(1);
  });

  it('applies concurrent retries of one instance id once', async () => {
    const key = '0a0b0c0d-0000-4000-8000-000000000010';
    const results = await Promise.all(
      Array.from({ length: 12 }, () => post(key, body({ personId: 'P-000002' }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(results.map((r) => r.body.serverTime)).size).toBe(1);
    expect((await stored()).filter((r) => r.instance_id === key)).toHaveLength(1);
  });

  it('keeps every submission and lists the latest per person; progress counts people answered per day', async () => {
    const later = await post(
      '0a0b0c0d-0000-4000-8000-000000000011',
      body({ answers: { ...measured, height: '178' }, clientTime: '2025-03-02T10:00:00+09:00' }),
    );
    expect(later.status).toBe(201);
    const list = async (q: string) =>
      (await (
        await server.app.request(`/api/submissions?intake=W-2026-12${q}`, { headers: { cookie: enumerator } })
      ).json()) as { total: number; submissions: { personId: string; answers: Record<string, string> }[] };
    expect((await list('&person=P-000001')).total).toBe(2);
    const latest = await list('&latest=true');
    expect(latest.total).toBe(2);
    expect(latest.submissions.find((s) => s.personId === 'P-000001')!.answers.height).toBe('178');

    const progress = (await (
      await server.app.request('/api/intakes/W-2026-12/progress?tz=Asia/Seoul', {
        headers: { cookie: enumerator },
      })
    ).json()) as { total: number; answered: number; perDay: { day: string; people: number }[] };
    expect(progress.total).toBe(30);
    expect(progress.answered).toBe(2);
    expect(progress.perDay).toEqual([{ day: '2025-03-01', people: 2 }]);
    const bad = await server.app.request('/api/intakes/W-2026-12/progress?tz=Mars/Olympus', {
      headers: { cookie: enumerator },
    });
    expect(bad.status).toBe(400);
  });
});
