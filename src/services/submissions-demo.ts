import { normal, pick, type Rng } from '../domain/random.ts';

/**
 * Plausible answers to the default sizing questionnaire, for benchmarks and tests: each item is answered by a
 * known size in some system or by measurements, as a real intake mixes them. Every answer set passes the
 * form's own validation (the bench checks that the server accepts every one).
 */
export function demoAnswers(rng: Rng): Record<string, string> {
  const height = clamp(Math.round(normal(rng, 175, 7)), 150, 200);
  const chest = clamp(Math.round(normal(rng, 96, 7)), 76, 130);
  const a: Record<string, string> = {};
  if (rng() < 0.5) {
    a.head_known = 'no';
    a.head_girth = (Math.round(normal(rng, 57, 1.5) * 2) / 2).toFixed(1);
  } else {
    a.head_known = 'yes';
    a.head_system = 'head-cm';
    a.hat_size_cm = String(clamp(Math.round(normal(rng, 57, 1.5)), 52, 62));
  }
  if (rng() < 0.5) {
    a.uniform_known = 'no';
    a.chest = String(chest);
    a.height = String(height);
    a.waist = String(clamp(Math.round(chest - 14 + normal(rng, 0, 4)), 60, 130));
  } else {
    a.uniform_known = 'yes';
    a.uniform_system = pick(rng, ['ru-garment', 'kr-top'] as const);
    if (a.uniform_system === 'ru-garment') {
      const size = clamp(Math.round(chest / 4) * 2, 40, 72);
      const group = clamp(Math.floor((height - 155) / 6) + 1, 1, 6);
      a.uniform_size_ru = `${size}-${group}`;
    } else {
      a.uniform_size_kr = String(clamp(Math.round(chest / 5) * 5, 85, 120));
    }
  }
  const foot = clamp(Math.round(height * 1.5 + normal(rng, 0, 6)), 220, 320);
  if (rng() < 0.5) {
    a.shoe_known = 'no';
    a.foot_length = String(foot);
  } else {
    a.shoe_known = 'yes';
    a.shoe_system = 'kr-shoe';
    a.shoe_size_kr = String(Math.round(foot / 5) * 5);
  }
  return a;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
