import type { Expr } from './expression-types.ts';

/**
 * The normalised form: the XLSForm subset a sizing questionnaire needs, as plain JSON. It keeps each
 * expression's source text beside its parsed tree and holds no file path, row number or time, so importing
 * an exported form gives a deep-equal result. Optional keys are absent rather than undefined or empty.
 */
export interface NormalisedForm {
  format: 'kitout-form';
  formatVersion: 1;
  settings: FormSettings;
  /** Every language the form uses, in order of first appearance (survey, then choices, then settings). */
  languages: Language[];
  survey: SurveyElement[];
  choiceLists: ChoiceList[];
}

export interface FormSettings {
  /** `form_id`: ASCII letters, digits, `_`, `.` and `-`, so it can travel inside a QR code. */
  formId: string;
  version?: string;
  /** `form_title`, per language (`form_title::Korean (ko)` columns are a Kitout extension). */
  title: LocalText;
  /** The language key plain `label`, `hint` and `form_title` columns belong to. */
  defaultLanguage: string;
}

/**
 * A language as the form's column headers name it. `key` is how texts are keyed: the code when one is known
 * (`label::Russian (ru)`, `label::ru`, `label::Russian` all give `ru`), else the lower-cased name, or
 * `default` for plain `label` columns in a form that names no default language.
 */
export interface Language {
  key: string;
  name?: string;
  code?: string;
}

/** Text in several languages, keyed by language key. */
export type LocalText = Record<string, string>;

export const QUESTION_TYPES = [
  'select_one',
  'select_multiple',
  'integer',
  'decimal',
  'text',
  'note',
  'date',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type SurveyElement = Question | Group;

interface ElementBase {
  name: string;
  label: LocalText;
  hint?: LocalText;
  relevant?: string;
  relevantTree?: Expr;
  appearance?: string;
}

export interface Question extends ElementBase {
  kind: 'question';
  type: QuestionType;
  /** The choice list of a select question. */
  list?: string;
  required?: true;
  constraint?: string;
  constraintTree?: Expr;
  constraintMessage?: LocalText;
  default?: string;
}

export interface Group extends ElementBase {
  kind: 'group';
  children: SurveyElement[];
}

export interface ChoiceList {
  list: string;
  choices: Choice[];
}

export interface Choice {
  name: string;
  label: LocalText;
}

/** Every question of a form in document order, with the groups that contain it (outermost first). */
export function* questionsOf(
  elements: readonly SurveyElement[],
  parents: readonly Group[] = [],
): Generator<{ question: Question; groups: readonly Group[] }> {
  for (const element of elements) {
    if (element.kind === 'question') yield { question: element, groups: parents };
    else yield* questionsOf(element.children, [...parents, element]);
  }
}

/** Every element (groups too) in document order. */
export function* elementsOf(elements: readonly SurveyElement[]): Generator<SurveyElement> {
  for (const element of elements) {
    yield element;
    if (element.kind === 'group') yield* elementsOf(element.children);
  }
}

export function choiceList(form: NormalisedForm, list: string): ChoiceList | undefined {
  return form.choiceLists.find((l) => l.list === list);
}
