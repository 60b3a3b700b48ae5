import {
  choiceList,
  type LocalText,
  type NormalisedForm,
  type Question,
  type SurveyElement,
} from '../forms/form-model.ts';
import { type ElementClass, type LanguagePlan, resolveText } from '../forms/language-plan.ts';
import type { LayoutField } from './layout-file.ts';
import { numberGridFor } from './number-grid.ts';
import { compilePattern, type PatternPart, regexOf } from './pattern-grid.ts';
import type { Printed } from './printed-text.ts';
import { type Condition, describeRelevance, sameCondition } from './relevance-text.ts';

/**
 * What a form prints, in order, before any geometry: group headings, notes, "answer only if" paths and the
 * questions with their bubbles. Texts are already chosen by the language plan. A question becomes choices
 * (selects), a digit grid (numbers, and patterns with digits), rows of choices (other patterns) or a
 * write-in box (any other text, dates).
 */
export type PrintItem =
  | { kind: 'group'; texts: string[]; instruction?: string }
  | { kind: 'note'; texts: string[] }
  | { kind: 'path'; id: number; text: string }
  | QuestionItem;

export interface QuestionItem {
  kind: 'question';
  field: string;
  number: number;
  /** The path (see `path` items) this question sits in, if any. */
  path?: number;
  labels: string[];
  hints: string[];
  instruction?: string;
  body: QuestionBody;
}

export type QuestionBody =
  | { kind: 'choices'; multiple: boolean; choices: { value: string; label: string }[] }
  | { kind: 'grid'; columns: GridColumn[] }
  | { kind: 'rows'; rows: { part: number; lead: string; choices: { value: string; label: string }[] }[] }
  | { kind: 'write-in' };

/** One column of a grid: a digit of a number, a digit of a pattern part, a short choice, or fixed text. */
export interface GridColumn {
  part?: number;
  digit?: { digit: number; digits: number; decimals: number };
  /** Printed before this column (a decimal point, a pattern's hyphen). */
  before?: string;
  cells: { row: number; value: string; label: string }[];
}

export interface FormItems {
  items: PrintItem[];
  fields: LayoutField[];
}

/** Lays a form out as items under a plan; `printed` gives Kitout's own words in the page's language. */
export function formItems(form: NormalisedForm, plan: LanguagePlan, printed: Printed): FormItems {
  const show = (text: LocalText | undefined, cls: ElementClass) =>
    resolveText(text, plan[cls], form)
      .map((s) => s.text.replace(/\s*\n\s*/g, ' ').trim())
      .filter(Boolean);
  const numbers = new Map<string, number>();
  const questions = new Map<string, Question>();
  let n = 0;
  const number = (elements: readonly SurveyElement[]) => {
    for (const e of elements) {
      if (e.kind === 'group') number(e.children);
      else if (e.type !== 'note') {
        numbers.set(e.name, ++n);
        questions.set(e.name, e);
      }
    }
  };
  number(form.survey);

  const choiceText = (c: Condition) => {
    const q = questions.get(c.field);
    const choice = q?.list ? choiceList(form, q.list)?.choices.find((x) => x.name === c.value) : undefined;
    return choice ? (show(choice.label, 'choices')[0] ?? c.value) : c.value;
  };
  const conditionText = (c: Condition) => ({ number: numbers.get(c.field) ?? '?', choice: choiceText(c) });
  const instructionFor = (relevantTree: SurveyElement['relevantTree'], inPath?: Condition) => {
    const rel = describeRelevance(relevantTree);
    if (rel.kind === 'always') return undefined;
    if (rel.kind === 'depends') {
      const list = rel.fields.map((f) => numbers.get(f)).filter((x) => x !== undefined);
      return list.length ? printed('onlyIfDepends', { numbers: list.join(', ') }) : printed('onlyIfApplies');
    }
    const rest = rel.conditions.filter((c) => !sameCondition(c, inPath));
    if (rest.length === 0) return undefined;
    if (rest.length === 1) return printed('onlyIf', conditionText(rest[0]!));
    const parts = rest.map((c) => printed('condition', conditionText(c)));
    return printed('onlyIfAll', { conditions: parts.join('; ') });
  };

  const items: PrintItem[] = [];
  const fields: LayoutField[] = [];
  let pathId = 0;
  const walk = (elements: readonly SurveyElement[]) => {
    // A run of siblings whose relevance starts with the same plain condition is one path ("if you marked
    // 'Measure me'"), printed under one heading so the two ways through a group stand apart.
    let path: { id: number; condition: Condition } | undefined;
    for (const e of elements) {
      const rel = describeRelevance(e.relevantTree);
      const first = rel.kind === 'conditions' ? rel.conditions[0] : undefined;
      if (!sameCondition(first, path?.condition)) {
        path = undefined;
        if (first && e.kind === 'question') {
          path = { id: ++pathId, condition: first };
          items.push({ kind: 'path', id: path.id, text: printed('pathIf', conditionText(first)) });
        }
      }
      if (e.kind === 'group') {
        const instruction = instructionFor(e.relevantTree);
        items.push({
          kind: 'group',
          texts: show(e.label, 'groups'),
          ...(instruction ? { instruction } : {}),
        });
        walk(e.children);
        path = undefined;
        continue;
      }
      if (e.type === 'note') {
        items.push({ kind: 'note', texts: show(e.label, 'questions') });
        continue;
      }
      const { body, field } = bodyFor(form, e, show, printed);
      fields.push(field);
      const instruction = instructionFor(e.relevantTree, path?.condition);
      items.push({
        kind: 'question',
        field: e.name,
        number: numbers.get(e.name)!,
        ...(path ? { path: path.id } : {}),
        labels: show(e.label, 'questions'),
        hints: show(e.hint, 'hints'),
        ...(instruction ? { instruction } : {}),
        body,
      });
    }
  };
  walk(form.survey);
  return { items, fields };
}

