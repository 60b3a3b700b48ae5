import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/context.ts';
import { seedDemoQueue } from '../../src/services/demo-queue.ts';
import { postMovement } from '../../src/services/ledger.ts';
import { insertMeasuredAnswers } from '../../src/services/submissions-demo.ts';
import { launchBrowser, screenshot, tabletContext, watchPageErrors } from '../support/browser.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

// Two issue stations on two tablets against a real server: one keeps its network, the other loses it, works on
// from its own copy of the intake through a reload, and sends everything when the network returns. The server
// must hold each of the 200 actions exactly once, and stock, ledger and kit records must agree afterwards.

const SHOTS = 'test-results/screenshots';
/** Documentation screenshots are rewritten only when asked (a machine without Hangul fonts shows boxes). */
const DOC_SHOTS = process.env.KITOUT_DOC_SCREENSHOTS === '1';
const shot = (name: string) => (DOC_SHOTS ? `docs/screenshots/${name}.png` : `${SHOTS}/${name}.png`);
const INTAKE = 'W-2026-12';
const TOTAL = 200;
const poll = { timeout: 15_000 };

if (!existsSync(resolve('dist/web/index.html'))) {
  throw new Error('the web UI is not built (dist/web/index.html is missing): run `npx vite build` first');
}

let server: TestServer;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ people: 300 }), launchBrowser()]);
  admin = await signInCookie(server.app, 'admin');
  // A morning at the stations: answers for most people, the allocation accepted, some people served, a queue.
  await insertMeasuredAnswers(server.db.db, { intake: INTAKE, count: 240, seed: 20261202, prefix: 'demo' });
  await seedDemoQueue(server.ctx, INTAKE, { served: 40, waiting: 30 });
  // A second issuer, made the way an admin would, so each tablet has its own person signed in.
  const res = await server.app.request('/api/users', {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'issuer2',
      displayName: 'Второй выдающий',
      password: 'kitout-demo-2',
      roles: ['issuer'],
      language: 'ru',
    }),
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, which is what we want here
const seen = (locator: Locator) => locator.innerText();

async function signIn(page: Page, username: string, password = 'kitout-demo'): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('whoami').waitFor();
}

/** Signs in, picks the UI language, chooses the intake and the station, and waits for its pack. */
async function openStation(
  context: BrowserContext,
  user: { name: string; password?: string },
  stationId: string,
  lang: 'ru' | 'ko' | 'en',
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await signIn(page, user.name, user.password);
  await page.getByTestId(`lang-${lang}`).click();
  await page.goto('/stations');
  await page.getByTestId('station-intake').selectOption(INTAKE);
  await page.getByTestId(`station-${stationId}`).click();
  await expect.poll(() => page.getByTestId('station-page').getAttribute('data-pack'), poll).toBe('ready');
  return { page, errors };
}

async function openPerson(page: Page, id: string): Promise<void> {
  await page.getByTestId('scan-input').fill(id);
  await page.getByTestId('scan-input').press('Enter');
  await page.locator(`[data-testid="station-person"][data-person="${id}"]`).waitFor(poll);
}

/** Events on the device, whatever their state: what the status line counts. */
async function madeOnDevice(page: Page): Promise<number> {
  return Number(await page.getByTestId('station-status').getAttribute('data-made'));
}

/** Waits until the device holds `n` events (checked in the page, without a round trip per try). */
async function waitMade(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) =>
      document.querySelector('[data-testid="station-status"]')?.getAttribute('data-made') === String(want),
    n,
    { timeout: poll.timeout },
  );
}

type Step = 'issue' | 'exchange' | 'return';

/** One action on the open person, one event: issue an open line, exchange or return an issued one. */
async function act(page: Page, step: Step): Promise<boolean> {
  const before = await madeOnDevice(page);
  if (step === 'issue') {
    const button = page.locator('[data-testid="line"][data-state="open"] [data-testid="issue"]').first();
    if (await button.count()) await button.click();
    else {
      // No size allocated (or it is out): try-on, and take a size the shelf has — two taps.
      const line = page.locator('[data-testid="line"][data-state="open"]').first();
      if (!(await line.count())) return false;
      await line.getByTestId('other-size').click();
      const size = line.locator('[data-testid="sizes"] button:not([data-available="0"])').first();
      if (!(await size.count())) return false;
      await size.click();
    }
  } else {
    const line = page.locator('[data-testid="line"][data-state="issued"]').first();
    if (!(await line.count())) return false;
    if (step === 'exchange') {
      await line.getByTestId('exchange').click();
      const size = line.locator('[data-testid="sizes"] button:not([data-available="0"])').first();
      if (!(await size.count())) {
        await line.getByTestId('exchange').click();
        return false;
      }
      await size.click();
    } else {
      await line.getByTestId('return').click();
      await line.getByTestId('cond-B').click();
    }
  }
  try {
    await waitMade(page, before + 1);
  } catch (err) {
    await screenshot(page, `${SHOTS}/stations-failed-${step}.png`);
    throw err;
  }
  return true;
}

