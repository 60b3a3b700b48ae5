import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { classesOf, inIdOrder, type Person } from './people.ts';

const person = (id: string, site: string, sizes: Record<string, string>): Person => ({ id, site, sizes });

describe('classesOf', () => {
  it('counts people by item, site and preferred size, sorted', () => {
    const people = [
      person('P3', 'B', { boots: '265', hat: '57' }),
      person('P1', 'A', { boots: '265' }),
      person('P2', 'A', { boots: '265', hat: '58' }),
    ];
    expect(classesOf(people)).toEqual([
      { site: 'A', item: 'boots', size: '265', count: 2 },
      { site: 'B', item: 'boots', size: '265', count: 1 },
      { site: 'A', item: 'hat', size: '58', count: 1 },
      { site: 'B', item: 'hat', size: '57', count: 1 },
    ]);
  });

  it('gives no classes for no people, or people entitled to nothing', () => {
    expect(classesOf([])).toEqual([]);
    expect(classesOf([person('P1', 'A', {})])).toEqual([]);
  });
});

describe('inIdOrder', () => {
  it('returns the very same array when it is already in id order', () => {
    const people = [person('P1', 'A', {}), person('P2', 'A', {})];
    expect(inIdOrder(people)).toBe(people);
  });

  it('sorts a copy by code units otherwise, leaving the input alone', () => {
    const people = [person('b', 'A', {}), person('B', 'A', {}), person('a', 'A', {})];
    expect(inIdOrder(people).map((p) => p.id)).toEqual(['B', 'a', 'b']);
    expect(people.map((p) => p.id)).toEqual(['b', 'B', 'a']);
  });

  it('refuses two people with one id, whether neighbours or not', () => {
    expect(() => inIdOrder([person('P1', 'A', {}), person('P1', 'B', {})])).toThrow(InputError);
    expect(() => inIdOrder([person('P2', 'A', {}), person('P1', 'A', {}), person('P2', 'B', {})])).toThrow(
      /"P2"/,
    );
  });
});
