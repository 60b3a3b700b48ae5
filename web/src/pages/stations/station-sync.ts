import { reportStatus } from '../../api/client.ts';
import {
  OutboxLoop,
  type PassControl,
  type PassOutcome,
  type SyncStatus,
} from '../../offline/outbox-loop.ts';
import { onStationChange, readEvents, recordAttempt, recordResults, type StoredEvent } from './station-db.ts';
import type { EventResult, StationEventBody } from './types.ts';

/** At most this many events per request (the server takes up to 500). */
export const BATCH = 200;
const RETRY_MS = [1_000, 3_000, 10_000, 30_000, 60_000];

export type BatchOutcome =
  | { kind: 'answered'; results: EventResult[] }
  | { kind: 'signed-out' }
  | { kind: 'retry'; problem: string };

/** The body of one event as posted: the stored fields that belong to the contract, nothing of the device's own. */
export function wireEvent(e: StationEventBody): StationEventBody {
  const out: StationEventBody = {
    id: e.id,
    kind: e.kind,
    personId: e.personId,
    item: e.item,
    size: e.size,
    clientTime: e.clientTime,
  };
  if (e.toSize !== undefined) out.toSize = e.toSize;
  if (e.condition !== undefined) out.condition = e.condition;
  return out;
}

/**
 * Posts one batch of a station's events. Each event carries its own id, so the batch may be posted again and again:
 * the server answers 'duplicate' for ids it has. A 4xx other than 401/408/429 refuses the whole batch (every event
 * gets the server's reason); no network, 5xx or a foreign answer means "try again later".
 */
export async function postBatch(
  stationId: string,
  events: readonly StationEventBody[],
  opts: { language?: string; fetcher?: typeof fetch } = {},
): Promise<BatchOutcome> {
  const fetcher = opts.fetcher ?? fetch;
  const path = `/api/stations/${encodeURIComponent(stationId)}/events`;
  let res: Response;
  try {
    res = await fetcher(`${path}?lang=${encodeURIComponent(opts.language || 'en')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ events: events.map(wireEvent) }),
      credentials: 'same-origin',
    });
  } catch (err) {
    return { kind: 'retry', problem: (err as Error).message || 'network' };
  }
  const text = await res.text().catch(() => '');
  if (res.ok) {
    try {
      const body = JSON.parse(text) as { results?: EventResult[] };
      if (Array.isArray(body.results)) return { kind: 'answered', results: body.results };
    } catch {
      // Not our JSON: something in between answered.
    }
    return { kind: 'retry', problem: `HTTP ${res.status} without results` };
  }
  if (res.status === 401) {
    reportStatus(path, 401);
    return { kind: 'signed-out' };
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    let code = `http_${res.status}`;
    let message = text.slice(0, 300);
    try {
      const err = JSON.parse(text) as { error?: string; message?: string };
      code = err.error ?? code;
      message = err.message ?? message;
    } catch {
      // Keep the text.
    }
    return {
      kind: 'answered',
      results: events.map((e) => ({ id: e.id, status: 'refused', code, message })),
    };
  }
  return { kind: 'retry', problem: `HTTP ${res.status}` };
}

/** What the station's sync loop is doing, for the status line. */
export type StationSyncStatus = SyncStatus;

/**
 * Sends the station outbox: at start, whenever an event is stored, when the browser comes back online, and on a
 * timer that backs off while the server is away. Events go in the order they were made, per station, in batches.
 * A Web Lock lets one tab send at a time; the server applies each id once anyway.
 */
export class StationSync extends OutboxLoop {
  private readonly passListeners = new Set<() => void>();

  constructor(private readonly language: () => string = () => 'en') {
    super({
      lock: 'kitout-station-sync',
      retryMs: RETRY_MS,
      // Only new events start a pass at once; a recorded answer or a failed try does not.
      onAdded: (listener) =>
        onStationChange((change) => {
          if (change === 'added') listener();
        }),
    });
  }

  /** Called after every pass that sent something (e.g. to refresh the pack). */
  onPass(listener: () => void): () => void {
    this.passListeners.add(listener);
    return () => this.passListeners.delete(listener);
  }

  protected async sendQueued(control: PassControl): Promise<PassOutcome> {
    const queued = (await readEvents()).filter((e) => e.state === 'queued');
    if (queued.length === 0) return { kind: 'idle' };
    control.begin();
    let sent = false;
    const outcome = await (async (): Promise<PassOutcome> => {
      const byStation = new Map<string, StoredEvent[]>();
      for (const e of queued) byStation.set(e.stationId, [...(byStation.get(e.stationId) ?? []), e]);
      for (const [stationId, events] of byStation) {
        for (let i = 0; i < events.length; i += BATCH) {
          if (control.stopped()) return { kind: 'stopped' };
          const batch = events.slice(i, i + BATCH);
          const answer = await postBatch(stationId, batch, { language: this.language() });
          if (answer.kind === 'answered') {
            await recordResults(answer.results, new Date().toISOString());
            sent = true;
          } else if (answer.kind === 'signed-out') {
            return { kind: 'signed-out' };
          } else {
            await recordAttempt(batch.map((e) => e.id));
            return { kind: 'problem', problem: answer.problem };
          }
        }
      }
      return { kind: 'done' };
    })();
    // A pass that sent something and ran to its end (or to a failed batch) refreshes what listens.
    if (sent && (outcome.kind === 'done' || outcome.kind === 'problem'))
      for (const l of this.passListeners) l();
    return outcome;
  }
}
