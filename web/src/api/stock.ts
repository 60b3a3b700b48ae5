import type { MovementRequest } from '../../../src/domain/stock/movement.ts';
import { api } from './client.ts';

export type { MovementRequest, MovementType } from '../../../src/domain/stock/movement.ts';
export { CONDITIONS, MOVEMENT_TYPES } from '../../../src/domain/stock/movement.ts';

/** One depot × item × size, as `GET /api/stock/balances` gives it. */
export interface Balance {
  depot: string;
  item: string;
  size: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  unserviceable: number;
  /** On hand less reserved: what may still be promised or issued. */
  available: number;
}

/** What one movement did to the buckets of one depot × item × size (signed changes). */
export interface MovementEffect {
  depot: string;
  item: string;
  size: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  unserviceable: number;
}

/** A ledger row, as `GET /api/stock/movements` gives it. */
export interface Movement {
  id: number;
  type: string;
  depot: string;
  item: string;
  size: string;
  qty: number;
  otherDepot: string | null;
  person: string | null;
  condition: string | null;
  reason: string | null;
  document: string | null;
  /** For a reversal: the id of the movement it undoes. */
  reverses: number | null;
  effects: MovementEffect[];
  actor: string | null;
  at: string;
}

/** The answer to a posted movement. */
export interface PostedMovement {
  id: number;
  key: string;
  type: string;
  depot: string;
  item: string;
  size: string;
  qty: number;
  effects: MovementEffect[];
  at: string;
  replayed: boolean;
}

const keyed = (key: string) => ({ 'Idempotency-Key': key });

/** Posts one movement; a retry with the same key applies once. */
export function postMovement(m: MovementRequest, key: string): Promise<PostedMovement> {
  return api<PostedMovement>('/api/stock/movements', { method: 'POST', body: m, headers: keyed(key) });
}

/** Posts several movements, all or none, under one key (each movement's own key is derived from it). */
export async function postBatch(movements: MovementRequest[], key: string): Promise<PostedMovement[]> {
  const res = await api<{ movements: PostedMovement[] }>('/api/stock/batch', {
    method: 'POST',
    body: { movements },
    headers: keyed(key),
  });
  return res.movements;
}

/** Undoes a movement by posting its opposite. */
export function reverseMovement(id: number, reason: string, key: string): Promise<PostedMovement> {
  return api<PostedMovement>(`/api/stock/movements/${id}/reverse`, {
    method: 'POST',
    body: { reason },
    headers: keyed(key),
  });
}

/** Where `GET /api/stock/export` answers with a file to download. */
export function exportUrl(what: 'balances' | 'ledger', format: 'csv' | 'xlsx'): string {
  return `/api/stock/export?what=${what}&format=${format}`;
}
