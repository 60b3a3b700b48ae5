import type { MarkMeasure } from './mark-measure.ts';

/**
 * What one circle holds. The rule, printed on every page ("to change an answer, cross the wrong mark out"):
 * a filled circle is a mark; an X or a single stroke through a circle is a cancelled mark; a little ink is
 * nothing; anything in between is unsure and goes to a person.
 */
export type MarkState = 'empty' | 'filled' | 'crossed' | 'unsure';

export interface MarkReading {
  state: MarkState;
  /** How sure the reading is, 0–1; below 0.5 a field is sent to review. */
  confidence: number;
}

/** Thresholds on mean darkness (0 paper – 1 fiducial black). */
export const MARK_THRESHOLDS = {
  /** At or below: empty. Stray dots and the faint printed digit stay under it. */
  empty: 0.16,
  /** At or above: filled. A light pen filling most of the circle reaches it. */
  filled: 0.42,
  /** A sector at least this dark carries a stroke; below `light` it is bare. */
  stroke: 0.38,
  light: 0.2,
} as const;

const clamp = (v: number) => Math.min(1, Math.max(0, v));

export function classifyMark(m: MarkMeasure): MarkReading {
  const t = MARK_THRESHOLDS;
  if (isCross(m)) {
    // The clearer the bare sectors between the strokes, the surer the cross.
    const bare = Math.min(...m.sectors);
    return { state: 'crossed', confidence: clamp(0.6 + (t.light - bare) * 2) };
  }
  if (m.fill >= t.filled)
    return { state: 'filled', confidence: clamp(0.5 + ((m.fill - t.filled) / 0.25) * 0.5) };
  if (m.fill <= t.empty)
    return { state: 'empty', confidence: clamp(0.5 + ((t.empty - m.fill) / 0.12) * 0.5) };
  const middle = (t.empty + t.filled) / 2;
  const half = (t.filled - t.empty) / 2;
  return { state: 'unsure', confidence: clamp((Math.abs(m.fill - middle) / half) * 0.49) };
}

/**
 * An X or a stroke: ink through the centre, ink in at least one pair of opposite sectors, and bare sectors
 * between them — a filled circle has no bare sectors, a partial fill no opposite pair across a bare centre.
 */
function isCross(m: MarkMeasure): boolean {
  const t = MARK_THRESHOLDS;
  if (m.centre < t.stroke || m.fill > 0.66 || m.fill < 0.1) return false;
  const dark = m.sectors.map((s) => s >= t.stroke);
  const bare = m.sectors.filter((s) => s < t.light).length;
  let pairs = 0;
  for (let i = 0; i < 4; i++) if (dark[i] && dark[i + 4]) pairs++;
  return pairs >= 1 && bare >= 2;
}
