/**
 * The parsed form of an XLSForm expression (`relevant`, `constraint`): the small XPath 1.0 subset that
 * sizing forms use. Trees are plain JSON so the normalised form can store them beside their source text.
 */

/** Binary operators, loosest first: `or`, `and`, equality, relational, additive, multiplicative. */
export type BinaryOperator =
  | 'or'
  | 'and'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | 'div'
  | 'mod';

/** Functions the evaluator knows, with how many arguments each takes. */
export const EXPRESSION_FUNCTIONS = {
  not: { min: 1, max: 1 },
  selected: { min: 2, max: 2 },
  'count-selected': { min: 1, max: 1 },
  'string-length': { min: 1, max: 1 },
  regex: { min: 2, max: 2 },
  true: { min: 0, max: 0 },
  false: { min: 0, max: 0 },
} as const;

export type FunctionName = keyof typeof EXPRESSION_FUNCTIONS;

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(EXPRESSION_FUNCTIONS, name);
}

/** One node of an expression tree. */
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  /** `${name}`: the answer to another question. */
  | { kind: 'field'; name: string }
  /** `.`: the answer to the question the expression belongs to. */
  | { kind: 'self' }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
  | { kind: 'call'; name: FunctionName; args: Expr[] };

/** Where an expression went wrong, as an i18n key (namespace `forms`) and its parameters. */
export interface ExpressionError {
  key: string;
  params: Record<string, string | number>;
}

/**
 * Bounds that keep a hostile expression from costing much: its length, how deeply brackets and calls nest
 * (the parser recurses once per level) and the depth of the finished tree (the evaluator recurses over it).
 */
export const EXPRESSION_LIMITS = {
  maxLength: 4000,
  maxNesting: 64,
  maxTreeDepth: 500,
} as const;

/** Every `${name}` an expression refers to, in order of first appearance. */
export function referencedFields(expr: Expr): string[] {
  const seen = new Set<string>();
  const stack: Expr[] = [expr];
  const order: string[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'field':
        if (!seen.has(node.name)) {
          seen.add(node.name);
          order.push(node.name);
        }
        break;
      case 'negate':
        stack.push(node.operand);
        break;
      case 'binary':
        stack.push(node.right, node.left);
        break;
      case 'call':
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]!);
        break;
      default:
        break;
    }
  }
  return order;
}