/**
 * Works through people from `first` on, one action at a time — issue what is open, exchange one item, return
 * one — until `count` actions are done; calls `between` after each.
 */
async function work(page: Page, first: number, count: number, between?: (done: number) => Promise<void>) {
  const plan: Step[] = ['issue', 'issue', 'issue', 'exchange', 'return', 'issue'];
  let done = 0;
  for (let n = first; done < count; n++) {
    const id = `P-${String(n).padStart(6, '0')}`;
    await openPerson(page, id);
    for (const step of plan) {
      if (done >= count) break;

      if (await act(page, step)) {
        done++;
        await between?.(done);
      }
    }
  }
  return done;
}

interface DeviceEvent {
  id: string;
  seq: number;
  kind: string;
  personId: string;
  item: string;
  size: string;
  toSize?: string;
  state: string;
  refusal?: { code?: string; suggestion?: { size: string } };
}

/** Every event on a tablet, in the order it was made, read from its own IndexedDB. */
async function deviceEvents(page: Page): Promise<DeviceEvent[]> {
  const all = await page.evaluate(
    () =>
      new Promise<unknown[]>((done, fail) => {
        const open = indexedDB.open('kitout-station');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => done(req.result as unknown[]);
          req.onerror = () => fail(req.error);
        };
      }),
  );
  return (all as DeviceEvent[]).sort((x, y) => x.seq - y.seq);
}

