import { sql } from 'kysely';
import { sizeAnswersOf } from '../domain/forms/size-answers.ts';
import {
  type Body,
  type CatalogueItem,
  type CatalogueVariant,
  DEFAULT_SIZE_PROFILE,
  type ItemFit,
  isSystemId,
  parseSizeProfile,
  resolvePerson,
  type SizeProfile,
  variantFromLabel,
} from '../domain/sizes/index.ts';
import type { ServiceContext } from './context.ts';

/**
 * Sizes resolved from answers: each person's latest submission read by the sizes module into a body, and each
 * catalogue item's best size for that body. Items whose sizes state no body (e.g. gloves without a system) stay
 * unresolved and are planned from the tariff.
 */
export interface ResolvedPerson {
  person: string;
  site: string;
  /** item → preferred catalogue size, for the items the answers decide. */
  preferred: Record<string, string>;
  fits: ItemFit[];
  flags: string[];
}

export async function sizeProfileOf(ctx: ServiceContext): Promise<SizeProfile> {
  const org = await ctx.db.selectFrom('organisations').select('size_profile').executeTakeFirst();
  const parsed = parseSizeProfile(org?.size_profile ?? {});
  // A stored profile was checked when it was saved; should it no longer parse, the stated defaults apply.
  return parsed.ok ? parsed.value : DEFAULT_SIZE_PROFILE;
}

/** The catalogue as the sizes module sees it: each variant with the body it fits (stored, or read from its label). */
export async function resolutionCatalogue(
  ctx: ServiceContext,
  profile?: SizeProfile,
): Promise<CatalogueItem[]> {
  const items = await ctx.db.selectFrom('items').select(['id', 'size_system']).orderBy('sort').execute();
  const variants = await ctx.db
    .selectFrom('item_variants')
    .selectAll()
    .orderBy('item_id')
    .orderBy('sort')
    .execute();
  const out: CatalogueItem[] = [];
  for (const item of items) {
    const system = item.size_system;
    if (!system || !isSystemId(system)) continue;
    const vs: CatalogueVariant[] = [];
    for (const v of variants.filter((x) => x.item_id === item.id)) {
      const stored = v.fits as Body;
      if (stored && Object.keys(stored).length) vs.push({ label: v.label, system, fits: stored });
      else {
        try {
          vs.push(variantFromLabel(v.label, system, profile));
        } catch {
          // A label its system cannot read states no body: it is left out of resolution, never guessed.
        }
      }
    }
    if (vs.length) out.push({ id: item.id, variants: vs });
  }
  return out;
}

/** Each answered person of an intake with their resolved sizes (latest submission per person counts). */
export async function resolvedPeople(ctx: ServiceContext, intakeId: string): Promise<ResolvedPerson[]> {
  const profile = await sizeProfileOf(ctx);
  const catalogue = await resolutionCatalogue(ctx, profile);
  const { rows } = await sql<{ person_id: string; site_id: string; answers: Record<string, unknown> }>`
    select distinct on (s.person_id) s.person_id, p.site_id, s.answers
    from submissions s join people p on p.id = s.person_id
    where s.intake_id = ${intakeId}
    order by s.person_id, s.seq desc`.execute(ctx.db);
  return rows.map((r) => {
    const { answers } = sizeAnswersOf(r.answers as Record<string, string>);
    const fit = resolvePerson(catalogue, answers, profile);
    const preferred: Record<string, string> = {};
    for (const f of fit.items) if (f.best) preferred[f.item] = f.best.label;
    return {
      person: r.person_id,
      site: r.site_id,
      preferred,
      fits: fit.items,
      flags: fit.flags.map((f) => f.key),
    };
  });
}
