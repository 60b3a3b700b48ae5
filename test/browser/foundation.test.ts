import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// The web UI of the foundation, in a real browser against a real server: sign-in, the roster import with its
// row-and-column errors, search, the three languages, role-dependent pages, and a lost session.

const SHOTS = 'test-results/screenshots';
/**
 * The README's screenshots are rewritten only when asked (`KITOUT_DOC_SCREENSHOTS=1`): a machine without Hangul
 * fonts would otherwise replace them with boxes.
 */
const DOC_SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1';
const DEMO_INTAKE = 'W-2026-12';
const PEOPLE = 200;

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

const header = 'id,name,name_latin,site,sex';
const goodRows = [
  'N-0001,홍길동,Hong Gildong,NORTH,M',
  'N-0002,김철수,Gim Cheolsu,NORTH,M',
  'N-0003,이영희,I Yeonghui,EAST,F',
  'N-0004,박민수,Bak Minsu,EAST,M',
  'N-0005,최지우,Choe Jiu,NORTH,F',
  'N-0006,정우성,Jeong Useong,NORTH,M',
  'N-0007,강하늘,Gang Haneul,EAST,M',
  'N-0008,윤서연,Yun Seoyeon,NORTH,F',
  'N-0009,장동건,Jang Donggeon,EAST,M',
  'N-0010,한지민,Han Jimin,NORTH,F',
];
/** The same file with two mistakes: file row 3 has no name, file row 5 names a site that does not exist. */
const badRows = goodRows.map((r, i) =>
  i === 1 ? 'N-0002,,Gim Cheolsu,NORTH,M' : i === 3 ? 'N-0004,박민수,Bak Minsu,MARS,M' : r,
);

