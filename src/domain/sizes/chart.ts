import type { Body, Dimension } from './body.ts';
import type { Note } from './note.ts';
import { DEFAULT_SIZE_PROFILE, type SizeProfile } from './profile.ts';
import { systemFor, systemsFor } from './registry.ts';
import type { SizeSystem, SystemId } from './system.ts';

/** The parts of the body a system sizes: its labels convert only into systems of the same part. */
export const BODY_PARTS = ['head', 'torso', 'foot'] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

const PART_OF: Readonly<Record<Dimension, BodyPart>> = {
  headGirth: 'head',
  chest: 'torso',
  waist: 'torso',
  hip: 'torso',
  height: 'torso',
  footLength: 'foot',
  footWidth: 'foot',
};

/** The body part a system sizes, by its first (deciding) dimension. */
export function bodyPartOf(system: Pick<SizeSystem, 'dimensions'>): BodyPart {
  return PART_OF[system.dimensions[0]!];
}

/**
 * What a chart cell needs a second look for: `tie` (the profile's tie rule chose between two labels),
 * `between` (the body falls in a gap between two labels), `spans` (the body covers several labels; the
 * largest share won), `partly` (part of it lies beyond the target's labels or height groups).
 */
export type ChartMark = 'tie' | 'between' | 'spans' | 'partly';

/** One source label written in one other system; `label` is null (and `error` says why) when it cannot be. */
export interface ChartCell {
  system: SystemId;
  label: string | null;
  alternatives: string[];
  tie: boolean;
  marks: ChartMark[];
  notes: Note[];
  error?: string;
}

export interface ChartRow {
  label: string;
  body: Body;
  cells: ChartCell[];
}

/** Every label of a system converted into every other system of the same body part. */
export interface SizeChart {
  system: SystemId;
  part: BodyPart;
  columns: SystemId[];
  rows: ChartRow[];
}

function marksOf(tie: boolean, notes: readonly Note[]): ChartMark[] {
  const keys = new Set(notes.map((n) => n.key));
  const marks: ChartMark[] = [];
  if (tie) marks.push('tie');
  if (keys.has('note.between') || keys.has('note.betweenTie')) marks.push('between');
  if (keys.has('note.spans')) marks.push('spans');
  if (keys.has('note.partlyOutside') || keys.has('note.heightOutsideGroups')) marks.push('partly');
  return marks;
}

/**
 * The size chart of a system: each of its labels (smallest first) as body intervals and as the labels of
 * the other systems that size the same body part, with ties and in-between landings marked rather than
 * hidden. An unknown system is an `InputError` on the field `system`.
 */
export function sizeChart(id: string, profile: SizeProfile = DEFAULT_SIZE_PROFILE): SizeChart {
  const source = systemFor(id, profile, 'system');
  const part = bodyPartOf(source);
  const targets = [...systemsFor(profile).values()].filter((s) => s !== source && bodyPartOf(s) === part);
  const rows = source.labels().map((label): ChartRow => {
    const claim = source.parse(label);
    // labels() lists only labels its own parse accepts (tested for every system); a failure here is a bug.
    if (!claim.ok) throw new Error(`${id}: its own label ${label} does not parse`);
    const c = claim.value;
    const cells = targets.map((t): ChartCell => {
      const f = t.format(c.body, c.sex ? { sex: c.sex } : undefined);
      if (!f.ok) {
        return {
          system: t.id,
          label: null,
          alternatives: [],
          tie: false,
          marks: [],
          notes: [],
          error: f.errors.map((e) => e.reason).join('; '),
        };
      }
      const notes = c.notes.length ? [...c.notes, ...f.value.notes] : f.value.notes;
      return {
        system: t.id,
        label: f.value.label,
        alternatives: f.value.alternatives,
        tie: f.value.tie,
        marks: marksOf(f.value.tie, f.value.notes),
        notes,
      };
    });
    return { label: c.label, body: c.body, cells };
  });
  return { system: source.id, part, columns: targets.map((t) => t.id), rows };
}
