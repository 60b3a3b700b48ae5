import { z } from 'zod';
import { CONDITIONS } from '../stock/movement.ts';

/** Most events one request may carry; a station that was offline for hours sends its outbox in batches of this. */
export const MAX_EVENTS_PER_BATCH = 500;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * One action at a station, made on the tablet with its own id so a resend is applied once. One event moves one
 * unit: `issue` hands `size` out, `exchange` takes `size` back (condition A) and hands `toSize` out, `return` takes
 * `size` back in `condition`, `loss` records that the person no longer has `size` (no stock moves).
 */
export const StationEventSchema = z
  .object({
    id: z
      .string()
      .min(8)
      .max(100)
      .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
    kind: z.enum(['issue', 'exchange', 'return', 'loss']),
    personId: text(100),
    item: text(100),
    size: text(50),
    toSize: text(50).optional(),
    condition: z.enum(CONDITIONS).optional(),
    clientTime: z.iso.datetime({ offset: true }),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'exchange' && !e.toSize)
      ctx.addIssue({
        code: 'custom',
        path: ['toSize'],
        message: 'an exchange needs the size to give instead',
      });
    if (e.kind === 'exchange' && e.toSize === e.size)
      ctx.addIssue({ code: 'custom', path: ['toSize'], message: 'an exchange needs another size' });
    if (e.kind !== 'exchange' && e.toSize !== undefined)
      ctx.addIssue({ code: 'custom', path: ['toSize'], message: `a ${e.kind} has no second size` });
    if (e.kind === 'return' && !e.condition)
      ctx.addIssue({
        code: 'custom',
        path: ['condition'],
        message: 'a return needs a condition code (A, B, F, H)',
      });
    if (e.kind !== 'return' && e.condition !== undefined)
      ctx.addIssue({ code: 'custom', path: ['condition'], message: `a ${e.kind} has no condition code` });
  });

export type StationEvent = z.infer<typeof StationEventSchema>;

export const StationEventBatchSchema = z.object({
  events: z.array(StationEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

/** What became of one event. A refusal is final for that id: a replay answers the same. */
export interface EventOutcome {
  id: string;
  status: 'applied' | 'duplicate' | 'refused';
  code?: RefusalCode;
  message?: string;
  suggestion?: { size: string; available: number };
}

export type RefusalCode = 'out_of_stock' | 'id_reused' | 'not_issued' | 'not_found' | 'invalid';

/** The part of an event that decides what it does: a replay must match it exactly to count as the same event. */
export function eventBody(e: StationEvent): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: e.kind, personId: e.personId, item: e.item, size: e.size };
  if (e.toSize !== undefined) body.toSize = e.toSize;
  if (e.condition !== undefined) body.condition = e.condition;
  body.clientTime = new Date(e.clientTime).toISOString();
  return body;
}
