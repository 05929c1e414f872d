import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import { longDate } from '../../src/web/shared/dates.js';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// Supervision talks in Chromium: the demo caseworker supervises «Nettverket på Heggedal» (the demo
// network, started today). The start page says when the next talk is due; a talk logged a month
// back makes it overdue (said in words), a talk today moves the due day 14 days on.

const e2e = setUpE2e();
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const NETWORK = 'Nettverket på Heggedal';
const day = (offset: number) => longDate(addDays(todayInOslo(), offset), 'nb');

async function fitsAt320(page: Page, what: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalScroll(page, `${what} at 320 px`);
  if (size) await page.setViewportSize(size);
}

async function logTalk(page: Page, date: string, note: string) {
  const form = page.locator('form', { has: page.getByLabel('Dato for samtalen') });
  await form.getByLabel('Dato for samtalen').fill(date);
  await form.getByLabel('Notat (bare for ansatte)').fill(note);
  await form.getByRole('button', { name: 'Registrer samtalen' }).click();
  await page.getByText('er registrert. Neste samtale senest').waitFor();
}

describe('supervision talks', () => {
  it('shows the next talk due on the start page, overdue in words, and moves it when a talk is logged', async () => {
    const page = await e2e.caseworker();
    const supervised = page.getByRole('region', { name: 'Veiledning av ressursfamilier' });
    await supervised.getByRole('link', { name: NETWORK }).waitFor();
    await expect.poll(() => supervised.textContent()).toContain(`Neste samtale senest ${day(14)}`);
    await expectAccessible(page, 'the start page with the supervised networks');
    await fitsAt320(page, 'the start page');

    await supervised.getByRole('link', { name: NETWORK }).click();
    const section = page.getByRole('region', { name: 'Veiledning', exact: true });
    await section.getByText(`Neste samtale senest ${day(14)}`).waitFor();

    // A talk a month ago: the next was due 16 days ago.
    await logTalk(page, addDays(todayInOslo(), -30), 'Snakket om samlingen før jul.');
    await section.getByText(`Forfalt: samtalen skulle vært holdt ${day(-16)} (16 dager siden)`).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/supervision-overdue-1280.png`, fullPage: true });

    const networkUrl = page.url();
    await page.goto(`${e2e.server.url}/`);
    await expect
      .poll(() => page.getByRole('region', { name: 'Veiledning av ressursfamilier' }).textContent())
      .toContain('Forfalt');

    await page.goto(networkUrl);
    await section.getByText('Forfalt').first().waitFor();
    // A talk today: due in 14 days again, and the log keeps the note.
    await logTalk(page, todayInOslo(), 'Gjennomgang av halvåret.');
    await section
      .getByText(`Neste samtale senest ${day(14)}`)
      .first()
      .waitFor();
    expect(await section.getByText('Forfalt').count()).toBe(0);
    const log = section.getByRole('table');
    await expect.poll(() => log.textContent()).toContain('Snakket om samlingen før jul.');
    expect(await log.textContent()).toContain('Gjennomgang av halvåret.');
    await expectAccessible(page, 'the network page with its supervision');
    await fitsAt320(page, 'the network page');
    await page.screenshot({ path: `${SCREENSHOTS}/supervision-network-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/supervision-network-320.png` });
  });

  it('changes the interval and the due day with it', async () => {
    const page = await e2e.caseworker();
    await page
      .getByRole('region', { name: 'Veiledning av ressursfamilier' })
      .getByRole('link', { name: NETWORK })
      .click();
    const section = page.getByRole('region', { name: 'Veiledning', exact: true });
    await section.getByLabel('Dager mellom samtalene').fill('21');
    await section.getByRole('button', { name: 'Lagre hyppighet' }).click();
    await section.getByText('Lagret: samtale minst hver 21. dag.').waitFor();
    await section
      .getByText(`Neste samtale senest ${day(21)}`)
      .first()
      .waitFor();
  });
});
