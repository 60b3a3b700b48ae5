import { describe, expect, it } from 'vitest';
import { readFields } from './field-reading.ts';
import type { Bubble, LayoutField } from './layout-file.ts';
import type { MarkReading, MarkState } from './mark-classify.ts';

const sure = (state: MarkState): MarkReading => ({ state, confidence: state === 'unsure' ? 0.2 : 0.95 });
const choice = (field: string, states: Record<string, MarkState>) =>
  Object.entries(states).map(([value, state], i) => ({
    bubble: { field, value, x: i * 20, y: 0, r: 5 } as Bubble,
    mark: sure(state),
  }));
/** A digit grid where `marks[c]` is the digit filled in column c (undefined: none), optionally one extra state. */
const grid = (
  field: string,
  marks: (number | undefined)[],
  decimals: number,
  extra?: { column: number; digit: number; state: MarkState },
) =>
  marks.flatMap((d, digit) =>
    Array.from({ length: 10 }, (_, v) => {
      let state: MarkState = d === v ? 'filled' : 'empty';
      if (extra && extra.column === digit && extra.digit === v) state = extra.state;
      return {
        bubble: {
          field,
          value: String(v),
          digit,
          digits: marks.length,
          decimals,
          x: digit * 15,
          y: v * 12,
          r: 4,
        } as Bubble,
        mark: sure(state),
      };
    }),
  );
const one = (reads: ReturnType<typeof choice>, fields: LayoutField[] = []) =>
  readFields(reads, fields, [])[0]!;

describe('readFields: one choice', () => {
  it('answers one clear mark', () => {
    expect(one(choice('q', { yes: 'filled', no: 'empty' }))).toEqual({
      field: 'q',
      answer: 'yes',
      confidence: 0.95,
    });
  });

  it('reads no mark as blank', () => {
    expect(one(choice('q', { yes: 'empty', no: 'empty' })).answer).toBe('');
  });

  it('sends two marks to review as double-marked, with no answer', () => {
    const r = one(choice('q', { a: 'filled', b: 'filled', c: 'empty' }));
    expect(r.answer).toBeUndefined();
    expect(r.review).toEqual({ reason: 'double-marked' });
  });

  it('sends a crossed-out mark beside a filled one to review, suggesting the filled one', () => {
    const r = one(choice('q', { a: 'crossed', b: 'filled' }));
    expect(r.review).toEqual({ reason: 'crossed-out', suggestion: 'b' });
    expect(r.answer).toBeUndefined();
  });

  it('sends an unsure mark to review as low confidence', () => {
    const r = one(choice('q', { a: 'unsure', b: 'empty' }));
    expect(r.review).toEqual({ reason: 'low-confidence', suggestion: 'a' });
    expect(r.confidence).toBeLessThan(0.5);
  });
});

describe('readFields: several choices', () => {
  it('joins the marks with spaces as XLSForm stores them', () => {
    const r = one(choice('q', { a: 'filled', b: 'empty', c: 'filled' }), [{ field: 'q', kind: 'choices' }]);
    expect(r.answer).toBe('a c');
  });
});

describe('readFields: digit grids', () => {
  it('reads the number as written, with its decimal', () => {
    expect(one(grid('height', [1, 7, 2, 5], 1)).answer).toBe('172.5');
    expect(one(grid('waist', [undefined, 8, 5, 0], 1)).answer).toBe('85.0');
  });

  it('sends a gap between digits to review', () => {
    expect(one(grid('height', [1, undefined, 2, 5], 1)).review?.reason).toBe('incomplete-number');
  });

  it('sends a column with two marks, or a crossed-out digit, to review', () => {
    expect(one(grid('h', [1, 7, 2], 0, { column: 1, digit: 3, state: 'filled' })).review?.reason).toBe(
      'double-marked',
    );
    expect(one(grid('h', [1, 7, 2], 0, { column: 2, digit: 9, state: 'crossed' })).review?.reason).toBe(
      'crossed-out',
    );
  });
});

describe('readFields: patterns and write-ins', () => {
  const parts: LayoutField = {
    field: 'ru',
    kind: 'pattern',
    parts: [{ kind: 'choice' }, { kind: 'literal', text: '-' }, { kind: 'choice' }],
  };
  const pattern = (size: string | undefined, height: string | undefined) => [
    ...['46', '48'].map((v) => ({
      bubble: { field: 'ru', value: v, part: 0, x: 0, y: 0, r: 5 } as Bubble,
      mark: sure(v === size ? 'filled' : 'empty'),
    })),
    ...['3', '4'].map((v) => ({
      bubble: { field: 'ru', value: v, part: 2, x: 0, y: 10, r: 5 } as Bubble,
      mark: sure(v === height ? 'filled' : 'empty'),
    })),
  ];

  it('joins a pattern’s parts with its fixed text', () => {
    expect(one(pattern('48', '4'), [parts]).answer).toBe('48-4');
  });

  it('sends a half-marked pattern to review and reads an untouched one as blank', () => {
    expect(one(pattern('48', undefined), [parts]).review?.reason).toBe('incomplete-number');
    expect(one(pattern(undefined, undefined), [parts]).answer).toBe('');
  });

  it('sends any handwriting in a write-in box to review, and reads an empty box as blank', () => {
    const [written, empty] = readFields(
      [],
      [],
      [
        { field: 'a', ink: 0.08 },
        { field: 'b', ink: 0.001 },
      ],
    );
    expect(written!.review).toEqual({ reason: 'write-in' });
    expect(empty!.answer).toBe('');
  });
});
