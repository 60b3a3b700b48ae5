import { InputError } from '../errors.ts';
import { DEFAULT_SIZE_PROFILE, type SizeProfile } from './profile.ts';
import { isSystemId, type SizeSystem, SYSTEM_IDS, type SystemId } from './system.ts';
import { krTop, krTopLetter, krWomenLegacy, rokMilitary } from './systems/garments-kr.ts';
import { hatLetter, hatUk, hatUs, headCm } from './systems/head.ts';
import { ruGarment } from './systems/ru-garment.ts';
import { euShoe, ukShoe, usShoeMen, usShoeWomen } from './systems/shoes-last.ts';
import { cnShoe, krShoe, mondopoint, ruShoe } from './systems/shoes-metric.ts';

const FACTORIES: Record<SystemId, (p: SizeProfile) => SizeSystem> = {
  'head-cm': headCm,
  'hat-us': hatUs,
  'hat-uk': hatUk,
  'hat-letter': hatLetter,
  'ru-garment': ruGarment,
  'kr-top': krTop,
  'kr-top-letter': krTopLetter,
  'kr-women-legacy': krWomenLegacy,
  'rok-military': rokMilitary,
  mondopoint,
  'kr-shoe': krShoe,
  'ru-shoe': ruShoe,
  'cn-shoe': cnShoe,
  'eu-shoe': euShoe,
  'uk-shoe': ukShoe,
  'us-shoe-men': usShoeMen,
  'us-shoe-women': usShoeWomen,
};

/** Compiled systems per profile object: tables are built once, lookups after that are a map hit. */
const compiled = new WeakMap<SizeProfile, ReadonlyMap<SystemId, SizeSystem>>();

/** Every system compiled for a profile (cached per profile object; treat profiles as immutable). */
export function systemsFor(profile: SizeProfile = DEFAULT_SIZE_PROFILE): ReadonlyMap<SystemId, SizeSystem> {
  let systems = compiled.get(profile);
  if (!systems) {
    systems = new Map(SYSTEM_IDS.map((id) => [id, FACTORIES[id](profile)]));
    compiled.set(profile, systems);
  }
  return systems;
}

/** One system by id; an unknown id is an {@link InputError} naming the field it came from. */
export function systemFor(
  id: string,
  profile: SizeProfile = DEFAULT_SIZE_PROFILE,
  field = 'system',
): SizeSystem {
  if (!isSystemId(id)) {
    throw new InputError([{ field, reason: `unknown size system "${id}"; known: ${SYSTEM_IDS.join(', ')}` }]);
  }
  return systemsFor(profile).get(id)!;
}
