/**
 * What a printed page is made of, as plain data: the page planner (pure) produces these and the PDF adapter
 * draws them, so the geometry that the layout file records and the ink on paper come from one place.
 * Coordinates are PDF points from the page's top-left; greys run from 0 (black) to 1 (white).
 */
export type DrawOp =
  /** One line of text; `x, y` is the top-left of its line box. */
  | { op: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; grey?: number }
  | { op: 'circle'; x: number; y: number; r: number; fill?: number; stroke?: number; lineWidth?: number }
  | {
      op: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: number;
      stroke?: number;
      lineWidth?: number;
    }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: number; lineWidth: number }
  /** A QR code of `text`, its symbol centred at `x, y`, `size` points wide. */
  | { op: 'qr'; x: number; y: number; size: number; text: string };

/** Width of a text at a size, in points, in the font the PDF embeds (regular or bold). */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** The height of a line of text: Noto Sans has tall ascenders and deep descenders, hence the generous lead. */
export const lineHeight = (size: number) => size * 1.42;

/**
 * Breaks text into lines no wider than `width`: at spaces where it can, inside a word (or a run of Hangul
 * without spaces) only when the word alone is too wide.
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  measure: Measure,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (measure(rest, size, bold) > width && rest.length > 1) {
        const chars = Array.from(rest);
        let cut = chars.length - 1;
        while (cut > 1 && measure(chars.slice(0, cut).join(''), size, bold) > width) cut--;
        lines.push(chars.slice(0, cut).join(''));
        rest = chars.slice(cut).join('');
      }
      line = rest;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** Shortens a text with an ellipsis so that it fits `width`. */
export function fitText(text: string, width: number, size: number, bold: boolean, measure: Measure): string {
  if (measure(text, size, bold) <= width) return text;
  const chars = Array.from(text);
  let n = chars.length;
  while (n > 1 && measure(`${chars.slice(0, n).join('')}…`, size, bold) > width) n--;
  return `${chars.slice(0, n).join('')}…`;
}
