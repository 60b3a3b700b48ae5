/**
 * Counts API requests per caller (a signed-in account, or an address) in fixed one-minute windows, in memory.
 * A restart forgets the counts, which errs towards use. Bounded: windows that have passed are swept.
 */
export class RequestRate {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request; returns how many this caller made in the current window, this one included. */
  hit(key: string): number {
    const now = this.now();
    if (now - this.lastSweep > 60_000) {
      for (const [k, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(k);
      this.lastSweep = now;
    }
    let w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count;
  }

  get limit(): number {
    return this.perMinute;
  }
}
