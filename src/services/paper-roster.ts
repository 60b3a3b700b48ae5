import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { readTable } from '../adapters/tabular/read-rows.ts';
import { InputError, type Issue } from '../domain/errors.ts';
import type { PrintPerson } from '../domain/paper/page-chrome.ts';
import { encodePagePayload } from '../domain/paper/qr-payload.ts';
import { checkHeaders } from '../domain/roster/roster-row.ts';

/** Longest name printed; longer names are refused rather than cut mid-word on the page. */
const MAX_NAME = 200;

/**
 * The people to print forms for, from a roster CSV or XLSX (`id,name,name_latin,site,…`, the roster import's
 * columns). Only what a page shows is read; every problem is reported with its row: a missing id or name,
 * an id twice, an id that cannot go into a page's QR code.
 */
export async function readPrintRoster(file: string): Promise<PrintPerson[]> {
  const fileName = basename(file);
  const people: PrintPerson[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  for await (const item of readTable({ fileName, stream: createReadStream(file) })) {
    if ('headers' in item) {
      const problems = checkHeaders(item.headers, fileName);
      if (problems.length) throw new InputError(problems);
      continue;
    }
    const cell = (name: string) => (item.cells[name] ?? '').normalize('NFC').trim();
    const id = cell('id');
    const name = cell('name');
    const issue = (field: string, reason: string) =>
      issues.push({ file: fileName, row: item.row, field, reason });
    if (!id) issue('id', 'missing id');
    if (!name) issue('name', 'missing name');
    if (name.length > MAX_NAME) issue('name', `longer than ${MAX_NAME} characters`);
    if (id) {
      const first = seen.get(id);
      if (first !== undefined) issue('id', `id "${id}" is also on row ${first}`);
      else seen.set(id, item.row);
      try {
        encodePagePayload({ formId: 'x', version: '', personId: id, page: 1 });
      } catch (err) {
        issue('id', (err as Error).message);
      }
    }
    if (!id || !name) continue;
    const latin = cell('name_latin');
    const site = cell('site');
    people.push({ id, name, ...(latin ? { nameLatin: latin } : {}), ...(site ? { site } : {}) });
  }
  if (issues.length) throw new InputError(issues.slice(0, 200));
  if (people.length === 0) throw new InputError([{ file: fileName, reason: 'the roster has no people' }]);
  return people;
}
