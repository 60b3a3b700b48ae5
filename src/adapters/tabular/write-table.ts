import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null | undefined | Date;

export interface Table {
  /** Sheet name for XLSX. */
  name: string;
  columns: string[];
  rows: Cell[][];
}

/** CSV with a UTF-8 BOM, so spreadsheet programs open Hangul and Cyrillic correctly. */
export function tableToCsv(table: Table): Buffer {
  const text = stringify([table.columns, ...table.rows.map((r) => r.map(cellValue))]);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
}

export async function tableToXlsx(table: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(table.name.slice(0, 31));
  ws.addRow(table.columns).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  // A cell starting with = + - @ would run as a formula when opened in a spreadsheet: quote it (CSV injection).
  return /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
}
