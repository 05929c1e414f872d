import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// Housing units and recruiting in Chromium: the summary at the top, a caseworker moving the ready
// unit to occupied with a new family home, and the recruiting pipeline; axe and 320 px on each page.
const e2e = setUpE2e();

/** Where screenshots of the pages go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** At 320 px nothing scrolls sideways; the page is then put back to its width. */
async function fitsAt320(page: Page, what: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalScroll(page, `${what} at 320 px`);
  if (size) await page.setViewportSize(size);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('housing units', () => {
  it('shows at a glance one unit ready and one still searched for, and every unit below', async () => {
    const page = await e2e.caseworker();
    await page.goto(`${e2e.server.url}/familiehjem/boliger`);
    await expect.poll(() => heading(page)).toBe('Boliger');
    const summary = page.getByRole('region', { name: 'Status nå' });
    await expect
      .poll(() => summary.getByRole('listitem').first().textContent())
      .toContain('1Klare til innflytting');
    await expect.poll(() => summary.getByRole('listitem').nth(1).textContent()).toContain('1Søker fortsatt');
    await page.getByRole('link', { name: 'Vettrebrenna 2' }).waitFor();
    await page.getByRole('link', { name: 'Adresse ikke kjent ennå' }).waitFor();
    await expectAccessible(page, 'the housing units');
    await fitsAt320(page, 'the housing units');
    await shoot(page, 'housing');
    await page.close();
  });

  it('lets a caseworker move the ready unit to occupied by a new family home, and shows it in the history', async () => {
    const page = await e2e.caseworker();
    const home = await apiCall<{ id: string; displayName: string }>(page, 'POST', '/api/households', {
      kind: 'family_home',
      relation: 'care',
      adults: [
        { firstName: 'Yonas', lastName: 'Tesfamariam', mobile: '41234999', preferredChannels: ['sms'] },
      ],
    });
    await page.goto(`${e2e.server.url}/familiehjem/boliger`);
    // The new home has no unit yet: the summary counts it with the demo's other homes without one.
    const summary = page.getByRole('region', { name: 'Status nå' });
    const without = () => summary.getByRole('listitem').nth(2).textContent();
    await expect.poll(without).toMatch(/^\d+Familiehjem uten bolig/);
    const before = Number((await without())?.match(/^\d+/)?.[0]);
    await page.getByRole('link', { name: 'Vettrebrenna 2' }).click();
    await expect.poll(() => heading(page)).toBe('Vettrebrenna 2');
    await page.getByLabel('Ny status').selectOption({ label: 'Bebodd' });
    await page.getByRole('button', { name: 'Endre status' }).click();
    // Without a home the page says what is missing, and nothing is sent.
    await page.getByText('Velg familiehjemmet som flytter inn.').waitFor();
    await page.getByLabel('Familiehjemmet som flytter inn').selectOption({ label: 'Yonas Tesfamariam' });
    await page.getByRole('button', { name: 'Endre status' }).click();
    await page.getByText('Statusen er endret til «Bebodd».').waitFor();
    await page.getByRole('link', { name: 'Bor her: Yonas Tesfamariam' }).waitFor();
    const history = page.getByRole('table');
    await expect.poll(() => history.getByRole('row').last().textContent()).toContain('Møblert → Bebodd');
    await expect.poll(() => history.getByRole('row').last().textContent()).toContain('Ingrid Berg');
    await expectAccessible(page, 'a housing unit');
    await fitsAt320(page, 'a housing unit');
    await shoot(page, 'housing-unit');

    await page.getByRole('link', { name: 'Tilbake til boligene' }).click();
    await expect
      .poll(() => summary.getByRole('listitem').first().textContent())
      .toContain('0Klare til innflytting');
    await expect.poll(without).toMatch(new RegExp(`^${before - 1}Familiehjem uten bolig`));
    expect(home.id).toBeTruthy();
    await page.close();
  });

  it('registers a unit the coordinator is searching for, on a phone', async () => {
    const page = await e2e.caseworker(360);
    await page.goto(`${e2e.server.url}/familiehjem/boliger`);
    await page.getByLabel('Antall rom').fill('tre');
    await page.getByRole('button', { name: 'Registrer boligen' }).click();
    await page.getByText('Skriv et helt tall fra 1 til 30.').waitFor();
    await page.getByLabel('Antall rom').fill('4');
    await page.getByLabel('Eier', { exact: true }).fill('Boligstiftelsen');
    await page.getByRole('button', { name: 'Registrer boligen' }).click();
    await page.getByText('Boligen er registrert med status «Søker».').waitFor();
    await expect.poll(() => heading(page)).toBe('Adresse ikke kjent ennå');
    await page.close();
  });
});

describe('recruiting family-home parents', () => {
  it('shows the pipeline and moves a candidate from first contact to assessment', async () => {
    const page = await e2e.caseworker();
    await page.goto(`${e2e.server.url}/familiehjem/rekruttering`);
    await expect.poll(() => heading(page)).toBe('Rekruttering av familiehjemsforeldre');
    await page
      .getByRole('region', { name: 'Opplæring (1)' })
      .getByRole('link', { name: 'Samira Haddad' })
      .waitFor();
    await expectAccessible(page, 'recruiting');
    await fitsAt320(page, 'recruiting');
    await shoot(page, 'recruiting');

    await page.getByRole('link', { name: 'Tesfay Gebremedhin' }).click();
    await expect.poll(() => heading(page)).toBe('Tesfay Gebremedhin');
    await page.getByLabel('Flytt til').selectOption({ label: 'Utredning' });
    await page.getByRole('button', { name: 'Flytt kandidaten' }).click();
    await page.getByText('Kandidaten er flyttet til «Utredning».').waitFor();
    await expectAccessible(page, 'a candidate');
    await fitsAt320(page, 'a candidate');
    await shoot(page, 'recruiting-candidate');
    await page.getByRole('link', { name: 'Tilbake til rekrutteringen' }).click();
    await page
      .getByRole('region', { name: 'Utredning (1)' })
      .getByRole('link', { name: 'Tesfay Gebremedhin' })
      .waitFor();
    await page.close();
  });
});
