import { describe, expect, it } from 'vitest';
import type { Issue } from '../errors.ts';
import { formatPath, MAX_COST, MAX_QTY, parseInstance, parseInstanceJson } from './instance-schema.ts';
import { randomInstance } from './random-instance.ts';

const example = () => ({
  unmetCost: 1000,
  stock: [
    { depot: 'A', item: 'boots', size: '270', qty: 40 },
    { depot: 'B', item: 'boots', size: '265', qty: 3 },
  ],
  demand: [{ site: 'A', item: 'boots', size: '265', count: 12 }],
  substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 1 }],
  transport: [{ depot: 'B', site: 'A', cost: 5 }],
});

function errorsOf(value: unknown): Issue[] {
  const parsed = parseInstance(value);
  if (parsed.ok) throw new Error('expected the instance to be rejected');
  return parsed.errors;
}

const withStock = (qty: unknown) => ({
  ...example(),
  stock: [{ depot: 'A', item: 'boots', size: '270', qty }, example().stock[1]],
});

describe('parseInstance', () => {
  it('accepts the example from the issue unchanged', () => {
    expect(parseInstance(example())).toEqual({ ok: true, value: example() });
  });

  it('accepts the optional steps of a substitution rule', () => {
    const inst = {
      ...example(),
      substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 1, steps: 1 }],
    };
    expect(parseInstance(inst).ok).toBe(true);
  });

  it('names the entry and field of a negative, fractional, textual or missing quantity', () => {
    expect(errorsOf(withStock(-1))).toEqual([
      { field: 'stock[0].qty', reason: 'must be a whole number ≥ 0' },
    ]);
    expect(errorsOf(withStock(1.5))).toEqual([
      { field: 'stock[0].qty', reason: 'must be a whole number ≥ 0' },
    ]);
    expect(errorsOf(withStock('40'))).toEqual([
      { field: 'stock[0].qty', reason: 'must be a whole number ≥ 0' },
    ]);
    expect(errorsOf(withStock(undefined))).toEqual([{ field: 'stock[0].qty', reason: 'is required' }]);
  });

  it('rejects NaN, infinities and numbers beyond the ceilings', () => {
    for (const qty of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(errorsOf(withStock(qty))[0]?.field).toBe('stock[0].qty');
    }
    expect(errorsOf(withStock(MAX_QTY + 1))).toEqual([
      { field: 'stock[0].qty', reason: `must be at most ${MAX_QTY}` },
    ]);
    expect(errorsOf({ ...example(), unmetCost: MAX_COST + 1 })).toEqual([
      { field: 'unmetCost', reason: `must be at most ${MAX_COST}` },
    ]);
    expect(parseInstance(withStock(MAX_QTY)).ok).toBe(true);
  });

  it('rejects a total demand whose objective could no longer be exact', () => {
    const demand = Array.from({ length: 3 }, (_, i) => ({
      site: 'A',
      item: 'boots',
      size: `${i}`,
      count: MAX_QTY / 2,
    }));
    expect(errorsOf({ ...example(), demand })).toEqual([
      { field: 'demand', reason: 'total count 1500000000 is more than 1000000000' },
    ]);
  });

  it('reports every problem at once, each with its own path', () => {
    const inst = {
      ...example(),
      unmetCost: -5,
      demand: [{ site: 'A', item: 'boots', size: '265', count: -1 }],
      transport: [{ depot: 'B', site: 'A', cost: 'cheap' }],
    };
    expect(errorsOf(inst).map((e) => e.field)).toEqual(['unmetCost', 'demand[0].count', 'transport[0].cost']);
  });

  it('rejects unknown fields, so a typo like "quantity" is not silently ignored', () => {
    const inst = {
      ...example(),
      stock: [{ depot: 'A', item: 'boots', size: '270', quantity: 40 }],
      extra: true,
    };
    expect(errorsOf(inst)).toEqual([
      { field: 'stock[0].qty', reason: 'is required' },
      { field: 'stock[0].quantity', reason: 'is not a known field' },
      { field: 'extra', reason: 'is not a known field' },
    ]);
  });

  it('rejects a __proto__ key instead of letting it through', () => {
    const inst = JSON.parse(
      '{"unmetCost":1,"stock":[],"demand":[],"substitutions":[],"transport":[],"__proto__":{"x":1}}',
    );
    expect(errorsOf(inst)).toEqual([{ field: '__proto__', reason: 'is not a known field' }]);
  });

  it('rejects a top level that is not an object, and lists that are not lists', () => {
    for (const value of [null, [], 'instance', 42, undefined]) {
      expect(errorsOf(value)).toEqual([{ reason: 'instance must be an object' }]);
    }
    expect(errorsOf({ ...example(), stock: { depot: 'A' } })).toEqual([
      { field: 'stock', reason: 'must be a list' },
    ]);
    expect(errorsOf({ ...example(), stock: [7] })).toEqual([
      { field: 'stock[0]', reason: 'must be an object' },
    ]);
  });

  it('rejects names that are empty, padded, too long, not text, or hold control characters', () => {
    const named = (depot: unknown) => ({
      ...example(),
      stock: [{ depot, item: 'boots', size: '270', qty: 1 }],
      transport: [],
    });
    expect(errorsOf(named(''))[0]).toEqual({ field: 'stock[0].depot', reason: 'must not be empty' });
    expect(errorsOf(named(' A'))[0]).toEqual({
      field: 'stock[0].depot',
      reason: 'must not start or end with spaces',
    });
    expect(errorsOf(named('x'.repeat(101)))[0]).toEqual({
      field: 'stock[0].depot',
      reason: 'must be at most 100 characters',
    });
    expect(errorsOf(named(5))[0]).toEqual({ field: 'stock[0].depot', reason: 'must be text' });
    expect(errorsOf(named('A\u0000B'))[0]).toEqual({
      field: 'stock[0].depot',
      reason: 'must not contain control characters',
    });
  });

  it('accepts Unicode names and treats them exactly', () => {
    const inst = {
      unmetCost: 10,
      stock: [{ depot: '창고-1', item: 'куртка', size: '48-4', qty: 2 }],
      demand: [{ site: '창고-1', item: 'куртка', size: '48-4', count: 2 }],
      substitutions: [],
      transport: [],
    };
    expect(parseInstance(inst).ok).toBe(true);
  });

  it('names both entries of a duplicate, in every list', () => {
    const inst = example();
    inst.stock.push({ depot: 'A', item: 'boots', size: '270', qty: 1 });
    inst.demand.push({ site: 'A', item: 'boots', size: '265', count: 1 });
    inst.substitutions.push({ item: 'boots', preferred: '265', issued: '270', cost: 2 });
    inst.transport.push({ depot: 'B', site: 'A', cost: 1 });
    expect(errorsOf(inst)).toEqual([
      { field: 'stock[2]', reason: 'repeats the depot, item and size of stock[0] (A, boots, 270)' },
      { field: 'demand[1]', reason: 'repeats the site, item and size of demand[0] (A, boots, 265)' },
      {
        field: 'substitutions[1]',
        reason: 'repeats the item, preferred and issued of substitutions[0] (boots, 265, 270)',
      },
      { field: 'transport[1]', reason: 'repeats the depot and site of transport[0] (B, A)' },
    ]);
  });

  it('rejects transport and substitutions that name unknown depots, sites or items', () => {
    const inst = {
      ...example(),
      transport: [
        { depot: 'Z', site: 'A', cost: 1 },
        { depot: 'B', site: 'Q', cost: 1 },
      ],
      substitutions: [{ item: 'hat', preferred: '57', issued: '58', cost: 1 }],
    };
    expect(errorsOf(inst)).toEqual([
      { field: 'transport[0].depot', reason: 'unknown depot "Z": no stock row names it' },
      { field: 'transport[1].site', reason: 'unknown site "Q": no demand row names it' },
      { field: 'substitutions[0].item', reason: 'unknown item "hat": no stock or demand row names it' },
    ]);
  });

  it('accepts the random instances the property tests use', () => {
    for (let seed = 1; seed <= 50; seed++) expect(parseInstance(randomInstance(seed)).ok).toBe(true);
  });
});

describe('parseInstanceJson', () => {
  it('reports text that is not JSON, including NaN and trailing garbage', () => {
    for (const text of ['', 'not json', '{"unmetCost": NaN}', '{"unmetCost": 1}}', "{'a': 1}"]) {
      const parsed = parseInstanceJson(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]!.reason).toMatch(/^not valid JSON: /);
    }
  });

  it('turns a number too big for a double into a clear error on its field', () => {
    const parsed = parseInstanceJson(
      '{"unmetCost":1e400,"stock":[],"demand":[],"substitutions":[],"transport":[]}',
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [{ field: 'unmetCost', reason: 'must be a whole number ≥ 0' }],
    });
  });

  it('parses a valid file', () => {
    expect(parseInstanceJson(JSON.stringify(example()))).toEqual({ ok: true, value: example() });
  });
});

describe('formatPath', () => {
  it('writes paths the way a person finds them in the file', () => {
    expect(formatPath(['stock', 3, 'qty'])).toBe('stock[3].qty');
    expect(formatPath([])).toBe('');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });
});
