import { validateAnswers } from '../forms/answer-validation.ts';
import { referencedFields } from '../forms/expression-types.ts';
import type { NormalisedForm, SurveyElement } from '../forms/form-model.ts';
import type { FieldReading } from './field-reading.ts';

/**
 * Checks what was read from one person's pages against the form, as the web form would: a required question
 * that applies but is blank, an answer the question's constraint refuses, and an answer to a question that
 * does not apply all go to review (the read answer kept as the suggestion). Relevance that hangs on a field
 * already under review, or on a page that was not read, cannot be judged, so nothing is added for the fields
 * depending on it. Pages are changed in place; every field keeps its confidence.
 */
export function applyFormRules(form: NormalisedForm, pages: readonly FieldReading[][]): void {
  const all = pages.flat();
  const answers: Record<string, string> = {};
  for (const r of all) if (r.answer) answers[r.field] = r.answer;
  const underReview = new Set(all.filter((r) => r.review).map((r) => r.field));
  const onPages = new Set(all.map((r) => r.field));
  const depends = dependencies(form.survey);
  // A field whose relevance looks at a field under review, or at one on a page not in this batch, cannot be
  // judged: whether it applies is not known yet.
  const hangsOnUnknown = (field: string, seen = new Set<string>()): boolean => {
    for (const d of depends.get(field) ?? []) {
      if (underReview.has(d) || !onPages.has(d)) return true;
      if (!seen.has(d)) {
        seen.add(d);
        if (hangsOnUnknown(d, seen)) return true;
      }
    }
    return false;
  };
  const issues = validateAnswers(form, answers);
  for (const issue of issues) {
    if (!onPages.has(issue.field) || underReview.has(issue.field) || hangsOnUnknown(issue.field)) continue;
    const reading = all.find((r) => r.field === issue.field);
    if (!reading) continue;
    const value = reading.answer;
    if (issue.reason === 'answer.required') {
      reading.review = { reason: 'blank-required' };
    } else if (issue.reason === 'answer.notRelevant') {
      reading.review = { reason: 'not-applicable', ...(value ? { suggestion: value } : {}) };
    } else if (issue.reason !== 'answer.unknownField') {
      reading.review = { reason: 'constraint', ...(value ? { suggestion: value } : {}) };
    } else continue;
    delete reading.answer;
  }
}

/** For each question, the fields its relevance (and its groups' relevance) looks at. */
function dependencies(
  elements: readonly SurveyElement[],
  inherited: string[] = [],
  out = new Map<string, string[]>(),
) {
  for (const e of elements) {
    const own = e.relevantTree ? referencedFields(e.relevantTree) : [];
    const all = [...inherited, ...own];
    if (e.kind === 'group') dependencies(e.children, all, out);
    else out.set(e.name, all);
  }
  return out;
}
