// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression } from './expression-parser.ts';
import { EXPRESSION_LIMITS, type Expr, referencedFields } from './expression-types.ts';

function tree(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.key} ${JSON.stringify(result.error.params)}`);
  return result.tree;
}

function errorOf(source: string) {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`${source} parsed but should not`);
  return result.error;
}

/** Writes a tree back with full brackets, to check precedence and associativity at a glance. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return `'${e.value}'`;
    case 'field':
      return `\${${e.name}}`;
    case 'self':
      return '.';
    case 'negate':
      return `(-${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
  }
}

describe('parseExpression', () => {
  it('reads the relevance condition the design document uses as its example', () => {
    expect(tree("${head_known} = 'yes'")).toEqual({
      kind: 'binary',
      op: '=',
      left: { kind: 'field', name: 'head_known' },
      right: { kind: 'string', value: 'yes' },
    });
  });

  it('binds and tighter than or, comparison tighter than and, and arithmetic tighter still', () => {
    expect(show(tree('${a} = 1 or ${b} = 2 and ${c} < 3 + 4 * 5'))).toBe(
      '((${a} = 1) or ((${b} = 2) and (${c} < (3 + (4 * 5)))))',
    );
  });

  it('is left-associative within a level', () => {
    expect(show(tree('10 - 4 - 3'))).toBe('((10 - 4) - 3)');
    expect(show(tree('. div 2 mod 3'))).toBe('((. div 2) mod 3)');
  });

  it('reads parentheses, unary minus, the current answer and decimals', () => {
    expect(show(tree('-(. + .5) >= -1.25'))).toBe('((-(. + 0.5)) >= (-1.25))');
  });

  it('reads functions of the supported subset with their arguments', () => {
    expect(show(tree("not(selected(${s}, 'a')) and count-selected(${s}) < 2 and string-length(.) > 0"))).toBe(
      "((not(selected(${s}, 'a')) and (count-selected(${s}) < 2)) and (string-length(.) > 0))",
    );
    expect(show(tree("regex(., '^[0-9]{2}-[1-6]$')"))).toBe("regex(., '^[0-9]{2}-[1-6]$')");
    expect(show(tree('true() != false()'))).toBe('(true() != false())');
  });

  it('accepts double quotes, Unicode names, tabs, newlines and no-break spaces', () => {
    expect(show(tree('${рост}\u00a0>=\t140\nand ${키} = "예"'))).toBe(
      "((${рост} >= 140) and (${키} = '예'))",
    );
  });

  it('lists the questions an expression refers to, once each, in order', () => {
    expect(referencedFields(tree('${b} = 1 or ${a} = ${b} and selected(${c}, .)'))).toEqual(['b', 'a', 'c']);
  });

  it('refuses typographic quotes, saying where they are', () => {
    expect(errorOf('${leader_name} = ‘other’')).toEqual({
      key: 'expr.curlyQuote',
      params: { char: '‘', position: 18 },
    });
  });

  it('refuses unterminated strings and references', () => {
    expect(errorOf("${a} = 'yes")).toEqual({ key: 'expr.unterminatedString', params: { position: 8 } });
    expect(errorOf('${a = 1').key).toBe('expr.unterminatedReference');
    expect(errorOf('${1a} = 1').key).toBe('expr.badReference');
  });

  it('refuses unknown functions and wrong argument counts', () => {
    expect(errorOf('pulldata(1)')).toMatchObject({
      key: 'expr.unknownFunction',
      params: { name: 'pulldata' },
    });
    expect(errorOf('selected(${a})')).toMatchObject({
      key: 'expr.wrongArity',
      params: { expected: '2', actual: 1 },
    });
    expect(errorOf('true(1)').key).toBe('expr.wrongArity');
  });

  it('refuses XPath outside the subset: paths, unions, predicates, bare names', () => {
    expect(errorOf('/data/a = 1').key).toBe('expr.unsupportedSyntax');
    expect(errorOf('../a = 1').key).toBe('expr.unsupportedSyntax');
    expect(errorOf('${a} | ${b}').key).toBe('expr.unsupportedSyntax');
    expect(errorOf('a[1]').key).toBe('expr.unsupportedSyntax');
    expect(errorOf('jr:choice-name(1)').key).toBe('expr.unsupportedSyntax');
    expect(errorOf('label::English').key).toBe('expr.unsupportedSyntax');
    expect(errorOf('age > 3')).toMatchObject({ key: 'expr.barePath', params: { name: 'age', position: 1 } });
  });

  it('refuses malformed structure with the position of the problem', () => {
    expect(errorOf('(1 + 2')).toMatchObject({ key: 'expr.missing', params: { token: ')' } });
    expect(errorOf('1 +')).toMatchObject({ key: 'expr.unexpectedEnd' });
    expect(errorOf('1 2')).toMatchObject({
      key: 'expr.unexpectedToken',
      params: { token: '2', position: 3 },
    });
    expect(errorOf(') = 1')).toMatchObject({ key: 'expr.unexpectedToken', params: { position: 1 } });
    expect(errorOf('1 # 2')).toMatchObject({ key: 'expr.unexpectedChar', params: { char: '#' } });
    expect(errorOf('and').key).toBe('expr.unexpectedToken');
    expect(errorOf('   ').key).toBe('expr.empty');
  });

  it('refuses a regex pattern that is not a literal, does not compile, or can backtrack exponentially', () => {
    expect(errorOf('regex(., ${p})').key).toBe('expr.regexNotLiteral');
    expect(errorOf("regex(., '[a-')").key).toBe('expr.regexInvalid');
    expect(errorOf("regex(., '^(a+)+$')").key).toBe('expr.regexUnsafe');
  });

  it('refuses brackets nested deeper than the limit, quickly and without overflowing the stack', () => {
    const deep = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    expect(errorOf(deep)).toEqual({
      key: 'expr.tooLong',
      params: { length: 20_001, limit: EXPRESSION_LIMITS.maxLength },
    });
    const justOver = `${'('.repeat(EXPRESSION_LIMITS.maxNesting + 1)}1${')'.repeat(EXPRESSION_LIMITS.maxNesting + 1)}`;
    expect(errorOf(justOver).key).toBe('expr.tooDeep');
    expect(errorOf(`${'not('.repeat(100)}1${')'.repeat(100)}`).key).toBe('expr.tooDeep');
    expect(errorOf(`${'-'.repeat(1000)}1`).key).toBe('expr.tooDeep');
    const atLimit = `${'('.repeat(EXPRESSION_LIMITS.maxNesting)}1${')'.repeat(EXPRESSION_LIMITS.maxNesting)}`;
    expect(parseExpression(atLimit).ok).toBe(true);
  });

  it('refuses a 100 KB expression by its length before reading it', () => {
    const huge = Array.from({ length: 20_000 }, (_, i) => `\${q${i}}`).join(' or ');
    expect(huge.length).toBeGreaterThan(100_000);
    const started = performance.now();
    expect(errorOf(huge).key).toBe('expr.tooLong');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a long flat chain whose tree would be too deep to evaluate safely', () => {
    const chain = Array.from({ length: 700 }, () => '1').join('+');
    expect(chain.length).toBeLessThan(EXPRESSION_LIMITS.maxLength);
    expect(errorOf(chain).key).toBe('expr.tooDeep');
  });

  it('never throws, whatever text it is given', () => {
    const alphabet = fc.constantFrom(...'${}()\'".,=!<>+-*/|@[]:abc12 \n‘’ordivmodnotselected'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        ),
        (text) => {
          const result = parseExpression(text);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.error.key).toMatch(/^expr\./);
        },
      ),
      { numRuns: 400 },
    );
  });
});
