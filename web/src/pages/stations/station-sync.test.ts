import { describe, expect, it } from 'vitest';
import { postBatch, wireEvent } from './station-sync.ts';
import type { StationEventBody } from './types.ts';

const events: StationEventBody[] = [
  {
    id: 'a1',
    kind: 'issue',
    personId: 'P-1',
    item: 'cap',
    size: '57',
    clientTime: '2026-12-01T09:00:00.000Z',
  },
  {
    id: 'a2',
    kind: 'return',
    personId: 'P-1',
    item: 'cap',
    size: '57',
    condition: 'B',
    clientTime: '2026-12-01T09:01:00.000Z',
  },
];

function fake(status: number, body: string | Error) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (body instanceof Error) throw body;
    return new Response(body, { status });
  }) as unknown as typeof fetch;
  return { calls, fetcher };
}

describe('postBatch', () => {
  it('posts the contract fields only, to the station’s events, in the UI language', async () => {
    const stored = { ...events[0]!, state: 'queued', attempts: 3, seq: 9 } as StationEventBody;
    const { calls, fetcher } = fake(200, JSON.stringify({ results: [{ id: 'a1', status: 'applied' }] }));
    const out = await postBatch('N-1', [stored, events[1]!], { language: 'ko', fetcher });
    expect(out).toEqual({ kind: 'answered', results: [{ id: 'a1', status: 'applied' }] });
    expect(calls[0]!.url).toBe('/api/stations/N-1/events?lang=ko');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ events: events.map(wireEvent) });
    expect(JSON.parse(String(calls[0]!.init.body)).events[0]).not.toHaveProperty('state');
  });

  it('tries again later when the network is gone, the server fails or a proxy answers', async () => {
    expect((await postBatch('N-1', events, fake(0, new TypeError('Failed to fetch')))).kind).toBe('retry');
    expect((await postBatch('N-1', events, fake(503, 'down'))).kind).toBe('retry');
    expect((await postBatch('N-1', events, fake(200, '<html>portal</html>'))).kind).toBe('retry');
    expect((await postBatch('N-1', events, fake(429, '{}'))).kind).toBe('retry');
  });

  it('refuses every event of a batch the server will not read, with its reason', async () => {
    const out = await postBatch(
      'N-1',
      events,
      fake(400, JSON.stringify({ error: 'invalid_input', message: 'events.0.size: required' })),
    );
    expect(out).toEqual({
      kind: 'answered',
      results: events.map((e) => ({
        id: e.id,
        status: 'refused',
        code: 'invalid_input',
        message: 'events.0.size: required',
      })),
    });
  });

  it('stops at a 401: the session ended', async () => {
    expect(await postBatch('N-1', events, fake(401, '{}'))).toEqual({ kind: 'signed-out' });
  });
});
