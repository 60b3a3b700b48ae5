import { z } from 'zod';
import type { Issue } from '../errors.ts';
import { fail, ok, type ParseResult } from '../result.ts';

/**
 * How a measured value becomes a label. `nearest`: each label covers half a step either side of its nominal
 * value; `up`: a label covers the step below its nominal value (sizing up, as some hat makers do);
 * `down`: the step above it.
 */
export type RoundingMode = 'nearest' | 'up' | 'down';
/** Which label wins when a value sits exactly on the endpoint two labels share. */
export type TieRule = 'larger' | 'smaller';

export interface Rounding {
  mode: RoundingMode;
  tie: TieRule;
}

/** One Russian height group ("рост"): heights `min`–`max` cm; a shared endpoint is settled by `ruHeightTie`. */
export interface HeightGroup {
  group: number;
  min: number;
  max: number;
}

/**
 * The organisation's size profile: every choice where published sources disagree, in one place, so no answer
 * depends on a silent constant. Sources for each default are in the reference sheet
 * (`shared/reference/size-standards.md`) and this folder's README.md.
 */
export interface SizeProfile {
  id: string;
  /** head-cm and hat-letter: head girth to 1 cm, nearest (Russian practice: 58.3→58, 58.7→59). */
  head: Rounding;
  /** hat-us / hat-uk: girth ÷ π to the nearest 1/8 in (calculatorlib); some makers round up (askvity). */
  hat: Rounding;
  /** UK hat = US hat − this many inches. Default 1/8 (Wikipedia "Hat"); superglobalcalculator says 0. */
  hatUkOffsetIn: number;
  /** Shoe last = foot + this allowance (mm), for EU/UK/US. Sources: 10–15, 15, 20, or 0 on naive pages. */
  footToLastMm: number;
  /** mondopoint, kr-shoe, ru-shoe, cn-shoe: foot length to the 5 mm (0.5 cm) step. */
  footMetric: Rounding;
  /** eu-shoe, uk-shoe, us-shoe-*: last length to the size step. */
  shoeLast: Rounding;
  /** EU shoe grid: whole Paris points (1) or half sizes (0.5). Half-size labels parse either way. */
  euShoeStep: 1 | 0.5;
  /** US women's = US men's + this (isegoria formula 1.5; some shop tables imply 1). */
  usWomenOverUsMen: number;
  /** UK = US men's − this (isegoria formula 1). */
  usMenOverUk: number;
  /** Chest (and height) grids of ru-garment, kr-top, rok-military. */
  garment: Rounding;
  /** Russian height groups; default 1–6 = 155–161 … 185–191 cm (DESIGN.md). */
  ruHeightGroups: HeightGroup[];
  /** A height on a shared group endpoint goes to the larger group by default: "lower bound inclusive". */
  ruHeightTie: TieRule;
  /** Sex letter for rok-military labels when the source label does not carry one. */
  rokDefaultSex: 'M' | 'F';
  /** Plausible measurement ranges and the foot-length ÷ height ratio band; outside means "re-measure". */
  plausibility: {
    height: [number, number];
    headGirth: [number, number];
    footLength: [number, number];
    footToHeight: [number, number];
  };
  /** A label contradicts a measurement when the measurement lies more than this many label widths outside it. */
  contradictionWidths: number;
}

/** The tie rule that matches a rounding mode when none is stated: the label whose nominal value was hit wins. */
export function naturalTie(mode: RoundingMode): TieRule {
  return mode === 'up' ? 'smaller' : 'larger';
}

const nearest: Rounding = { mode: 'nearest', tie: 'larger' };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The defaults; frozen, because compiled systems are cached per profile object. */
export const DEFAULT_SIZE_PROFILE: Readonly<SizeProfile> = deepFreeze({
  id: 'default',
  head: nearest,
  hat: nearest,
  hatUkOffsetIn: 0.125,
  footToLastMm: 15,
  footMetric: nearest,
  shoeLast: nearest,
  euShoeStep: 1,
  usWomenOverUsMen: 1.5,
  usMenOverUk: 1,
  garment: nearest,
  ruHeightGroups: [155, 161, 167, 173, 179, 185].map((min, i) => ({ group: i + 1, min, max: min + 6 })),
  ruHeightTie: 'larger',
  rokDefaultSex: 'M',
  plausibility: {
    height: [140, 210],
    headGirth: [48, 66],
    footLength: [200, 330],
    footToHeight: [0.125, 0.175],
  },
  contradictionWidths: 1,
} satisfies SizeProfile);

