import { z } from 'zod';
import { DIMENSIONS } from './body.ts';
import { parseLabel } from './convert.ts';
import { DEFAULT_SIZE_PROFILE, type SizeProfile } from './profile.ts';
import type { CatalogueVariant } from './resolve.ts';
import { SYSTEM_IDS, type SystemId } from './system.ts';

/** Boundary schemas (API, CLI, imports) for the shapes this module takes in. */

const interval = z
  .object({ min: z.number().finite().nonnegative(), max: z.number().finite().nonnegative() })
  .strict()
  .refine((i) => i.min <= i.max, 'min must not be above max');

/** A body: any of the seven dimensions, each `{min, max}` (both inclusive; cm, or mm for the foot). */
export const bodySchema = z
  .object(Object.fromEntries(DIMENSIONS.map((d) => [d, interval.optional()])))
  .strict();

export const catalogueItemSchema = z
  .object({
    id: z.string().min(1),
    variants: z.array(
      z
        .object({ label: z.string().min(1), system: z.enum(SYSTEM_IDS).nullable(), fits: bodySchema })
        .strict(),
    ),
  })
  .strict();

export const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('label'), system: z.string(), label: z.string() }).strict(),
  z.object({ kind: z.literal('measurement'), dimension: z.enum(DIMENSIONS), value: z.number() }).strict(),
]);

/** A catalogue variant that fits exactly what its own label claims (a shortcut for tables sized by label). */
export function variantFromLabel(
  label: string,
  system: SystemId,
  profile: SizeProfile = DEFAULT_SIZE_PROFILE,
): CatalogueVariant {
  const claim = parseLabel(label, system, profile);
  return { label: claim.label, system, fits: claim.body };
}
