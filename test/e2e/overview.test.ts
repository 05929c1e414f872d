import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiCall,
  createCafe,
  expectAccessible,
  expectNoHorizontalScroll,
  sendInvitations,
  setUpE2e,
} from './support.js';

const e2e = setUpE2e();

const { caseworker } = e2e;
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
/** Where screenshots of the page go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

/** A café nine weeks ahead with its invitations sent; two households have answered by phone. */
async function sentEvent(page: Page): Promise<{ eventId: string; invited: number }> {
  const eventId = await createCafe(page, 'Svarkafé', 9);
  const view = await sendInvitations<{ state: string; households: { id: string; status: string }[] }>(
    page,
    eventId,
  );
  const [first, second] = view.households.filter((h) => h.status !== 'failed');
  const answer = { diet: [], dietNote: null, comment: null };
  await apiCall(page, 'PUT', `/api/events/${eventId}/answers/${first?.id}`, {
    ...answer,
    response: 'coming',
    adults: 2,
    children: 2,
    diet: ['vegetarian', 'gluten_free'],
    dietNote: 'Ett barn tåler ikke egg',
  });
  await apiCall(page, 'PUT', `/api/events/${eventId}/answers/${second?.id}`, {
    ...answer,
    response: 'maybe',
    adults: 0,
    children: 0,
  });
  return { eventId, invited: view.households.length };
}

/** The figure with this label in the row of figures. */
const figure = (page: Page, label: string) =>
  page
    .locator('.overview-figure')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

