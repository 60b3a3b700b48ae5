import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import { normal, pick, type Rng, seededRng } from '../domain/random.ts';

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

/**
 * "Measure me" answers for the first `count` people of an intake (by id), drawn around the Size Korea means, written
 * straight into the submissions table in bulk: for tests and benchmarks of what comes after the questionnaire
 * (planning, allocation), where going through the HTTP API is not what is measured.
 */
export async function insertMeasuredAnswers(
  db: Db,
  opts: { intake: string; count?: number; seed: number; prefix?: string },
): Promise<number> {
  const form = await db
    .selectFrom('forms')
    .select(['id', 'version'])
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  let query = db.selectFrom('people').select('id').where('intake_id', '=', opts.intake).orderBy('id');
  if (opts.count !== undefined) query = query.limit(opts.count);
  const people = (await query.execute()).map((p) => p.id);
  const rng = seededRng(opts.seed);
  const now = new Date();
  const prefix = opts.prefix ?? 'measured';
  for (let i = 0; i < people.length; i += 10_000) {
    const ids = people.slice(i, i + 10_000);
    const answers = ids.map(() => {
      const height = normal(rng, 174, 6);
      return JSON.stringify({
        head_known: 'no',
        head_girth: normal(rng, 57.5, 1.4).toFixed(1),
        uniform_known: 'no',
        chest: normal(rng, 97, 6).toFixed(0),
        height: height.toFixed(0),
        waist: normal(rng, 82, 7).toFixed(0),
        shoe_known: 'no',
        foot_length: (258 + (height - 174) * 1.4 + normal(rng, 0, 8)).toFixed(0),
      });
    });
    await sql`
      insert into submissions (instance_id, form_id, form_version, intake_id, person_id, answers, source,
        client_time, server_time, request_hash)
      select ${prefix} || '-' || t.person, ${form.id}, ${form.version}, ${opts.intake}, t.person, t.answers, 'web',
        ${now}, ${now}, 'measured'
      from unnest(${ids}::text[], ${answers}::jsonb[]) as t(person, answers)`.execute(db);
  }
  return people.length;
}
