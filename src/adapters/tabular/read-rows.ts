import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { InputError, LimitError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';
import { checkZip } from '../xlsx/zip-directory.ts';

/** One data row of a table file: its 1-based row number as a spreadsheet shows it, and its cells by header. */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
  /** How far into the file this row ends, in bytes, where the reader knows (CSV); for progress. */
  offset?: number;
}

export interface TableSource {
  /** The name to put in error messages (the uploaded file's name, or the path given on the command line). */
  fileName: string;
  /** The file's bytes, streamed. */
  stream: Readable;
}

export interface TableReader {
  /** Header names as written in the file, trimmed and lower-cased. */
  headers(): Promise<string[]>;
  rows(): AsyncGenerator<TableRow>;
}

/** `.xlsx` by name or by its zip signature; anything else is read as CSV. */
export function isXlsx(fileName: string, firstBytes?: Uint8Array): boolean {
  if (/\.xlsx$/i.test(fileName)) return true;
  return !!firstBytes && firstBytes[0] === 0x50 && firstBytes[1] === 0x4b;
}

/**
 * Reads CSV or XLSX as a stream of rows keyed by header. Both readers stream, so a roster of a million rows
 * never sits in memory whole. CSV must be UTF-8 (a BOM is allowed): bytes that are not UTF-8 are refused with
 * the row they are on, since guessing an encoding would silently garble names.
 */
export async function* readTable(source: TableSource): AsyncGenerator<{ headers: string[] } | TableRow> {
  const first = await peek(source.stream);
  if (isXlsx(source.fileName, first.head)) yield* readXlsx(source.fileName, first.stream);
  else yield* readCsv(source.fileName, first.stream);
}

async function peek(stream: Readable): Promise<{ head: Uint8Array; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]();
  const firstChunk = await iterator.next();
  const head: Uint8Array = firstChunk.done ? new Uint8Array() : (firstChunk.value as Uint8Array);
  async function* rest() {
    if (!firstChunk.done) yield firstChunk.value as Uint8Array;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield next.value as Uint8Array;
  }
  return { head, stream: Readable.from(rest(), { objectMode: false }) };
}

function normaliseHeader(h: unknown): string {
  return String(h ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

async function* readCsv(
  fileName: string,
  stream: Readable,
): AsyncGenerator<{ headers: string[] } | TableRow> {
  // pipeline (not pipe) so that an encoding error reaches the loop below instead of going unhandled.
  const parser = pipeline(
    stream,
    new Utf8Check(fileName),
    parseCsv({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: 1_000_000,
    }),
    () => {},
  );
  let headers: string[] | undefined;
  try {
    for await (const record of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      if (!headers) {
        headers = record.record.map(normaliseHeader);
        yield { headers };
        continue;
      }
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h) cells[h] = (record.record[i] ?? '').trim();
      });
      yield { row: record.info.lines, cells, offset: record.info.bytes };
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const e = err as { message?: string; lines?: number };
    throw new InputError([
      {
        file: fileName,
        row: e.lines,
        reason: `not a readable CSV file: ${e.message ?? err}`,
        code: 'unreadable_csv',
        params: { detail: String(e.message ?? err) },
      },
    ]);
  }
  if (!headers)
    throw new InputError([
      { file: fileName, reason: 'the file is empty: no header row', code: 'empty_file' },
    ]);
}

async function* readXlsx(
  fileName: string,
  stream: Readable,
): AsyncGenerator<{ headers: string[] } | TableRow> {
  // A zip's directory is at its end: read the file whole (bounded by the upload limit) and check it before the
  // spreadsheet library inflates anything, so a zip bomb is refused by what it declares.
  const bytes = await readAll(fileName, stream);
  await checkZip(bytes, fileName);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to tell a date cell from a number
    entries: 'ignore',
  });
  let headers: string[] | undefined;
  try {
    for await (const worksheet of reader) {
      // The roster is the first sheet; further sheets (notes, lookups) are not read.
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (!headers) {
          headers = values.map(normaliseHeader);
          yield { headers };
          continue;
        }
        if (values.every((v) => v === '')) continue;
        const cells: Record<string, string> = {};
        headers.forEach((h, i) => {
          if (h) cells[h] = values[i] ?? '';
        });
        yield { row: row.number, cells };
      }
      break;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([
      {
        file: fileName,
        reason: `not a readable XLSX workbook: ${(err as Error).message}`,
        code: 'unreadable_xlsx',
        params: { detail: (err as Error).message },
      },
    ]);
  }
  if (!headers)
    throw new InputError([
      { file: fileName, reason: 'the workbook has no rows: no header row', code: 'empty_file' },
    ]);
}

async function readAll(fileName: string, stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > LIMITS.uploadBytes) {
      stream.destroy();
      throw new LimitError(
        'uploadBytes',
        LIMITS.uploadBytes,
        size,
        `${fileName}: larger than ${LIMITS.uploadBytes} bytes`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A cell as text. Dates become YYYY-MM-DD; formulas give their cached result; rich text is joined. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if (v.richText)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    return '';
  }
  return String(value).trim();
}

/** Passes bytes through unchanged while checking they are UTF-8, naming the line of the first bad byte. */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;
  constructor(private readonly fileName: string) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line++;
      done(null, chunk);
    } catch {
      // Name the line the bad byte is on: decode leniently and count the line breaks before the first U+FFFD.
      const lenient = new TextDecoder('utf-8').decode(chunk);
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
      const row = this.line + (before.match(/\n/g)?.length ?? 0);
      done(
        new InputError([
          {
            file: this.fileName,
            row,
            code: 'wrong_encoding',
            reason:
              'wrong encoding: the file is not UTF-8 (save it as "CSV UTF-8", or as .xlsx; legacy encodings such as CP949 or CP1251 would garble names)',
          },
        ]),
      );
    }
  }
  override _flush(done: TransformCallback): void {
    try {
      this.decoder.decode();
      done();
    } catch {
      done(
        new InputError([
          {
            file: this.fileName,
            row: this.line,
            reason: 'wrong encoding: the file ends inside a UTF-8 character',
            code: 'wrong_encoding',
          },
        ]),
      );
    }
  }
}
