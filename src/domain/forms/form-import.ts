import { DEFAULT_LANGUAGE_KEY, parseLanguageSpec } from './form-languages.ts';
import type { Language, NormalisedForm } from './form-model.ts';
import { type FormImportResult, ProblemList, type SheetTable, sortProblems } from './form-problems.ts';
import { readChoices } from './import/choices-sheet.ts';
import { checkReferences, orderTexts } from './import/cross-checks.ts';
import { readSettings, readTitle, type SettingsOptions, settingValue } from './import/settings-sheet.ts';
import { UNSUPPORTED_SHEETS } from './import/sheet-columns.ts';
import { readSurvey } from './import/survey-sheet.ts';
import { LanguageRegistry } from './language-registry.ts';

export { FORM_ID, FORM_VERSION } from './import/settings-sheet.ts';
export { canonical, MAX_GROUP_DEPTH } from './import/survey-sheet.ts';

export type ImportOptions = SettingsOptions;

/**
 * Builds the normalised form from a workbook's sheets (`survey`, `choices`, `settings`, names in any case).
 * Pure: the sheets come in as text. Every problem is collected with its sheet, row and column; if there is any
 * error, no form is returned at all.
 */
export function importForm(sheets: readonly SheetTable[], options: ImportOptions = {}): FormImportResult {
  const problems = new ProblemList();
  const byName = findSheets(sheets, problems);
  const languages = new LanguageRegistry();
  const settingsSheet = byName.get('settings');
  const defaultSpec = settingsSheet ? settingValue(settingsSheet, 'default_language') : undefined;
  const explicitDefault = defaultSpec ? parseLanguageSpec(defaultSpec) : undefined;
  const plainLanguage: Language = explicitDefault ?? { key: DEFAULT_LANGUAGE_KEY };

  const survey = byName.get('survey');
  if (!survey) problems.error('import.missingSheet', { sheet: 'survey' }, { sheet: 'survey' });
  const surveyResult = survey ? readSurvey(survey, languages, plainLanguage, problems) : undefined;
  const choices = readChoices(byName.get('choices'), languages, plainLanguage, problems);
  const title = settingsSheet
    ? readTitle(settingsSheet, languages, plainLanguage, problems)
    : { text: {}, usesPlain: false };

  let usesPlain = false;
  if (surveyResult) usesPlain ||= surveyResult.usesPlain;
  usesPlain ||= choices.usesPlain || title.usesPlain;
  let defaultLanguage: string;
  if (explicitDefault) {
    languages.add(explicitDefault);
    defaultLanguage = explicitDefault.key;
  } else if (usesPlain) defaultLanguage = DEFAULT_LANGUAGE_KEY;
  else defaultLanguage = languages.all()[0]?.key ?? DEFAULT_LANGUAGE_KEY;

  const settings = readSettings(settingsSheet, title.text, defaultLanguage, options, problems);
  if (surveyResult) checkReferences(surveyResult, choices.lists, survey!.name, problems);

  if (problems.errors.length || !surveyResult || !settings) {
    return {
      ok: false,
      errors: sortProblems(problems.errors, sheets),
      warnings: sortProblems(problems.warnings, sheets),
    };
  }
  const form: NormalisedForm = {
    format: 'kitout-form',
    formatVersion: 1,
    settings,
    languages: languages.all(),
    survey: surveyResult.elements,
    choiceLists: choices.lists.map((l) => l.list),
  };
  orderTexts(form);
  return { ok: true, value: form, warnings: sortProblems(problems.warnings, sheets) };
}

function findSheets(sheets: readonly SheetTable[], problems: ProblemList): Map<string, SheetTable> {
  const byName = new Map<string, SheetTable>();
  for (const sheet of sheets) {
    const key = sheet.name.trim().toLowerCase();
    const hasContent = sheet.rows.some((row) => row.some((c) => c !== ''));
    if (key === 'survey' || key === 'choices' || key === 'settings') {
      if (byName.has(key)) {
        problems.error('import.duplicateSheet', { sheet: sheet.name }, { sheet: sheet.name });
        continue;
      }
      byName.set(key, sheet);
    } else if (UNSUPPORTED_SHEETS.has(key) && hasContent) {
      problems.error('import.unsupportedSheet', { sheet: sheet.name }, { sheet: sheet.name });
    } else if (hasContent) {
      problems.warn('import.ignoredSheet', { sheet: sheet.name }, { sheet: sheet.name });
    }
  }
  return byName;
}
