import type { Readable } from 'node:stream';
import { countBytes } from '../adapters/tabular/count-bytes.ts';
import { readTable } from '../adapters/tabular/read-rows.ts';
import { onceForKey } from '../db/repositories/idempotency.ts';
import { InputError, type Issue } from '../domain/errors.ts';
import type { MovementRequest } from '../domain/stock/movement.ts';
import type { Actor, ServiceContext } from './context.ts';
import { postInTransaction, StockRefusal } from './ledger.ts';

export interface StockImportInput {
  fileName: string;
  stream: Readable;
  size?: number;
  /** Required: a retried import (same key) applies once. Each row's movement key derives from it. */
  key: string;
  /** `receipt` (default) adds the quantities; `count` states them (opening stock over a count sheet). */
  mode?: 'receipt' | 'count';
  onProgress?: (p: { rows: number; bytes: number; size?: number }) => void;
}

export interface StockImportResult {
  fileName: string;
  rows: number;
  units: number;
}

const MAX_ISSUES = 200;

/**
 * Opening stock or a delivery from CSV/XLSX (columns depot, item, size, qty, optional document and reason), all or
 * nothing: every row is checked and posted inside one transaction, and any bad row rolls the whole file back.
 */
export async function importStock(
  ctx: ServiceContext,
  actor: Actor,
  input: StockImportInput,
): Promise<StockImportResult> {
  const [depots, variants] = await Promise.all([
    ctx.db.selectFrom('depots').select('id').execute(),
    ctx.db.selectFrom('item_variants').select(['item_id', 'label']).execute(),
  ]);
  const depotIds = new Set(depots.map((d) => d.id));
  const variantIds = new Set(variants.map((v) => `${v.item_id}\u0000${v.label}`));
  const items = new Set(variants.map((v) => v.item_id));
  const mode = input.mode ?? 'receipt';

  const stored = await onceForKey(
    ctx.db,
    {
      key: input.key,
      scope: 'stock-import',
      request: { file: input.fileName, size: input.size, mode },
      now: ctx.now(),
    },
    async (trx) => {
      const issues: Issue[] = [];
      const add = (i: Issue) => issues.length < MAX_ISSUES && issues.push(i);
      const counted = countBytes(input.stream);
      let position = 0;
      let rows = 0;
      let units = 0;
      for await (const item of readTable({ fileName: input.fileName, stream: counted.stream })) {
        if ('headers' in item) {
          const missing = ['depot', 'item', 'size', 'qty'].filter((h) => !item.headers.includes(h));
          if (missing.length) {
            throw new InputError(
              missing.map((field) => ({
                file: input.fileName,
                row: 1,
                field,
                reason: 'required column is missing',
                code: 'missing_column',
              })),
            );
          }
          continue;
        }
        rows++;
        position = item.offset ?? counted.read();
        const c = item.cells;
        const where = { file: input.fileName, row: item.row };
        const depot = c.depot ?? '';
        const itemId = c.item ?? '';
        const size = c.size ?? '';
        const qty = Number(c.qty);
        let ok = true;
        if (!depotIds.has(depot)) {
          add(
            depot
              ? {
                  ...where,
                  field: 'depot',
                  reason: `unknown depot "${depot}"`,
                  code: 'unknown_depot',
                  params: { value: depot },
                }
              : { ...where, field: 'depot', reason: 'missing depot', code: 'missing_depot' },
          );
          ok = false;
        }
        if (!items.has(itemId)) {
          add(
            itemId
              ? {
                  ...where,
                  field: 'item',
                  reason: `unknown item "${itemId}"`,
                  code: 'unknown_item',
                  params: { value: itemId },
                }
              : { ...where, field: 'item', reason: 'missing item', code: 'missing_item' },
          );
          ok = false;
        } else if (!variantIds.has(`${itemId}\u0000${size}`)) {
          add({
            ...where,
            field: 'size',
            reason: `the catalogue has no ${itemId} in size "${size}"`,
            code: 'unknown_size',
            params: { item: itemId, value: size },
          });
          ok = false;
        }
        if (!/^\d+$/.test(c.qty ?? '') || !Number.isSafeInteger(qty) || (mode === 'receipt' && qty === 0)) {
          add({
            ...where,
            field: 'qty',
            reason: `"${c.qty ?? ''}" is not a whole number${mode === 'receipt' ? ' above 0' : ''}`,
            code: mode === 'receipt' ? 'bad_quantity_positive' : 'bad_quantity',
            params: { value: c.qty ?? '' },
          });
          ok = false;
        }
        if (ok && issues.length === 0) {
          const m: MovementRequest & { key: string } = {
            key: `${input.key}:${item.row}`,
            type: mode,
            depot,
            item: itemId,
            size,
            qty,
            document: c.document || input.fileName,
            reason: c.reason || (mode === 'count' ? 'stock count import' : undefined),
          };
          try {
            await postInTransaction(trx, ctx, actor, m);
            units += qty;
          } catch (err) {
            if (err instanceof StockRefusal || err instanceof InputError)
              add({ ...where, reason: err.message });
            else throw err;
          }
        }
        if (rows % 500 === 0) input.onProgress?.({ rows, bytes: position, size: input.size });
      }
      input.onProgress?.({ rows, bytes: counted.read(), size: input.size });
      if (rows === 0)
        add({ file: input.fileName, reason: 'the file has a header but no rows', code: 'no_rows' });
      if (issues.length)
        throw new InputError(issues, `${input.fileName}: ${issues.length} problem(s); nothing was imported`);
      return { status: 200, body: { fileName: input.fileName, rows, units } };
    },
  );
  return stored.body;
}
