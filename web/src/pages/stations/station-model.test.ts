import { describe, expect, it } from 'vitest';
import type { StoredEvent } from './station-db.ts';
import {
  availableFor,
  eventsToOverlay,
  foldPack,
  issueAllEvents,
  nearestSizes,
  overlayPickList,
  pickListFromPack,
} from './station-model.ts';
import type { Pack, PickList } from './types.ts';

const pack: Pack = {
  stationDepot: 'D-NORTH',
  generatedAt: '2026-12-01T08:00:00.000Z',
  items: [
    {
      id: 'shirt',
      name: { ru: 'Рубашка', ko: '셔츠', en: 'Shirt' },
      sizes: ['46-3', '48-4', '50-4', '52-5'],
    },
    { id: 'cap', name: { ru: 'Кепи', ko: '모자', en: 'Cap' }, sizes: ['56', '57', '58'] },
  ],
  stock: [
    { item: 'shirt', size: '48-4', onHand: 5, reserved: 2 },
    { item: 'shirt', size: '50-4', onHand: 1, reserved: 0 },
    { item: 'shirt', size: '52-5', onHand: 0, reserved: 0 },
    { item: 'cap', size: '57', onHand: 1, reserved: 1 },
    { item: 'cap', size: '58', onHand: 3, reserved: 0 },
  ],
  bins: [
    { item: 'shirt', size: '48-4', bin: 'B-04-2' },
    { item: 'cap', size: '57', bin: 'A-01-1' },
  ],
  people: [
    {
      id: 'P-1',
      name: '김민준',
      latinName: 'Kim Minjun',
      language: 'ko',
      lines: [
        { item: 'shirt', unit: 1, entitled: 2, allocated: '48-4', issued: null },
        { item: 'shirt', unit: 2, entitled: 2, allocated: '48-4', issued: null },
        { item: 'cap', unit: 1, entitled: 1, allocated: '57', issued: null },
      ],
    },
    {
      id: 'P-2',
      name: '이서연',
      latinName: null,
      language: 'ko',
      lines: [{ item: 'cap', unit: 1, entitled: 1, allocated: null, issued: null }],
    },
  ],
};

const ev = (e: Partial<StoredEvent> & Pick<StoredEvent, 'kind' | 'item' | 'size'>): StoredEvent => ({
  id: `e-${Math.random()}`,
  personId: 'P-1',
  stationId: 'N-1',
  intakeId: 'W',
  clientTime: '2026-12-01T09:00:00.000Z',
  seq: 1,
  state: 'queued',
  attempts: 0,
  ...e,
});

describe('foldPack', () => {
  it('takes an issue of a reserved size from the reservation, and any other issue from free stock', () => {
    const s = foldPack(pack, [
      ev({ kind: 'issue', item: 'shirt', size: '48-4' }),
      ev({ kind: 'issue', item: 'cap', size: '58' }),
    ]);
    expect(s.stock.get('shirt|48-4')).toEqual({ onHand: 4, reserved: 1 });
    expect(s.stock.get('cap|58')).toEqual({ onHand: 2, reserved: 0 });
    expect(s.stock.get('cap|57')).toEqual({ onHand: 1, reserved: 1 });
    expect(s.lines.get('P-1')!.map((l) => l.issued)).toEqual(['48-4', null, '58']);
  });

  it('puts an exchanged size back on the shelf and a serviceable return too, but not scrap', () => {
    const s = foldPack(pack, [
      ev({ kind: 'issue', item: 'shirt', size: '48-4' }),
      ev({ kind: 'exchange', item: 'shirt', size: '48-4', toSize: '50-4' }),
      ev({ kind: 'issue', item: 'cap', size: '57' }),
      ev({ kind: 'return', item: 'cap', size: '57', condition: 'H' }),
    ]);
    expect(s.stock.get('shirt|48-4')).toEqual({ onHand: 5, reserved: 1 });
    expect(s.stock.get('shirt|50-4')).toEqual({ onHand: 0, reserved: 0 });
    expect(s.stock.get('cap|57')).toEqual({ onHand: 0, reserved: 0 });
    expect(s.lines.get('P-1')!.map((l) => l.issued)).toEqual(['50-4', null, null]);
  });
});

describe('a reservation used once', () => {
  it('is not counted again when the unit comes back and the line is open again', () => {
    const events = [
      ev({ kind: 'issue', item: 'cap', size: '57' }),
      ev({ kind: 'return', item: 'cap', size: '57', condition: 'A' }),
    ];
    const s = foldPack(pack, events);
    expect(s.stock.get('cap|57')).toEqual({ onHand: 1, reserved: 0 });
    expect(availableFor(s, pack, 'P-1', 'cap', '57')).toBe(1);
    const far: Pack = {
      ...pack,
      people: [
        { ...pack.people[0]!, lines: pack.people[0]!.lines.map((l) => ({ ...l, reservedHere: false })) },
      ],
    };
    // Reserved at another depot: nothing of the person's own here.
    expect(availableFor(foldPack(far, []), far, 'P-1', 'cap', '57')).toBe(0);
  });
});

