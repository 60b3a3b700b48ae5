// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions refer to questions as ${name}, in plain strings.
import { describe, expect, it } from 'vitest';
import { evaluate, toNumber, toText, type Value } from './expression-evaluator.ts';
import { parseExpression } from './expression-parser.ts';

function run(source: string, fields: Record<string, Value> = {}, self: Value = ''): Value {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.key);
  return evaluate(parsed.tree, { field: (name) => fields[name] ?? '', self });
}

describe('evaluate', () => {
  it('compares a select answer with a quoted choice name', () => {
    expect(run("${head_known} = 'yes'", { head_known: 'yes' })).toBe(true);
    expect(run("${head_known} = 'yes'", { head_known: 'no' })).toBe(false);
    expect(run("${head_known} = 'yes'")).toBe(false);
  });

  it('checks a plausibility range on the current answer', () => {
    expect(run('. >= 140 and . <= 210', {}, 175)).toBe(true);
    expect(run('. >= 140 and . <= 210', {}, 230)).toBe(false);
    expect(run('. >= 140 and . <= 210', {}, 140)).toBe(true);
  });

  it('treats an empty answer as NaN in numeric comparisons, so no range holds for it', () => {
    expect(run('${age} > 18')).toBe(false);
    expect(run('${age} <= 18')).toBe(false);
    expect(run("${age} = ''")).toBe(true);
  });

  it('compares numbers with text numerically and text with text exactly', () => {
    expect(run("${n} = '5'", { n: 5 })).toBe(true);
    expect(run("${n} = '5.0'", { n: 5 })).toBe(true);
    expect(run("'5.0' = '5'")).toBe(false);
    expect(run('true() = 1')).toBe(true);
    expect(run("false() = ''")).toBe(true);
  });

  it('does arithmetic with div and mod, including the step checks of shoe sizes', () => {
    expect(run('. mod 5 = 0', {}, 265)).toBe(true);
    expect(run('. mod 5 = 0', {}, 263)).toBe(false);
    expect(run('(. * 2) mod 1 = 0', {}, 42.5)).toBe(true);
    expect(run('(. * 2) mod 1 = 0', {}, 42.3)).toBe(false);
    expect(run('7 div 2')).toBe(3.5);
    expect(run('-(3 - 5)')).toBe(2);
    expect(run('1 div 0')).toBe(Number.POSITIVE_INFINITY);
  });

  it('reads multiple-choice answers with selected() and count-selected()', () => {
    expect(run("selected(${s}, 'b')", { s: 'a b c' })).toBe(true);
    expect(run("selected(${s}, 'd')", { s: 'a b c' })).toBe(false);
    expect(run("not(selected(., 'yes') and selected(., 'no'))", {}, 'yes no')).toBe(false);
    expect(run('count-selected(${s})', { s: ' a  b ' })).toBe(2);
    expect(run('count-selected(${s})')).toBe(0);
  });

  it('counts characters, not UTF-16 units, and matches regex anywhere in the text', () => {
    expect(run('string-length(.)', {}, '키🙂')).toBe(2);
    expect(run("regex(., '^[0-9]{2}-[1-6]$')", {}, '48-4')).toBe(true);
    expect(run("regex(., '^[0-9]{2}-[1-6]$')", {}, '48-7')).toBe(false);
    expect(run("regex(., 'M1')", {}, '100M170')).toBe(true);
  });

  it('short-circuits and/or', () => {
    expect(run("${x} = 'a' or 1 div 0")).toBe(true);
    expect(run("${x} = 'b' and 1", { x: 'a' })).toBe(false);
  });

  it('converts values the XPath way', () => {
    expect(toNumber(' 12.5 ')).toBe(12.5);
    expect(toNumber('1e3')).toBeNaN();
    expect(toNumber('0x10')).toBeNaN();
    expect(toText(3)).toBe('3');
    expect(toText(-0)).toBe('0');
    expect(toText(Number.NaN)).toBe('NaN');
    expect(toText(true)).toBe('true');
  });
});
