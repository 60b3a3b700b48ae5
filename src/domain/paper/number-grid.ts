import { evaluate, toBoolean } from '../forms/expression-evaluator.ts';
import type { Expr } from '../forms/expression-types.ts';
import { referencedFields } from '../forms/expression-types.ts';
import type { Question } from '../forms/form-model.ts';

/**
 * A number question printed as a digit grid: one column per digit, rows 0–9, the number written in the unit
 * the question states with `decimals` digits after the point. The size of the grid comes from the
 * question's constraint (`. >= 48 and . <= 66` needs two whole digits); the digits a column offers are those
 * some allowed value has there, so a head-girth grid offers only 4, 5, 6 in its first column and a Korean
 * shoe size (steps of 5) only 0 and 5 in its last — fewer bubbles to fill wrongly.
 */
export interface NumberGrid {
  /** Columns in all, whole and decimal. */
  digits: number;
  /** Columns after the point. */
  decimals: number;
  /** Per column, the digits printed in it. */
  columns: number[][];
}

const ALL = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** Without a stated range: four whole digits for an integer, three and one decimal for a decimal. */
const DEFAULT_WHOLE = { integer: 4, decimal: 3 } as const;
/** Enumerating allowed values stops being worth it past this many; then every digit is offered. */
const MAX_ENUMERATION = 50_000;

/** The inclusive range a constraint gives `.`, read from comparisons joined by `and`; open ends stay undefined. */
export function constraintRange(tree: Expr | undefined): { min?: number; max?: number } {
  const range: { min?: number; max?: number } = {};
  const visit = (e: Expr): void => {
    if (e.kind !== 'binary') return;
    if (e.op === 'and') {
      visit(e.left);
      visit(e.right);
      return;
    }
    const selfLeft = e.left.kind === 'self' && e.right.kind === 'number';
    const selfRight = e.right.kind === 'self' && e.left.kind === 'number';
    if (!selfLeft && !selfRight) return;
    const n = (selfLeft ? e.right : e.left) as { value: number };
    // `48 <= .` says the same as `. >= 48`: flip the operator when the number is on the left.
    const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };
    const op = selfLeft ? e.op : flip[e.op];
    if (op === '>=' || op === '>') range.min = Math.max(range.min ?? -Infinity, n.value);
    if (op === '<=' || op === '<') range.max = Math.min(range.max ?? Infinity, n.value);
    if (op === '=') {
      range.min = n.value;
      range.max = n.value;
    }
  };
  if (tree) visit(tree);
  return range;
}

/** The digit grid for an `integer` or `decimal` question. */
export function numberGridFor(question: Pick<Question, 'type' | 'constraintTree'>): NumberGrid {
  if (question.type !== 'integer' && question.type !== 'decimal')
    throw new Error(`a ${question.type} question has no digit grid`);
  const decimals = question.type === 'decimal' ? 1 : 0;
  const { min, max } = constraintRange(question.constraintTree);
  const usable = min !== undefined && max !== undefined && min >= 0 && max >= min && Number.isFinite(max);
  const whole = usable ? Math.max(1, String(Math.floor(max)).length) : DEFAULT_WHOLE[question.type];
  const digits = whole + decimals;
  const columns = usable ? allowedDigits(question.constraintTree, min, max, whole, decimals) : undefined;
  return { digits, decimals, columns: columns ?? Array.from({ length: digits }, () => [...ALL]) };
}

/**
 * For each column, the digits that some allowed value puts there (values padded with leading zeros, so a
 * grid of three whole digits for 50–150 offers 0 and 1 first). A constraint that looks at other answers
 * cannot be judged here, so then only the range counts.
 */
function allowedDigits(
  tree: Expr | undefined,
  min: number,
  max: number,
  whole: number,
  decimals: number,
): number[][] | undefined {
  const scale = 10 ** decimals;
  const lo = Math.ceil(min * scale - 1e-9);
  const hi = Math.floor(max * scale + 1e-9);
  if (hi - lo > MAX_ENUMERATION || hi < lo) return undefined;
  const selfOnly = tree !== undefined && referencedFields(tree).length === 0;
  const sets = Array.from({ length: whole + decimals }, () => new Set<number>());
  for (let k = lo; k <= hi; k++) {
    const value = k / scale;
    if (selfOnly && !toBoolean(evaluate(tree, { field: () => '', self: value }))) continue;
    const text = String(k).padStart(whole + decimals, '0');
    for (let c = 0; c < text.length; c++) sets[c]!.add(Number(text[c]));
  }
  if (sets.some((s) => s.size === 0)) return undefined;
  return sets.map((s) => [...s].sort((a, b) => a - b));
}

export type DigitsResult = { ok: true; text: string } | { ok: true; text: '' } | { ok: false };

/**
 * The number a person marked, as written: `1,7,2,5` with one decimal reads `172.5`. Blank leading columns
 * are allowed (85 in a three-digit grid may leave the first column empty), and so are blank trailing
 * decimal columns (172 without its tenth); a gap between marked columns, or a blank units column, is not a
 * number. Leading zeros are dropped (`0,8,5` is `85`); all columns blank is '' (no answer).
 */
export function digitsToText(columns: readonly (number | undefined)[], decimals: number): DigitsResult {
  const marked = columns.map((d) => d !== undefined);
  if (!marked.some(Boolean)) return { ok: true, text: '' };
  const first = marked.indexOf(true);
  const last = marked.lastIndexOf(true);
  const units = columns.length - decimals - 1;
  if (marked.slice(first, last + 1).includes(false)) return { ok: false };
  if (first > units || last < units) return { ok: false };
  const whole = columns
    .slice(first, units + 1)
    .join('')
    .replace(/^0+(?=\d)/, '');
  const fraction = columns.slice(units + 1, last + 1).join('');
  return { ok: true, text: fraction ? `${whole}.${fraction}` : whole };
}
