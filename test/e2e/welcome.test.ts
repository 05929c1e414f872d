import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2eServer,
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  loggedIn,
  startServer,
} from './support.js';

let server: E2eServer;
let browser: Browser;
let eventId: string;
/** The demo households with a history: the first never answered, the second declined each time. */
let silent: { id: string; name: string };
let declined: { id: string; name: string };

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const CASEWORKER = 'saksbehandler@demo.landsby.no';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Three earlier cafés of the demo municipality, each with an invitation by e-mail to two
  // households that never came, and the coming café the list is for.
  await server.db.transaction(async (tx) => {
    const [municipality] = await tx.query<{ id: number }>('SELECT id FROM municipality WHERE is_demo');
    const households = await tx.query<{ id: string; name: string }>(
      `SELECT h.id, h.display_name AS name FROM household h
       WHERE h.municipality_id = $1 AND h.archived_at IS NULL
         AND EXISTS (SELECT 1 FROM adult a WHERE a.household_id = h.id AND a.mobile IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.household_id = h.id)
         AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.household_id = h.id)
       ORDER BY h.display_name LIMIT 2`,
      [municipality?.id],
    );
    [silent, declined] = households as [{ id: string; name: string }, { id: string; name: string }];
    const event = async (date: string) => {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO event (municipality_id, kind, title, date, start_time, end_time, starts_at, ends_at, registration)
         VALUES ($1, 'cafe', 'Fosterhjemskafé', $2::date, '18:00', '20:00',
           ($2 || 'T16:00:00Z')::timestamptz, ($2 || 'T18:00:00Z')::timestamptz, 'none')
         RETURNING id`,
        [municipality?.id, date],
      );
      return row?.id as string;
    };
    for (const date of ['2025-02-11', '2025-04-08', '2025-10-14']) {
      const past = await event(date);
      for (const household of households) {
        const [invitation] = await tx.query<{ id: string }>(
          `INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
           VALUES ($1, $2::uuid, $3::uuid, sha256(convert_to($3::uuid::text || $2::uuid::text, 'UTF8')), 'nb')
           RETURNING id`,
          [municipality?.id, past, household.id],
        );
        await tx.query(
          `INSERT INTO message (municipality_id, invitation_id, event_id, household_id, channel, status, sent_at)
           VALUES ($1, $2, $3, $4, 'email', 'sent', now())`,
          [municipality?.id, invitation?.id, past, household.id],
        );
        if (household === declined) {
          await tx.query(
            `INSERT INTO answer (invitation_id, municipality_id, event_id, household_id, response)
             VALUES ($1, $2, $3, $4, 'not_coming')`,
            [invitation?.id, municipality?.id, past, household.id],
          );
        }
      }
    }
    const coming = new Date(Date.now() + 5 * 7 * 86_400_000).toISOString().slice(0, 10);
    eventId = await event(coming);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the welcome list', () => {
  it('shows who to call first, and notes a call by keyboard that joins the history at once', async () => {
    const page = await loggedIn(browser, server, CASEWORKER, 1280);
    await page.goto(`${server.url}/kafe/${eventId}`);
    await page.getByRole('link', { name: 'Velkomstliste' }).click();
    await page.waitForURL(`**/kafe/${eventId}/velkomst`);
    // The demo's own history puts others on the list too; ours: the silent one before the one who declined.
    const first = page.getByRole('heading', { level: 2, name: new RegExp(`^\\d+\\. ${silent.name}$`) });
    await first.waitFor();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    const rankOf = (name: string) => headings.findIndex((h) => h.endsWith(`. ${name}`));
    expect(rankOf(silent.name)).toBeGreaterThanOrEqual(0);
    expect(rankOf(declined.name)).toBeGreaterThan(rankOf(silent.name));
    const card = page.getByRole('listitem').filter({ has: first });
    expect(await card.getByText('Har aldri svart.').count()).toBe(1);
    expect(await card.getByText('Invitert 3 ganger').count()).toBe(1);
    const declinedCard = page.getByRole('listitem').filter({ hasText: declined.name });
    expect(await declinedCard.getByText('Har takket nei hver gang de svarte.').count()).toBe(1);
    const call = card.getByRole('link', { name: /^Ring / });
    expect(await call.getAttribute('href')).toMatch(/^tel:\+\d+$/);
    const box = await call.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await expectAccessible(page, 'welcome list');

    // Keyboard only: to the first card's outcomes, the arrow to «Ingen svar», a note, and save.
    await card.getByText('Noter en samtale', { exact: true }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('group', { name: `Noter en samtale med ${silent.name}` });
    await form.getByRole('radio', { name: 'Snakket med dem' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await form.getByRole('radio', { name: 'Ingen svar' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Prøver igjen torsdag.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Samtalen er lagret og lagt til i historikken.').waitFor();
    await card.getByText(/: Ingen svar – /).waitFor();
    expect(await card.getByText('Prøver igjen torsdag.').count()).toBe(1);
    expect(await form.getByRole('radio', { name: 'Ingen svar' }).isChecked()).toBe(false);
    await expectAccessible(page, 'welcome list after a call');
    await page.close();

    // The server has it too.
    const again = await loggedIn(browser, server, CASEWORKER, 1280);
    await again.goto(`${server.url}/kafe/${eventId}/velkomst`);
    await again.getByText('Prøver igjen torsdag.').waitFor();
    await again.close();
  });

  it('fits a phone: no sideways scroll at 320 px, a screenshot at 390 px', async () => {
    const narrow = await loggedIn(browser, server, CASEWORKER, 320);
    await narrow.goto(`${server.url}/kafe/${eventId}/velkomst`);
    await narrow.getByRole('heading', { level: 2, name: new RegExp(`\\. ${silent.name}$`) }).waitFor();
    await expectNoHorizontalScroll(narrow, 'welcome list at 320 px');
    await expectAccessible(narrow, 'welcome list at 320 px');
    await narrow.close();

    const phone = await loggedIn(browser, server, CASEWORKER, 390);
    await phone.goto(`${server.url}/kafe/${eventId}/velkomst`);
    await phone.getByRole('heading', { level: 2, name: new RegExp(`\\. ${silent.name}$`) }).waitFor();
    await expectNoHorizontalScroll(phone, 'welcome list at 390 px');
    await phone.screenshot({ path: `${SCREENSHOTS}/welcome-list-390.png`, fullPage: true });
    await phone.close();
  });
});
