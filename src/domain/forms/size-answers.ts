import {
  type Answer,
  DEFAULT_SIZE_PROFILE,
  DIMENSIONS,
  type Dimension,
  estimateBody,
  type Flag,
  type SizeProfile,
  type SystemId,
  systemsFor,
} from '../sizes/index.ts';
import type { Answers } from './answer-validation.ts';

/** What one question of a sizing form says about the body: a label in a size system, or a measurement. */
export type SizeField = { system: SystemId } | { dimension: Dimension };

/**
 * The questions of Kitout's default sizing form (`default-sizing-form.ts`) that the sizes module can read.
 * `shoe_size_ru` is left out on purpose: the form asks for the Russian size as people say it ("42", Paris
 * points), while the sizes module's `ru-shoe` is GOST 11373 foot length in mm ("270"), so reading one as the
 * other would flag every honest answer.
 */
export const DEFAULT_SIZE_FIELDS: Readonly<Record<string, SizeField>> = {
  hat_size_cm: { system: 'head-cm' },
  hat_size_us: { system: 'hat-us' },
  hat_size_uk: { system: 'hat-uk' },
  head_girth: { dimension: 'headGirth' },
  uniform_size_ru: { system: 'ru-garment' },
  uniform_size_rok: { system: 'rok-military' },
  uniform_size_kr: { system: 'kr-top' },
  chest: { dimension: 'chest' },
  height: { dimension: 'height' },
  waist: { dimension: 'waist' },
  shoe_size_kr: { system: 'kr-shoe' },
  shoe_size_eu: { system: 'eu-shoe' },
  shoe_size_us: { system: 'us-shoe-men' },
  shoe_size_uk: { system: 'uk-shoe' },
  foot_length: { dimension: 'footLength' },
};

/** A cross-field warning: the sizes module's flag, and the questions whose answers it is about. */
export interface SizeWarning {
  flag: Flag;
  fields: string[];
}

/**
 * The answers a sizes-aware form gives, as the sizes module's answers: labels in their system, numbers as
 * measurements. Empty and unreadable numbers are skipped (the form's own checks report those).
 */
export function sizeAnswersOf(
  answers: Answers,
  fields: Readonly<Record<string, SizeField>> = DEFAULT_SIZE_FIELDS,
): { answers: Answer[]; fieldOf: (a: Answer) => string } {
  const out: Answer[] = [];
  const origin = new Map<Answer, string>();
  for (const [name, field] of Object.entries(fields)) {
    const raw = answers[name];
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    if (text === '') continue;
    let answer: Answer;
    if ('system' in field) answer = { kind: 'label', system: field.system, label: text };
    else {
      const value = Number(text);
      if (!Number.isFinite(value)) continue;
      answer = { kind: 'measurement', dimension: field.dimension, value };
    }
    out.push(answer);
    origin.set(answer, name);
  }
  return { answers: out, fieldOf: (a) => origin.get(a) ?? '' };
}

/**
 * Warnings, not refusals: the body the answers describe is checked by the sizes module (`estimateBody`) —
 * implausible measurements, a foot length out of proportion to the height, a known size that contradicts a
 * measurement. Each warning names the questions it is about, so a form can show it beside them.
 */
export function sizeWarnings(
  answers: Answers,
  profile: SizeProfile = DEFAULT_SIZE_PROFILE,
  fields: Readonly<Record<string, SizeField>> = DEFAULT_SIZE_FIELDS,
): SizeWarning[] {
  const read = sizeAnswersOf(answers, fields);
  if (read.answers.length === 0) return [];
  const { flags } = estimateBody(read.answers, profile);
  const systems = systemsFor(profile);
  const dimensionsOf = (a: Answer): Dimension[] => {
    if (a.kind === 'measurement') return [a.dimension];
    const parsed = systems.get(a.system as SystemId)?.parse(a.label);
    return parsed?.ok ? DIMENSIONS.filter((d) => parsed.value.body[d] !== undefined) : [];
  };
  return flags.map((flag) => {
    const fields = read.answers
      .filter((a) => {
        // A flag that names a label is about that label's question.
        if (a.kind === 'label' && flag.params.system === a.system && flag.params.label === a.label)
          return true;
        return dimensionsOf(a).some((d) => flag.dimensions.includes(d));
      })
      .map(read.fieldOf);
    return { flag, fields: [...new Set(fields)] };
  });
}
