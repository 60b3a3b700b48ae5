import type { StoredEvent } from './station-db.ts';
import type {
  Alternative,
  Pack,
  PackPerson,
  PackPersonLine,
  PickLine,
  PickList,
  StationEventBody,
} from './types.ts';

/**
 * What the station shows, worked out from what it holds: the server's pick list when online, or the pack kept on
 * the device, each with the station's own events laid over it (an issue not yet sent still shows as issued, and
 * its unit is gone from local stock). Pure: no IndexedDB, no network, no clock.
 */

type Overlay = Pick<StationEventBody, 'kind' | 'personId' | 'item' | 'size' | 'toSize' | 'condition'>;

const key = (item: string, size: string) => `${item}|${size}`;

/**
 * Every unit a person of the pack is entitled to: the pack lists only units allocated or issued when it carries
 * the intake's entitlements, and the others are open units with nothing allocated.
 */
export function personLines(pack: Pack, person: PackPerson | undefined): PackPersonLine[] {
  if (!person) return [];
  const own = person.role ? pack.roleEntitlements?.[person.role] : undefined;
  const entitlements = own ?? pack.entitlements;
  if (!entitlements) return person.lines;
  const listed = new Map(person.lines.map((l) => [`${l.item}|${l.unit}`, l]));
  const order = new Map(pack.items.map((it, i) => [it.id, i]));
  const out: PackPersonLine[] = [];
  const ents = [...entitlements].sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
  for (const e of ents)
    for (let unit = 1; unit <= e.qty; unit++)
      out.push(
        listed.get(`${e.item}|${unit}`) ?? {
          item: e.item,
          unit,
          entitled: e.qty,
          allocated: null,
          issued: null,
        },
      );
  // Units beyond today's entitlement (it was lowered after issue) still show, so nothing held is hidden.
  for (const l of person.lines) if (!out.includes(l)) out.push(l);
  return out;
}

/**
 * The events the server's data does not yet show: queued ones, and — over a pack — those the server took after the
 * pack was fetched. Refused events changed nothing.
 */
export function eventsToOverlay(
  events: readonly StoredEvent[],
  opts: { stationId: string; intakeId: string; packFetchedAt?: string },
): StoredEvent[] {
  return events.filter(
    (e) =>
      e.stationId === opts.stationId &&
      e.intakeId === opts.intakeId &&
      (e.state === 'queued' ||
        (opts.packFetchedAt !== undefined &&
          e.state === 'sent' &&
          e.sentAt !== undefined &&
          e.sentAt >= opts.packFetchedAt)),
  );
}

/** Change in units on the shelf at item × size that one event makes. */
export function shelfDelta(e: Overlay): Map<string, number> {
  const d = new Map<string, number>();
  const add = (size: string, n: number) => d.set(key(e.item, size), (d.get(key(e.item, size)) ?? 0) + n);
  if (e.kind === 'issue') add(e.size, -1);
  else if (e.kind === 'exchange' && e.toSize) {
    add(e.size, 1);
    add(e.toSize, -1);
  } else if (e.kind === 'return' && (e.condition === 'A' || e.condition === 'B')) add(e.size, 1);
  return d;
}

/** A person's lines after an event: which unit it fills, changes or empties. */
export function applyToLines<L extends { item: string; issued: unknown }>(
  lines: readonly L[],
  e: Overlay,
  issuedOf: (l: L) => string | null,
  withIssued: (l: L, size: string | null) => L,
  allocatedOf: (l: L) => string | null,
): L[] {
  const out = [...lines];
  const find = (pred: (l: L) => boolean) => out.findIndex((l) => l.item === e.item && pred(l));
  if (e.kind === 'issue') {
    let i = find((l) => issuedOf(l) === null && allocatedOf(l) === e.size);
    if (i < 0) i = find((l) => issuedOf(l) === null);
    if (i >= 0) out[i] = withIssued(out[i]!, e.size);
  } else {
    const i = find((l) => issuedOf(l) === e.size);
    if (i >= 0) out[i] = withIssued(out[i]!, e.kind === 'exchange' ? (e.toSize ?? e.size) : null);
  }
  return out;
}

const packLineOps = [
  (l: PackPersonLine) => l.issued,
  (l: PackPersonLine, size: string | null) => ({ ...l, issued: size }),
  (l: PackPersonLine) => l.allocated,
] as const;

/** Whether a unit's reservation is still held at the station's depot: the pack says, or it is allocated and not issued. */
export function reservedHere(l: PackPersonLine): boolean {
  return l.reservedHere ?? (l.allocated !== null && l.issued === null);
}

export interface LocalState {
  /** onHand and reserved per `item|size` at the station's depot. */
  stock: Map<string, { onHand: number; reserved: number }>;
  /** People whose lines the events changed. */
  lines: Map<string, PackPersonLine[]>;
}

/**
 * The pack with events laid over it, in the order they were made. An issue of a size the person had reserved
 * takes the reservation (reserved and on hand both drop); otherwise it takes free stock.
 */
export function foldPack(pack: Pack, events: readonly Overlay[]): LocalState {
  const stock = new Map(
    pack.stock.map((s) => [key(s.item, s.size), { onHand: s.onHand, reserved: s.reserved }]),
  );
  const people = new Map(pack.people.map((p) => [p.id, p]));
  const lines = new Map<string, PackPersonLine[]>();
  const at = (item: string, size: string) => {
    let s = stock.get(key(item, size));
    if (!s) {
      s = { onHand: 0, reserved: 0 };
      stock.set(key(item, size), s);
    }
    return s;
  };
  for (const e of events) {
    const before = lines.get(e.personId) ?? personLines(pack, people.get(e.personId));
    if (e.kind === 'issue') {
      const held = before.findIndex(
        (l) => l.item === e.item && l.issued === null && l.allocated === e.size && reservedHere(l),
      );
      const s = at(e.item, e.size);
      s.onHand--;
      if (held >= 0) {
        // The issue uses the reservation: it is gone, also if the unit comes back later.
        s.reserved--;
        const next = [...before];
        next[held] = { ...before[held]!, issued: e.size, reservedHere: false };
        lines.set(e.personId, next);
        continue;
      }
    } else {
      for (const [k, n] of shelfDelta(e)) {
        const [item, size] = k.split('|') as [string, string];
        at(item, size).onHand += n;
      }
    }
    lines.set(e.personId, applyToLines(before, e, ...packLineOps));
  }
  return { stock, lines };
}

