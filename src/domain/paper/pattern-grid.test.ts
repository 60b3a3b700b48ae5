import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../forms/expression-parser.ts';
import { assemblePattern, compilePattern, regexOf } from './pattern-grid.ts';

describe('compilePattern', () => {
  it('turns a Russian size-height pattern into two choices around a hyphen', () => {
    const parts = compilePattern('^(4[02468]|5[02468]|6[02468]|7[02])-[1-6]$')!;
    expect(parts.map((p) => p.kind)).toEqual(['choice', 'literal', 'choice']);
    const sizes = (parts[0] as { values: string[] }).values;
    expect(sizes).toHaveLength(17);
    expect(sizes.slice(0, 5)).toEqual(['40', '42', '44', '46', '48']);
    expect(sizes.at(-1)).toBe('72');
    expect(parts[1]).toEqual({ kind: 'literal', text: '-' });
    expect(parts[2]).toMatchObject({ values: ['1', '2', '3', '4', '5', '6'] });
  });

  it('turns a ROK military size into digit grids around an M/F choice', () => {
    expect(compilePattern('^[0-9]{2,3}[MF][0-9]{3}$')).toEqual([
      { kind: 'digits', digits: 3, min: 2 },
      { kind: 'choice', values: ['F', 'M'], optional: false },
      { kind: 'digits', digits: 3, min: 3 },
    ]);
  });

  it('keeps escaped characters and \\d', () => {
    expect(compilePattern('^\\d{2}\\.[AB]$')).toEqual([
      { kind: 'digits', digits: 2, min: 2 },
      { kind: 'literal', text: '.' },
      { kind: 'choice', values: ['A', 'B'], optional: false },
    ]);
  });

  it('refuses what cannot be a modest set of bubbles', () => {
    for (const p of [
      '^[A-Z]+$',
      '^.*$',
      '[0-9]{3}',
      '^[^0-9]$',
      '^[0-9]{12}$',
      '^[a-z]{2}[0-9]{4}[a-z]{2}$',
      '^(a|b$',
      '^[z-a]$',
      '^abc$',
      '^\\w$',
      '^x{3,1}$',
      `^${'(a|b)'.repeat(20)}$`,
    ]) {
      expect(compilePattern(p), p).toBeUndefined();
    }
  });

  it('never throws on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        compilePattern(`^${s}$`);
        compilePattern(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('regexOf', () => {
  it('finds the pattern inside an and-chain', () => {
    const parsed = parseExpression("string-length(.) < 9 and regex(., '^[MF]$')");
    expect(parsed.ok && regexOf(parsed.tree)).toBe('^[MF]$');
  });
});

describe('assemblePattern', () => {
  const ru = compilePattern('^(4[02468]|5[02468]|6[02468]|7[02])-[1-6]$')!;
  const rok = compilePattern('^[0-9]{2,3}[MF][0-9]{3}$')!;

  it('joins the marked parts with the fixed text', () => {
    expect(assemblePattern(ru, ['48', undefined, '4'])).toEqual({ ok: true, text: '48-4' });
    expect(
      assemblePattern(
        rok,
        [[1, 0, 0], undefined, 'M', [1, 7, 0]].filter((_, i) => i !== 1),
      ),
    ).toEqual({
      ok: true,
      text: '100M170',
    });
  });

  it('allows a blank leading digit column but not a missing part', () => {
    expect(assemblePattern(rok, [[undefined, 9, 5], 'M', [1, 7, 0]])).toEqual({ ok: true, text: '95M170' });
    expect(assemblePattern(rok, [[undefined, undefined, 5], 'M', [1, 7, 0]])).toEqual({ ok: false });
    expect(assemblePattern(ru, ['48', undefined, undefined])).toEqual({ ok: false });
  });

  it('reads nothing marked as no answer', () => {
    expect(assemblePattern(ru, [undefined, undefined, undefined])).toEqual({ ok: true, text: '' });
  });
});
