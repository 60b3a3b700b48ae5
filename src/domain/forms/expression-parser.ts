import { type Token, tokenize } from './expression-lexer.ts';
import {
  type BinaryOperator,
  EXPRESSION_FUNCTIONS,
  EXPRESSION_LIMITS,
  type Expr,
  type ExpressionError,
  isFunctionName,
} from './expression-types.ts';
import { checkRegexPattern } from './regex-safety.ts';

export type ExpressionResult = { ok: true; tree: Expr } | { ok: false; error: ExpressionError };

/** Operator levels, loosest first; each level is left-associative. */
const LEVELS: ReadonlyArray<ReadonlyArray<BinaryOperator>> = [
  ['or'],
  ['and'],
  ['=', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', 'div', 'mod'],
];
const WORD_OPERATORS = new Set<string>(['or', 'and', 'div', 'mod']);

class ParseFailure extends Error {
  constructor(readonly error: ExpressionError) {
    super(error.key);
  }
}

interface Parsed {
  node: Expr;
  depth: number;
}

/**
 * Parses an XLSForm expression into a tree. Hand-written recursive descent: the grammar is a dozen rules, no
 * parser library covers XPath's subset with errors this specific, and nothing here ever evaluates text as code.
 * Never throws; every refusal names what is wrong and where (1-based character position).
 *
 * @example parseExpression("${head_known} = 'yes'") // { ok: true, tree: { kind: 'binary', op: '=', ... } }
 */
export function parseExpression(source: string): ExpressionResult {
  const length = Array.from(source).length;
  if (length > EXPRESSION_LIMITS.maxLength) {
    return {
      ok: false,
      error: { key: 'expr.tooLong', params: { length, limit: EXPRESSION_LIMITS.maxLength } },
    };
  }
  if (source.trim() === '') return { ok: false, error: { key: 'expr.empty', params: {} } };
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  try {
    const parser = new Parser(lexed.tokens);
    const { node } = parser.parseAll();
    return { ok: true, tree: node };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: err.error };
    throw err;
  }
}

class Parser {
  private index = 0;
  private nesting = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): Parsed {
    const result = this.parseLevel(0);
    const next = this.peek();
    if (next.type !== 'end') this.unexpected(next);
    return result;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.type !== 'end') this.index++;
    return token;
  }

  private operatorAt(token: Token): string | undefined {
    if (token.type === 'punct') return token.text;
    if (token.type === 'name' && WORD_OPERATORS.has(token.name)) return token.name;
    return undefined;
  }

  private parseLevel(level: number): Parsed {
    if (level === LEVELS.length) return this.parseUnary();
    const operators = LEVELS[level]!;
    let left = this.parseLevel(level + 1);
    for (;;) {
      const op = this.operatorAt(this.peek()) as BinaryOperator | undefined;
      if (!op || !operators.includes(op)) return left;
      this.next();
      const right = this.parseLevel(level + 1);
      left = this.node({ kind: 'binary', op, left: left.node, right: right.node }, left.depth, right.depth);
    }
  }

  private parseUnary(): Parsed {
    const token = this.peek();
    if (token.type === 'punct' && token.text === '-') {
      this.next();
      return this.nested(() => {
        const operand = this.parseUnary();
        return this.node({ kind: 'negate', operand: operand.node }, operand.depth);
      });
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Parsed {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { node: { kind: 'number', value: token.value }, depth: 1 };
      case 'string':
        return { node: { kind: 'string', value: token.value }, depth: 1 };
      case 'field':
        return { node: { kind: 'field', name: token.name }, depth: 1 };
      case 'name':
        return this.parseCall(token);
      case 'punct':
        if (token.text === '.') return { node: { kind: 'self' }, depth: 1 };
        if (token.text === '(') {
          return this.nested(() => {
            const inner = this.parseLevel(0);
            this.expect(')');
            return inner;
          });
        }
        return this.unexpected(token);
      default:
        return this.unexpected(token);
    }
  }

  private parseCall(token: Extract<Token, { type: 'name' }>): Parsed {
    const open = this.peek();
    if (!(open.type === 'punct' && open.text === '(')) {
      if (WORD_OPERATORS.has(token.name)) this.unexpected(token);
      throw new ParseFailure({
        key: 'expr.barePath',
        params: { name: token.name, position: token.position },
      });
    }
    const name = token.name;
    if (!isFunctionName(name)) {
      throw new ParseFailure({
        key: 'expr.unknownFunction',
        params: { name, position: token.position, known: Object.keys(EXPRESSION_FUNCTIONS).join(', ') },
      });
    }
    this.next();
    return this.nested(() => {
      const args: Parsed[] = [];
      const close = this.peek();
      if (!(close.type === 'punct' && close.text === ')')) {
        for (;;) {
          args.push(this.parseLevel(0));
          const sep = this.peek();
          if (sep.type === 'punct' && sep.text === ',') {
            this.next();
            continue;
          }
          break;
        }
      }
      this.expect(')');
      const arity = EXPRESSION_FUNCTIONS[name];
      if (args.length < arity.min || args.length > arity.max) {
        const expected = arity.min === arity.max ? `${arity.min}` : `${arity.min}–${arity.max}`;
        throw new ParseFailure({
          key: 'expr.wrongArity',
          params: { name, expected, actual: args.length, position: token.position },
        });
      }
      if (name === 'regex') this.checkRegex(args[1]!.node, token.position);
      return this.node({ kind: 'call', name, args: args.map((a) => a.node) }, ...args.map((a) => a.depth));
    });
  }

  /** A pattern must be a literal so it can be checked once, here, rather than built from answers. */
  private checkRegex(pattern: Expr, position: number): void {
    if (pattern.kind !== 'string') {
      throw new ParseFailure({ key: 'expr.regexNotLiteral', params: { position } });
    }
    const problem = checkRegexPattern(pattern.value);
    if (problem) throw new ParseFailure({ key: problem.key, params: { ...problem.params, position } });
  }

  private nested(parse: () => Parsed): Parsed {
    this.nesting++;
    if (this.nesting > EXPRESSION_LIMITS.maxNesting) {
      throw new ParseFailure({ key: 'expr.tooDeep', params: { limit: EXPRESSION_LIMITS.maxNesting } });
    }
    const result = parse();
    this.nesting--;
    return result;
  }

  private node(node: Expr, ...childDepths: number[]): Parsed {
    const depth = Math.max(0, ...childDepths) + 1;
    if (depth > EXPRESSION_LIMITS.maxTreeDepth) {
      throw new ParseFailure({ key: 'expr.tooDeep', params: { limit: EXPRESSION_LIMITS.maxTreeDepth } });
    }
    return { node, depth };
  }

  private expect(text: string): void {
    const token = this.next();
    if (!(token.type === 'punct' && token.text === text)) {
      if (token.type === 'end') {
        throw new ParseFailure({ key: 'expr.missing', params: { token: text, position: token.position } });
      }
      this.unexpected(token);
    }
  }

  private unexpected(token: Token): never {
    if (token.type === 'end') {
      throw new ParseFailure({ key: 'expr.unexpectedEnd', params: { position: token.position } });
    }
    throw new ParseFailure({
      key: 'expr.unexpectedToken',
      params: { token: token.text, position: token.position },
    });
  }
}
