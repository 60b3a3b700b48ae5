import type { ChoiceList, Question } from './form-model.ts';

/** Why an answer (or a default) does not fit its question's type, as an i18n key in the `forms` namespace. */
export interface ValueProblem {
  key: string;
  params: Record<string, string | number>;
}

/** Longest text answer accepted; a name or a size label is far shorter, and a cap keeps `regex()` cheap. */
export const MAX_TEXT_ANSWER = 2000;

const INTEGER = /^[+-]?\d{1,15}$/;
const DECIMAL = /^[+-]?(\d{1,15}(\.\d{0,10})?|\.\d{1,10})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks one non-empty value against a question's type: whole numbers for `integer`, a point-decimal for
 * `decimal`, a real calendar day `YYYY-MM-DD` for `date`, names from the choice list for selects (when the list
 * is given). Returns undefined when the value fits.
 */
export function checkValue(
  question: Question,
  value: string,
  list: ChoiceList | undefined,
): ValueProblem | undefined {
  switch (question.type) {
    case 'note':
      return { key: 'answer.notAnswerable', params: {} };
    case 'integer':
      return INTEGER.test(value) ? undefined : { key: 'answer.notInteger', params: { value: clip(value) } };
    case 'decimal':
      return DECIMAL.test(value) ? undefined : { key: 'answer.notDecimal', params: { value: clip(value) } };
    case 'date':
      return isCalendarDate(value) ? undefined : { key: 'answer.notDate', params: { value: clip(value) } };
    case 'text':
      return Array.from(value).length <= MAX_TEXT_ANSWER
        ? undefined
        : { key: 'answer.tooLong', params: { limit: MAX_TEXT_ANSWER } };
    case 'select_one': {
      const names = value.split(/\s+/).filter(Boolean);
      if (names.length > 1) return { key: 'answer.singleChoiceOnly', params: { value: clip(value) } };
      return unknownChoice(names, list);
    }
    case 'select_multiple': {
      const names = value.split(/\s+/).filter(Boolean);
      const duplicate = names.find((n, i) => names.indexOf(n) !== i);
      if (duplicate) return { key: 'answer.duplicateChoice', params: { value: duplicate } };
      return unknownChoice(names, list);
    }
  }
}

function unknownChoice(names: string[], list: ChoiceList | undefined): ValueProblem | undefined {
  if (!list) return undefined;
  const missing = names.find((n) => !list.choices.some((c) => c.name === n));
  return missing === undefined
    ? undefined
    : { key: 'answer.unknownChoice', params: { value: clip(missing), list: list.list } };
}

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}
