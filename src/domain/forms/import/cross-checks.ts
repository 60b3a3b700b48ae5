import { type Expr, referencedFields } from '../expression-types.ts';
import type { ChoiceList, LocalText, NormalisedForm, SurveyElement } from '../form-model.ts';
import type { ProblemList } from '../form-problems.ts';
import { checkValue } from '../value-check.ts';
import type { SurveyResult } from './survey-sheet.ts';

/** Checks what can only be checked once everything is read: references, choice lists, select defaults. */
export function checkReferences(
  survey: SurveyResult,
  lists: readonly { list: ChoiceList; row: number }[],
  sheet: string,
  problems: ProblemList,
): void {
  const questions = new Set<string>();
  const all: SurveyElement[] = [];
  const walk = (elements: SurveyElement[]) => {
    for (const e of elements) {
      all.push(e);
      if (e.kind === 'question') questions.add(e.name);
      else walk(e.children);
    }
  };
  walk(survey.elements);
  const col = (base: string) => survey.headers.plain.get(base)?.raw ?? base;
  for (const element of all) {
    const row = survey.rows.get(element)!;
    const trees: [string, Expr | undefined][] = [['relevant', element.relevantTree]];
    if (element.kind === 'question') trees.push(['constraint', element.constraintTree]);
    for (const [column, tree] of trees) {
      if (!tree) continue;
      for (const name of referencedFields(tree)) {
        if (!questions.has(name))
          problems.error('import.unknownReference', { sheet, row, column: col(column) }, { name });
      }
    }
    if (element.kind !== 'question' || !element.list) continue;
    const list = lists.find((l) => l.list.list === element.list)?.list;
    if (!list) {
      problems.error('import.unknownList', { sheet, row, column: col('type') }, { list: element.list });
      continue;
    }
    if (element.default !== undefined) {
      const problem = checkValue(element, element.default, list);
      if (problem) {
        problems.error(
          'import.badDefault',
          { sheet, row, column: col('default') },
          { value: element.default, reason: problem.key },
        );
      }
    }
  }
}

/** Puts every text's languages in the form's language order, so the JSON is the same however columns were laid out. */
export function orderTexts(form: NormalisedForm): void {
  const keys = form.languages.map((l) => l.key);
  const order = (text: LocalText): LocalText => {
    const out: LocalText = {};
    for (const key of keys) if (text[key] !== undefined) out[key] = text[key];
    return out;
  };
  form.settings.title = order(form.settings.title);
  const walk = (elements: SurveyElement[]) => {
    for (const e of elements) {
      e.label = order(e.label);
      if (e.hint) e.hint = order(e.hint);
      if (e.kind === 'question' && e.constraintMessage) e.constraintMessage = order(e.constraintMessage);
      if (e.kind === 'group') walk(e.children);
    }
  };
  walk(form.survey);
  for (const list of form.choiceLists) for (const choice of list.choices) choice.label = order(choice.label);
}
