import type { UiLanguage } from '../../i18n/languages.ts';
import { InputError } from '../errors.ts';
import { type Body, roundBody } from './body.ts';
import { renderNote } from './i18n.ts';
import type { Note } from './note.ts';
import { DEFAULT_SIZE_PROFILE, type SizeProfile } from './profile.ts';
import { systemFor } from './registry.ts';
import type { LabelClaim, SystemId } from './system.ts';

/**
 * A label written in another system: the best label, the other candidates (most likely first), the body the
 * source label claims, the rule used (English) and notes explaining anything that is not a clean one-to-one
 * landing. `tie` is true when the winner was settled by the profile's tie rule.
 */
export interface Conversion {
  from: SystemId;
  /** The source label in canonical spelling. */
  label: string;
  system: SystemId;
  to: string;
  alternatives: string[];
  body: Body;
  /** The rules of both systems in English, `; `-joined; `rules` holds them as i18n notes. */
  rule: string;
  rules: Note[];
  notes: Note[];
  tie: boolean;
}

/** Labels arrive from JSON too: anything but a string is refused here rather than crashing a parser. */
function textOf(label: unknown): string {
  if (typeof label === 'string') return label;
  const kind = label === null ? 'null' : typeof label;
  throw new InputError([{ field: 'label', reason: `a label must be text, not ${kind}` }]);
}

/** Parses a label of a system, throwing an {@link InputError} (field `label`) when it is not one. */
export function parseLabel(
  label: string,
  from: string,
  profile: SizeProfile = DEFAULT_SIZE_PROFILE,
): LabelClaim {
  const r = systemFor(from, profile, 'from').parse(textOf(label));
  if (!r.ok) throw new InputError(r.errors);
  return r.value;
}

/**
 * Converts a label: parse in `from` → body intervals → format in `to`. With `to = 'body'` the body itself is
 * the answer. Unknown systems, unreadable labels and bodies the target cannot express throw
 * {@link InputError}s with one issue each.
 *
 * @example convert('48-4', 'ru-garment', 'kr-top') // { to: '95', alternatives: ['100'], … }
 */
export function convert(label: string, from: string, to: 'body', profile?: SizeProfile): Body;
export function convert(label: string, from: string, to: string, profile?: SizeProfile): Conversion;
export function convert(
  label: string,
  from: string,
  to: string,
  profile: SizeProfile = DEFAULT_SIZE_PROFILE,
): Conversion | Body {
  const source = systemFor(from, profile, 'from');
  if (to === 'body') return parseLabel(label, from, profile).body;
  const target = systemFor(to, profile, 'to');
  const claim = source.parse(textOf(label));
  if (!claim.ok) throw new InputError(claim.errors);
  const c = claim.value;
  const f = target.format(c.body, c.sex ? { sex: c.sex } : undefined);
  if (!f.ok)
    throw new InputError(f.errors.map((e) => ({ ...e, reason: `${c.label} (${source.id}) → ${e.reason}` })));
  const out = f.value;
  return {
    from: source.id,
    label: c.label,
    system: target.id,
    to: out.label,
    alternatives: out.alternatives,
    body: c.body,
    rule: source === target ? source.ruleText : `${source.ruleText}; ${target.ruleText}`,
    rules: source === target ? [source.rule] : [source.rule, target.rule],
    notes: c.notes.length ? (out.notes.length ? [...c.notes, ...out.notes] : c.notes) : out.notes,
    tie: out.tie,
  };
}

/**
 * The JSON contract of `kitout sizes convert --json` and `GET /api/sizes/convert`: the winner, the other
 * candidates, the body rounded to 2 decimals, and the rule and notes as text in `lang` (English by default).
 */
export interface ConversionAnswer {
  to: string;
  alternatives: string[];
  body: Body;
  rule: string;
  notes: string[];
}

export function conversionAnswer(c: Conversion, lang: UiLanguage = 'en'): ConversionAnswer {
  return {
    to: c.to,
    alternatives: c.alternatives,
    body: roundBody(c.body),
    rule: lang === 'en' ? c.rule : c.rules.map((r) => renderNote(r, lang)).join('; '),
    notes: c.notes.map((n) => renderNote(n, lang)),
  };
}