describe('pickListFromPack', () => {
  it('counts the person’s own reservations as available to them, with bins and nearest sizes in stock', () => {
    const list = pickListFromPack(pack, 'P-1', [], 'W')!;
    expect(list.person).toMatchObject({ id: 'P-1', language: 'ko', intakeId: 'W' });
    expect(list.lines.map((l) => [l.item, l.available, l.bin])).toEqual([
      ['shirt', 5, 'B-04-2'],
      ['shirt', 5, 'B-04-2'],
      ['cap', 1, 'A-01-1'],
    ]);
    expect(list.lines[0]!.alternatives.map((a) => a.size)).toEqual(['50-4']);
    // Someone else's reservation of the last cap 57 is not available to P-2.
    const other = pickListFromPack(
      pack,
      'P-2',
      [ev({ kind: 'issue', item: 'cap', size: '58', personId: 'P-2' })],
      'W',
    )!;
    expect(other.lines[0]).toMatchObject({ issued: { size: '58' }, available: 2 });
    expect(pickListFromPack(pack, 'P-404', [], 'W')).toBeNull();
  });
});

describe('nearestSizes', () => {
  it('offers the nearest sizes with stock, a larger before a smaller at the same distance', () => {
    const stock: Record<string, number> = { a: 1, b: 1, c: 0, d: 1, e: 1 };
    expect(nearestSizes(['a', 'b', 'c', 'd', 'e'], 'c', (s) => stock[s] ?? 0).map((x) => x.size)).toEqual([
      'd',
      'b',
      'e',
    ]);
    expect(nearestSizes(['a', 'b'], 'zz', () => 0)).toEqual([]);
  });
});

describe('eventsToOverlay', () => {
  it('keeps queued events and those sent after the data was fetched, never refused ones or other stations’', () => {
    const events = [
      ev({ id: 'q', kind: 'issue', item: 'cap', size: '58' }),
      ev({
        id: 'old',
        kind: 'issue',
        item: 'cap',
        size: '58',
        state: 'sent',
        sentAt: '2026-12-01T08:59:00.000Z',
      }),
      ev({
        id: 'new',
        kind: 'issue',
        item: 'cap',
        size: '58',
        state: 'sent',
        sentAt: '2026-12-01T09:01:00.000Z',
      }),
      ev({ id: 'no', kind: 'issue', item: 'cap', size: '58', state: 'refused' }),
      ev({ id: 'far', kind: 'issue', item: 'cap', size: '58', stationId: 'N-2' }),
    ];
    const ids = eventsToOverlay(events, {
      stationId: 'N-1',
      intakeId: 'W',
      packFetchedAt: '2026-12-01T09:00:00.000Z',
    }).map((e) => e.id);
    expect(ids).toEqual(['q', 'new']);
  });
});

describe('overlayPickList and issueAllEvents', () => {
  const list: PickList = {
    person: { id: 'P-1', intakeId: 'W', name: '김민준', latinName: 'Kim Minjun', language: 'ko' },
    stationDepot: 'D-NORTH',
    answers: [],
    lines: [
      {
        item: 'shirt',
        itemName: { en: 'Shirt' },
        unit: 1,
        entitled: 2,
        allocated: { size: '48-4', depot: 'D-NORTH' },
        issued: null,
        bin: 'B-04-2',
        available: 1,
        alternatives: [{ size: '50-4', available: 2, reason: 'larger' }],
      },
      {
        item: 'shirt',
        itemName: { en: 'Shirt' },
        unit: 2,
        entitled: 2,
        allocated: { size: '48-4', depot: 'D-NORTH' },
        issued: null,
        bin: 'B-04-2',
        available: 1,
        alternatives: [],
      },
    ],
  };

  it('issues only as many units as the shelf holds', () => {
    expect(issueAllEvents(list)).toEqual([{ item: 'shirt', size: '48-4' }]);
  });

  it('shows unsent issues as issued and takes their units off the shelf', () => {
    const shown = overlayPickList(list, [ev({ kind: 'issue', item: 'shirt', size: '50-4' })]);
    expect(shown.lines.map((l) => l.issued?.size ?? null)).toEqual(['50-4', null]);
    expect(shown.lines[1]!.available).toBe(1);
    expect(shown.lines[0]!.available).toBe(1);
    const other = overlayPickList(list, [
      ev({ kind: 'issue', item: 'shirt', size: '48-4', personId: 'P-9' }),
    ]);
    expect(other.lines.map((l) => l.available)).toEqual([0, 0]);
    expect(issueAllEvents(other)).toEqual([]);
  });
});

describe('personLines', () => {
  it('fills in the units of a compact pack from the entitlements, keeping what is allocated or issued', async () => {
    const compact: Pack = {
      ...pack,
      entitlements: [
        { item: 'cap', qty: 1 },
        { item: 'shirt', qty: 2 },
      ],
    };
    const person = {
      ...pack.people[0]!,
      lines: [{ item: 'shirt', unit: 2, entitled: 2, allocated: '50-4', issued: null }],
    };
    expect(
      (await import('./station-model.ts'))
        .personLines(compact, person)
        .map((l) => [l.item, l.unit, l.allocated]),
    ).toEqual([
      ['shirt', 1, null],
      ['shirt', 2, '50-4'],
      ['cap', 1, null],
    ]);
  });
});
