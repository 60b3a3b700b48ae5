import ExcelJS from 'exceljs';

/** A roster CSV from rows of cells; the first row is the header. */
export function csv(rows: string[][]): Buffer {
  return Buffer.from(`${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The same rows as an XLSX workbook, first sheet. */
export async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('roster');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** n well-formed roster rows with ids PREFIX-0001… at the demo site NORTH. */
export function rosterRows(n: number, prefix = 'T'): string[][] {
  const rows = [['id', 'name', 'name_latin', 'site']];
  for (let i = 1; i <= n; i++)
    rows.push([`${prefix}-${String(i).padStart(4, '0')}`, `김철수${i}`, `Kim Cheolsu ${i}`, 'NORTH']);
  return rows;
}
