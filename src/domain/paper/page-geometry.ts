import type { Circle } from './layout-file.ts';

/**
 * The fixed furniture of every printed page: paper sizes, the four corner fiducials, the QR code's place
 * and the margins. Every page of every form has the same furniture, so a reader can find the corners of a
 * page before it knows which page it holds.
 */
export const PAPER_SIZES = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
} as const;
export type PaperName = keyof typeof PAPER_SIZES;

export interface PageSize {
  width: number;
  height: number;
}

/** Solid black discs near each corner, inside the margin most printers cannot print. */
export const FIDUCIAL = { inset: 26, r: 7 } as const;
/** Left and right margin of the text, and the lowest point content may reach above the bottom edge. */
export const MARGIN = 46;
export const BOTTOM = 42;
/** The QR symbol's side: at least 2 pt a module for the usual 29-module code, 4 px a module at 150 dpi. */
export const QR_SIZE = 60;
export const QR_TOP = 34;

/** The fiducial centres, clockwise from the top-left: top-left, top-right, bottom-right, bottom-left. */
export function fiducialsFor(page: PageSize): Circle[] {
  const { inset, r } = FIDUCIAL;
  return [
    { x: inset, y: inset, r },
    { x: page.width - inset, y: inset, r },
    { x: page.width - inset, y: page.height - inset, r },
    { x: inset, y: page.height - inset, r },
  ];
}

/** The QR symbol's centre and side: top right, clear of the fiducial and its quiet zone. */
export function qrFor(page: PageSize): { x: number; y: number; size: number } {
  return { x: page.width - MARGIN - QR_SIZE / 2, y: QR_TOP + QR_SIZE / 2, size: QR_SIZE };
}

/** The rule under the header, below the QR code; the "how to mark" lines sit under it. */
export const RULE_Y = QR_TOP + QR_SIZE + 6;
/** Where the body of a page (below the header and the two "how to mark" lines) starts. */
export const BODY_TOP = RULE_Y + 32;
