import { beforeAll, describe, expect, it } from 'vitest';
import { answer, inDays, insertEvent, invite } from '../support/cafe.js';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();
let eventId: string;
/** The demo households with a history: the first never answered, the second declined each time. */
let silent: { id: string; name: string };
let declined: { id: string; name: string };

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

beforeAll(async () => {
  // Three earlier cafés of the demo municipality, each with an invitation by e-mail to two
  // households that never came, and the coming café the list is for.
  const { db, municipalityId } = e2e.server;
  const households = await db.transaction((tx) =>
    tx.query<{ id: string; name: string }>(
      `SELECT h.id, h.display_name AS name FROM household h
       WHERE h.municipality_id = $1 AND h.archived_at IS NULL
         AND EXISTS (SELECT 1 FROM adult a WHERE a.household_id = h.id AND a.mobile IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.household_id = h.id)
         AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.household_id = h.id)
       ORDER BY h.display_name LIMIT 2`,
      [municipalityId],
    ),
  );
  [silent, declined] = households as [{ id: string; name: string }, { id: string; name: string }];
  for (const date of ['2025-02-11', '2025-04-08', '2025-10-14']) {
    const past = await insertEvent(db, municipalityId, { date });
    for (const household of households) {
      await invite(db, municipalityId, past, household.id, { channel: 'email' });
      if (household === declined)
        await answer(db, municipalityId, past, household.id, { response: 'not_coming' });
    }
  }
  eventId = await insertEvent(db, municipalityId, { date: inDays(5 * 7) });
}, 120_000);

describe('the welcome list', () => {
  it('shows who to call first, and notes a call by keyboard that joins the history at once', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}/kafe/${eventId}`);
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
    const again = await e2e.caseworker(1280);
    await again.goto(`${e2e.server.url}/kafe/${eventId}/velkomst`);
    await again.getByText('Prøver igjen torsdag.').waitFor();
    await again.close();
  });

  it('fits a phone: no sideways scroll at 320 px, a screenshot at 390 px', async () => {
    const narrow = await e2e.caseworker(320);
    await narrow.goto(`${e2e.server.url}/kafe/${eventId}/velkomst`);
    await narrow.getByRole('heading', { level: 2, name: new RegExp(`\\. ${silent.name}$`) }).waitFor();
    await expectNoHorizontalScroll(narrow, 'welcome list at 320 px');
    await expectAccessible(narrow, 'welcome list at 320 px');
    await narrow.close();

    const phone = await e2e.caseworker(390);
    await phone.goto(`${e2e.server.url}/kafe/${eventId}/velkomst`);
    await phone.getByRole('heading', { level: 2, name: new RegExp(`\\. ${silent.name}$`) }).waitFor();
    await expectNoHorizontalScroll(phone, 'welcome list at 390 px');
    await phone.screenshot({ path: `${SCREENSHOTS}/welcome-list-390.png`, fullPage: true });
    await phone.close();
  });
});
