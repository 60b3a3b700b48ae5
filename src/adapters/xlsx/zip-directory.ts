import { createInflateRaw } from 'node:zlib';
import { InputError, LimitError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipBudget {
  entries: number;
  entryBytes: number;
  totalBytes: number;
  /** Largest inflated/compressed ratio of an entry over 1 MB inflated. */
  ratio: number;
}

export const TABULAR_ZIP_BUDGET: ZipBudget = {
  entries: LIMITS.xlsxEntries,
  entryBytes: LIMITS.xlsxEntryBytes,
  totalBytes: LIMITS.xlsxUncompressedBytes,
  ratio: LIMITS.xlsxRatio,
};

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  local: number;
}

/**
 * Guards an XLSX (a zip) before a spreadsheet library streams it. Reads the central directory by hand and refuses
 * too many entries, declared sizes or ratios over the budget, encryption, zip64 and unknown compression; checks
 * that the entries tile the file (so no local entry hides outside the directory for a streaming reader to find);
 * then inflates each entry into nothing, counting, and stops at the first byte past what it declared. A zip bomb
 * costs at most the budget's bytes of inflating and no memory.
 */
export async function checkZip(buffer: Buffer, fileName: string, budget = TABULAR_ZIP_BUDGET): Promise<void> {
  const corrupt = (reason: string) =>
    new InputError([
      { file: fileName, reason: `not a readable XLSX file: ${reason}`, code: 'unreadable_xlsx' },
    ]);
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) throw corrupt('no zip directory (is the file cut short?)');
  const count = buffer.readUInt16LE(eocd + 10);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw corrupt('zip64 workbooks are not read');
  if (count > budget.entries)
    throw new LimitError(
      'xlsxEntries',
      budget.entries,
      count,
      `${fileName}: ${count} zip entries, over the limit of ${budget.entries}`,
    );
  if (cdOffset + cdSize > eocd) throw corrupt('the zip directory is out of range');

  const entries: Entry[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || buffer.readUInt32LE(at) !== CENTRAL)
      throw corrupt(`zip directory entry ${i + 1} is damaged`);
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, Math.min(eocd, at + 46 + nameLength));
    if (flags & 0x1) throw corrupt(`${name} is encrypted`);
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      throw corrupt('zip64 workbooks are not read');
    if (method !== 0 && method !== 8) throw corrupt(`${name} uses an unknown compression (${method})`);
    if (size > budget.entryBytes)
      throw new LimitError(
        'xlsxEntryBytes',
        budget.entryBytes,
        size,
        `${fileName}: ${name} inflates to ${size} bytes, over the limit of ${budget.entryBytes}`,
      );
    total += size;
    if (total > budget.totalBytes)
      throw new LimitError(
        'xlsxUncompressedBytes',
        budget.totalBytes,
        total,
        `${fileName}: the workbook inflates to more than ${budget.totalBytes} bytes`,
      );
    if (size > 1024 * 1024 && size / Math.max(1, compressed) > budget.ratio) {
      const ratio = Math.round(size / Math.max(1, compressed));
      throw new LimitError(
        'xlsxRatio',
        budget.ratio,
        ratio,
        `${fileName}: ${name} inflates ${ratio}×, over the limit of ${budget.ratio}× (a zip bomb?)`,
      );
    }
    entries.push({ name, method, compressed, size, local });
    at += 46 + nameLength + extraLength + commentLength;
  }

  // The entries must follow one another from byte 0 to the directory (a data descriptor of 12 or 16 bytes may
  // follow each), so what a streaming reader meets is exactly what the directory lists.
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.local - b.local)) {
    if (!gapOk(e.local - expected)) throw corrupt(`${e.name} is not where the zip directory says`);
    if (e.local + 30 > cdOffset || buffer.readUInt32LE(e.local) !== LOCAL)
      throw corrupt(`the header of ${e.name} is damaged`);
    const start = e.local + 30 + buffer.readUInt16LE(e.local + 26) + buffer.readUInt16LE(e.local + 28);
    expected = start + e.compressed;
    if (expected > cdOffset) throw corrupt(`${e.name} is cut short`);
    if (e.method === 8)
      await inflatesWithin(
        buffer.subarray(start, expected),
        e.size,
        () => corrupt(`${e.name} does not inflate`),
        () =>
          new LimitError(
            'xlsxEntryBytes',
            e.size,
            e.size + 1,
            `${fileName}: ${e.name} inflates past the ${e.size} bytes it declares`,
          ),
      );
    else if (e.compressed !== e.size) throw corrupt(`${e.name} is stored with a wrong size`);
  }
  if (!gapOk(cdOffset - expected)) throw corrupt('bytes outside the zip directory');
}

const gapOk = (gap: number) => gap === 0 || gap === 12 || gap === 16;

/** Inflates into nothing, counting; refuses at the first byte past `declared`, and a stream that ends short. */
function inflatesWithin(
  raw: Buffer,
  declared: number,
  broken: () => Error,
  tooBig: () => Error,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let seen = 0;
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      if (err) {
        inflate.destroy();
        reject(err);
      } else resolve();
    };
    inflate.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > declared) finish(tooBig());
    });
    inflate.on('error', () => finish(broken()));
    inflate.on('end', () => finish(seen === declared ? undefined : broken()));
    inflate.end(raw);
  });
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const min = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= min; i--) {
    if (buffer.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}
