import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, KitoutError, LimitError } from '../domain/errors.ts';
import { parseExpression } from '../domain/forms/expression-parser.ts';
import { importFormJson } from '../domain/forms/form-json.ts';
import { LIMITS } from '../domain/limits.ts';
import { encodePagePayload, parsePagePayload } from '../domain/paper/qr-payload.ts';
import { parseLabel } from '../domain/sizes/convert.ts';
import { SYSTEM_IDS } from '../domain/sizes/system.ts';
import { parseCheckInCode } from '../domain/stations/check-in-code.ts';
import { decodeImage } from './images/image-file.ts';
import { rasterisePdf } from './pdf/rasterise.ts';
import { readTable } from './tabular/read-rows.ts';
import { tableToXlsx } from './tabular/write-table.ts';
import { readFormBytes } from './xlsx/form-file.ts';
import { makeZip } from './xlsx/test-zip.ts';
import { inspectZip } from './xlsx/zip-guard.ts';

/**
 * Every parser against hostile input (fast-check): no crash but our own typed errors, no hang (each case has a
 * time bound), and for real files mutated at random, the same. The database side (nothing written by a refused
 * import) is in test/api/fuzz.test.ts.
 */

const dir = mkdtempSync(join(tmpdir(), 'kitout-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `work` with a time bound; a case that takes longer fails as a hang. */
async function bounded<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a whole table file; resolves with the rows read, or rejects. */
async function readAllRows(fileName: string, bytes: Uint8Array): Promise<number> {
  let rows = 0;
  for await (const item of readTable({ fileName, stream: Readable.from([Buffer.from(bytes)]) }))
    if ('row' in item) rows++;
  return rows;
}

/** Only our typed errors may come out: anything else is a crash. */
async function typedOrOk(work: () => Promise<unknown>, ms = 5000): Promise<unknown> {
  try {
    return await bounded(ms, work);
  } catch (err) {
    if (err instanceof KitoutError) return err;
    throw err;
  }
}

const flips = (seed: Uint8Array) =>
  fc.array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 8,
  });
const mutate = (seed: Uint8Array, changes: [number, number][]) => {
  const out = Buffer.from(seed);
  for (const [at, byte] of changes) out[at] = byte;
  return out;
};

const rosterCsv = Buffer.from(
  'id,name,name_latin,site,birth_date\nP-1,Иванов Иван,Ivanov Ivan,NORTH,2001-02-03\nP-2,김민준,Kim Minjun,NORTH,2002-03-04\n',
);

describe('CSV tables (rosters, stock files)', () => {
  it('random bytes: rows or a typed error, never a crash or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await typedOrOk(() => readAllRows('fuzz.csv', bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('a real roster with random byte flips and cuts: rows or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(flips(rosterCsv), fc.nat({ max: rosterCsv.length }), async (changes, cut) => {
        const bytes = mutate(rosterCsv, changes).subarray(0, cut);
        await typedOrOk(() => readAllRows('roster.csv', bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses CP1251 and EUC-KR bytes as a wrong encoding, naming the row', async () => {
    // "Иванов" in CP1251 and "김민준" in EUC-KR: neither is UTF-8.
    const cp1251 = Buffer.concat([
      Buffer.from('id,name\nP-1,ok\nP-2,'),
      Buffer.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]),
      Buffer.from('\n'),
    ]);
    const euckr = Buffer.concat([
      Buffer.from('id,name\n'),
      Buffer.from('P-1,'),
      Buffer.from([0xb1, 0xe8, 0xb9, 0xce, 0xc1, 0xd8]),
      Buffer.from('\n'),
    ]);
    for (const [bytes, row] of [
      [cp1251, 3],
      [euckr, 2],
    ] as const) {
      const err = await readAllRows('legacy.csv', bytes).catch((e) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).issues[0]).toMatchObject({ code: 'wrong_encoding', row });
    }
  });
});

