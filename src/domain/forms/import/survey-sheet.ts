import { isName } from '../expression-lexer.ts';
import { parseExpression } from '../expression-parser.ts';
import type { Expr } from '../expression-types.ts';
import type { Group, Language, Question, SurveyElement } from '../form-model.ts';
import type { ProblemList, SheetTable } from '../form-problems.ts';
import type { LanguageRegistry } from '../language-registry.ts';
import { checkValue } from '../value-check.ts';
import { type ColumnMap, cellOf, isEmptyRow, mapColumns, textOf, type Where } from './columns.ts';
import { parseRowType } from './question-type.ts';
import { type Header, SURVEY_LOCALISED, SURVEY_PLAIN, SURVEY_UNSUPPORTED } from './sheet-columns.ts';

/** Deepest group nesting accepted; real questionnaires nest two or three levels. */
export const MAX_GROUP_DEPTH = 32;

export interface SurveyResult {
  elements: SurveyElement[];
  usesPlain: boolean;
  /** Where each element came from, for errors found after the sheet is read. */
  rows: Map<SurveyElement, number>;
  headers: ColumnMap;
}

export function readSurvey(
  sheet: SheetTable,
  languages: LanguageRegistry,
  plainLanguage: Language,
  problems: ProblemList,
) {
  const columns = mapColumns(
    sheet,
    SURVEY_LOCALISED,
    (base) => (SURVEY_PLAIN.has(base) ? 'plain' : SURVEY_UNSUPPORTED.has(base) ? 'unsupported' : 'unknown'),
    languages,
    plainLanguage,
    problems,
  );
  const at = (row: number, column?: string): Where => ({ sheet: sheet.name, row, column });
  for (const required of ['type', 'name']) {
    if (!columns.plain.has(required))
      problems.error('import.missingColumn', at(1, required), { column: required });
  }
  const result: SurveyResult = {
    elements: [],
    usesPlain: columns.usesPlain,
    rows: new Map(),
    headers: columns,
  };
  if (!columns.plain.has('type')) return result;

  const top: SurveyElement[] = result.elements;
  const stack: { group: Group; row: number }[] = [];
  const names = new Map<string, number>();
  const col = (name: string) => columns.plain.get(name)?.raw ?? name;
  const localCol = (name: string) => columns.localised.get(name)?.[0]?.raw ?? name;

  sheet.rows.forEach((row, index) => {
    if (index === 0 || isEmptyRow(row)) return;
    const rowNo = index + 1;
    const typeCell = cellOf(row, columns.plain.get('type'));
    if (!typeCell) {
      problems.error('import.missingType', at(rowNo, col('type')));
      return;
    }
    const rowType = parseRowType(typeCell);
    if (rowType.kind === 'unsupported' || rowType.kind === 'unknown') {
      problems.error(
        rowType.kind === 'unsupported' ? 'import.unsupportedType' : 'import.unknownType',
        at(rowNo, col('type')),
        {
          type: rowType.type,
        },
      );
      return;
    }
    if (rowType.kind === 'end-group') {
      if (!stack.pop()) problems.error('import.unmatchedEnd', at(rowNo, col('type')));
      return;
    }
    const name = cellOf(row, columns.plain.get('name'));
    if (!name) {
      problems.error('import.missingName', at(rowNo, col('name')));
      return;
    }
    if (!isName(name)) {
      problems.error('import.invalidName', at(rowNo, col('name')), { name });
      return;
    }
    const firstRow = names.get(name);
    if (firstRow !== undefined) {
      problems.error('import.duplicateName', at(rowNo, col('name')), { name, firstRow });
      return;
    }
    names.set(name, rowNo);

    const label = textOf(row, columns.localised.get('label')) ?? {};
    const hint = textOf(row, columns.localised.get('hint'));
    const appearance = cellOf(row, columns.plain.get('appearance'));
    const relevant = readExpression(row, columns.plain.get('relevant'), rowNo, sheet.name, problems);
    const base: Pick<Question, 'name' | 'label'> & Partial<Question> = { name, label };
    if (hint) base.hint = hint;
    if (relevant) {
      base.relevant = relevant.source;
      base.relevantTree = relevant.tree;
    }
    if (appearance) base.appearance = appearance;

    let element: SurveyElement;
    if (rowType.kind === 'begin-group') {
      for (const notForGroups of ['required', 'constraint', 'default']) {
        if (cellOf(row, columns.plain.get(notForGroups))) {
          problems.error('import.groupProperty', at(rowNo, col(notForGroups)), { column: col(notForGroups) });
        }
      }
      element = { kind: 'group', ...base, children: [] } as Group;
    } else {
      const question: Question = { kind: 'question', type: rowType.type, ...base } as Question;
      if (rowType.list) question.list = rowType.list;
      if (!Object.keys(label).length) problems.error('import.missingLabel', at(rowNo, localCol('label')));
      const required = cellOf(row, columns.plain.get('required'));
      const isRequired = readRequired(required, at(rowNo, col('required')), problems);
      const constraint = readExpression(row, columns.plain.get('constraint'), rowNo, sheet.name, problems);
      const message = textOf(row, columns.localised.get('constraint_message'));
      const defaultValue = cellOf(row, columns.plain.get('default'));
      if (rowType.type === 'note') {
        for (const [column, set] of [
          ['required', isRequired],
          ['constraint', constraint !== undefined],
          ['default', defaultValue !== ''],
        ] as const) {
          if (set) problems.error('import.noteProperty', at(rowNo, col(column)), { column: col(column) });
        }
      }
      if (isRequired) question.required = true;
      if (constraint) {
        question.constraint = constraint.source;
        question.constraintTree = constraint.tree;
      }
      if (message) question.constraintMessage = message;
      if (defaultValue) {
        question.default = defaultValue;
        if (!question.list) {
          const problem = checkValue(question, defaultValue, undefined);
          if (problem)
            problems.error('import.badDefault', at(rowNo, col('default')), {
              value: defaultValue,
              reason: problem.key,
            });
        }
      }
      element = question;
    }
    element = canonical(element);
    result.rows.set(element, rowNo);
    const parent = stack.at(-1);
    (parent ? parent.group.children : top).push(element);
    if (element.kind === 'group') {
      if (stack.length >= MAX_GROUP_DEPTH) {
        problems.error('import.groupTooDeep', at(rowNo, col('type')), { limit: MAX_GROUP_DEPTH });
        return;
      }
      stack.push({ group: element, row: rowNo });
    }
  });
  for (const open of stack) {
    problems.error('import.unclosedGroup', at(open.row, col('type')), { name: open.group.name });
  }
  return result;
}

const KEY_ORDER = [
  'kind',
  'type',
  'list',
  'name',
  'label',
  'hint',
  'required',
  'relevant',
  'relevantTree',
  'constraint',
  'constraintTree',
  'constraintMessage',
  'appearance',
  'default',
  'children',
];

/** The same element with its keys in one fixed order, so printed forms read alike however they were made. */
export function canonical<T extends SurveyElement>(element: T): T {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = (element as unknown as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as unknown as T;
}

function readRequired(value: string, where: Where, problems: ProblemList): boolean {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'no' || v === 'false' || v === 'false()') return false;
  if (v === 'yes' || v === 'true' || v === 'true()') return true;
  problems.error('import.badRequired', where, { value });
  return false;
}

function readExpression(
  row: readonly string[],
  header: Header | undefined,
  rowNo: number,
  sheet: string,
  problems: ProblemList,
): { source: string; tree: Expr } | undefined {
  const source = cellOf(row, header);
  if (!source) return undefined;
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    problems.error(
      parsed.error.key,
      { sheet, row: rowNo, column: header!.raw },
      { ...parsed.error.params, source: clip(source) },
    );
    return undefined;
  }
  return { source, tree: parsed.tree };
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
