import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The audit log in the web UI under the strict Content-Security-Policy: an admin sees a failed sign-in and a
 * refusal, and downloads the whole log as CSV from the page.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ people: 10 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('audit page', () => {
  it('shows failed sign-ins and refusals to an admin and exports the log as CSV', async () => {
    // A wrong password and a refused request, made through the API.
    await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'issuer', password: 'wrong-password' }),
    });
    const issuer = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'issuer', password: 'kitout-demo' }),
    });
    const cookie = issuer.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${server.url}/api/users`, { headers: { cookie } })).status).toBe(403);

    const context = await tabletContext(browser, { baseURL: server.url });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const csp: string[] = [];
    page.on('response', (r) => {
      const h = r.headers()['content-security-policy'];
      if (h && r.url().endsWith('/audit')) csp.push(h);
    });
    await page.goto(`${server.url}/audit`);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('kitout-demo');
    await page.locator('button[type="submit"]').click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    await expect.poll(() => table.textContent(), { timeout: 10_000 }).toMatch(/auth\.failed/);
    expect(await table.textContent()).toMatch(/access\.refused/);
    await screenshot(page, 'docs/screenshots/audit-log.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'id,at,actor,actor_id,action,entity,entity_id,before,after',
    );
    expect(csv).toMatch(/auth\.failed,user,issuer/);
    expect(csv).toMatch(/access\.refused,route,GET \/api\/users/);
    expect(csp[0]).toMatch(/script-src 'self'/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
