import { describe, expect, it } from 'vitest';
import type { QueuedSubmission } from './outbox.ts';
import { sendOne } from './sync.ts';

const entry: QueuedSubmission = {
  instanceId: '5b0d3c1e-8a4f-4e3a-9b2c-0d1e2f3a4b5c',
  formId: 'kitout-sizing',
  formVersion: '1',
  intakeId: 'W-2026-12',
  personId: 'P-000001',
  personName: '김민준',
  answers: { head_known: 'no', head_girth: '57' },
  source: 'web',
  clientTime: '2026-12-01T01:00:00.000Z',
  attempts: 0,
};

/** A fetch that answers with `status` and `body`, and records what it was asked. */
function fake(status: number, body: string | Error) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (body instanceof Error) throw body;
    return new Response(body, { status });
  }) as unknown as typeof fetch;
  return { calls, fetcher };
}

describe('sendOne', () => {
  it('posts the stored body with the instance id as Idempotency-Key, in the UI language', async () => {
    const { calls, fetcher } = fake(
      201,
      JSON.stringify({ serverTime: '2026-12-01T02:00:00Z', replayed: false }),
    );
    expect(await sendOne(entry, { fetcher, language: 'ko' })).toEqual({
      kind: 'sent',
      serverTime: '2026-12-01T02:00:00Z',
      replayed: false,
    });
    expect(calls[0]!.url).toBe('/api/submissions?lang=ko');
    expect((calls[0]!.init.headers as Record<string, string>)['idempotency-key']).toBe(entry.instanceId);
    expect(JSON.parse(String(calls[0]!.init.body))).toMatchObject({
      instanceId: entry.instanceId,
      personId: 'P-000001',
      answers: entry.answers,
      clientTime: entry.clientTime,
    });
  });

  it('counts a replay (200) as sent', async () => {
    const { fetcher } = fake(200, JSON.stringify({ serverTime: 'x', replayed: true }));
    expect(await sendOne(entry, { fetcher })).toMatchObject({ kind: 'sent', replayed: true });
  });

  it('keeps a refusal with its reasons, and retries what may pass later', async () => {
    const refusal = JSON.stringify({
      error: 'invalid_input',
      message: 'bad',
      issues: [{ field: 'answers.height', reason: 'too tall' }],
    });
    expect(await sendOne(entry, { fetcher: fake(400, refusal).fetcher })).toEqual({
      kind: 'refused',
      status: 400,
      code: 'invalid_input',
      message: 'bad',
      reasons: ['answers.height: too tall'],
    });
    expect(
      (await sendOne(entry, { fetcher: fake(409, '{"error":"conflict","message":"x"}').fetcher })).kind,
    ).toBe('refused');
    for (const status of [408, 429, 500, 502, 503])
      expect((await sendOne(entry, { fetcher: fake(status, 'busy').fetcher })).kind, String(status)).toBe(
        'retry',
      );
    expect((await sendOne(entry, { fetcher: fake(0, new TypeError('Failed to fetch')).fetcher })).kind).toBe(
      'retry',
    );
    // A captive portal's 200 page is not a receipt.
    expect((await sendOne(entry, { fetcher: fake(200, '<html>login</html>').fetcher })).kind).toBe('retry');
  });

  it('stops at an ended session', async () => {
    expect(await sendOne(entry, { fetcher: fake(401, '{"error":"unauthenticated"}').fetcher })).toEqual({
      kind: 'signed-out',
    });
  });
});
