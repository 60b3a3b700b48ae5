import type { ReviewReason } from '../../../src/domain/paper/field-reading.ts';
import type { Bubble, LayoutField, LayoutPage } from '../../../src/domain/paper/layout-file.ts';
import { STYLE } from '../../../src/domain/paper/page-plan.ts';
import type { GreyImage } from '../../../src/domain/paper/raster.ts';
import type { Intended } from './answers.ts';
import { crossCircle, markCircle, type Pen, scribble, speck } from './pen.ts';

/** What reading a field should give: an answer ('' = blank), or a review. */
export type Truth = { answer: string } | { review: ReviewReason };

/** How a person fills a page: their pen, how neatly, and how often they slip. */
export interface Hand {
  pen: Pen;
  /** Share of each circle covered (1 = fully); below 1 some circles are filled partly. */
  coverage: () => number;
  /** Chance of a cancelled mark (X) next to the right one, of two marks, per choice. */
  crossRate: number;
  doubleRate: number;
  /** Stray specks per page. */
  specks: number;
}

/**
 * Fills one printed page (pixels at `dpi`) as the person would, and says what each field should read as.
 * Slips — a crossed-out mark, a second mark — happen only on fields no other question hangs on, so what
 * the form rules expect of the other fields stays clear.
 */
export function fillPage(
  img: GreyImage,
  dpi: number,
  page: LayoutPage,
  fields: readonly LayoutField[],
  intended: Intended,
  required: ReadonlySet<string>,
  controllers: ReadonlySet<string>,
  hand: Hand,
): Map<string, Truth> {
  const s = dpi / 72;
  const { pen, rng } = { pen: hand.pen, rng: hand.pen.rng };
  const truth = new Map<string, Truth>();
  const byField = new Map<string, Bubble[]>();
  for (const b of page.bubbles) {
    const list = byField.get(b.field) ?? [];
    list.push(b);
    byField.set(b.field, list);
  }
  const kinds = new Map(fields.map((f) => [f.field, f]));
  const fill = (b: Bubble, coverage = hand.coverage()) =>
    markCircle(img, b.x * s, b.y * s, b.r * s, pen, coverage);
  const boxOf = (b: Bubble, rows: Bubble[]) => {
    // The handwriting box sits above a grid column: its bottom 5 pt above the column's first row.
    const top = Math.min(...rows.map((r) => r.y)) - STYLE.row / 2 - 5 - STYLE.box;
    return {
      left: (b.x - STYLE.column / 2 + 2) * s,
      top: top * s,
      width: (STYLE.column - 4) * s,
      height: STYLE.box * s,
    };
  };

  for (const [field, bubbles] of byField) {
    const kind = kinds.get(field)?.kind ?? 'choice';
    const value = intended.answers.get(field);
    if (value === undefined) {
      truth.set(
        field,
        intended.leftBlank.has(field) && required.has(field) ? { review: 'blank-required' } : { answer: '' },
      );
      continue;
    }
    // Which circles carry the answer, column by column (a choice field is one column).
    const columns = columnsFor(kind, kinds.get(field)?.parts, bubbles, value);
    if (!columns) throw new Error(`cannot mark "${value}" in ${field}`);
    const slip = !controllers.has(field) && kind !== 'choices' ? rng() : 1;
    const crossed = slip < hand.crossRate;
    const doubled = !crossed && slip < hand.crossRate + hand.doubleRate;
    // A slip happens where the person is writing: in a column they fill, not one they leave blank.
    const written = columns.map((c, i) => (c.fill.length ? i : -1)).filter((i) => i >= 0);
    const slipColumn = written[Math.floor(rng() * written.length)] ?? 0;
    columns.forEach((col, i) => {
      for (const b of col.fill) fill(b);
      if ((crossed || doubled) && i === slipColumn) {
        const others = col.all.filter((b) => !col.fill.includes(b));
        const wrong = others[Math.floor(rng() * others.length)];
        if (wrong) {
          if (crossed) crossCircle(img, wrong.x * s, wrong.y * s, wrong.r * s, pen, rng() < 0.3);
          else fill(wrong, 1);
        }
      }
      if (col.box && col.fill.length) {
        const box = boxOf(col.fill[0]!, col.all);
        scribble(img, box.left, box.top, box.width, box.height, pen);
      }
    });
    const slipped = columns[slipColumn]!.all.length > columns[slipColumn]!.fill.length;
    if (crossed && slipped) truth.set(field, { review: 'crossed-out' });
    else if (doubled && slipped) truth.set(field, { review: 'double-marked' });
    else truth.set(field, { answer: value });
  }
  for (const w of page.writeIns ?? []) {
    if (intended.writeIns.has(w.field)) {
      scribble(img, (w.left + 4) * s, (w.top + 3) * s, (w.width - 8) * s, (w.height - 6) * s, pen);
      truth.set(w.field, { review: 'write-in' });
    } else {
      truth.set(
        w.field,
        intended.leftBlank.has(w.field) && required.has(w.field)
          ? { review: 'blank-required' }
          : { answer: '' },
      );
    }
  }
  for (let i = 0; i < hand.specks; i++) {
    const x = (40 + rng() * (page.width - 80)) * s;
    const y = (140 + rng() * (page.height - 200)) * s;
    speck(img, x, y, (0.6 + rng() * 1.2) * s, { ...pen, ink: Math.min(200, pen.ink + 40) });
  }
  return truth;
}

