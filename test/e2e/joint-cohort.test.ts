import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CohortView } from '../../src/features/good-start/contract.js';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// A joint En god start cohort in the browser (issue 14 point 3): the demo's «Høstkullet» has
// Nordvik (demo) as a partner (features/good-start seedDemoJointCohort). On a 320 px phone the
// host's contact person adds the programme's other neighbour as a partner and chooses the meeting
// place of all the sessions to come at once.

const e2e = setUpE2e();
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

async function autumnCohort(page: Page): Promise<CohortView> {
  const { cohorts } = await apiCall<{ cohorts: { id: string; name: string }[] }>(page, 'GET', '/api/cohorts');
  const autumn = cohorts.find((c) => c.name === 'Høstkullet') as { id: string };
  return apiCall<CohortView>(page, 'GET', `/api/cohorts/${autumn.id}`);
}

describe('a joint cohort in the browser', () => {
  it("lets the host add a partner and choose the sessions' meeting place at 320 px, axe clean", async () => {
    const page = await e2e.caseworker(320);
    const cohort = await autumnCohort(page);
    await page.goto(`${e2e.server.url}/god-start/${cohort.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Høstkullet');
    // Nordvik's homes: counted in the table of the other municipalities.
    const others = page
      .getByRole('region', { name: 'De andre kommunenes fosterhjem (antall)' })
      .getByRole('table');
    await expect.poll(() => others.textContent()).toContain('Nordvik (demo)');

    await page.getByLabel('Kommune i programmet').selectOption({ label: 'Sørvik (demo)' });
    await page.getByRole('button', { name: 'Legg til samarbeidskommune' }).click();
    await expect
      .poll(() => page.getByText('Samarbeidskommuner:').textContent())
      .toContain('Nordvik (demo), Sørvik (demo)');

    // The sessions to come have no meeting place: one venue for all three, chosen by keyboard.
    await expect.poll(() => page.getByText('av samlingene som kommer, har ikke møtested').count()).toBe(1);
    const venue = cohort.venueChoices[0] as { id: string; name: string };
    const select = page.getByLabel('Møtested for samlingene som kommer');
    await select.focus();
    await select.selectOption(venue.id);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('av samlingene som kommer, har ikke møtested').count()).toBe(0);
    const sessions = page.locator('#sessions-heading + ol');
    await expect.poll(async () => (await sessions.textContent())?.split(venue.name).length).toBe(4);

    await expectNoHorizontalScroll(page, 'the joint cohort page at 320 px');
    await expectAccessible(page, 'the joint cohort page at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/good-start-joint-320.png`, fullPage: true });
    await page.close();
  });
});
