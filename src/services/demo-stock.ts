import { apportion, type TariffRow, tariffFromPreferred } from '../domain/planning/index.ts';
import { normal, type Rng, seededRng } from '../domain/random.ts';
import {
  BELT_BY_LENGTH_CM,
  type Body,
  type CatalogueItem,
  cm,
  DEFAULT_SIZE_PROFILE,
  isSystemId,
  mm,
  resolveItem,
  statedFit,
  variantFromLabel,
} from '../domain/sizes/index.ts';
import type { MovementRequest } from '../domain/stock/movement.ts';
import { DEMO_DEPOTS, DEMO_ITEMS } from './demo-catalogue.ts';

/**
 * Demo bodies drawn around the 8th Size Korea survey's means for men (height 172.5 cm; see
 * shared/reference/size-standards.md §9), with chest, waist, head and foot following height loosely.
 * `shrink` draws an older, smaller population: the one the depots' stock was bought for, as in the ANSUR II story.
 */
function demoBody(rng: Rng, shrink = 0): Body {
  const height = normal(rng, 173.5 - shrink * 3, 5.8);
  const z = (height - 173.5) / 5.8;
  const atCm = (v: number) => ({ min: cm(v), max: cm(v) });
  const atMm = (v: number) => ({ min: mm(v), max: mm(v) });
  return {
    height: atCm(height),
    chest: atCm(normal(rng, 96 + 2 * z - shrink * 4, 5.5)),
    waist: atCm(normal(rng, 82 + 2 * z - shrink * 3, 7)),
    headGirth: atCm(normal(rng, 57 + 0.4 * z - shrink * 0.6, 1.4)),
    footLength: atMm(normal(rng, 258 + 8 * z - shrink * 5, 9)),
  };
}

const GLOVE_SHARES: Record<string, number> = { '8': 0.15, '9': 0.4, '10': 0.35, '11': 0.1 };

/** Each body's catalogue size per item, resolved by the sizes module from the variants' labels. */
function preferredSizes(bodies: Body[]): { preferred: Record<string, string> }[] {
  const catalogue: CatalogueItem[] = DEMO_ITEMS.filter((i) => i.sizeSystem && isSystemId(i.sizeSystem)).map(
    (i) => ({
      id: i.id,
      variants: i.sizes.map((label) => variantFromLabel(label, i.sizeSystem as never, DEFAULT_SIZE_PROFILE)),
    }),
  );
  // Belts state the waist they fit by their length, as the catalogue stores it.
  const belt = DEMO_ITEMS.find((i) => i.id === 'belt')!;
  catalogue.push({
    id: 'belt',
    variants: belt.sizes.map((label) => ({ label, system: null, fits: statedFit(label, BELT_BY_LENGTH_CM) })),
  });
  return bodies.map((body) => {
    const preferred: Record<string, string> = {};
    for (const item of catalogue) {
      const fit = resolveItem(item, body);
      if (fit.best) preferred[item.id] = fit.best.label;
    }
    return { preferred };
  });
}

function tariffOf(bodies: Body[]): TariffRow[] {
  return [
    ...tariffFromPreferred(preferredSizes(bodies)),
    ...Object.entries(GLOVE_SHARES).map(([size, share]) => ({ item: 'gloves', size, share })),
  ];
}

/** The demo size tariff: 2,000 bodies of today's intake population. */
export function demoTariff(seed = 1): TariffRow[] {
  const rng = seededRng(seed);
  return tariffOf(Array.from({ length: 2000 }, () => demoBody(rng)));
}

export const DEMO_ENTITLEMENTS = [
  { item: 'cap', qty: 1 },
  { item: 'winter-hat', qty: 1 },
  { item: 'shirt', qty: 2 },
  { item: 'jacket', qty: 1 },
  { item: 'trousers', qty: 1 },
  { item: 'belt', qty: 1 },
  { item: 'gloves', qty: 1 },
  { item: 'boots', qty: 1 },
];

/**
 * Opening stock for the demo depots: enough units overall for the 1,500-person intake, but in the size assortment of
 * an older, smaller population — so the large sizes run short and the small ones are left over, and planning and
 * allocation have something real to solve.
 */
export function demoOpeningStock(
  people: number,
  seed = 2,
): { depot: string; movements: MovementRequest[] }[] {
  const rng = seededRng(seed);
  const tariff = tariffOf(Array.from({ length: 2000 }, () => demoBody(rng, 1)));
  const split = [
    { depot: DEMO_DEPOTS[0]!.id, share: 0.4 },
    { depot: DEMO_DEPOTS[1]!.id, share: 0.25 },
    { depot: DEMO_DEPOTS[2]!.id, share: 0.35 },
  ];
  return split.map(({ depot, share }) => ({
    depot,
    movements: DEMO_ENTITLEMENTS.flatMap((ent) => {
      const rows = tariff.filter((t) => t.item === ent.item);
      const units = Math.round(people * ent.qty * share * 0.97);
      return apportion(
        units,
        rows.map((r) => ({ key: r.size, weight: r.share })),
      )
        .filter((a) => a.qty > 0)
        .map((a) => ({
          type: 'receipt' as const,
          depot,
          item: ent.item,
          size: a.key,
          qty: a.qty,
          document: 'OPENING-2026',
          reason: 'opening stock',
        }));
    }),
  }));
}
