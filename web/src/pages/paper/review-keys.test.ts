import { describe, expect, it } from 'vitest';
import { reviewKey } from './review-keys.ts';

const opts = { inTextBox: false, choices: 3, canAccept: true };

describe('review queue shortcuts', () => {
  it('accepts with Enter only when there is a value to accept', () => {
    expect(reviewKey({ key: 'Enter' }, opts)).toEqual({ kind: 'accept' });
    expect(reviewKey({ key: 'Enter' }, { ...opts, canAccept: false })).toBeUndefined();
  });

  it('picks the numbered choice, and nothing past the last one', () => {
    expect(reviewKey({ key: '1' }, opts)).toEqual({ kind: 'choice', index: 0 });
    expect(reviewKey({ key: '3' }, opts)).toEqual({ kind: 'choice', index: 2 });
    expect(reviewKey({ key: '4' }, opts)).toBeUndefined();
  });

  it('gives no answer with 0, types with / or T, skips with S or the arrow', () => {
    expect(reviewKey({ key: '0' }, opts)).toEqual({ kind: 'blank' });
    expect(reviewKey({ key: '/' }, opts)).toEqual({ kind: 'type' });
    expect(reviewKey({ key: 'T' }, opts)).toEqual({ kind: 'type' });
    expect(reviewKey({ key: 's' }, opts)).toEqual({ kind: 'skip' });
    expect(reviewKey({ key: 'ArrowRight' }, opts)).toEqual({ kind: 'skip' });
    expect(reviewKey({ key: 'ArrowLeft' }, opts)).toEqual({ kind: 'back' });
  });

  it('leaves keys to a text box and to browser shortcuts', () => {
    expect(reviewKey({ key: '1' }, { ...opts, inTextBox: true })).toBeUndefined();
    expect(reviewKey({ key: 'Enter' }, { ...opts, inTextBox: true })).toBeUndefined();
    expect(reviewKey({ key: '1', ctrlKey: true }, opts)).toBeUndefined();
    expect(reviewKey({ key: 's', metaKey: true }, opts)).toBeUndefined();
  });
});
