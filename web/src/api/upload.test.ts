import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './upload.ts';

describe('newIdempotencyKey', () => {
  it('makes v4 UUIDs even where crypto.randomUUID is unavailable (plain http on a LAN)', () => {
    const keys = Array.from({ length: 500 }, newIdempotencyKey);
    for (const k of keys)
      expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
