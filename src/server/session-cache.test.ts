import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.ts';

const user = { id: 'u1', username: 'issuer', displayName: 'I', roles: ['issuer'], language: 'ru' };

describe('SessionCache', () => {
  it('answers from memory within the time to live, and not after', () => {
    let t = 0;
    const cache = new SessionCache(() => t, 5000);
    cache.set('tok', user);
    t = 4999;
    expect(cache.get('tok')?.user).toEqual(user);
    t = 5001;
    expect(cache.get('tok')).toBeUndefined();
  });

  it('forgets a signed-out token at once and keeps at most max entries', () => {
    const cache = new SessionCache(() => 0, 5000, 2);
    cache.set('a', user);
    cache.drop('a');
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', user);
    cache.set('c', user);
    cache.set('d', user);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('d')?.user).toEqual(user);
  });

  it('remembers that a token is unknown too, so a flood of bad tokens does not reach the database each time', () => {
    const cache = new SessionCache(() => 0);
    cache.set('bad', undefined);
    expect(cache.get('bad')).toEqual({ user: undefined });
  });
});