describe('XLSX tables (rosters, stock files)', async () => {
  const seed = await tableToXlsx({
    name: 'roster',
    columns: ['id', 'name', 'name_latin', 'site'],
    rows: [
      ['P-1', 'Иванов Иван', 'Ivanov Ivan', 'NORTH'],
      ['P-2', '김민준', 'Kim Minjun', 'NORTH'],
      ['P-3', '=HYPERLINK("http://evil.example","x")', 'Formula', 'NORTH'],
    ],
  });

  it('reads the seed workbook', async () => {
    expect(await readAllRows('roster.xlsx', seed)).toBe(3);
  });

  it('random byte flips and truncation: rows or a typed error within the time bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        flips(seed),
        fc.option(fc.nat({ max: seed.length }), { nil: undefined }),
        async (c, cut) => {
          const bytes = mutate(seed, c).subarray(0, cut ?? seed.length);
          await typedOrOk(() => readAllRows('roster.xlsx', bytes));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the same workbook stored uncompressed, its XML flipped and cut at random: rows or a typed error', async () => {
    // Stored entries put the flips into the XML itself, so the spreadsheet library's parser meets them.
    const inspected = inspectZip(seed);
    if (!inspected.ok) throw new Error('seed workbook unreadable');
    const stored = makeZip(
      inspected.entries.map((e) => ({ name: e.name, data: e.data, method: 0 as const })),
    );
    // exceljs' streaming reader sometimes meets a stored sheet before the workbook part and gives up (a typed
    // refusal here); real workbooks are deflated. Either way: the rows, or our error.
    const whole = await typedOrOk(() => readAllRows('stored.xlsx', stored));
    expect(whole === 3 || whole instanceof InputError).toBe(true);
    await fc.assert(
      fc.asyncProperty(flips(stored), async (c) => {
        await typedOrOk(() => readAllRows('stored.xlsx', mutate(stored, c)));
      }),
      { numRuns: 80 },
    );
  });

  it('refuses zip bombs by what they declare or by the first byte past it, before the spreadsheet library', async () => {
    const zeros = Buffer.alloc(40 * 1024 * 1024);
    const honest = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros }]);
    const liar = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1000 }]);
    const many = makeZip(
      Array.from({ length: LIMITS.xlsxEntries + 1 }, (_, i) => ({ name: `x${i}`, data: Buffer.from('a') })),
    );
    const started = Date.now();
    const errors = await Promise.all(
      [honest, liar, many].map((b) => readAllRows('bomb.xlsx', b).catch((e: unknown) => e)),
    );
    expect(errors.map((e) => (e as LimitError).limit)).toEqual([
      'xlsxRatio',
      'xlsxEntryBytes',
      'xlsxEntries',
    ]);
    for (const e of errors) expect(e).toBeInstanceOf(LimitError);
    expect((errors[0] as LimitError).message).toMatch(/bomb\.xlsx: .*over the limit of 500×/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reads a sheet that claims the largest dimension and cells at its far corner, without building it', async () => {
    const sheet = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>${body}</sheetData></worksheet>`;
    const book = (sheetXml: string) =>
      makeZip([
        {
          name: '[Content_Types].xml',
          data: Buffer.from(
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
          ),
        },
        {
          name: '_rels/.rels',
          data: Buffer.from(
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
          ),
        },
        {
          name: 'xl/workbook.xml',
          data: Buffer.from(
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="roster" sheetId="1" r:id="rId1"/></sheets></workbook>',
          ),
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: Buffer.from(
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
          ),
        },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml) },
      ]);
    const far = book(
      sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c><c r="A1048576"><f>1/0</f><v>#DIV/0!</v></c></row>',
      ),
    );
    const started = Date.now();
    const result = await typedOrOk(() => readAllRows('far.xlsx', far));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(typeof result === 'number' || result instanceof KitoutError).toBe(true);
    // Bytes of a legacy encoding inside the sheet's XML: a typed refusal or text, never a crash.
    const legacy = book(
      sheet(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>${Buffer.from([0xc8, 0xe2, 0xe0]).toString('latin1')}</t></is></c></row>`,
      ).replace(/Èâà/, '\u0000'),
    );
    await typedOrOk(() => readAllRows('legacy.xlsx', legacy));
  });
});

