import { z } from 'zod';
import type { Issue } from '../errors.ts';
import { fail, ok, type ParseResult } from '../result.ts';
import type { AllocationInstance } from './types.ts';

/** Per-row ceiling on stock and head counts; with {@link MAX_COST} it keeps every objective an exact integer. */
export const MAX_QTY = 1_000_000_000;
/** Ceiling on every cost, including the cost of leaving someone without. */
export const MAX_COST = 1_000_000;
/** Ceiling on all people × items in one instance: MAX_TOTAL_DEMAND × 2 × MAX_COST stays below 2^53. */
export const MAX_TOTAL_DEMAND = 1_000_000_000;

const wholeNumber = (max: number) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a whole number ≥ 0') })
    .int({ error: 'must be a whole number ≥ 0' })
    .min(0, { error: 'must be a whole number ≥ 0' })
    .max(max, { error: `must be at most ${max}` });

// Names are matched exactly, so a stray space or invisible character would silently make a second depot or size.
const name = z
  .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'must be at most 100 characters' })
  .refine((s) => s.trim() === s, { error: 'must not start or end with spaces' })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'must not contain control characters' });

const list = <T extends z.ZodType>(row: T) =>
  z.array(row, { error: (iss) => (iss.input === undefined ? 'is required' : 'must be a list') });

const row = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape, { error: 'must be an object' });

/** The instance file's shape (`kitout allocate --instance`); cross-row rules are checked in {@link parseInstance}. */
export const instanceSchema = z.strictObject(
  {
    unmetCost: wholeNumber(MAX_COST),
    stock: list(row({ depot: name, item: name, size: name, qty: wholeNumber(MAX_QTY) })),
    demand: list(row({ site: name, item: name, size: name, count: wholeNumber(MAX_QTY) })),
    substitutions: list(
      row({
        item: name,
        preferred: name,
        issued: name,
        cost: wholeNumber(MAX_COST),
        steps: z
          .number({ error: 'must be a whole number' })
          .int({ error: 'must be a whole number' })
          .optional(),
      }),
    ),
    transport: list(row({ depot: name, site: name, cost: wholeNumber(MAX_COST) })),
  },
  { error: 'must be an object' },
);

/** Parses instance file text: not JSON, wrong shapes, duplicates and unknown names are all reported by entry. */
export function parseInstanceJson(text: string): ParseResult<AllocationInstance> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return fail([{ reason: `not valid JSON: ${(err as Error).message}` }]);
  }
  return parseInstance(value);
}

/**
 * Parses an already-decoded instance. Beyond the shape: no row may repeat another's key (stock by depot, item and
 * size; demand by site, item and size; substitutions by item, preferred and issued; transport by depot and site),
 * transport must name a depot that holds stock and a site that has demand, substitutions an item that appears in
 * stock or demand. Sizes in substitutions are not checked against stock: rules derived from a catalogue's size grid
 * legitimately name sizes nobody holds or wants today.
 */
export function parseInstance(value: unknown): ParseResult<AllocationInstance> {
  const parsed = instanceSchema.safeParse(value);
  if (!parsed.success) return fail(parsed.error.issues.flatMap(toIssues));
  const inst = parsed.data;
  const errors: Issue[] = [];
  findDuplicates(errors, 'stock', inst.stock, (r) => [r.depot, r.item, r.size], 'depot, item and size');
  findDuplicates(errors, 'demand', inst.demand, (r) => [r.site, r.item, r.size], 'site, item and size');
  findDuplicates(
    errors,
    'substitutions',
    inst.substitutions,
    (r) => [r.item, r.preferred, r.issued],
    'item, preferred and issued',
  );
  findDuplicates(errors, 'transport', inst.transport, (r) => [r.depot, r.site], 'depot and site');
  const depots = new Set(inst.stock.map((r) => r.depot));
  const sites = new Set(inst.demand.map((r) => r.site));
  const items = new Set([...inst.stock.map((r) => r.item), ...inst.demand.map((r) => r.item)]);
  inst.transport.forEach((r, i) => {
    if (!depots.has(r.depot))
      errors.push({
        field: `transport[${i}].depot`,
        reason: `unknown depot "${r.depot}": no stock row names it`,
      });
    if (!sites.has(r.site))
      errors.push({
        field: `transport[${i}].site`,
        reason: `unknown site "${r.site}": no demand row names it`,
      });
  });
  inst.substitutions.forEach((r, i) => {
    if (!items.has(r.item)) {
      errors.push({
        field: `substitutions[${i}].item`,
        reason: `unknown item "${r.item}": no stock or demand row names it`,
      });
    }
  });
  const totalDemand = inst.demand.reduce((sum, r) => sum + r.count, 0);
  if (totalDemand > MAX_TOTAL_DEMAND) {
    errors.push({ field: 'demand', reason: `total count ${totalDemand} is more than ${MAX_TOTAL_DEMAND}` });
  }
  return errors.length ? fail(errors) : ok(inst);
}

function findDuplicates<T>(
  errors: Issue[],
  listName: string,
  rows: readonly T[],
  keyOf: (row: T) => string[],
  what: string,
): void {
  const firstSeen = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = JSON.stringify(keyOf(r));
    const first = firstSeen.get(k);
    if (first === undefined) firstSeen.set(k, i);
    else
      errors.push({
        field: `${listName}[${i}]`,
        reason: `repeats the ${what} of ${listName}[${first}] (${keyOf(r).join(', ')})`,
      });
  });
}

function toIssues(iss: z.core.$ZodIssue): Issue[] {
  const at = formatPath(iss.path);
  if (iss.code === 'unrecognized_keys') {
    return iss.keys.map((k) => ({ field: at ? `${at}.${k}` : k, reason: 'is not a known field' }));
  }
  return [at ? { field: at, reason: iss.message } : { reason: `instance ${iss.message}` }];
}

/** `['stock', 3, 'qty']` → `stock[3].qty`, the way a person finds it in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
