import { type DrawOp, lineHeight, type Measure, wrapText } from './draw-ops.ts';
import type { FormItems, GridColumn, PrintItem, QuestionItem } from './form-items.ts';
import type { Bubble, WriteIn } from './layout-file.ts';
import { BODY_TOP, BOTTOM, MARGIN, type PageSize } from './page-geometry.ts';
import type { Printed } from './printed-text.ts';

/**
 * Puts a form's items on pages: each question becomes a block of a measured height, number grids that follow
 * each other share a row, and blocks flow down the page and on to the next. A group heading or an "answer only
 * if" heading is never left alone at the foot of a page, and is repeated (marked as continued) when its
 * questions run on to the next page. The result holds everything person-independent; `personalisePage` adds
 * the header, the QR code and the corner marks.
 */
export interface PageTemplate {
  /** 1-based page number. */
  number: number;
  ops: DrawOp[];
  bubbles: Bubble[];
  writeIns: WriteIn[];
}

/** Sizes in points; greys 0 (black) to 1 (white). */
export const STYLE = {
  group: 11,
  label: 9.4,
  text: 8.6,
  hint: 7.3,
  instruction: 7.5,
  choiceR: 5.2,
  gridR: 4.4,
  column: 14.5,
  row: 11.6,
  box: 14,
  gap: 8,
  indent: 14,
  bubbleGrey: 0.35,
  cellGrey: 0.62,
  hintGrey: 0.38,
  pathGrey: 0.8,
} as const;

interface Sink {
  ops: DrawOp[];
  bubbles: Bubble[];
  writeIns: WriteIn[];
}

interface Block {
  height: number;
  /** A heading: kept on the page of what follows it. */
  heading?: 'group' | 'path';
  /** A group heading's text, to repeat it on the next page. */
  title?: string;
  path?: number;
  draw(sink: Sink, x: number, y: number): void;
}

/** A question not yet given its width: a grid (sits in rows with others) or a flow of choices or a box. */
interface Cell {
  kind: 'grid' | 'flow';
  path?: number;
  /** The width it would like (grids); flows take what they are given. */
  natural: number;
  make(width: number): Block;
  /** A grid alone in its row, its text beside it. */
  alone?(width: number): Block;
}

export interface PlanOptions {
  page: PageSize;
  measure: Measure;
  printed: Printed;
}

export function planPages({ items }: FormItems, options: PlanOptions): PageTemplate[] {
  const { page, measure, printed } = options;
  const full = page.width - 2 * MARGIN;
  const text = new TextKit(measure);
  const entries: (Block | Cell)[] = [];
  const paths = new Map<number, string>();

  for (const item of items) {
    if (item.kind === 'group') {
      entries.push(groupBlock(item, full, text));
    } else if (item.kind === 'path') {
      paths.set(item.id, item.text);
      entries.push(pathBlock(item.id, item.text, full, text));
    } else if (item.kind === 'note') {
      entries.push(noteBlock(item, full, text));
    } else {
      entries.push(questionEntry(item, text, printed));
    }
  }
  const blocks = packCells(entries, full);

  // Flow the blocks down the pages.
  const pages: PageTemplate[] = [];
  let sink: Sink = { ops: [], bubbles: [], writeIns: [] };
  let y = BODY_TOP;
  const bottom = page.height - BOTTOM;
  let currentGroup: Block | undefined;
  let groupIndex = -1;
  const newPage = () => {
    pages.push({ number: pages.length + 1, ...sink });
    sink = { ops: [], bubbles: [], writeIns: [] };
    y = BODY_TOP;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.heading === 'group') {
      currentGroup = block;
      groupIndex = i;
    }
    // A heading needs room for itself and the first block it heads.
    let need = block.height;
    for (let j = i; blocks[j]?.heading && j + 1 < blocks.length; j++)
      need += blocks[j + 1]!.height + STYLE.gap;
    if (y + need > bottom && y > BODY_TOP) {
      newPage();
      // Carry the headings over, marked as continued, when a group or path runs on.
      if (currentGroup && groupIndex < i && block.heading !== 'group') {
        const cont = groupBlock(
          { texts: [`${blocks[groupIndex]!.title ?? ''} ${printed('continued')}`] },
          full,
          text,
        );
        cont.draw(sink, MARGIN, y);
        y += cont.height + STYLE.gap;
      }
      if (block.path !== undefined && block.heading !== 'path') {
        const head = (paths.get(block.path) ?? '').replace(/[:：]\s*$/, '');
        const cont = pathBlock(block.path, `${head} ${printed('continued')}:`, full, text);
        cont.draw(sink, MARGIN, y);
        y += cont.height + STYLE.gap;
      }
    }
    const x = MARGIN + (block.path !== undefined && block.heading !== 'path' ? STYLE.indent : 0);
    if (block.path !== undefined && block.heading !== 'path') {
      // The bar down the left of a path's questions, so the two ways through a group stand apart.
      sink.ops.push({
        op: 'rect',
        x: MARGIN + 2,
        y: y - 2,
        w: 3,
        h: block.height + STYLE.gap,
        fill: STYLE.pathGrey,
      });
    }
    block.draw(sink, x, y);
    y += block.height + STYLE.gap;
  }
  if (sink.ops.length) newPage();
  return pages;
}

