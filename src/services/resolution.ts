import { sql } from 'kysely';
import { sizeAnswersOf } from '../domain/forms/size-answers.ts';
import { type ItemFit, resolvePerson } from '../domain/sizes/index.ts';
import { catalogueForResolution } from './catalogue-fits.ts';
import type { ServiceContext } from './context.ts';
import { organisationProfile } from './size-profile.ts';

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

/** Each answered person of an intake with their resolved sizes (latest submission per person counts). */
export async function resolvedPeople(ctx: ServiceContext, intakeId: string): Promise<ResolvedPerson[]> {
  const [profile, catalogue] = await Promise.all([organisationProfile(ctx), catalogueForResolution(ctx.db)]);
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
