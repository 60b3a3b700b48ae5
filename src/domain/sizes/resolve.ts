import { type Body, centre, DIMENSION_UNIT, DIMENSIONS, type Dimension, width } from './body.ts';
import { EPS } from './grid.ts';
import { renderNotes } from './i18n.ts';
import { type Note, note, num, pct } from './note.ts';
import { type Answer, estimateBody } from './person-body.ts';
import { type Flag, showInterval } from './plausibility.ts';
import { DEFAULT_SIZE_PROFILE, type SizeProfile } from './profile.ts';
import type { SystemId } from './system.ts';

/**
 * One size of a catalogue item, stating the body it fits. `system` is the size system its label is
 * written in, or null for items sized outside every system (belts by a stated waist, see `statedFit`).
 */
export interface CatalogueVariant {
  label: string;
  system: SystemId | null;
  fits: Body;
}

export interface CatalogueItem {
  id: string;
  variants: CatalogueVariant[];
}

export interface VariantScore {
  label: string;
  system: SystemId | null;
  /** 0–1: mean over the dimensions both sides know of 1 − |person centre − variant centre| / variant width. */
  score: number;
  dimensions: Dimension[];
}

/** The chosen size of one item for one person, with the runner-up and the reasons. */
export interface ItemFit {
  item: string;
  best: VariantScore | null;
  runnerUp: VariantScore | null;
  /** The best and the runner-up scored equally; the profile's garment tie rule chose. */
  tie: boolean;
  reasons: Note[];
  /** The reasons in English. */
  reason: string;
}

export interface PersonFit {
  body: Body;
  notes: Note[];
  flags: Flag[];
  items: ItemFit[];
}

/**
 * The fit of one dimension, 1 at the variant's centre, 0.5 at its edge, 0 a full width away. A variant
 * that fits a single value (zero width) scores 1 on it and 0 elsewhere.
 */
function dimScore(person: Body, variant: Body, dim: Dimension): number {
  return Math.max(0, dimCloseness(person, variant, dim));
}

/**
 * The same measure without the floor at 0: it keeps falling with distance, so that among variants that all fit
 * badly (a 225 mm foot against boots from 240) the nearest still ranks first instead of a tie at 0.
 */
function dimCloseness(person: Body, variant: Body, dim: Dimension): number {
  const v = variant[dim]!;
  const d = Math.abs(centre(person[dim]!) - centre(v));
  const w = width(v);
  if (w <= EPS) return d <= EPS ? 1 : -d;
  return 1 - d / w;
}

interface Ranked {
  v: CatalogueVariant;
  s: VariantScore;
  closeness: number;
}

function scoreOf(v: CatalogueVariant, body: Body): Ranked | null {
  const dims = DIMENSIONS.filter((d) => v.fits[d] && body[d]);
  if (dims.length === 0) return null;
  const score = dims.reduce((s, d) => s + dimScore(body, v.fits, d), 0) / dims.length;
  const closeness = dims.reduce((s, d) => s + dimCloseness(body, v.fits, d), 0) / dims.length;
  return { v, s: { label: v.label, system: v.system, score, dimensions: dims }, closeness };
}

/** The variant's size along its first dimension, to settle ties by the "larger" / "smaller" rule. */
const sizeOf = (v: CatalogueVariant): number => {
  const d = DIMENSIONS.find((k) => v.fits[k]);
  return d ? centre(v.fits[d]!) : 0;
};

/**
 * Picks the best variant of an item for a body: highest score, then more dimensions matched, then the
 * profile's garment tie rule (larger by default: a garment a little big can be worn, a little small cannot).
 */
export function resolveItem(
  item: CatalogueItem,
  body: Body,
  profile: SizeProfile = DEFAULT_SIZE_PROFILE,
): ItemFit {
  const tieRule = profile.garment.tie;
  const scored = item.variants
    .map((v) => scoreOf(v, body))
    .filter((x): x is Ranked => x !== null)
    .sort(
      (a, b) =>
        b.closeness - a.closeness ||
        b.s.dimensions.length - a.s.dimensions.length ||
        (tieRule === 'larger' ? sizeOf(b.v) - sizeOf(a.v) : sizeOf(a.v) - sizeOf(b.v)),
    );
  const reasons: Note[] = [];
  if (item.variants.length === 0) reasons.push(note('reason.noVariants', { item: item.id }));
  else if (scored.length === 0) reasons.push(note('reason.noData', { item: item.id }));
  const first = scored[0];
  const second = scored[1];
  const tie =
    !!first &&
    !!second &&
    Math.abs(first.closeness - second.closeness) <= 1e-9 &&
    first.s.dimensions.length === second.s.dimensions.length;
  if (first) {
    reasons.push(note('reason.best', { label: first.v.label, score: pct(first.s.score) }));
    for (const dim of first.s.dimensions) reasons.push(dimReason(body, first.v.fits, dim));
    const asked = new Set(first.s.dimensions);
    for (const dim of DIMENSIONS)
      if (first.v.fits[dim] && !asked.has(dim)) reasons.push(note('reason.noAnswer', { dim }));
  }
  if (tie) {
    reasons.push(
      note('reason.tie', { a: first!.v.label, b: second!.v.label, tie: tieRule, pick: first!.v.label }),
    );
  } else if (second) {
    reasons.push(note('reason.runnerUp', { label: second.v.label, score: pct(second.s.score) }));
  }
  return {
    item: item.id,
    best: first?.s ?? null,
    runnerUp: second?.s ?? null,
    tie,
    reasons,
    reason: renderNotes(reasons),
  };
}

function dimReason(body: Body, fits: Body, dim: Dimension): Note {
  const p = body[dim]!;
  const v = fits[dim]!;
  const c = centre(p);
  const params = { dim, value: showInterval(p), unit: DIMENSION_UNIT[dim], min: num(v.min), max: num(v.max) };
  if (c >= v.min - EPS && c <= v.max + EPS) return note('reason.dimInside', params);
  return note('reason.dimOutside', { ...params, by: num(c < v.min ? v.min - c : c - v.max) });
}

/**
 * Resolves a person's answers (labels in any system and/or measurements) against catalogue items: one body
 * estimate with its notes and re-measure flags, then the best variant of every item.
 */
export function resolvePerson(
  items: readonly CatalogueItem[],
  answers: readonly Answer[],
  profile: SizeProfile = DEFAULT_SIZE_PROFILE,
): PersonFit {
  const { body, notes, flags } = estimateBody(answers, profile);
  return { body, notes, flags, items: items.map((item) => resolveItem(item, body, profile)) };
}
