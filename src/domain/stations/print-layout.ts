import { type DrawOp, fitText, lineHeight, type Measure, wrapText } from '../paper/draw-ops.ts';

/** Words of the `receipt` namespace in the language the paper is printed in. */
export type ReceiptWords = (key: string, params?: Record<string, string | number>) => string;

export interface ReceiptData {
  name: string;
  /** The name in the reader's script, when it differs from `name`. */
  nameInReaderScript: string | null;
  personId: string;
  intake: string;
  printedOn: string;
  lines: { item: string; size: string; qty: number }[];
  counts: { issued: number; returned: number; exchanged: number; lost: number };
}

export const A4 = { width: 595.28, height: 841.89 };
export const A6 = { width: 297.64, height: 419.53 };

/**
 * A receipt on one A4 page: who, what they hold (item, size, quantity), a summary of their record, and lines to
 * sign for the recipient and the issuer. Long tables continue on further pages; the signatures go on the last.
 */
export function receiptPages(data: ReceiptData, words: ReceiptWords, measure: Measure): DrawOp[][] {
  const margin = 56;
  const width = A4.width - 2 * margin;
  const pages: DrawOp[][] = [];
  let ops: DrawOp[] = [];
  let y = margin;
  const text = (t: string, x: number, size: number, bold = false, grey = 0) =>
    ops.push({ op: 'text', x, y, text: t, size, bold, grey });
  const newPage = () => {
    pages.push(ops);
    ops = [];
    y = margin;
  };

  text(words('title'), margin, 20, true);
  y += lineHeight(20) + 8;
  const label = (key: string, value: string) => {
    text(words(key), margin, 10, false, 0.35);
    text(fitText(value, width - 130, 12, true, measure), margin + 130, 12, true);
    y += lineHeight(12) + 2;
  };
  label('person', data.name);
  if (data.nameInReaderScript) {
    text(fitText(data.nameInReaderScript, width - 130, 11, false, measure), margin + 130, 11);
    y += lineHeight(11) + 2;
  }
  label('id', data.personId);
  label('intake', data.intake);
  text(words('printed', { date: data.printedOn }), margin, 9, false, 0.4);
  y += lineHeight(9) + 14;

  const cols = { item: margin, size: margin + width * 0.6, qty: margin + width * 0.85 };
  const header = () => {
    text(words('item'), cols.item, 10, true);
    text(words('size'), cols.size, 10, true);
    text(words('qty'), cols.qty, 10, true);
    y += lineHeight(10) + 2;
    ops.push({ op: 'line', x1: margin, y1: y, x2: margin + width, y2: y, stroke: 0, lineWidth: 0.8 });
    y += 6;
  };
  header();
  if (data.lines.length === 0) {
    text(words('nothing'), cols.item, 11, false, 0.3);
    y += lineHeight(11) + 4;
  }
  for (const line of data.lines) {
    if (y > A4.height - margin - 200) {
      newPage();
      header();
    }
    text(fitText(line.item, cols.size - cols.item - 8, 11, false, measure), cols.item, 11);
    text(line.size, cols.size, 11, true);
    text(String(line.qty), cols.qty, 11);
    y += lineHeight(11) + 2;
    ops.push({ op: 'line', x1: margin, y1: y, x2: margin + width, y2: y, stroke: 0.75, lineWidth: 0.4 });
    y += 4;
  }
  y += 10;
  text(words('history', data.counts), margin, 9, false, 0.35);
  y += lineHeight(9) + 24;
  for (const l of wrapText(words('statement'), width, 11, false, measure)) {
    text(l, margin, 11);
    y += lineHeight(11);
  }
  y += 40;
  const signLine = (key: string) => {
    ops.push({ op: 'line', x1: margin, y1: y, x2: margin + width * 0.62, y2: y, stroke: 0, lineWidth: 0.8 });
    ops.push({
      op: 'line',
      x1: margin + width * 0.7,
      y1: y,
      x2: margin + width,
      y2: y,
      stroke: 0,
      lineWidth: 0.8,
    });
    y += 3;
    text(words(key), margin, 9, false, 0.35);
    text(words('date'), margin + width * 0.7, 9, false, 0.35);
    y += lineHeight(9) + 40;
  };
  signLine('signature');
  signLine('issuer');
  pages.push(ops);
  return pages;
}

export interface SlipData {
  name: string;
  nameInReaderScript: string | null;
  personId: string;
  intake: string;
  code: string;
}

/** A check-in slip on an A6 page: the name large, the id and intake, and the QR code the queue scans. */
export function slipPage(data: SlipData, words: ReceiptWords, measure: Measure): DrawOp[] {
  const margin = 24;
  const width = A6.width - 2 * margin;
  const ops: DrawOp[] = [];
  let y = margin;
  const centred = (t: string, size: number, bold = false, grey = 0) => {
    const s = fitText(t, width, size, bold, measure);
    ops.push({ op: 'text', x: (A6.width - measure(s, size, bold)) / 2, y, text: s, size, bold, grey });
    y += lineHeight(size);
  };
  centred(words('slipTitle'), 11, false, 0.35);
  y += 4;
  centred(data.name, 22, true);
  if (data.nameInReaderScript) centred(data.nameInReaderScript, 12);
  y += 2;
  centred(data.personId, 14, true);
  centred(data.intake, 9, false, 0.35);
  const qr = 150;
  y += 8;
  ops.push({ op: 'qr', x: A6.width / 2, y: y + qr / 2, size: qr, text: data.code });
  y += qr + 10;
  centred(data.code, 7, false, 0.4);
  y += 6;
  for (const l of wrapText(words('slipHint'), width, 9, false, measure)) centred(l, 9, false, 0.25);
  ops.push({ op: 'rect', x: 8, y: 8, w: A6.width - 16, h: A6.height - 16, stroke: 0.6, lineWidth: 0.6 });
  return ops;
}
