import ExcelJS from 'exceljs';
import type { SheetTable } from '../../domain/forms/form-problems.ts';

/** A fixed creation time, so writing the same form twice gives the same workbook properties. */
const CREATED = new Date('2025-01-01T00:00:00Z');

/**
 * Writes text tables as an `.xlsx` workbook that reads well in a spreadsheet: bold shaded header, frozen first
 * row, columns sized to their content, long text wrapped. Every cell is written as text, so `2022` or `48-4`
 * reads back exactly as it was.
 */
export async function writeWorkbook(sheets: readonly SheetTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kitout';
  workbook.created = CREATED;
  workbook.modified = CREATED;
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF8899AA' } } };
    });
    const width = Math.max(0, ...table.rows.map((r) => r.length));
    for (let c = 1; c <= width; c++) {
      const longest = Math.max(...table.rows.map((r) => longestLine(r[c - 1] ?? '')));
      const column = sheet.getColumn(c);
      column.width = Math.min(60, Math.max(10, longest + 2));
      if (longest > 60) column.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function longestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => Array.from(line).length));
}
