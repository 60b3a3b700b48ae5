import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/create-db.ts';
import { buildDefaultSizingForm } from '../../src/domain/forms/default-sizing-form.ts';
import { seededRng } from '../../src/domain/random.ts';
import { type ServiceContext, SYSTEM_ACTOR, systemContext } from '../../src/services/context.ts';
import { activateForm, getForm, storeDefaultForm, storeForm } from '../../src/services/forms.ts';
import { createIntake } from '../../src/services/records.ts';
import { importRoster } from '../../src/services/roster-import.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { intakeProgress, listSubmissions, submitAnswers } from '../../src/services/submissions.ts';
import { demoAnswers } from '../../src/services/submissions-demo.ts';
import { testDb } from '../support/db.ts';
import { csv, rosterRows } from '../support/fixtures.ts';

// The questionnaire tables on this run's database (PGlite or PostgreSQL): frozen form versions, append-only
// submissions written in batches, once per instance id, and "latest per person" by when answers were taken.

let handle: DbHandle;
let ctx: ServiceContext;
let clock = new Date('2026-12-03T08:00:00Z');
beforeAll(async () => {
  handle = await testDb();
  ctx = { ...systemContext(handle.db, handle.kind), now: () => clock };
  await seedDemo(ctx, { people: 0 });
  await createIntake(ctx, SYSTEM_ACTOR, {
    id: 'T-1',
    name: 'Test',
    siteId: 'NORTH',
    startDate: '2026-12-01',
  });
  await importRoster(ctx, SYSTEM_ACTOR, {
    intakeId: 'T-1',
    fileName: 'r.csv',
    stream: Readable.from([csv(rosterRows(120, 'T'))]),
  });
});
afterAll(() => handle.close());

const person = (n: number) => `T-${String(n).padStart(4, '0')}`;
const submission = (
  n: number,
  instanceId: string,
  over: Partial<Parameters<typeof submitAnswers>[2]> = {},
) => ({
  instanceId,
  formId: 'kitout-sizing',
  formVersion: '1',
  intakeId: 'T-1',
  personId: person(n),
  answers: demoAnswers(seededRng(n)),
  source: 'web' as const,
  clientTime: '2026-12-02T10:00:00Z',
  ...over,
});