/** Measured, wrapped lines of text in a few styles. */
class TextKit {
  constructor(readonly measure: Measure) {}
  lines(text: string, width: number, size: number, bold = false) {
    return wrapText(text, width, size, bold, this.measure);
  }
  /** Stacks paragraphs; returns their height and a function drawing them at x, y. */
  stack(parts: { text: string; size: number; bold?: boolean; grey?: number }[], width: number) {
    const laid = parts.flatMap((p) =>
      this.lines(p.text, width, p.size, p.bold).map((line) => ({ ...p, text: line })),
    );
    const height = laid.reduce((h, l) => h + lineHeight(l.size), 0);
    return {
      height,
      draw(sink: Sink, x: number, y: number) {
        let dy = 0;
        for (const l of laid) {
          sink.ops.push({
            op: 'text',
            x,
            y: y + dy,
            text: l.text,
            size: l.size,
            ...(l.bold ? { bold: true } : {}),
            ...(l.grey ? { grey: l.grey } : {}),
          });
          dy += lineHeight(l.size);
        }
      },
    };
  }
}

function groupBlock(item: { texts: string[]; instruction?: string }, width: number, text: TextKit): Block {
  const title = item.texts.join(' / ');
  const head = text.stack([{ text: title, size: STYLE.group, bold: true }], width - 12);
  const note = item.instruction
    ? text.stack([{ text: item.instruction, size: STYLE.instruction, grey: 0.15 }], width)
    : undefined;
  const band = head.height + 6;
  const block: Block = {
    height: band + (note ? note.height + 3 : 0),
    heading: 'group',
    title,
    draw(sink, x, y) {
      sink.ops.push({ op: 'rect', x, y, w: width, h: band, fill: 0.9 });
      head.draw(sink, x + 6, y + 3);
      note?.draw(sink, x, y + band + 3);
    },
  };
  return block;
}

function pathBlock(id: number, label: string, width: number, text: TextKit): Block {
  const head = text.stack([{ text: label, size: STYLE.label, bold: true }], width - 10);
  return {
    height: head.height + 4,
    heading: 'path',
    path: id,
    draw(sink, x, y) {
      sink.ops.push({ op: 'rect', x: x + 2, y, w: 3, h: head.height + 4 + STYLE.gap, fill: STYLE.pathGrey });
      head.draw(sink, x + 10, y + 2);
    },
  };
}

