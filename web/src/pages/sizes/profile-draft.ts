import type {
  Rounding,
  RoundingMode,
  SizeProfile,
  SizeProfileOverride,
  TieRule,
} from '../../../../src/domain/sizes/index.ts';
import { parseDecimal } from './numbers.ts';

/** The grids whose rounding and tie rule the profile form shows, in the order it shows them. */
export const GRIDS = ['head', 'hat', 'footMetric', 'shoeLast', 'garment'] as const;
export type GridName = (typeof GRIDS)[number];

export interface GroupDraft {
  group: string;
  min: string;
  max: string;
}

/** The profile form's state: numbers as the person typed them, choices as values. */
export interface ProfileDraft {
  footToLastMm: string;
  euShoeStep: 1 | 0.5;
  usWomenOverUsMen: number;
  usMenOverUk: number;
  hatUkOffsetIn: number;
  ruHeightGroups: GroupDraft[];
  ruHeightTie: TieRule;
  rokDefaultSex: 'M' | 'F';
  rounding: Record<GridName, { mode: RoundingMode; tie: TieRule }>;
}

export function draftOf(p: SizeProfile): ProfileDraft {
  return {
    footToLastMm: String(p.footToLastMm),
    euShoeStep: p.euShoeStep,
    usWomenOverUsMen: p.usWomenOverUsMen,
    usMenOverUk: p.usMenOverUk,
    hatUkOffsetIn: p.hatUkOffsetIn,
    ruHeightGroups: p.ruHeightGroups.map((g) => ({
      group: String(g.group),
      min: String(g.min),
      max: String(g.max),
    })),
    ruHeightTie: p.ruHeightTie,
    rokDefaultSex: p.rokDefaultSex,
    rounding: Object.fromEntries(GRIDS.map((g) => [g, { mode: p[g].mode, tie: p[g].tie }])) as Record<
      GridName,
      Rounding
    >,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The override to save: the stored override with every setting of the form set where it differs from the
 * default and removed where it equals it, so the organisation keeps only its real choices. Settings the
 * form does not show (plausibility ranges, …) are kept as stored. Fields that are not numbers are listed in
 * `invalid` by their setting name (`ruHeightGroups.1.min`), and nothing should be sent.
 */
export function overrideOf(
  draft: ProfileDraft,
  stored: SizeProfileOverride,
  defaults: SizeProfile,
): { override: SizeProfileOverride; invalid: string[] } {
  const invalid: string[] = [];
  const num = (text: string, field: string): number => {
    const n = parseDecimal(text);
    if (n === undefined || Number.isNaN(n)) invalid.push(field);
    return n ?? Number.NaN;
  };
  const o: Record<string, unknown> = { ...stored };
  const put = (key: keyof SizeProfile, value: unknown) => {
    if (same(value, defaults[key])) delete o[key];
    else o[key] = value;
  };
  put('footToLastMm', num(draft.footToLastMm, 'footToLastMm'));
  put('euShoeStep', draft.euShoeStep);
  put('usWomenOverUsMen', draft.usWomenOverUsMen);
  put('usMenOverUk', draft.usMenOverUk);
  put('hatUkOffsetIn', draft.hatUkOffsetIn);
  put(
    'ruHeightGroups',
    draft.ruHeightGroups.map((g, i) => ({
      group: num(g.group, `ruHeightGroups.${i}.group`),
      min: num(g.min, `ruHeightGroups.${i}.min`),
      max: num(g.max, `ruHeightGroups.${i}.max`),
    })),
  );
  put('ruHeightTie', draft.ruHeightTie);
  put('rokDefaultSex', draft.rokDefaultSex);
  for (const g of GRIDS) put(g, draft.rounding[g]);
  return { override: o as SizeProfileOverride, invalid };
}

/** The next height group below a table: one number higher, starting where the last group ends, 6 cm wide. */
export function nextGroup(groups: readonly GroupDraft[]): GroupDraft {
  const last = groups.at(-1);
  const group = (parseDecimal(last?.group ?? '') ?? 0) + 1;
  const min = parseDecimal(last?.max ?? '') ?? 155;
  return { group: String(group), min: String(min), max: String(min + 6) };
}
