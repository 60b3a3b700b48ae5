import type { Writable } from 'node:stream';
import { PdfWriter } from '../adapters/pdf/pdf-document.ts';
import { InputError, type Issue } from '../domain/errors.ts';
import type { NormalisedForm } from '../domain/forms/form-model.ts';
import { type LanguagePlan, resolveText } from '../domain/forms/language-plan.ts';
import type { DrawOp } from '../domain/paper/draw-ops.ts';
import { formItems } from '../domain/paper/form-items.ts';
import type { LayoutField, LayoutFile, LayoutPage } from '../domain/paper/layout-file.ts';
import { type ChromeContext, type PrintPerson, personalisePage } from '../domain/paper/page-chrome.ts';
import { PAPER_SIZES, type PaperName } from '../domain/paper/page-geometry.ts';
import { planPages } from '../domain/paper/page-plan.ts';
import { type Printed, type PrintLanguage, printLanguage } from '../domain/paper/printed-text.ts';
import { encodePagePayload } from '../domain/paper/qr-payload.ts';
import { nodeI18n } from '../i18n/node.ts';

export interface RenderOptions {
  form: NormalisedForm;
  people: readonly PrintPerson[];
  plan: LanguagePlan;
  paper: PaperName;
  /** Where the PDF bytes go. */
  out: Writable;
  created: Date;
  onProgress?: (done: number, total: number) => void;
  /** Sees each page's drawing (the person's part and the shared body), e.g. for checks that every text prints. */
  onPage?: (index: number, ops: readonly DrawOp[]) => void;
}

export interface RenderResult {
  layout: LayoutFile;
  pages: number;
  bytes: number;
  pagesPerPerson: number;
}

/** Kitout's printed words for a language, from the `paper` namespace. */
export async function printedWords(language: PrintLanguage): Promise<Printed> {
  const t = (await nodeI18n()).getFixedT(language, 'paper', 'print');
  return (key, params) => t(key, params ?? {});
}

/**
 * Renders one personalised form per person into a single PDF and returns the layout file that goes with it.
 * Every string is checked against the font before anything is drawn: a character the font lacks (Arabic in a
 * name, say) refuses the batch with the person and the characters, rather than printing a blank.
 */
export async function renderForms(options: RenderOptions): Promise<RenderResult> {
  const { form, plan, people } = options;
  const page = PAPER_SIZES[options.paper];
  const printed = await printedWords(printLanguage(form, plan));
  const title =
    resolveText(form.settings.title, plan.title, form)
      .map((s) => s.text)
      .join(' / ') || form.settings.formId;
  const pdf = new PdfWriter(options.out, { title, created: options.created });
  const { items, fields } = formItems(form, plan, printed);
  const templates = planPages({ items, fields }, { page, measure: pdf.measure, printed });

  const issues: Issue[] = [];
  const check = (text: string, where: Omit<Issue, 'reason'>) => {
    const missing = pdf.missingGlyphs(text);
    if (missing.length)
      issues.push({
        ...where,
        reason: `the font has no glyph for ${missing.map((c) => `"${c}"`).join(' ')}`,
      });
  };
  for (const template of templates)
    for (const op of template.ops) if (op.op === 'text') check(op.text, { field: `page ${template.number}` });
  check(title, { field: 'title' });
  const version = form.settings.version ?? '';
  for (const person of people) {
    check([person.name, person.nameLatin ?? '', person.site ?? ''].join(' '), {
      row: undefined,
      field: person.id,
    });
    try {
      encodePagePayload({ formId: form.settings.formId, version, personId: person.id, page: 1 });
    } catch (err) {
      issues.push({ field: person.id, reason: (err as Error).message });
    }
  }
  if (issues.length) throw new InputError(issues.slice(0, 100));

  const layoutPages: LayoutPage[] = [];
  let index = 0;
  for (const [i, person] of people.entries()) {
    const ctx: ChromeContext = {
      page,
      formId: form.settings.formId,
      version,
      title,
      person,
      pages: templates.length,
      measure: pdf.measure,
      printed,
    };
    for (const template of templates) {
      const { ops, layout } = personalisePage(template, ctx);
      pdf.addPage(page, ops, { key: `page-${template.number}`, ops: template.ops });
      options.onPage?.(index, [...ops, ...template.ops]);
      layoutPages.push({ index: index++, ...layout });
    }
    options.onProgress?.(i + 1, people.length);
    // Let the PDF stream drain now and then, so memory stays flat over thousands of pages.
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  const bytes = await pdf.end();
  const layout: LayoutFile = {
    format: 'kitout-layout',
    version: 1,
    unit: 'pt',
    form: { id: form.settings.formId, version },
    paper: options.paper,
    fields: fields as LayoutField[],
    pages: layoutPages,
  };
  return { layout, pages: index, bytes, pagesPerPerson: templates.length };
}

/** The text runs of a page's drawing, for checks that each prints. */
export function textRuns(ops: readonly DrawOp[]): Extract<DrawOp, { op: 'text' }>[] {
  return ops.filter((op): op is Extract<DrawOp, { op: 'text' }> => op.op === 'text');
}
