import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

// The stock pages in a real browser against a real server: a storekeeper receives a grid of boots, moves some to
// another depot and takes them in, counts with a variance, reads the ledger and reverses a movement, imports and
// exports; a planner opens the plan of the demo intake.

const SHOTS = 'test-results/screenshots';
/** The README's screenshot is rewritten only when asked, as in the foundation test. */
const DOC_SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1';
const DEMO_INTAKE = 'W-2026-12';

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

let server: TestServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kitout-stock-ui-'));
  writeFileSync(
    join(dir, 'stock-bad.csv'),
    'depot,item,size,qty\nD-EAST,boots,280,4\nD-EAST,helmet,M,2\nD-EAST,boots,281,1\n',
  );
  writeFileSync(
    join(dir, 'stock-good.csv'),
    'depot,item,size,qty,document\nD-EAST,boots,280,4,DN-2\nD-EAST,cap,57,12,DN-2\n',
  );
  [server, browser] = await Promise.all([startTestServer({ people: 120 }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();
const text = (page: Page, testId: string) => () => seen(page.getByTestId(testId));
const poll = { timeout: 10_000 };

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('kitout-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('whoami').waitFor();
}

/** The large "available" number of one grid cell. */
const available = (page: Page, size: string, depot: string) => () =>
  seen(page.getByTestId(`cell-${size}-${depot}`).locator('.grid-available'));

const ru = (n: number) => new Intl.NumberFormat('ru').format(n);

interface Cell {
  onHand: number;
  available: number;
  inTransit: number;
}

/** Boots in one depot, size by size, straight from the API: what the ledger says now (the demo seeds opening stock). */
async function boots(depot: string): Promise<Map<string, Cell>> {
  const cookie = await signInCookie(server.app, 'store');
  const res = await server.app.request(`/api/stock/balances?depot=${depot}&item=boots`, {
    headers: { cookie },
  });
  const { balances } = (await res.json()) as { balances: (Cell & { size: string })[] };
  return new Map(balances.map((b) => [b.size, b]));
}
const cell = (m: Map<string, Cell>, size: string): Cell =>
  m.get(size) ?? { onHand: 0, available: 0, inTransit: 0 };

describe('the stock pages', () => {
  it('receives a grid, transfers and takes in, counts, reads and reverses the ledger, imports and exports', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const batchKeys: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/stock/batch'))
        batchKeys.push(req.headers()['idempotency-key'] ?? '');
    });
    const north0 = await boots('D-NORTH');
    const east0 = await boots('D-EAST');

    // The storekeeper's account speaks Russian; stock is in the navigation.
    await signIn(page, 'store');
    await page.getByRole('link', { name: 'Запасы' }).click();
    await page.waitForURL('**/stock');
    await page.getByTestId('stock-item').selectOption('boots');
    const grid = page.getByTestId('stock-grid');
    await expect
      .poll(() => grid.locator('tbody th').allInnerTexts(), poll)
      .toEqual(['240', '245', '250', '255', '260', '265', '270', '275', '280', '285', '290', '295', '300']);
    expect(await seen(grid.locator('thead'))).toMatch(
      /Центральный склад[\s\S]*Склад «Восточный»[\s\S]*Склад «Северный»[\s\S]*Итого/,
    );
    await expect.poll(available(page, '270', 'D-NORTH'), poll).toBe(ru(cell(north0, '270').available));
    // Every cell is coloured by what it has available: none, fewer than the threshold (5), or enough.
    for (const [size, b] of north0) {
      const level = b.available <= 0 ? 'level-none' : b.available < 5 ? 'level-low' : 'level-ok';
      expect(await page.getByTestId(`cell-${size}-D-NORTH`).getAttribute('class')).toContain(level);
    }

    // Receive a grid of sizes into the northern depot.
    await page.getByTestId('mode-receipt').click();
    const received: Record<string, number> = { '260': 10, '265': 20, '270': 15, '275': 3 };
    for (const [size, qty] of Object.entries(received))
      await page.getByTestId(`entry-${size}-D-NORTH`).fill(String(qty));
    // A typo is caught before anything is sent.
    await page.getByTestId('entry-280-D-NORTH').fill('4,5');
    await page.getByTestId('entry-note').fill('ТН-0001');
    await page.getByTestId('entry-save').click();
    await expect.poll(text(page, 'entry-invalid'), poll).toBe('1 ячейка — не целое число.');
    expect(batchKeys).toEqual([]);
    await page.getByTestId('entry-280-D-NORTH').fill('');
    expect(await seen(page.getByTestId('entry-save'))).toBe('Сохранить 4 строки');
    await screenshot(page, `${SHOTS}/stock-receive-ru.png`);
    // The first save never reaches the server; the retry of the same grid carries the same key, so it cannot
    // post twice.
    await page.route('**/api/stock/batch', (route) => route.abort('connectionreset'), { times: 1 });
    await page.getByTestId('entry-save').click();
    await expect.poll(text(page, 'entry-error'), poll).toContain('Нет связи с сервером');
    await page.getByTestId('entry-save').click();
    await expect.poll(text(page, 'entry-saved'), poll).toBe('Проведено 4 прихода.');
    expect(batchKeys).toHaveLength(2);
    expect(batchKeys[1]).toBe(batchKeys[0]);
    const north1 = await boots('D-NORTH');
    for (const [size, qty] of Object.entries(received))
      expect(cell(north1, size).onHand).toBe(cell(north0, size).onHand + qty);
    await expect.poll(available(page, '270', 'D-NORTH'), poll).toBe(ru(cell(north1, '270').available));

    // Count mode on the same grid: Enter walks down the column, and a count needs a reason.
    await page.getByTestId('mode-count').click();
    const found240 = cell(north1, '240').onHand + 1;
    await page.getByTestId('entry-240-D-NORTH').fill(String(found240));
    await page.getByTestId('entry-240-D-NORTH').press('Enter');
    expect(await page.getByTestId('entry-245-D-NORTH').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    expect(await page.getByTestId('entry-save').isDisabled()).toBe(true);
    expect(await seen(page.getByTestId('entry-needs-reason'))).toBe('Для пересчёта нужно основание.');
    await page.getByTestId('entry-note').fill('Найдена коробка');
    await page.getByTestId('entry-save').click();
    await expect.poll(text(page, 'entry-saved'), poll).toMatch(/^Проведён 1 пересчёт\./);
    expect(await seen(page.getByTestId('variances'))).toBe(
      'Расхождения: Ботинки, размер 240 (Склад «Северный»): +1',
    );
    expect(batchKeys).toHaveLength(3);
    expect(batchKeys[2]).not.toBe(batchKeys[0]);

    // Transfer: asking for more than is there is refused with the rule and the server's sentence.
    const have = cell(north1, '270').available;
    const transfer = page.getByTestId('transfer-form');
    await transfer.getByTestId('transfer-item').selectOption('boots');
    await transfer.getByTestId('transfer-size').selectOption('270');
    await transfer.getByTestId('transfer-from').selectOption('D-NORTH');
    await transfer.getByTestId('transfer-to').selectOption('D-EAST');
    expect(await seen(page.getByTestId('transfer-available'))).toBe(`Доступно там: ${ru(have)}`);
    await transfer.getByTestId('transfer-qty').fill(String(have + 40));
    await transfer.getByTestId('transfer-send').click();
    const refusal = page.getByTestId('transfer-error');
    await expect.poll(() => seen(refusal.locator('.notice-title')), poll).toBe('Отказано: не хватает запаса');
    expect(await seen(refusal)).toContain(`${have} of boots 270 at D-NORTH available, ${have + 40} asked`);
    await transfer.getByTestId('transfer-qty').fill('6');
    await transfer.getByTestId('transfer-send').click();
    await expect.poll(text(page, 'transfer-done'), poll).toBe('6 × Ботинки 270 в пути на Склад «Восточный».');
    await expect.poll(available(page, '270', 'D-NORTH'), poll).toBe(ru(have - 6));
    const inTransit = cell(east0, '270').inTransit + 6;
    expect(await seen(page.getByTestId('cell-270-D-EAST'))).toContain(`в пути ${ru(inTransit)}`);
    await page.getByTestId('stock-depot').selectOption('D-NORTH');
    await expect.poll(() => grid.locator('thead th').count(), poll).toBe(2);
    await page.getByTestId('stock-depot').selectOption('');
    await expect.poll(() => grid.locator('thead th').count(), poll).toBe(5);
    await page.getByTestId('transfer-form').evaluate((el) => el.scrollIntoView());
    await screenshot(page, `${SHOTS}/stock-transfer-ru.png`);
    // The grid as a storekeeper opens it, after the transfer: some sizes low, some on their way.
    await page.reload();
    await expect.poll(available(page, '270', 'D-NORTH'), poll).toBe(ru(have - 6));
    await screenshot(page, `${SHOTS}/stock-grid-ru.png`);
    if (DOC_SHOTS) await screenshot(page, 'docs/screenshots/stock-ru.png');

    // Four of the six arrive; the rest stays in transit.
    const arriving = page.getByTestId('transit-boots-270-D-EAST');
    expect(await arriving.locator('input').inputValue()).toBe(String(inTransit));
    await arriving.locator('input').fill('4');
    await arriving.getByTestId('transit-receive').click();
    await expect.poll(text(page, 'transit-done'), poll).toBe('4 × Ботинки 270 принято на Склад «Восточный».');
    await expect.poll(available(page, '270', 'D-EAST'), poll).toBe(ru(cell(east0, '270').available + 4));
    expect(await seen(page.getByTestId('cell-270-D-EAST'))).toContain(`в пути ${ru(inTransit - 4)}`);

    // Count the northern depot's boots on its count sheet: 265 is two short.
    const expected265 = cell(north1, '265').onHand;
    await page.goto('/stock/count?depot=D-NORTH&item=boots');
    const sheet = page.getByTestId('count-sheet');
    await expect.poll(() => sheet.locator('tbody tr').count(), poll).toBe(13);
    expect(await seen(sheet.locator('tbody tr').nth(5))).toMatch(
      new RegExp(`^6\\s+Ботинки\\s+265\\s+${ru(expected265)}\\s*$`),
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await sheet.locator('input').first().isVisible()).toBe(false);
    expect(await seen(sheet)).toMatch(/Пересчитал[\s\S]*Проверил[\s\S]*Дата/);
    await screenshot(page, `${SHOTS}/count-sheet-print-ru.png`);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('count-boots-260').fill(String(cell(north1, '260').onHand));
    await page.getByTestId('count-boots-265').fill(String(expected265 - 2));
    expect(await page.getByTestId('count-save').isDisabled()).toBe(true);
    await page.getByTestId('count-reason').fill('Ежемесячная инвентаризация');
    await page.getByTestId('count-save').click();
    await expect.poll(() => seen(page.getByTestId('count-done')), poll).toContain('Проведено 2 пересчёта.');
    expect(await page.getByTestId('count-variances').locator('li').allInnerTexts()).toEqual([
      'Ботинки, размер 265 (Склад «Северный»): \u22122',
    ]);
    expect(cell(await boots('D-NORTH'), '265').onHand).toBe(expected265 - 2);
    await screenshot(page, `${SHOTS}/count-sheet-ru.png`);

    // The ledger, newest first: the counts on top, each with what it did.
    await page.locator('.mainnav').getByRole('link', { name: 'Запасы' }).click();
    await page.getByRole('link', { name: 'Журнал движений' }).click();
    const ledger = page.getByTestId('ledger-table');
    const row = (i: number) => ledger.locator('tbody tr').nth(i);
    await expect.poll(() => seen(row(0)), poll).toMatch(/Инвентаризация[\s\S]*Ботинки 265/);
    expect(await seen(row(0))).toContain('на складе \u22122');
    expect(await seen(row(0))).toContain('Ежемесячная инвентаризация');
    expect(await seen(row(1))).toMatch(/Инвентаризация[\s\S]*без изменений/);
    expect(await seen(row(2))).toMatch(/Приём перемещения[\s\S]*на складе \+4\s+в пути \u22124/);
    expect(await seen(row(3))).toMatch(
      /Отправка[\s\S]*Склад «Северный» ⇄ Склад «Восточный»[\s\S]*на складе \u22126\s+Склад «Восточный»: в пути \+6/,
    );
    expect(await seen(row(4))).toMatch(
      /Инвентаризация[\s\S]*Ботинки 240[\s\S]*на складе \+1[\s\S]*Найдена коробка/,
    );
    expect(await seen(row(5))).toMatch(/Приход[\s\S]*Ботинки 275[\s\S]*на складе \+3[\s\S]*документ ТН-0001/);
    // Paging by id: the seeded opening stock fills more than one page.
    const lastOnFirst = await ledger.locator('tbody tr').last().getAttribute('data-testid');
    await page.getByTestId('ledger-older').click();
    await expect.poll(() => seen(page.locator('.pager-range')), poll).toBe('Страница 2');
    const firstOnSecond = await ledger.locator('tbody tr').first().getAttribute('data-testid');
    expect(Number(firstOnSecond?.slice(9))).toBeLessThan(Number(lastOnFirst?.slice(9)));
    // A depot filter shows that depot's movements and the transfers that touch it.
    await page.getByTestId('ledger-depot').selectOption('D-EAST');
    await expect.poll(() => seen(page.locator('.pager-range')), poll).toBe('Страница 1');
    await expect.poll(() => seen(row(0)), poll).toContain('Приём перемещения');
    expect(await seen(row(1))).toContain('Отправка');
    await page.getByTestId('ledger-depot').selectOption('');
    await expect.poll(() => seen(row(0)), poll).toContain('Ежемесячная инвентаризация');

    // Reverse the count of 265: on hand goes back.
    await row(0).getByTestId('reverse').click();
    await page.getByTestId('reverse-reason').fill('Пересчитали повторно');
    await page.getByTestId('reverse-confirm').click();
    await expect.poll(() => seen(row(0)), poll).toMatch(/сторно № \d+/);
    expect(await seen(row(0))).toContain('на складе +2');
    expect(cell(await boots('D-NORTH'), '265').onHand).toBe(expected265);
    // Neither the reversal nor the reversed count offers another reversal.
    expect(await row(0).getByTestId('reverse').count()).toBe(0);
    expect(await seen(row(1))).toContain('сторнировано');
    expect(await row(1).getByTestId('reverse').count()).toBe(0);
    await screenshot(page, `${SHOTS}/ledger-ru.png`);

    // Import: a file with two bad rows is refused whole, each problem by row and column; the fixed file goes in.
    await page.getByTestId('stock-import').locator('summary').click();
    await page.getByTestId('stock-file').setInputFiles(join(dir, 'stock-bad.csv'));
    await page.getByTestId('stock-upload').click();
    const importErrors = page.getByTestId('stock-import-errors');
    await expect
      .poll(() => seen(importErrors.locator('.notice-title')), poll)
      .toBe('Ничего не проведено: исправьте 2 ошибки');
    expect(await importErrors.locator('li').allInnerTexts()).toEqual([
      'Строка 3, столбец item: неизвестный предмет «helmet»',
      'Строка 4, столбец size: в каталоге нет размера «281» для boots',
    ]);
    await page.getByTestId('stock-file').setInputFiles(join(dir, 'stock-good.csv'));
    await page.getByTestId('stock-upload').click();
    await expect.poll(text(page, 'stock-import-result'), poll).toContain('Проведено 2 строки, единиц: 16');
    await expect.poll(() => seen(row(0)), poll).toMatch(/Приход[\s\S]*Кепи 57/);

    // Export: real downloads.
    const csv = await page.request.get(
      (await page.getByTestId('export-balances-csv').getAttribute('href')) ?? '',
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^\uFEFF?depot,item,size/);
    const xlsx = await page.request.get(
      (await page.getByTestId('export-ledger-xlsx').getAttribute('href')) ?? '',
    );
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // The same ledger and grid in Korean.
    await page.getByTestId('lang-ko').click();
    await expect.poll(() => seen(ledger.locator('thead')), poll).toMatch(/이동\s+시각\s+품목/);
    expect(await seen(row(0))).toMatch(/입고[\s\S]*전투모 57/);
    await screenshot(page, `${SHOTS}/ledger-ko.png`);
    await page.locator('.mainnav').getByRole('link', { name: '재고', exact: true }).click();
    await page.getByTestId('stock-item').selectOption('boots');
    await expect.poll(available(page, '265', 'D-NORTH'), poll).toBe(ru(cell(north1, '265').available));
    expect(await seen(page.getByTestId('cell-270-D-EAST'))).toContain(`이송 중 ${inTransit - 4}`);
    await screenshot(page, `${SHOTS}/stock-grid-ko.png`);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a planner the plan of the demo intake, with its chart, and saves entitlements', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, 'planner');
    await page.goto(`/intakes/${DEMO_INTAKE}/roster`);
    await page.getByTestId('open-plan').click();
    await page.waitForURL(`**/intakes/${DEMO_INTAKE}/plan`);
    const rows = page.getByTestId('plan-rows');
    await expect.poll(() => rows.locator('tbody tr').count(), poll).toBeGreaterThan(10);
    expect(await seen(page.getByTestId('plan-facts'))).toMatch(/Численность\s+120/);
    expect(await seen(rows.locator('thead'))).toMatch(
      /Предмет\s+Размер\s+Потребность\s+Доступно\s+В пути\s+Не хватает/,
    );
    // Shortages stand out, and the buy list adds up.
    const short = rows.locator('tbody tr.is-short');
    expect(await short.count()).toBeGreaterThan(0);
    await page.getByText('Только нехватка').click();
    await expect.poll(() => rows.locator('tbody tr').count(), poll).toBe(await short.count());
    // The chart of the chosen item: one bar group per catalogue size, labels in the reader's language.
    await page.getByTestId('plan-item').selectOption('boots');
    const chart = page.getByTestId('plan-chart');
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count(), poll).toBeGreaterThan(0);
    expect(await seen(chart.locator('.recharts-legend-wrapper'))).toMatch(
      /Потребность[\s\S]*Доступно[\s\S]*В пути/,
    );
    // Polled: recharts lays the axis out after the first bars appear.
    await expect
      .poll(() => chart.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count(), poll)
      .toBe(13);
    await page.mouse.move(0, 0);
    await screenshot(page, `${SHOTS}/planning-ru.png`);
    await page.getByTestId('plan-transfers').evaluate((el) => el.scrollIntoView());
    await screenshot(page, `${SHOTS}/planning-lists-ru.png`);

    // Entitlements: two pairs of boots each doubles the boots demand.
    const demandOf = async () => {
      const cookie = await signInCookie(server.app, 'planner');
      const res = await server.app.request(`/api/intakes/${DEMO_INTAKE}/plan`, { headers: { cookie } });
      const plan = (await res.json()) as { rows: { item: string; demand: number }[] };
      return plan.rows.filter((r) => r.item === 'boots').reduce((s, r) => s + r.demand, 0);
    };
    const before = await demandOf();
    await page.getByTestId('entitlements').locator('summary').click();
    await expect.poll(() => page.getByTestId('entitlement-boots').inputValue(), poll).toBe('1');
    await page.getByTestId('entitlement-boots').fill('2');
    await page.getByTestId('entitlements-save').click();
    await expect.poll(() => seen(page.getByTestId('entitlements')), poll).toContain('Сохранено');
    expect(await demandOf()).toBe(before * 2);

    await page.getByTestId('lang-ko').click();
    await expect.poll(() => seen(rows.locator('thead')), poll).toMatch(/품목\s+치수\s+수요/);
    await screenshot(page, `${SHOTS}/planning-ko.png`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an issuer read stock but not post or open the ledger', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'issuer');
    await page.goto('/stock?item=boots');
    await page.getByTestId('stock-grid').waitFor();
    expect(await page.getByTestId('mode-receipt').count()).toBe(0);
    expect(await page.getByTestId('transfer-form').count()).toBe(0);
    await page.goto('/stock/ledger');
    await expect.poll(() => seen(page.getByRole('alert').first()), poll).toMatch(/роль|role|역할/);
    await context.close();
  });
});
