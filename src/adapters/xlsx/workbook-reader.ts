/**
 * Reads `.xlsx` workbooks into plain text tables for the form importer.
 *
 * Library: exceljs — maintained on npm, reads and writes `.xlsx` (with a streaming reader for big files, which
 * the roster import uses), and writes styles, so exported forms open in Excel with a readable header. It trusts
 * the zip it is given, so {@link inspectZip} checks the archive first.
 */
import ExcelJS from 'exceljs';
import type { FormProblem, SheetTable } from '../../domain/forms/form-problems.ts';
import { XLSX_LIMITS } from './limits.ts';
import { inspectZip, sheetRowCounts } from './zip-guard.ts';

/**
 * A readable workbook gives its sheets plus any unreadable cells (read as empty), so the importer can still
 * report everything else wrong with the file; an unreadable workbook gives only why.
 */
export type WorkbookResult =
  | { ok: true; sheets: SheetTable[]; cellErrors: FormProblem[] }
  | { ok: false; errors: FormProblem[] };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Turns workbook bytes into sheets of text cells, or refuses them whole: not a zip, an old `.xls`, an
 * encrypted file, a zip bomb, a sheet too long or too wide, a formula with no saved value, an error cell.
 */
export async function readWorkbook(buffer: Buffer, limits = XLSX_LIMITS): Promise<WorkbookResult> {
  const refuse = (problem: Omit<FormProblem, 'severity'>): WorkbookResult => ({
    ok: false,
    errors: [{ severity: 'error', ...problem }],
  });
  if (buffer.length > limits.fileBytes) {
    return refuse({ key: 'import.fileTooLarge', params: { size: buffer.length, limit: limits.fileBytes } });
  }
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) return refuse({ key: 'import.oleFile', params: {} });
  const zip = inspectZip(buffer, limits);
  if (!zip.ok) return { ok: false, errors: [zip.problem] };
  for (const [sheet, rows] of sheetRowCounts(zip.entries)) {
    if (rows > limits.xmlRows) {
      return refuse({ key: 'import.sheetTooManyRows', params: { rows, limit: limits.xmlRows }, sheet });
    }
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
    return refuse({ key: 'import.unreadable', params: { reason } });
  }

  const sheets: SheetTable[] = [];
  const errors: FormProblem[] = [];
  for (const worksheet of workbook.worksheets) {
    const rows: string[][] = [];
    let filled = 0;
    let tooWide = false;
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      filled++;
      if (filled > limits.rows || tooWide) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > limits.columns) {
          tooWide = true;
          return;
        }
        const read = cellText(cell.value);
        if ('problem' in read) {
          errors.push({
            severity: 'error',
            key: read.problem.key,
            params: read.problem.params,
            sheet: worksheet.name,
            row: rowNumber,
            column: cell.address.replace(/\d+$/, ''),
          });
          cells[col - 1] = '';
          return;
        }
        if (Array.from(read.text).length > limits.cellChars) {
          errors.push({
            severity: 'error',
            key: 'import.cellTooLong',
            params: { limit: limits.cellChars },
            sheet: worksheet.name,
            row: rowNumber,
            column: cell.address.replace(/\d+$/, ''),
          });
          return;
        }
        cells[col - 1] = read.text;
      });
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    if (filled > limits.rows) {
      return refuse({
        key: 'import.sheetTooManyRows',
        params: { rows: filled, limit: limits.rows },
        sheet: worksheet.name,
      });
    }
    if (tooWide) {
      return refuse({
        key: 'import.sheetTooManyColumns',
        params: { limit: limits.columns },
        sheet: worksheet.name,
      });
    }
    sheets.push({ name: worksheet.name, rows });
  }
  return { ok: true, sheets, cellErrors: errors.slice(0, 200) };
}

type CellRead = { text: string } | { problem: { key: string; params: Record<string, string | number> } };

/**
 * The text a person sees in a cell: formulas by their saved result, rich text and hyperlinks by their text,
 * dates as `YYYY-MM-DD` (with the time only when there is one), booleans as `true`/`false`.
 */
export function cellText(value: unknown): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.replace(/\r\n?/g, '\n') };
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : '' };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: { key: 'import.cellUnreadable', params: {} } };
    const iso = value.toISOString();
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return { text: (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('') };
    }
    if ('error' in v) return { problem: { key: 'import.cellError', params: { value: String(v.error) } } };
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) {
        return {
          problem: {
            key: 'import.cellFormulaNoValue',
            params: { formula: String(v.formula ?? v.sharedFormula) },
          },
        };
      }
      return cellText(v.result);
    }
    if ('text' in v) return cellText(v.text);
  }
  return { problem: { key: 'import.cellUnreadable', params: {} } };
}
