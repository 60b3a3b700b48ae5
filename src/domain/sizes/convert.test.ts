import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { conversionAnswer, convert, parseLabel } from './convert.ts';
import { SYSTEM_IDS } from './system.ts';

const issueOf = (fn: () => unknown): { field?: string; reason: string } => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).issues[0]!;
  }
  throw new Error('expected an InputError');
};

describe('convert', () => {
  it('answers with the CLI contract keys: to, alternatives, body, rule, notes', () => {
    const c = convert('48-4', 'ru-garment', 'kr-top');
    expect(c).toMatchObject({
      to: '95',
      alternatives: ['100'],
      body: { chest: { min: 94, max: 98 }, height: { min: 173, max: 179 } },
    });
    expect(c.rule).toContain('ru-garment: size = half chest girth');
    expect(c.rule).toContain('kr-top: size = chest girth in cm');
    expect(c.notes[0]).toMatchObject({ key: 'note.spans', params: { candidates: '95 (88%), 100 (13%)' } });
  });

  it('answers the body itself with to = "body"', () => {
    expect(convert('57', 'head-cm', 'body')).toEqual({ headGirth: { min: 56.5, max: 57.5 } });
  });

  it('names the rule of every answer, with the profile figures in it (allowance 15 mm)', () => {
    expect(convert('42', 'eu-shoe', 'us-shoe-men').rule).toMatch(
      /last = foot \+ 15 mm.*US = 3 × last length/,
    );
  });

  it('returns the canonical spelling of the source label', () => {
    expect(convert('7⅛', 'hat-us', 'head-cm').label).toBe('7 1/8');
  });

  it('converts a hat label to a letter size through the body (7 1/8 → M, S as alternative)', () => {
    expect(convert('7 1/8', 'hat-us', 'hat-letter')).toMatchObject({ to: 'M', alternatives: ['S'] });
  });

  it.each([
    ['from', () => convert('48', 'ru', 'kr-top'), 'unknown size system "ru"'],
    ['to', () => convert('48', 'ru-garment', 'kr'), 'unknown size system "kr"'],
    ['from', () => convert('48', '', 'body'), 'unknown size system ""'],
  ])('refuses an unknown system, naming the field %s', (field, fn, words) => {
    const issue = issueOf(fn);
    expect(issue.field).toBe(field);
    expect(issue.reason).toContain(words);
  });

  it('refuses a body the target cannot write, naming both labels', () => {
    const issue = issueOf(() => convert('57', 'head-cm', 'kr-shoe'));
    expect(issue.field).toBe('body');
    expect(issue.reason).toContain('57 (head-cm) → kr-shoe: needs footLength');
    const far = issueOf(() => convert('70', 'head-cm', 'hat-us'));
    expect(far.reason).toContain('lies beyond its labels');
  });
});

// Hostile input for every parser: each of these must be refused with a one-line reason that names the system.
const HOSTILE = [
  '',
  '   ',
  '-48',
  '48-',
  '100X170',
  'NaN',
  'Infinity',
  '1e309',
  '99999999999999999999',
  '0x30',
  '\u0000',
  '<script>',
  '½',
];

describe('hostile labels', () => {
  for (const system of SYSTEM_IDS) {
    it.each(HOSTILE)(`${system} refuses %j with a one-line reason`, (label) => {
      const issue = issueOf(() => parseLabel(label, system));
      expect(issue.field).toBe('label');
      expect(issue.reason.startsWith(`${system}: `)).toBe(true);
      expect(issue.reason).not.toContain('\n');
    });
  }

  it('refuses a string of a million digits quickly, echoing only its start', () => {
    const start = performance.now();
    for (const system of SYSTEM_IDS) {
      const issue = issueOf(() => parseLabel('9'.repeat(1_000_000), system));
      expect(issue.reason.length).toBeLessThan(300);
    }
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('refuses a label that is not text (JSON input)', () => {
    expect(issueOf(() => convert(48 as unknown as string, 'ru-garment', 'kr-top')).reason).toContain(
      'must be text',
    );
    expect(issueOf(() => parseLabel(null as unknown as string, 'ru-garment')).reason).toContain(
      'must be text',
    );
  });

  it('escapes control characters it echoes', () => {
    expect(issueOf(() => parseLabel('4\u00018', 'ru-garment')).reason).toContain('"4\\u00018"');
  });

  it('accepts full-width digits by NFKC normalisation (４８ = 48) in every numeric system', () => {
    expect(parseLabel('４８', 'ru-garment').label).toBe('48');
    expect(parseLabel('２６５', 'kr-shoe').label).toBe('265');
    expect(parseLabel('４２', 'eu-shoe').label).toBe('42');
    expect(parseLabel('５７', 'head-cm').label).toBe('57');
  });

  it('says "negative" for a negative size and "empty" for an empty one', () => {
    expect(issueOf(() => parseLabel('-42', 'eu-shoe')).reason).toContain('negative');
    expect(issueOf(() => parseLabel('', 'eu-shoe')).reason).toContain('empty');
    expect(issueOf(() => parseLabel('NaN', 'kr-top')).reason).toContain('not a number');
  });
});

describe('conversionAnswer', () => {
  it('is exactly the CLI contract: to, alternatives, body rounded to 2 decimals, rule and notes as text', () => {
    const a = conversionAnswer(convert('42', 'eu-shoe', 'kr-shoe'));
    expect(Object.keys(a)).toEqual(['to', 'alternatives', 'body', 'rule', 'notes']);
    expect(a).toMatchObject({
      to: '265',
      alternatives: ['260', '270'],
      body: { footLength: { min: 261.67, max: 268.33 } },
    });
    expect(a.notes[0]).toMatch(/^foot length 261\.67–268\.33 mm spans 265/);
  });

  it('speaks Russian and Korean when asked, keeping the labels as they are', () => {
    const c = convert('48-4', 'ru-garment', 'kr-top');
    expect(conversionAnswer(c, 'ru').rule).toMatch(/ru-garment: .*обхват/i);
    expect(conversionAnswer(c, 'ko').notes[0]).toContain('95 (88%)');
    expect(conversionAnswer(c, 'ko').notes[0]).toMatch(/\p{Script=Hangul}/u);
  });
});
