import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFormBytes } from '../../src/adapters/xlsx/form-file.ts';
import { writeWorkbook } from '../../src/adapters/xlsx/workbook-writer.ts';
import { buildDefaultSizingForm, defaultSizingSheets } from '../../src/domain/forms/default-sizing-form.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

// Questionnaires over HTTP: the seeded default form, uploads (all or nothing, errors by sheet, row and
// column), versions, the translation table, and the XLSForm export round trip.

let server: TestServer;
let planner: string;
let enumerator: string;
beforeAll(async () => {
  server = await startTestServer({ people: 20, listen: false });
  [planner, enumerator] = await Promise.all([
    signInCookie(server.app, 'planner'),
    signInCookie(server.app, 'enum'),
  ]);
});
afterAll(() => server.close());

interface Summary {
  id: string;
  version: string;
  active: boolean;
  questions: number;
  defaultPlan: string | null;
  languages: { key: string }[];
}

const getJson = async <T>(path: string, cookie = planner): Promise<{ status: number; body: T }> => {
  const res = await server.app.request(path, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as T };
};

const upload = async (name: string, bytes: Buffer, cookie = planner) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await server.app.request('/api/forms?lang=en', {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** The default form's sheets with its version (settings row 2, column 5) changed and a label edited. */
async function variant(version: string, heightLabel = 'Рост, см'): Promise<Buffer> {
  const sheets = defaultSizingSheets().map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  const settings = sheets.find((s) => s.name === 'settings')!;
  settings.rows[1]![settings.rows[0]!.indexOf('version')] = version;
  const survey = sheets.find((s) => s.name === 'survey')!;
  const height = survey.rows.find((r) => r[1] === 'height')!;
  height[2] = heightLabel;
  return writeWorkbook(sheets);
}

const rowCount = async (table: 'forms' | 'audit_log') =>
  Number(
    (
      await server.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('forms over HTTP', () => {
  it('seeds the default sizing questionnaire, readable by every signed-in role', async () => {
    const list = await getJson<{ forms: (Summary & { versions: number })[] }>('/api/forms', enumerator);
    expect(list.status).toBe(200);
    expect(list.body.forms).toEqual([
      expect.objectContaining({
        id: 'kitout-sizing',
        version: '1',
        active: true,
        versions: 1,
        questions: 22,
        defaultPlan: 'ru,choices=ko',
      }),
    ]);
    const one = await getJson<{ definition: unknown; versions: Summary[] }>(
      '/api/forms/kitout-sizing',
      enumerator,
    );
    expect(one.body.definition).toEqual(buildDefaultSizingForm());
    expect(one.body.versions.map((v) => v.version)).toEqual(['1']);
  });

  it('exports the stored form as an XLSForm workbook that imports back to the same form', async () => {
    const res = await server.app.request('/api/forms/kitout-sizing/export.xlsx', {
      headers: { cookie: enumerator },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('kitout-sizing-v1.xlsx');
    const back = await readFormBytes(Buffer.from(await res.arrayBuffer()), 'export.xlsx');
    expect(back.ok && back.value).toEqual(buildDefaultSizingForm());
  });

  it('stores nothing from a form with errors, and names each by sheet, row and column', async () => {
    const [forms, audit] = [await rowCount('forms'), await rowCount('audit_log')];
    const sheets = defaultSizingSheets().map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
    const survey = sheets.find((s) => s.name === 'survey')!;
    survey.rows[3]![0] = 'select_one no_such_list'; // spreadsheet row 4
    survey.rows[8]![survey.rows[0]!.indexOf('relevant')] = '${head_known = yes'; // row 9
    const bad = await upload('broken.xlsx', await writeWorkbook(sheets));
    expect(bad.status).toBe(400);
    const issues = bad.body.issues as {
      sheet?: string;
      row?: number;
      field?: string;
      reason: string;
      code?: string;
    }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'survey', row: 4, field: 'type', code: 'forms:import.unknownList' }),
        expect.objectContaining({ sheet: 'survey', row: 9, field: 'relevant' }),
      ]),
    );
    expect(issues.find((i) => i.row === 4)!.reason).toContain('no_such_list');
    expect([await rowCount('forms'), await rowCount('audit_log')]).toEqual([forms, audit]);

    const notAForm = await upload('roster.xlsx', Buffer.from('id,name\n1,x\n'));
    expect(notAForm.status).toBe(400);
    expect(await rowCount('forms')).toBe(forms);
  });

  it('makes an upload with a new version the active one; the same version again changes nothing', async () => {
    const first = await upload(
      'kitout-sizing.xlsx',
      readFileSync(resolve('test/fixtures/forms/kitout-sizing.xlsx')),
    );
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(false);

    const v7 = await upload('sizing-v7.xlsx', await variant('7', 'Рост (см)'));
    expect(v7.status).toBe(201);
    expect(v7.body.form).toMatchObject({ id: 'kitout-sizing', version: '7', active: true });
    const list = await getJson<{ forms: (Summary & { versions: number })[] }>('/api/forms');
    expect(list.body.forms[0]).toMatchObject({ version: '7', versions: 2 });

    const clash = await upload('sizing-v7b.xlsx', await variant('7', 'Рост'));
    expect(clash.status).toBe(409);

    const v1 = await getJson<{ form: Summary; definition: { settings: { version: string } } }>(
      '/api/forms/kitout-sizing?version=1',
    );
    expect(v1.body.form).toMatchObject({ version: '1', active: false });

    const back = await server.app.request('/api/forms/kitout-sizing/activate', {
      method: 'POST',
      headers: { cookie: planner, 'content-type': 'application/json' },
      body: JSON.stringify({ version: '1' }),
    });
    expect(back.status).toBe(200);
    const active = await getJson<{ form: Summary }>('/api/forms/kitout-sizing');
    expect(active.body.form.version).toBe('1');
  });

  it('refuses uploads and translations from an enumerator', async () => {
    expect((await upload('x.xlsx', await variant('8'), enumerator)).status).toBe(403);
  });

  it('saves edited translations and a new language as a new version that round-trips through XLSForm', async () => {
    const save = (body: unknown) =>
      server.app.request('/api/forms/kitout-sizing/translations?lang=en', {
        method: 'POST',
        headers: { cookie: planner, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const refused = await save({
      baseVersion: '1',
      edits: [{ key: 'label nowhere', language: 'ru', text: 'x' }],
      addLanguages: [{ code: 'zh', name: 'Chinese (simplified)' }],
    });
    expect(refused.status).toBe(400);
    const refusal = (await refused.json()) as { issues: { field: string; code: string }[] };
    expect(refusal.issues.map((i) => [i.field, i.code])).toEqual([
      ['languages[0]', 'forms:translate.badName'],
      ['label nowhere', 'forms:translate.unknownRow'],
    ]);

    const res = await save({
      baseVersion: '1',
      edits: [
        { key: 'label height', language: 'zh', text: '身高 (厘米)' },
        { key: 'choice know_size no', language: 'ko', text: '재어 주세요' },
      ],
      addLanguages: [{ code: 'zh', name: 'Chinese' }],
    });
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { form: Summary };
    // Numbered versions continue from the highest number, not from the version edited.
    expect(stored.form).toMatchObject({ version: '8', active: true, defaultPlan: 'ru,choices=ko' });
    expect(stored.form.languages.map((l) => l.key)).toEqual(['ru', 'ko', 'en', 'zh']);

    const xlsx = await server.app.request('/api/forms/kitout-sizing/export.xlsx?version=8', {
      headers: { cookie: planner },
    });
    const back = await readFormBytes(Buffer.from(await xlsx.arrayBuffer()), 'v8.xlsx');
    const stored8 = await getJson<{ definition: unknown }>('/api/forms/kitout-sizing?version=8');
    expect(back.ok && back.value).toEqual(stored8.body.definition);
    expect(JSON.stringify(stored8.body.definition)).toContain('身高 (厘米)');
  });

  it('answers 404 for a form or version that does not exist', async () => {
    expect((await getJson('/api/forms/nope')).status).toBe(404);
    expect((await getJson('/api/forms/kitout-sizing?version=99')).status).toBe(404);
    const res = await server.app.request('/api/forms/nope/export.xlsx', { headers: { cookie: planner } });
    expect(res.status).toBe(404);
  });
});
