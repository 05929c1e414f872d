import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// The cost page in Chromium: the chart with its table and downloads, the example figures marked,
// and the team leader setting the municipality's own unit costs; axe and 320 px.
const e2e = setUpE2e();

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('the cost page', () => {
  it('shows the cost per youth per year side by side as a chart, a table and downloads', async () => {
    const page = await e2e.caseworker();
    await page.goto(`${e2e.server.url}/familiehjem/kostnader`);
    await expect.poll(() => heading(page)).toBe('Kostnad per ungdom per år');
    await page.getByText('Tallene er eksempler, ikke kommunens egne.').waitFor();
    await page.getByRole('img', { name: /Stolpediagram, kostnad per ungdom per år/ }).waitFor();
    // A caseworker reads the figures; setting the unit costs is the team leader's.
    expect(await page.getByRole('button', { name: 'Lagre enhetskostnadene' }).count()).toBe(0);
    await page.getByText('Vis som tabell').click();
    const table = page.getByRole('table', { name: 'Kostnad per ungdom per år' });
    const rowOf = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) }).textContent();
    // (1 600 000 + 450 000) ÷ 3 = 683 333
    await expect.poll(() => rowOf('Familiehjem')).toMatch(/683\s333\skr/);
    await expect.poll(() => rowOf('Bofellesskap')).toMatch(/1\s450\s000\skr/);
    await expect.poll(() => rowOf('Institusjon')).toMatch(/4\s900\s000\skr/);
    await page.getByText('Slik regner vi').waitFor();
    await expectAccessible(page, 'the cost page');
    await page.screenshot({ path: `${SCREENSHOTS}/family-home-costs.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^landsby-kostnader-familiehjem-\d{4}\.csv$/);
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned som Excel' }).click(),
    ]);
    expect(excel.suggestedFilename()).toMatch(/\.xlsx$/);

    await page.setViewportSize({ width: 320, height: 700 });
    await expectNoHorizontalScroll(page, 'the cost page at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/family-home-costs-320.png`, fullPage: true });
    await page.close();
  });

  it("lets the team leader set the municipality's own unit costs, and the figures follow", async () => {
    const page = await e2e.loggedIn('team_leader');
    await page.goto(`${e2e.server.url}/familiehjem/kostnader`);
    await page.getByLabel('Ungdommer per familiehjem').fill('2,5');
    await page.getByLabel('Et familiehjem (kr per år)').fill('1 200 000');
    await page.getByLabel('Familieveilederens andel per hjem (kr per år)').fill('');
    await page.getByRole('button', { name: 'Lagre enhetskostnadene' }).click();
    await page.getByText('Skriv et helt tall fra 0 til 100 000 000.').waitFor();
    await page.getByLabel('Familieveilederens andel per hjem (kr per år)').fill('400000');
    await page.getByRole('button', { name: 'Lagre enhetskostnadene' }).click();
    await page.getByText(/Enhetskostnadene for \d{4} er lagret\./).waitFor();
    expect(await page.getByText('Tallene er eksempler, ikke kommunens egne.').count()).toBe(0);
    await page.getByText('Vis som tabell').click();
    // (1 200 000 + 400 000) ÷ 2,5 = 640 000
    const row = page
      .getByRole('table', { name: 'Kostnad per ungdom per år' })
      .getByRole('row', { name: /^Familiehjem/ });
    await expect.poll(() => row.textContent()).toMatch(/640\s000\skr/);
    await expectAccessible(page, 'the cost page with the unit costs form');
    await page.close();
  });
});
