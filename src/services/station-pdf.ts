import { PassThrough } from 'node:stream';
import { PdfWriter } from '../adapters/pdf/pdf-document.ts';
import { InputError, NotFoundError } from '../domain/errors.ts';
import { slipCode } from '../domain/stations/index.ts';
import { A4, A6, type ReceiptWords, receiptPages, slipPage } from '../domain/stations/print-layout.ts';
import { isUiLanguage, type UiLanguage } from '../i18n/languages.ts';
import { nodeI18n } from '../i18n/node.ts';
import type { ServiceContext } from './context.ts';
import { personName } from './person-name.ts';
import { kitRecord } from './stations.ts';

async function words(language: UiLanguage): Promise<ReceiptWords> {
  const t = (await nodeI18n()).getFixedT(language, 'receipt');
  return (key, params) => t(key, params ?? {});
}

async function personFor(ctx: ServiceContext, personId: string) {
  const p = await ctx.db
    .selectFrom('people as p')
    .innerJoin('intakes as i', 'i.id', 'p.intake_id')
    .select([
      'p.id',
      'p.name',
      'p.name_latin',
      'p.name_cyrillic',
      'p.language',
      'p.intake_id',
      'i.name as intake_name',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!p) throw new NotFoundError('person', personId);
  return p;
}

/** The language to print in: the one asked for, else the person's own when the UI speaks it, else Russian. */
function printLanguage(asked: string | undefined, own: string | null): UiLanguage {
  if (asked !== undefined) {
    if (!isUiLanguage(asked))
      throw new InputError([{ field: 'lang', reason: `receipts print in en, ru or ko, not "${asked}"` }]);
    return asked;
  }
  return isUiLanguage(own) ? own : 'ru';
}

async function render(title: string, created: Date, pages: (pdf: PdfWriter) => void): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const pdf = new PdfWriter(out, { title, created });
  pages(pdf);
  await pdf.end();
  return Buffer.concat(chunks);
}

const missingGlyphsCheck = (pdf: PdfWriter, texts: string[]) => {
  const missing = pdf.missingGlyphs(texts.join(' '));
  if (missing.length)
    throw new InputError([
      { field: 'name', reason: `the font has no glyph for ${missing.map((c) => `"${c}"`).join(' ')}` },
    ]);
};

/** A printable receipt of what a person holds, in their language (or `lang`), with lines to sign. */
export async function receiptPdf(ctx: ServiceContext, personId: string, lang?: string): Promise<Buffer> {
  const p = await personFor(ctx, personId);
  const language = printLanguage(lang, p.language);
  const [w, record, items] = await Promise.all([
    words(language),
    kitRecord(ctx, personId),
    ctx.db.selectFrom('items').select(['id', 'names', 'sort']).execute(),
  ]);
  const itemOf = new Map(items.map((i) => [i.id, i]));
  const shown = personName(p, language);
  const count = (kind: string) => record.events.filter((e) => e.kind === kind).length;
  const lines = [...record.holdings]
    .filter((h) => h.qty > 0)
    .sort(
      (a, b) =>
        (itemOf.get(a.item)?.sort ?? 0) - (itemOf.get(b.item)?.sort ?? 0) || a.size.localeCompare(b.size),
    )
    .map((h) => ({ item: itemOf.get(h.item)?.names[language] ?? h.item, size: h.size, qty: h.qty }));
  const now = ctx.now();
  return render(`${w('title')} ${p.id}`, now, (pdf) => {
    missingGlyphsCheck(pdf, [p.name, shown.viewer ?? '']);
    const pages = receiptPages(
      {
        name: p.name,
        nameInReaderScript: shown.viewer,
        personId: p.id,
        intake: p.intake_name,
        printedOn: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(now),
        lines,
        counts: {
          issued: count('issue'),
          returned: count('return'),
          exchanged: count('exchange'),
          lost: count('loss'),
        },
      },
      w,
      pdf.measure,
    );
    for (const ops of pages) pdf.addPage(A4, ops);
  });
}

/** A person's check-in slip: their name and the QR the queue scans (`kitout:1:<form>:<version>:<person>:0`). */
export async function slipPdf(ctx: ServiceContext, personId: string, lang?: string): Promise<Buffer> {
  const p = await personFor(ctx, personId);
  const language = printLanguage(lang, p.language);
  const form = await ctx.db
    .selectFrom('forms')
    .select(['id', 'version'])
    .where('active', '=', true)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  const w = await words(language);
  const shown = personName(p, language === 'ko' ? 'en' : language);
  return render(`${w('slipTitle')} ${p.id}`, ctx.now(), (pdf) => {
    missingGlyphsCheck(pdf, [p.name, shown.viewer ?? '']);
    pdf.addPage(
      A6,
      slipPage(
        {
          name: p.name,
          nameInReaderScript: shown.viewer,
          personId: p.id,
          intake: p.intake_name,
          code: slipCode(form?.id ?? 'kitout', form?.version ?? '', p.id),
        },
        w,
        pdf.measure,
      ),
    );
  });
}
