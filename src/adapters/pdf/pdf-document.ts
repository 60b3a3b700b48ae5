import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DrawOp, Measure } from '../../domain/paper/draw-ops.ts';
import type { PageSize } from '../../domain/paper/page-geometry.ts';
import { fontBytes } from './fonts.ts';

/** The parts of PDFKit's embedded font object Kitout uses (PDFKit's typings leave them out). */
interface EmbeddedFont {
  widthOfString(text: string, size: number): number;
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
}

const REGULAR = 'kitout-regular';
const BOLD = 'kitout-bold';

/**
 * A PDF being written with PDFKit: pages are drawn from {@link DrawOp}s and streamed to `out` as they come,
 * so a batch of thousands of forms never sits in memory. Text is set in Noto Sans KR, embedded as a subset.
 */
export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly regular: EmbeddedFont;
  private readonly bold: EmbeddedFont;
  private readonly done: Promise<void>;
  private bytes = 0;

  constructor(out: Writable, info: { title: string; created: Date }) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      margin: 0,
      compress: true,
      info: { Title: info.title, Producer: 'Kitout', Creator: 'Kitout', CreationDate: info.created },
    });
    const fonts = fontBytes();
    this.doc.registerFont(REGULAR, fonts.regular);
    this.doc.registerFont(BOLD, fonts.bold);
    this.regular = this.fontObject(REGULAR);
    this.bold = this.fontObject(BOLD);
    this.doc.on('data', (chunk: Buffer) => {
      this.bytes += chunk.length;
    });
    this.done = new Promise((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      this.doc.on('error', reject);
    });
    this.doc.pipe(out);
  }

  private fontObject(name: string): EmbeddedFont {
    this.doc.font(name);
    const font = (this.doc as unknown as { _font?: EmbeddedFont })._font;
    if (
      !font ||
      typeof font.widthOfString !== 'function' ||
      typeof font.font?.hasGlyphForCodePoint !== 'function'
    )
      throw new Error('PDFKit no longer exposes its font object as expected; the PDF adapter needs updating');
    return font;
  }

  /** Text widths in the embedded fonts, for the page planner. */
  readonly measure: Measure = (text, size, bold) =>
    (bold ? this.bold : this.regular).widthOfString(text, size);

  /** The characters of `text` the font has no glyph for (they would print as blanks or boxes). */
  missingGlyphs(text: string): string[] {
    const missing = new Set<string>();
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // Spaces and line breaks need no glyph of their own.
      if (cp === 0x20 || cp === 0x0a) continue;
      if (!this.regular.font.hasGlyphForCodePoint(cp) || !this.bold.font.hasGlyphForCodePoint(cp))
        missing.add(ch);
    }
    return [...missing];
  }

  /**
   * Adds a page: `ops` drawn on it, and `shared` — the same drawing on many pages, such as the body of page 2
   * of every person's form — drawn once into a PDF form XObject the first time its key is seen and only
   * referenced after that. A wave of 1,500 forms then holds each page body once, not 1,500 times.
   */
  addPage(size: PageSize, ops: readonly DrawOp[], shared?: { key: string; ops: readonly DrawOp[] }): void {
    const doc = this.doc;
    doc.addPage({ size: [size.width, size.height], margin: 0 });
    if (shared) {
      let name = this.templates.get(shared.key);
      if (!name) {
        name = `KT${this.templates.size + 1}`;
        this.templates.set(shared.key, name);
        this.captureTemplate(name, size, shared.ops);
      }
      doc.page.xobjects[name] = this.templateRefs.get(name)!;
      doc.addContent(`q /${name} Do Q`);
    }
    this.draw(ops);
  }

  private readonly templates = new Map<string, string>();
  private readonly templateRefs = new Map<string, PDFKit.PDFKitReference>();

  /** Draws ops with PDFKit as usual but collects the content stream into a form XObject instead of the page. */
  private captureTemplate(name: string, size: PageSize, ops: readonly DrawOp[]): void {
    const doc = this.doc;
    const page = doc.page as unknown as { write(chunk: string): void; fonts: Record<string, unknown> };
    const chunks: string[] = [];
    const write = page.write;
    page.write = (chunk: string) => {
      chunks.push(chunk);
    };
    try {
      doc.save();
      this.draw(ops);
      doc.restore();
    } finally {
      page.write = write;
    }
    // The fonts the body uses become the XObject's own resources (PDFKit put them on the page).
    const fonts: Record<string, unknown> = {};
    for (const [id, ref] of Object.entries(page.fonts)) fonts[id] = ref;
    const ref = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [0, 0, size.width, size.height],
      Resources: { ProcSet: ['PDF', 'Text'], Font: fonts },
    });
    ref.end(chunks.join('\n'));
    this.templateRefs.set(name, ref);
  }

  private draw(ops: readonly DrawOp[]): void {
    const doc = this.doc;
    for (const op of ops) {
      switch (op.op) {
        case 'text':
          doc
            .font(op.bold ? BOLD : REGULAR)
            .fontSize(op.size)
            .fillColor(grey(op.grey ?? 0))
            .text(op.text, op.x, op.y, { lineBreak: false });
          break;
        case 'circle':
          doc.circle(op.x, op.y, op.r);
          paint(doc, op);
          break;
        case 'rect':
          doc.rect(op.x, op.y, op.w, op.h);
          paint(doc, op);
          break;
        case 'line':
          doc
            .moveTo(op.x1, op.y1)
            .lineTo(op.x2, op.y2)
            .lineWidth(op.lineWidth)
            .strokeColor(grey(op.stroke))
            .stroke();
          break;
        case 'qr':
          drawQr(doc, op);
          break;
      }
    }
  }

  /** Finishes the file; resolves with its size in bytes once it is flushed. */
  async end(): Promise<number> {
    this.doc.end();
    await this.done;
    return this.bytes;
  }
}

function paint(doc: PDFKit.PDFDocument, op: { fill?: number; stroke?: number; lineWidth?: number }): void {
  if (op.lineWidth !== undefined) doc.lineWidth(op.lineWidth);
  if (op.fill !== undefined && op.stroke !== undefined) doc.fillAndStroke(grey(op.fill), grey(op.stroke));
  else if (op.fill !== undefined) doc.fill(grey(op.fill));
  else doc.stroke(grey(op.stroke ?? 0));
}

const greys = new Map<number, string>();
function grey(level: number): string {
  let hex = greys.get(level);
  if (!hex) {
    const v = Math.round(Math.min(1, Math.max(0, level)) * 255)
      .toString(16)
      .padStart(2, '0');
    hex = `#${v}${v}${v}`;
    greys.set(level, hex);
  }
  return hex;
}

/** A QR symbol as filled rectangles, one per run of dark modules in a row (far fewer than one per module). */
function drawQr(doc: PDFKit.PDFDocument, op: Extract<DrawOp, { op: 'qr' }>): void {
  const qr = QRCode.create(op.text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const m = op.size / n;
  const left = op.x - op.size / 2;
  const top = op.y - op.size / 2;
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        // A hair of overlap so no white seam shows between modules when rasterised.
        doc.rect(left + start * m, top + row * m, (col - start) * m + 0.02, m + 0.02);
        start = -1;
      }
    }
  }
  doc.fill('#000000');
}
