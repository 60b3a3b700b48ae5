import type { SessionUser } from '../services/auth.ts';

/**
 * Remembers who is behind a session token for a few seconds, so a station or tablet sending many requests in a
 * row costs one session look-up, not one per request. Sign-out drops the entry at once; anything else that ends a
 * session (expiry, a disabled account) takes effect within `ttlMs`. Bounded: the oldest entries go first.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: SessionUser | undefined; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 5_000,
    private readonly max = 10_000,
  ) {}

  get(token: string): { user: SessionUser | undefined } | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.ttlMs) {
      this.entries.delete(token);
      return undefined;
    }
    return { user: hit.user };
  }

  set(token: string, user: SessionUser | undefined): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { user, at: this.now() });
  }

  drop(token: string | undefined): void {
    if (token) this.entries.delete(token);
  }
}
