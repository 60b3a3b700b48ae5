import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { InputError, type Issue } from '../domain/errors.ts';
import {
  type Body,
  bodySchema,
  type CatalogueItem,
  coverGaps,
  DIMENSIONS,
  isSystemId,
  type SizeProfile,
  type StatedDimension,
  type SystemId,
  statedFit,
  variantFromLabel,
} from '../domain/sizes/index.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** A catalogue size as the catalogue holds it: its label, the item's size system, or a stated dimension. */
export interface FitSource {
  label: string;
  sizeSystem: string | null;
  /** For items sized outside every system (belts by waist); ignored when `sizeSystem` is set. */
  stated?: StatedDimension;
}

/**
 * The body a catalogue size fits: read from its label in the item's size system under the organisation's
 * profile, or from the item's stated dimension. An item with neither (gloves by hand girth, which no body
 * dimension of the sizes module holds) fits `{}`, and resolution says so. An unknown system is an
 * `InputError` on `sizeSystem`; a label its system cannot read, on `label`.
 */
export function fitsOf(source: FitSource, profile: SizeProfile): Body {
  if (source.sizeSystem !== null) {
    if (!isSystemId(source.sizeSystem)) {
      throw new InputError([{ field: 'sizeSystem', reason: `unknown size system "${source.sizeSystem}"` }]);
    }
    return variantFromLabel(source.label, source.sizeSystem, profile).fits;
  }
  return source.stated ? statedFit(source.label, source.stated) : {};
}

/** A catalogue item as the catalogue holds it: its size system or stated dimension, and its size labels. */
export interface ItemSource {
  sizeSystem: string | null;
  stated?: StatedDimension;
  sizes: readonly string[];
}

/**
 * The body each size of an item fits, in the order of `sizes`: {@link fitsOf} for each label, then the
 * gaps of an item made in every other size covered (`coverGaps`). A label that does not read is an
 * `InputError` naming the size (`sizes.<label>`).
 */
export function itemFits(item: ItemSource, profile: SizeProfile): Body[] {
  const issues: Issue[] = [];
  const fits = item.sizes.map((label) => {
    try {
      return fitsOf({ label, sizeSystem: item.sizeSystem, stated: item.stated }, profile);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      issues.push(...err.issues.map((i) => ({ ...i, field: `sizes.${label}` })));
      return {};
    }
  });
  if (issues.length) throw new InputError(issues);
  return coverGaps(fits);
}

/**
 * Recomputes the stored fits of every catalogue size written in a size system, after the size profile
 * changed (height groups, allowances and rounding move the body a label claims). Stated fits do not depend
 * on the profile and stay. A label that no longer reads under the new profile refuses the whole change,
 * naming the item and size (`items.<item>.sizes.<label>`). Returns how many sizes changed.
 */
export async function refitCatalogue(db: Executor, profile: SizeProfile): Promise<number> {
  const rows = await db
    .selectFrom('item_variants')
    .innerJoin('items', 'items.id', 'item_variants.item_id')
    .select(['item_variants.item_id', 'item_variants.label', 'item_variants.fits', 'items.size_system'])
    .where('items.size_system', 'is not', null)
    .orderBy('item_variants.item_id')
    .orderBy('item_variants.sort')
    .execute();
  const byItem = new Map<string, typeof rows>();
  for (const row of rows) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), row]);
  const issues: Issue[] = [];
  const changes: { item: string; label: string; fits: Body }[] = [];
  for (const [item, variants] of byItem) {
    let fits: Body[];
    try {
      fits = itemFits({ sizeSystem: variants[0]!.size_system, sizes: variants.map((v) => v.label) }, profile);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      issues.push(
        ...err.issues.map((i) => ({
          field: `items.${item}.${i.field}`,
          reason: `a catalogue size of ${item} no longer reads under this profile: ${i.reason}`,
        })),
      );
      continue;
    }
    variants.forEach((v, k) => {
      if (!sameBody(fits[k]!, v.fits)) changes.push({ item, label: v.label, fits: fits[k]! });
    });
  }
  if (issues.length) throw new InputError(issues);
  for (const c of changes) {
    await db
      .updateTable('item_variants')
      .set({ fits: JSON.stringify(c.fits) })
      .where('item_id', '=', c.item)
      .where('label', '=', c.label)
      .execute();
  }
  return changes.length;
}

/** Equal bodies, whatever order the database gave the keys in (jsonb sorts them). */
function sameBody(a: Body, stored: Record<string, unknown>): boolean {
  const b = stored as Body;
  if (Object.keys(a).length !== Object.keys(b).length) return false;
  return DIMENSIONS.every((d) => a[d]?.min === b[d]?.min && a[d]?.max === b[d]?.max);
}

/** A catalogue item with the names people read, ready for `resolvePerson`. */
export interface ResolvableItem extends CatalogueItem {
  names: Record<string, string>;
  sizeSystem: SystemId | null;
}

/** The catalogue with each size's stored fits, in catalogue order. Stored fits are checked, never trusted blind. */
export async function catalogueForResolution(db: Executor): Promise<ResolvableItem[]> {
  const items = await db
    .selectFrom('items')
    .select(['id', 'names', 'size_system'])
    .orderBy('sort')
    .orderBy('id')
    .execute();
  const variants = await db
    .selectFrom('item_variants')
    .select(['item_id', 'label', 'fits'])
    .orderBy('item_id')
    .orderBy('sort')
    .execute();
  return items.map((item) => {
    const system = item.size_system !== null && isSystemId(item.size_system) ? item.size_system : null;
    return {
      id: item.id,
      names: item.names,
      sizeSystem: system,
      variants: variants
        .filter((v) => v.item_id === item.id)
        .map((v) => {
          const fits = bodySchema.safeParse(v.fits);
          if (!fits.success)
            throw new Error(
              `stored fits of ${item.id} size ${v.label} are not a body: ${fits.error.message}`,
            );
          return { label: v.label, system, fits: fits.data as Body };
        }),
    };
  });
}