describe("the team's overview of the answers, as the demo caseworker", () => {
  let eventId = '';

  it('shows the figures, reminds the silent in two clicks, and notes an answer', async () => {
    const page = await caseworker(1280);
    const made = await sentEvent(page);
    eventId = made.eventId;
    await page.goto(`${e2e.server.url}/kafe/${eventId}`);
    await page.getByRole('link', { name: 'Svar og oversikt', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^Svar og oversikt – Svarkafé /);
    await expect.poll(() => figure(page, 'Invitert').textContent()).toBe(String(made.invited));
    expect(await figure(page, 'Har svart').textContent()).toBe('2');
    expect(await figure(page, 'Kommer (husstander)').textContent()).toBe('1');
    expect(await figure(page, 'Voksne som kommer').textContent()).toBe('2');
    expect(await figure(page, 'Barn som kommer').textContent()).toBe('2');
    expect(await figure(page, 'Kanskje').textContent()).toBe('1');
    expect(await figure(page, 'Har ikke svart').textContent()).toBe(String(made.invited - 2));
    // The schedule as the default: a week and a day before.
    expect(await page.getByRole('checkbox', { name: '7 dager før' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '1 dag før' }).isChecked()).toBe(true);
    await expectAccessible(page, 'overview page');
    await page.screenshot({ path: `${SCREENSHOTS}/overview-1280.png` });
    await page.evaluate(() => document.getElementById('overview-reminders-heading')?.scrollIntoView());
    await page.screenshot({ path: `${SCREENSHOTS}/overview-1280-reminders.png` });

    // A reminder to those who have not answered: the group is chosen, then two clicks.
    const nowRequests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/reminders/now'))
        nowRequests.push(request.url());
    });
    expect(await page.getByLabel('Til hvem?').inputValue()).toBe('silent');
    await page.getByRole('button', { name: 'Send påminnelse nå', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Sende påminnelse nå?');
    await expectAccessible(page, 'overview page asking before a reminder');
    await page.screenshot({ path: `${SCREENSHOTS}/overview-confirm-reminder.png` });
    await dialog.getByRole('button', { name: 'Send påminnelsen' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(
        /^(Påminnelsen går nå til \d+ husstander?\.|Det er stille tid nå, så påminnelsen går kl\. 09\.00 til \d+ husstander?\.)$/,
      );
    expect(nowRequests).toHaveLength(1);
    await expect.poll(() => page.getByText(/^Sendt nå til dem som ikke har svart: /).count()).toBe(1);

    // The filter, and an answer noted after a phone call.
    await page.getByLabel('Vis', { exact: true }).selectOption('maybe');
    const rows = page.locator('.overview-table tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const name = (await rows.first().locator('th').textContent()) ?? '';
    await rows
      .first()
      .getByRole('button', { name: `Noter svar for ${name}` })
      .click();
    const note = page.getByRole('dialog');
    await note.getByRole('radio', { name: 'Kommer', exact: true }).check();
    await note.getByLabel('Antall voksne').fill('1');
    await note.getByLabel('Antall barn').fill('0');
    await expectAccessible(page, 'noting an answer');
    await page.screenshot({ path: `${SCREENSHOTS}/overview-note-dialog.png` });
    await note.getByRole('button', { name: 'Lagre svaret' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe(`Svaret for ${name} er lagret.`);
    await expect.poll(() => figure(page, 'Kommer (husstander)').textContent()).toBe('2');
    await page.close();
  });

  it('gives the kitchen a printable food list without names', async () => {
    const page = await caseworker(1280);
    await page.goto(`${e2e.server.url}/kafe/${eventId}/oversikt`);
    await page.getByRole('link', { name: /^Matliste til kjøkkenet/ }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^Matliste – Svarkafé /);
    await expect.poll(() => figure(page, 'Personer').textContent()).toBe('5');
    expect(await page.getByRole('row', { name: /Vegetar/ }).textContent()).toContain('4');
    expect(await page.getByText('Ett barn tåler ikke egg').count()).toBe(1);
    await expectAccessible(page, 'food list');
    await page.screenshot({ path: `${SCREENSHOTS}/food-1280.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/food-print.png`, fullPage: true });
    await page.close();
  });

  it('fits a 320 px phone without sideways scrolling', async () => {
    const page = await caseworker(320);
    await page.goto(`${e2e.server.url}/kafe/${eventId}/oversikt`);
    await expect.poll(() => page.locator('.overview-figure').count()).toBeGreaterThan(5);
    await expectNoHorizontalScroll(page, 'overview page at 320 px');
    await expectAccessible(page, 'overview page at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/overview-320.png` });
    await page.evaluate(() => document.getElementById('overview-households-heading')?.scrollIntoView());
    await page.screenshot({ path: `${SCREENSHOTS}/overview-320-households.png` });
    await page.goto(`${e2e.server.url}/kafe/${eventId}/mat`);
    await expect.poll(() => page.locator('.overview-figure').count()).toBe(3);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .map((element) => `${element.tagName}.${element.className}`)
        .slice(0, 5),
    );
    expect(wide, 'elements wider than the window').toEqual([]);
    await expectNoHorizontalScroll(page, 'food list at 320 px');
    await expectAccessible(page, 'food list at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/food-320.png`, fullPage: true });
    await page.close();
  });
});

describe("the evening's attendance on the team's overview", () => {
  it('shows who came after the check-in, and keeps them counted when their answer changes afterwards', async () => {
    const page = await caseworker(1280);
    const eventId = await createCafe(page, 'Oppmøtekafé', 6);
    const view = await sendInvitations<{ state: string; households: { id: string; status: string }[] }>(
      page,
      eventId,
    );
    const [came, stayedHome] = view.households.filter((h) => h.status !== 'failed');
    if (!came || !stayedHome) throw new Error('the demo has at least two households to invite');
    const answer = { diet: [], dietNote: null, comment: null, children: 1 };
    await apiCall(page, 'PUT', `/api/events/${eventId}/answers/${came.id}`, {
      ...answer,
      response: 'coming',
      adults: 2,
    });
    await apiCall(page, 'PUT', `/api/events/${eventId}/answers/${stayedHome.id}`, {
      ...answer,
      response: 'coming',
      adults: 1,
    });

    // Before anyone is checked in, the figures of the evening are not there yet.
    await page.goto(`${e2e.server.url}/kafe/${eventId}/oversikt`);
    await expect.poll(() => figure(page, 'Invitert').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('heading', { name: 'Oppmøte', exact: true }).count()).toBe(0);

    // The evening: one of the two who said yes is checked in.
    await page.goto(`${e2e.server.url}/kafe/${eventId}`);
    await page.getByRole('link', { name: 'Innsjekk', exact: true }).click();
    const row = page.locator(`li[data-household="${came.id}"]`);
    await row.getByRole('button', { name: 'Sjekk inn' }).click();
    await expect
      .poll(() => row.getByRole('button').textContent(), { timeout: 15_000 })
      .toBe('Sjekket inn ✓ (angre)');
    // The tap has reached the server (nothing waits in the phone's queue).
    await expect.poll(() => page.locator('.checkin-pending').textContent(), { timeout: 15_000 }).toBe('');

    await page.goto(`${e2e.server.url}/kafe/${eventId}/oversikt`);
    await expect.poll(() => figure(page, 'Kom (husstander)').textContent(), { timeout: 15_000 }).toBe('1');
    expect(await figure(page, 'Voksne som kom').textContent()).toBe('2');
    expect(await figure(page, 'Barn som kom').textContent()).toBe('1');
    expect(await figure(page, 'Sa ja, men kom ikke').textContent()).toBe('1');
    expect(await figure(page, 'Kom uten å ha meldt seg').textContent()).toBe('0');
    expect(Number(await figure(page, 'Kom for første gang').textContent())).toBeLessThanOrEqual(1);
    await expectAccessible(page, "overview with the evening's attendance");
    await page.evaluate(() => document.getElementById('overview-attendance-heading')?.scrollIntoView());
    await page.screenshot({ path: `${SCREENSHOTS}/overview-attendance.png` });

    // The household that came changes its answer afterwards: it came all the same.
    await apiCall(page, 'PUT', `/api/events/${eventId}/answers/${came.id}`, {
      ...answer,
      response: 'not_coming',
      adults: 0,
      children: 0,
    });
    await page.reload();
    await expect.poll(() => figure(page, 'Kom (husstander)').textContent(), { timeout: 15_000 }).toBe('1');
    expect(await figure(page, 'Voksne som kom').textContent()).toBe('2');
    expect(await figure(page, 'Barn som kom').textContent()).toBe('1');
    await expectNoHorizontalScroll(page, 'overview with attendance');
    await page.close();
  });
});
