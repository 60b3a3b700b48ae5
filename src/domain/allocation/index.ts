/**
 * Fit-aware allocation: who gets which size from which depot, exactly optimal. Instances are parsed with
 * {@link parseInstance}, solved per item as a min-cost flow by {@link solveAllocation}, handed out to people by
 * {@link handOut} and explained by {@link explainer}.
 */
export { allocatePeople } from './allocate-people.ts';
export { type CatalogueGrid, substitutionRulesFor, transportFor } from './catalogue-rules.ts';
export { type Explainer, explainer, type Reason } from './explain.ts';
export { type Allotment, handOut, type PersonAllocation } from './hand-out.ts';
export {
  instanceSchema,
  MAX_COST,
  MAX_QTY,
  MAX_TOTAL_DEMAND,
  parseInstance,
  parseInstanceJson,
} from './instance-schema.ts';
export {
  DEFAULT_ITEMS,
  type GeneratedItem,
  generateIntake,
  type Intake,
  type IntakeOptions,
  instanceOf,
} from './intake-generator.ts';
export { classLevelLp, type LpModel, personLevelLp } from './lp-model.ts';
export { classesOf, inIdOrder, type PeopleInstance, type Person } from './people.ts';
export { type Random, seededRandom } from './random.ts';
export { randomInstance } from './random-instance.ts';
export { type Messages, reasonInEnglish, renderReason } from './render-reason.ts';
export { compareText, RuleBook } from './rule-book.ts';
export {
  eitherWay,
  type GridAxis,
  rulesFromGrid,
  rulesFromGrids,
  type StepPolicy,
  upOnly,
} from './size-grid-rules.ts';
export { compareFlows, solveAllocation } from './solve.ts';
export type * from './types.ts';
export { verifyAllocation } from './verify.ts';
