import { reportStatus } from '../api/client.ts';
import { markAttempt, markSent, onOutboxChange, type QueuedSubmission, readOutbox } from './outbox.ts';

/** What the sync loop is doing, for the status line. */
export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  /** The session ended: sending waits for the next sign-in. */
  needsSignIn: boolean;
  lastSyncAt?: string;
  /** Why the last attempt did not get through (network, server error), if it did not. */
  lastProblem?: string;
}

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

/**
 * Sends the outbox whenever there is something to send and a way to send it: at start, when an entry is
 * added, when the browser comes back online, and on a timer that backs off while the server is away. One
 * pass at a time per tab; tabs take turns through a Web Lock where the browser has them (and the server
 * applies each instance id once anyway, so two tabs sending the same entry store it once).
 */
export class SyncLoop {
  /** `language` gives the language the server should word its refusals in (the UI's). */
  constructor(private readonly language: () => string = () => 'en') {}

  private status: SyncStatus = { online: navigator.onLine, syncing: false, needsSignIn: false };
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private running = false;
  private again = false;
  private stopped = true;
  private readonly cleanups: (() => void)[] = [];

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const online = () => {
      this.update({ online: true });
      this.failures = 0;
      void this.syncNow();
    };
    const offline = () => this.update({ online: false });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    this.cleanups.push(
      () => window.removeEventListener('online', online),
      () => window.removeEventListener('offline', offline),
      // Only new work starts a pass: a failed attempt also changes the outbox, and must not retry at once.
      onOutboxChange((change) => {
        if (change === 'added') void this.syncNow();
      }),
    );
    void this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const c of this.cleanups.splice(0)) c();
  }

  /** After a new sign-in: sending may resume. */
  resume(): void {
    this.update({ needsSignIn: false });
    void this.syncNow();
  }

  current(): SyncStatus {
    return this.status;
  }

  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const l of this.listeners) l(this.status);
  }

  /** One pass over the outbox, now (or right after the pass under way). */
  async syncNow(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    clearTimeout(this.timer);
    try {
      do {
        this.again = false;
        await withLock(() => this.pass());
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  private async pass(): Promise<void> {
    if (!navigator.onLine) {
      this.update({ online: false });
      return;
    }
    if (this.status.needsSignIn) return;
    const { queued } = await readOutbox();
    const waiting = queued.filter((q) => !q.refused);
    if (waiting.length === 0) return;
    this.update({ syncing: true, online: true });
    let problem: string | undefined;
    try {
      for (const entry of waiting) {
        if (this.stopped) return;
        const result = await sendOne(entry, { language: this.language() });
        const now = new Date().toISOString();
        if (result.kind === 'sent') {
          await markSent(entry.instanceId, result, now);
        } else if (result.kind === 'refused') {
          const { kind: _kind, ...refused } = result;
          await markAttempt(entry.instanceId, now, refused);
        } else if (result.kind === 'signed-out') {
          this.update({ needsSignIn: true });
          return;
        } else {
          await markAttempt(entry.instanceId, now);
          problem = result.problem;
          break;
        }
      }
    } finally {
      this.update({ syncing: false, lastSyncAt: new Date().toISOString(), lastProblem: problem });
    }
    if (problem) {
      this.failures++;
      const wait = RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)]!;
      this.timer = setTimeout(() => void this.syncNow(), wait);
    } else {
      this.failures = 0;
    }
  }
}

async function withLock(work: () => Promise<void>): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return work();
  await locks.request('kitout-outbox-sync', work);
}
