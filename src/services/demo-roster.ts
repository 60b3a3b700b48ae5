import { generateKoreanNames, transliterateName } from '../domain/names/index.ts';
import { seededRng } from '../domain/random.ts';

/**
 * A demo roster as CSV: ids P-000001…, Korean names as a census would draw them, their Latin spelling in Revised
 * Romanization with the usual surname spellings (Kim, Lee, Park), split over the two demo sites; every one speaks
 * Korean, and every twelfth is a driver (who is entitled to a second pair of gloves: see the seed).
 */
/** The one role the demo gives its own entitlements. */
export const DEMO_DRIVER_ROLE = 'driver';

export function demoRosterCsv(count: number, seed: number): string {
  const rng = seededRng(seed);
  const names = generateKoreanNames(count, rng);
  const lines = ['id,name,name_latin,site,sex,language,role'];
  for (let i = 0; i < count; i++) {
    const name = names[i]!.name;
    const latin = transliterateName(name, 'rr').text;
    const site = rng() < 0.7 ? 'NORTH' : 'EAST';
    const role = (i + 1) % 12 === 0 ? DEMO_DRIVER_ROLE : '';
    lines.push(`P-${String(i + 1).padStart(6, '0')},${name},${latin},${site},M,ko,${role}`);
  }
  return `${lines.join('\n')}\n`;
}
