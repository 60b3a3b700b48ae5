/**
 * Size systems: a size label is a claim about a body. Each system parses its labels into body intervals and
 * formats body intervals back into labels; conversion is parse → body → format, reporting ties and
 * disagreements. Catalogue resolution scores item variants (each stating the body it fits) against a
 * person's answers. Pure: no I/O, clock or randomness. Decisions and sources: README.md beside this file.
 */
export {
  type Body,
  centre,
  DIMENSION_UNIT,
  DIMENSIONS,
  type Dimension,
  type Interval,
  isDimension,
  roundBody,
  width,
} from './body.ts';
export { coverGaps } from './catalogue-gaps.ts';
export {
  BODY_PARTS,
  type BodyPart,
  bodyPartOf,
  type ChartCell,
  type ChartMark,
  type ChartRow,
  type SizeChart,
  sizeChart,
} from './chart.ts';
export {
  type Conversion,
  type ConversionAnswer,
  conversionAnswer,
  convert,
  parseLabel,
} from './convert.ts';
export { message, renderNote, renderNotes } from './i18n.ts';
export type { Note } from './note.ts';
export { type Answer, estimateBody, type PersonBody } from './person-body.ts';
export { type Flag, plausibilityFlags } from './plausibility.ts';
export {
  DEFAULT_SIZE_PROFILE,
  type HeightGroup,
  parseSizeProfile,
  type Rounding,
  type RoundingMode,
  type SizeProfile,
  type SizeProfileOverride,
  sizeProfileOverrideSchema,
  type TieRule,
} from './profile.ts';
export { systemFor, systemsFor } from './registry.ts';
export {
  type CatalogueItem,
  type CatalogueVariant,
  type ItemFit,
  type PersonFit,
  resolveItem,
  resolvePerson,
  type VariantScore,
} from './resolve.ts';
export { answerSchema, bodySchema, catalogueItemSchema, variantFromLabel } from './schemas.ts';
export { BELT_BY_LENGTH_CM, type StatedDimension, statedFit } from './stated-fit.ts';
export {
  type FormatHints,
  type Formatted,
  isSystemId,
  type LabelClaim,
  type Sex,
  type SizeSystem,
  SYSTEM_IDS,
  type SystemId,
} from './system.ts';
export * from './units.ts';