function bodyFor(
  form: NormalisedForm,
  q: Question,
  show: (text: LocalText | undefined, cls: ElementClass) => string[],
  printed: Printed,
): { body: QuestionBody; field: LayoutField } {
  const field = q.name;
  if (q.type === 'select_one' || q.type === 'select_multiple') {
    const list = q.list ? choiceList(form, q.list) : undefined;
    const choices = (list?.choices ?? []).map((c) => ({
      value: c.name,
      label: show(c.label, 'choices').join(' / ') || c.name,
    }));
    const multiple = q.type === 'select_multiple';
    return {
      body: { kind: 'choices', multiple, choices },
      field: { field, kind: multiple ? 'choices' : 'choice' },
    };
  }
  if (q.type === 'integer' || q.type === 'decimal') {
    const grid = numberGridFor(q);
    const columns: GridColumn[] = grid.columns.map((allowed, digit) => ({
      digit: { digit, digits: grid.digits, decimals: grid.decimals },
      ...(grid.decimals > 0 && digit === grid.digits - grid.decimals
        ? { before: printed('decimalPoint') }
        : {}),
      cells: allowed.map((d) => ({ row: d, value: String(d), label: String(d) })),
    }));
    return { body: { kind: 'grid', columns }, field: { field, kind: 'number' } };
  }
  const pattern = q.type === 'text' ? regexOf(q.constraintTree) : undefined;
  const parts = pattern ? compilePattern(pattern) : undefined;
  if (parts) return patternBody(field, parts);
  return { body: { kind: 'write-in' }, field: { field, kind: 'write-in' } };
}

/** Parts with digits print as one grid (a column per digit, and per choice); others as rows of choices. */
function patternBody(field: string, parts: PatternPart[]): { body: QuestionBody; field: LayoutField } {
  const layoutParts = parts.map((p) =>
    p.kind === 'literal'
      ? { kind: 'literal' as const, text: p.text }
      : p.kind === 'digits'
        ? { kind: 'digits' as const, digits: p.digits }
        : { kind: 'choice' as const },
  );
  const layoutField: LayoutField = { field, kind: 'pattern', parts: layoutParts };
  if (parts.some((p) => p.kind === 'digits')) {
    const columns: GridColumn[] = [];
    let before = '';
    parts.forEach((p, part) => {
      if (p.kind === 'literal') {
        before += p.text;
        return;
      }
      const count = p.kind === 'digits' ? p.digits : 1;
      for (let digit = 0; digit < count; digit++) {
        const cells =
          p.kind === 'digits'
            ? Array.from({ length: 10 }, (_, d) => ({ row: d, value: String(d), label: String(d) }))
            : p.values.map((v, row) => ({ row, value: v, label: v }));
        columns.push({
          part,
          ...(p.kind === 'digits' ? { digit: { digit, digits: p.digits, decimals: 0 } } : {}),
          // A part that follows another without fixed text between still gets a little space before it.
          ...(digit === 0 && (before || columns.length) ? { before: before || ' ' } : {}),
          cells,
        });
      }
      before = '';
    });
    return { body: { kind: 'grid', columns }, field: layoutField };
  }
  const rows: { part: number; lead: string; choices: { value: string; label: string }[] }[] = [];
  let lead = '';
  parts.forEach((p, part) => {
    if (p.kind === 'literal') {
      lead += p.text;
      return;
    }
    if (p.kind !== 'choice') return;
    rows.push({ part, lead, choices: p.values.map((v) => ({ value: v, label: v })) });
    lead = '';
  });
  return { body: { kind: 'rows', rows }, field: layoutField };
}
