import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { bodyPartOf, sizeChart } from './chart.ts';
import { parseSizeProfile } from './profile.ts';
import { systemsFor } from './registry.ts';

const row = (chart: ReturnType<typeof sizeChart>, label: string) => {
  const r = chart.rows.find((x) => x.label === label);
  if (!r) throw new Error(`no row ${label}`);
  return Object.fromEntries(r.cells.map((c) => [c.system, c]));
};

describe('bodyPartOf', () => {
  it('groups the 17 systems into 4 head, 5 torso and 8 foot systems', () => {
    const parts = [...systemsFor().values()].map(bodyPartOf);
    expect(parts.filter((p) => p === 'head')).toHaveLength(4);
    expect(parts.filter((p) => p === 'torso')).toHaveLength(5);
    expect(parts.filter((p) => p === 'foot')).toHaveLength(8);
  });
});

describe('sizeChart', () => {
  it('lists every label of ru-garment against the other torso systems', () => {
    const chart = sizeChart('ru-garment');
    expect(chart.part).toBe('torso');
    expect(chart.columns).toEqual(['kr-top', 'kr-top-letter', 'kr-women-legacy', 'rok-military']);
    // 23 chest sizes 36–80, each alone and with the six height groups.
    expect(chart.rows).toHaveLength(23 * 7);
    expect(chart.rows.map((r) => r.label).slice(0, 3)).toEqual(['36', '36-1', '36-2']);
  });

  it('converts 48-4 as the CLI does, marking the landings that span two labels', () => {
    const chart = sizeChart('ru-garment');
    expect(chart.rows.find((r) => r.label === '48-4')?.body).toEqual({
      chest: { min: 94, max: 98 },
      height: { min: 173, max: 179 },
    });
    const cells = row(chart, '48-4');
    expect(cells['kr-top']).toMatchObject({ label: '95', alternatives: ['100'], marks: ['spans'] });
    expect(cells['rok-military']).toMatchObject({ label: '95M175', marks: ['spans'] });
    expect(cells['kr-women-legacy']).toMatchObject({ label: '88', marks: ['partly'] });
  });

  it('says why a cell is empty instead of inventing a label', () => {
    const cells = row(sizeChart('ru-garment'), '48');
    expect(cells['rok-military']).toMatchObject({ label: null, error: expect.stringMatching(/height/) });
    expect(row(sizeChart('ru-garment'), '80-6')['kr-top']?.error).toMatch(/beyond its labels/);
  });

  it('marks a tie settled by the profile rule, and follows the profile when the rule changes', () => {
    // kr-top-letter S is chest 87.5–92.5: half in ru 44 (86–90), half in ru 46 (90–94).
    expect(row(sizeChart('kr-top-letter'), 'S')['ru-garment']).toMatchObject({
      label: '46',
      alternatives: ['44'],
      tie: true,
      marks: ['tie'],
    });
    const smaller = parseSizeProfile({ garment: { tie: 'smaller' } });
    if (!smaller.ok) throw new Error('profile');
    expect(row(sizeChart('kr-top-letter', smaller.value), 'S')['ru-garment']?.label).toBe('44');
  });

  it('marks a landing between two height groups of a table with a gap', () => {
    const gappy = parseSizeProfile({
      ruHeightGroups: [
        { group: 1, min: 150, max: 156 },
        { group: 2, min: 166, max: 172 },
      ],
    });
    if (!gappy.ok) throw new Error('profile');
    // rok-military 95M160 claims height 157.5–162.5, wholly in the gap 156–166; 160 is nearer 156.
    const cell = row(sizeChart('rok-military', gappy.value), '95M160')['ru-garment'];
    expect(cell?.label).toBe('48-1');
    expect(cell?.alternatives).toContain('48-2');
    expect(cell?.marks).toEqual(['between', 'spans']);
    expect(cell?.notes.map((n) => n.key)).toContain('note.between');
  });

  it('keeps the foot systems together, with the profile allowance in every last-based column', () => {
    const eu42 = row(sizeChart('eu-shoe'), '42');
    expect(eu42['us-shoe-men']?.label).toBe('9');
    expect(eu42['uk-shoe']?.label).toBe('8');
    expect(eu42['kr-shoe']?.label).toBe('265');
    const noAllowance = parseSizeProfile({ footToLastMm: 0 });
    if (!noAllowance.ok) throw new Error('profile');
    expect(row(sizeChart('eu-shoe', noAllowance.value), '42')['kr-shoe']?.label).toBe('280');
  });

  it('refuses an unknown system, naming the field', () => {
    try {
      sizeChart('eu-hat');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).issues[0]).toMatchObject({ field: 'system' });
    }
  });
});
