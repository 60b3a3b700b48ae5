import type { Language, LocalText } from '../form-model.ts';
import type { FormProblem, ProblemList, SheetTable } from '../form-problems.ts';
import type { LanguageRegistry } from '../language-registry.ts';
import { type Header, parseHeader } from './sheet-columns.ts';

/** Where a problem is: sheet, row and column. */
export type Where = Omit<FormProblem, 'severity' | 'key' | 'params'>;

export interface ColumnMap {
  plain: Map<string, Header>;
  localised: Map<string, Header[]>;
  usesPlain: boolean;
}

/**
 * Sorts a sheet's headers into plain and per-language columns, registering languages in column order.
 * Plain `label` belongs to the default language; two columns meaning the same thing are an error.
 */
export function mapColumns(
  sheet: SheetTable,
  localisable: ReadonlySet<string>,
  known: (base: string) => 'plain' | 'unsupported' | 'unknown',
  languages: LanguageRegistry,
  plainLanguage: Language,
  problems: ProblemList,
): ColumnMap {
  const map: ColumnMap = { plain: new Map(), localised: new Map(), usesPlain: false };
  const seen = new Map<string, string>();
  const header = sheet.rows[0] ?? [];
  header.forEach((cell, index) => {
    if (cell.trim() === '') {
      if (sheet.rows.some((row, r) => r > 0 && (row[index] ?? '') !== '')) {
        problems.warn('import.valuesWithoutHeader', {
          sheet: sheet.name,
          row: 1,
          column: columnLetter(index),
        });
      }
      return;
    }
    const h = parseHeader(cell, index);
    const used = sheet.rows.findIndex((row, r) => r > 0 && (row[index] ?? '') !== '');
    if (localisable.has(h.base)) {
      const key = h.language?.key ?? plainLanguage.key;
      const id = `${h.base}\u0000${key}`;
      if (seen.has(id)) {
        problems.error(
          'import.duplicateColumn',
          { sheet: sheet.name, row: 1, column: h.raw },
          { other: seen.get(id)! },
        );
        return;
      }
      seen.set(id, h.raw);
      if (h.language) languages.add(h.language);
      else {
        map.usesPlain = true;
        languages.add(plainLanguage);
      }
      map.localised.set(h.base, [
        ...(map.localised.get(h.base) ?? []),
        h.language ? h : { ...h, language: { key } },
      ]);
      return;
    }
    const kind = h.localised ? (known(h.base) === 'plain' ? 'unsupported' : known(h.base)) : known(h.base);
    if (kind === 'plain') {
      if (map.plain.has(h.base)) {
        problems.error(
          'import.duplicateColumn',
          { sheet: sheet.name, row: 1, column: h.raw },
          { other: h.raw },
        );
        return;
      }
      map.plain.set(h.base, h);
    } else if (used > 0) {
      if (kind === 'unsupported') {
        problems.error('import.unsupportedColumn', { sheet: sheet.name, row: used + 1, column: h.raw });
      } else problems.warn('import.ignoredColumn', { sheet: sheet.name, row: 1, column: h.raw });
    }
  });
  return map;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellOf(row: readonly string[], header: Header | undefined): string {
  return header ? (row[header.index] ?? '').trim() : '';
}

export function textOf(
  row: readonly string[],
  headers: readonly Header[] | undefined,
): LocalText | undefined {
  if (!headers) return undefined;
  const text: LocalText = {};
  for (const h of headers) {
    const value = (row[h.index] ?? '').trim();
    if (value) text[h.language!.key] = value;
  }
  return Object.keys(text).length ? text : undefined;
}

export const isEmptyRow = (row: readonly string[]) => row.every((c) => c.trim() === '');
