import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// Matching (seed 003: start from the children), the candidate list and the networks' insight, in
// Chromium against the demo municipality: pick children, read the proposals and their reasons,
// choose; axe on each page and no sideways scrolling at 320 px.
const e2e = setUpE2e();
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** A foster home with one child, written through the registry API as the household form does. */
async function fosterHome(page: Page, lastName: string, child: string, birthDate: string, postcode: string) {
  return apiCall<{ id: string }>(page, 'POST', '/api/households', {
    kind: 'foster',
    relation: 'care',
    address: { line: 'Storgata 1', postcode },
    travelMinutes: 12,
    adults: [{ firstName: 'Kari', lastName, mobile: '412 34 567', preferredChannels: ['sms'] }],
    children: [{ firstName: child, birthDate }],
  });
}

describe('matching children to a network', () => {
  it('picks two children, shows the proposals with their reasons, and makes the network the team chooses', async () => {
    const page = await e2e.caseworker(1280);
    await fosterHome(page, 'Matchmo', 'Sølvi', '2016-03-01', '7080');
    await fosterHome(page, 'Matchberg', 'Tiril', '2015-10-01', '7080');
    await page.goto(`${e2e.server.url}/nettverk`);
    await page.getByRole('link', { name: 'Sett sammen et nettverk ut fra barna' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sett sammen et nettverk');
    await page.getByLabel('Søk etter barn eller husstand').fill('Match');
    await page.getByRole('checkbox', { name: /^Sølvi, \d+ år – Kari Matchmo/ }).check();
    await page.getByRole('checkbox', { name: /^Tiril, \d+ år – Kari Matchberg/ }).check();
    await expectAccessible(page, 'matching, two children picked');
    await page.getByRole('button', { name: 'Foreslå nettverk' }).click();

    const proposals = page.getByRole('region', { name: '2. Forslag' });
    await expect.poll(() => proposals.isVisible()).toBe(true);
    const solvi = proposals
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Kari Matchmo' }) });
    expect(await solvi.textContent()).toContain('Barn dere valgte: Sølvi');
    // Same postcode: next door; Tiril is 5 months older, close in age.
    expect(await solvi.textContent()).toContain('Omtrent 0 min fra de andre hjemmene (samme postnummer)');
    expect(await solvi.textContent()).toMatch(/Sølvi \(\d+ år\) er nær i alder Tiril \(\d+ år\)/);
    expect(await proposals.textContent()).toContain('Reisetiden mellom hjemmene er et anslag');
    // The demo's resource family (with Solid) is proposed and chosen beforehand.
    const family = proposals.getByRole('radio', { name: /som ressursfamilie$/ }).first();
    expect(await family.isChecked()).toBe(true);
    await expectAccessible(page, 'matching, proposals');
    await page.screenshot({ path: `${SCREENSHOTS}/matching-1280.png`, fullPage: true });

    await page.getByLabel('Navn på nettverket').fill('Nettverket i Matchbyen');
    await proposals
      .getByRole('group', { name: 'Veiledere (én eller to)' })
      .getByRole('checkbox')
      .first()
      .check();
    await page.getByRole('button', { name: 'Lag nettverket med de valgte' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Nettverket har fått 2 husstander' }).count())
      .toBe(1);
    await page.getByRole('link', { name: 'Åpne nettverket' }).click();
    await expect.poll(() => heading(page).textContent()).toContain('Nettverket i Matchbyen');
    expect(await page.getByText('Kari Matchmo').count()).toBeGreaterThan(0);
  });

  it('works at 320 px without sideways scrolling', async () => {
    const page = await e2e.caseworker(320);
    await page.goto(`${e2e.server.url}/nettverk/sammensetting`);
    await expect.poll(() => heading(page).textContent()).toBe('Sett sammen et nettverk');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Foreslå nettverk' }).click();
    await expect.poll(() => page.getByRole('region', { name: '2. Forslag' }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(page, 'matching at 320 px');
    await expectAccessible(page, 'matching at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/matching-320.png`, fullPage: true });
  });
});

describe('the short list of resource-family candidates', () => {
  it('puts a household on the list, shows its Solid status and refuses to recruit it without Solid', async () => {
    const page = await e2e.caseworker(320);
    await fosterHome(page, 'Kandidatsen', 'Ulrik', '2014-01-01', '7080');
    await page.goto(`${e2e.server.url}/nettverk/kandidater`);
    await expect.poll(() => heading(page).textContent()).toBe('Ressursfamiliekandidater');
    await page.getByLabel('Søk etter husstand').fill('Kandidatsen');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('button', { name: 'Sett Kari Kandidatsen på listen' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Kari Kandidatsen' });
    await expect.poll(() => card.getByText('Solid: Har ikke gått Solid').count()).toBe(1);
    await card.getByLabel('Egnethet (bare for ansatte, høyst 1000 tegn)').fill('Rolig og raus.');
    await card.getByLabel('Status').selectOption({ label: 'Takket ja' });
    await card.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toMatch(/Solid/);
    await card.getByLabel('Status').selectOption({ label: 'Spurt' });
    await card.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Lagret.' }).count()).toBe(1);
    await expectNoHorizontalScroll(page, 'candidates at 320 px');
    await expectAccessible(page, 'candidates');
    await page.screenshot({ path: `${SCREENSHOTS}/candidates-320.png`, fullPage: true });
  });
});

describe('the insight on networks', () => {
  it('shows the charts with a table behind each and downloads, linked from the insight page', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}/innsikt`);
    await page.getByRole('link', { name: 'Innsikt i ressursfamilienettverkene' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Innsikt i nettverkene');
    await expect.poll(() => page.locator('figure svg[role="img"]').count(), { timeout: 15_000 }).toBe(4);
    const gatherings = page.locator('figure', {
      has: page.getByRole('heading', { name: 'Samlinger mot seks i året' }),
    });
    const toggle = gatherings.getByText('Vis som tabell');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const table = gatherings.getByRole('table');
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Nettverk',
      'Holdt',
      'Planlagt',
      'Krav',
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      gatherings.getByRole('link', { name: 'Samlinger mot seks i året som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^landsby-nettverk-gatherings-\d{4}\.csv$/);
    await expectAccessible(page, 'network insight, table open');
    await page.screenshot({ path: `${SCREENSHOTS}/network-insight-1280.png`, fullPage: true });

    const small = await e2e.caseworker(320);
    await small.goto(`${e2e.server.url}/innsikt/nettverk`);
    await expect.poll(() => small.locator('figure svg[role="img"]').count(), { timeout: 15_000 }).toBe(4);
    await expectNoHorizontalScroll(small, 'network insight at 320 px');
    await expectAccessible(small, 'network insight at 320 px');
    await small.screenshot({ path: `${SCREENSHOTS}/network-insight-320.png`, fullPage: true });
  });
});
