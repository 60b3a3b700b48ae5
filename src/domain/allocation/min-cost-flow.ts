/**
 * Min-cost flow by successive shortest paths with node potentials (Johnson-reweighted Dijkstra), after the AtCoder
 * Library's `mcf_graph`. Why this algorithm and our own code: the networks here are small once people are grouped
 * into classes (tens of supply and demand nodes per item), costs and capacities are whole numbers so every step is
 * exact integer arithmetic and the flow is integral, and the shortest-path costs rise monotonically, which is exactly
 * the "serve while cheaper than leaving unmet" stopping rule. No dependency, deterministic tie-breaking (by node
 * index), and a few dozen lines we can reason about — a network simplex would be faster on huge graphs we never build.
 */
export class FlowGraph {
  private readonly head: number[][];
  /** Arc `e` and its residual twin `e ^ 1` are stored side by side. */
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];

  constructor(readonly nodeCount: number) {
    this.head = Array.from({ length: nodeCount }, () => []);
  }

  /** Adds an arc and returns its id, for {@link FlowGraph.flowOn} after solving. Costs must be ≥ 0. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (cost < 0 || !Number.isFinite(cost))
      throw new RangeError(`arc cost must be finite and ≥ 0, got ${cost}`);
    const id = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.head[from]!.push(id);
    this.head[to]!.push(id + 1);
    return id;
  }

  /** Units sent along arc `id` (its residual twin holds exactly that much). */
  flowOn(id: number): number {
    return this.cap[id + 1]!;
  }

  /**
   * Sends flow from `source` to `sink` along cheapest paths, one path at a time, while the per-unit cost of the next
   * path is at most `maxPathCost`. Because successive path costs never decrease, stopping there gives the cheapest
   * flow overall when every unit not sent costs `maxPathCost`; among equally cheap answers it sends the most units.
   */
  minCostFlow(
    source: number,
    sink: number,
    maxPathCost = Number.POSITIVE_INFINITY,
  ): { value: number; cost: number } {
    const n = this.nodeCount;
    const dual = new Float64Array(n);
    const dist = new Float64Array(n);
    const visited = new Uint8Array(n);
    const prevArc = new Int32Array(n);
    const heap = new MinHeap();
    let value = 0;
    let cost = 0;
    for (;;) {
      dist.fill(Number.POSITIVE_INFINITY);
      visited.fill(0);
      dist[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const v = heap.pop();
        if (visited[v]) continue;
        visited[v] = 1;
        if (v === sink) break;
        const dv = dist[v]!;
        const pv = dual[v]!;
        for (const e of this.head[v]!) {
          if (this.cap[e] === 0) continue;
          const w = this.to[e]!;
          // Reduced costs stay ≥ 0 thanks to the potentials, so Dijkstra is exact on the residual graph.
          const reduced = this.cost[e]! - dual[w]! + pv;
          if (dist[w]! - dv > reduced) {
            dist[w] = dv + reduced;
            prevArc[w] = e;
            heap.push(dv + reduced, w);
          }
        }
      }
      if (!visited[sink]) break;
      const dt = dist[sink]!;
      for (let v = 0; v < n; v++) if (visited[v]) dual[v] = dual[v]! - (dt - dist[v]!);
      const pathCost = -dual[source]!;
      if (pathCost > maxPathCost) break;
      let push = Number.POSITIVE_INFINITY;
      for (let v = sink; v !== source; v = this.to[prevArc[v]! ^ 1]!)
        push = Math.min(push, this.cap[prevArc[v]!]!);
      for (let v = sink; v !== source; v = this.to[prevArc[v]! ^ 1]!) {
        const e = prevArc[v]!;
        this.cap[e] = this.cap[e]! - push;
        this.cap[e ^ 1] = this.cap[e ^ 1]! + push;
      }
      value += push;
      cost += push * pathCost;
    }
    return { value, cost };
  }
}

/** A binary heap of (key, node) ordered by key, then node, so equal-cost paths are always explored the same way. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  clear(): void {
    this.keys.length = 0;
    this.nodes.length = 0;
  }

  push(key: number, node: number): void {
    const keys = this.keys;
    const nodes = this.nodes;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(key, node, keys[parent]!, nodes[parent]!)) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0]!;
    const lastKey = keys.pop()!;
    const lastNode = nodes.pop()!;
    const size = keys.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && this.less(keys[child + 1]!, nodes[child + 1]!, keys[child]!, nodes[child]!))
          child++;
        if (!this.less(keys[child]!, nodes[child]!, lastKey, lastNode)) break;
        keys[i] = keys[child]!;
        nodes[i] = nodes[child]!;
        i = child;
      }
      keys[i] = lastKey;
      nodes[i] = lastNode;
    }
    return top;
  }

  private less(k1: number, n1: number, k2: number, n2: number): boolean {
    return k1 < k2 || (k1 === k2 && n1 < n2);
  }
}
