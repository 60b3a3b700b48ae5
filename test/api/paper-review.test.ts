import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestSet, type TestSet } from '../paper/generator/testset.ts';
import { requirePoppler } from '../paper/support.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

/**
 * Scans of printed forms through the HTTP API: generated, filled and degraded pages of the demo form are
 * uploaded with their layout file, uncertain marks land in the review queue with their pictures, decisions
 * settle them, and each person's pages become one submission with source `paper` holding what was marked.
 */

let server: TestServer;
let cookie: string;
let dir: string;
let clean: TestSet;
let slipped: TestSet;
let firstDecision:
  | { id: string; body: { action: 'accept' | 'correct'; value?: string }; key: string; result: object }
  | undefined;

interface Receipt {
  batchId: string;
  pagesRead: number;
  inReview: number;
  reviewItems: number;
  failed: { file: string; code: string; reason: string }[];
  replayed: boolean;
}
interface Item {
  id: string;
  batchId: string;
  personId: string;
  page: number;
  field: string;
  reason: string;
  readValue: string | null;
  hasSnippet: boolean;
  status: string;
  decidedValue: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  prompt: { label: string; type: string; choices: { value: string; label: string }[] };
}

beforeAll(async () => {
  await requirePoppler();
  // The generator's people are P-000101…; a demo intake of 110 people has them on its roster.
  server = await startTestServer({ people: 110, listen: false });
  cookie = await signInCookie(server.app, 'enum');
  dir = await mkdtemp(join(tmpdir(), 'kitout-paper-api-'));
  // One person's pages filled neatly (nothing to review), and three people with slips made common.
  clean = await buildTestSet({
    dir: join(dir, 'clean'),
    people: 1,
    seed: 5,
    dpis: [200],
    clean: true,
    slips: { cross: 0, double: 0, blank: 0 },
  });
  slipped = await buildTestSet({
    dir: join(dir, 'slipped'),
    people: 3,
    seed: 11,
    dpis: [150, 200],
    slips: { cross: 0.3, double: 0.2, blank: 0.06 },
  });
}, 240_000);
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function upload(files: { name: string; bytes: Buffer }[], layout: Buffer | undefined, key: string) {
  const form = new FormData();
  for (const f of files) form.append('files', new File([new Uint8Array(f.bytes)], f.name));
  if (layout) form.append('layout', new File([new Uint8Array(layout)], 'layout.json'));
  return server.app.request('/api/paper/batches?lang=en', {
    method: 'POST',
    headers: { cookie, 'idempotency-key': key },
    body: form,
  });
}

const scans = (set: TestSet) =>
  Promise.all(set.pages.map(async (p) => ({ name: basename(p.file), bytes: await readFile(p.file) })));

