import { ok, type ParseResult } from '../../result.ts';
import { type Body, setDim } from '../body.ts';
import { badLabel, beyond, cannotFormat, scalarSystem, tableSystem } from '../builders.ts';
import { affineGrid, Grid } from '../grid.ts';
import { renderNote } from '../i18n.ts';
import { decimal, normaliseLabel, shown } from '../label-text.ts';
import { note } from '../note.ts';
import type { SizeProfile } from '../profile.ts';
import type { FormatHints, Formatted, LabelClaim, Sex, SizeSystem } from '../system.ts';

/**
 * kr-top: KS K 0050/0051 tops are labelled by chest girth in cm (90 / 95 / 100 / 105), 5 cm intervals for
 * non-fitted garments (digitalchosun 2017; ohmynews). Range 70–150.
 */
export function krTop(p: SizeProfile): SizeSystem {
  const { mode, tie } = p.garment;
  return scalarSystem({
    id: 'kr-top',
    dim: 'chest',
    from: 70,
    to: 150,
    step: 5,
    toBody: (v) => v,
    label: decimal,
    stepWords: 'chest girth in cm on a 5 cm step (90, 95, 100 …)',
    mode,
    tie,
    examples: ['95', '100'],
    rule: note('rule.kr-top', { rounding: mode, tie }),
  });
}

/**
 * kr-top-letter: Korean commerce letters for men's tops, XS=85 … 3XL=115 cm chest (reference sheet §5: a
 * shop convention, not KS text). Each letter is a 5 cm band centred on its chest figure.
 */
export function krTopLetter(p: SizeProfile): SizeSystem {
  const bands = ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL'].map((label, i) => ({
    label,
    value: 85 + 5 * i,
    min: 82.5 + 5 * i,
    max: 87.5 + 5 * i,
  }));
  return tableSystem({
    id: 'kr-top-letter',
    grid: new Grid('chest', bands, p.garment.tie),
    aliases: { '2XL': 'XXL', XXXL: '3XL' },
    examples: ['M', 'XL'],
    rule: note('rule.kr-top-letter', { tie: p.garment.tie }),
  });
}

const LEGACY = [44, 55, 66, 77, 88];

/**
 * kr-women-legacy: 44/55/66/77/88 (1981, abolished 1999, still used). 55 = height 155 + chest 85; each
 * step +5 cm height, +3 cm chest (digitalchosun 2017, ohmynews; Hankyung 1996 reads the digits differently
 * and is not followed). Chest decides the label; a height pointing elsewhere is reported as an alternative.
 */
export function krWomenLegacy(p: SizeProfile): SizeSystem {
  const { mode, tie } = p.garment;
  const spec = { from: 44, to: 88, step: 11, label: decimal, mode, tie };
  const chest = affineGrid({ ...spec, dim: 'chest', toBody: (v) => 82 + ((v - 44) / 11) * 3 });
  const height = affineGrid({ ...spec, dim: 'height', toBody: (v) => 150 + ((v - 44) / 11) * 5 });
  const rule = note('rule.kr-women-legacy', { rounding: mode, tie });

  function parse(text: string): ParseResult<LabelClaim> {
    const t = normaliseLabel(text);
    const v = Number(t);
    if (!/^\d{2}$/.test(t) || !LEGACY.includes(v)) {
      return badLabel(
        'kr-women-legacy',
        `${shown(t)} is not one of 44, 55, 66, 77, 88${t === '' ? ' (the label is empty)' : ''}`,
      );
    }
    const i = chest.indexOfValue(v);
    const body: Body = {};
    setDim(body, 'chest', chest.bands[i]!.min, chest.bands[i]!.max);
    setDim(body, 'height', height.bands[i]!.min, height.bands[i]!.max);
    return ok({ system: 'kr-women-legacy', label: t, body, notes: [] });
  }

  function format(body: Body): ParseResult<Formatted> {
    const primary = body.chest ? chest : height;
    const i = body[primary.dim];
    if (!i) return cannotFormat('kr-women-legacy', 'needs chest or height');
    const lp = primary.pick(i.min, i.max);
    if (!lp) return cannotFormat('kr-women-legacy', beyond(primary, i.min, i.max));
    const label = primary.bands[lp.best]!.label;
    const alternatives = lp.others.map((k) => primary.bands[k]!.label);
    const h = body.height;
    if (primary === height || !h) return ok({ label, alternatives, tie: lp.tie, notes: lp.notes });
    // Chest decides; a height that points to another label is a second candidate, said out loud.
    const hp = height.pick(h.min, h.max);
    const byHeight = hp ? height.bands[hp.best]!.label : undefined;
    if (byHeight === label) return ok({ label, alternatives, tie: lp.tie, notes: lp.notes });
    if (byHeight !== undefined && !alternatives.includes(byHeight)) alternatives.push(byHeight);
    const why = note('note.dimsDisagree', { dimA: 'chest', a: label, dimB: 'height', b: byHeight ?? '—' });
    return ok({ label, alternatives, tie: lp.tie, notes: [...lp.notes, why] });
  }

  return {
    id: 'kr-women-legacy',
    dimensions: ['chest', 'height'],
    examples: ['55', '66'],
    rule,
    ruleText: renderNote(rule),
    parse,
    format,
    labels: () => LEGACY.map(String),
  };
}