let server: TestServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kitout-ui-'));
  writeFileSync(join(dir, 'roster-bad.csv'), `${[header, ...badRows].join('\n')}\n`);
  writeFileSync(join(dir, 'roster-fixed.csv'), `${[header, ...goodRows].join('\n')}\n`);
  const many = Array.from(
    { length: 2000 },
    (_, i) => `S-${String(i + 1).padStart(5, '0')},김하늘${i + 1},Gim Haneul,EAST,M`,
  );
  writeFileSync(join(dir, 'roster-2000.csv'), `${[header, ...many].join('\n')}\n`);
  [server, browser] = await Promise.all([startTestServer({ people: PEOPLE }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What a person sees in the element: its rendered text, as the browser lays it out. */
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();
const text = (page: Page, testId: string) => () => seen(page.getByTestId(testId));
const poll = { timeout: 10_000 };

async function signIn(page: Page, username: string): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('kitout-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('whoami').waitFor();
}

/** The body rows of the roster table, each as its cells' text. */
async function rosterRows(page: Page): Promise<string[][]> {
  return page
    .getByTestId('roster-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')),
    );
}

describe('the web UI of the foundation', () => {
  it('signs in, imports a roster with errors, fixes it, searches, and speaks English, Korean and Russian', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const uploadKeys: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/roster'))
        uploadKeys.push(req.headers()['idempotency-key'] ?? '');
    });

    // Not signed in: any page leads to sign-in, in the browser's language.
    await page.goto('/intakes');
    await page.waitForURL('**/sign-in');
    await expect.poll(() => seen(page.locator('h2')), poll).toBe('Sign in');
    await screenshot(page, `${SHOTS}/sign-in-en.png`);

    // A wrong password is named as such and keeps the person on the page.
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await expect.poll(text(page, 'sign-in-error'), poll).toContain('Wrong username or password.');

    // The admin account speaks Russian, and no language was chosen on this device: the UI follows the account.
    await signIn(page, 'admin');
    await page.waitForURL('**/intakes');
    await expect.poll(() => seen(page.locator('.mainnav')), poll).toContain('Наборы');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await seen(page.getByTestId('whoami'))).toContain('Администратор');

    // Choosing English sticks (the Audit log is listed for an admin).
    await page.getByTestId('lang-en').click();
    await expect
      .poll(() => seen(page.locator('.mainnav')), poll)
      .toMatch(/Intakes[\s\S]*Depots[\s\S]*Catalogue[\s\S]*Audit log/);
    expect(await page.evaluate(() => localStorage.getItem('kitout.language'))).toBe('en');
    const intakeRow = page.getByTestId('intakes-table').locator('tbody tr').first();
    await expect.poll(() => seen(intakeRow), poll).toContain('December 1, 2026');
    expect(await seen(intakeRow)).toContain(String(PEOPLE));
    await screenshot(page, `${SHOTS}/intakes-en.png`);

    // Open the demo intake's roster.
    await page.getByRole('link', { name: /Волна декабрь 2026/ }).click();
    await page.waitForURL(`**/intakes/${DEMO_INTAKE}/roster`);
    await expect.poll(text(page, 'intake-people'), poll).toBe('200');
    await expect.poll(text(page, 'pager-range'), poll).toBe('1–50 of 200');
    expect(await rosterRows(page)).toHaveLength(50);
    expect((await rosterRows(page))[0]).toEqual([
      'P-000001',
      expect.stringMatching(/^\p{Script=Hangul}{3}$/u),
      expect.stringMatching(/^[A-Z][a-z]* [A-Z][a-z]+$/),
      expect.stringMatching(/полигон$/),
    ]);

    // Paging: the second page starts at the 51st person.
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect.poll(text(page, 'pager-range'), poll).toBe('51–100 of 200');
    await expect.poll(async () => (await rosterRows(page))[0]?.[0], poll).toBe('P-000051');
    expect(page.url()).toContain('page=2');
    await page.getByRole('button', { name: /^‹ Previous/ }).click();
    await expect.poll(text(page, 'pager-range'), poll).toBe('1–50 of 200');

    // A file with two bad rows: both problems named by row and column, nothing imported. The import panel
    // starts folded away on a roster that already has people.
    const panel = page.getByTestId('import-panel');
    expect(await panel.getAttribute('open')).toBeNull();
    await panel.locator('summary').click();
    await page.getByTestId('roster-upload').waitFor();
    await page.getByTestId('roster-file').setInputFiles(join(dir, 'roster-bad.csv'));
    await expect.poll(text(page, 'chosen-file'), poll).toContain('roster-bad.csv');
    await page.getByTestId('roster-upload').click();
    const importErrors = page.getByTestId('import-errors');
    await expect.poll(() => seen(importErrors), poll).toContain('Nothing was imported: 2 problems to fix');
    const issueLines = await importErrors.locator('li').allInnerTexts();
    expect(issueLines).toEqual([
      'Row 3, column name: missing name',
      'Row 5, column site: unknown site "MARS"',
    ]);
    expect(await seen(page.getByTestId('intake-people'))).toBe('200');
    await screenshot(page, `${SHOTS}/import-errors-en.png`);

    // The same answer in Korean: where the problem is, in Korean word order; the reason as the server gave it.
    await page.getByTestId('lang-ko').click();
    await expect
      .poll(() => importErrors.locator('li').allInnerTexts(), poll)
      .toEqual(['3행, name 열: 이름이 비어 있습니다', '5행, site 열: 알 수 없는 장소 "MARS"']);
    expect(await seen(importErrors)).toContain('가져오지 못했습니다: 고칠 문제 2건');
    expect(await seen(page.locator('.mainnav'))).toMatch(
      /입소 차수[\s\S]*명단[\s\S]*창고[\s\S]*품목[\s\S]*감사 로그/,
    );
    expect(await seen(page.getByTestId('roster-table').locator('thead'))).toMatch(
      /번호\s+이름\s+영문 이름\s+장소/,
    );
    expect(await seen(page.getByTestId('pager-range'))).toBe('전체 200명 중 1–50');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await screenshot(page, `${SHOTS}/import-errors-ko.png`);
    if (DOC_SHOTS) await screenshot(page, 'docs/screenshots/import-errors-ko.png');
    await screenshot(page, `${SHOTS}/roster-ko.png`);

    // The fixed file goes in whole, and the count rises.
    await page.getByTestId('roster-file').setInputFiles(join(dir, 'roster-fixed.csv'));
    await page.getByTestId('roster-upload').click();
    await expect.poll(text(page, 'import-result'), poll).toContain('10명을 가져왔습니다');
    expect(await importErrors.count()).toBe(0);
    await expect.poll(text(page, 'intake-people'), poll).toBe('210');
    await expect.poll(text(page, 'pager-range'), poll).toBe('전체 210명 중 1–50');

    // Back to English for the search.
    await page.getByTestId('lang-en').click();
    await expect.poll(text(page, 'import-result'), poll).toContain('10 people imported');
    await screenshot(page, `${SHOTS}/import-done-en.png`);

    // Search by a Korean name, then by id, then by part of a Latin name; nothing for a name nobody has.
    const search = page.getByTestId('roster-search');
    await search.fill('홍길동');
    await expect.poll(text(page, 'pager-range'), poll).toBe('1–1 of 1');
    expect(await rosterRows(page)).toEqual([['N-0001', '홍길동', 'Hong Gildong', 'Северный полигон']]);
    expect(page.url()).toContain(`q=${encodeURIComponent('홍길동')}`);
    await search.fill('P-000150');
    await expect.poll(async () => (await rosterRows(page)).map((r) => r[0]), poll).toEqual(['P-000150']);
    await search.fill('Gildong');
    await expect.poll(async () => (await rosterRows(page)).map((r) => r[0]), poll).toEqual(['N-0001']);
    await search.fill('Nobody-such');
    await expect.poll(text(page, 'roster-empty'), poll).toBe('No one matches “Nobody-such”.');
    await search.fill('');
    await expect.poll(text(page, 'pager-range'), poll).toBe('1–50 of 210');
    await screenshot(page, `${SHOTS}/roster-en.png`);

    // Russian: labels, numbers and the import panel.
    await page.getByTestId('lang-ru').click();
    await expect
      .poll(() => seen(page.locator('.mainnav')), poll)
      .toMatch(/Наборы[\s\S]*Список[\s\S]*Склады[\s\S]*Каталог[\s\S]*Журнал действий/);
    expect(await seen(page.getByTestId('roster-table').locator('thead'))).toMatch(
      /Номер\s+Имя\s+Имя латиницей\s+Площадка/,
    );
    expect(await seen(page.getByTestId('import-panel').locator('h2'))).toBe('Загрузка списка');
    expect(await seen(page.getByTestId('import-result'))).toContain('Добавлено 10 человек');
    expect(await seen(page.getByTestId('pager-range'))).toBe('1–50 из 210');
    expect(await seen(page.locator('label.search-field > span'))).toBe('Поиск');
    expect(await seen(page.getByTestId('sign-out'))).toBe('Выйти');
    await screenshot(page, `${SHOTS}/roster-ru.png`);
    // The README shot: the roster at rest, without the import answer.
    await page.reload();
    await expect.poll(text(page, 'pager-range'), poll).toBe('1–50 из 210');
    if (DOC_SHOTS) await screenshot(page, 'docs/screenshots/roster-ru.png');

    // The other pages, in the current language.
    await page.getByRole('link', { name: 'Каталог' }).click();
    await expect.poll(() => seen(page.getByTestId('catalogue')), poll).toContain('Куртка');
    expect(await seen(page.getByTestId('catalogue'))).toContain('48-4');
    await page.getByTestId('lang-ko').click();
    await expect.poll(() => seen(page.getByTestId('catalogue')), poll).toContain('야전상의');
    await screenshot(page, `${SHOTS}/catalogue-ko.png`);
    await page.getByTestId('lang-ru').click();
    await page.getByRole('link', { name: 'Склады' }).click();
    await expect
      .poll(() => seen(page.getByTestId('depots-table')), poll)
      .toContain('Центральный — обслуживает все площадки');
    await screenshot(page, `${SHOTS}/depots-ru.png`);
    await page.getByRole('link', { name: 'Журнал действий' }).click();
    const audit = page.getByTestId('audit-table');
    await expect.poll(() => seen(audit.locator('tbody tr').first()), poll).toMatch(/admin\s+Загружен список/);
    expect(await seen(audit)).toContain(DEMO_INTAKE);
    await screenshot(page, `${SHOTS}/audit-ru.png`);

    // The session ends behind the page's back: the next request answers 401 and the app returns to sign-in,
    // then takes the person back where they were going.
    await context.clearCookies();
    await page.getByRole('link', { name: 'Склады' }).click();
    await page.waitForURL('**/sign-in');
    expect(await seen(page.locator('h2'))).toBe('Вход');
    await signIn(page, 'admin');
    await page.waitForURL('**/depots');
    await page.getByTestId('depots-table').waitFor();

    // Signing out ends the session on the server too.
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/sign-in');
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);

    // Each chosen file went up with its own idempotency key.
    expect(uploadKeys).toHaveLength(2);
    for (const key of uploadKeys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uploadKeys[0]).not.toBe(uploadKeys[1]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a storekeeper the records but not the import or the audit log', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ko-KR' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`/intakes/${DEMO_INTAKE}/roster`);
    await page.waitForURL('**/sign-in');
    // The browser says Korean and nobody is signed in yet.
    await expect.poll(() => seen(page.locator('h2')), poll).toBe('로그인');
    await signIn(page, 'store');
    await page.waitForURL(`**/intakes/${DEMO_INTAKE}/roster`);
    // The storekeeper's account speaks Russian, and this device has no language chosen: Russian it is.
    await expect.poll(text(page, 'pager-range'), poll).toMatch(/^1–50 из \d+$/);
    expect(await page.getByTestId('import-panel').count()).toBe(0);
    expect(await seen(page.locator('.mainnav'))).not.toMatch(/Audit log|Журнал действий|감사 로그/);
    await page.goto('/audit');
    await expect
      .poll(() => seen(page.locator('h1')), poll)
      .toMatch(/Not for your role|Недоступно для вашей роли|현재 역할로 볼 수 없는 페이지/);
    // Nor can the intakes page offer to create one.
    await page.goto('/intakes');
    await page.getByTestId('intakes-table').waitFor();
    expect(await page.getByTestId('new-intake').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a planner open an intake, see the field the server refuses, and import with a progress bar', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'en-GB' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto('/sign-in');
    await signIn(page, 'planner');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('new-intake').click();
    const form = page.getByTestId('new-intake-form');
    await form.getByLabel('Intake code').fill(DEMO_INTAKE);
    await form.getByLabel('Name').fill('Duplicate');
    await form.getByLabel('Start date').fill('2027-03-01');
    await form.getByRole('button', { name: 'Create intake' }).click();
    // The id is taken: the server's refusal is shown, not swallowed.
    const refusal = form.getByRole('alert');
    await expect
      .poll(() => refusal.locator('li').allInnerTexts(), poll)
      .toEqual(['Intake code: an intake "W-2026-12" exists already']);
    expect(await seen(refusal.locator('.notice-title'))).toBe('Please check what you entered.');
    await form.getByLabel('Intake code').fill('W-2027-03');
    await form.getByLabel('Name').fill('Spring wave 2027');
    await form.getByRole('button', { name: 'Create intake' }).click();
    await page.waitForURL('**/intakes/W-2027-03/roster');
    await expect.poll(text(page, 'roster-empty'), poll).toBe('No one is on this roster yet.');
    expect(await seen(page.getByTestId('intake-people'))).toBe('0');
    // An empty roster opens the import panel by itself: a file is what this intake needs next.
    expect(await page.getByTestId('import-panel').getAttribute('open')).not.toBeNull();

    // A planner imports too. Over a slow link the bar shows how much is sent.
    await page.getByTestId('roster-file').setInputFiles(join(dir, 'roster-2000.csv'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 40_000,
    });
    await page.getByTestId('roster-upload').click();
    await page.waitForFunction(() => {
      const now = Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'));
      return now > 0 && now < 100;
    });
    expect(await seen(page.getByTestId('import-progress'))).toMatch(/Sending… \d+%/);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await expect.poll(text(page, 'import-result'), poll).toContain('2,000 people imported');
    await expect.poll(text(page, 'intake-people'), poll).toBe('2,000');
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(await seen(page.locator('.facts'))).toContain('1 March 2027');
    expect(errors).toEqual([]);
    await context.close();
  });
});
