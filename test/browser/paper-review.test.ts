import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestSet, type TestSet } from '../paper/generator/testset.ts';
import { requirePoppler } from '../paper/support.ts';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// Paper scans in a real browser against a real server: a planner uploads generated scans with their layout
// file, sees the batch, opens the review queue, accepts one field by keyboard and corrects another, and sees who
// decided; the queue is shown in Russian and Korean.

const SHOTS = 'test-results/screenshots';
/** The README's screenshots are rewritten only when asked, as in the other browser tests. */
const DOC_SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1';

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

let server: TestServer;
let browser: Browser;
let dir: string;
let set: TestSet;

beforeAll(async () => {
  await requirePoppler();
  dir = mkdtempSync(join(tmpdir(), 'kitout-paper-ui-'));
  [server, browser, set] = await Promise.all([
    startTestServer({ people: 110 }),
    launchBrowser(),
    buildTestSet({
      dir,
      people: 2,
      seed: 23,
      dpis: [150, 200],
      slips: { cross: 0.5, double: 0.3, blank: 0.1 },
    }),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();
const poll = { timeout: 20_000 };

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('kitout-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('whoami').waitFor();
}

async function shoot(page: Page, name: string) {
  await screenshot(page, `${SHOTS}/${name}.png`);
  if (DOC_SHOTS) await screenshot(page, `docs/screenshots/${name}.png`);
}

const openCount = async (page: Page) =>
  Number((await seen(page.getByTestId('open-count'))).replace(/\D+/g, ''));

describe('paper scans in the browser', () => {
  it('uploads scans, then accepts and corrects fields in the review queue (Russian)', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    // The planner's account speaks Russian; the enumerator's Korean.
    await signIn(page, 'planner');
    await page.getByRole('link', { name: 'Бумажные анкеты' }).click();
    await page.getByTestId('scan-upload').waitFor();

    // A file that is no scan is refused with its name, and nothing is read.
    await page.getByTestId('scan-files').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a picture'),
    });
    await page.getByTestId('layout-file').setInputFiles(set.layoutFile);
    await page.getByTestId('scan-upload-send').click();
    await expect.poll(() => seen(page.getByTestId('scan-errors')), poll).toContain('notes.png');

    await page.getByTestId('scan-files').setInputFiles(set.pages.map((p) => p.file));
    await expect.poll(() => seen(page.getByTestId('chosen-scans')), poll).toContain(String(set.pages.length));
    await page.getByTestId('scan-upload-send').click();
    await page.getByTestId('scan-result').waitFor({ timeout: 60_000 });
    expect(await seen(page.getByTestId('scan-result'))).toContain(String(set.pages.length));
    await expect.poll(() => page.getByTestId('batch-row').count(), poll).toBe(1);
    const row = await seen(page.getByTestId('batch-row'));
    expect(row).toContain('planner');
    await screenshot(page, `${SHOTS}/paper-batches-ru.png`);

    await page.getByTestId('batch-review').click();
    await page.getByTestId('review-item').waitFor();
    const before = await openCount(page);
    // Exactly the fields the generator's truth sends to review are in the queue.
    const truth = set.pages.flatMap((p) => Object.values(p.truth).filter((t) => 'review' in t));
    expect(before).toBe(truth.length);
    expect(before).toBeGreaterThan(1);
    // The field's picture is loaded from the scan.
    await expect
      .poll(() => page.getByTestId('snippet').evaluate((img) => (img as HTMLImageElement).naturalWidth), poll)
      .toBeGreaterThan(20);
    expect((await seen(page.getByTestId('review-question'))).length).toBeGreaterThan(0);
    await shoot(page, 'paper-review-ru');

    // Accept by keyboard where something was read; else skip to an item that has a read value.
    for (let i = 0; i < before; i++) {
      if (await page.getByTestId('accept').isEnabled()) break;
      await page.keyboard.press('s');
    }
    const acceptable = await page.getByTestId('accept').isEnabled();
    if (acceptable) {
      await page.keyboard.press('Enter');
      await expect.poll(() => openCount(page), poll).toBe(before - 1);
    }
    const afterAccept = await openCount(page);

    // Correct one: a choice button where the question has choices, else the typed value.
    const field = await page.getByTestId('review-item').getAttribute('data-field');
    if ((await page.getByTestId('choice').count()) > 0) await page.getByTestId('choice').first().click();
    else {
      await page.keyboard.press('/');
      await page.keyboard.type(
        field === 'head_girth' ? '57.5' : field?.startsWith('uniform_size_ru') ? '48-4' : '270',
      );
      await page.keyboard.press('Enter');
    }
    // A value the question refuses shows the form's reason; the item stays open. Otherwise it is decided.
    await expect
      .poll(
        async () =>
          (await openCount(page)) < afterAccept || (await page.getByTestId('decision-error').count()) > 0,
        poll,
      )
      .toBe(true);
    await expect.poll(() => page.getByTestId('decided-row').count(), poll).toBeGreaterThan(0);
    expect(await seen(page.getByTestId('decided-by').first())).toBe('planner');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the queue in Korean', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ko-KR' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, 'enum');
    await page.goto('/paper/review');
    await page.getByTestId('review-item').waitFor();
    await expect
      .poll(() => page.getByTestId('snippet').evaluate((img) => (img as HTMLImageElement).naturalWidth), poll)
      .toBeGreaterThan(20);
    expect(await seen(page.locator('h1'))).toBe('검토 대기열');
    await shoot(page, 'paper-review-ko');
    expect(errors).toEqual([]);
    await context.close();
  });
});
