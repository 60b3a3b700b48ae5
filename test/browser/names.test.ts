import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/context.ts';
import { importRoster } from '../../src/services/roster-import.ts';
import { DEMO_INTAKE } from '../../src/services/seed.ts';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { csv } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// The scene Kitout is built for: a Russian-reading issuer, people who write their names in Hangul. The issuer
// reads each name in Cyrillic beside the Hangul, types what they heard, and opens the right person.

const SHOTS = 'test-results/screenshots';
/** The README's screenshot is rewritten only when asked, as in the foundation test (fonts differ by machine). */
const DOC_SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1';

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

/** Names one sound apart from 김철수, and a Koryo-saram whose roster spells the name its own way. */
const SIMILAR: string[][] = [
  ['id', 'name', 'name_latin', 'name_cyrillic', 'site', 'unit'],
  ['N-001', '김철수', '', '', 'NORTH', '2-й взвод'],
  ['N-002', '김철민', '', '', 'NORTH', ''],
  ['N-003', '김춘수', '', '', 'EAST', ''],
  ['N-004', '김청수', '', '', 'EAST', ''],
  ['N-005', '박철수', '', '', 'NORTH', ''],
  ['N-006', '최철수', 'Choi Cheolsu', 'Цой Чер Су', 'EAST', ''],
  ['N-007', '이철수', '', '', 'NORTH', ''],
];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ people: 120 }), launchBrowser()]);
  await importRoster(server.ctx, SYSTEM_ACTOR, {
    intakeId: DEMO_INTAKE.id,
    fileName: 'similar.csv',
    stream: Readable.from([csv(SIMILAR)]),
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();
const poll = { timeout: 10_000 };

/** Each body row of the roster table: id, the name as written, the reader's form beside it, Latin, site. */
async function rosterRows(page: Page) {
  return page
    .getByTestId('roster-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll('td');
        return {
          id: cells[0]?.textContent?.trim() ?? '',
          own: tr.querySelector('.person-name-own')?.textContent ?? '',
          reader: tr.querySelector('.person-name-reader')?.textContent ?? null,
          latin: cells[2]?.textContent?.trim() ?? '',
        };
      }),
    );
}

/** Types a query the way a person does and waits until the roster shows the server's answer to it. */
async function searchFor(page: Page, q: string) {
  const answered = page.waitForResponse(
    (res) => res.url().includes('/people?') && new URL(res.url()).searchParams.get('q') === q,
  );
  await page.getByTestId('roster-search').fill(q);
  await answered;
  await expect.poll(() => page.getByTestId('roster-table').getAttribute('aria-busy'), poll).toBe('false');
  return rosterRows(page);
}

