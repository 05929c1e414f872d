import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, createCafe, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

/**
 * The sending page while the e-mail server is down (issue 19 part 1): the loopback SMTP server
 * of the e2e server is taken down before the invitations go, and brought back.
 */
const e2e = setUpE2e();

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const state = (page: Page) => page.locator('.cafe-sending-state').textContent();
const trouble = (page: Page) => page.getByRole('region', { name: 'Problemer med utsendingen' });

describe('the sending page when a provider is down', () => {
  it('says which channel fails, since when, with the server’s answer and that Landsby keeps trying; then that it is done', async () => {
    const page = await e2e.caseworker(1280);
    const eventId = await createCafe(page, 'Kafé uten e-post', 9);
    await e2e.server.smtp.down();
    await apiCall(page, 'POST', `/api/events/${eventId}/sending/now`);
    await page.goto(`${e2e.server.url}/kafe/${eventId}/utsending`);

    const region = trouble(page);
    await expect
      .poll(() => region.getByRole('heading', { name: 'E-post virker ikke akkurat nå' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(await region.getByText(/^Det har feilet siden .+ kl\. \d\d\.\d\d\.$/).count()).toBe(1);
    expect(await region.getByText(/^Siste svar fra e-posttjeneren: «.*ECONNREFUSED.*»$/).count()).toBe(1);
    expect(
      await region
        .getByText(
          /^\d+ meldinger? venter\. Landsby prøver igjen av seg selv .+ Dere trenger ikke gjøre noe\.$/,
        )
        .count(),
    ).toBe(1);
    expect(await state(page)).toMatch(/^Sender … \d+ av \d+$/);
    await expectAccessible(page, 'sending page with e-mail failing');
    await page.screenshot({ path: `${SCREENSHOTS}/sending-outage-1280.png` });

    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(page, 'sending page with e-mail failing at 320 px');
    await region.screenshot({ path: `${SCREENSHOTS}/sending-outage-320.png` });

    // Back: the next probe (every 30 s by default) goes through and the rest follow.
    await e2e.server.smtp.up();
    await expect.poll(() => state(page), { timeout: 60_000, interval: 1000 }).toBe('Sendt');
    expect(await trouble(page).count()).toBe(0);
    await page.close();
  }, 120_000);

  it('tells the team once how many messages were given up at the answer deadline, and why on each', async () => {
    const page = await e2e.caseworker(1280);
    const eventId = await createCafe(page, 'Kafé med frist', 10);
    await apiCall(page, 'POST', `/api/events/${eventId}/sending/now`);
    await expect
      .poll(
        () => apiCall<{ state: string }>(page, 'GET', `/api/events/${eventId}/sending`).then((v) => v.state),
        {
          timeout: 60_000,
          interval: 500,
        },
      )
      .toBe('done');
    // As the worker leaves them when the deadline passed while their provider was down.
    await e2e.server.db.transaction((tx) =>
      tx.query(
        `UPDATE message SET status = 'failed', gave_up = 'deadline', reason = 'connect ECONNREFUSED 127.0.0.1:25'
         WHERE id IN (SELECT id FROM message WHERE event_id = $1 ORDER BY id LIMIT 2)`,
        [eventId],
      ),
    );
    await page.goto(`${e2e.server.url}/kafe/${eventId}/utsending`);
    const region = trouble(page);
    await expect
      .poll(() =>
        region
          .getByText(/^2 meldinger ble ikke sendt fordi svarfristen gikk ut før leverandøren svarte igjen\./)
          .count(),
      )
      .toBe(1);
    const table = page.getByRole('region', { name: 'Husstandene og status for invitasjonen' });
    expect(await table.getByText(/^Ga opp: svarfristen gikk ut \(connect ECONNREFUSED/).count()).toBe(2);
    await expectAccessible(page, 'sending page with messages given up');
    await page.screenshot({ path: `${SCREENSHOTS}/sending-gave-up.png` });
    await page.close();
  }, 120_000);
});
