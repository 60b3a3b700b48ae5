/**
 * The stock ledger's rules. Stock is an append-only list of movements; balances are their sum. A movement changes
 * up to four buckets of one depot × item × size:
 * - onHand: physically in the depot (serviceable);
 * - reserved: part of onHand promised to someone (available = onHand − reserved);
 * - inTransit: sent to this depot by a transfer and not yet received;
 * - unserviceable: returned in a condition that must not be issued again (F, H).
 */
export const MOVEMENT_TYPES = [
  'receipt',
  'transfer_out',
  'transfer_in',
  'reserve',
  'release',
  'issue',
  'return',
  'adjustment',
  'count',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** Condition codes of returned kit, after the US Army's DA 3645 usage: A new, B serviceable used, F unserviceable, H scrap. */
export const CONDITIONS = ['A', 'B', 'F', 'H'] as const;
export type Condition = (typeof CONDITIONS)[number];
export const SERVICEABLE: readonly Condition[] = ['A', 'B'];

export interface Buckets {
  onHand: number;
  reserved: number;
  inTransit: number;
  unserviceable: number;
}

export const EMPTY: Buckets = { onHand: 0, reserved: 0, inTransit: 0, unserviceable: 0 };

export interface StockKey {
  depot: string;
  item: string;
  size: string;
}

/** A movement as asked for, before it is checked against the balances. */
export interface MovementRequest {
  type: MovementType;
  depot: string;
  item: string;
  size: string;
  /** A positive whole number; for `adjustment` the sign is given by `direction`; for `count` it is the counted quantity. */
  qty: number;
  direction?: 'in' | 'out';
  /** transfer_out: where the stock goes; transfer_in: where it came from. */
  otherDepot?: string;
  /** issue and return: to or from whom. */
  person?: string;
  /** issue: take it out of what was reserved (an allocation) rather than from free stock. */
  fromReserved?: boolean;
  condition?: Condition;
  reason?: string;
  document?: string;
}

/** What one movement does to the buckets of one stock key. */
export interface Effect {
  key: StockKey;
  delta: Buckets;
}

export class StockRuleError extends Error {
  constructor(
    readonly code: 'out_of_stock' | 'not_reserved' | 'nothing_in_transit' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

const d = (partial: Partial<Buckets>): Buckets => ({ ...EMPTY, ...partial });

/**
 * The effects of a movement, given the current balances of the keys it touches. Throws a {@link StockRuleError}
 * when the movement would break an invariant: available < 0 (unless the item allows negative stock),
 * reserved < 0, in transit < 0, unserviceable < 0.
 */
export function effectsOf(
  m: MovementRequest,
  balanceOf: (key: StockKey) => Buckets,
  opts: { allowNegative?: boolean } = {},
): Effect[] {
  if (!Number.isInteger(m.qty) || m.qty < 0 || (m.qty === 0 && m.type !== 'count')) {
    throw new StockRuleError('invalid', `quantity must be a whole number above 0, got ${m.qty}`);
  }
  const key = { depot: m.depot, item: m.item, size: m.size };
  const q = m.qty;
  let effects: Effect[];
  switch (m.type) {
    case 'receipt':
      effects = [{ key, delta: d({ onHand: q }) }];
      break;
    case 'transfer_out': {
      if (!m.otherDepot || m.otherDepot === m.depot)
        throw new StockRuleError('invalid', 'a transfer needs another depot to go to');
      effects = [
        { key, delta: d({ onHand: -q }) },
        { key: { ...key, depot: m.otherDepot }, delta: d({ inTransit: q }) },
      ];
      break;
    }
    case 'transfer_in':
      effects = [{ key, delta: d({ inTransit: -q, onHand: q }) }];
      break;
    case 'reserve':
      effects = [{ key, delta: d({ reserved: q }) }];
      break;
    case 'release':
      effects = [{ key, delta: d({ reserved: -q }) }];
      break;
    case 'issue':
      effects = [{ key, delta: d({ onHand: -q, reserved: m.fromReserved ? -q : 0 }) }];
      break;
    case 'return': {
      const condition = m.condition ?? 'B';
      effects = [
        { key, delta: SERVICEABLE.includes(condition) ? d({ onHand: q }) : d({ unserviceable: q }) },
      ];
      break;
    }
    case 'adjustment':
      if (!m.reason) throw new StockRuleError('invalid', 'an adjustment needs a reason');
      effects = [{ key, delta: d({ onHand: m.direction === 'out' ? -q : q }) }];
      break;
    case 'count': {
      // A count states what is there; the ledger records the difference from what it believed. Reservations
      // beyond what is on the shelf cannot be honoured and are released, so reserved never exceeds on hand.
      const before = balanceOf(key);
      const released = Math.max(0, before.reserved - q);
      effects = [{ key, delta: d({ onHand: q - before.onHand, reserved: -released }) }];
      break;
    }
  }
  checkEffects(effects, balanceOf, { type: m.type, qty: q, allowNegative: opts.allowNegative ?? false });
  return effects;
}

/**
 * Refuses effects that would break an invariant. Used for new movements and for reversals (the negated effects of an
 * earlier movement), so that undoing a receipt whose stock was since issued is refused like any other shortage.
 */
export function checkEffects(
  effects: Effect[],
  balanceOf: (key: StockKey) => Buckets,
  m: { type: MovementType | 'reversal'; qty: number; allowNegative: boolean },
): void {
  for (const e of effects) checkOne(e, balanceOf(e.key), m);
}

function checkOne(
  e: Effect,
  before: Buckets,
  m: { type: MovementType | 'reversal'; qty: number; allowNegative: boolean },
): void {
  const allowNegative = m.allowNegative;
  const after = add(before, e.delta);
  const label = `${e.key.item} ${e.key.size} at ${e.key.depot}`;
  if (after.reserved < 0)
    throw new StockRuleError('not_reserved', `only ${before.reserved} of ${label} are reserved`);
  if (after.inTransit < 0) {
    throw new StockRuleError(
      'nothing_in_transit',
      `only ${before.inTransit} of ${label} are in transit to ${e.key.depot}`,
    );
  }
  if (after.unserviceable < 0)
    throw new StockRuleError('invalid', `unserviceable stock of ${label} would go below zero`);
  // Counting and adjusting state facts about the shelf; only the other movements are refused for lack of stock.
  const statesFacts = m.type === 'count' || (m.type === 'adjustment' && e.delta.onHand >= 0);
  const available = after.onHand - after.reserved;
  const freed = e.delta.onHand - e.delta.reserved;
  const outOfStock = (freed < 0 && available < 0) || (e.delta.onHand < 0 && after.onHand < 0);
  if (!allowNegative && !statesFacts && outOfStock) {
    const had = before.onHand - before.reserved;
    throw new StockRuleError(
      'out_of_stock',
      `out of stock: ${Math.max(0, had)} of ${label} available, ${m.qty} asked`,
    );
  }
}

export function add(a: Buckets, b: Buckets): Buckets {
  return {
    onHand: a.onHand + b.onHand,
    reserved: a.reserved + b.reserved,
    inTransit: a.inTransit + b.inTransit,
    unserviceable: a.unserviceable + b.unserviceable,
  };
}

export function negate(a: Buckets): Buckets {
  return {
    onHand: -a.onHand,
    reserved: -a.reserved,
    inTransit: -a.inTransit,
    unserviceable: -a.unserviceable,
  };
}

export const available = (b: Buckets) => b.onHand - b.reserved;

export const keyString = (k: StockKey) => `${k.depot}\u0000${k.item}\u0000${k.size}`;