describe('stored forms', () => {
  it('stores the default form once, and reads back exactly what was stored', async () => {
    expect(await storeDefaultForm(ctx, SYSTEM_ACTOR)).toBeUndefined();
    const { definition, form } = await getForm(ctx, 'kitout-sizing');
    expect(JSON.stringify(definition)).toBe(JSON.stringify(buildDefaultSizingForm()));
    expect(form).toMatchObject({ version: '1', active: true, defaultPlan: 'ru,choices=ko' });
  });

  it('gives a form without a version the next number, unless its content is stored already', async () => {
    const { settings, ...rest } = buildDefaultSizingForm();
    const unversioned = { ...rest, settings: { ...settings, version: undefined } };
    delete unversioned.settings.version;
    const again = await storeForm(ctx, SYSTEM_ACTOR, unversioned);
    expect(again).toMatchObject({ created: false, form: { version: '1' } });
    const changed = structuredClone(unversioned);
    changed.settings.title.en = 'Sizes';
    const stored = await Promise.all([
      storeForm(ctx, SYSTEM_ACTOR, changed),
      storeForm(ctx, SYSTEM_ACTOR, changed),
    ]);
    expect(stored.map((s) => s.form.version)).toEqual(['2', '2']);
    expect(stored.map((s) => s.created).sort()).toEqual([false, true]);
    expect((await activateForm(ctx, SYSTEM_ACTOR, 'kitout-sizing', '1')).active).toBe(true);
  });

  it('refuses to change or delete a stored version; only which version is active may change', async () => {
    await expect(
      sql`update forms set definition = '{}'::json where id = 'kitout-sizing' and version = '1'`.execute(
        handle.db,
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from forms where version = '2'`.execute(handle.db)).rejects.toThrow(
      /cannot be changed/,
    );
    const active = await handle.db.selectFrom('forms').select('version').where('active', '=', true).execute();
    expect(active).toEqual([{ version: '1' }]);
  });
});

describe('submissions', () => {
  it('writes many concurrent submissions, each once, with one audit row each', async () => {
    const audit = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from audit_log where action = 'submission.received'`.execute(handle.db)
        ).rows[0]!.n,
      );
    const before = await audit();
    const receipts = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        submitAnswers(ctx, SYSTEM_ACTOR, submission(i + 1, `batch-${i}-000000`)),
      ),
    );
    expect(receipts.every((r) => !r.replayed)).toBe(true);
    // Retries racing the first writes, including duplicates inside one batch.
    const retries = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        submitAnswers(ctx, SYSTEM_ACTOR, submission((i % 30) + 1, `batch-${i % 30}-000000`)),
      ),
    );
    expect(retries.every((r) => r.replayed)).toBe(true);
    const rows = await handle.db
      .selectFrom('submissions')
      .select('instance_id')
      .where('intake_id', '=', 'T-1')
      .execute();
    expect(rows).toHaveLength(60);
    expect((await audit()) - before).toBe(60);
  });

  it('refuses to change or delete a stored submission', async () => {
    await expect(
      sql`update submissions set answers = '{}'::jsonb where instance_id = 'batch-0-000000'`.execute(
        handle.db,
      ),
    ).rejects.toThrow();
    await expect(
      sql`delete from submissions where instance_id = 'batch-0-000000'`.execute(handle.db),
    ).rejects.toThrow();
  });

  it('counts the answers taken last per person, capping a tablet clock that runs ahead at the server time', async () => {
    clock = new Date('2026-12-03T09:00:00Z');
    const taken = (n: number, id: string, clientTime: string, height: string) =>
      submitAnswers(
        ctx,
        SYSTEM_ACTOR,
        submission(n, id, {
          clientTime,
          answers: {
            head_known: 'no',
            head_girth: '57',
            uniform_known: 'no',
            chest: '96',
            height,
            waist: '80',
            shoe_known: 'no',
            foot_length: '265',
          },
        }),
      );
    // Taken later but synced first, then an earlier measurement arrives: the later one still counts.
    await taken(100, 'late-taken-0001', '2026-12-03T08:30:00Z', '181');
    await taken(100, 'early-taken-001', '2026-12-03T07:00:00Z', '179');
    // A clock set a year ahead does not win over a real later measurement.
    await taken(101, 'future-clock-01', '2027-12-03T07:00:00Z', '170');
    clock = new Date('2026-12-03T10:00:00Z');
    await taken(101, 'real-later-0001', '2026-12-03T09:30:00Z', '172');
    const latest = await listSubmissions(ctx, { intakeId: 'T-1', latest: true, limit: 500, offset: 0 });
    const height = (p: string) => latest.submissions.find((s) => s.personId === p)!.answers.height;
    expect(height(person(100))).toBe('181');
    expect(height(person(101))).toBe('172');
    const all = await listSubmissions(ctx, { intakeId: 'T-1', personId: person(100), limit: 10, offset: 0 });
    expect(all.total).toBe(2);
  });

  it('reports progress per day in the time zone asked for', async () => {
    const utc = await intakeProgress(ctx, 'T-1', { timeZone: 'UTC' });
    expect(utc).toMatchObject({ total: 120, answered: 62 });
    expect(utc.perDay).toEqual([
      { day: '2026-12-02', people: 60 },
      { day: '2026-12-03', people: 2 },
    ]);
    // 10:00 UTC on 2 December is 19:00 in Seoul; 07:00 UTC on 3 December is 16:00 there.
    const seoul = await intakeProgress(ctx, 'T-1', { timeZone: 'Asia/Seoul' });
    expect(seoul.perDay.map((d) => d.day)).toEqual(['2026-12-02', '2026-12-03']);
    // In Los Angeles 07:00 UTC on 3 December is still 2 December.
    const la = await intakeProgress(ctx, 'T-1', { timeZone: 'America/Los_Angeles' });
    expect(la.perDay).toEqual([
      { day: '2026-12-02', people: 61 },
      { day: '2026-12-03', people: 1 },
    ]);
  });
});