describe('names across scripts in the web UI', () => {
  it('lets a Russian-reading issuer find a person by what they heard, in Cyrillic, and open them', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`/intakes/${DEMO_INTAKE.id}/roster`);
    await page.waitForURL('**/sign-in');
    await page.locator('input[name="username"]').fill('issuer');
    await page.locator('input[name="password"]').fill('kitout-demo');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`**/intakes/${DEMO_INTAKE.id}/roster`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    // Every Hangul name has its Cyrillic (Kontsevich) form beside it; the roster's own spelling wins.
    await expect.poll(async () => (await rosterRows(page)).length, poll).toBe(50);
    const rows = await rosterRows(page);
    expect(rows[0]).toEqual({ id: 'N-001', own: '김철수', reader: 'Ким Чхольсу', latin: 'Kim Cheolsu' });
    expect(rows.find((r) => r.id === 'N-006')).toMatchObject({ reader: 'Цой Чер Су', latin: 'Choi Cheolsu' });
    for (const row of rows) {
      expect(row.own, row.id).toMatch(/^\p{Script=Hangul}+$/u);
      expect(row.reader, row.id).toMatch(
        /^\p{Script=Cyrillic}+ \p{Script=Cyrillic}+( \p{Script=Cyrillic}+)?$/u,
      );
    }
    expect(await page.locator('.person-name-reader').first().getAttribute('lang')).toBe('ru');
    // The shot shows the search box and the table's first rows rather than the intake's heading.
    await page
      .locator('label.search-field')
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 24));
    await screenshot(page, `${SHOTS}/names-ru.png`);
    if (DOC_SHOTS) await screenshot(page, 'docs/screenshots/names-ru.png');

    // The issuer heard "Ким Чхоль…" and types it: 김철수 comes first, the other 김철X next.
    const found = await searchFor(page, 'Ким Чхоль');
    expect(found[0]?.id).toBe('N-001');
    expect(found.length).toBeLessThan(50);
    expect(found.map((r) => r.id)).not.toContain('N-006');
    await screenshot(page, `${SHOTS}/names-search-ru.png`);

    // Opening the person: the name in both scripts, the number, the site, each spelling with its source.
    await page.getByTestId('roster-table').locator('tbody tr').first().getByRole('link').click();
    await page.waitForURL('**/people/N-001');
    const heading = page.getByTestId('person-heading');
    await expect.poll(() => seen(heading), poll).toMatch(/김철수\s+Ким Чхольсу/);
    expect(await seen(page.getByTestId('person-id'))).toBe('N-001');
    expect(await seen(page.getByTestId('person-site'))).toBe('Северный полигон');
    const spellings = await seen(page.getByTestId('person-spellings'));
    expect(spellings).toMatch(/Имя кириллицей\s+Ким Чхольсу\s+Система Концевича/);
    expect(spellings).toMatch(/Имя латиницей\s+Kim Cheolsu\s+Новая романизация/);
    expect(await seen(page.locator('.person-page'))).toContain('2-й взвод');
    expect(await seen(page.getByTestId('person-kit'))).toContain('имущества');
    await screenshot(page, `${SHOTS}/person-ru.png`);

    // Back to the roster: the search is still there. The roster's own Cyrillic spelling finds its person.
    await page.goBack();
    await expect.poll(() => page.getByTestId('roster-search').inputValue(), poll).toBe('Ким Чхоль');
    expect((await searchFor(page, 'Цой Чер Су'))[0]?.id).toBe('N-006');
    await page.getByTestId('roster-table').locator('tbody tr').first().getByRole('link').click();
    await page.waitForURL('**/people/N-006');
    await expect.poll(() => seen(page.getByTestId('person-heading')), poll).toMatch(/최철수\s+Цой Чер Су/);
    expect(await seen(page.getByTestId('person-spellings'))).toMatch(/Цой Чер Су\s+Как записано в списке/);

    // The same page read in English: Latin beside the Hangul; in Korean, the Hangul alone.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => seen(page.getByTestId('person-heading')), poll).toMatch(/최철수\s+Choi Cheolsu/);
    await page.getByTestId('lang-ko').click();
    await expect.poll(() => seen(page.getByTestId('person-heading')), poll).toBe('최철수');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds people from Hangul and Latin too, and says when no one matches', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto('/sign-in');
    await page.locator('input[name="username"]').fill('issuer');
    await page.locator('input[name="password"]').fill('kitout-demo');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('whoami').waitFor();
    for (const q of ['김철', 'Kim Chol', 'Kim Cheolsu']) {
      await page.goto(`/intakes/${DEMO_INTAKE.id}/roster?q=${encodeURIComponent(q)}`);
      await expect.poll(async () => (await rosterRows(page))[0]?.id, poll).toBe('N-001');
    }
    await page.goto(`/intakes/${DEMO_INTAKE.id}/roster?q=${encodeURIComponent('Зззззз')}`);
    await expect.poll(() => seen(page.getByTestId('roster-empty')), poll).toContain('Зззззз');
    // A person id nobody has: the person page says so instead of failing.
    await page.goto('/people/NOBODY-1');
    await expect.poll(() => seen(page.locator('.page')), poll).toMatch(/NOBODY-1/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
