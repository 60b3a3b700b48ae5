import { describe, expect, it } from 'vitest';
import { XLSX_LIMITS } from './limits.ts';
import { makeZip } from './test-zip.ts';
import { inspectZip, sheetRowCounts } from './zip-guard.ts';

const small = { name: 'a.txt', data: Buffer.from('hello') };

function problemOf(buffer: Buffer) {
  const result = inspectZip(buffer);
  if (result.ok) throw new Error('expected a refusal');
  return result.problem;
}

describe('inspectZip', () => {
  it('returns each entry inflated, stored or deflated', () => {
    const result = inspectZip(makeZip([small, { name: 'b.bin', data: Buffer.from([1, 2, 3]), method: 0 }]));
    expect(result.ok && result.entries.map((e) => [e.name, e.data.toString('hex')])).toEqual([
      ['a.txt', Buffer.from('hello').toString('hex')],
      ['b.bin', '010203'],
    ]);
  });

  it('refuses a zip bomb by the size it declares, before inflating anything', () => {
    const bomb = Buffer.alloc(30 * 1024 * 1024);
    const zip = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb }]);
    expect(zip.length).toBeLessThan(100_000);
    expect(problemOf(zip)).toMatchObject({
      key: 'import.zipEntryTooLarge',
      params: { entry: 'xl/worksheets/sheet1.xml', size: bomb.length, limit: XLSX_LIMITS.entryBytes },
    });
  });

  it('refuses a zip whose entries together declare too much', () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({
      ...small,
      name: `p${i}`,
      declaredSize: 20 * 1024 * 1024,
    }));
    expect(problemOf(makeZip(entries)).key).toBe('import.zipTotalTooLarge');
  });

  it('refuses an entry that inflates past the size it declares, without inflating it all', () => {
    const lying = makeZip([
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x41), declaredSize: 1000 },
    ]);
    expect(problemOf(lying)).toEqual({
      severity: 'error',
      key: 'import.zipSizeMismatch',
      params: { entry: 'xl/sharedStrings.xml' },
    });
  });

  it('refuses too many entries, encryption, unknown compression, zip64 and damage', () => {
    const many = Array.from({ length: XLSX_LIMITS.entries + 1 }, (_, i) => ({
      name: `f${i}`,
      data: Buffer.from('x'),
      method: 0 as const,
    }));
    expect(problemOf(makeZip(many)).key).toBe('import.zipTooManyEntries');
    expect(problemOf(makeZip([{ ...small, flags: 1 }])).key).toBe('import.zipEncrypted');
    const bzip = makeZip([{ ...small, method: 0 }]);
    bzip.writeUInt16LE(12, bzip.length - 22 - 46 - 5 + 10);
    expect(problemOf(bzip)).toMatchObject({ key: 'import.zipMethod', params: { method: 12 } });
    const zip64 = makeZip([small]);
    zip64.writeUInt32LE(0xffffffff, zip64.length - 22 - 46 - 5 + 24);
    expect(problemOf(zip64).key).toBe('import.zip64');
    const cut = makeZip([{ name: 'big', data: Buffer.alloc(5000, 7), method: 0 }]);
    expect(
      problemOf(Buffer.concat([cut.subarray(0, 2000), cut.subarray(cut.length - 22 - 46 - 3)])).key,
    ).toBe('import.zipCorrupt');
    expect(problemOf(Buffer.from('not a zip at all, just text')).key).toBe('import.notZip');
    expect(problemOf(Buffer.alloc(0)).key).toBe('import.notZip');
  });

  it('counts the rows of each sheet by name from the workbook parts', () => {
    const rows = (n: number) =>
      Buffer.from(
        `<worksheet><sheetData>${'<row r="1"><c/></row>'.repeat(n)}<rowBreaks/></sheetData></worksheet>`,
      );
    const zip = makeZip([
      {
        name: 'xl/workbook.xml',
        data: Buffer.from(
          '<workbook><sheets><sheet name="survey &amp; more" sheetId="1" r:id="rId1"/><sheet r:id="rId2" name="choices"/></sheets></workbook>',
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Target="/xl/worksheets/sheet2.xml" Id="rId2"/></Relationships>',
        ),
      },
      { name: 'xl/worksheets/sheet1.xml', data: rows(3) },
      { name: 'xl/worksheets/sheet2.xml', data: rows(0) },
    ]);
    const result = inspectZip(zip);
    if (!result.ok) throw new Error('zip');
    expect([...sheetRowCounts(result.entries)]).toEqual([
      ['survey & more', 3],
      ['choices', 0],
    ]);
  });
});
