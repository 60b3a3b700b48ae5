import PDFDocument from 'pdfkit';
import { fontBytes } from '../../adapters/pdf/fonts.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { translatorFor } from '../../i18n/node.ts';
import type { ServiceContext } from '../context.ts';
import { FUNNEL, intakeDashboard } from './intake-dashboard.ts';
import { reconciliation } from './reconciliation.ts';

const LOCALE: Record<UiLanguage, string> = { en: 'en-GB', ru: 'ru-RU', ko: 'ko-KR' };
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;

/**
 * A printable one- or two-page summary of an intake in the reader's language: progress (the funnel as bars),
 * units issued against entitlement per item, and shortages. Numbers and dates are formatted by Intl for the
 * language; text is set in Noto Sans KR (Latin, Cyrillic and Hangul in one font).
 */
export async function intakeSummaryPdf(
  ctx: ServiceContext,
  intakeId: string,
  opts: { language: UiLanguage; timeZone?: string },
): Promise<Buffer> {
  const [dash, recon, t, items] = await Promise.all([
    intakeDashboard(ctx, intakeId, { timeZone: opts.timeZone }),
    reconciliation(ctx, intakeId),
    translatorFor(opts.language, 'reports'),
    ctx.db.selectFrom('items').select(['id', 'names']).execute(),
  ]);
  const locale = LOCALE[opts.language];
  const num = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: opts.timeZone ?? 'UTC',
  });
  const itemName = (id: string) => {
    const names = items.find((i) => i.id === id)?.names ?? {};
    return names[opts.language] ?? names.en ?? id;
  };

  const doc = new PDFDocument({
    size: [A4.width, A4.height],
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `${t('pdf.title')} ${intakeId}`,
      Producer: 'Kitout',
      Creator: 'Kitout',
      CreationDate: ctx.now(),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const fonts = fontBytes();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const width = A4.width - 2 * MARGIN;

  doc
    .font('bold')
    .fontSize(18)
    .text(`${t('pdf.title')} — ${dash.intake.id}`);
  doc.font('regular').fontSize(11).text(dash.intake.name);
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(t('pdf.generated', { date: date.format(ctx.now()) }))
    .text(t('intake.people', { n: num.format(dash.people) }))
    .fillColor('black');
  doc.moveDown();

  // Progress: one bar per step, against the roster.
  heading(doc, t('pdf.progress'));
  const labelW = 150;
  const barW = width - labelW - 90;
  for (const step of FUNNEL) {
    const value = dash.funnel[step];
    const y = doc.y;
    doc
      .font('regular')
      .fontSize(10)
      .text(t(`funnel.${step}`), MARGIN, y, { width: labelW });
    doc.rect(MARGIN + labelW, y + 1, barW, 10).fill('#e6e9ef');
    const share = dash.people ? value / dash.people : 0;
    if (share > 0) doc.rect(MARGIN + labelW, y + 1, Math.max(1, barW * share), 10).fill('#2f6fbd');
    doc
      .fillColor('black')
      .text(
        `${num.format(value)} (${new Intl.NumberFormat(locale, { style: 'percent' }).format(share)})`,
        MARGIN + labelW + barW + 8,
        y,
        {
          width: 90,
        },
      );
    doc.y = y + 16;
  }
  doc.x = MARGIN;
  doc.moveDown(0.5);
  doc.fontSize(9).text(
    t('intake.units', {
      entitled: num.format(dash.units.entitled),
      issued: num.format(dash.units.issued),
      returned: num.format(dash.units.returned),
      lost: num.format(dash.units.lost),
      held: num.format(dash.units.held),
    }),
    MARGIN,
  );
  doc.moveDown();

  heading(doc, t('pdf.byItem'));
  table(
    doc,
    [
      t('col.item'),
      t('col.entitled'),
      t('col.issued'),
      t('col.returned'),
      t('col.lost'),
      t('col.held'),
      t('col.outstanding'),
      t('col.available'),
    ],
    [
      ...recon.byItem.map((r) => [
        itemName(r.item),
        ...[r.entitled, r.issued, r.returned, r.lost, r.held, r.outstanding, r.available].map((v) =>
          num.format(v),
        ),
      ]),
      [
        t('recon.total'),
        ...[
          recon.totals.entitled,
          recon.totals.issued,
          recon.totals.returned,
          recon.totals.lost,
          recon.totals.held,
          recon.totals.outstanding,
          recon.totals.available,
        ].map((v) => num.format(v)),
      ],
    ],
    // Each column as wide as its longest heading needs (Russian "Возвращено" is the widest), the item the rest.
    [125, 54, 50, 62, 50, 50, 54, 54],
  );
  doc.moveDown();

  heading(doc, t('pdf.shortages'));
  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#555')
    .text(
      dash.run
        ? t('intake.fromRun', {
            date: date.format(new Date(dash.run.createdAt)),
            status: t(`run.${dash.run.status}`),
          })
        : t('intake.noRun'),
    )
    .fillColor('black');
  doc.moveDown(0.3);
  if (dash.shortages.length === 0) doc.fontSize(10).text(t('pdf.none'));
  else {
    // Per item: the units not found, and the sizes most short (the full list is in the shortages export).
    const byItem = new Map<string, { unmet: number; sizes: { size: string; unmet: number }[] }>();
    for (const s of dash.shortages) {
      const row = byItem.get(s.item) ?? { unmet: 0, sizes: [] };
      row.unmet += s.unmet;
      row.sizes.push({ size: s.size, unmet: s.unmet });
      byItem.set(s.item, row);
    }
    table(
      doc,
      [t('col.item'), t('col.unmet'), t('col.size')],
      [...byItem].map(([item, r]) => [
        itemName(item),
        num.format(r.unmet),
        r.sizes
          .sort((a, b) => b.unmet - a.unmet)
          .slice(0, 4)
          .map((x) => `${x.size} (${num.format(x.unmet)})`)
          .join(', ') + (r.sizes.length > 4 ? ' …' : ''),
      ]),
      [130, 70, 299],
      [1],
    );
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: without this PDFKit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#777')
      .text(`${dash.intake.id} · ${t('pdf.page', { page: i + 1 })}`, MARGIN, A4.height - MARGIN + 12, {
        width,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('bold').fontSize(13).fillColor('black').text(text, MARGIN);
  doc.moveDown(0.3);
}

/** A plain table: header in bold, numbers right-aligned, a new page when the page is full. */
function table(
  doc: PDFKit.PDFDocument,
  header: string[],
  rows: string[][],
  widths: number[],
  numeric: number[] = widths.map((_, i) => i).slice(1),
): void {
  const rowH = 16;
  const draw = (cells: string[], bold: boolean) => {
    if (doc.y + rowH > A4.height - MARGIN - 10) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, y + 3, {
        width: widths[i]! - 4,
        align: numeric.includes(i) ? 'right' : 'left',
        lineBreak: false,
      });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + rowH)
      .lineTo(MARGIN + widths.reduce((s, w) => s + w, 0), y + rowH)
      .lineWidth(0.5)
      .strokeColor('#ccc')
      .stroke();
    doc.y = y + rowH;
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
  doc.x = MARGIN;
}
