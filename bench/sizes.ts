import { convert, DEFAULT_SIZE_PROFILE, type SystemId, systemsFor } from '../src/domain/sizes/index.ts';
import { atMost, type Bench, timed } from './lib.ts';

/**
 * Converts 1,000,000 labels across mixed systems (shoes, hats, garments, both directions) with the default
 * size profile. Goal `convert_1m_s` ≤ 10 s: a wave of 12,000 people answers a handful of size questions, so
 * even a full re-resolution of a large intake is well under a million conversions; 10 s keeps that
 * interactive on a modest server. `--count N` changes the number of conversions.
 */

const FAMILIES: SystemId[][] = [
  ['mondopoint', 'kr-shoe', 'ru-shoe', 'cn-shoe', 'eu-shoe', 'uk-shoe', 'us-shoe-men', 'us-shoe-women'],
  ['head-cm', 'hat-us', 'hat-uk', 'hat-letter'],
  ['ru-garment', 'kr-top', 'kr-top-letter', 'kr-women-legacy', 'rok-military'],
];

/** Spellings people type besides the canonical one, so parsing is exercised too. */
const extraSpellings = (label: string): string[] => {
  const out: string[] = [];
  if (label.includes('/') && label.includes(' ')) {
    const [whole, frac] = label.split(' ');
    const [n, d] = frac!.split('/').map(Number);
    out.push(String(Number(whole) + n! / d!));
  }
  if (label.includes('.')) out.push(label.replace('.', ','));
  return out;
};

/** Every (label, from, to) that converts under the default profile; the bench draws from these. */
function workload(): { label: string; from: SystemId; to: SystemId }[] {
  const systems = systemsFor(DEFAULT_SIZE_PROFILE);
  const cases: { label: string; from: SystemId; to: SystemId }[] = [];
  for (const family of FAMILIES) {
    for (const from of family) {
      for (const to of family) {
        if (from === to) continue;
        for (const canonical of systems.get(from)!.labels()) {
          for (const label of [canonical, ...extraSpellings(canonical)]) {
            try {
              convert(label, from, to);
              cases.push({ label, from, to });
            } catch {
              // Beyond the target's range (a child's shoe in a hat system never happens; a 100 mm foot in US
              // men's does): such pairs are not conversions anyone asks for, so they are not timed.
            }
          }
        }
      }
    }
  }
  return cases;
}

const bench: Bench = async ({ log, args }) => {
  const count = Number(args.count ?? 1_000_000);
  const cases = workload();
  // A fixed linear congruential sequence picks the mix, so every run converts the same labels.
  let seed = 12345;
  const picks = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    picks[i] = seed % cases.length;
  }
  log(`sizes: converting ${count} labels drawn from ${cases.length} label/system pairs`);
  let ties = 0;
  let withAlternatives = 0;
  let checksum = 0;
  const { seconds } = await timed(() => {
    for (let i = 0; i < count; i++) {
      const c = cases[picks[i]!]!;
      const r = convert(c.label, c.from, c.to);
      if (r.tie) ties++;
      if (r.alternatives.length) withAlternatives++;
      checksum = (checksum + r.to.length) | 0;
    }
  });
  return {
    bench: 'sizes',
    goals: { convert_1m_s: atMost((seconds * 1_000_000) / count, 's', 10) },
    details: {
      conversions: count,
      seconds: Math.round(seconds * 1000) / 1000,
      per_second: Math.round(count / seconds),
      distinct_cases: cases.length,
      systems: FAMILIES.flat().length,
      ties,
      with_alternatives: withAlternatives,
      checksum,
    },
  };
};

export default bench;
