import { ok, type ParseResult } from '../../result.ts';
import { type Body, setDim } from '../body.ts';
import { badLabel, beyond, cannotFormat, scalarSystem } from '../builders.ts';
import { affineGrid } from '../grid.ts';
import { renderNote } from '../i18n.ts';
import {
  CM_SUFFIX_RE,
  decimal,
  MM_SUFFIX_RE,
  normaliseLabel,
  parseAmount,
  shown,
  stripUnit,
  whyNotAmount,
} from '../label-text.ts';
import { note } from '../note.ts';
import type { SizeProfile } from '../profile.ts';
import type { Formatted, LabelClaim, SizeSystem, SystemId } from '../system.ts';

/** Foot length labels in millimetres, 100–350 mm on a 5 mm grid (ISO 9407 / DIN 66074 range 1). */
const FOOT_FROM = 100;
const FOOT_TO = 350;

const mmHint = (v: number): string | undefined =>
  v < 60
    ? 'it looks like an EU size or centimetres; write the foot length in millimetres, e.g. 270'
    : undefined;

function footMm(id: SystemId, p: SizeProfile, examples: string[]): SizeSystem {
  return scalarSystem({
    id,
    dim: 'footLength',
    from: FOOT_FROM,
    to: FOOT_TO,
    step: 5,
    toBody: (v) => v,
    label: decimal,
    unit: MM_SUFFIX_RE,
    hint: mmHint,
    stepWords: 'foot length in millimetres on a 5 mm step (265, 270, 275 …)',
    mode: p.footMetric.mode,
    tie: p.footMetric.tie,
    examples,
    rule: note(`rule.${id}`, { rounding: p.footMetric.mode, tie: p.footMetric.tie }),
  });
}

/** kr-shoe: foot length in mm, 5 mm steps (KS; figures.co.ke, threelittlepigs). */
export const krShoe = (p: SizeProfile): SizeSystem => footMm('kr-shoe', p, ['260', '265']);

/** ru-shoe: GOST 11373-88 (= ISO 3355) — size is foot length in mm, adjacent sizes 5 mm apart. */
export const ruShoe = (p: SizeProfile): SizeSystem => footMm('ru-shoe', p, ['270', '245']);

/** cn-shoe: China's 1998 sizes — foot length in cm, 0.5 cm steps (265 mm → 26.5). */
export function cnShoe(p: SizeProfile): SizeSystem {
  return scalarSystem({
    id: 'cn-shoe',
    dim: 'footLength',
    from: FOOT_FROM / 10,
    to: FOOT_TO / 10,
    step: 0.5,
    toBody: (v) => v * 10,
    label: decimal,
    unit: CM_SUFFIX_RE,
    hint: (v) => (v >= 100 ? 'it looks like millimetres; write 26.5 for 265 mm, or use kr-shoe' : undefined),
    stepWords: 'foot length in centimetres on a 0.5 cm step (26, 26.5, 27 …)',
    mode: p.footMetric.mode,
    tie: p.footMetric.tie,
    examples: ['26.5', '27'],
    rule: note('rule.cn-shoe', { rounding: p.footMetric.mode, tie: p.footMetric.tie }),
  });
}

const MONDO_RE = /^(\d{1,4})(?:\s?(?:mm|мм))?(?:\s?\/\s?(\d{1,4})(?:\s?(?:mm|мм))?)?$/i;

/**
 * mondopoint: ISO 9407 foot length in mm, optionally with foot width (`280/110`, NATO / de.wikipedia
 * "Mondopoint"). Length on the 5 mm grid; width 60–150 mm, also on a 5 mm grid — an assumption: the sources
 * give the notation but no width step.
 */
export function mondopoint(p: SizeProfile): SizeSystem {
  const id: SystemId = 'mondopoint';
  const { mode, tie } = p.footMetric;
  const length = affineGrid({
    dim: 'footLength',
    from: FOOT_FROM,
    to: FOOT_TO,
    step: 5,
    toBody: (v) => v,
    label: decimal,
    mode,
    tie,
  });
  const width = affineGrid({
    dim: 'footWidth',
    from: 60,
    to: 150,
    step: 5,
    toBody: (v) => v,
    label: decimal,
    mode,
    tie,
  });
  const rule = note('rule.mondopoint', { rounding: mode, tie });

  function parse(text: string): ParseResult<LabelClaim> {
    const t = normaliseLabel(text);
    const m = MONDO_RE.exec(t);
    if (!m) {
      if (t.includes('/'))
        return badLabel(id, `${shown(t)} is not length/width in millimetres, e.g. 280/110`);
      const bare = stripUnit(t, MM_SUFFIX_RE);
      if (!Number.isNaN(parseAmount(bare)))
        return badLabel(id, `${shown(bare)} is not whole millimetres on the 5 mm grid`);
      return badLabel(id, whyNotAmount(bare));
    }
    const body: Body = {};
    const l = length.indexOfValue(Number(m[1]));
    if (l < 0) {
      const hint = mmHint(Number(m[1]));
      return badLabel(id, `length ${m[1]} is not on the 5 mm grid 100 to 350${hint ? ` (${hint})` : ''}`);
    }
    const lb = length.bands[l]!;
    setDim(body, 'footLength', lb.min, lb.max);
    let label = lb.label;
    if (m[2] !== undefined) {
      const w = width.indexOfValue(Number(m[2]));
      if (w < 0) return badLabel(id, `width ${m[2]} is not on the 5 mm grid 60 to 150`);
      const wb = width.bands[w]!;
      setDim(body, 'footWidth', wb.min, wb.max);
      label = `${lb.label}/${wb.label}`;
    }
    return ok({ system: id, label, body, notes: [] });
  }

  function format(body: Body): ParseResult<Formatted> {
    const l = body.footLength;
    if (!l) return cannotFormat(id, 'needs footLength');
    const lp = length.pick(l.min, l.max);
    if (!lp) return cannotFormat(id, beyond(length, l.min, l.max));
    const ll = length.bands[lp.best]!.label;
    const w = body.footWidth;
    if (!w) {
      return ok({
        label: ll,
        alternatives: lp.others.map((k) => length.bands[k]!.label),
        tie: lp.tie,
        notes: lp.notes,
      });
    }
    const wp = width.pick(w.min, w.max);
    if (!wp) return cannotFormat(id, beyond(width, w.min, w.max));
    const wl = width.bands[wp.best]!.label;
    const alternatives = [
      ...lp.others.map((k) => `${length.bands[k]!.label}/${wl}`),
      ...wp.others.map((k) => `${ll}/${width.bands[k]!.label}`),
    ];
    return ok({
      label: `${ll}/${wl}`,
      alternatives,
      tie: lp.tie || wp.tie,
      notes: [...lp.notes, ...wp.notes],
    });
  }

  return {
    id,
    dimensions: ['footLength', 'footWidth'],
    examples: ['280', '280/110'],
    rule,
    ruleText: renderNote(rule),
    parse,
    format,
    labels: () => length.bands.map((b) => b.label),
  };
}
