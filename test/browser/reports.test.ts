import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

// The report pages in a real browser: an intake where 160 of 200 people answered over a day and a half, an
// accepted allocation, and 60 people kitted through the ledger. Each dashboard is opened in Russian and Korean,
// its figures checked against the API, a figure drilled down, and a screenshot taken (into docs/screenshots with KITOUT_DOC_SCREENSHOTS=1).

const INTAKE = 'W-2026-12';
/** docs/screenshots is rewritten only when asked (KITOUT_DOC_SCREENSHOTS=1), as in the other browser tests. */
const SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

let server: TestServer;
let browser: Browser;
let planner: string;

async function call<T>(method: string, path: string, body?: unknown, key?: string) {
  const res = await server.app.request(path, {
    method,
    headers: {
      cookie: planner,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ people: 200 }), launchBrowser()]);
  planner = await signInCookie(server.app, 'planner');
  const db = server.db.db;
  const form = await db
    .selectFrom('forms')
    .select(['id', 'version'])
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  const people = (
    await db.selectFrom('people').select('id').where('intake_id', '=', INTAKE).orderBy('id').execute()
  ).map((p) => p.id);
  const start = Date.now() - 36 * 3_600_000;
  // Answers taken over 36 hours (the fixture writes them as the questionnaire would have stored them).
  for (const [i, person] of people.slice(0, 160).entries()) {
    const at = new Date(start + i * 13 * 60_000);
    await sql`insert into submissions (instance_id, form_id, form_version, intake_id, person_id, answers, source,
        client_time, server_time, request_hash)
      values (${`ui-${person}`}, ${form.id}, ${form.version}, ${INTAKE}, ${person}, ${JSON.stringify({
        head_known: 'no',
        head_girth: String(54 + (i % 8)),
        uniform_known: 'no',
        chest: String(86 + ((i * 7) % 13) * 2),
        height: String(164 + ((i * 5) % 9) * 3),
        waist: String(72 + (i % 9) * 2),
        shoe_known: 'no',
        foot_length: String(240 + ((i * 3) % 11) * 5),
      })}::jsonb, 'web', ${at}, ${at}, 'ui')`.execute(db);
  }
  const run = await call<{ id: string }>('POST', `/api/intakes/${INTAKE}/allocation`);
  expect(run.status).toBe(201);
  expect(
    (await call('POST', `/api/allocation-runs/${run.body.id}/accept`, undefined, 'ui-accept-run')).status,
  ).toBe(200);
  const allocations = await db
    .selectFrom('allocations')
    .selectAll()
    .where('run_id', '=', run.body.id)
    .where('issued', 'is not', null)
    .execute();
  for (let b = 0; b < 6; b++) {
    const movements = people.slice(b * 10, b * 10 + 10).flatMap((person) =>
      allocations
        .filter((a) => a.person_id === person)
        .map((a) => ({
          type: 'issue',
          depot: a.depot_id,
          item: a.item_id,
          size: a.issued,
          qty: 1,
          person,
          fromReserved: true,
        })),
    );
    const res = await call('POST', '/api/stock/batch', { movements }, `ui-issue-batch-${b}`);
    expect(res.status).toBe(201);
  }
  // One unit handed out at a station and reported lost there: a kit event, no movement.
  const lost = allocations.find(
    (a) => a.depot_id === 'D-NORTH' && !people.slice(0, 60).includes(a.person_id),
  )!;
  const store = await signInCookie(server.app, 'store');
  const base = {
    personId: lost.person_id,
    item: lost.item_id,
    size: lost.issued!,
    clientTime: new Date().toISOString(),
  };
  const events = await server.app.request('/api/stations/N-1/events', {
    method: 'POST',
    headers: { cookie: store, 'content-type': 'application/json' },
    body: JSON.stringify({
      events: [
        { id: 'ui-station-issue-1', kind: 'issue', ...base },
        { id: 'ui-station-loss-1', kind: 'loss', ...base },
      ],
    }),
  });
  const applied = (await events.json()) as { results: { status: string }[] };
  expect(applied.results.map((r) => r.status)).toEqual(['applied', 'applied']);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();
const poll = { timeout: 15_000 };

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill('planner');
  await page.locator('input[name="password"]').fill('kitout-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('whoami').waitFor();
}