function noteBlock(item: { texts: string[] }, width: number, text: TextKit): Block {
  const body = text.stack(
    item.texts.map((t, i) => ({ text: t, size: STYLE.text, grey: i ? 0.3 : 0 })),
    width,
  );
  return { height: body.height, draw: (sink, x, y) => body.draw(sink, x, y) };
}

/** The number, label(s), hint(s) and "answer only if" line above a question's marks. */
function questionHead(item: QuestionItem, width: number, text: TextKit, extra?: string) {
  const [first, ...others] = item.labels;
  const parts: { text: string; size: number; bold?: boolean; grey?: number }[] = [
    { text: `${item.number}. ${first ?? item.field}`, size: STYLE.label, bold: true },
    ...others.map((t) => ({ text: t, size: STYLE.text })),
    ...item.hints.map((t) => ({ text: t, size: STYLE.hint, grey: STYLE.hintGrey })),
  ];
  const instruction = [item.instruction, extra].filter(Boolean).join(' ');
  if (instruction) parts.push({ text: `→ ${instruction}`, size: STYLE.instruction, grey: 0.12 });
  return text.stack(parts, width);
}

function questionEntry(item: QuestionItem, text: TextKit, printed: Printed): Cell {
  const body = item.body;
  const path = item.path !== undefined ? { path: item.path } : {};
  if (body.kind === 'grid') {
    return {
      kind: 'grid',
      ...path,
      natural: Math.max(gridWidth(body.columns, text) + 10, 112),
      make: (w) => gridBlock(item, body.columns, w, text),
      alone: (w) => gridBlock(item, body.columns, w, text, { gridWidth: gridWidth(body.columns, text) + 6 }),
    };
  }
  if (body.kind === 'write-in') {
    return {
      kind: 'flow',
      ...path,
      natural: Number.POSITIVE_INFINITY,
      make(width) {
        const head = questionHead(item, width, text, printed('writeIn'));
        const box = { w: Math.min(280, width), h: 26 };
        return {
          height: head.height + 4 + box.h,
          draw(sink, x, y) {
            head.draw(sink, x, y);
            const top = y + head.height + 4;
            sink.ops.push({ op: 'rect', x, y: top, w: box.w, h: box.h, stroke: 0.3, lineWidth: 0.8 });
            sink.writeIns.push({ field: item.field, left: x, top, width: box.w, height: box.h });
          },
        };
      },
    };
  }
  const rows =
    body.kind === 'choices'
      ? [{ part: undefined, lead: '', choices: body.choices }]
      : body.rows.map((r) => ({ part: r.part as number | undefined, lead: r.lead, choices: r.choices }));
  const extra = body.kind === 'choices' && body.multiple ? printed('markAll') : undefined;
  return {
    kind: 'flow',
    ...path,
    natural: Number.POSITIVE_INFINITY,
    make(width) {
      const head = questionHead(item, width, text, extra);
      const flows = rows.map((r) => choiceFlow(r, width, text));
      return {
        height: head.height + 2 + flows.reduce((h, f) => h + f.height, 0),
        draw(sink, x, y) {
          head.draw(sink, x, y);
          let dy = y + head.height + 2;
          for (const f of flows) {
            f.draw(sink, x, dy, item.field);
            dy += f.height;
          }
        },
      };
    },
  };
}

