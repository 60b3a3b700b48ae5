import { ok, type ParseResult } from '../../result.ts';
import { type Body, setDim } from '../body.ts';
import { badLabel, beyond, cannotFormat } from '../builders.ts';
import { affineGrid, Grid } from '../grid.ts';
import { renderNote } from '../i18n.ts';
import { decimal, normaliseLabel, parseAmount, shown, whyNotAmount } from '../label-text.ts';
import { type Note, note, num } from '../note.ts';
import type { SizeProfile } from '../profile.ts';
import type { Formatted, LabelClaim, SizeSystem } from '../system.ts';

const RU_RE = /^(\d{1,3})(?:\s?-\s?(.*))?$/;
const DIGITS_RE = /^\d{1,2}$/;

/**
 * ru-garment: `48` or `48-4`. The size is half the chest girth in cm (48 ⇔ chest 96; taier.by, lifter.com.ua),
 * even numbers 36–80, so one size covers 4 cm of chest; the optional second number is the height group
 * ("рост"), whose bands are a size-profile table (default 1–6 = 155–161 … 185–191 cm; the centres 158 … 188
 * are the GOST 24912-81 typical heights, the bands are convention).
 */
export function ruGarment(p: SizeProfile): SizeSystem {
  const { mode, tie } = p.garment;
  const chest = affineGrid({
    dim: 'chest',
    from: 36,
    to: 80,
    step: 2,
    toBody: (n) => 2 * n,
    label: decimal,
    mode,
    tie,
  });
  const height = new Grid(
    'height',
    p.ruHeightGroups.map((g) => ({ label: String(g.group), value: g.group, min: g.min, max: g.max })),
    p.ruHeightTie,
  );
  const groups = p.ruHeightGroups.map((g) => `${g.group}: ${g.min}–${g.max}`).join(', ');
  const rule = note('rule.ru-garment', { groups, heightTie: p.ruHeightTie, rounding: mode, tie });
  const groupWords = `${height.first.label}–${height.last.label}`;

  function parse(text: string): ParseResult<LabelClaim> {
    const t = normaliseLabel(text);
    const m = RU_RE.exec(t);
    if (!m) {
      const why = Number.isNaN(parseAmount(t)) ? whyNotAmount(t) : `${shown(t)} is not a whole size`;
      return badLabel('ru-garment', `${why}; expected a size like 48 or 48-4`);
    }
    const size = Number(m[1]);
    if (size < 36 || size > 80) return badLabel('ru-garment', `${size} is outside its range 36 to 80`);
    const c = chest.indexOfValue(size);
    if (c < 0)
      return badLabel('ru-garment', `${size} is odd; sizes are half the chest girth, step 2 (46, 48, 50 …)`);
    const cb = chest.bands[c]!;
    const body: Body = setDim({}, 'chest', cb.min, cb.max);
    const g = m[2];
    if (g === undefined) return ok({ system: 'ru-garment', label: cb.label, body, notes: [] });
    if (g === '')
      return badLabel('ru-garment', `${shown(t)} ends with "-": the height group is missing (e.g. 48-4)`);
    if (!DIGITS_RE.test(g))
      return badLabel('ru-garment', `${shown(g)} is not a height group number (e.g. 48-4)`);
    const h = height.indexOfValue(Number(g));
    if (h < 0) {
      const range = Number(g) >= 36 ? `; ${shown(t)} looks like a size range, give one size` : '';
      return badLabel(
        'ru-garment',
        `height group ${Number(g)} is not in the size profile (groups ${groupWords})${range}`,
      );
    }
    const hb = height.bands[h]!;
    setDim(body, 'height', hb.min, hb.max);
    return ok({ system: 'ru-garment', label: `${cb.label}-${hb.label}`, body, notes: [] });
  }

  function format(body: Body): ParseResult<Formatted> {
    const c = body.chest;
    if (!c) return cannotFormat('ru-garment', 'needs chest');
    const cp = chest.pick(c.min, c.max);
    if (!cp) return cannotFormat('ru-garment', beyond(chest, c.min, c.max));
    const size = chest.bands[cp.best]!.label;
    const sizes = cp.others.map((k) => chest.bands[k]!.label);
    const h = body.height;
    if (!h) return ok({ label: size, alternatives: sizes, tie: cp.tie, notes: cp.notes });
    const hp = height.pick(h.min, h.max);
    if (!hp) {
      const why: Note = note('note.heightOutsideGroups', {
        min: num(h.min),
        max: num(h.max),
        groups: groupWords,
      });
      return ok({ label: size, alternatives: sizes, tie: cp.tie, notes: [...cp.notes, why] });
    }
    const group = height.bands[hp.best]!.label;
    return ok({
      label: `${size}-${group}`,
      alternatives: [
        ...sizes.map((s) => `${s}-${group}`),
        ...hp.others.map((k) => `${size}-${height.bands[k]!.label}`),
      ],
      tie: cp.tie || hp.tie,
      notes: cp.notes.length || hp.notes.length ? [...cp.notes, ...hp.notes] : cp.notes,
    });
  }

  function labels(): string[] {
    return chest.bands.flatMap((c) => [c.label, ...height.bands.map((h) => `${c.label}-${h.label}`)]);
  }

  return {
    id: 'ru-garment',
    dimensions: ['chest', 'height'],
    examples: ['48', '48-4'],
    rule,
    ruleText: renderNote(rule),
    parse,
    format,
    labels,
  };
}
