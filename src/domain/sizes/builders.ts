import { fail, ok, type ParseResult } from '../result.ts';
import { type Body, DIMENSION_UNIT, type Dimension, setDim } from './body.ts';
import { type AffineSpec, affineGrid, claimOf, type Grid, onStep } from './grid.ts';
import { renderNote } from './i18n.ts';
import { normaliseLabel, parseAmount, shown, stripUnit, whyNotAmount } from './label-text.ts';
import { type Note, note, num } from './note.ts';
import type { Formatted, LabelClaim, SizeSystem, SystemId } from './system.ts';

/** A parse failure of a label, naming the system. */
export function badLabel<T>(system: SystemId, reason: string): ParseResult<T> {
  return fail([{ field: 'label', reason: `${system}: ${reason}` }]);
}

/** A body that a system cannot write as a label. */
export function cannotFormat<T>(system: SystemId, reason: string): ParseResult<T> {
  return fail([{ field: 'body', reason: `${system}: ${reason}` }]);
}

/** Reason text for a body interval that lies beyond a grid. */
export function beyond(grid: Grid, min: number, max: number): string {
  const unit = DIMENSION_UNIT[grid.dim];
  const range = min === max ? `${num(min)}` : `${num(min)}–${num(max)}`;
  return `${grid.dim} ${range} ${unit} lies beyond its labels (${grid.first.label} to ${grid.last.label})`;
}

/** Writes the grid's dimension of a body as the grid's labels. */
export function formatOn(id: SystemId, grid: Grid, body: Body): ParseResult<Formatted> {
  const i = body[grid.dim];
  if (!i) return cannotFormat(id, `needs ${grid.dim}`);
  const landing = grid.pick(i.min, i.max);
  if (!landing) return cannotFormat(id, beyond(grid, i.min, i.max));
  return ok({
    label: grid.bands[landing.best]!.label,
    alternatives: landing.others.map((k) => grid.bands[k]!.label),
    tie: landing.tie,
    notes: landing.notes,
  });
}

/** A one-dimensional system whose labels are numbers on an even step (head-cm, hats, shoes, kr-top). */
export interface ScalarSpec extends Omit<AffineSpec, 'label'> {
  id: SystemId;
  label: (value: number) => string;
  /** Finest step `parse` accepts (e.g. half EU sizes on a whole-size grid); defaults to `step`. */
  accept?: number;
  /** Reads the number from normalised text; NaN when it is not one. Defaults to {@link parseAmount}. */
  read?: (text: string) => number;
  /** Unit words allowed after the number (`270 mm`). */
  unit?: RegExp;
  /** Extra hint for a number outside the range, e.g. "looks like millimetres". */
  hint?: (value: number) => string | undefined;
  /** Says what the grid step is, for "not on the grid" errors. */
  stepWords: string;
  examples: string[];
  rule: Note;
}

export function scalarSystem(spec: ScalarSpec): SizeSystem {
  const grid = affineGrid(spec);
  const read = spec.read ?? parseAmount;
  const { id, dim, from, to, step } = spec;
  const accept = spec.accept ?? step;
  const rangeWords = `${spec.label(from)} to ${spec.label(to)}`;
  const claim = (label: string, min: number, max: number, notes: Note[]): LabelClaim => ({
    system: id,
    label,
    body: setDim({}, dim, min, max),
    notes,
  });

  function parse(text: string): ParseResult<LabelClaim> {
    let t = normaliseLabel(text);
    if (spec.unit) t = stripUnit(t, spec.unit);
    const value = read(t);
    if (Number.isNaN(value)) return badLabel(id, whyNotAmount(t));
    if (value < from - 1e-9 || value > to + 1e-9) {
      const hint = spec.hint?.(value);
      return badLabel(id, `${shown(t)} is outside its range ${rangeWords}${hint ? ` (${hint})` : ''}`);
    }
    if (onStep(value, from, step)) {
      const band = grid.bands[Math.round((value - from) / step)]!;
      return ok(claim(band.label, band.min, band.max, []));
    }
    if (accept < step && onStep(value, from, accept)) {
      // A finer label than the profile's grid (EU 42.5 on whole sizes) claims its own, narrower interval.
      const [min, max] = claimOf(spec, value, accept);
      const label = spec.label(value);
      return ok(claim(label, min, max, [note('note.offGrid', { label, system: id })]));
    }
    return badLabel(id, `${shown(t)} is not a label: ${spec.stepWords}`);
  }

  return {
    id,
    dimensions: [dim],
    examples: spec.examples,
    rule: spec.rule,
    ruleText: renderNote(spec.rule),
    parse,
    format: (body: Body) => formatOn(id, grid, body),
    labels: () => grid.bands.map((b) => b.label),
  };
}

/** A one-dimensional system of named bands (letter sizes): `aliases` map other spellings to a band label. */
export interface TableSpec {
  id: SystemId;
  grid: Grid;
  aliases?: Record<string, string>;
  examples: string[];
  rule: Note;
}

export function tableSystem(spec: TableSpec): SizeSystem {
  const { id, grid } = spec;
  const dim: Dimension = grid.dim;
  const byName = new Map<string, number>();
  grid.bands.forEach((b, i) => {
    byName.set(b.label.toUpperCase(), i);
  });
  for (const [alias, label] of Object.entries(spec.aliases ?? {})) {
    byName.set(alias.toUpperCase(), byName.get(label.toUpperCase())!);
  }
  const names = grid.bands.map((b) => b.label).join(', ');

  function parse(text: string): ParseResult<LabelClaim> {
    const t = normaliseLabel(text);
    if (t === '') return badLabel(id, 'the label is empty');
    const i = byName.get(t.toUpperCase());
    if (i === undefined) return badLabel(id, `${shown(t)} is not one of ${names}`);
    const b = grid.bands[i]!;
    return ok({ system: id, label: b.label, body: setDim({}, dim, b.min, b.max), notes: [] });
  }

  return {
    id,
    dimensions: [dim],
    examples: spec.examples,
    rule: spec.rule,
    ruleText: renderNote(spec.rule),
    parse,
    format: (body: Body) => formatOn(id, grid, body),
    labels: () => grid.bands.map((b) => b.label),
  };
}
