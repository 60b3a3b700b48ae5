import { evaluate, toBoolean } from '../../../src/domain/forms/expression-evaluator.ts';
import {
  choiceList,
  type NormalisedForm,
  type Question,
  type SurveyElement,
} from '../../../src/domain/forms/form-model.ts';
import { constraintRange, numberGridFor } from '../../../src/domain/paper/number-grid.ts';
import { compilePattern, type PatternPart, regexOf } from '../../../src/domain/paper/pattern-grid.ts';
import type { Rng } from '../../../src/domain/random.ts';

/**
 * What one generated person means to answer: a value per question they reach, chosen at random within what
 * the question allows (its choices, its range, its pattern), following relevance the way a person follows
 * "answer only if" lines. Numbers are given as they would be written on paper: every decimal digit
 * ("172.0"), and patterns keep the digits a person writes.
 */
export interface Intended {
  /** Field → the answer as it should read back ('' for a question left blank on purpose). */
  answers: Map<string, string>;
  /** Fields that apply but were left blank on purpose (a required one should go to review). */
  leftBlank: Set<string>;
  /** Text questions with no pattern: written by hand in a box. */
  writeIns: Set<string>;
}

export function intendedAnswers(form: NormalisedForm, rng: Rng, blankRate: number): Intended {
  const answers = new Map<string, string>();
  const leftBlank = new Set<string>();
  const writeIns = new Set<string>();
  const numberOf = (q: Question | undefined, v: string) =>
    q && (q.type === 'integer' || q.type === 'decimal') && v !== '' ? Number(v) : v;
  const questions = new Map<string, Question>();
  const collect = (els: readonly SurveyElement[]) => {
    for (const e of els)
      if (e.kind === 'group') collect(e.children);
      else questions.set(e.name, e);
  };
  collect(form.survey);
  const ctx = { field: (n: string) => numberOf(questions.get(n), answers.get(n) ?? ''), self: '' };
  const walk = (els: readonly SurveyElement[]) => {
    for (const e of els) {
      if (e.relevantTree && !toBoolean(evaluate(e.relevantTree, ctx))) continue;
      if (e.kind === 'group') {
        walk(e.children);
        continue;
      }
      if (e.type === 'note') continue;
      if (rng() < blankRate) {
        leftBlank.add(e.name);
        continue;
      }
      const value = valueFor(form, e, rng);
      if (value === undefined) {
        writeIns.add(e.name);
        continue;
      }
      answers.set(e.name, value);
    }
  };
  walk(form.survey);
  return { answers, leftBlank, writeIns };
}

/** A random allowed answer; undefined for a question answered by hand in a box. */
function valueFor(form: NormalisedForm, q: Question, rng: Rng): string | undefined {
  if (q.type === 'select_one' || q.type === 'select_multiple') {
    const choices = (q.list ? choiceList(form, q.list)?.choices : undefined) ?? [];
    if (q.type === 'select_one') return choices[Math.floor(rng() * choices.length)]!.name;
    const picked = choices.filter(() => rng() < 0.4);
    return (picked.length ? picked : choices.slice(0, 1)).map((c) => c.name).join(' ');
  }
  if (q.type === 'integer' || q.type === 'decimal') {
    const grid = numberGridFor(q);
    const { min = 0, max = 10 ** (grid.digits - grid.decimals) - 1 } = constraintRange(q.constraintTree);
    const scale = 10 ** grid.decimals;
    for (let attempt = 0; attempt < 500; attempt++) {
      const k = Math.round(min * scale + rng() * (max - min) * scale);
      const value = k / scale;
      if (q.constraintTree && !toBoolean(evaluate(q.constraintTree, { field: () => '', self: value })))
        continue;
      return value.toFixed(grid.decimals);
    }
    throw new Error(`no allowed value found for ${q.name}`);
  }
  const pattern = q.type === 'text' ? regexOf(q.constraintTree) : undefined;
  const parts = pattern ? compilePattern(pattern) : undefined;
  if (!parts) return undefined;
  const re = new RegExp(pattern!);
  for (let attempt = 0; attempt < 200; attempt++) {
    const text = parts.map((p) => partValue(p, rng)).join('');
    if (re.test(text)) return text;
  }
  throw new Error(`no allowed value found for ${q.name}`);
}

function partValue(p: PatternPart, rng: Rng): string {
  if (p.kind === 'literal') return p.text;
  if (p.kind === 'choice') return p.values[Math.floor(rng() * p.values.length)]!;
  const length = p.min + Math.floor(rng() * (p.digits - p.min + 1));
  let s = String(1 + Math.floor(rng() * 9));
  while (s.length < length) s += String(Math.floor(rng() * 10));
  return s;
}