describe('XLSForm and form JSON files', () => {
  const form = readFileSync('test/fixtures/forms/kitout-sizing.xlsx');

  it('the shipped form with random byte flips and truncation: a form or a list of problems, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        flips(form),
        fc.option(fc.nat({ max: form.length }), { nil: undefined }),
        async (c, cut) => {
          const result = await bounded(5000, () =>
            readFormBytes(mutate(form, c).subarray(0, cut ?? form.length), 'f.xlsx'),
          );
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('random JSON and random text as a form file: problems, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 500 })), (text) => {
        expect(typeof importFormJson(text).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('form expressions', () => {
  const tokens = [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: XLSForm's own ${name} syntax, not a template.
    '${a}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: as above.
    '${b}',
    '.',
    '(',
    ')',
    ' and ',
    ' or ',
    ' = ',
    ' != ',
    '+',
    '-',
    '*',
    ' div ',
    ' mod ',
    "'x'",
    '"y"',
    '1',
    '2.5',
    'selected(',
    ', ',
    'count-selected(',
    'if(',
    'not(',
    'regex(',
    "'(a+)+$'",
    'string-length(',
    '[',
    ']',
    '/',
    '@',
    '$',
    '{',
  ];
  it('any text, and any sequence of expression tokens: a tree or an error object, fast', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(fc.constantFrom(...tokens), { maxLength: 200 }).map((t) => t.join('')),
        ),
        (source) => {
          const started = performance.now();
          const r = parseExpression(source);
          expect(typeof r.ok).toBe('boolean');
          expect(performance.now() - started).toBeLessThan(200);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('deep nesting is refused by the parser, not by the stack', () => {
    for (const n of [1000, 100_000]) {
      const r = parseExpression(`${'('.repeat(n)}1${')'.repeat(n)}`);
      expect(r.ok).toBe(false);
    }
  });
});

describe('size labels', () => {
  it('any text in any size system: a claim or an InputError naming the label', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SYSTEM_IDS),
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.stringMatching(/^[0-9 ./,\-–xXхХ¼½¾⅛cmсммм]{0,16}$/),
          fc.constantFrom('48-4', '95', '270', '7 1/8', '1e9', 'NaN', '-5', '99999', '44/46', '\u0000'),
        ),
        (system, label) => {
          try {
            parseLabel(label, system);
          } catch (err) {
            expect(err).toBeInstanceOf(InputError);
            expect((err as InputError).issues[0]!.reason.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('QR payloads and check-in codes', () => {
  it('any text: a person or a reason, never a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .array(fc.constantFrom('kitout', '1', '2', 'F-1', '', 'p%3A1', '%', '0', '999', '1000'), {
              maxLength: 8,
            })
            .map((p) => p.join(':')),
        ),
        (text) => {
          const a = parsePagePayload(text);
          const b = parseCheckInCode(text);
          if (!a.ok) expect(a.reason.length).toBeGreaterThan(0);
          if (!b.ok) expect(b.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('every payload written reads back the same', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
        fc.stringMatching(/^[A-Za-z0-9._-]{0,10}$/),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 999 }),
        (formId, version, personId, page) => {
          let text: string;
          try {
            text = encodePagePayload({ formId, version, personId, page });
          } catch {
            return; // too long for a QR: refused when printing
          }
          expect(parsePagePayload(text)).toEqual({ ok: true, value: { formId, version, personId, page } });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('images (scans and photos)', async () => {
  const png = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
  const jpeg = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();

  it('truncated and flipped PNG and JPEG files: pictures or a typed error, within the time bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(png, jpeg),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        async (seed, cut, changes) => {
          const bytes = mutate(
            seed,
            changes.map(([at, b]) => [at % seed.length, b]),
          ).subarray(0, cut % (seed.length + 1));
          await typedOrOk(() => decodeImage(bytes), 5000);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a PNG and a JPEG whose headers claim huge dimensions, by the limit, before decoding', async () => {
    // PNG: rewrite IHDR to 100,000 × 100,000 with a correct checksum.
    const bigPng = Buffer.from(png);
    bigPng.writeUInt32BE(100_000, 16);
    bigPng.writeUInt32BE(100_000, 20);
    bigPng.writeUInt32BE(crc32(bigPng.subarray(12, 29)), 29);
    // JPEG: the SOF0 marker's height and width to 65,000.
    const bigJpeg = Buffer.from(jpeg);
    const sof = bigJpeg.indexOf(Buffer.from([0xff, 0xc0]));
    bigJpeg.writeUInt16BE(65_000, sof + 5);
    bigJpeg.writeUInt16BE(65_000, sof + 7);
    for (const bytes of [bigPng, bigJpeg]) {
      const started = Date.now();
      const err = await decodeImage(bytes).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LimitError);
      expect(err).toMatchObject({ limit: 'imagePixels', max: LIMITS.imagePixels });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});

describe('PDFs (scanned batches, through poppler)', () => {
  const pdf = (mediaBox: string) => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [${mediaBox}] >>`,
      '<< /Type /Page /Parent 2 0 R >>',
    ];
    let body = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(body.length);
      body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(body);
  };
  const hasPoppler = (() => {
    try {
      execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasPoppler)(
    'refuses a page a hundred metres wide by its pixels, before drawing it',
    async () => {
      const file = join(dir, 'huge.pdf');
      writeFileSync(file, pdf('0 0 14400 14400'));
      const err = await rasterisePdf(file, { dpi: 200 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LimitError);
      expect(err).toMatchObject({ limit: 'imagePixels' });
      const ok = join(dir, 'a4.pdf');
      writeFileSync(ok, pdf('0 0 595 842'));
      const pages = await rasterisePdf(ok, { dpi: 50 });
      expect(pages).toHaveLength(1);
    },
  );

  it.skipIf(!hasPoppler)(
    'truncated and flipped PDFs: pages or an error with a reason, within the time bound',
    async () => {
      const seed = pdf('0 0 595 842');
      await fc.assert(
        fc.asyncProperty(flips(seed), fc.nat({ max: seed.length }), async (changes, cut) => {
          const file = join(dir, 'fuzz.pdf');
          writeFileSync(file, mutate(seed, changes).subarray(0, cut));
          try {
            await bounded(10_000, () => rasterisePdf(file, { dpi: 30 }));
          } catch (err) {
            expect((err as Error).message).not.toMatch(/hung/);
            expect((err as Error).message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 15 },
      );
    },
  );
});
