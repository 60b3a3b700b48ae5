import { describe, expect, it } from 'vitest';
import { parseLayoutFile } from './layout-file.ts';

const page = (extra: Record<string, unknown> = {}) => ({
  index: 0,
  person: 'P-000101',
  page: 1,
  width: 595.28,
  height: 841.89,
  fiducials: [
    { x: 26, y: 26, r: 7 },
    { x: 569, y: 26, r: 7 },
    { x: 569, y: 815, r: 7 },
    { x: 26, y: 815, r: 7 },
  ],
  qr: { x: 519, y: 64, size: 60 },
  bubbles: [
    { field: 'hat_size', value: '57', x: 60, y: 200, r: 5 },
    { field: 'height', digit: 0, digits: 4, decimals: 1, value: '1', x: 80, y: 300, r: 4.4 },
  ],
  ...extra,
});
const file = (pages: unknown[], extra: Record<string, unknown> = {}) => ({
  format: 'kitout-layout',
  version: 1,
  unit: 'pt',
  pages,
  ...extra,
});

describe('parseLayoutFile', () => {
  it('accepts the DESIGN shape and keeps unknown keys out of the way', () => {
    const r = parseLayoutFile(file([page({ futureKey: true })], { producer: 'another tool' }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.pages[0]!.bubbles[1]).toMatchObject({ digit: 0, digits: 4, decimals: 1 });
  });

  it('accepts the Kitout extensions', () => {
    const r = parseLayoutFile(
      file([page({ writeIns: [{ field: 'note', left: 40, top: 500, width: 200, height: 26 }] })], {
        form: { id: 'kitout-sizing', version: '1' },
        fields: [
          { field: 'size', kind: 'pattern', parts: [{ kind: 'choice' }, { kind: 'literal', text: '-' }] },
        ],
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('names the JSON path of what is wrong', () => {
    const r = parseLayoutFile(file([page({ fiducials: [] })]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^pages\.0\.fiducials/);
    const wrongFormat = parseLayoutFile({ ...file([]), format: 'other' });
    expect(wrongFormat.ok || wrongFormat.errors[0]).toMatch(/format/);
    const wrongUnit = parseLayoutFile({ ...file([]), unit: 'mm' });
    expect(wrongUnit.ok).toBe(false);
  });

  it('refuses a digit bubble without its grid, a digit outside the grid, and a page twice', () => {
    const lonely = parseLayoutFile(
      file([page({ bubbles: [{ field: 'h', digit: 1, value: '1', x: 1, y: 1, r: 1 }] })]),
    );
    expect(lonely.ok || lonely.errors[0]).toMatch(/go together/);
    const outside = parseLayoutFile(
      file([
        page({ bubbles: [{ field: 'h', digit: 4, digits: 4, decimals: 1, value: '1', x: 1, y: 1, r: 1 }] }),
      ]),
    );
    expect(outside.ok || outside.errors[0]).toMatch(/outside a grid/);
    const twice = parseLayoutFile(file([page(), page({ index: 1 })]));
    expect(twice.ok || twice.errors[0]).toMatch(/appears twice/);
  });

  it('refuses hostile values: negative radius, NaN, non-objects', () => {
    expect(parseLayoutFile(file([page({ qr: { x: 1, y: 1, size: -3 } })])).ok).toBe(false);
    expect(parseLayoutFile(file([page({ width: Number.NaN })])).ok).toBe(false);
    expect(parseLayoutFile(null).ok).toBe(false);
    expect(parseLayoutFile('kitout-layout').ok).toBe(false);
    expect(parseLayoutFile([]).ok).toBe(false);
  });
});
