import type { ParseResult } from '../result.ts';
import type { Body, Dimension } from './body.ts';
import type { Note } from './note.ts';

/** Every size system, by the id the CLI, API and catalogue use. */
export const SYSTEM_IDS = [
  'head-cm',
  'hat-us',
  'hat-uk',
  'hat-letter',
  'ru-garment',
  'kr-top',
  'kr-top-letter',
  'kr-women-legacy',
  'rok-military',
  'mondopoint',
  'kr-shoe',
  'ru-shoe',
  'cn-shoe',
  'eu-shoe',
  'uk-shoe',
  'us-shoe-men',
  'us-shoe-women',
] as const;
export type SystemId = (typeof SYSTEM_IDS)[number];

export function isSystemId(value: unknown): value is SystemId {
  return typeof value === 'string' && (SYSTEM_IDS as readonly string[]).includes(value);
}

export type Sex = 'M' | 'F';

/** What a label says about a body, read from its text. */
export interface LabelClaim {
  system: SystemId;
  /** The label in canonical spelling (`7 1/8`, `48-4`, `100M170`). */
  label: string;
  body: Body;
  /** Only rok-military labels carry a sex letter; conversions pass it on. */
  sex?: Sex;
  /** Why the claim is not a plain grid label (e.g. a half size on a whole-size grid). */
  notes: Note[];
}

/** A body written as labels of one system: the winner, the other candidates, and why. */
export interface Formatted {
  label: string;
  /** Other candidate labels, most likely first. Empty when the body fits one label cleanly. */
  alternatives: string[];
  /** True when the winner was settled by the tie rule (boundary point or equal shares). */
  tie: boolean;
  notes: Note[];
}

export interface FormatHints {
  sex?: Sex;
}

/**
 * One size system compiled for a size profile. `parse` and `format` are inverses on the system's own
 * labels: `format(parse(l).body).label === l` for every label in `labels()`.
 */
export interface SizeSystem {
  id: SystemId;
  /** The body dimensions its labels speak about. */
  dimensions: readonly Dimension[];
  examples: readonly string[];
  /** How labels map to the body under this profile, as an i18n note; `ruleText` is its English form. */
  rule: Note;
  ruleText: string;
  parse(text: string): ParseResult<LabelClaim>;
  format(body: Body, hints?: FormatHints): ParseResult<Formatted>;
  /** Every label on the system's grid, smallest first. */
  labels(): string[];
}
