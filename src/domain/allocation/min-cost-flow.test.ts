import { describe, expect, it } from 'vitest';
import { FlowGraph } from './min-cost-flow.ts';

describe('FlowGraph.minCostFlow', () => {
  it('sends all it can along the cheapest paths first', () => {
    // 0 → 1 → 3 costs 1 + 1, 0 → 2 → 3 costs 2 + 2; capacity 3 on the cheap route, 5 on the dear one.
    const g = new FlowGraph(4);
    const a = g.addArc(0, 1, 3, 1);
    g.addArc(1, 3, 3, 1);
    const b = g.addArc(0, 2, 5, 2);
    g.addArc(2, 3, 5, 2);
    expect(g.minCostFlow(0, 3)).toEqual({ value: 8, cost: 3 * 2 + 5 * 4 });
    expect(g.flowOn(a)).toBe(3);
    expect(g.flowOn(b)).toBe(5);
  });

  it('reroutes earlier flow through a reverse arc when that makes room for more', () => {
    // The classic case where a greedy choice must be undone: s→a→t and s→b→t share a→b.
    const g = new FlowGraph(4);
    const [s, a, b, t] = [0, 1, 2, 3];
    g.addArc(s, a, 1, 0);
    g.addArc(s, b, 1, 0);
    const ab = g.addArc(a, b, 1, 0);
    g.addArc(a, t, 1, 5);
    g.addArc(b, t, 1, 0);
    expect(g.minCostFlow(s, t)).toEqual({ value: 2, cost: 5 });
    expect(g.flowOn(ab)).toBe(0);
  });

  it('stops before a path dearer than the limit, and still takes a path exactly at the limit', () => {
    const g = new FlowGraph(2);
    const cheap = g.addArc(0, 1, 4, 3);
    const even = g.addArc(0, 1, 4, 5);
    const dear = g.addArc(0, 1, 4, 6);
    expect(g.minCostFlow(0, 1, 5)).toEqual({ value: 8, cost: 4 * 3 + 4 * 5 });
    expect([g.flowOn(cheap), g.flowOn(even), g.flowOn(dear)]).toEqual([4, 4, 0]);
  });

  it('returns no flow when the sink cannot be reached', () => {
    const g = new FlowGraph(3);
    g.addArc(0, 1, 10, 1);
    expect(g.minCostFlow(0, 2)).toEqual({ value: 0, cost: 0 });
  });

  it('breaks ties the same way every time', () => {
    const build = () => {
      const g = new FlowGraph(4);
      const arcs = [g.addArc(0, 1, 5, 0), g.addArc(0, 2, 5, 0), g.addArc(1, 3, 5, 1), g.addArc(2, 3, 5, 1)];
      g.minCostFlow(0, 3, Number.POSITIVE_INFINITY);
      return arcs.map((id) => g.flowOn(id));
    };
    const first = build();
    expect(first.reduce((x, y) => x + y, 0)).toBe(20);
    expect(build()).toEqual(first);
  });

  it('refuses negative or non-finite arc costs', () => {
    const g = new FlowGraph(2);
    expect(() => g.addArc(0, 1, 1, -1)).toThrow(RangeError);
    expect(() => g.addArc(0, 1, 1, Number.NaN)).toThrow(RangeError);
  });
});
