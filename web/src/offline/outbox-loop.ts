/** What a sync loop is doing, for the status line. */
export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  /** The session ended: sending waits for the next sign-in. */
  needsSignIn: boolean;
  lastSyncAt?: string;
  /** Why the last attempt did not get through (network, server error), if it did not. */
  lastProblem?: string;
}

/** How one pass over a device's queue ended. */
export type PassOutcome =
  | { kind: 'idle' }
  | { kind: 'done' }
  | { kind: 'stopped' }
  | { kind: 'signed-out' }
  | { kind: 'problem'; problem: string };

/** What a pass may ask of the loop: to say it has work (the status line shows "syncing"), and whether to stop. */
export interface PassControl {
  begin(): void;
  stopped(): boolean;
}

/**
 * Sends a device's queue whenever there is something to send and a way to send it: at start, when something is
 * added, when the browser comes back online, and on a timer that backs off while the server is away. One pass at a
 * time per tab; tabs take turns through a Web Lock where the browser has them (and the server applies each id once
 * anyway). Subclasses say how one pass sends (`sendQueued`); the questionnaire's outbox and the stations' events
 * both run on this loop.
 */
export abstract class OutboxLoop {
  private status: SyncStatus = { online: navigator.onLine, syncing: false, needsSignIn: false };
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private running = false;
  private again = false;
  private stopped = true;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly settings: {
      /** The Web Lock's name: one per queue. */
      lock: string;
      /** Waits after the 1st, 2nd… failed pass in a row; the last repeats. */
      retryMs: readonly number[];
      /** Calls back when something new is queued (only new work starts a pass at once, not a failed try). */
      onAdded: (listener: () => void) => () => void;
    },
  ) {}

  /** One pass: sends what is queued, calling `control.begin()` first if there is anything. */
  protected abstract sendQueued(control: PassControl): Promise<PassOutcome>;

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
      this.settings.onAdded(() => void this.syncNow()),
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

  /** One pass over the queue, now (or right after the pass under way). */
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
        await withLock(this.settings.lock, () => this.pass());
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
    let began = false;
    let outcome: PassOutcome | undefined;
    try {
      outcome = await this.sendQueued({
        begin: () => {
          began = true;
          this.update({ syncing: true, online: true });
        },
        stopped: () => this.stopped,
      });
      if (outcome.kind === 'signed-out') this.update({ needsSignIn: true });
    } finally {
      if (began)
        this.update({
          syncing: false,
          lastSyncAt: new Date().toISOString(),
          lastProblem: outcome?.kind === 'problem' ? outcome.problem : undefined,
        });
    }
    if (outcome.kind === 'problem') {
      this.failures++;
      const retry = this.settings.retryMs;
      this.timer = setTimeout(
        () => void this.syncNow(),
        retry[Math.min(this.failures - 1, retry.length - 1)],
      );
    } else if (outcome.kind === 'done') {
      this.failures = 0;
    }
  }
}

async function withLock(name: string, work: () => Promise<void>): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return work();
  await locks.request(name, work);
}
