import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import { createMailer } from '../../src/channels/email.js';
import type { Database } from '../../src/db/connection.js';
import { openPglite } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../src/features/demo/service.js';
import { seedPostcodes } from '../../src/features/registry/index.js';
import { loadConfig } from '../../src/server/config.js';
import { eventInput, inDays } from '../support/cafe.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

export { DEMO_PASSWORD };

const CHROMIUM = '/usr/bin/chromium';

export interface E2eServer {
  url: string;
  db: Database;
  /** The demo municipality's id, for data written straight into the database. */
  municipalityId: number;
  smtp: TestSmtp;
  close(): Promise<void>;
}

/** The real server, as `npm start` runs it (demo municipality included), on a free loopback port. */
async function startServer(): Promise<E2eServer> {
  if (!existsSync(new URL('../../dist/web/index.html', import.meta.url))) {
    throw new Error('The web app is not built. Run: npm run build');
  }
  const smtp = await startSmtp();
  const db = await openPglite();
  await migrate(db);
  await seedPostcodes(db);
  await seedDemo(db);
  const [demo] = await db.transaction((tx) =>
    tx.query<{ id: number }>('SELECT id FROM municipality WHERE is_demo'),
  );
  const config = loadConfig({
    DATA_DIR: '.tmp/e2e',
    SECRET_KEY: 'e2e-secret-key-that-is-long-enough',
    SMTP_URL: smtp.url,
  });
  const app = await buildApp({ config, db, mailer: createMailer(config), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    municipalityId: demo?.id as number,
    smtp,
    async close() {
      await app.close();
      await db.close();
      await smtp.close();
    },
  };
}

async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error('Chromium is missing. Install it with: sudo apt-get install -y chromium');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** WCAG 2.2 A and AA by axe-core (2.2 adds target size, 2.5.8): the page must have no violations at all. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Colours half-way through a fade-in fail contrast: scan what the user sees once it has settled.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe on ${what}`).toEqual([]);
  expect(await barsHidingFocus(page), `bars that can hide the focus on ${what}`).toEqual([]);
}

/**
 * WCAG 2.4.11 (focus not obscured), which axe does not check: a bar that stays on screen while
 * the page scrolls (sticky or fixed, across the top or the bottom) would hide whatever gets focus
 * under it, unless the page's scroll padding (html's scroll-padding-top / -bottom) is at least
 * its height. Returns the bars that are higher than that padding.
 */
function barsHidingFocus(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    const padding = {
      top: Number.parseFloat(root.scrollPaddingTop) || 0,
      bottom: Number.parseFloat(root.scrollPaddingBottom) || 0,
    };
    const hiding: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (style.position !== 'sticky' && style.position !== 'fixed') continue;
      // A dialog or pop-over holds the focus itself while it is open.
      if (element.closest('dialog, [popover]')) continue;
      const box = element.getBoundingClientRect();
      if (box.height === 0 || box.width < window.innerWidth / 2) continue;
      const edge = style.top !== 'auto' ? 'top' : style.bottom !== 'auto' ? 'bottom' : undefined;
      if (edge && padding[edge] < box.height) {
        hiding.push(
          `${element.tagName.toLowerCase()}.${element.className} (${edge}, ${Math.round(box.height)} px)`,
        );
      }
    }
    return hiding;
  });
}

/** Nothing wider than the window: no sideways scrolling of the page at 320 px. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what} is wider than the window`).toBeLessThanOrEqual(innerWidth);
}

/** A page in a context of its own; any script error in it fails the test when the page closes. */
async function watchedPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => expect(errors, 'errors in the page').toEqual([]));
  return page;
}

/**
 * A demo user, logged in through the login page, in a window `width` px wide. Any script error
 * in the page fails the test when the page closes.
 */
async function loggedIn(
  browser: Browser,
  server: E2eServer,
  email: string,
  width = 1280,
  password: string = DEMO_PASSWORD,
): Promise<Page> {
  const page = await watchedPage(browser, { viewport: { width, height: 900 }, acceptDownloads: true });
  await page.goto(`${server.url}/logg-inn`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
  return page;
}

type DemoRole = (typeof DEMO_USERS)[number]['role'];

/** What a test file of the e2e suite works with, once its `beforeAll` has started them. */
export interface E2e {
  /** The real server on loopback, with the demo municipality. */
  readonly server: E2eServer;
  readonly browser: Browser;
  /**
   * A page logged in as a demo user, named by role (`'caseworker'`) or by e-mail address (any
   * user who has a password), in a window `width` px wide.
   */
  loggedIn(who: DemoRole | string, width?: number, password?: string): Promise<Page>;
  /** The demo caseworker, logged in, in a window `width` px wide. */
  caseworker(width?: number): Promise<Page>;
  /** A page nobody is logged in on (see watchedPage). */
  newPage(options: BrowserContextOptions): Promise<Page>;
}

/**
 * The one set-up of an e2e test file: starts the server and the browser before its tests and
 * closes both after them. Call it at the top of the file, before the file's own `beforeAll`
 * (hooks run in the order they are declared, so the file's own set-up finds both started).
 */
export function setUpE2e(): E2e {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} starts in beforeAll: use it inside a hook or a test`);
    return value;
  };
  const e2e: E2e = {
    get server() {
      return started(server, 'The server');
    },
    get browser() {
      return started(browser, 'The browser');
    },
    loggedIn(who, width = 1280, password) {
      const email = who.includes('@') ? who : DEMO_USERS.find((user) => user.role === who)?.email;
      if (!email) throw new Error(`no demo user with the role ${who}`);
      return loggedIn(e2e.browser, e2e.server, email, width, password);
    },
    caseworker: (width = 1280) => e2e.loggedIn('caseworker', width),
    newPage: (options) => watchedPage(e2e.browser, options),
  };
  return e2e;
}

/** A request of a logged-in page's own, with its session cookie and CSRF token, as the web app makes it. */
export function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrfToken } = await fetch('/api/session').then(
        (response) => response.json() as Promise<{ csrfToken: string }>,
      );
      const response = await fetch(path, {
        method,
        headers: {
          'X-CSRF-Token': csrfToken,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    { method, path, body },
  ) as Promise<T>;
}

/**
 * A café `weeks` ahead, 18–20 (one café per date), made through the API as the event form does,
 * at the municipality's first venue unless `more` names one (invitations need a venue).
 */
export async function createCafe(
  page: Page,
  title: string,
  weeks: number,
  more: Record<string, unknown> = {},
): Promise<string> {
  const { venues } = await apiCall<{ venues: { id: string }[] }>(page, 'GET', '/api/venues');
  const created = await apiCall<{ id: string }>(
    page,
    'POST',
    '/api/events',
    eventInput({
      title,
      date: inDays(weeks * 7),
      confirmDate: true,
      venueId: venues[0]?.id ?? null,
      ...more,
    }),
  );
  return created.id;
}

/**
 * Sends a café's invitations now, as the sending page's button does, and waits until every one
 * has gone; returns the sending page's view of it then.
 */
export async function sendInvitations<View extends { state: string }>(
  page: Page,
  eventId: string,
): Promise<View> {
  await apiCall(page, 'POST', `/api/events/${eventId}/sending/now`);
  return vi.waitFor(
    async () => {
      const view = await apiCall<View>(page, 'GET', `/api/events/${eventId}/sending`);
      if (view.state !== 'done') throw new Error(`the invitations are not sent yet: ${view.state}`);
      return view;
    },
    { timeout: 60_000, interval: 500 },
  );
}
