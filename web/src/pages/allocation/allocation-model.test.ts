import { describe, expect, it } from 'vitest';
import {
  diffTarget,
  type Run,
  readableParams,
  reservationsByDepot,
  shortageBars,
} from './allocation-model.ts';

const run = (id: string, status: string): Run => ({
  id,
  intake: 'I',
  status,
  objective: 0,
  unmet: 0,
  createdAt: '2026-11-27T10:00:00Z',
  summary: { people: 0, answered: 0, items: [], shortages: [], reservations: [] },
});

describe('allocation page model', () => {
  it('sums shortages of one item and size over sites and orders items as the catalogue does', () => {
    const bars = shortageBars(
      [
        { item: 'boots', size: '270', site: 'A', unmet: 2 },
        { item: 'jacket', size: '48-4', site: 'A', unmet: 1 },
        { item: 'boots', size: '270', site: 'B', unmet: 3 },
        { item: 'boots', size: '280', site: 'A', unmet: 0 },
        { item: 'mystery', size: 'X', site: 'A', unmet: 4 },
      ],
      ['jacket', 'boots'],
    );
    expect(bars.map((b) => [b.item, b.size, b.unmet])).toEqual([
      ['jacket', '48-4', 1],
      ['boots', '270', 5],
      ['mystery', 'X', 4],
    ]);
  });

  it('groups reservations per depot with totals', () => {
    const groups = reservationsByDepot([
      { depot: 'D-W', item: 'cap', size: '57', qty: 3 },
      { depot: 'D-E', item: 'cap', size: '58', qty: 2 },
      { depot: 'D-W', item: 'boots', size: '270', qty: 4 },
    ]);
    expect(groups.map((g) => [g.depot, g.total, g.lines.length])).toEqual([
      ['D-E', 2, 1],
      ['D-W', 7, 2],
    ]);
  });

  it('names the item, site and depot, formats costs, and leaves count a number for plurals', () => {
    const out = readableParams(
      { item: 'boots', site: 'S1', depot: 'D1', preferred: '270', cost: 1200, count: 2 },
      {
        item: (id) => `item:${id}`,
        site: (id) => `site:${id}`,
        depot: (id) => `depot:${id}`,
        number: (n) => new Intl.NumberFormat('ru').format(n),
      },
    );
    expect(out).toEqual({
      item: 'item:boots',
      site: 'site:S1',
      depot: 'depot:D1',
      preferred: '270',
      cost: new Intl.NumberFormat('ru').format(1200),
      count: 2,
    });
  });

  it('offers a diff only when a run newer than the accepted one exists', () => {
    expect(diffTarget([])).toBeUndefined();
    expect(diffTarget([run('a', 'accepted')])).toBeUndefined();
    expect(diffTarget([run('b', 'proposed')])).toBeUndefined();
    const target = diffTarget([run('c', 'proposed'), run('b', 'accepted'), run('a', 'superseded')]);
    expect(target?.newer.id).toBe('c');
    expect(target?.accepted.id).toBe('b');
  });
});
