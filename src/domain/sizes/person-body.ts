import {
  type Body,
  DIMENSION_UNIT,
  DIMENSIONS,
  type Dimension,
  type Interval,
  setDim,
  width,
} from './body.ts';
import { type Note, note, num } from './note.ts';
import { type Flag, flag, plausibilityFlags, showInterval } from './plausibility.ts';
import { DEFAULT_SIZE_PROFILE, type SizeProfile } from './profile.ts';
import { systemsFor } from './registry.ts';
import { isSystemId } from './system.ts';

/** One thing a person told us: a label in some system, or a direct measurement (cm, or mm for the foot). */
export type Answer =
  | { kind: 'label'; system: string; label: string }
  | { kind: 'measurement'; dimension: Dimension; value: number };

/** The body we believe in, why, and what to re-measure. */
export interface PersonBody {
  body: Body;
  notes: Note[];
  flags: Flag[];
}

interface Claimed {
  interval: Interval;
  label: string;
  system: string;
}

/** Two measurements of one dimension further apart than this disagree (cm for garments, mm for feet). */
const MEASUREMENT_SPREAD: Record<'cm' | 'mm', number> = { cm: 1, mm: 5 };

/**
 * Combines a person's answers into one body. A measurement beats labels: labels off by a little are noted,
 * labels off by more than `contradictionWidths` of their own width are flagged. Without a measurement the
 * labels' common ground is used; labels that do not overlap give their combined range, flagged when the gap
 * is wider than the narrower label. Plausibility flags come last.
 */
export function estimateBody(
  answers: readonly Answer[],
  profile: SizeProfile = DEFAULT_SIZE_PROFILE,
): PersonBody {
  const notes: Note[] = [];
  const flags: Flag[] = [];
  const measured = new Map<Dimension, number[]>();
  const claimed = new Map<Dimension, Claimed[]>();
  const systems = systemsFor(profile);

  for (const a of answers) {
    if (a.kind === 'measurement') {
      if (!Number.isFinite(a.value) || a.value <= 0) {
        flags.push(flag('flag.badMeasurement', [a.dimension], { dim: a.dimension, value: String(a.value) }));
        continue;
      }
      measured.set(a.dimension, [...(measured.get(a.dimension) ?? []), a.value]);
      continue;
    }
    const system = isSystemId(a.system) ? systems.get(a.system) : undefined;
    const r = typeof a.label === 'string' ? system?.parse(a.label) : undefined;
    if (!r?.ok) {
      const reason = r
        ? r.errors.map((e) => e.reason).join('; ')
        : system
          ? 'a label must be text'
          : `unknown size system "${a.system}"`;
      flags.push(flag('flag.unreadableLabel', [], { label: String(a.label), system: a.system, reason }));
      continue;
    }
    for (const dim of DIMENSIONS) {
      const interval = r.value.body[dim];
      if (interval)
        claimed.set(dim, [...(claimed.get(dim) ?? []), { interval, label: r.value.label, system: a.system }]);
    }
  }

  const body: Body = {};
  for (const dim of DIMENSIONS) {
    const values = measured.get(dim);
    const labels = claimed.get(dim) ?? [];
    const unit = DIMENSION_UNIT[dim];
    if (values) {
      const value = values.reduce((s, v) => s + v, 0) / values.length;
      if (Math.max(...values) - Math.min(...values) > MEASUREMENT_SPREAD[unit]) {
        flags.push(
          flag('flag.measurementsDisagree', [dim], { dim, unit, values: values.map(num).join(', ') }),
        );
      } else if (values.length > 1) {
        notes.push(
          note('reason.measurementsAveraged', { dim, count: values.length, value: num(value), unit }),
        );
      }
      setDim(body, dim, value, value);
      for (const c of labels) checkAgainstMeasurement(c, dim, value, profile, notes, flags);
    } else if (labels.length) {
      setDim(body, dim, ...combineLabels(labels, dim, profile, notes, flags));
    }
  }
  flags.push(...plausibilityFlags(body, profile));
  return { body, notes, flags };
}

function checkAgainstMeasurement(
  c: Claimed,
  dim: Dimension,
  value: number,
  profile: SizeProfile,
  notes: Note[],
  flags: Flag[],
): void {
  const off = Math.max(c.interval.min - value, value - c.interval.max, 0);
  if (off === 0) return;
  const params = { label: c.label, system: c.system, dim, value: num(value), unit: DIMENSION_UNIT[dim] };
  if (off > profile.contradictionWidths * width(c.interval)) {
    flags.push(
      flag('flag.labelContradicts', [dim], { ...params, min: num(c.interval.min), max: num(c.interval.max) }),
    );
  } else {
    notes.push(note('reason.labelNear', params));
  }
}

function combineLabels(
  labels: Claimed[],
  dim: Dimension,
  profile: SizeProfile,
  notes: Note[],
  flags: Flag[],
): [number, number] {
  const lo = Math.max(...labels.map((c) => c.interval.min));
  const hi = Math.min(...labels.map((c) => c.interval.max));
  const unit = DIMENSION_UNIT[dim];
  if (lo <= hi) {
    if (labels.length > 1)
      notes.push(note('reason.labelsCombined', { dim, min: num(lo), max: num(hi), unit }));
    return [lo, hi];
  }
  const min = Math.min(...labels.map((c) => c.interval.min));
  const max = Math.max(...labels.map((c) => c.interval.max));
  const narrowest = Math.min(...labels.map((c) => width(c.interval)));
  const shown = labels.map((c) => `${c.label} (${c.system}: ${showInterval(c.interval)})`).join(', ');
  if (lo - hi > profile.contradictionWidths * narrowest) {
    flags.push(flag('flag.labelsDisagree', [dim], { dim, unit, labels: shown }));
  } else {
    notes.push(note('reason.labelsAdjacent', { dim, min: num(min), max: num(max), unit, labels: shown }));
  }
  return [min, max];
}
