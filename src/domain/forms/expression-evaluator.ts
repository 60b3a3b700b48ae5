import type { Expr } from './expression-types.ts';

/** A value during evaluation, as XPath 1.0 has them (node-sets are read as their string value). */
export type Value = string | number | boolean;

/** What an expression can see: other answers by name, and the answer it belongs to (`.`). */
export interface EvaluationContext {
  /** The answer to `${name}`: a number for a filled numeric question, otherwise its text ('' when empty). */
  field(name: string): Value;
  self: Value;
}

/**
 * Evaluates a parsed expression by XPath 1.0 rules: `=` compares as booleans if either side is one, else as
 * numbers if either side is one, else as text; `<` and friends compare numbers; an empty answer is `''`,
 * whose number is NaN, so `${age} > 18` is false until age is given. Pure and total: it never throws.
 */
export function evaluate(expr: Expr, ctx: EvaluationContext): Value {
  switch (expr.kind) {
    case 'number':
    case 'string':
      return expr.value;
    case 'field':
      return ctx.field(expr.name);
    case 'self':
      return ctx.self;
    case 'negate':
      return -toNumber(evaluate(expr.operand, ctx));
    case 'binary':
      return binary(expr.op, expr.left, expr.right, ctx);
    case 'call':
      return call(expr.name, expr.args, ctx);
  }
}

/** The truth of a value: non-empty text, a number other than 0 and NaN, or the boolean itself. */
export function toBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value.length > 0;
}

export function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = value.trim();
  // XPath's number(): optional minus, digits with an optional point; anything else is NaN (no '1e3', no '0x10').
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

export function toText(value: Value): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return Object.is(value, -0) ? '0' : String(value);
}

function binary(
  op: Extract<Expr, { kind: 'binary' }>['op'],
  l: Expr,
  r: Expr,
  ctx: EvaluationContext,
): Value {
  if (op === 'or') return toBoolean(evaluate(l, ctx)) || toBoolean(evaluate(r, ctx));
  if (op === 'and') return toBoolean(evaluate(l, ctx)) && toBoolean(evaluate(r, ctx));
  const a = evaluate(l, ctx);
  const b = evaluate(r, ctx);
  switch (op) {
    case '=':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case '<':
      return toNumber(a) < toNumber(b);
    case '<=':
      return toNumber(a) <= toNumber(b);
    case '>':
      return toNumber(a) > toNumber(b);
    case '>=':
      return toNumber(a) >= toNumber(b);
    case '+':
      return toNumber(a) + toNumber(b);
    case '-':
      return toNumber(a) - toNumber(b);
    case '*':
      return toNumber(a) * toNumber(b);
    case 'div':
      return toNumber(a) / toNumber(b);
    case 'mod':
      return toNumber(a) % toNumber(b);
  }
}

function equals(a: Value, b: Value): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) === toNumber(b);
  return a === b;
}

/** The choices of a select answer: XLSForm stores a multiple choice as names separated by spaces. */
export function selectedNames(value: Value): string[] {
  return toText(value).split(/\s+/).filter(Boolean);
}

const compiled = new Map<string, RegExp>();

function call(name: Extract<Expr, { kind: 'call' }>['name'], args: Expr[], ctx: EvaluationContext): Value {
  switch (name) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'not':
      return !toBoolean(evaluate(args[0]!, ctx));
    case 'selected':
      return selectedNames(evaluate(args[0]!, ctx)).includes(toText(evaluate(args[1]!, ctx)).trim());
    case 'count-selected':
      return selectedNames(evaluate(args[0]!, ctx)).length;
    case 'string-length':
      return Array.from(toText(evaluate(args[0]!, ctx))).length;
    case 'regex': {
      // The parser only lets a checked literal pattern through, so compiling cannot fail here.
      const pattern = toText(evaluate(args[1]!, ctx));
      let re = compiled.get(pattern);
      if (!re) {
        re = new RegExp(pattern);
        compiled.set(pattern, re);
      }
      return re.test(toText(evaluate(args[0]!, ctx)));
    }
  }
}
