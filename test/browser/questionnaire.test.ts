import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/adapters/xlsx/workbook-writer.ts';
import { defaultSizingSheets } from '../../src/domain/forms/default-sizing-form.ts';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// The questionnaire on a tablet, in a real browser against a real server: the form in Russian with Korean
// choices, live relevance, messages in the question's language, warnings that do not block — then twenty
// people filled with the network cut, a reload without network (the service worker serves the app), and the
// outbox sending each submission exactly once when the network returns.

const SHOTS = 'test-results/screenshots';
/** Documentation screenshots are rewritten only when asked (a machine without Hangul fonts shows boxes). */
const DOC_SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1';
const INTAKE = 'W-2026-12';
const OFFLINE_PEOPLE = Array.from({ length: 20 }, (_, i) => `P-${String(i + 11).padStart(6, '0')}`);

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

let server: TestServer;
let browser: Browser;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kitout-questionnaire-'));
  // The default form as version 2, and the same with a choice list that does not exist (survey row 4).
  const sheets = defaultSizingSheets();
  const settings = sheets.find((x) => x.name === 'settings')!;
  settings.rows[1]![settings.rows[0]!.indexOf('version')] = '2';
  writeFileSync(join(dir, 'sizing-v2.xlsx'), await writeWorkbook(sheets));
  sheets.find((x) => x.name === 'survey')!.rows[3]![0] = 'select_one no_such_list';
  writeFileSync(join(dir, 'sizing-broken.xlsx'), await writeWorkbook(sheets));
  [server, browser] = await Promise.all([startTestServer({ people: 60 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();
const poll = { timeout: 15_000 };

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('kitout-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('whoami').waitFor();
}

const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`);
const choose = (page: Page, name: string, choice: string) =>
  field(page, name).locator(`[data-choice="${choice}"]`).click();
const type = (page: Page, name: string, value: string) => field(page, name).locator('input').fill(value);

async function pickPerson(page: Page, id: string): Promise<void> {
  await page.getByTestId('person-search').fill(id);
  await page.getByTestId('person-search').press('Enter');
  await expect.poll(() => seen(page.getByTestId('chosen-person')), poll).toContain(id);
}

/** The quick path: "measure me" for all three items, measurements typed in the list layout. */
async function fillMeasured(
  page: Page,
  m: { head: string; chest: string; height: string; waist: string; foot: string },
) {
  await choose(page, 'head_known', 'no');
  await type(page, 'head_girth', m.head);
  await choose(page, 'uniform_known', 'no');
  await type(page, 'chest', m.chest);
  await type(page, 'height', m.height);
  await type(page, 'waist', m.waist);
  await choose(page, 'shoe_known', 'no');
  await type(page, 'foot_length', m.foot);
}

const serverSubmissions = async () =>
  server.db.db
    .selectFrom('submissions')
    .select(['instance_id', 'person_id', 'answers', 'form_version'])
    .orderBy('seq')
    .execute();

describe('the questionnaire on a tablet', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  it('fills the form in Russian with Korean choices, with live relevance, messages and warnings', async () => {
    context = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    page = await context.newPage();
    errors = watchPageErrors(page);
    await signIn(page, 'enum');
    await page.getByTestId('lang-ru').click();
    await page.goto(`/intakes/${INTAKE}/fill`);
    await page.getByTestId('person-search').waitFor(poll);
    // The seeded form opens with its own plan: Russian headings and questions, Korean choices.
    expect(await page.getByTestId('plan-picker').inputValue()).toBe('ru,choices=ko');

    // One question per screen: Next on an unanswered required question says so, in Russian.
    await pickPerson(page, 'P-000001');
    await page.getByTestId('mode-one').click();
    await page.getByTestId('next').click();
    await expect
      .poll(() => seen(page.locator('.q-label')), poll)
      .toContain('Знаете ли вы свой размер головного убора?');
    expect(await seen(page.locator('.q-choices'))).toContain('측정해 주세요');
    await page.getByTestId('next').click();
    await expect.poll(() => seen(page.getByTestId('field-error')), poll).toBe('Нужен ответ');
    // Relevance is live: "measure me" opens the head girth; an implausible value gets the form's own message.
    await choose(page, 'head_known', 'no');
    await page.getByTestId('next').click();
    await type(page, 'head_girth', '70');
    await page.getByTestId('next').click();
    await expect
      .poll(() => seen(page.getByTestId('field-error')), poll)
      .toBe('Обхват головы должен быть от 48 до 66 см. Проверьте измерение.');

    await type(page, 'head_girth', '57');
    await page.getByTestId('next').click();
    await choose(page, 'uniform_known', 'yes');
    await page.getByTestId('next').click();
    await choose(page, 'uniform_system', 'ru-garment');
    await expect
      .poll(() => seen(page.locator('.q-label')), poll)
      .toContain('В какой системе указан ваш размер?');
    expect(await seen(page.locator('.q-choices'))).toContain('러시아식: 치수-키 번호 (예: 48-4)');
    await screenshot(page, DOC_SHOTS ? 'docs/screenshots/form-ru-ko.png' : `${SHOTS}/form-ru-ko.png`);

    // All questions as a list: "measure me" closes the size path again, and a foot too short for the height is
    // a warning from the sizes module, not a block.
    await page.getByTestId('mode-list').click();
    expect(await field(page, 'uniform_size_ru').count()).toBe(1);
    await fillMeasured(page, { head: '57', chest: '98', height: '190', waist: '84', foot: '230' });
    expect(await field(page, 'uniform_system').count()).toBe(0);
    await expect.poll(() => seen(page.getByTestId('size-warnings')), poll).toMatch(/230.*190/);
    await page.getByTestId('save-submission').click();
    await expect.poll(() => seen(page.getByTestId('saved-notice')), poll).toContain('P-000001');
    // Online: it goes straight through.
    await expect.poll(async () => (await serverSubmissions()).length, poll).toBe(1);
    const first = (await serverSubmissions())[0]!;
    expect(first.person_id).toBe('P-000001');
    expect(first.answers).toMatchObject({
      head_known: 'no',
      head_girth: '57',
      foot_length: '230',
      height: '190',
    });
    expect(first.answers).not.toHaveProperty('uniform_system');
  });

  it('keeps twenty people filled without a network through a reload, and sends each exactly once', async () => {
    // The service worker controls the page, so the app can open without a network.
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), poll).toBe(true);
    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/api/health').then(
          () => 'reached',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    await expect.poll(() => page.getByTestId('outbox-chip').getAttribute('data-state'), poll).toBe('offline');

    for (const [i, id] of OFFLINE_PEOPLE.entries()) {
      await pickPerson(page, id);
      await fillMeasured(page, {
        head: String(55 + (i % 5)),
        chest: String(88 + i),
        height: String(165 + i),
        waist: String(76 + i),
        foot: String(250 + i * 2),
      });
      await page.getByTestId('save-submission').click();
      await expect.poll(() => seen(page.getByTestId('saved-notice')), poll).toContain(id);
    }
    await expect.poll(() => seen(page.getByTestId('chip-queued')), poll).toContain('20');
    expect((await serverSubmissions()).length).toBe(1);

    // Reload without a network: the service worker serves the app, the outbox is still there.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByTestId('person-search').waitFor(poll);
    await page.getByTestId('offline-notice').waitFor(poll);
    await page.getByRole('link', { name: 'Отправка' }).click();
    await page.getByTestId('outbox-page').waitFor(poll);
    await expect.poll(() => seen(page.getByTestId('count-queued')), poll).toBe('20');
    expect(await seen(page.getByTestId('count-sent'))).toBe('1');
    const queuedIds = await page
      .locator('[data-status="queued"] .q-instance')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-instance') ?? ''));
    expect(queuedIds).toHaveLength(20);
    expect(new Set(queuedIds).size).toBe(20);
    await page.getByTestId('lang-ko').click();
    await expect.poll(() => seen(page.locator('h1')), poll).toBe('전송함');
    await screenshot(page, DOC_SHOTS ? 'docs/screenshots/outbox-ko.png' : `${SHOTS}/outbox-ko.png`);

    // The network is back: the outbox empties into the server, once per instance id.
    await context.setOffline(false);
    await expect.poll(() => seen(page.getByTestId('count-sent')), { timeout: 30_000 }).toBe('21');
    expect(await seen(page.getByTestId('count-queued'))).toBe('0');
    expect(await page.locator('[data-status="sent"]').count()).toBe(21);
    const stored = await serverSubmissions();
    expect(stored).toHaveLength(21);
    expect(stored.slice(1).map((s) => s.person_id)).toEqual(OFFLINE_PEOPLE);
    expect(new Set(stored.map((s) => s.instance_id))).toEqual(new Set([first(stored), ...queuedIds]));
    expect(stored[20]!.answers).toMatchObject({ chest: '107', height: '184', foot_length: '288' });

    // The list as CSV: every instance id with its status and times.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv).toHaveLength(22);
    expect(csv.slice(1).every((line) => line.split(',')[1] === 'sent')).toBe(true);
    expect(
      csv
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(stored.map((s) => s.instance_id).sort());

    // The intake page shows the progress.
    await page.goto(`/intakes/${INTAKE}/roster`);
    await expect.poll(() => seen(page.getByTestId('progress-answered')), poll).toContain('21');
    expect(await page.getByTestId('progress-chart').locator('rect').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('forms for the office', () => {
  it('uploads an XLSForm (errors by sheet and row, nothing stored), then translates it into a new version', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, 'planner');
    await page.getByTestId('lang-en').click();
    await page.goto('/forms');
    await page.getByTestId('form-file').setInputFiles(join(dir, 'sizing-broken.xlsx'));
    await expect
      .poll(() => seen(page.getByTestId('form-errors')), poll)
      .toMatch(/sheet “survey”, row 4, column type/i);
    expect(await server.db.db.selectFrom('forms').select('version').execute()).toEqual([{ version: '1' }]);
    await page.getByTestId('form-file').setInputFiles(join(dir, 'sizing-v2.xlsx'));
    await expect.poll(() => seen(page.getByTestId('form-uploaded')), poll).toContain('version 2');

    await page.getByTestId('translate-link').click();
    await page.getByTestId('translation-table').waitFor(poll);
    await page.getByTestId('new-language-code').fill('zh');
    await page.getByTestId('new-language-name').fill('Chinese');
    await page.getByTestId('add-language').click();
    await page.locator('[data-cell="label height|zh"]').fill('身高 (厘米)');
    await page.locator('[data-cell="choice know_size no|ko"]').fill('재어 주세요');
    await page.getByTestId('save-translations').click();
    await expect.poll(() => seen(page.getByTestId('translations-saved')), poll).toContain('3');
    const v3 = await server.db.db
      .selectFrom('forms')
      .select(['version', 'active', 'definition'])
      .where('version', '=', '3')
      .executeTakeFirstOrThrow();
    expect(v3.active).toBe(true);
    expect(JSON.stringify(v3.definition)).toContain('身高 (厘米)');
    expect(JSON.stringify(v3.definition)).toContain('재어 주세요');
    expect(errors).toEqual([]);
    await context.close();
  });
});

function first(stored: { instance_id: string }[]): string {
  return stored[0]!.instance_id;
}
