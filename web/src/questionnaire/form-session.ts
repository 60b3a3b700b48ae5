import {
  type AnswerIssue,
  relevanceOf,
  validateAnswers,
} from '../../../src/domain/forms/answer-validation.ts';
import {
  type Group,
  type NormalisedForm,
  type Question,
  questionsOf,
} from '../../../src/domain/forms/form-model.ts';

/** The answers being filled in: text as typed, the chosen names of a multiple choice. */
export type AnswerMap = Record<string, string | string[]>;

/** One question on screen, with the groups around it (outermost first). */
export interface Screen {
  question: Question;
  groups: readonly Group[];
}

const filled = (v: string | string[] | undefined) =>
  v !== undefined && (Array.isArray(v) ? v.length > 0 : v.trim() !== '');

/**
 * The questions (and notes) that apply given the answers so far, in form order: the pure evaluator decides
 * relevance live, so a path opens as soon as the answer that leads to it is given.
 */
export function visibleScreens(form: NormalisedForm, answers: AnswerMap): Screen[] {
  const relevant = relevanceOf(form, answers);
  return [...questionsOf(form.survey)].filter((q) => relevant.get(q.question.name));
}

/**
 * What is submitted: only answers to questions that apply, without blanks — an answer left behind on a path
 * the person turned away from is not sent (the server would refuse it as not relevant).
 */
export function effectiveAnswers(form: NormalisedForm, answers: AnswerMap): AnswerMap {
  const relevant = relevanceOf(form, answers);
  const out: AnswerMap = {};
  for (const { question } of questionsOf(form.survey)) {
    const v = answers[question.name];
    if (question.type !== 'note' && relevant.get(question.name) && filled(v))
      out[question.name] = Array.isArray(v) ? v : v!.trim();
  }
  return out;
}

/** The form's own checks (type, choice list, required, constraint), for the submission as it stands. */
export function answerIssues(form: NormalisedForm, answers: AnswerMap, language?: string): AnswerIssue[] {
  return validateAnswers(form, effectiveAnswers(form, answers), language ? { language } : {});
}
