import { DEFAULT_LANGUAGE_KEY, languageHeader } from './form-languages.ts';
import type { Language, LocalText, NormalisedForm, SurveyElement } from './form-model.ts';
import type { SheetTable } from './form-problems.ts';
import { rowTypeText } from './import/question-type.ts';

/** Sheets of an XLSForm, plus for each sheet row the JSON path of the form part it came from. */
export interface ExportedSheets {
  sheets: SheetTable[];
  /** `paths[sheet][rowIndex]`: e.g. `survey[2].children[0]`; lets JSON input report errors by path. */
  paths: Record<string, string[]>;
}

/**
 * Writes a normalised form as XLSForm sheets (`survey`, `choices`, `settings`). Importing the result gives
 * the same form: every language gets a `label` column in the form's language order, the default language's
 * title goes in plain `form_title`, and `default_language` is written whenever it names a real language.
 */
export function formToSheets(form: NormalisedForm): ExportedSheets {
  const header = (base: string, language: Language) => {
    const suffix = languageHeader(language);
    return suffix ? `${base}::${suffix}` : base;
  };
  const all = flatten(form.survey, 'survey');
  const used = (pick: (e: SurveyElement) => unknown) =>
    all.some(({ element }) => element !== 'end' && !!pick(element));
  const localisedColumns = (
    base: string,
    pick: (e: SurveyElement) => LocalText | undefined,
    always = false,
  ) =>
    always || used(pick)
      ? form.languages.map((l) => ({ title: header(base, l), get: (e: SurveyElement) => pick(e)?.[l.key] }))
      : [];

  const columns: { title: string; get: (e: SurveyElement) => string | undefined }[] = [
    { title: 'type', get: (e) => (e.kind === 'group' ? 'begin group' : rowTypeText(e.type, e.list)) },
    { title: 'name', get: (e) => e.name },
    ...localisedColumns('label', (e) => e.label, true),
    ...localisedColumns('hint', (e) => e.hint),
    ...(used((e) => e.kind === 'question' && e.required)
      ? [
          {
            title: 'required',
            get: (e: SurveyElement) => (e.kind === 'question' && e.required ? 'yes' : undefined),
          },
        ]
      : []),
    ...(used((e) => e.relevant) ? [{ title: 'relevant', get: (e: SurveyElement) => e.relevant }] : []),
    ...(used((e) => e.kind === 'question' && e.constraint)
      ? [
          {
            title: 'constraint',
            get: (e: SurveyElement) => (e.kind === 'question' ? e.constraint : undefined),
          },
        ]
      : []),
    ...localisedColumns('constraint_message', (e) =>
      e.kind === 'question' ? e.constraintMessage : undefined,
    ),
    ...(used((e) => e.appearance) ? [{ title: 'appearance', get: (e: SurveyElement) => e.appearance }] : []),
    ...(used((e) => e.kind === 'question' && e.default !== undefined)
      ? [{ title: 'default', get: (e: SurveyElement) => (e.kind === 'question' ? e.default : undefined) }]
      : []),
  ];
  const surveyRows = [columns.map((c) => c.title)];
  const surveyPaths = ['survey'];
  for (const { element, path } of all) {
    surveyRows.push(
      element === 'end'
        ? columns.map((c) => (c.title === 'type' ? 'end group' : ''))
        : columns.map((c) => c.get(element) ?? ''),
    );
    surveyPaths.push(path);
  }

  const choiceHeader = ['list_name', 'name', ...form.languages.map((l) => header('label', l))];
  const choiceRows = [choiceHeader];
  const choicePaths = ['choiceLists'];
  form.choiceLists.forEach((list, i) => {
    list.choices.forEach((choice, j) => {
      choiceRows.push([list.list, choice.name, ...form.languages.map((l) => choice.label[l.key] ?? '')]);
      choicePaths.push(`choiceLists[${i}].choices[${j}]`);
    });
  });

  const { settings } = form;
  const settingsHeader: string[] = [];
  const settingsValues: string[] = [];
  const set = (title: string, value: string | undefined) => {
    if (value === undefined) return;
    settingsHeader.push(title);
    settingsValues.push(value);
  };
  set('form_title', settings.title[settings.defaultLanguage]);
  for (const language of form.languages) {
    if (language.key !== settings.defaultLanguage)
      set(header('form_title', language), settings.title[language.key]);
  }
  set('form_id', settings.formId);
  set('version', settings.version);
  const defaultLanguage = form.languages.find((l) => l.key === settings.defaultLanguage);
  if (settings.defaultLanguage !== DEFAULT_LANGUAGE_KEY) {
    set('default_language', defaultLanguage ? languageHeader(defaultLanguage) : settings.defaultLanguage);
  }
  return {
    sheets: [
      { name: 'survey', rows: surveyRows },
      { name: 'choices', rows: choiceRows },
      { name: 'settings', rows: [settingsHeader, settingsValues] },
    ],
    paths: { survey: surveyPaths, choices: choicePaths, settings: ['settings', 'settings'] },
  };
}

function flatten(
  elements: readonly SurveyElement[],
  path: string,
): { element: SurveyElement | 'end'; path: string }[] {
  const out: { element: SurveyElement | 'end'; path: string }[] = [];
  elements.forEach((element, i) => {
    const here = `${path}[${i}]`;
    out.push({ element, path: here });
    if (element.kind === 'group') {
      out.push(...flatten(element.children, `${here}.children`));
      out.push({ element: 'end', path: here });
    }
  });
  return out;
}
