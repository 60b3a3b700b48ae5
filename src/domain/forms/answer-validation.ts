import { type EvaluationContext, evaluate, toBoolean, type Value } from './expression-evaluator.ts';
import { findLanguage } from './form-languages.ts';
import {
  choiceList,
  type Group,
  type NormalisedForm,
  type Question,
  questionsOf,
  type SurveyElement,
} from './form-model.ts';
import { checkValue } from './value-check.ts';

/** One submission: answers by question name. A multiple choice may be an array or names separated by spaces. */
export type Answers = Readonly<
  Record<string, string | number | boolean | readonly string[] | null | undefined>
>;

/** Why one answer is not accepted: the field, the reason as an i18n key (`forms` namespace) and its parameters. */
export interface AnswerIssue {
  field: string;
  reason: string;
  params: Record<string, string | number>;
  /** The form's own `constraint_message`, in the language asked for (or the form's fallback). */
  message?: string;
}

export interface ValidationOptions {
  /** Language for the form's constraint messages: a key, code or name; default: the form's default language. */
  language?: string;
}

/**
 * Validates one submission against a form: every answer fits its question's type and choice list, required
 * questions are answered where relevant, constraints hold, no answer is given to a question that is not
 * relevant, and no answer names a question the form does not have. Pure; an empty list means valid.
 */
export function validateAnswers(
  form: NormalisedForm,
  answers: Answers,
  options: ValidationOptions = {},
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const { questions, byName } = questionIndex(form);
  const raw = new Map<string, string>();
  for (const [name, value] of Object.entries(answers)) {
    const question = byName.get(name);
    if (!question) {
      issues.push({ field: name, reason: 'answer.unknownField', params: { name } });
      continue;
    }
    const text = answerText(value);
    if (text !== '') raw.set(name, text);
  }
  const relevant = relevance(form, byName, raw);
  const language = options.language
    ? (findLanguage(form.languages, options.language)?.key ?? options.language)
    : undefined;
  const effective = effectiveValues(byName, raw, relevant);

  for (const { question } of questions) {
    const value = raw.get(question.name);
    if (!relevant.get(question.name)) {
      if (value !== undefined)
        issues.push({ field: question.name, reason: 'answer.notRelevant', params: {} });
      continue;
    }
    if (value === undefined) {
      if (question.required) issues.push({ field: question.name, reason: 'answer.required', params: {} });
      continue;
    }
    const list = question.list ? choiceList(form, question.list) : undefined;
    const problem = checkValue(question, value, list);
    if (problem) {
      issues.push({ field: question.name, reason: problem.key, params: problem.params });
      continue;
    }
    if (question.constraintTree) {
      const ok = toBoolean(
        evaluate(question.constraintTree, context(effective, byName, typed(question, value))),
      );
      if (!ok) {
        const issue: AnswerIssue = {
          field: question.name,
          reason: 'answer.constraint',
          params: { constraint: question.constraint! },
        };
        const message = pickText(question.constraintMessage, language, form);
        if (message !== undefined) issue.message = message;
        issues.push(issue);
      }
    }
  }
  return issues;
}

/**
 * Which questions apply given these answers, by the rules {@link validateAnswers} uses (ODK's: an answer to a
 * question that does not apply counts as empty elsewhere). A form renderer shows exactly these.
 */
export function relevanceOf(form: NormalisedForm, answers: Answers): Map<string, boolean> {
  const { byName } = questionIndex(form);
  const raw = new Map<string, string>();
  for (const [name, value] of Object.entries(answers)) {
    const text = byName.has(name) ? answerText(value) : '';
    if (text !== '') raw.set(name, text);
  }
  return relevance(form, byName, raw);
}

type QuestionIndex = {
  questions: { question: Question; groups: readonly Group[] }[];
  byName: Map<string, Question>;
};
const indexes = new WeakMap<NormalisedForm, QuestionIndex>();

/** A form's questions in order and by name, worked out once per form object (a server validates thousands). */
function questionIndex(form: NormalisedForm): QuestionIndex {
  let index = indexes.get(form);
  if (!index) {
    const questions = [...questionsOf(form.survey)];
    index = { questions, byName: new Map(questions.map((q) => [q.question.name, q.question])) };
    indexes.set(form, index);
  }
  return index;
}

function answerText(value: Answers[string]): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(' ').trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  return String(value).trim();
}

/** A filled numeric answer is a number to expressions; everything else is its text. */
function typed(question: Question | undefined, value: string | undefined): Value {
  if (value === undefined) return '';
  if (question && (question.type === 'integer' || question.type === 'decimal')) {
    const n = Number(value);
    return Number.isFinite(n) && value.trim() !== '' ? n : value;
  }
  return value;
}

function context(values: Map<string, string>, byName: Map<string, Question>, self: Value): EvaluationContext {
  return { field: (name) => typed(byName.get(name), values.get(name)), self };
}

function effectiveValues(
  byName: Map<string, Question>,
  raw: Map<string, string>,
  relevant: Map<string, boolean>,
) {
  const values = new Map<string, string>();
  for (const name of byName.keys()) {
    const v = raw.get(name);
    if (v !== undefined && relevant.get(name)) values.set(name, v);
  }
  return values;
}

/**
 * Which questions are relevant. As in ODK, an answer to a question that is not relevant counts as empty for
 * every other expression; relevance can depend on later questions, so it is recomputed until it settles.
 */
function relevance(
  form: NormalisedForm,
  byName: Map<string, Question>,
  raw: Map<string, string>,
): Map<string, boolean> {
  let relevant = new Map<string, boolean>();
  for (const name of byName.keys()) relevant.set(name, true);
  for (let round = 0; round <= byName.size; round++) {
    const values = effectiveValues(byName, raw, relevant);
    const next = new Map<string, boolean>();
    markRelevant(form.survey, true, next, values, byName, context(values, byName, ''));
    let settled = true;
    for (const [name, r] of next) if (relevant.get(name) !== r) settled = false;
    relevant = next;
    if (settled) break;
  }
  return relevant;
}

/** One pass of {@link relevance} over a list of elements; one context for the pass, its `self` set per element. */
function markRelevant(
  elements: readonly SurveyElement[],
  parentRelevant: boolean,
  next: Map<string, boolean>,
  values: Map<string, string>,
  byName: Map<string, Question>,
  ctx: EvaluationContext,
): void {
  for (const element of elements) {
    let own = parentRelevant;
    if (own && element.relevantTree) {
      ctx.self = typed(byName.get(element.name), values.get(element.name));
      own = toBoolean(evaluate(element.relevantTree, ctx));
    }
    if (element.kind === 'group') markRelevant(element.children, own, next, values, byName, ctx);
    else next.set(element.name, own);
  }
}

function pickText(
  text: Record<string, string> | undefined,
  language: string | undefined,
  form: NormalisedForm,
) {
  if (!text) return undefined;
  return (
    (language ? text[language] : undefined) ??
    text[form.settings.defaultLanguage] ??
    form.languages.map((l) => text[l.key]).find((t) => t !== undefined) ??
    Object.values(text)[0]
  );
}
