import { type DrawOp, fitText, lineHeight, type Measure } from './draw-ops.ts';
import type { LayoutPage } from './layout-file.ts';
import { fiducialsFor, MARGIN, type PageSize, QR_TOP, qrFor, RULE_Y } from './page-geometry.ts';
import type { PageTemplate } from './page-plan.ts';
import type { Printed } from './printed-text.ts';
import { encodePagePayload } from './qr-payload.ts';

/** Who a printed form is for: what the roster says about the person. */
export interface PrintPerson {
  id: string;
  name: string;
  nameLatin?: string;
  site?: string;
}

export interface ChromeContext {
  page: PageSize;
  formId: string;
  version: string;
  /** The form's title in the plan's title language(s), joined. */
  title: string;
  person: PrintPerson;
  /** How many pages the person's form has. */
  pages: number;
  measure: Measure;
  printed: Printed;
}

/**
 * One person's page: the template's body under a header naming the person, the QR code that identifies the
 * page, a short "how to mark" line, a footer, and the four corner fiducials. Returns the person's own drawing
 * (`ops`; the body is `template.ops`, the same for everyone) and the page's entry for the layout file
 * (without its position in the PDF, which the caller knows).
 */
export function personalisePage(
  template: PageTemplate,
  ctx: ChromeContext,
): { ops: DrawOp[]; layout: Omit<LayoutPage, 'index'> } {
  const { page, measure, printed, person } = ctx;
  const qr = qrFor(page);
  const fiducials = fiducialsFor(page);
  const textRight = qr.x - qr.size / 2 - 14;
  const width = textRight - MARGIN;
  const ops: DrawOp[] = [];
  for (const f of fiducials) ops.push({ op: 'circle', x: f.x, y: f.y, r: f.r, fill: 0 });
  ops.push({
    op: 'qr',
    ...qr,
    text: encodePagePayload({
      formId: ctx.formId,
      version: ctx.version,
      personId: person.id,
      page: template.number,
    }),
  });
  ops.push({
    op: 'text',
    x: MARGIN,
    y: QR_TOP - 3,
    text: fitText(ctx.title, width, 11.5, true, measure),
    size: 11.5,
    bold: true,
  });
  const name =
    person.nameLatin && person.nameLatin !== person.name
      ? `${person.name} (${person.nameLatin})`
      : person.name;
  const nameY = QR_TOP - 3 + lineHeight(11.5) + 2;
  ops.push({
    op: 'text',
    x: MARGIN,
    y: nameY,
    text: fitText(`${printed('name')}: ${name}`, width, 10.5, true, measure),
    size: 10.5,
    bold: true,
  });
  const facts = [
    `${printed('id')}: ${person.id}`,
    ...(person.site ? [`${printed('site')}: ${person.site}`] : []),
    printed('pageOf', { page: template.number, pages: ctx.pages }),
  ].join('   ·   ');
  ops.push({
    op: 'text',
    x: MARGIN,
    y: nameY + lineHeight(10.5) + 1,
    text: fitText(facts, width, 8.4, false, measure),
    size: 8.4,
  });
  ops.push(...howToMark(page, measure, printed));
  const footer = `${ctx.formId}${ctx.version ? ` v${ctx.version}` : ''} · ${person.id} · ${template.number}/${ctx.pages}`;
  const footerSize = 6.8;
  ops.push({
    op: 'text',
    x: page.width / 2 - measure(footer, footerSize, false) / 2,
    y: page.height - 34,
    text: footer,
    size: footerSize,
    grey: 0.4,
  });
  return {
    ops,
    layout: {
      person: person.id,
      page: template.number,
      width: page.width,
      height: page.height,
      fiducials,
      qr,
      bubbles: template.bubbles,
      ...(template.writeIns.length ? { writeIns: template.writeIns } : {}),
    },
  };
}

/**
 * The rule under the header and the "fill like this, cancel like this" instruction, with a filled and a
 * crossed-out example circle inside the sentence; it wraps onto a second line where the language needs it.
 */
function howToMark(page: PageSize, measure: Measure, printed: Printed): DrawOp[] {
  const size = 7.4;
  const ops: DrawOp[] = [
    { op: 'line', x1: MARGIN, y1: RULE_Y, x2: page.width - MARGIN, y2: RULE_Y, stroke: 0.2, lineWidth: 0.8 },
  ];
  const right = page.width - MARGIN;
  const line = lineHeight(size) + 1;
  const r = 3.4;
  let x = MARGIN;
  let y = RULE_Y + 4;
  const space = measure(' ', size, false);
  const place = (width: number) => {
    if (x + width > right && x > MARGIN) {
      x = MARGIN;
      y += line;
    }
    const at = { x, y };
    x += width + space;
    return at;
  };
  const words = (text: string) => {
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const at = place(measure(word, size, false));
      ops.push({ op: 'text', ...at, text: word, size });
    }
  };
  const icon = (crossed: boolean) => {
    const at = place(2 * r + 2);
    const cx = at.x + r + 1;
    const cy = at.y + lineHeight(size) / 2;
    ops.push({ op: 'circle', x: cx, y: cy, r, ...(crossed ? { stroke: 0 } : { fill: 0 }), lineWidth: 0.6 });
    if (crossed) {
      ops.push({ op: 'line', x1: cx - r, y1: cy - r, x2: cx + r, y2: cy + r, stroke: 0, lineWidth: 0.9 });
      ops.push({ op: 'line', x1: cx - r, y1: cy + r, x2: cx + r, y2: cy - r, stroke: 0, lineWidth: 0.9 });
    }
  };
  words(printed('howFill'));
  icon(false);
  words(printed('howCancel'));
  icon(true);
  words(printed('howThen'));
  return ops;
}
