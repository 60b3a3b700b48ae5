import type { StoredEffect } from '../db/schema.ts';
import { ConflictError } from '../domain/errors.ts';
import type { StockRuleError } from '../domain/stock/movement.ts';

export interface PostedMovement {
  id: number;
  key: string;
  type: string;
  depot: string;
  item: string;
  size: string;
  qty: number;
  effects: StoredEffect[];
  at: string;
  /** True when this key was posted before and the earlier result is returned unchanged. */
  replayed: boolean;
}

/** A movement refused by the ledger's rules (409), e.g. out of stock. Carries the rule's code. */
export class StockRefusal extends ConflictError {
  constructor(
    readonly rule: StockRuleError['code'],
    message: string,
  ) {
    super(message);
  }
}