/** Offsets between systems must keep labels on the target grid (eighths for hats, halves for shoes). */
const onGrid = (step: number) => (v: number) => Number.isInteger(v / step);
const mode = z.enum(['nearest', 'up', 'down']);
const tie = z.enum(['larger', 'smaller']);
const rounding = z.object({ mode: mode.optional(), tie: tie.optional() }).strict();
const range = z
  .tuple([z.number().finite(), z.number().finite()])
  .refine(([a, b]) => a < b, 'min must be below max');

/** The shape of a profile override (any subset of the settings); unknown keys are refused. */
export const sizeProfileOverrideSchema = z
  .object({
    id: z.string().min(1).max(100),
    head: rounding,
    hat: rounding,
    hatUkOffsetIn: z.number().min(-0.5).max(0.5).refine(onGrid(0.125), 'must be a whole number of eighths'),
    footToLastMm: z.number().min(0).max(40),
    footMetric: rounding,
    shoeLast: rounding,
    euShoeStep: z.union([z.literal(1), z.literal(0.5)]),
    usWomenOverUsMen: z.number().min(0).max(3).refine(onGrid(0.5), 'must be a whole number of half sizes'),
    usMenOverUk: z.number().min(0).max(3).refine(onGrid(0.5), 'must be a whole number of half sizes'),
    garment: rounding,
    ruHeightGroups: z
      .array(
        z
          .object({
            group: z.number().int().min(0).max(99),
            min: z.number().min(50),
            max: z.number().max(260),
          })
          .strict(),
      )
      .min(1)
      .max(30),
    ruHeightTie: tie,
    rokDefaultSex: z.enum(['M', 'F']),
    plausibility: z
      .object({ height: range, headGirth: range, footLength: range, footToHeight: range })
      .partial()
      .strict(),
    contradictionWidths: z.number().min(0).max(10),
  })
  .partial()
  .strict();

export type SizeProfileOverride = z.infer<typeof sizeProfileOverrideSchema>;

function mergeRounding(base: Rounding, o: { mode?: RoundingMode; tie?: TieRule } | undefined): Rounding {
  if (!o) return base;
  const m = o.mode ?? base.mode;
  return { mode: m, tie: o.tie ?? (o.mode ? naturalTie(m) : base.tie) };
}

/** Checks that height groups are distinct, each min < max, in order, and not overlapping (touching is fine). */
function heightGroupIssues(groups: HeightGroup[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<number>();
  groups.forEach((g, i) => {
    const field = `ruHeightGroups[${i}]`;
    if (seen.has(g.group)) issues.push({ field, reason: `height group ${g.group} appears twice` });
    seen.add(g.group);
    if (!(g.min < g.max))
      issues.push({ field, reason: `group ${g.group}: min ${g.min} must be below max ${g.max}` });
    const prev = groups[i - 1];
    if (prev && (g.min < prev.max || g.group <= prev.group)) {
      issues.push({
        field,
        reason: `group ${g.group} must start at or after group ${prev.group} ends (${prev.max})`,
      });
    }
  });
  return issues;
}

/**
 * Builds a profile from an override (e.g. a JSON file or a database row): defaults for what it leaves out.
 * Setting only a rounding `mode` picks its natural tie rule (`up` → smaller, otherwise larger).
 */
export function parseSizeProfile(input: unknown): ParseResult<SizeProfile> {
  const parsed = sizeProfileOverrideSchema.safeParse(input ?? {});
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'profile', reason: i.message })),
    );
  }
  const o = parsed.data;
  const d = DEFAULT_SIZE_PROFILE;
  const profile: SizeProfile = {
    ...d,
    ...o,
    head: mergeRounding(d.head, o.head),
    hat: mergeRounding(d.hat, o.hat),
    footMetric: mergeRounding(d.footMetric, o.footMetric),
    shoeLast: mergeRounding(d.shoeLast, o.shoeLast),
    garment: mergeRounding(d.garment, o.garment),
    ruHeightGroups: o.ruHeightGroups ?? d.ruHeightGroups,
    plausibility: { ...d.plausibility, ...o.plausibility },
  };
  const issues = heightGroupIssues(profile.ruHeightGroups);
  return issues.length ? fail(issues) : ok(profile);
}