async function queue(query = 'status=open'): Promise<{ total: number; open: number; items: Item[] }> {
  const res = await server.app.request(`/api/paper/review?${query}&limit=500&lang=en`, {
    headers: { cookie },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; open: number; items: Item[] };
}

async function decide(id: string, body: { action: 'accept' | 'correct'; value?: string }, key: string) {
  return server.app.request(`/api/paper/review/${id}/decision?lang=en`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

async function submissions(person: string) {
  const res = await server.app.request(`/api/submissions?intake=W-2026-12&person=${person}&limit=50`, {
    headers: { cookie },
  });
  expect(res.status).toBe(200);
  return (
    (await res.json()) as {
      submissions: {
        instanceId: string;
        personId: string;
        source: string;
        answers: Record<string, unknown>;
      }[];
    }
  ).submissions;
}

const count = async (table: 'paper_batches' | 'paper_pages' | 'paper_review_items' | 'submissions') =>
  Number(
    (
      await server.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** What a submission should hold for a field: the marks as the truth says, in the submission's types. */
const asText = (v: unknown) => (Array.isArray(v) ? v.join(' ') : String(v));

/** A value a reviewer would key in from the picture (the generator keeps no truth for slipped fields). */
const KEYED: Record<string, string> = {
  hat_size_cm: '57',
  head_girth: '57.5',
  uniform_size_ru: '48-4',
  uniform_size_rok: '100M170',
  chest: '96',
  height: '175',
  waist: '80',
  shoe_size_kr: '270',
  shoe_size_eu: '42',
  shoe_size_us: '9',
  shoe_size_uk: '8',
  shoe_size_ru: '42',
  foot_length: '270',
};

describe('paper scans → review queue → submissions', () => {
  it('refuses a file that is not a scan, naming it and the reason, and stores nothing', async () => {
    const layout = await readFile(clean.layoutFile);
    const good = (await scans(clean))[0]!;
    const before = await Promise.all([
      count('paper_batches'),
      count('paper_pages'),
      count('paper_review_items'),
    ]);
    const text = { name: 'notes.png', bytes: Buffer.from('these are not the scans you are looking for') };
    const res = await upload([good, text], layout, 'paper-bad-1');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { file?: string; reason: string }[] };
    expect(body.issues).toEqual([
      expect.objectContaining({ file: 'notes.png', reason: expect.stringMatching(/not a PNG, JPEG/) }),
    ]);
    // A PNG cut short is refused too.
    const cut = { name: 'cut.png', bytes: good.bytes.subarray(0, 2000) };
    const res2 = await upload([cut], layout, 'paper-bad-2');
    expect(res2.status).toBe(400);
    expect(((await res2.json()) as { issues: { file?: string }[] }).issues[0]?.file).toBe('cut.png');
    // A layout that is not a layout file.
    const res3 = await upload([good], Buffer.from('{"format":"other"}'), 'paper-bad-3');
    expect(res3.status).toBe(400);
    expect(JSON.stringify(await res3.json())).toMatch(/format/);
    const after = await Promise.all([
      count('paper_batches'),
      count('paper_pages'),
      count('paper_review_items'),
    ]);
    expect(after).toEqual(before);
    // The refused keys were not used up: the same key with good content is read.
    const retry = await upload([good], layout, 'paper-bad-1-fixed');
    expect(retry.status).toBe(201);
  });

  it('makes a neatly filled form a paper submission at once, and a replayed upload changes nothing', async () => {
    const files = await scans(clean);
    const layout = await readFile(clean.layoutFile);
    const res = await upload(files, layout, 'paper-clean-1');
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as Receipt;
    expect(receipt).toMatchObject({ pagesRead: files.length, inReview: 0, reviewItems: 0, failed: [] });
    const person = clean.pages[0]!.person;
    const subs = (await submissions(person)).filter((s) => s.source === 'paper');
    expect(subs.length).toBeGreaterThanOrEqual(1);
    const latest = subs[0]!;
    const truth = Object.assign({}, ...clean.pages.map((p) => p.truth)) as Record<
      string,
      { answer?: string }
    >;
    const expected = Object.fromEntries(
      Object.entries(truth)
        .filter(([, t]) => t.answer !== undefined && t.answer !== '')
        .map(([f, t]) => [f, t.answer]),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    expect(Object.fromEntries(Object.entries(latest.answers).map(([k, v]) => [k, asText(v)]))).toEqual(
      Object.fromEntries(
        Object.entries(expected).map(([k, v]) => [k, String(Number.isNaN(Number(v)) ? v : Number(v))]),
      ),
    );

    const rows = await Promise.all([count('paper_batches'), count('paper_pages'), count('submissions')]);
    const again = await upload(files, layout, 'paper-clean-1');
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ ...receipt, replayed: true });
    expect(await Promise.all([count('paper_batches'), count('paper_pages'), count('submissions')])).toEqual(
      rows,
    );
    // The same key for other files is refused.
    const other = await upload(files.slice(0, 1), layout, 'paper-clean-1');
    expect(other.status).toBe(409);
  });

  it('sends exactly the uncertain fields to review, each with its picture, and submits after decisions', async () => {
    const files = await scans(slipped);
    const layout = await readFile(slipped.layoutFile);
    const res = await upload(files, layout, 'paper-slipped-1');
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as Receipt;
    expect(receipt.failed).toEqual([]);
    expect(receipt.pagesRead).toBe(files.length);

    // The queue holds exactly the fields the generator's truth says must be looked at.
    const expected = slipped.pages.flatMap((p) =>
      Object.entries(p.truth)
        .filter(([, t]) => 'review' in t)
        .map(([field, t]) => `${p.person}/${p.page}/${field}/${(t as { review: string }).review}`),
    );
    expect(expected.length).toBeGreaterThan(3);
    const open = await queue(`status=open&batch=${receipt.batchId}`);
    expect(open.items.map((i) => `${i.personId}/${i.page}/${i.field}/${i.reason}`).sort()).toEqual(
      expected.sort(),
    );
    expect(receipt.reviewItems).toBe(expected.length);

    // Every item read off a scan has its field's picture, served as PNG.
    for (const item of open.items.slice(0, 5)) {
      expect(item.hasSnippet).toBe(true);
      const png = await server.app.request(`/api/paper/review/${item.id}/snippet`, { headers: { cookie } });
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      const meta = await sharp(Buffer.from(await png.arrayBuffer())).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBeGreaterThan(20);
      expect(item.prompt.label.length).toBeGreaterThan(0);
    }

    // People with something in review have no paper submission from this batch yet.
    const reviewed = new Set(open.items.map((i) => i.personId));
    for (const person of reviewed) {
      const subs = await submissions(person);
      const pages = await server.ctx.db
        .selectFrom('paper_pages')
        .select('submission_id')
        .where('batch_id', '=', receipt.batchId)
        .where('person_id', '=', person)
        .execute();
      expect(pages.every((p) => p.submission_id === null)).toBe(true);
      expect(subs.every((s) => !pages.some((p) => p.submission_id === s.instanceId))).toBe(true);
    }

    // A value the question does not allow is refused with the form's reason; nothing is decided.
    const choiceItem = open.items.find((i) => i.prompt.choices.length > 0);
    expect(choiceItem).toBeDefined();
    const refused = await decide(
      choiceItem!.id,
      { action: 'correct', value: 'no-such-choice' },
      'paper-d-bad',
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/no-such-choice/);

    // Decide everything, as a reviewer would; whole-form problems found after come back as new items.
    const decisions = new Map<string, string>();
    let n = 0;
    for (let round = 0; round < 6; round++) {
      const { items } = await queue('status=open');
      if (items.length === 0) break;
      for (const item of items) {
        const tries: { action: 'accept' | 'correct'; value?: string }[] =
          item.reason === 'not-applicable'
            ? [{ action: 'correct', value: '' }]
            : [
                ...(item.readValue !== null ? [{ action: 'accept' as const }] : []),
                ...item.prompt.choices.map((c) => ({ action: 'correct' as const, value: c.value })),
                ...(KEYED[item.field] ? [{ action: 'correct' as const, value: KEYED[item.field] }] : []),
              ];
        let done = false;
        for (const t of tries) {
          const r = await decide(item.id, t, `paper-d-${n++}`);
          if (r.status === 200) {
            const body = (await r.json()) as { decidedValue: string; decidedBy: string; status: string };
            firstDecision ??= { id: item.id, body: t, key: `paper-d-${n - 1}`, result: body };
            expect(body.decidedBy).toBe('enum');
            decisions.set(`${item.personId}/${item.field}`, body.decidedValue);
            done = true;
            break;
          }
          expect(r.status, await r.text()).toBe(400);
        }
        expect(done, `${item.field} ${item.reason}`).toBe(true);
      }
    }
    expect((await queue('status=open')).total).toBe(0);

    // Decided items say who decided and when.
    const decided = await queue(`status=decided&batch=${receipt.batchId}`);
    expect(decided.items.length).toBeGreaterThanOrEqual(expected.length);
    for (const d of decided.items) {
      expect(['accepted', 'corrected']).toContain(d.status);
      expect(d.decidedBy).toBe('enum');
      expect(Number.isNaN(Date.parse(d.decidedAt!))).toBe(false);
    }

    // Every person's pages are now one paper submission: the marks as read, with the decisions.
    for (const person of new Set(slipped.pages.map((p) => p.person))) {
      const pages = await server.ctx.db
        .selectFrom('paper_pages')
        .select(['status', 'submission_id'])
        .where('batch_id', '=', receipt.batchId)
        .where('person_id', '=', person)
        .execute();
      expect(pages.every((p) => p.status === 'submitted')).toBe(true);
      const id = pages[0]!.submission_id!;
      expect(pages.every((p) => p.submission_id === id)).toBe(true);
      const sub = (await submissions(person)).find((s) => s.instanceId === id)!;
      expect(sub.source).toBe('paper');
      const want: Record<string, string> = {};
      for (const p of slipped.pages.filter((x) => x.person === person))
        for (const [f, t] of Object.entries(p.truth))
          if ('answer' in t && t.answer !== '')
            want[f] = String(Number.isNaN(Number(t.answer)) ? t.answer : Number(t.answer));
      for (const [key, value] of decisions) {
        const [who, field] = key.split('/') as [string, string];
        if (who !== person) continue;
        if (value === '') delete want[field];
        else want[field] = String(Number.isNaN(Number(value)) ? value : Number(value));
      }
      expect(Object.fromEntries(Object.entries(sub.answers).map(([k, v]) => [k, asText(v)]))).toEqual(want);
    }

    // Decisions are in the audit log.
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'paper.review.decided')
      .execute();
    expect(audit.length).toBe(decided.items.length);
  });

  it('answers a replayed decision unchanged, and refuses a second decision naming who decided', async () => {
    const first = firstDecision!;
    const rows = await count('paper_review_items');
    const replay = await decide(first.id, first.body, first.key);
    expect(replay.status).toBe(200);
    const { settled: _settled, replayed: _replayed, ...decision } = first.result as Record<string, unknown>;
    expect(await replay.json()).toEqual({ ...decision, replayed: true });
    const again = await decide(first.id, { action: 'accept' }, 'paper-d-second');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toMatch(/already decided by enum/);
    expect(await count('paper_review_items')).toBe(rows);
  });

  it('lists batches with pages read, in review and submitted', async () => {
    const res = await server.app.request('/api/paper/batches', { headers: { cookie } });
    expect(res.status).toBe(200);
    const { batches } = (await res.json()) as {
      batches: {
        pagesRead: number;
        inReview: number;
        submitted: number;
        openItems: number;
        failed: unknown[];
      }[];
    };
    expect(batches.length).toBe(3);
    for (const b of batches) {
      expect(b.inReview).toBe(0);
      expect(b.openItems).toBe(0);
    }
    expect(batches[0]!.submitted).toBe(batches[0]!.pagesRead);
  });

  it('keeps a page it cannot read in the batch with its reason, and reads the rest', async () => {
    const blank = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const files = [{ name: 'blank-page.png', bytes: blank }, (await scans(clean))[0]!];
    const res = await upload(files, await readFile(clean.layoutFile), 'paper-blank-1');
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as Receipt;
    expect(receipt.pagesRead).toBe(1);
    expect(receipt.failed).toEqual([
      expect.objectContaining({ file: 'blank-page.png', code: 'noQr', reason: expect.stringMatching(/QR/) }),
    ]);
  });

  it('lets only the roles that handle questionnaires upload', async () => {
    const issuer = await signInCookie(server.app, 'issuer');
    const res = await server.app.request('/api/paper/batches', {
      method: 'POST',
      headers: { cookie: issuer, 'idempotency-key': 'paper-issuer-1' },
      body: new FormData(),
    });
    expect(res.status).toBe(403);
  });
});
