import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FamilyHomeList } from '../../src/features/family-homes/contract.js';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// The family homes in Chromium: the team's landing page and a home's page, the counsellor limit and
// the team leader's override, and a family counsellor logging a visit on a phone (390 px).
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

/** The demo's three family homes, as the team's list shows them (the first two have a counsellor). */
let homes: FamilyHomeList['homes'];

beforeAll(async () => {
  const page = await e2e.caseworker();
  homes = (await apiCall<FamilyHomeList>(page, 'GET', '/api/family-homes')).homes;
  await page.close();
});

describe('the team', () => {
  it('finds the family homes on the landing page, each with its counsellor and youths', async () => {
    const page = await e2e.caseworker();
    await page.getByRole('link', { name: 'Familiehjem', exact: true }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Familiehjem');
    await page.getByRole('heading', { name: 'Familiehjemmene' }).waitFor();
    for (const home of homes.slice(0, 3)) {
      await page.getByRole('link', { name: home.name, exact: true }).waitFor();
    }
    await page.getByText('Familieveileder: Amina Haugen').first().waitFor();
    for (const name of ['Boliger', 'Rekruttering', 'Kostnader']) {
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
    await expectAccessible(page, 'the family homes');
    await fitsAt320(page, 'the family homes');
    await shoot(page, 'family-homes');
    await page.close();
  });

  it('adds a youth on the home page and is told why a third home is refused', async () => {
    const third = homes.find((home) => !home.counsellor);
    expect(third, 'a demo home without a counsellor').toBeDefined();
    const page = await e2e.caseworker();
    await page.goto(`${e2e.server.url}/familiehjem/${third?.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(third?.name);

    await page.getByRole('button', { name: 'Legg til ungdom' }).click();
    await page.getByLabel('Fornavn').fill('Dawit');
    await page.getByLabel('Fødselsdato').fill('2009-03-14');
    await page.getByLabel('Kom til hjemmet').fill('2025-09-01');
    await page.locator('#youth-new-languages').fill('tigrinja, engelsk');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Språk: tigrinja, engelsk').waitFor();

    await page.locator('#counsellor-user').selectOption({ label: 'Amina Haugen (2 av 2 hjem)' });
    await page.getByRole('button', { name: 'Lagre familieveileder' }).click();
    await page.getByText('Familieveilederen følger allerede to familiehjem.', { exact: false }).waitFor();
    await expectAccessible(page, 'a family home with the refusal');
    await fitsAt320(page, 'a family home');
    await shoot(page, 'family-home-team');
    await page.close();
  });

  it('lets a team leader give the counsellor a third home with a reason', async () => {
    const third = homes.find((home) => !home.counsellor);
    const page = await e2e.loggedIn('team_leader');
    await page.goto(`${e2e.server.url}/familiehjem/${third?.id}`);
    await page.locator('#counsellor-user').selectOption({ label: 'Amina Haugen (2 av 2 hjem)' });
    await page.getByRole('button', { name: 'Lagre familieveileder' }).click();
    await page.getByLabel('Begrunnelse for flere enn to hjem').waitFor();
    await expectAccessible(page, 'the override reason');
    await page.getByLabel('Begrunnelse for flere enn to hjem').fill('Søsken bor i to av hjemmene');
    await page.getByRole('button', { name: 'Lagre familieveileder' }).click();
    await page.getByText('Begrunnelse: Søsken bor i to av hjemmene').waitFor();
    await page.close();
  });
});

describe('the family counsellor on a phone', () => {
  it('sees only their homes and logs a home visit at 390 px', async () => {
    const page = await e2e.loggedIn('family_counsellor', 390);
    await page.goto(`${e2e.server.url}/familiehjem`);
    await page.getByRole('heading', { name: 'Dine familiehjem' }).waitFor();
    // Her own homes: the demo's two and the third the team leader gave her above; none of the others.
    const own = (await apiCall<FamilyHomeList>(page, 'GET', '/api/family-homes')).homes;
    expect(own.length).toBeLessThan(homes.length);
    expect(own.map((home) => home.counsellor?.name)).toEqual(own.map(() => 'Amina Haugen'));
    await expect.poll(() => page.locator('.family-home-card').count()).toBe(own.length);
    await expectAccessible(page, "the counsellor's homes");
    await fitsAt320(page, "the counsellor's homes");
    await shoot(page, 'family-homes-counsellor');

    const home = own.find((candidate) => candidate.nextMeetingOn) ?? own[0];
    await page.getByRole('link', { name: home?.name ?? '', exact: true }).click();
    await page.getByRole('heading', { name: 'Logg oppfølging' }).waitFor();
    await page.getByText('Ansvarsgruppemøte:').first().waitFor();
    // The demo's housing gives each of the three homes an occupied unit; no link for a counsellor.
    await page.getByText('(Bebodd)').waitFor();
    expect(await page.getByRole('link', { name: /Bebodd/ }).count()).toBe(0);
    await page.getByLabel('Hjemmebesøk').check();
    await page.getByLabel('Notat (bare for ansatte)').fill('Besøk etter skolen. Alle i god form.');
    await page.getByRole('button', { name: 'Logg oppfølging' }).click();
    await page.getByText('Oppfølgingen er logget.').waitFor();
    await page.getByText('Besøk etter skolen. Alle i god form.').waitFor();
    await expectAccessible(page, 'a family home on a phone');
    await fitsAt320(page, 'a family home on a phone');
    await shoot(page, 'family-home-counsellor-phone');
    await page.close();
  });
});