/** Bubbles with their labels, flowing in rows across the width; a label too long for a row wraps. */
function choiceFlow(
  row: { part: number | undefined; lead: string; choices: { value: string; label: string }[] },
  width: number,
  text: TextKit,
) {
  const r = STYLE.choiceR;
  const rowH = Math.max(2 * r + 5, lineHeight(STYLE.text) + 1);
  const placed: { value: string; lines: string[]; x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let lineRows = 1;
  if (row.lead) x += text.measure(row.lead, STYLE.label, true) + 6;
  for (const c of row.choices) {
    const labelWidth = text.measure(c.label, STYLE.text, false);
    const itemWidth = 2 * r + 4 + labelWidth;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowH * lineRows;
      lineRows = 1;
    }
    const lines = itemWidth > width ? text.lines(c.label, width - 2 * r - 4, STYLE.text) : [c.label];
    placed.push({ value: c.value, lines, x, y });
    lineRows = Math.max(lineRows, lines.length);
    x += Math.min(itemWidth, width) + 12;
  }
  const height = y + rowH * lineRows;
  return {
    height,
    draw(sink: Sink, ox: number, oy: number, field: string) {
      if (row.lead)
        sink.ops.push({
          op: 'text',
          x: ox,
          y: oy + rowH / 2 - lineHeight(STYLE.label) / 2,
          text: row.lead,
          size: STYLE.label,
          bold: true,
        });
      for (const p of placed) {
        const cx = ox + p.x + r;
        const cy = oy + p.y + rowH / 2;
        sink.ops.push({ op: 'circle', x: cx, y: cy, r, stroke: STYLE.bubbleGrey, lineWidth: 0.7 });
        sink.bubbles.push({
          field,
          value: p.value,
          x: cx,
          y: cy,
          r,
          ...(row.part !== undefined ? { part: row.part } : {}),
        });
        p.lines.forEach((line, i) => {
          sink.ops.push({
            op: 'text',
            x: cx + r + 4,
            y: cy - lineHeight(STYLE.text) / 2 + i * lineHeight(STYLE.text),
            text: line,
            size: STYLE.text,
          });
        });
      }
    },
  };
}

/** Column widths of a grid: a digit column is one pitch; a choice column with a long label is wider. */
function columnWidths(columns: GridColumn[], text: TextKit): { before: number; width: number }[] {
  return columns.map((c) => {
    const long = c.cells.some((cell) => cell.label.length > 2);
    const label = long
      ? Math.max(...c.cells.map((cell) => text.measure(cell.label, STYLE.hint, false))) + 4
      : 0;
    const before = c.before ? text.measure(c.before, STYLE.label, true) + 4 : 0;
    return { before, width: STYLE.column + label };
  });
}

function gridWidth(columns: GridColumn[], text: TextKit): number {
  return columnWidths(columns, text).reduce((w, c) => w + c.before + c.width, 0);
}

/**
 * A question's digit grid under its label, or — `beside` set, for a grid alone in its row — with the label,
 * hint and instruction to its right, which saves the height of the text.
 */
function gridBlock(
  item: QuestionItem,
  columns: GridColumn[],
  width: number,
  text: TextKit,
  beside?: { gridWidth: number },
): Block {
  const head = beside
    ? questionHead(item, width - beside.gridWidth - GAP, text)
    : questionHead(item, width - 6, text);
  const widths = columnWidths(columns, text);
  const rows = Math.max(...columns.flatMap((c) => c.cells.map((cell) => cell.row))) + 1;
  const r = STYLE.gridR;
  const boxTop = beside ? 0 : head.height + 4;
  const gridTop = boxTop + STYLE.box + 5;
  return {
    height: Math.max(gridTop + rows * STYLE.row, beside ? head.height : 0),
    ...(item.path !== undefined ? { path: item.path } : {}),
    draw(sink, x, y) {
      head.draw(sink, beside ? x + beside.gridWidth + GAP : x, y);
      let cx = x + 2;
      columns.forEach((column, i) => {
        const w = widths[i]!;
        if (column.before) {
          sink.ops.push({
            op: 'text',
            x: cx + 1,
            y: y + boxTop + STYLE.box - lineHeight(STYLE.label) + 1,
            text: column.before,
            size: STYLE.label,
            bold: true,
          });
          cx += w.before;
        }
        const centre = cx + STYLE.column / 2;
        sink.ops.push({
          op: 'rect',
          x: centre - (STYLE.column - 2) / 2,
          y: y + boxTop,
          w: STYLE.column - 2,
          h: STYLE.box,
          stroke: 0.45,
          lineWidth: 0.6,
        });
        for (const cell of column.cells) {
          const cy = y + gridTop + cell.row * STYLE.row + STYLE.row / 2;
          sink.ops.push({ op: 'circle', x: centre, y: cy, r, stroke: STYLE.bubbleGrey, lineWidth: 0.6 });
          const inside = cell.label.length <= 2;
          const size = inside ? 5.6 : STYLE.hint;
          sink.ops.push({
            op: 'text',
            x: inside ? centre - text.measure(cell.label, size, false) / 2 : centre + r + 3,
            y: cy - lineHeight(size) / 2,
            text: cell.label,
            size,
            grey: inside ? STYLE.cellGrey : 0,
          });
          sink.bubbles.push({
            field: item.field,
            value: cell.value,
            x: centre,
            y: cy,
            r,
            ...(column.digit ?? {}),
            ...(column.part !== undefined ? { part: column.part } : {}),
          });
        }
        cx += w.width;
      });
    },
  };
}