/** Units of item × size this person may take: free stock plus their own reservations of it. */
export function availableFor(
  state: LocalState,
  pack: Pack,
  personId: string,
  item: string,
  size: string,
): number {
  const s = state.stock.get(key(item, size));
  const free = s ? s.onHand - s.reserved : 0;
  const lines =
    state.lines.get(personId) ??
    personLines(
      pack,
      pack.people.find((p) => p.id === personId),
    );
  const own = lines.filter(
    (l) => l.item === item && l.issued === null && l.allocated === size && reservedHere(l),
  ).length;
  return Math.max(0, free + own);
}

/**
 * Other sizes of an item to offer when `size` is out, from the pack: the nearest sizes in the item's order that
 * have stock, a larger one before a smaller one at the same distance (kit that is a little big can be worn).
 */
export function nearestSizes(
  sizes: readonly string[],
  size: string,
  available: (size: string) => number,
  limit = 3,
): Alternative[] {
  const at = sizes.indexOf(size);
  const ranked = sizes
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s !== size && available(s) > 0)
    .sort((a, b) => {
      const da = at < 0 ? a.i : Math.abs(a.i - at);
      const db = at < 0 ? b.i : Math.abs(b.i - at);
      return da - db || b.i - a.i;
    });
  return ranked.slice(0, limit).map(({ s, i }) => ({
    size: s,
    available: available(s),
    reason: at < 0 ? 'in_stock' : i > at ? 'larger' : 'smaller',
  }));
}

/** A pick list made on the device from the pack (no answers: they are not in the pack). */
export function pickListFromPack(
  pack: Pack,
  personId: string,
  events: readonly Overlay[],
  intakeId: string,
): PickList | null {
  const person = pack.people.find((p) => p.id === personId);
  if (!person) return null;
  const state = foldPack(pack, events);
  const bins = new Map(pack.bins.map((b) => [key(b.item, b.size), b.bin]));
  const items = new Map(pack.items.map((i) => [i.id, i]));
  const lines: PickLine[] = (state.lines.get(personId) ?? personLines(pack, person)).map((l) => {
    const size = l.issued ?? l.allocated;
    const avail = (s: string) => availableFor(state, pack, personId, l.item, s);
    return {
      item: l.item,
      itemName: items.get(l.item)?.name ?? { en: l.item },
      unit: l.unit,
      entitled: l.entitled,
      allocated: l.allocated ? { size: l.allocated, depot: pack.stationDepot } : null,
      issued: l.issued ? { size: l.issued } : null,
      bin: size ? (bins.get(key(l.item, size)) ?? null) : null,
      available: size ? avail(size) : 0,
      alternatives: size ? nearestSizes(items.get(l.item)?.sizes ?? [], size, avail) : [],
    };
  });
  return {
    person: {
      id: person.id,
      intakeId,
      name: person.name,
      latinName: person.latinName,
      language: person.language,
    },
    stationDepot: pack.stationDepot,
    answers: [],
    lines,
  };
}

/**
 * The server's pick list with the station's unsent events laid over it: lines this person was issued on the device
 * show as issued, and availability counts units the station handed out but the server has not heard of yet.
 */
export function overlayPickList(list: PickList, events: readonly Overlay[]): PickList {
  const delta = new Map<string, number>();
  for (const e of events) for (const [k, n] of shelfDelta(e)) delta.set(k, (delta.get(k) ?? 0) + n);
  let lines = list.lines;
  for (const e of events)
    if (e.personId === list.person.id)
      lines = applyToLines(
        lines,
        e,
        (l) => l.issued?.size ?? null,
        (l, size) => ({ ...l, issued: size === null ? null : { size } }),
        (l) => l.allocated?.size ?? null,
      );
  lines = lines.map((l, i) => {
    const size = l.issued?.size ?? l.allocated?.size;
    if (!size) return l;
    const was = list.lines[i];
    // The server counted the size it knew for the line; for a size changed on the device, its alternatives say.
    const base =
      (was?.issued?.size ?? was?.allocated?.size) === size
        ? l.available
        : (l.alternatives.find((a) => a.size === size)?.available ?? 0);
    const d = delta.get(key(l.item, size)) ?? 0;
    return {
      ...l,
      available: Math.max(0, base + d),
      alternatives: l.alternatives.map((a) => ({
        ...a,
        available: Math.max(0, a.available + (delta.get(key(l.item, a.size)) ?? 0)),
      })),
    };
  });
  return { ...list, lines };
}

/** The events "issue everything" makes: each line not yet issued that has a size allocated and in stock. */
export function issueAllEvents(list: PickList): { item: string; size: string }[] {
  const left = new Map<string, number>();
  const out: { item: string; size: string }[] = [];
  for (const l of list.lines) {
    if (l.issued || !l.allocated) continue;
    const k = key(l.item, l.allocated.size);
    const n = left.get(k) ?? l.available;
    if (n <= 0) continue;
    left.set(k, n - 1);
    out.push({ item: l.item, size: l.allocated.size });
  }
  return out;
}
