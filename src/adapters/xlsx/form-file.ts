import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { formToSheets } from '../../domain/forms/form-export.ts';
import { importForm } from '../../domain/forms/form-import.ts';
import { importFormJson } from '../../domain/forms/form-json.ts';
import type { NormalisedForm } from '../../domain/forms/form-model.ts';
import { type FormImportResult, sortProblems } from '../../domain/forms/form-problems.ts';
import { XLSX_LIMITS } from './limits.ts';
import { readWorkbook } from './workbook-reader.ts';
import { writeWorkbook } from './workbook-writer.ts';

/** How a form file is written: XLSForm workbook, or the normalised JSON. */
export type FormFileFormat = 'xlsx' | 'json';

export function formatOf(fileName: string, head?: Uint8Array): FormFileFormat {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (head && head[0] === 0x7b) return 'json';
  return 'xlsx';
}

/**
 * Reads a form from `.xlsx` (XLSForm) or `.json` (normalised form) bytes. Nothing is returned half-read: any
 * error refuses the whole file. `fileName` picks the format and, for a workbook without `form_id`, the id.
 */
export async function readFormBytes(buffer: Buffer, fileName: string): Promise<FormImportResult> {
  if (buffer.length > XLSX_LIMITS.fileBytes) {
    return refuseTooLarge(buffer.length);
  }
  if (formatOf(fileName, buffer) === 'json') {
    return importFormJson(buffer.toString('utf8').replace(/^\uFEFF/, ''));
  }
  const workbook = await readWorkbook(buffer);
  if (!workbook.ok) return { ok: false, errors: workbook.errors, warnings: [] };
  const result = importForm(workbook.sheets, { fallbackFormId: basename(fileName, extname(fileName)) });
  if (!workbook.cellErrors.length) return result;
  const errors = [...workbook.cellErrors, ...(result.ok ? [] : result.errors)];
  return { ok: false, errors: sortProblems(errors, workbook.sheets), warnings: result.warnings };
}

/** Reads a form file from disk; its size is checked before a byte is read. */
export async function readFormFile(path: string): Promise<FormImportResult> {
  const info = await stat(path);
  if (!info.isFile()) {
    return { ok: false, errors: [{ severity: 'error', key: 'import.notAFile', params: {} }], warnings: [] };
  }
  if (info.size > XLSX_LIMITS.fileBytes) return refuseTooLarge(info.size);
  return readFormBytes(await readFile(path), path);
}

function refuseTooLarge(size: number): FormImportResult {
  return {
    ok: false,
    errors: [
      { severity: 'error', key: 'import.fileTooLarge', params: { size, limit: XLSX_LIMITS.fileBytes } },
    ],
    warnings: [],
  };
}

/** The bytes of a form as an XLSForm workbook or as normalised JSON. */
export async function formBytes(form: NormalisedForm, format: FormFileFormat): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(form, null, 2)}\n`, 'utf8');
  return writeWorkbook(formToSheets(form).sheets);
}

/**
 * Writes a form to `path` (format from the extension), through a temporary file renamed into place, so a
 * crash never leaves half a workbook where a good one was.
 */
export async function writeFormFile(form: NormalisedForm, path: string): Promise<void> {
  const bytes = await formBytes(form, formatOf(path));
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (err) {
    await unlink(temporary).catch(() => undefined);
    throw err;
  }
}
