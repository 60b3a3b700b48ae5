import { z } from '@hono/zod-openapi';
import { BODY_PARTS, DIMENSIONS } from '../../domain/sizes/index.ts';

/** Request and response shapes of `/api/sizes/*`; the web UI takes its types from here. */

const IntervalSchema = z.object({ min: z.number(), max: z.number() });

export const BodySchema = z
  .object(Object.fromEntries(DIMENSIONS.map((d) => [d, IntervalSchema.optional()])))
  .openapi('SizeBody', {
    description:
      'Body intervals by dimension: headGirth, chest, waist, hip, height in cm; footLength, footWidth in mm. Both ends inclusive.',
  });

export const NoteSchema = z
  .object({
    key: z.string().openapi({ description: 'A key of the `sizes` translations', example: 'note.spans' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .openapi('SizeNote');

export const FlagSchema = NoteSchema.extend({ dimensions: z.array(z.enum(DIMENSIONS)) }).openapi('SizeFlag', {
  description: 'Something to re-measure or check, with the dimensions it concerns',
});

const Localised = z.object({ en: z.string(), ru: z.string(), ko: z.string() });
const Lang = z.enum(['en', 'ru', 'ko']);

export const SizeSystemSchema = z
  .object({
    id: z.string(),
    part: z.enum(BODY_PARTS),
    nameKey: z.string(),
    names: Localised,
    dimensions: z.array(z.string()),
    examples: z.array(z.string()),
    labels: z.array(z.string()),
    rule: NoteSchema,
    ruleText: Localised,
  })
  .openapi('SizeSystem');

export const ConvertQuerySchema = z.object({
  label: z.string().max(100).openapi({ example: '48-4' }),
  from: z.string().min(1).max(40).openapi({ example: 'ru-garment' }),
  to: z.string().min(1).max(40).openapi({ example: 'kr-top', description: 'A system id, or `body`' }),
  lang: Lang.optional().openapi({ description: 'Language of `rule` and `notes` (default English)' }),
});

export const ConversionSchema = z
  .object({
    to: z.string(),
    alternatives: z.array(z.string()),
    body: BodySchema,
    rule: z.string(),
    notes: z.array(z.string()),
  })
  .openapi('SizeConversion', { description: 'The `kitout sizes convert --json` answer' });

const ChartCellSchema = z.object({
  system: z.string(),
  label: z.string().nullable(),
  alternatives: z.array(z.string()),
  tie: z.boolean(),
  marks: z.array(z.enum(['tie', 'between', 'spans', 'partly'])),
  notes: z.array(NoteSchema),
  error: z.string().optional(),
});

export const ChartSchema = z
  .object({
    system: z.string(),
    part: z.enum(BODY_PARTS),
    columns: z.array(z.string()),
    rows: z.array(z.object({ label: z.string(), body: BodySchema, cells: z.array(ChartCellSchema) })),
    rules: z.array(z.object({ system: z.string(), rule: NoteSchema, text: z.string() })),
  })
  .openapi('SizeChart');

export const AnswerSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('label'),
      system: z.string().max(40),
      label: z.string().max(100),
    }),
    z.object({
      kind: z.literal('measurement'),
      dimension: z.enum(DIMENSIONS),
      value: z
        .number()
        .positive()
        .max(1000)
        .openapi({ description: 'cm, or mm for footLength and footWidth' }),
    }),
  ])
  .openapi('SizeAnswer');

export const ResolveRequestSchema = z
  .object({
    answers: z.array(AnswerSchema).min(1, 'give at least one label or measurement').max(50),
    items: z
      .array(z.string().min(1).max(100))
      .max(500)
      .optional()
      .openapi({ description: 'Catalogue item ids to answer for; all items when absent' }),
  })
  .openapi('SizeResolveRequest');

const VariantScoreSchema = z.object({
  label: z.string(),
  system: z.string().nullable(),
  score: z.number(),
  dimensions: z.array(z.string()),
});

export const ItemAnswerSchema = z.object({
  item: z.string(),
  names: z.record(z.string(), z.string()),
  sizeSystem: z.string().nullable(),
  best: VariantScoreSchema.nullable(),
  runnerUp: VariantScoreSchema.nullable(),
  tie: z.boolean(),
  score: z.number().nullable().openapi({ description: 'The best size’s fit, 0–1 (1 = at its centre)' }),
  reasons: z.array(NoteSchema),
  reason: z.string().openapi({ description: 'The reasons in English' }),
  remeasure: z.array(FlagSchema),
});

export const ResolveSchema = z
  .object({
    body: BodySchema,
    notes: z.array(NoteSchema),
    flags: z.array(FlagSchema),
    items: z.array(ItemAnswerSchema),
  })
  .openapi('SizeResolution');

export const SizeProfileOverrideSchema = z.record(z.string(), z.unknown()).openapi('SizeProfileOverride', {
  description:
    'Any subset of the size-profile settings (see src/domain/sizes/README.md); unknown keys are refused. `{}` restores every default.',
  example: { footToLastMm: 12, ruHeightTie: 'smaller' },
});

export const SizeProfileSchema = z
  .object({
    override: z.record(z.string(), z.unknown()),
    profile: z.record(z.string(), z.unknown()),
    defaults: z.record(z.string(), z.unknown()),
  })
  .openapi('SizeProfileView');
