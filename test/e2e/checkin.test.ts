import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as cafe from '../support/cafe.js';
import { createCafe, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

/** Where screenshots of the page go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

const { caseworker } = e2e;
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const counts = (page: Page) => page.locator('.checkin-counts').textContent();
const pending = (page: Page) => page.locator('.checkin-pending').textContent();
const row = (page: Page, householdId: string) => page.locator(`li[data-household="${householdId}"]`);
/** What a screen reader is told after a tap (a status, a polite live region, not shown). */
const announced = (page: Page) => page.locator('[role="status"].checkin-announcement').textContent();

/** Invitations to the first `count` demo households by name, as the sending would have made them; the first answers «coming». */
async function invite(eventId: string, count: number): Promise<{ id: string; name: string }[]> {
  const { db, municipalityId } = e2e.server;
  const households = await db.transaction((tx) =>
    tx.query<{ id: string; name: string }>(
      'SELECT id, display_name AS name FROM household WHERE municipality_id = $1 ORDER BY display_name LIMIT $2',
      [municipalityId, count],
    ),
  );
  for (const household of households) await cafe.invite(db, municipalityId, eventId, household.id);
  const first = households[0] as { id: string };
  await cafe.answer(db, municipalityId, eventId, first.id, { adults: 2, children: 1 });
  return households;
}

/** The attendance changes audited for a household at an event: one per change that reached the e2e.server. */
async function changes(eventId: string, householdId: string): Promise<number> {
  const [row] = await e2e.server.db.transaction((tx) =>
    tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
       WHERE record_type = 'attendance' AND record_id = $1 AND subject_id = $2`,
      [eventId, householdId],
    ),
  );
  return row?.n ?? 0;
}

/** Whether the server has the household checked in (its own list, as the page reads it). */
async function presentOnServer(
  page: Page,
  eventId: string,
  householdId: string,
): Promise<boolean | undefined> {
  return page.evaluate(
    async ({ eventId, householdId }) => {
      const response = await fetch(`/api/events/${eventId}/attendance`);
      const view = (await response.json()) as { households: { id: string; present: boolean }[] };
      return view.households.find((h) => h.id === householdId)?.present;
    },
    { eventId, householdId },
  );
}

describe('check-in on the evening, on a phone', () => {
  it('checks in with one tap, searches, keeps taps made offline and sends them once when back online', async () => {
    const page = await caseworker(390);
    const eventId = await createCafe(page, 'Innsjekkskafé', 5);
    const households = await invite(eventId, 5);
    const [first, second, third, fourth] = households as [
      { id: string; name: string },
      { id: string; name: string },
      { id: string; name: string },
      { id: string; name: string },
    ];

    await page.goto(`${e2e.server.url}/kafe/${eventId}`);
    await page.getByRole('link', { name: 'Innsjekk', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Innsjekk – Innsjekkskafé');
    await expect.poll(() => counts(page)).toBe('0 av 1 husstand er her, 0 voksne og 0 barn');
    // Sorted by name, the first one a first-timer with its answer.
    const names = await page.locator('li[data-household] p[id^="checkin-name-"]').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nb')));
    expect(await row(page, first.id).textContent()).toContain('2 voksne, 1 barn · Kommer');
    expect(await row(page, first.id).textContent()).toContain('Første gang');

    // Search as you type, and check in with one tap.
    await page.getByLabel('Søk etter navn').fill(first.name.toLowerCase());
    await expect.poll(() => page.locator('li[data-household]').count()).toBe(1);
    expect(await page.getByText('1 treff', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: `Sjekk inn ${first.name}`, exact: true }).click();
    await expect.poll(() => counts(page)).toBe('1 av 1 husstand er her, 2 voksne og 1 barn');
    await expect.poll(() => announced(page)).toBe(`${first.name} er sjekket inn, 1 av 1 her`);
    await expect
      .poll(() => row(page, first.id).getByRole('button').textContent())
      .toBe('Sjekket inn ✓ (angre)');
    await expect.poll(() => pending(page)).toBe('');
    expect(await presentOnServer(page, eventId, first.id)).toBe(true);
    await page.getByLabel('Søk etter navn').fill('');

    // The network drops: two taps wait, on screen and in the browser's storage.
    await page.context().setOffline(true);
    await row(page, second.id).getByRole('button', { name: 'Sjekk inn' }).click();
    await row(page, third.id).getByRole('button', { name: 'Sjekk inn' }).click();
    await expect.poll(() => pending(page)).toBe('2 endringer venter på nett');
    await expect.poll(() => counts(page)).toMatch(/^3 av 3 husstander er her, /);
    const stored = await page.evaluate((key) => localStorage.getItem(key), `landsby.checkin.${eventId}`);
    expect(JSON.parse(stored ?? '[]')).toHaveLength(2);

    // Back online: the queue empties by itself and the server has each of them once.
    await page.context().setOffline(false);
    await expect.poll(() => pending(page), { timeout: 15_000 }).toBe('');
    expect(await presentOnServer(page, eventId, second.id)).toBe(true);
    expect(await presentOnServer(page, eventId, third.id)).toBe(true);
    expect(await changes(eventId, second.id)).toBe(1);
    expect(await changes(eventId, third.id)).toBe(1);
    expect(await page.evaluate((key) => localStorage.getItem(key), `landsby.checkin.${eventId}`)).toBeNull();

    // A double tap is one tap: one change reaches the e2e.server.
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/attendance'))
        posts.push(request.postData() ?? '');
    });
    await row(page, fourth.id).getByRole('button', { name: 'Sjekk inn' }).dblclick();
    await expect.poll(() => pending(page)).toBe('');
    expect(await presentOnServer(page, eventId, fourth.id)).toBe(true);
    expect(posts.filter((body) => body.includes(fourth.id))).toHaveLength(1);
    expect(await changes(eventId, fourth.id)).toBe(1);
    await expect.poll(() => counts(page)).toMatch(/^4 av 4 husstander er her, /);

    // Someone who did not answer, new to the registry.
    // Not in the registry: the name searched for is not typed again (WCAG 3.3.7).
    await page.getByRole('button', { name: 'Legg til som ikke har svart' }).click();
    await page.getByLabel('Søk i registeret').fill('Nora Nykomling');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByText('Ingen treff i registeret.').waitFor();
    expect(await page.getByLabel('Fornavn').inputValue()).toBe('Nora');
    expect(await page.getByLabel('Etternavn').inputValue()).toBe('Nykomling');
    await page.getByRole('button', { name: 'Legg til og sjekk inn' }).click();
    const walkIn = page.locator('li[data-household]', { hasText: 'Nora Nykomling' });
    await expect.poll(() => walkIn.textContent()).toContain('Kom uten å svare');
    expect(await announced(page)).toBe('Nora Nykomling er sjekket inn, 5 av 5 her');
    await expect.poll(() => pending(page)).toBe('');
    await expect.poll(() => counts(page)).toMatch(/^5 av 5 husstander er her, /);

    // Undo is one more tap; a household that said it is coming is still expected.
    await page.getByRole('button', { name: `Sjekket inn ✓ (angre) ${first.name}`, exact: true }).click();
    await expect.poll(() => announced(page)).toBe(`${first.name} er ikke lenger sjekket inn, 4 av 5 her`);
    await expect.poll(() => pending(page)).toBe('');
    expect(await presentOnServer(page, eventId, first.id)).toBe(false);
    await expect.poll(() => counts(page)).toMatch(/^4 av 5 husstander er her, /);

    await expectAccessible(page, 'check-in page at 390 px');
    await page.screenshot({ path: `${SCREENSHOTS}/checkin-390.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(page, 'check-in page at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/checkin-320.png` });
    await page.close();
  });

  it('keeps waiting taps through a reload and a failing server, and says so when one is refused', async () => {
    const page = await caseworker(390);
    const eventId = await createCafe(page, 'Omlastingskafé', 6);
    const [first, second] = (await invite(eventId, 2)) as [
      { id: string; name: string },
      { id: string; name: string },
    ];
    await page.goto(`${e2e.server.url}/kafe/${eventId}/innsjekk`);
    await expect.poll(() => counts(page)).toBe('0 av 1 husstand er her, 0 voksne og 0 barn');

    // The server fails (503): the tap waits, also through a reload of the page.
    const isTap = (url: URL) => url.pathname.endsWith('/attendance');
    await page.route(isTap, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: '{"code":"internal","message":"x"}',
          })
        : route.continue(),
    );
    await row(page, first.id).getByRole('button', { name: 'Sjekk inn' }).click();
    await expect.poll(() => pending(page)).toBe('1 endring venter på nett');
    await page.reload();
    await expect.poll(() => pending(page)).toBe('1 endring venter på nett');
    await expect
      .poll(() => row(page, first.id).getByRole('button').textContent())
      .toBe('Sjekket inn ✓ (angre)');
    await expect.poll(() => counts(page)).toBe('1 av 1 husstand er her, 2 voksne og 1 barn');
    expect(await changes(eventId, first.id)).toBe(0);

    // The server is back: the retry (every 10 s) sends it, once.
    await page.unroute(isTap);
    await expect.poll(() => pending(page), { timeout: 15_000 }).toBe('');
    expect(await presentOnServer(page, eventId, first.id)).toBe(true);
    expect(await changes(eventId, first.id)).toBe(1);

    // A tap the server refuses (a 4xx) is dropped with a message, and the screen shows what is stored.
    await page.route(isTap, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: '{"code":"validation.invalid","message":"Noe er feil i det som ble sendt."}',
          })
        : route.continue(),
    );
    await row(page, second.id).getByRole('button', { name: 'Sjekk inn' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain(`Endringen for ${second.name} ble ikke lagret: Noe er feil i det som ble sendt.`);
    await expect.poll(() => pending(page)).toBe('');
    await expect.poll(() => row(page, second.id).getByRole('button').textContent()).toBe('Sjekk inn');
    await page.unroute(isTap);
    await expectAccessible(page, 'check-in page with a refused tap');
    await page.close();
  });
});