const ROK_RE = /^(\d{2,3})\s?([A-Za-z])\s?(\d{3})$/;
const ROK_LOOSE_RE = /^(\d{2,3})\s?(\D+?)\s?(\d{2,3})$/;

/**
 * rok-military: chest cm + sex letter + height cm, e.g. `100M170` (ROK forces since June 2003: donga.com,
 * seoul.co.kr). Only the M example is sourced; F for female is an assumption. Chest 80–130 and height
 * 145–200 on 5 cm steps (KS non-fitted interval; the sources give no step).
 */
export function rokMilitary(p: SizeProfile): SizeSystem {
  const { mode, tie } = p.garment;
  const chest = affineGrid({
    dim: 'chest',
    from: 80,
    to: 130,
    step: 5,
    toBody: (v) => v,
    label: decimal,
    mode,
    tie,
  });
  const height = affineGrid({
    dim: 'height',
    from: 145,
    to: 200,
    step: 5,
    toBody: (v) => v,
    label: decimal,
    mode,
    tie,
  });
  const rule = note('rule.rok-military', { rounding: mode, tie, sex: p.rokDefaultSex });

  function parse(text: string): ParseResult<LabelClaim> {
    const t = normaliseLabel(text);
    const m = ROK_RE.exec(t);
    if (!m) {
      const loose = ROK_LOOSE_RE.exec(t);
      if (loose)
        return badLabel('rok-military', `${shown(loose[2]!)} in ${shown(t)} is not a sex letter (M or F)`);
      return badLabel(
        'rok-military',
        `${t === '' ? 'the label is empty' : `${shown(t)} is not chest-sex-height`}; expected e.g. 100M170`,
      );
    }
    const sex = m[2]!.toUpperCase();
    if (sex !== 'M' && sex !== 'F')
      return badLabel('rok-military', `"${m[2]}" in ${shown(t)} is not a sex letter (M or F)`);
    const c = chest.indexOfValue(Number(m[1]));
    if (c < 0) return badLabel('rok-military', `chest ${m[1]} is not on the 5 cm grid 80 to 130`);
    const h = height.indexOfValue(Number(m[3]));
    if (h < 0) return badLabel('rok-military', `height ${m[3]} is not on the 5 cm grid 145 to 200`);
    const cb = chest.bands[c]!;
    const hb = height.bands[h]!;
    const body: Body = {};
    setDim(body, 'chest', cb.min, cb.max);
    setDim(body, 'height', hb.min, hb.max);
    return ok({
      system: 'rok-military',
      label: `${cb.label}${sex}${hb.label}`,
      body,
      sex: sex as Sex,
      notes: [],
    });
  }

  function format(body: Body, hints?: FormatHints): ParseResult<Formatted> {
    const c = body.chest;
    const h = body.height;
    if (!c || !h)
      return cannotFormat(
        'rok-military',
        `needs chest and height${c ? '' : ' (chest missing)'}${h ? '' : ' (height missing)'}`,
      );
    const cp = chest.pick(c.min, c.max);
    if (!cp) return cannotFormat('rok-military', beyond(chest, c.min, c.max));
    const hp = height.pick(h.min, h.max);
    if (!hp) return cannotFormat('rok-military', beyond(height, h.min, h.max));
    const sex = hints?.sex ?? p.rokDefaultSex;
    const cl = chest.bands[cp.best]!.label;
    const hl = height.bands[hp.best]!.label;
    const notes = [...cp.notes, ...hp.notes];
    if (!hints?.sex) notes.push(note('note.sexAssumed', { sex }));
    return ok({
      label: `${cl}${sex}${hl}`,
      alternatives: [
        ...cp.others.map((k) => `${chest.bands[k]!.label}${sex}${hl}`),
        ...hp.others.map((k) => `${cl}${sex}${height.bands[k]!.label}`),
      ],
      tie: cp.tie || hp.tie,
      notes,
    });
  }

  function labels(): string[] {
    return chest.bands.flatMap((c) =>
      height.bands.flatMap((h) => [`${c.label}M${h.label}`, `${c.label}F${h.label}`]),
    );
  }

  return {
    id: 'rok-military',
    dimensions: ['chest', 'height'],
    examples: ['100M170', '90F160'],
    rule,
    ruleText: renderNote(rule),
    parse,
    format,
    labels,
  };
}
