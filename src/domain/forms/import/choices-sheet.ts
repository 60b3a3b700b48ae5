import type { Choice, ChoiceList, Language } from '../form-model.ts';
import type { ProblemList, SheetTable } from '../form-problems.ts';
import type { LanguageRegistry } from '../language-registry.ts';
import { cellOf, isEmptyRow, mapColumns, textOf, type Where } from './columns.ts';
import { CHOICES_UNSUPPORTED } from './sheet-columns.ts';

export interface ChoicesResult {
  lists: { list: ChoiceList; row: number }[];
  usesPlain: boolean;
}

export function readChoices(
  sheet: SheetTable | undefined,
  languages: LanguageRegistry,
  plainLanguage: Language,
  problems: ProblemList,
): ChoicesResult {
  const result: ChoicesResult = { lists: [], usesPlain: false };
  if (!sheet || sheet.rows.every(isEmptyRow)) return result;
  const columns = mapColumns(
    sheet,
    new Set(['label']),
    (base) =>
      base === 'list_name' || base === 'name'
        ? 'plain'
        : CHOICES_UNSUPPORTED.has(base)
          ? 'unsupported'
          : 'unknown',
    languages,
    plainLanguage,
    problems,
  );
  result.usesPlain = columns.usesPlain;
  const hasData = sheet.rows.some((row, i) => i > 0 && !isEmptyRow(row));
  const at = (row: number, column: string): Where => ({ sheet: sheet.name, row, column });
  for (const required of ['list_name', 'name']) {
    if (!columns.plain.has(required) && hasData) {
      problems.error('import.missingColumn', at(1, required), { column: required });
    }
  }
  if (!columns.plain.has('list_name') || !columns.plain.has('name')) return result;
  const listCol = columns.plain.get('list_name')!.raw;
  const nameCol = columns.plain.get('name')!.raw;
  const labelCol = columns.localised.get('label')?.[0]?.raw ?? 'label';
  const firstRows = new Map<string, number>();
  for (const [index, row] of sheet.rows.entries()) {
    if (index === 0 || isEmptyRow(row)) continue;
    const rowNo = index + 1;
    const list = cellOf(row, columns.plain.get('list_name'));
    const name = cellOf(row, columns.plain.get('name'));
    if (!list) {
      problems.error('import.missingListName', at(rowNo, listCol));
      continue;
    }
    if (!name) {
      problems.error('import.missingChoiceName', at(rowNo, nameCol), { list });
      continue;
    }
    if (/\s/.test(name)) {
      problems.error('import.invalidChoiceName', at(rowNo, nameCol), { list, name });
      continue;
    }
    const id = `${list}\u0000${name}`;
    const firstRow = firstRows.get(id);
    if (firstRow !== undefined) {
      problems.error('import.duplicateChoice', at(rowNo, nameCol), { list, name, firstRow });
      continue;
    }
    firstRows.set(id, rowNo);
    const label = textOf(row, columns.localised.get('label'));
    if (!label) problems.error('import.choiceMissingLabel', at(rowNo, labelCol), { list, name });
    let entry = result.lists.find((l) => l.list.list === list);
    if (!entry) {
      entry = { list: { list, choices: [] }, row: rowNo };
      result.lists.push(entry);
    }
    const choice: Choice = { name, label: label ?? {} };
    entry.list.choices.push(choice);
  }
  return result;
}