describe('two issue stations, one offline', () => {
  it('keeps 200 actions through a network cut and a reload, and the server applies each once', {
    timeout: 240_000,
  }, async () => {
    const db = server.db.db;
    const eventsBefore = await db.selectFrom('station_events').select('id').execute();

    const contextA = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    const contextB = await tabletContext(browser, { baseURL: server.url, locale: 'ko-KR' });
    const a = await openStation(contextA, { name: 'issuer' }, 'N-1', 'ru');
    const b = await openStation(contextB, { name: 'issuer2', password: 'kitout-demo-2' }, 'N-2', 'ko');

    // Station B's service worker controls its page, so it can open again without a network.
    await expect.poll(() => b.page.evaluate(() => !!navigator.serviceWorker.controller), poll).toBe(true);
    await contextB.setOffline(true);
    await expect
      .poll(() => b.page.getByTestId('station-status').getAttribute('data-state'), poll)
      .toBe('offline');

    // B works offline: half its actions, a reload, the other half.
    const half = TOTAL / 4;
    let reloaded = false;
    const doneB = await work(b.page, 151, TOTAL / 2, async (done) => {
      if (done !== half || reloaded) return;
      reloaded = true;
      const person = await b.page.getByTestId('station-person').getAttribute('data-person');
      const res = await b.page.reload();
      expect(res?.fromServiceWorker()).toBe(true);
      await expect
        .poll(() => b.page.getByTestId('station-page').getAttribute('data-pack'), poll)
        .toBe('ready');
      await expect.poll(() => seen(b.page.getByTestId('count-queued')), poll).toBe(String(half));
      await openPerson(b.page, person!);
      await b.page.getByTestId('from-pack').waitFor(poll);
    });
    expect(reloaded).toBe(true);
    await expect.poll(() => seen(b.page.getByTestId('count-queued')), poll).toBe(String(TOTAL / 2));
    expect(await seen(b.page.getByTestId('count-sent'))).toBe('0');

    // A works online at the same time (in the same depot): its actions go straight through.
    const doneA = await work(a.page, 1, TOTAL / 2);
    expect(doneA + doneB).toBe(TOTAL);
    await expect.poll(() => seen(a.page.getByTestId('count-queued')), poll).toBe('0');

    // Meanwhile the last free units of a size B handed out offline go elsewhere (written off at the depot): B's
    // issue must come back refused, with the reason and a suggestion, when it syncs.
    const offlineB = await deviceEvents(b.page);
    const touches = (e: DeviceEvent, item: string, size: string) =>
      e.item === item && (e.size === size || e.toSize === size);
    // The first event to take a size from free stock (an exchange's new size, or an issue of a size the person
    // had not reserved), with no earlier event of B touching that size.
    let conflict: { event: DeviceEvent; item: string; size: string } | undefined;
    for (const [i, e] of offlineB.entries()) {
      const size = e.kind === 'exchange' ? e.toSize : e.kind === 'issue' ? e.size : undefined;
      if (!size || offlineB.slice(0, i).some((x) => touches(x, e.item, size))) continue;
      const reserved = await db
        .selectFrom('allocations')
        .select('person_id')
        .where('person_id', '=', e.personId)
        .where('item_id', '=', e.item)
        .where('issued', '=', size)
        .executeTakeFirst();
      if (!reserved) {
        conflict = { event: e, item: e.item, size };
        break;
      }
    }
    expect(conflict).toBeDefined();
    const shelf = await db
      .selectFrom('balances')
      .select(['on_hand', 'reserved'])
      .where('depot_id', '=', 'D-NORTH')
      .where('item_id', '=', conflict!.item)
      .where('size', '=', conflict!.size)
      .executeTakeFirstOrThrow();
    const free = Number(shelf.on_hand) - Number(shelf.reserved);
    if (free > 0)
      await postMovement(server.ctx, SYSTEM_ACTOR, {
        key: 'test:take-the-last',
        type: 'adjustment',
        direction: 'out',
        depot: 'D-NORTH',
        item: conflict!.item,
        size: conflict!.size,
        qty: free,
        reason: 'taken at another depot',
      });

    // Network back: B sends everything; each event is applied, or refused by the server's rules, once.
    await contextB.setOffline(false);
    await expect.poll(() => seen(b.page.getByTestId('count-queued')), { timeout: 30_000 }).toBe('0');
    const sentB = Number(await seen(b.page.getByTestId('count-sent')));
    const refusedB = (await b.page.getByTestId('count-refused').count())
      ? Number(await seen(b.page.getByTestId('count-refused')))
      : 0;
    expect(sentB + refusedB).toBe(TOTAL / 2);
    expect(refusedB).toBeGreaterThanOrEqual(1);
    const afterB = await deviceEvents(b.page);
    expect(afterB.find((e) => e.id === conflict!.event.id)).toMatchObject({
      state: 'refused',
      refusal: { code: 'out_of_stock' },
    });
    await b.page.locator(`[data-testid="refused-event"][data-event="${conflict!.event.id}"]`).waitFor(poll);
    await screenshot(b.page, `${SHOTS}/station-refused-ko.png`);

    const ids = [...(await deviceEvents(a.page)), ...afterB].map((e) => e.id);
    expect(ids).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
    const stored = await db
      .selectFrom('station_events')
      .select(['id', 'station_id'])
      .where('id', 'not in', eventsBefore.length ? eventsBefore.map((e) => e.id) : ['-'])
      .execute();
    expect(stored).toHaveLength(TOTAL);
    expect(new Set(stored.map((e) => e.id))).toEqual(new Set(ids));
    expect(stored.filter((e) => e.station_id === 'N-2')).toHaveLength(TOTAL / 2);

    // The ledger: each balance is the sum of the effects of its movements.
    const movements = await db
      .selectFrom('movements')
      .select(['id', 'effects', 'type', 'person_id'])
      .execute();
    const sums = new Map<string, { onHand: number; reserved: number; unserviceable: number }>();
    for (const m of movements)
      for (const e of m.effects) {
        const k = `${e.depot}|${e.item}|${e.size}`;
        const s = sums.get(k) ?? { onHand: 0, reserved: 0, unserviceable: 0 };
        s.onHand += e.onHand;
        s.reserved += e.reserved;
        s.unserviceable += e.unserviceable;
        sums.set(k, s);
      }
    const balances = await db.selectFrom('balances').selectAll().execute();
    for (const b of balances) {
      const s = sums.get(`${b.depot_id}|${b.item_id}|${b.size}`) ?? {
        onHand: 0,
        reserved: 0,
        unserviceable: 0,
      };
      expect({ key: `${b.depot_id}|${b.item_id}|${b.size}`, ...s }).toEqual({
        key: `${b.depot_id}|${b.item_id}|${b.size}`,
        onHand: Number(b.on_hand),
        reserved: Number(b.reserved),
        unserviceable: Number(b.unserviceable),
      });
      expect(Number(b.on_hand)).toBeGreaterThanOrEqual(0);
    }

    // Kit records: every issue and return of a person in the ledger has its kit event, and every kit event's
    // movements are that person's.
    const personMoves = movements.filter((m) => m.person_id && (m.type === 'issue' || m.type === 'return'));
    const kit = await db.selectFrom('kit_events').select(['person_id', 'movement_ids', 'kind']).execute();
    const linked = new Map<number, string>();
    for (const k of kit) for (const id of k.movement_ids ?? []) linked.set(Number(id), k.person_id);
    expect(personMoves.filter((m) => linked.get(Number(m.id)) !== m.person_id).map((m) => m.id)).toEqual([]);
    expect(linked.size).toBe(personMoves.length);
    const applied = await db
      .selectFrom('kit_events')
      .select('event_id')
      .where('event_id', 'in', ids)
      .execute();
    expect(applied.length).toBeGreaterThanOrEqual(sentB);

    // Holdings on the kit record are what the ledger says each person was given and gave back (less losses).
    for (const person of ['P-000001', 'P-000151']) {
      const res = await server.app.request(`/api/people/${person}/kit`, { headers: { cookie: admin } });
      const record = (await res.json()) as { holdings: { item: string; size: string; qty: number }[] };
      const fromLedger = new Map<string, number>();
      for (const m of movements.filter((x) => x.person_id === person)) {
        const k = m.effects[0] ? `${m.effects[0].item}|${m.effects[0].size}` : '';
        if (m.type === 'issue') fromLedger.set(k, (fromLedger.get(k) ?? 0) + 1);
        if (m.type === 'return') fromLedger.set(k, (fromLedger.get(k) ?? 0) - 1);
      }
      const held = new Map(record.holdings.map((h) => [`${h.item}|${h.size}`, h.qty]));
      for (const [k, n] of fromLedger) expect({ k, n: held.get(k) ?? 0 }).toEqual({ k, n });
    }

    expect(a.errors).toEqual([]);
    expect(b.errors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await contextA.close();
    await contextB.close();
  });
});

describe('the station, the board and the kit record on screen', () => {
  it('shows a Korean person to a Russian issuer and a Russian one to a Korean issuer, and the board', async () => {
    // A demo person with answers speaks Korean; another is switched to Russian by the office.
    const answered = await server.db.db
      .selectFrom('submissions')
      .select('person_id')
      .where('person_id', '>', 'P-000200')
      .orderBy('person_id')
      .limit(2)
      .execute();
    const [koPerson, ruPerson] = [answered[0]!.person_id, answered[1]!.person_id];
    const patch = await server.app.request(`/api/people/${ruPerson}`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'ru' }),
    });
    expect(patch.status).toBe(200);

    const context = await tabletContext(browser, { baseURL: server.url, locale: 'ru-RU' });
    const { page, errors } = await openStation(context, { name: 'issuer' }, 'N-3', 'ru');
    await openPerson(page, koPerson);
    await page.getByTestId('answer-own').first().waitFor(poll);
    expect(await page.getByTestId('answer-own').first().getAttribute('lang')).toBe('ko');
    expect(await seen(page.getByTestId('answer-ui').first())).toMatch(/\p{Script=Cyrillic}/u);
    expect(await seen(page.getByTestId('pick-list'))).toMatch(/Лист выдачи/);
    await screenshot(page, shot('station-ru-issuer-ko-person'));

    await page.getByTestId('lang-ko').click();
    await openPerson(page, ruPerson);
    await page.getByTestId('answer-own').first().waitFor(poll);
    expect(await page.getByTestId('answer-own').first().getAttribute('lang')).toBe('ru');
    expect(await seen(page.getByTestId('pick-list'))).toMatch(/지급 목록/);
    await screenshot(page, shot('station-ko-issuer-ru-person'));

    // The person page shows the kit record with the receipt in the person's language.
    await page.goto(`/people/${koPerson}`);
    await page.getByTestId('kit-record').waitFor(poll);
    expect(await page.getByTestId('receipt-link').getAttribute('href')).toContain('lang=ko');
    expect(errors).toEqual([]);
    await context.close();

    const wall = await browser.newContext({
      baseURL: server.url,
      locale: 'ru-RU',
      viewport: { width: 1920, height: 1080 },
    });
    const board = await wall.newPage();
    const boardErrors = watchPageErrors(board);
    await signIn(board, 'enum');
    await board.getByTestId('lang-ru').click();
    await board.goto(`/board?intake=${INTAKE}`);
    await board.getByTestId('board-stations').waitFor(poll);
    await expect
      .poll(() => board.locator('[data-testid="board-stations"] > li').count(), poll)
      .toBeGreaterThanOrEqual(4);
    expect(Number((await seen(board.getByTestId('board-waiting'))).replace(/\D/g, ''))).toBeGreaterThan(0);
    await screenshot(board, shot('board'));
    expect(boardErrors).toEqual([]);
    await wall.close();
  });
});
