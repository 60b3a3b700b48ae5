import type { Expr } from '../forms/expression-types.ts';

/**
 * A text question whose constraint is a simple, anchored `regex()` can be bubbled: `^(4[02468]|…|7[02])-[1-6]$`
 * (a Russian garment size and height group, `48-4`) becomes a choice of 17 sizes, the fixed `-`, and a choice of
 * six height groups; `^[0-9]{2,3}[MF][0-9]{3}$` (`100M170`) becomes a three-digit grid, an M/F choice and another
 * three-digit grid. Anything the small regex subset below cannot turn into a modest number of bubbles stays
 * a write-in box, read by a person.
 */
export type PatternPart =
  | { kind: 'literal'; text: string }
  | { kind: 'choice'; values: string[]; optional: boolean }
  | { kind: 'digits'; digits: number; min: number };

/** Bounds that keep a printed pattern readable: one choice row, and the whole field. */
const MAX_CHOICES = 40;
const MAX_BUBBLES = 120;
const MAX_DIGITS = 8;
/** More pieces than this is a code to write, not a size to mark. */
const MAX_PARTS = 8;
const MAX_PATTERN = 200;

/** The first `regex(., '…')` in a constraint's `and` chain, if any. */
export function regexOf(tree: Expr | undefined): string | undefined {
  if (!tree) return undefined;
  if (tree.kind === 'call' && tree.name === 'regex' && tree.args[0]?.kind === 'self') {
    const p = tree.args[1];
    return p?.kind === 'string' ? p.value : undefined;
  }
  if (tree.kind === 'binary' && tree.op === 'and') return regexOf(tree.left) ?? regexOf(tree.right);
  return undefined;
}

interface Atom {
  /** Every string the atom matches once. */
  strings: string[];
  /** Whether the atom is exactly the ten digits. */
  digit: boolean;
  min: number;
  max: number;
}

/** The parts for a pattern, or undefined when it cannot be bubbled. Never throws, whatever the input. */
export function compilePattern(pattern: string): PatternPart[] | undefined {
  if (pattern.length > MAX_PATTERN || !pattern.startsWith('^') || !pattern.endsWith('$')) return undefined;
  const body = pattern.slice(1, -1);
  const atoms = parseSequence(body, { pos: 0 }, false);
  if (!atoms) return undefined;
  const parts: PatternPart[] = [];
  for (const atom of atoms) {
    const fixed = atom.strings.length === 1 && atom.min === atom.max;
    if (fixed) {
      const text = atom.strings[0]!.repeat(atom.min);
      const last = parts.at(-1);
      if (last?.kind === 'literal') last.text += text;
      else if (text) parts.push({ kind: 'literal', text });
      continue;
    }
    if (atom.digit && (atom.max > 1 || atom.min === 1)) {
      if (atom.max > MAX_DIGITS) return undefined;
      parts.push({ kind: 'digits', digits: atom.max, min: atom.min });
      continue;
    }
    if (atom.strings.length > MAX_CHOICES || atom.max > 4) return undefined;
    for (let i = 0; i < atom.max; i++)
      parts.push({ kind: 'choice', values: atom.strings, optional: i >= atom.min });
  }
  const bubbles = parts.reduce(
    (n, p) => n + (p.kind === 'choice' ? p.values.length : p.kind === 'digits' ? p.digits * 10 : 0),
    0,
  );
  if (bubbles === 0 || bubbles > MAX_BUBBLES) return undefined;
  if (parts.filter((p) => p.kind !== 'literal').length > MAX_PARTS) return undefined;
  return parts;
}

/** Parses atoms until the end (or a `)` / `|` inside a group). */
function parseSequence(src: string, at: { pos: number }, inGroup: boolean): Atom[] | undefined {
  const atoms: Atom[] = [];
  while (at.pos < src.length) {
    const ch = src[at.pos]!;
    if (inGroup && (ch === ')' || ch === '|')) break;
    const atom = parseAtom(src, at);
    if (!atom) return undefined;
    const q = parseQuantifier(src, at);
    if (!q) return undefined;
    atoms.push({ ...atom, ...q });
  }
  return atoms;
}

function parseAtom(src: string, at: { pos: number }): Omit<Atom, 'min' | 'max'> | undefined {
  const ch = src[at.pos]!;
  if (ch === '[') return parseClass(src, at);
  if (ch === '(') return parseGroup(src, at);
  if (ch === '\\') {
    const next = src[at.pos + 1];
    at.pos += 2;
    if (next === 'd') return digitAtom();
    if (next !== undefined && /[-.()[\]{}|?*+^$\\/ ]/.test(next)) return { strings: [next], digit: false };
    return undefined;
  }
  if (/[.*+?{}|)^$\]]/.test(ch)) return undefined;
  at.pos++;
  return { strings: [ch], digit: false };
}

