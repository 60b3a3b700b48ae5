import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// The Sizes page in a real browser: the ru-garment size chart and the find-my-size helper in Korean and Russian,
// and the administrator's size-profile form.

const SHOTS = 'test-results/screenshots';
/** The README's screenshot is rewritten only when asked, as in the foundation test (fonts differ by machine). */
const DOC_SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1';

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ people: 20 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();
const poll = { timeout: 10_000 };

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('kitout-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('whoami').waitFor();
}

/** A chart row's cells (the row label first), as text. */
async function chartRow(page: Page, label: string): Promise<string[]> {
  const row = page.getByTestId('size-chart').locator(`tbody tr[data-label="${label}"]`);
  await row.waitFor();
  return row.locator('th, td').allInnerTexts();
}

async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [dim, value] of Object.entries(values)) await page.getByTestId(`m-${dim}`).fill(value);
}

const best = (page: Page, item: string) => seen(page.getByTestId(`fit-${item}`).getByTestId('fit-best'));

describe('the Sizes page', () => {
  it('shows the ru-garment chart and finds sizes in Korean, then in Russian', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ko-KR' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    // The enumerator's account speaks Korean; Sizes is in the navigation for every role.
    await signIn(page, 'enum');
    await page.locator('.mainnav').getByRole('link', { name: '치수' }).click();
    await page.waitForURL('**/sizes');
    await expect.poll(() => seen(page.locator('h1')), poll).toBe('치수');

    // The chart opens on ru-garment: its labels in the other torso systems, with the rule in Korean.
    const select = page.getByTestId('chart-system');
    expect(await select.inputValue()).toBe('ru-garment');
    expect(await seen(select.locator('option:checked'))).toBe('러시아 의류 치수 (가슴둘레의 절반, 키 그룹)');
    await expect
      .poll(() => chartRow(page, '48-4'), poll)
      .toEqual([
        '48-4',
        expect.stringMatching(/가슴둘레 94–98 cm\s*키 173–179 cm/),
        expect.stringMatching(/^95[\s\S]*또는 100$/),
        expect.stringMatching(/^M/),
        expect.stringMatching(/^88/),
        expect.stringMatching(/^95M175/),
      ]);
    const headers = await page.getByTestId('size-chart').locator('thead th').allInnerTexts();
    expect(headers.join(' | ')).toMatch(/kr-top[\s\S]*한국 상의 치수[\s\S]*rok-military/);
    expect(await seen(page.getByTestId('chart-rule'))).toMatch(/ru-garment: .*가슴둘레.*1: 155–161/);
    const spans = page.getByTestId('size-chart').locator('tr[data-label="48-4"] [data-mark="spans"]');
    expect(await spans.count()).toBe(3);
    expect(await spans.first().getAttribute('title')).toMatch(/걸침/);
    await screenshot(page, `${SHOTS}/sizes-chart-ko.png`);

    // A tie is marked: Korean letter S (chest 87.5–92.5) lies half in ru 44, half in ru 46; the larger wins.
    await select.selectOption('kr-top-letter');
    await page.waitForURL('**/sizes?*system=kr-top-letter*');
    await expect
      .poll(() => chartRow(page, 'S'), poll)
      .toEqual(expect.arrayContaining([expect.stringMatching(/^46\s*=/)]));
    const tie = page.getByTestId('size-chart').locator('tr[data-label="S"] [data-mark="tie"]');
    expect(await tie.getAttribute('title')).toMatch(/경계/);

    // Find my size: chest 96 and height 176 give the jacket 48-4, with the runner-up and the reason in Korean.
    await page.getByTestId('sizes-tab-find').click();
    await fill(page, { chest: '96', height: '176', headGirth: '57', footLength: '270' });
    await page.getByTestId('find-submit').click();
    await expect.poll(() => best(page, 'jacket'), poll).toBe('48-4');
    const jacket = await seen(page.getByTestId('fit-jacket'));
    expect(jacket).toContain('야전상의');
    expect(jacket).toContain('100%');
    expect(jacket).toContain('가슴둘레 96 cm: 94–98 범위 안');
    expect(await best(page, 'cap')).toBe('57');
    expect(await best(page, 'boots')).toBe('270');
    expect(await seen(page.getByTestId('fit-gloves'))).toContain('치수 없음');
    expect(await seen(page.getByTestId('find-body'))).toMatch(/가슴둘레\s*96 cm[\s\S]*키\s*176 cm/);
    expect(await seen(page.getByTestId('find-results').locator('thead'))).toMatch(
      /품목\s+추천 치수\s+적합도\s+차선\s+이유/,
    );
    await screenshot(page, `${SHOTS}/sizes-find-ko.png`);
    if (DOC_SHOTS) {
      // The tabs at the top of the screen: the questions and the answers side by side, as on a tablet.
      await page.locator('.tabs').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -12));
      await screenshot(page, 'docs/screenshots/sizes-ko.png');
    }

    // In Russian: a label in one system and a measurement typed with a decimal comma. 57,5 cm sits on the
    // boundary of cap 57 and 58 (a tie, the larger wins); a 200 mm foot at height group 4 asks for re-measuring.
    await page.getByTestId('lang-ru').click();
    await expect.poll(() => seen(page.locator('h1')), poll).toBe('Размеры');
    await page.getByRole('button', { name: 'Очистить' }).click();
    await fill(page, { headGirth: '57,5', footLength: '200' });
    await page.getByTestId('find-system').selectOption('ru-garment');
    await page.getByTestId('find-label').fill('48-4');
    await page.getByTestId('find-submit').click();
    await expect.poll(() => best(page, 'jacket'), poll).toBe('48-4');
    expect(await best(page, 'cap')).toBe('58');
    const cap = await seen(page.getByTestId('fit-cap'));
    expect(cap).toContain('равенство');
    expect(cap).toMatch(/обхват головы 57,5 см/);
    expect(await seen(page.getByTestId('find-body'))).toMatch(
      /обхват груди\s*94–98 см[\s\S]*рост\s*173–179 см/,
    );
    expect(await seen(page.getByTestId('find-flags'))).toMatch(/Перемерить[\s\S]*длина стопы 200 мм/);
    expect(await seen(page.getByTestId('fit-boots').getByTestId('fit-remeasure'))).toContain(
      'Перемерить перед выдачей',
    );
    await screenshot(page, `${SHOTS}/sizes-find-ru.png`);

    // A label its system cannot read is named with the field it came from, in Russian.
    await page.getByTestId('find-label').fill('48-9');
    await page.getByTestId('find-submit').click();
    await expect
      .poll(() => seen(page.getByTestId('find-error')), poll)
      .toMatch(/Известный размер.*height group 9/);

    // Only administrators see the profile settings.
    expect(await page.getByTestId('sizes-tab-profile').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an administrator change the size profile, with the defaults shown, and the chart follows', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, 'admin');
    await page.getByTestId('lang-en').click();
    await page.goto('/sizes?tab=profile');
    const form = page.getByTestId('profile-form');
    await form.waitFor();
    expect(await page.getByTestId('p-footToLastMm').inputValue()).toBe('15');
    expect(await seen(form)).toContain('Default: 15');
    expect(await page.getByTestId('p-group-0-min').inputValue()).toBe('155');
    await screenshot(page, `${SHOTS}/sizes-profile-form-en.png`);

    // A bad number is named before anything is sent; a good change is saved and the chart uses it.
    await page.getByTestId('p-footToLastMm').fill('ten');
    await page.getByTestId('profile-save').click();
    await expect.poll(() => seen(page.getByTestId('profile-error')), poll).toContain('Shoe last allowance');
    await page.getByTestId('p-footToLastMm').fill('10');
    await page.getByTestId('p-garment-tie').selectOption('smaller');
    await page.getByTestId('profile-save').click();
    await expect
      .poll(() => seen(page.getByTestId('profile-saved')), poll)
      .toContain('Catalogue sizes refitted: 0');
    await screenshot(page, `${SHOTS}/sizes-profile-en.png`);

    await page.getByTestId('sizes-tab-chart').click();
    await page.getByTestId('chart-system').selectOption('kr-top-letter');
    await expect
      .poll(() => chartRow(page, 'S'), poll)
      .toEqual(expect.arrayContaining([expect.stringMatching(/^44\s*=/)]));
    await page.getByTestId('chart-system').selectOption('eu-shoe');
    await expect.poll(() => seen(page.getByTestId('chart-rule')), poll).toContain('last = foot + 10 mm');

    // Back to the defaults.
    await page.getByTestId('sizes-tab-profile').click();
    await page.getByRole('button', { name: 'Restore all defaults' }).click();
    await page.getByTestId('profile-save').click();
    await expect.poll(() => seen(page.getByTestId('profile-saved')), poll).toContain('refitted');
    expect(await page.getByTestId('p-footToLastMm').inputValue()).toBe('15');
    expect(errors).toEqual([]);
    await context.close();
  });
});
