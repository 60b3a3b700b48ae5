import { appendAudit } from '../db/repositories/audit.ts';
import { InputError, NotFoundError } from '../domain/errors.ts';
import { DEFAULT_SIZE_PROFILE, parseSizeProfile, type SizeProfile } from '../domain/sizes/index.ts';
import { refitCatalogue } from './catalogue-fits.ts';
import type { Actor, ServiceContext } from './context.ts';

/** The organisation's size profile: what it overrides, the profile in force, and the stated defaults. */
export interface SizeProfileView {
  override: Record<string, unknown>;
  profile: SizeProfile;
  defaults: SizeProfile;
}

/**
 * Profiles by their stored JSON. Compiled size systems are cached per profile object, so answering every
 * request with the same object for the same settings keeps the tables compiled once, not once per request.
 */
const compiled = new Map<string, SizeProfile>();
const KEEP = 16;

/** The profile an override gives; problems name their setting, under `prefix` when one is given. */
function profileOf(override: Record<string, unknown>, prefix?: string): SizeProfile {
  const key = JSON.stringify(override);
  const hit = compiled.get(key);
  if (hit) return hit;
  const parsed = parseSizeProfile(override);
  if (!parsed.ok) {
    throw new InputError(
      prefix ? parsed.errors.map((e) => ({ ...e, field: `${prefix}.${e.field ?? ''}` })) : parsed.errors,
    );
  }
  if (compiled.size >= KEEP) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, parsed.value);
  return parsed.value;
}

async function organisation(ctx: ServiceContext) {
  return ctx.db.selectFrom('organisations').select(['id', 'size_profile']).orderBy('id').executeTakeFirst();
}

/**
 * The size profile in force for the organisation (the defaults when there is no organisation yet). A stored
 * override that no longer parses is reported, not replaced by defaults behind the reader's back.
 */
export async function organisationProfile(ctx: ServiceContext): Promise<SizeProfile> {
  const org = await organisation(ctx);
  return org ? profileOf(org.size_profile, 'organisation.size_profile') : DEFAULT_SIZE_PROFILE;
}

export async function readSizeProfile(ctx: ServiceContext): Promise<SizeProfileView> {
  const org = await organisation(ctx);
  const override = org?.size_profile ?? {};
  return {
    override,
    profile: org ? profileOf(override, 'organisation.size_profile') : DEFAULT_SIZE_PROFILE,
    defaults: DEFAULT_SIZE_PROFILE,
  };
}

/**
 * Replaces the organisation's profile override (any subset of the settings; `{}` restores every default).
 * Checked by `parseSizeProfile` (each problem names its setting); the catalogue's fits are recomputed in
 * the same transaction, and the change is audited with the override before and after.
 */
export async function writeSizeProfile(
  ctx: ServiceContext,
  actor: Actor,
  input: unknown,
): Promise<SizeProfileView & { refitted: number }> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError([
      { field: 'profile', reason: 'the size profile must be a JSON object of settings' },
    ]);
  }
  const override = input as Record<string, unknown>;
  const profile = profileOf(override);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom('organisations')
      .select(['id', 'size_profile'])
      .orderBy('id')
      .forUpdate()
      .executeTakeFirst();
    if (!org) throw new NotFoundError('organisation', '(none: seed or create one first)');
    const refitted = await refitCatalogue(trx, profile);
    await trx
      .updateTable('organisations')
      .set({ size_profile: JSON.stringify(override) })
      .where('id', '=', org.id)
      .execute();
    await appendAudit(trx, {
      at: ctx.now(),
      actorId: actor.userId,
      action: 'sizes.profile_updated',
      entity: 'organisation',
      entityId: org.id,
      before: org.size_profile,
      after: override,
    });
    return { override, profile, defaults: DEFAULT_SIZE_PROFILE, refitted };
  });
}