const digitAtom = () => ({ strings: '0123456789'.split(''), digit: true });

function parseClass(src: string, at: { pos: number }): Omit<Atom, 'min' | 'max'> | undefined {
  const end = src.indexOf(']', at.pos + 1);
  if (end < 0) return undefined;
  const inner = src.slice(at.pos + 1, end);
  at.pos = end + 1;
  if (inner === '' || inner.startsWith('^')) return undefined;
  const chars = new Set<string>();
  const items = Array.from(inner);
  for (let i = 0; i < items.length; i++) {
    let c = items[i]!;
    if (c === '\\') {
      const e = items[++i];
      if (e === 'd') {
        for (const d of '0123456789') chars.add(d);
        continue;
      }
      if (e === undefined || /[a-zA-Z0-9]/.test(e)) return undefined;
      c = e;
    }
    if (items[i + 1] === '-' && items[i + 2] !== undefined) {
      const to = items[i + 2]!;
      const from = c.codePointAt(0)!;
      const last = to.codePointAt(0)!;
      if (last < from || last - from > MAX_CHOICES) return undefined;
      for (let cp = from; cp <= last; cp++) chars.add(String.fromCodePoint(cp));
      i += 2;
    } else chars.add(c);
  }
  const strings = [...chars].sort();
  return { strings, digit: strings.join('') === '0123456789' };
}

function parseGroup(src: string, at: { pos: number }): Omit<Atom, 'min' | 'max'> | undefined {
  at.pos++;
  if (src.startsWith('?:', at.pos)) at.pos += 2;
  const strings: string[] = [];
  for (;;) {
    const atoms = parseSequence(src, at, true);
    if (!atoms) return undefined;
    let options = [''];
    for (const atom of atoms) {
      const next: string[] = [];
      for (const prefix of options) {
        for (let n = atom.min; n <= atom.max; n++) {
          for (const s of repeatAll(atom.strings, n)) next.push(prefix + s);
          if (next.length > MAX_CHOICES) return undefined;
        }
      }
      options = next;
    }
    strings.push(...options);
    if (strings.length > MAX_CHOICES) return undefined;
    const ch = src[at.pos];
    at.pos++;
    if (ch === ')') break;
    if (ch !== '|') return undefined;
  }
  const unique = [...new Set(strings)];
  return { strings: unique, digit: false };
}

function repeatAll(strings: string[], n: number): string[] {
  let out = [''];
  for (let i = 0; i < n; i++) out = out.flatMap((p) => strings.map((s) => p + s));
  return out;
}

function parseQuantifier(src: string, at: { pos: number }): { min: number; max: number } | undefined {
  const ch = src[at.pos];
  if (ch === '?') {
    at.pos++;
    return { min: 0, max: 1 };
  }
  if (ch === '*' || ch === '+') return undefined;
  if (ch !== '{') return { min: 1, max: 1 };
  const m = /^\{(\d{1,2})(?:,(\d{1,2}))?\}/.exec(src.slice(at.pos));
  if (!m) return undefined;
  at.pos += m[0].length;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return max >= min && max > 0 ? { min, max } : undefined;
}

/**
 * The text a person marked in a pattern's parts, or why it is not whole. `parts[i]` is the marked value of
 * part i: a string for a choice (undefined when blank), digits for a grid (undefined columns blank).
 */
export function assemblePattern(
  parts: readonly PatternPart[],
  marked: readonly (string | (number | undefined)[] | undefined)[],
): { ok: true; text: string } | { ok: false } {
  let text = '';
  let any = false;
  let missing = false;
  parts.forEach((part, i) => {
    const m = marked[i];
    if (part.kind === 'literal') {
      text += part.text;
      return;
    }
    if (part.kind === 'choice') {
      if (typeof m === 'string') {
        text += m;
        any = true;
      } else if (!part.optional) missing = true;
      return;
    }
    const columns = Array.isArray(m) ? m : [];
    const first = columns.findIndex((d) => d !== undefined);
    if (first < 0) {
      missing = true;
      return;
    }
    const rest = columns.slice(first);
    // Blank leading columns are fine (95 in a three-digit grid); a gap or too few digits is not.
    if (rest.some((d) => d === undefined) || rest.length < part.min) {
      any = true;
      missing = true;
      return;
    }
    text += rest.join('');
    any = true;
  });
  if (!any) return { ok: true, text: '' };
  return missing ? { ok: false } : { ok: true, text };
}
