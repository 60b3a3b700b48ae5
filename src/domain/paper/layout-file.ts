import { z } from 'zod';

/**
 * The layout file (`kitout paper render --layout`): where every mark of every printed page is, for any tool
 * that fills or reads our forms. Its shape is a contract (DESIGN.md, "Printed forms"; README.md here):
 * PDF points, origin at the page's top-left, x to the right, y down; circles by centre and radius.
 * Kitout's extensions (`form`, `paper`, `fields`, bubble `part`, page `writeIns`) are optional for readers and
 * a reader ignores keys it does not know, so the file can grow without breaking anyone.
 */

const finite = z.number().finite();
const positive = finite.positive();

export const circleSchema = z.object({ x: finite, y: finite, r: positive });
export type Circle = z.infer<typeof circleSchema>;

export const bubbleSchema = z.object({
  field: z.string().min(1),
  value: z.string(),
  x: finite,
  y: finite,
  r: positive,
  /** Digit grids: which column (0 = leftmost), of how many, with how many after the point. */
  digit: z.number().int().min(0).optional(),
  digits: z.number().int().min(1).max(12).optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  /** Kitout extension: the part of a composite answer (see `fields[].parts`) this bubble belongs to. */
  part: z.number().int().min(0).optional(),
});
export type Bubble = z.infer<typeof bubbleSchema>;

/** Kitout extension: a box for handwriting, by its top-left corner and size (points). */
export const writeInSchema = z.object({
  field: z.string().min(1),
  left: finite,
  top: finite,
  width: positive,
  height: positive,
});
export type WriteIn = z.infer<typeof writeInSchema>;

export const layoutPageSchema = z.object({
  /** The page's position in the PDF, from 0. */
  index: z.number().int().min(0),
  person: z.string().min(1),
  /** 1-based page number within the person's form. */
  page: z.number().int().min(1),
  width: positive,
  height: positive,
  fiducials: z.array(circleSchema).length(4),
  /** The QR symbol's centre and side (without its quiet zone). */
  qr: z.object({ x: finite, y: finite, size: positive }),
  bubbles: z.array(bubbleSchema),
  writeIns: z.array(writeInSchema).optional(),
});
export type LayoutPage = z.infer<typeof layoutPageSchema>;

/** One piece of a composite answer: a choice among bubbles, a digit grid, or fixed text between them. */
export const partSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice') }),
  z.object({ kind: z.literal('digits'), digits: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('literal'), text: z.string() }),
]);
export type Part = z.infer<typeof partSchema>;

/**
 * Kitout extension: how each field's marks make an answer. `choice` (one mark), `choices` (any number, joined
 * by spaces as XLSForm does), `number` (a digit grid), `pattern` (the `parts` joined in order), `write-in`
 * (handwriting, always for a person to key in).
 */
export const fieldSchema = z.object({
  field: z.string().min(1),
  kind: z.enum(['choice', 'choices', 'number', 'pattern', 'write-in']),
  parts: z.array(partSchema).optional(),
});
export type LayoutField = z.infer<typeof fieldSchema>;

export const layoutFileSchema = z.object({
  format: z.literal('kitout-layout'),
  version: z.literal(1),
  unit: z.literal('pt'),
  form: z.object({ id: z.string(), version: z.string() }).optional(),
  paper: z.string().optional(),
  fields: z.array(fieldSchema).optional(),
  pages: z.array(layoutPageSchema),
});
export type LayoutFile = z.infer<typeof layoutFileSchema>;

export type LayoutResult = { ok: true; value: LayoutFile } | { ok: false; errors: string[] };

/**
 * Checks a parsed JSON value against the layout contract; errors name the JSON path. Beyond the shape it
 * checks what a reader relies on: digit bubbles carry `digit`, `digits` and `decimals` together, a digit is
 * inside its grid, and no person's page appears twice.
 */
export function parseLayoutFile(json: unknown): LayoutResult {
  const parsed = layoutFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`),
    };
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  parsed.data.pages.forEach((page, p) => {
    const key = `${page.person}\u0000${page.page}`;
    if (seen.has(key)) errors.push(`pages.${p}: person ${page.person} page ${page.page} appears twice`);
    seen.add(key);
    page.bubbles.forEach((b, i) => {
      const grid = [b.digit, b.digits, b.decimals].filter((v) => v !== undefined).length;
      if (grid !== 0 && grid !== 3)
        errors.push(`pages.${p}.bubbles.${i}: digit, digits and decimals go together`);
      else if (grid === 3 && (b.digit! >= b.digits! || b.decimals! > b.digits!))
        errors.push(`pages.${p}.bubbles.${i}: digit ${b.digit} is outside a grid of ${b.digits} digits`);
    });
  });
  return errors.length ? { ok: false, errors: errors.slice(0, 20) } : { ok: true, value: parsed.data };
}
