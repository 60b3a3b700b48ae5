import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMeasuredAnswers } from '../../src/services/submissions-demo.ts';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

// The allocation page in a real browser against a real server: a planner runs the allocation of the demo intake
// after 100 people answered and a shelf turned out empty, reads the per-item table and the shortage chart, filters
// the people who get another size and reads why in Russian, accepts the run, then sees what a rerun would change
// and the refusal when stock moves under a run before it is accepted.

const SHOTS = 'test-results/screenshots';
/** The README's screenshot is rewritten only when asked, as in the other browser tests. */
const DOC_SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1';
const INTAKE = 'W-2026-12';

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

interface Run {
  id: string;
  status: string;
  summary: {
    items: { item: string; demand: number; preferred: number; substituted: number; unmet: number }[];
    shortages: { item: string; size: string; unmet: number }[];
    reservations: { depot: string; item: string; size: string; qty: number }[];
  };
}

let server: TestServer;
let browser: Browser;
let planner: string;

/** Answers of the default questionnaire's "measure me" path for the first `count` people. */
const answer = (count: number) =>
  insertMeasuredAnswers(server.db.db, { intake: 'W-2026-12', count, seed: 11, prefix: 'ui' });

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await server.app.request(path, {
    method,
    headers: { cookie: planner, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** A count finds a shelf empty: the stock (and anything reserved on it) is gone. */
async function emptyShelf(depot: string, item: string, size: string, key: string) {
  const res = await call(
    'POST',
    '/api/stock/movements',
    { type: 'count', depot, item, size, qty: 0, reason: 'empty' },
    {
      'idempotency-key': key,
    },
  );
  expect(res.status).toBe(201);
}

/** The most reserved size of `item` in a run: emptying its shelf forces substitutions and shortages. */
const topReservation = (run: Run, item: string) =>
  [...run.summary.reservations].filter((r) => r.item === item).sort((a, b) => b.qty - a.qty)[0]!;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ people: 120 }), launchBrowser()]);
  planner = await signInCookie(server.app, 'planner');
  await answer(100);
  // A first run through the API finds the busiest jacket and boot sizes; their shelves are then found empty.
  const probe = (await call<Run>('POST', `/api/intakes/${INTAKE}/allocation`)).body;
  for (const item of ['jacket', 'boots']) {
    const top = topReservation(probe, item);
    await emptyShelf(top.depot, item, top.size, `empty-${item}`);
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();
const poll = { timeout: 10_000 };
const ru = (n: number) => new Intl.NumberFormat('ru').format(n);

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('kitout-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('whoami').waitFor();
}

describe('the allocation page', () => {
  it('runs, explains in Russian, accepts, shows what a rerun changes and refuses a stale run', async () => {
    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    try {
      await signIn(page, 'planner');
      await page.goto(`/intakes/${INTAKE}/roster`);
      await page.getByTestId('open-allocation').click();
      await expect.poll(() => seen(page.getByRole('heading', { level: 1 })), poll).toMatch(/^Распределение/);

      await page.getByTestId('run-allocation').click();
      const items = page.getByTestId('allocation-items');
      await items.waitFor();
      const runs = (await call<{ runs: Run[] }>('GET', `/api/intakes/${INTAKE}/allocation`)).body.runs;
      const run = runs[0]!;
      expect(run.status).toBe('proposed');
      // One row per item, named in Russian, with the run's numbers formatted the Russian way.
      const rows = items.locator('tbody tr');
      await expect.poll(() => rows.count(), poll).toBe(run.summary.items.length);
      const jacket = run.summary.items.find((i) => i.item === 'jacket')!;
      expect(jacket.substituted + jacket.unmet).toBeGreaterThan(0);
      const jacketRow = rows.filter({ hasText: 'Куртка' });
      // Polled: until the page has loaded the new run, it may still show the run made through the API above.
      await expect
        .poll(async () => (await seen(jacketRow)).split('\t').map((s) => s.trim()), poll)
        .toEqual([
          'Куртка',
          ru(jacket.demand),
          ru(jacket.preferred),
          ru(jacket.substituted),
          jacket.unmet > 0 ? ru(jacket.unmet) : '—',
        ]);

      // The chart has one bar per item × size left short.
      const bars = new Set(
        run.summary.shortages.filter((s) => s.unmet > 0).map((s) => `${s.item} ${s.size}`),
      );
      expect(bars.size).toBeGreaterThan(0);
      const chart = page.getByTestId('allocation-chart');
      await chart.waitFor();
      await expect.poll(() => chart.locator('.recharts-bar-rectangle').count(), poll).toBe(bars.size);

      // Another size, with the reason in Russian.
      await page.getByTestId('people-filter-substituted').click();
      const substituted = (
        await call<{ total: number }>('GET', `/api/allocation-runs/${run.id}/people?only=substituted&limit=1`)
      ).body.total;
      expect(substituted).toBeGreaterThan(0);
      await expect
        .poll(() => seen(page.getByTestId('allocation-people').getByTestId('pager-range')), poll)
        .toContain(ru(substituted));
      const reason = await seen(page.getByTestId('reason').first());
      expect(reason).toMatch(/желаемого размера .+ нет/);
      expect(reason).not.toMatch(/\{\{|reason\./);
      await page.getByTestId('reason').first().scrollIntoViewIfNeeded();
      await screenshot(page, `${SHOTS}/allocation-people-ru.png`);

      await page.getByTestId('accept-run').click();
      await expect.poll(() => seen(page.getByTestId('selected-status')), poll).toBe('Принят');
      expect((await call<Run>('GET', `/api/allocation-runs/${run.id}`)).body.status).toBe('accepted');
      // The picture for the README: the run's table by item and the shortage chart beside the reservations.
      await page.getByTestId('run-detail').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, `${SHOTS}/allocation-ru.png`);
      if (DOC_SHOTS) await screenshot(page, 'docs/screenshots/allocation-ru.png');

      // Another shelf is found empty; a rerun shows what changes against the accepted run.
      const top = topReservation(run, 'jacket');
      await emptyShelf(top.depot, 'jacket', top.size, 'empty-again');
      await page.getByTestId('run-allocation').click();
      const diff = page.getByTestId('allocation-diff');
      await diff.waitFor();
      await expect.poll(() => diff.locator('tbody tr').count(), poll).toBeGreaterThan(0);
      expect(await seen(page.getByTestId('selected-status'))).toBe('Предложен');

      // Stock moves again before this run is accepted: accepting is refused with the server's words.
      const fresh = (await call<{ runs: Run[] }>('GET', `/api/intakes/${INTAKE}/allocation`)).body.runs[0]!;
      const next = topReservation(fresh, 'jacket');
      await emptyShelf(next.depot, 'jacket', next.size, 'empty-third');
      await page.getByTestId('accept-run').click();
      const refusal = page.getByTestId('allocation-error');
      await refusal.waitFor();
      expect(await seen(refusal)).toMatch(/рассчитайте распределение заново/);
      expect(await seen(refusal)).toMatch(/run the allocation again/);
      expect(await seen(page.getByTestId('selected-status'))).toBe('Предложен');
      await screenshot(page, `${SHOTS}/allocation-refused-ru.png`);
      await diff.scrollIntoViewIfNeeded();
      await screenshot(page, `${SHOTS}/allocation-diff-ru.png`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
