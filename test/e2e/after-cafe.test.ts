import { describe, expect, it } from 'vitest';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();
/** Where screenshots of the page go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

interface AfterCafe {
  held: boolean;
  feedbackForm: boolean;
  thanks: { households: number; sent: number };
  missed: { households: number; sent: number };
}

// A held demo café: its overview offers the thank-you and «we missed you», sent by keyboard alone.
describe('after the café, on the overview of a held café', () => {
  it('the team sends the thank-you and «we missed you» with one button, by keyboard, and sees them counted', async () => {
    const page = await e2e.caseworker(320);
    await page.goto(`${e2e.server.url}/kafe`);
    const year = new Date().getFullYear();
    const { events } = await apiCall<{ events: { id: string; status: string; endsAt: string }[] }>(
      page,
      'GET',
      `/api/events?from=${year - 1}-01-01&to=${year + 1}-12-31`,
    );
    let eventId = '';
    let before: AfterCafe | undefined;
    for (const event of events.filter((e) => e.status === 'planned' && Date.parse(e.endsAt) < Date.now())) {
      const view = await apiCall<AfterCafe>(page, 'GET', `/api/events/${event.id}/after-cafe`);
      if (view.feedbackForm && view.thanks.households > view.thanks.sent && view.missed.households > 0) {
        eventId = event.id;
        before = view;
        break;
      }
    }
    expect(eventId, 'a held demo café with households that came and that stayed away').not.toBe('');
    await page.goto(`${e2e.server.url}/kafe/${eventId}/oversikt`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Etter kafeen' }) });
    await expect.poll(() => section.count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, 'overview of a held café with «Etter kafeen»');
    await expectNoHorizontalScroll(page, 'overview of a held café at 320 px');
    await section.screenshot({ path: `${SCREENSHOTS}/after-cafe-320.png` });

    // By keyboard: tick «we missed you» (the thank-you is ticked already) and send.
    const missed = section.getByRole('checkbox', { name: /Vi savnet dere/ });
    await missed.focus();
    await page.keyboard.press('Space');
    expect(await missed.isChecked()).toBe(true);
    await section.getByRole('button', { name: 'Send', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 })
      .toMatch(/Meldingene sendes/);
    const after = await apiCall<AfterCafe>(page, 'GET', `/api/events/${eventId}/after-cafe`);
    expect(after.thanks.sent).toBe(after.thanks.households);
    expect(after.missed.sent).toBe(after.missed.households);
    expect(after.thanks.sent).toBeGreaterThan(before?.thanks.sent ?? 0);
    // Everything sent: the counts say so and the button is gone.
    await expect.poll(() => section.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
    await expect
      .poll(() => section.getByText(`takk sendt til ${after.thanks.sent}`, { exact: false }).count())
      .toBe(1);
    await section.screenshot({ path: `${SCREENSHOTS}/after-cafe-sent-320.png` });
  });
});
