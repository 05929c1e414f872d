import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createMailer } from '../../src/channels/email.js';
import type { Database } from '../../src/db/connection.js';
import { openPglite } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { DEMO_PASSWORD as DEMO_PASSWORD_VALUE, seedDemo } from '../../src/features/demo/service.js';
import { seedPostcodes } from '../../src/features/registry/index.js';
import { buildApp } from '../../src/app/build-app.js';
import { loadConfig } from '../../src/server/config.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

export { DEMO_PASSWORD, DEMO_USERS } from '../../src/features/demo/service.js';

const CHROMIUM = '/usr/bin/chromium';

export interface E2eServer {
  url: string;
  db: Database;
  smtp: TestSmtp;
  close(): Promise<void>;
}

/** The real server, as `npm start` runs it (demo municipality included), on a free loopback port. */
export async function startServer(): Promise<E2eServer> {
  if (!existsSync(new URL('../../dist/web/index.html', import.meta.url))) {
    throw new Error('The web app is not built. Run: npm run build');
  }
  const smtp = await startSmtp();
  const db = await openPglite();
  await migrate(db);
  await seedPostcodes(db);
  await seedDemo(db);
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
    smtp,
    async close() {
      await app.close();
      await db.close();
      await smtp.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
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

/** WCAG 2.1 A and AA by axe-core: the page must have no violations at all. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Colours half-way through a fade-in fail contrast: scan what the user sees once it has settled.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe on ${what}`).toEqual([]);
}

/** Nothing wider than the window: no sideways scrolling of the page at 320 px. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what} is wider than the window`).toBeLessThanOrEqual(innerWidth);
}

/**
 * A demo user, logged in through the login page, in a window `width` px wide. Any script error
 * in the page fails the test when the page closes.
 */
export async function loggedIn(
  browser: Browser,
  server: E2eServer,
  email: string,
  width = 1280,
  password: string = DEMO_PASSWORD_VALUE,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => expect(errors, 'errors in the page').toEqual([]));
  await page.goto(`${server.url}/logg-inn`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
  return page;
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

/** A café `weeks` ahead, 18–20 (one café per date), made through the API as the event form does. */
export async function createCafe(
  page: Page,
  title: string,
  weeks: number,
  more: Record<string, unknown> = {},
): Promise<string> {
  const date = new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const created = await apiCall<{ id: string }>(page, 'POST', '/api/events', {
    title,
    date,
    startTime: '18:00',
    endTime: '20:00',
    food: true,
    registration: 'optional',
    confirmDate: true,
    ...more,
  });
  return created.id;
}
