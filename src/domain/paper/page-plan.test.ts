import { describe, expect, it } from 'vitest';
import { buildDefaultSizingForm } from '../forms/default-sizing-form.ts';
import { parseLanguagePlan } from '../forms/language-plan.ts';
import { lineHeight } from './draw-ops.ts';
import { formItems } from './form-items.ts';
import { personalisePage } from './page-chrome.ts';
import { BODY_TOP, FIDUCIAL, PAPER_SIZES, type PaperName } from './page-geometry.ts';
import { planPages } from './page-plan.ts';
import { parsePagePayload } from './qr-payload.ts';
import { testMeasure, testPrinted } from './test-measure.ts';

const form = buildDefaultSizingForm();
const planOf = (text: string) => {
  const p = parseLanguagePlan(text);
  if (!p.ok) throw new Error(text);
  return p.value;
};
const pagesFor = (paper: PaperName, plan = 'questions=ru,choices=ko') =>
  planPages(formItems(form, planOf(plan), testPrinted), {
    page: PAPER_SIZES[paper],
    measure: testMeasure,
    printed: testPrinted,
  });

describe('planPages', () => {
  for (const paper of ['a4', 'letter'] as const) {
    it(`keeps every circle on the ${paper} page, below the header and apart from every other`, () => {
      const pages = pagesFor(paper);
      const size = PAPER_SIZES[paper];
      for (const p of pages) {
        for (const b of p.bubbles) {
          expect(b.x - b.r).toBeGreaterThan(FIDUCIAL.inset + FIDUCIAL.r);
          expect(b.x + b.r).toBeLessThan(size.width - FIDUCIAL.inset - FIDUCIAL.r);
          expect(b.y - b.r).toBeGreaterThanOrEqual(BODY_TOP);
          expect(b.y + b.r).toBeLessThan(size.height - FIDUCIAL.inset - FIDUCIAL.r);
        }
        // The reader measures a ring out to 1.5 r around each circle: no other circle may reach into it.
        const sorted = [...p.bubbles].sort((a, b) => a.y - b.y);
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length && sorted[j]!.y - sorted[i]!.y < 20; j++) {
            const a = sorted[i]!;
            const b = sorted[j]!;
            expect(
              Math.hypot(a.x - b.x, a.y - b.y),
              `${a.field}/${a.value} vs ${b.field}/${b.value}`,
            ).toBeGreaterThan(a.r * 1.5 + b.r);
          }
        }
      }
    });
  }

  it('keeps text from running into circles', () => {
    for (const p of pagesFor('a4')) {
      for (const op of p.ops) {
        if (op.op !== 'text' || op.grey !== undefined) continue;
        const box = {
          left: op.x,
          right: op.x + testMeasure(op.text, op.size, !!op.bold),
          top: op.y,
          bottom: op.y + lineHeight(op.size),
        };
        for (const b of p.bubbles) {
          const inside =
            b.x > box.left - b.r * 0.6 && b.x < box.right + b.r * 0.6 && b.y > box.top && b.y < box.bottom;
          expect(inside, `"${op.text}" over ${b.field}/${b.value}`).toBe(false);
        }
      }
    }
  });

  it('puts every question of the default form on the pages exactly once, on a handful of pages', () => {
    const pages = pagesFor('a4');
    expect(pages.length).toBeLessThanOrEqual(4);
    const fields = pages.flatMap((p) => [...new Set(p.bubbles.map((b) => b.field))]);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toHaveLength(22);
  });

  it('repeats a heading marked as continued when its group runs on to the next page', () => {
    const pages = pagesFor('a4');
    const texts = pages
      .slice(1)
      .flatMap((p) => p.ops.filter((o) => o.op === 'text').map((o) => (o as { text: string }).text));
    expect(texts.some((t) => t.includes('continued'))).toBe(true);
  });
});

describe('personalisePage', () => {
  it('adds the fiducials, a QR code naming the person and page, and the person’s name', () => {
    const [first] = pagesFor('a4');
    const { ops, layout } = personalisePage(first!, {
      page: PAPER_SIZES.a4,
      formId: 'kitout-sizing',
      version: '1',
      title: 'Анкета',
      person: { id: 'P-000101', name: 'Иванов Иван', nameLatin: 'Ivanov Ivan', site: 'north' },
      pages: 3,
      measure: testMeasure,
      printed: testPrinted,
    });
    const qr = ops.find((o) => o.op === 'qr');
    expect(qr && parsePagePayload(qr.text)).toEqual({
      ok: true,
      value: { formId: 'kitout-sizing', version: '1', personId: 'P-000101', page: 1 },
    });
    expect(ops.filter((o) => o.op === 'circle' && o.fill === 0 && o.r === FIDUCIAL.r)).toHaveLength(4);
    expect(ops.some((o) => o.op === 'text' && o.text === 'name: Иванов Иван (Ivanov Ivan)')).toBe(true);
    expect(layout).toMatchObject({ person: 'P-000101', page: 1, width: 595.28, height: 841.89 });
    expect(layout.bubbles).toBe(first!.bubbles);
  });
});