interface Column {
  all: Bubble[];
  fill: Bubble[];
  box: boolean;
}

/** The circles to fill for a value, grouped in the columns a person fills one by one. */
function columnsFor(
  kind: LayoutField['kind'],
  parts: LayoutField['parts'],
  bubbles: Bubble[],
  value: string,
): Column[] | undefined {
  if (kind === 'choice' || kind === 'choices') {
    const values = kind === 'choice' ? [value] : value.split(' ');
    const fill = bubbles.filter((b) => values.includes(b.value));
    return fill.length === values.length ? [{ all: bubbles, fill, box: false }] : undefined;
  }
  if (kind === 'number') {
    const digits = bubbles[0]!.digits!;
    const decimals = bubbles[0]!.decimals!;
    const [whole, fraction = ''] = value.split('.');
    const text = whole!.padStart(digits - decimals, ' ') + fraction.padEnd(decimals, '0');
    return digitColumns(bubbles, text);
  }
  if (kind === 'pattern' && parts) {
    const values = parts.map((_, i) => bubbles.filter((b) => b.part === i).map((b) => b.value));
    const pieces = splitPattern(parts, values, value);
    if (!pieces) return undefined;
    const out: Column[] = [];
    parts.forEach((p, i) => {
      const mine = bubbles.filter((b) => b.part === i);
      if (p.kind === 'choice') {
        const hit = mine.filter((b) => b.value === pieces[i]);
        out.push({ all: mine, fill: hit, box: bubbles.some((b) => b.digit !== undefined) });
      } else if (p.kind === 'digits') {
        const cols = digitColumns(mine, pieces[i]!.padStart(p.digits, ' '));
        if (cols) out.push(...cols);
      }
    });
    return out;
  }
  return undefined;
}

/** One column per digit of `text`; spaces are columns left blank (a person writes 85, not 085, in three boxes). */
function digitColumns(bubbles: Bubble[], text: string): Column[] | undefined {
  const count = bubbles[0]?.digits ?? text.length;
  const out: Column[] = [];
  for (let d = 0; d < count; d++) {
    const all = bubbles.filter((b) => b.digit === d);
    const ch = text[d] ?? ' ';
    const fill = ch === ' ' ? [] : all.filter((b) => b.value === ch);
    if (ch !== ' ' && fill.length === 0) return undefined;
    out.push({ all, fill, box: true });
  }
  return out;
}

/** Splits a pattern answer into its parts' texts (a small backtracking match; choices only by their values). */
function splitPattern(
  parts: NonNullable<LayoutField['parts']>,
  values: string[][],
  value: string,
): string[] | undefined {
  const go = (i: number, pos: number): string[] | undefined => {
    if (i === parts.length) return pos === value.length ? [] : undefined;
    const p = parts[i]!;
    if (p.kind === 'literal') {
      if (!value.startsWith(p.text, pos)) return undefined;
      const rest = go(i + 1, pos + p.text.length);
      return rest ? [p.text, ...rest] : undefined;
    }
    if (p.kind === 'choice') {
      for (const v of values[i]!) {
        if (!value.startsWith(v, pos)) continue;
        const rest = go(i + 1, pos + v.length);
        if (rest) return [v, ...rest];
      }
      return undefined;
    }
    for (let n = p.digits; n >= 1; n--) {
      const piece = value.slice(pos, pos + n);
      if (piece.length < n || !/^\d+$/.test(piece)) continue;
      const rest = go(i + 1, pos + n);
      if (rest) return [piece, ...rest];
    }
    return undefined;
  };
  return go(0, 0);
}
