import { inflateRawSync } from 'node:zlib';
import type { FormProblem } from '../../domain/forms/form-problems.ts';
import { XLSX_LIMITS } from './limits.ts';

/** One zip entry after inspection: its name and its inflated bytes. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

export type ZipInspection = { ok: true; entries: ZipEntry[] } | { ok: false; problem: FormProblem };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks a zip before any library inflates it: reads the central directory by hand (a few fixed-offset
 * fields), refuses too many entries, declared sizes over the limits, encryption, zip64 and unknown compression,
 * then inflates each entry with a hard output cap equal to its declared size, so an entry that lies about its
 * size cannot grow past what was allowed. A zip bomb is refused having cost at most the limits.
 */
export function inspectZip(buffer: Buffer, limits = XLSX_LIMITS): ZipInspection {
  const fail = (key: string, params: FormProblem['params'] = {}): ZipInspection => ({
    ok: false,
    problem: { severity: 'error', key, params },
  });
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) return fail('import.notZip');
  const count = buffer.readUInt16LE(eocd + 10);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return fail('import.zip64');
  if (count > limits.entries) return fail('import.zipTooManyEntries', { count, limit: limits.entries });
  if (cdOffset + cdSize > buffer.length)
    return fail('import.zipCorrupt', { reason: 'central directory out of range' });

  const headers: { name: string; method: number; compressed: number; size: number; local: number }[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) {
      return fail('import.zipCorrupt', { reason: `entry ${i + 1} of the central directory is damaged` });
    }
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, Math.min(buffer.length, at + 46 + nameLength));
    if (flags & 0x1) return fail('import.zipEncrypted', { entry: name });
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return fail('import.zip64');
    if (method !== 0 && method !== 8) return fail('import.zipMethod', { entry: name, method });
    if (size > limits.entryBytes)
      return fail('import.zipEntryTooLarge', { entry: name, size, limit: limits.entryBytes });
    total += size;
    if (total > limits.totalBytes)
      return fail('import.zipTotalTooLarge', { size: total, limit: limits.totalBytes });
    headers.push({ name, method, compressed, size, local });
    at += 46 + nameLength + extraLength + commentLength;
  }

  const entries: ZipEntry[] = [];
  for (const h of headers) {
    if (h.local + 30 > buffer.length || buffer.readUInt32LE(h.local) !== LOCAL) {
      return fail('import.zipCorrupt', { reason: `local header of ${h.name} is damaged` });
    }
    const start = h.local + 30 + buffer.readUInt16LE(h.local + 26) + buffer.readUInt16LE(h.local + 28);
    if (start + h.compressed > buffer.length)
      return fail('import.zipCorrupt', { reason: `${h.name} is cut short` });
    const raw = buffer.subarray(start, start + h.compressed);
    let data: Buffer;
    if (h.method === 0) data = raw;
    else {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, h.size) });
      } catch (err) {
        const tooBig =
          err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        return tooBig
          ? fail('import.zipSizeMismatch', { entry: h.name })
          : fail('import.zipCorrupt', { reason: `${h.name} does not inflate` });
      }
    }
    if (data.length !== h.size) return fail('import.zipSizeMismatch', { entry: h.name });
    entries.push({ name: h.name, data });
  }
  return { ok: true, entries };
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const min = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= min; i--) {
    if (buffer.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/**
 * How many `<row` elements each worksheet's XML holds, by sheet name (from `xl/workbook.xml` and its rels),
 * so a sheet of a million rows is refused before a spreadsheet library builds a million row objects.
 */
export function sheetRowCounts(entries: readonly ZipEntry[]): Map<string, number> {
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e.data]));
  const workbook = byName.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = byName.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<(\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const counts = new Map<string, number>();
  for (const tag of workbook.match(/<(\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id') ?? attribute(tag, 'id');
    const target = id ? targets.get(id) : undefined;
    const data = target ? byName.get(target) : undefined;
    if (name !== undefined && data) counts.set(unescapeXml(name), countRows(data));
  }
  return counts;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m?.[1];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function countRows(xml: Buffer): number {
  let count = 0;
  let at = xml.indexOf('<row');
  while (at >= 0) {
    const next = xml[at + 4];
    // `<row ` / `<row>` / `<row/>`, not `<rowBreaks`.
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09)
      count++;
    at = xml.indexOf('<row', at + 4);
  }
  return count;
}
