import type { Expr } from '../forms/expression-types.ts';
import { referencedFields } from '../forms/expression-types.ts';

/** One plain condition of a relevance: "question `field` was answered `value`". */
export interface Condition {
  field: string;
  value: string;
}

/**
 * What a paper form can say about when a question applies. Paper cannot hide a question, so the printed
 * form tells the person: for `${x} = 'v'` (also `selected(${x}, 'v')`, and several joined by `and`) the
 * conditions themselves; for anything else only which questions it depends on.
 */
export type RelevanceText =
  | { kind: 'always' }
  | { kind: 'conditions'; conditions: Condition[] }
  | { kind: 'depends'; fields: string[] };

export function describeRelevance(tree: Expr | undefined): RelevanceText {
  if (!tree) return { kind: 'always' };
  const conditions: Condition[] = [];
  const collect = (e: Expr): boolean => {
    if (e.kind === 'binary' && e.op === 'and') return collect(e.left) && collect(e.right);
    const c = conditionOf(e);
    if (c) conditions.push(c);
    return c !== undefined;
  };
  if (collect(tree)) return { kind: 'conditions', conditions };
  return { kind: 'depends', fields: referencedFields(tree) };
}

function conditionOf(e: Expr): Condition | undefined {
  if (e.kind === 'binary' && e.op === '=') {
    if (e.left.kind === 'field' && e.right.kind === 'string')
      return { field: e.left.name, value: e.right.value };
    if (e.right.kind === 'field' && e.left.kind === 'string')
      return { field: e.right.name, value: e.left.value };
  }
  if (e.kind === 'call' && e.name === 'selected') {
    const [f, v] = e.args;
    if (f?.kind === 'field' && v?.kind === 'string') return { field: f.name, value: v.value };
  }
  return undefined;
}

/** Whether two conditions say the same thing. */
export function sameCondition(a: Condition | undefined, b: Condition | undefined): boolean {
  return !!a && !!b && a.field === b.field && a.value === b.value;
}
