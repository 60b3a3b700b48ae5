import { describe, expect, it } from 'vitest';
import type { Dimension } from './body.ts';
import { renderNote } from './i18n.ts';
import type { Answer } from './person-body.ts';
import { estimateBody } from './person-body.ts';
import { type CatalogueItem, resolveItem, resolvePerson } from './resolve.ts';
import { catalogueItemSchema, variantFromLabel } from './schemas.ts';
import type { SystemId } from './system.ts';

const item = (id: string, system: SystemId, labels: string[]): CatalogueItem => ({
  id,
  variants: labels.map((l) => variantFromLabel(l, system)),
});
const CAP = item('cap', 'head-cm', ['55', '56', '57', '58', '59', '60']);
const JACKET = item('jacket', 'ru-garment', ['46-3', '46-4', '48-3', '48-4', '48-5', '50-4', '52-4']);
const BOOTS = item('boots', 'kr-shoe', ['260', '265', '270', '275', '280']);
const SHIRT = item('shirt', 'kr-top', ['90', '95', '100', '105']);
const measure = (dimension: Dimension, value: number): Answer => ({ kind: 'measurement', dimension, value });
const label = (system: string, l: string): Answer => ({ kind: 'label', system, label: l });

describe('resolvePerson', () => {
  it('picks the variant each measurement points to, with a runner-up and reasons', () => {
    const fit = resolvePerson(
      [CAP, JACKET, BOOTS],
      [measure('headGirth', 57), measure('chest', 96), measure('height', 176), measure('footLength', 270)],
    );
    expect(fit.flags).toEqual([]);
    expect(fit.items.map((i) => i.best?.label)).toEqual(['57', '48-4', '270']);
    expect(fit.items.map((i) => i.best?.score)).toEqual([1, 1, 1]);
    const jacket = fit.items[1]!;
    expect(jacket.runnerUp?.label).toBeDefined();
    expect(jacket.reasons.map((r) => r.key)).toEqual([
      'reason.best',
      'reason.dimInside',
      'reason.dimInside',
      'reason.runnerUp',
    ]);
    expect(jacket.reason).toContain('48-4 fits best (score 100%)');
    expect(jacket.reason).toContain('chest 96 cm is within 94–98');
  });

  it('works from labels in other systems alone (hat-us 7 1/8 → cap 57, runner-up 56)', () => {
    const fit = resolvePerson([CAP], [label('hat-us', '7 1/8')]);
    expect(fit.items[0]).toMatchObject({ best: { label: '57' }, runnerUp: { label: '56' }, tie: false });
  });

  it('reads a Russian size into a Korean shirt (48 → 95, 100 as runner-up)', () => {
    const fit = resolvePerson([SHIRT], [label('ru-garment', '48')]);
    expect(fit.items[0]).toMatchObject({ best: { label: '95' }, runnerUp: { label: '100' } });
  });

  it('reports a tie between two variants equally close and lets the larger win by default', () => {
    const fit = resolvePerson([SHIRT], [measure('chest', 97.5)]);
    expect(fit.items[0]).toMatchObject({ best: { label: '100' }, runnerUp: { label: '95' }, tie: true });
    expect(fit.items[0]!.reasons.map((r) => r.key)).toContain('reason.tie');
  });

  it('says so when no answer gives the dimension an item is sized by', () => {
    const fit = resolvePerson([BOOTS], [measure('headGirth', 57)]);
    expect(fit.items[0]).toMatchObject({ best: null, runnerUp: null });
    expect(fit.items[0]!.reasons[0]!.key).toBe('reason.noData');
  });

  it('names dimensions a variant is sized by that no answer gave', () => {
    const fit = resolvePerson([JACKET], [measure('chest', 96)]);
    expect(fit.items[0]!.reasons.map((r) => r.key)).toContain('reason.noAnswer');
  });

  it('renders reasons in Russian and Korean from the same keys', () => {
    const fit = resolvePerson([CAP], [measure('headGirth', 57)]);
    const best = fit.items[0]!.reasons[0]!;
    expect(renderNote(best, 'ru')).toBe('лучше всего подходит 57 (оценка 100%)');
    expect(renderNote(best, 'ko')).toBe('57이(가) 가장 잘 맞습니다 (점수 100%)');
  });

  it('handles an item without variants', () => {
    expect(resolveItem({ id: 'x', variants: [] }, {}).reasons[0]!.key).toBe('reason.noVariants');
  });
});