describe.each([
  {
    lang: 'ru',
    locale: 'ru-RU',
    title: 'Отчёты',
    answered: 'Ответили',
    kitEvent: 'Запись в карточке',
    lostSum: 'Строк: 1, в сумме 1',
  },
  {
    lang: 'ko',
    locale: 'ko-KR',
    title: '보고서',
    answered: '응답',
    kitEvent: '피복 기록',
    lostSum: '1행, 합계 1',
  },
])('the report pages in $lang', ({ lang, locale, title, answered, kitEvent, lostSum }) => {
  it('show each dashboard with the API’s figures, drill a figure down, and are photographed', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale });
    // The language chosen on this device wins over the account's.
    await context.addInitScript((l) => localStorage.setItem('kitout.language', l), lang);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const num = (n: number) => new Intl.NumberFormat(locale).format(n);
    try {
      await signIn(page);
      await page.locator('.mainnav').getByRole('link', { name: title }).click();
      await page.getByTestId('report-intake-select').waitFor();
      await page.getByTestId('report-intake-select').selectOption(INTAKE);
      const dash = (
        await call<{ funnel: Record<string, number> }>('GET', `/api/reports/intakes/${INTAKE}/dashboard`)
      ).body;
      expect(dash.funnel.answered).toBe(160);
      for (const step of ['answered', 'resolved', 'allocated', 'issued', 'fullyKitted'])
        await expect.poll(() => seen(page.getByTestId(`funnel-${step}`)), poll).toBe(num(dash.funnel[step]!));
      await expect.poll(() => seen(page.getByTestId('funnel')), poll).toContain(answered);
      await page.getByTestId('progress-chart').locator('.recharts-line').first().waitFor();
      await page.getByTestId('shortage-chart').waitFor();
      // By hour: the answers came in over a day and a half.
      await page.getByRole('button', { name: lang === 'ru' ? 'По часам' : '시간별' }).click();
      await expect
        .poll(
          () => page.getByTestId('progress-chart').locator('.recharts-line-curve').first().getAttribute('d'),
          poll,
        )
        .toMatch(/(C[^C]*){10}/);
      await screenshot(page, `${SHOTS}/reports-intake-${lang}.png`);

      // The answered figure opens the people behind it, adding up to it.
      await page.getByTestId('funnel-answered').click();
      await expect.poll(() => seen(page.getByTestId('drill-sum')), poll).toContain(num(160));

      await page
        .locator('.reports-tabs')
        .getByRole('link', { name: lang === 'ru' ? 'Склад' : '재고' })
        .click();
      await page.getByTestId('run-out-first').waitFor();
      await page.getByTestId('stock-chart').locator('.recharts-bar-rectangle').first().waitFor();
      await screenshot(page, `${SHOTS}/reports-stock-${lang}.png`);

      await page
        .locator('.reports-tabs')
        .getByRole('link', { name: lang === 'ru' ? 'Размеры' : '치수' })
        .click();
      await page.getByTestId('sizes-chart').locator('.recharts-bar-rectangle').first().waitFor();
      await expect.poll(() => page.getByTestId('histogram').count(), poll).toBeGreaterThanOrEqual(2);
      await screenshot(page, `${SHOTS}/reports-sizes-${lang}.png`);

      await page
        .locator('.reports-tabs')
        .getByRole('link', { name: lang === 'ru' ? 'Сверка' : '대조' })
        .click();
      const recon = (
        await call<{ totals: { issued: number; lost: number; outstanding: number } }>(
          'GET',
          `/api/reports/intakes/${INTAKE}/reconciliation`,
        )
      ).body;
      await expect.poll(() => seen(page.getByTestId('total-issued')), poll).toBe(num(recon.totals.issued));
      await page.getByTestId('recon-people').waitFor();
      await screenshot(page, `${SHOTS}/reports-reconciliation-${lang}.png`);
      await page.getByTestId('total-outstanding').click();
      await expect
        .poll(() => seen(page.getByTestId('drill-sum')), poll)
        .toContain(num(recon.totals.outstanding));
      await screenshot(page, `${SHOTS}/reports-drill-${lang}.png`);
      // The lost units open the kit events behind them (a loss moves no stock).
      expect(recon.totals.lost).toBe(1);
      await expect.poll(() => seen(page.getByTestId('total-lost')), poll).toBe(num(1));
      await page.getByTestId('total-lost').click();
      await expect.poll(() => seen(page.getByTestId('drill-panel')), poll).toContain(kitEvent);
      await expect.poll(() => seen(page.getByTestId('drill-sum')), poll).toBe(lostSum);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