/**
 * Turns cells into blocks. Consecutive grids of one path share a row, as many as fit; when a row leaves a wide
 * gap on its right, the choice questions that follow are set in that gap, as far down as the grids reach —
 * a lone two-column grid does not leave half a page blank beside it.
 */
function packCells(entries: (Block | Cell)[], full: number): Block[] {
  const blocks: Block[] = [];
  const widthFor = (c: Cell) => full - (c.path !== undefined ? STYLE.indent : 0);
  let i = 0;
  while (i < entries.length) {
    const e = entries[i]!;
    if (!('make' in e)) {
      blocks.push(e);
      i++;
      continue;
    }
    const width = widthFor(e);
    const pathOf = e.path !== undefined ? { path: e.path } : {};
    if (e.kind === 'flow') {
      blocks.push({ ...e.make(width), ...pathOf });
      i++;
      continue;
    }
    const row: Cell[] = [];
    let used = 0;
    for (
      let next = entries[i];
      next && 'make' in next && next.kind === 'grid' && next.path === e.path;
      next = entries[i]
    ) {
      if (row.length && used + GAP + next.natural > width) break;
      used += next.natural + (row.length ? GAP : 0);
      row.push(next);
      i++;
    }
    const grids = row.map((c) => ({ block: c.make(c.natural), w: c.natural }));
    const gridHeight = Math.max(...grids.map((g) => g.block.height));
    const side: Block[] = [];
    const sideWidth = width - used - 2 * GAP;
    if (sideWidth >= MIN_SIDE) {
      let sideHeight = 0;
      for (
        let next = entries[i];
        next && 'make' in next && next.kind === 'flow' && next.path === e.path;
        next = entries[i]
      ) {
        const made = next.make(sideWidth);
        if (sideHeight + made.height > gridHeight) break;
        side.push(made);
        sideHeight += made.height + STYLE.gap;
        i++;
      }
    }
    if (row.length === 1 && side.length === 0 && row[0]!.alone) {
      blocks.push({ ...row[0]!.alone(width), ...pathOf });
      continue;
    }
    // Without anything beside them, the grids share out the spare width.
    const spare = side.length ? 0 : (width - used) / grids.length;
    const placed = side.length
      ? grids
      : row.map((c) => ({ block: c.make(c.natural + spare), w: c.natural + spare }));
    blocks.push({
      height: gridHeight,
      ...pathOf,
      draw(sink, x, y) {
        let dx = 0;
        for (const g of placed) {
          g.block.draw(sink, x + dx, y);
          dx += g.w + GAP;
        }
        let dy = y;
        for (const b of side) {
          b.draw(sink, x + used + 2 * GAP, dy);
          dy += b.height + STYLE.gap;
        }
      },
    });
  }
  return blocks;
}

/** Space between cells of a row, and the narrowest gap worth setting questions in. */
const GAP = 12;
const MIN_SIDE = 220;

export type { PrintItem };
