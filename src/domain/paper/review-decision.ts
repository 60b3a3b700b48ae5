import { type AnswerIssue, validateAnswers } from '../forms/answer-validation.ts';
import { findLanguage } from '../forms/form-languages.ts';
import {
  choiceList,
  type LocalText,
  type NormalisedForm,
  type Question,
  questionsOf,
} from '../forms/form-model.ts';
import type { ReviewReason } from './field-reading.ts';

/**
 * The rules of the paper review queue, pure: what a reviewer may decide for a field, how a page's read answers
 * become a submission's answers, and which review reason a problem the form finds later is filed under.
 */

/** A choice a reviewer can pick, labelled in the reader's language. */
export interface ReviewChoice {
  value: string;
  label: string;
}

/** What the queue shows of a field: its question's label, its type, and the choices to pick from. */
export interface FieldPrompt {
  label: string;
  type: Question['type'] | 'unknown';
  multiple: boolean;
  choices: ReviewChoice[];
}

function questionOf(form: NormalisedForm, field: string): Question | undefined {
  for (const { question } of questionsOf(form.survey)) if (question.name === field) return question;
  return undefined;
}

/** A text in the reader's language where the form has it, else the form's default, else any. */
export function localText(form: NormalisedForm, text: LocalText | undefined, lang: string): string {
  if (!text) return '';
  const key = findLanguage(form.languages, lang)?.key;
  return (
    (key ? text[key] : undefined) ??
    text[form.settings.defaultLanguage] ??
    Object.values(text).find((t) => t.trim() !== '') ??
    ''
  );
}

export function fieldPrompt(form: NormalisedForm, field: string, lang: string): FieldPrompt {
  const q = questionOf(form, field);
  if (!q) return { label: field, type: 'unknown', multiple: false, choices: [] };
  const list = q.list ? choiceList(form, q.list) : undefined;
  return {
    label: localText(form, q.label, lang) || field,
    type: q.type,
    multiple: q.type === 'select_multiple',
    choices: (list?.choices ?? []).map((c) => ({
      value: c.name,
      label: localText(form, c.label, lang) || c.name,
    })),
  };
}

/**
 * Why a reviewer's value cannot stand for `field`, as the form's validation says (its type, its choices, its
 * constraint, read against the person's other answers), or an empty list. `complete` says every other field of
 * the person is settled: only then are "required" and "does not apply" judged, as they hang on other answers.
 */
export function checkDecision(
  form: NormalisedForm,
  field: string,
  value: string,
  others: Readonly<Record<string, string>>,
  complete: boolean,
  language?: string,
): AnswerIssue[] {
  if (!questionOf(form, field)) return [{ field, reason: 'answer.unknownField', params: { name: field } }];
  const answers: Record<string, string> = { ...others };
  delete answers[field];
  if (value.trim() !== '') answers[field] = value.trim();
  return validateAnswers(form, answers, language ? { language } : {}).filter(
    (i) =>
      i.field === field &&
      (complete || (i.reason !== 'answer.required' && i.reason !== 'answer.notRelevant')),
  );
}

/**
 * Paper answers (text, as read or keyed in) as a submission holds them: numbers as numbers, a multiple choice
 * as a list of names, everything else as text; blanks are left out.
 */
export function submissionAnswers(
  form: NormalisedForm,
  answers: Readonly<Record<string, string>>,
): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const [field, raw] of Object.entries(answers)) {
    const value = raw.trim();
    if (value === '') continue;
    const q = questionOf(form, field);
    if (q && (q.type === 'integer' || q.type === 'decimal') && Number.isFinite(Number(value)))
      out[field] = Number(value);
    else if (q?.type === 'select_multiple') out[field] = value.split(/\s+/);
    else out[field] = value;
  }
  return out;
}

/** The review reason for a problem the form finds once a person's pages are put together. */
export function reasonForIssue(issue: AnswerIssue): ReviewReason {
  if (issue.reason === 'answer.required') return 'blank-required';
  if (issue.reason === 'answer.notRelevant') return 'not-applicable';
  return 'constraint';
}
