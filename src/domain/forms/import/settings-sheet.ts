import type { FormSettings, Language, LocalText } from '../form-model.ts';
import type { ProblemList, SheetTable } from '../form-problems.ts';
import type { LanguageRegistry } from '../language-registry.ts';
import { isEmptyRow, mapColumns, textOf } from './columns.ts';
import { parseHeader, SETTINGS_SUPPORTED, SETTINGS_UNSUPPORTED } from './sheet-columns.ts';

/** `form_id` and `version` go into QR codes as plain ASCII between colons. */
export const FORM_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const FORM_VERSION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

export interface SettingsOptions {
  /** The form id to use when the settings sheet gives none (pyxform uses the file's base name). */
  fallbackFormId?: string;
}

export function settingValue(sheet: SheetTable, base: string): string | undefined {
  const header = sheet.rows[0] ?? [];
  const index = header.findIndex((h) => {
    const parsed = parseHeader(h, 0);
    return parsed.base === base && !parsed.localised;
  });
  return index < 0 ? undefined : (sheet.rows[1]?.[index] ?? '').trim() || undefined;
}

export function readTitle(
  sheet: SheetTable,
  languages: LanguageRegistry,
  plainLanguage: Language,
  problems: ProblemList,
) {
  const columns = mapColumns(
    sheet,
    new Set(['form_title']),
    (base) =>
      SETTINGS_SUPPORTED.has(base) ? 'plain' : SETTINGS_UNSUPPORTED.has(base) ? 'unsupported' : 'unknown',
    languages,
    plainLanguage,
    problems,
  );
  sheet.rows.forEach((row, index) => {
    if (index > 1 && !isEmptyRow(row))
      problems.warn('import.ignoredRow', { sheet: sheet.name, row: index + 1 });
  });
  return {
    text: textOf(sheet.rows[1] ?? [], columns.localised.get('form_title')) ?? {},
    usesPlain: columns.usesPlain,
  };
}

export function readSettings(
  sheet: SheetTable | undefined,
  title: LocalText,
  defaultLanguage: string,
  options: SettingsOptions,
  problems: ProblemList,
): FormSettings | undefined {
  const sheetName = sheet?.name ?? 'settings';
  const headerOf = (base: string) =>
    (sheet?.rows[0] ?? []).find((h) => parseHeader(h, 0).base === base)?.trim() ?? base;
  let formId = sheet ? settingValue(sheet, 'form_id') : undefined;
  if (formId !== undefined && !FORM_ID.test(formId)) {
    problems.error(
      'import.invalidFormId',
      { sheet: sheetName, row: 2, column: headerOf('form_id') },
      { value: formId },
    );
    return undefined;
  }
  if (formId === undefined && options.fallbackFormId !== undefined) {
    const fallback = options.fallbackFormId.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[^A-Za-z0-9]+/, '');
    formId = fallback.slice(0, 64) || undefined;
  }
  if (formId === undefined) {
    problems.error('import.missingFormId', { sheet: sheetName, row: 2, column: 'form_id' });
    return undefined;
  }
  const version = sheet ? settingValue(sheet, 'version') : undefined;
  if (version !== undefined && !FORM_VERSION.test(version)) {
    problems.error(
      'import.invalidVersion',
      { sheet: sheetName, row: 2, column: headerOf('version') },
      { value: version },
    );
    return undefined;
  }
  return version === undefined
    ? { formId, title, defaultLanguage }
    : { formId, version, title, defaultLanguage };
}
