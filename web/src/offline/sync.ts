import { reportStatus } from '../api/client.ts';
import { markAttempt, markSent, onOutboxChange, type QueuedSubmission, readOutbox } from './outbox.ts';
import { OutboxLoop, type PassControl, type PassOutcome } from './outbox-loop.ts';

export type { SyncStatus } from './outbox-loop.ts';

export type SendResult =
  | { kind: 'sent'; serverTime: string; replayed: boolean }
  | { kind: 'refused'; status: number; code: string; message: string; reasons: string[] }
  | { kind: 'signed-out' }
  | { kind: 'retry'; problem: string };

/**
 * Posts one queued submission with its instance id as the Idempotency-Key. 2xx: stored (201) or stored before
 * (200, replayed). 4xx: refused for good until a person looks (except 401, the session ended, and 408/429,
 * which are worth another try). Anything else — no network, 5xx, a proxy page — is tried again later.
 */
export async function sendOne(
  entry: QueuedSubmission,
  opts: { language?: string; fetcher?: typeof fetch } = {},
): Promise<SendResult> {
  const fetcher = opts.fetcher ?? fetch;
  const body = {
    instanceId: entry.instanceId,
    formId: entry.formId,
    formVersion: entry.formVersion,
    intakeId: entry.intakeId,
    personId: entry.personId,
    answers: entry.answers,
    source: entry.source,
    clientTime: entry.clientTime,
  };
  let res: Response;
  try {
    res = await fetcher(`/api/submissions?lang=${encodeURIComponent(opts.language || 'en')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': entry.instanceId },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (err) {
    return { kind: 'retry', problem: (err as Error).message || 'network' };
  }
  const text = await res.text().catch(() => '');
  if (res.ok) {
    try {
      const receipt = JSON.parse(text) as { serverTime: string; replayed: boolean };
      return { kind: 'sent', serverTime: receipt.serverTime, replayed: receipt.replayed };
    } catch {
      // A 2xx that is not our JSON came from something in between (a captive portal): not a receipt.
      return { kind: 'retry', problem: `HTTP ${res.status} without a receipt` };
    }
  }
  if (res.status === 401) {
    // The session ended: the app goes back to sign-in, and sending resumes after it.
    reportStatus('/api/submissions', 401);
    return { kind: 'signed-out' };
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    let code = `http_${res.status}`;
    let message = text.slice(0, 300);
    let reasons: string[] = [];
    try {
      const err = JSON.parse(text) as {
        error?: string;
        message?: string;
        issues?: { field?: string; reason: string }[];
      };
      code = err.error ?? code;
      message = err.message ?? message;
      reasons = (err.issues ?? []).map((i) => (i.field ? `${i.field}: ${i.reason}` : i.reason));
    } catch {
      // Not JSON: keep the text.
    }
    return { kind: 'refused', status: res.status, code, message, reasons };
  }
  return { kind: 'retry', problem: `HTTP ${res.status}` };
}

const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

/** The questionnaire's outbox on the device's sync loop: one submission per request, in order. */
export class SyncLoop extends OutboxLoop {
  /** `language` gives the language the server should word its refusals in (the UI's). */
  constructor(private readonly language: () => string = () => 'en') {
    super({
      lock: 'kitout-outbox-sync',
      retryMs: RETRY_MS,
      // A failed attempt also changes the outbox, and must not retry at once.
      onAdded: (listener) =>
        onOutboxChange((change) => {
          if (change === 'added') listener();
        }),
    });
  }

  protected async sendQueued(control: PassControl): Promise<PassOutcome> {
    const { queued } = await readOutbox();
    const waiting = queued.filter((q) => !q.refused);
    if (waiting.length === 0) return { kind: 'idle' };
    control.begin();
    for (const entry of waiting) {
      if (control.stopped()) return { kind: 'stopped' };
      const result = await sendOne(entry, { language: this.language() });
      const now = new Date().toISOString();
      if (result.kind === 'sent') {
        await markSent(entry.instanceId, result, now);
      } else if (result.kind === 'refused') {
        const { kind: _kind, ...refused } = result;
        await markAttempt(entry.instanceId, now, refused);
      } else if (result.kind === 'signed-out') {
        return { kind: 'signed-out' };
      } else {
        await markAttempt(entry.instanceId, now);
        return { kind: 'problem', problem: result.problem };
      }
    }
    return { kind: 'done' };
  }
}