describe('estimateBody: re-measure flags', () => {
  it('flags a 230 mm foot with a height of 190 cm (ratio 0.121)', () => {
    const { flags } = estimateBody([measure('footLength', 230), measure('height', 190)]);
    expect(flags.map((f) => f.key)).toEqual(['flag.footHeightRatio']);
    expect(flags[0]!.params.ratio).toBe(0.121);
  });

  it('does not flag a 265 mm foot at 175 cm', () => {
    expect(estimateBody([measure('footLength', 265), measure('height', 175)]).flags).toEqual([]);
  });

  it.each([
    ['height', 139],
    ['height', 211],
    ['headGirth', 47],
    ['headGirth', 67],
    ['footLength', 199],
    ['footLength', 331],
  ] as const)('flags %s %d as outside the plausible range', (dim, value) => {
    const { flags } = estimateBody([measure(dim, value)]);
    expect(flags.map((f) => f.key)).toContain('flag.implausible');
  });

  it.each([
    ['height', 140],
    ['headGirth', 66],
    ['footLength', 330],
  ] as const)('accepts %s %d at the edge of the range', (dim, value) => {
    expect(estimateBody([measure(dim, value)]).flags).toEqual([]);
  });

  it('flags a hat label that contradicts the measured head girth, and uses the measurement', () => {
    const { body, flags } = estimateBody([label('hat-us', '7 5/8'), measure('headGirth', 57)]);
    expect(body.headGirth).toEqual({ min: 57, max: 57 });
    expect(flags.map((f) => f.key)).toEqual(['flag.labelContradicts']);
    expect(renderNote(flags[0]!)).toContain('7 5/8 (hat-us) means head girth');
  });

  it('only notes a label a little off the measurement (7 1/4 with a 57.3 cm head)', () => {
    const { flags, notes } = estimateBody([label('hat-us', '7 1/4'), measure('headGirth', 57.3)]);
    expect(flags).toEqual([]);
    expect(notes.map((n) => n.key)).toEqual(['reason.labelNear']);
  });

  it('uses the common ground of labels that overlap', () => {
    const { body, notes } = estimateBody([label('ru-garment', '48'), label('kr-top', '100')]);
    expect(body.chest).toEqual({ min: 97.5, max: 98 });
    expect(notes.map((n) => n.key)).toEqual(['reason.labelsCombined']);
  });

  it('uses the combined range of neighbouring labels and notes it', () => {
    const { body, notes, flags } = estimateBody([
      label('ru-garment', '46'),
      label('rok-military', '100M170'),
    ]);
    expect(flags).toEqual([]);
    expect(body.chest).toEqual({ min: 90, max: 102.5 });
    expect(notes.map((n) => n.key)).toContain('reason.labelsAdjacent');
  });

  it('flags labels far apart', () => {
    const { flags } = estimateBody([label('ru-garment', '44'), label('kr-top', '105')]);
    expect(flags.map((f) => f.key)).toEqual(['flag.labelsDisagree']);
  });

  it('flags measurements of one dimension that disagree, and averages close ones', () => {
    expect(estimateBody([measure('headGirth', 56), measure('headGirth', 58)]).flags[0]!.key).toBe(
      'flag.measurementsDisagree',
    );
    const close = estimateBody([measure('headGirth', 57), measure('headGirth', 57.6)]);
    expect(close.body.headGirth).toEqual({ min: 57.3, max: 57.3 });
    expect(close.notes[0]!.key).toBe('reason.measurementsAveraged');
  });

  it('flags unreadable labels and bad measurements but keeps the rest', () => {
    const { body, flags } = estimateBody([
      label('ru-garment', '48-'),
      label('nope', '1'),
      measure('height', Number.NaN),
      measure('chest', -3),
      measure('headGirth', 57),
    ]);
    expect(flags.map((f) => f.key)).toEqual([
      'flag.unreadableLabel',
      'flag.unreadableLabel',
      'flag.badMeasurement',
      'flag.badMeasurement',
    ]);
    expect(body).toEqual({ headGirth: { min: 57, max: 57 } });
    expect(renderNote(flags[1]!)).toContain('unknown size system "nope"');
  });
});

describe('catalogue schema', () => {
  it('accepts a variant list and refuses inverted intervals and unknown systems', () => {
    expect(catalogueItemSchema.safeParse(CAP).success).toBe(true);
    const inverted = {
      id: 'x',
      variants: [{ label: '1', system: 'kr-top', fits: { chest: { min: 5, max: 4 } } }],
    };
    expect(catalogueItemSchema.safeParse(inverted).success).toBe(false);
    const unknown = { id: 'x', variants: [{ label: '1', system: 'xx', fits: {} }] };
    expect(catalogueItemSchema.safeParse(unknown).success).toBe(false);
    const extra = {
      id: 'x',
      variants: [{ label: '1', system: 'kr-top', fits: { shoulder: { min: 1, max: 2 } } }],
    };
    expect(catalogueItemSchema.safeParse(extra).success).toBe(false);
  });
});

describe('resolveItem outside the grid', () => {
  const boots: CatalogueItem = {
    id: 'boots',
    variants: ['240', '245', '250', '295', '300'].map((l) => variantFromLabel(l, 'kr-shoe')),
  };
  const foot = (mm: number) => ({ footLength: { min: mm, max: mm } }) as Parameters<typeof resolveItem>[1];

  it('gives the nearest size to a foot far below the grid, not the largest by a tie at zero', () => {
    const fit = resolveItem(boots, foot(225));
    expect(fit.best?.label).toBe('240');
    expect(fit.runnerUp?.label).toBe('245');
    expect(fit.tie).toBe(false);
  });

  it('gives the nearest size to a foot far above the grid', () => {
    expect(resolveItem(boots, foot(320)).best?.label).toBe('300');
  });
});
