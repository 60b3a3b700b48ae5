import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium: Playwright cannot download its own browser on a closed network. */
export const CHROMIUM_PATH = process.env.KITOUT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that let chromium run as root, headless, with no network of its own beyond the page's requests. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A tablet in landscape: the size the UI is designed for, and the size of the README screenshots. */
export const TABLET = { width: 1280, height: 800 };

/**
 * Starts chromium with a fresh profile in a temporary directory (Playwright makes and removes it), or fails
 * with the command that installs it.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set KITOUT_CHROMIUM)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A clean context (no cookies, no storage) as a person on a tablet with the browser set to `locale`. */
export function tabletContext(
  browser: Browser,
  opts: { baseURL: string; locale?: string },
): Promise<BrowserContext> {
  return browser.newContext({ baseURL: opts.baseURL, locale: opts.locale ?? 'en-US', viewport: TABLET });
}

/**
 * Collects what would be a bug in the page: uncaught exceptions and console errors (a CSP violation is one).
 * A failed resource load is left out: a 401 from the session check before sign-in is how the app learns
 * that nobody is signed in.
 */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/** Saves a screenshot of the viewport to `path` (relative to the repository), making its folder. */
export async function screenshot(page: Page, path: string): Promise<void> {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
}
