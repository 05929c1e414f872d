import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CohortView } from '../../src/features/good-start/contract.js';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

/** Where screenshots of the pages go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

/** The demo's cohort under way (features/good-start seedDemoCohorts), as the API shows it. */
async function autumnCohort(page: Page): Promise<CohortView> {
  const { cohorts } = await apiCall<{ cohorts: { id: string; name: string }[] }>(page, 'GET', '/api/cohorts');
  const autumn = cohorts.find((c) => c.name === 'Høstkullet') as { id: string };
  return apiCall<CohortView>(page, 'GET', `/api/cohorts/${autumn.id}`);
}

describe('En god start in the browser', () => {
  it('lets a contact person take attendance per household and session, and offer a missed session in the next cohort', async () => {
    const page = await e2e.caseworker();
    await page.goto(`${e2e.server.url}/god-start`);
    await page.getByRole('link', { name: 'Høstkullet' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Høstkullet');
    // The demo caseworker leads the cohort and has the training of the course register.
    await expect
      .poll(() => page.locator('#leaders-heading + ul').textContent())
      .toContain('Ingrid Berg Har opplæring');

    const cohort = await autumnCohort(page);
    const missed = cohort.members.find(
      (m) => m.attendance[1]?.mark === 'absent',
    ) as CohortView['members'][number];
    const box = page.getByRole('checkbox', { name: `${missed.name} kom på samling 2` });
    expect(await box.isChecked()).toBe(false);
    // The box turns when the save has come back (as on the check-in page): click, then wait for it.
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    // Saved as the check-in saves it: the session's attendance list has the household present.
    const session2 = cohort.sessions[1]?.eventId as string;
    await expect
      .poll(async () => {
        const list = await apiCall<{ households: { id: string; present: boolean }[] }>(
          page,
          'GET',
          `/api/events/${session2}/attendance`,
        );
        return list.households.find((h) => h.id === missed.householdId)?.present;
      })
      .toBe(true);
    // Sessions to come have no box: nothing to tick before a session is held.
    expect(await page.getByRole('checkbox', { name: `${missed.name} kom på samling 4` }).count()).toBe(0);

    const offers = page.locator('#offers-heading ~ ul');
    await expect.poll(() => offers.textContent()).not.toContain(`${missed.name} gikk glipp av «2`);
    const other = cohort.offers.find((o) => o.theme === 3) as CohortView['offers'][number];
    await page.getByRole('button', { name: `Tilby ${other.name} samlingen` }).click();
    await expect.poll(() => offers.textContent()).toContain('Lagt til i mottakerne');
    await shot(page, 'good-start-cohort');
    await expectAccessible(page, 'the cohort page');
    await page.close();
  });

  it('shows the cohort page at 320 px without sideways scrolling, axe clean', async () => {
    const page = await e2e.caseworker(320);
    const cohort = await autumnCohort(page);
    await page.goto(`${e2e.server.url}/god-start/${cohort.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Høstkullet');
    await expectNoHorizontalScroll(page, 'the cohort page at 320 px');
    await expectAccessible(page, 'the cohort page at 320 px');
    await shot(page, 'good-start-cohort-320');
    await page.goto(`${e2e.server.url}/god-start`);
    await expect.poll(() => page.getByRole('link', { name: 'Høstkullet' }).count()).toBe(1);
    await expectNoHorizontalScroll(page, 'the cohorts at 320 px');
    await expectAccessible(page, 'the cohorts at 320 px');
    await page.goto(`${e2e.server.url}/god-start/ny`);
    await expect.poll(() => page.getByLabel('Navn på kullet').count()).toBe(1);
    await expectNoHorizontalScroll(page, 'the new cohort form at 320 px');
    await expectAccessible(page, 'the new cohort form');
    await page.close();
  });

  it('lets a household answer the questionnaire through its personal link, and the team see the answers counted', async () => {
    const staff = await e2e.caseworker();
    const cohort = await autumnCohort(staff);
    await staff.goto(`${e2e.server.url}/god-start/${cohort.id}/evaluering`);
    await staff.getByRole('button', { name: 'Lag lenker: før' }).click();
    const links = staff.getByRole('link', { name: /^Lenken til .* \(Før\)$/ });
    await expect.poll(() => links.count()).toBe(cohort.members.length);
    const url = (await links.first().getAttribute('href')) as string;

    const household = await e2e.newPage({ viewport: { width: 320, height: 800 } });
    await household.goto(`${e2e.server.url}${new URL(url).pathname}`);
    expect(await household.getByRole('heading', { level: 1 }).textContent()).toBe(
      'En god start: spørreskjema',
    );
    await expectAccessible(household, 'the questionnaire');
    await expectNoHorizontalScroll(household, 'the questionnaire at 320 px');
    // Sending with a question unanswered says what is missing, on the page.
    await household.getByRole('button', { name: 'Send svarene' }).click();
    await expect.poll(() => household.getByRole('alert').textContent()).toContain('Noe mangler');
    for (const group of await household.getByRole('group').all()) {
      await group.getByRole('radio', { name: '4 – Litt enig' }).check();
    }
    await household.getByLabel(/Er det noe annet/).fill('Fine samlinger.');
    await household.getByRole('button', { name: 'Send svarene' }).click();
    await expect.poll(() => household.getByRole('status').textContent()).toContain('Takk for svarene!');
    await shot(household, 'good-start-questionnaire-320');
    await expectAccessible(household, 'the questionnaire, answered');
    await household.close();

    await staff.goto(`${e2e.server.url}/god-start/${cohort.id}/evaluering`);
    await expect
      .poll(() => staff.getByRole('heading', { name: 'Før og etter' }).count(), { timeout: 30_000 })
      .toBe(1);
    await shot(staff, 'good-start-evaluation-loaded');
    await expect
      .poll(() => staff.getByText('1 har svart før, 0 etter.').count(), { timeout: 30_000 })
      .toBe(1);
    await expect.poll(() => staff.getByText('Fine samlinger.').count()).toBe(1);
    await staff.getByText('Vis som tabell').click();
    await expect
      .poll(() => staff.getByRole('cell', { name: 'for få svar til å si noe' }).count())
      .toBeGreaterThan(0);
    await shot(staff, 'good-start-evaluation');
    await expectAccessible(staff, 'the evaluation page');
    await staff.close();
  });

  it('sends the questionnaire from the evaluation page by keyboard at 320 px, saying who could not get it, and shows sent beside answered', async () => {
    const staff = await e2e.caseworker(320);
    const cohort = await autumnCohort(staff);
    await staff.goto(`${e2e.server.url}/god-start/${cohort.id}/evaluering`);
    const send = staff.getByRole('button', { name: 'Send spørreskjema: etter' });
    await send.focus();
    await staff.keyboard.press('Enter');
    // The demo's households are not invited to the last session yet: none can get it, and the page says so.
    await expect
      .poll(() => staff.getByRole('status').filter({ hasText: 'ikke invitert' }).textContent())
      .toBe(
        `${cohort.members.length} fosterhjem er ikke invitert til samlingen og fikk ikke spørreskjemaet.`,
      );
    await expect.poll(() => staff.getByRole('columnheader', { name: 'Sendt' }).count()).toBe(1);
    await expect
      .poll(() => staff.getByRole('cell', { name: 'Ikke sendt' }).count())
      .toBeGreaterThanOrEqual(cohort.members.length);
    await expectNoHorizontalScroll(staff, 'the evaluation page at 320 px');
    await expectAccessible(staff, 'the evaluation page after sending, at 320 px');
    await shot(staff, 'good-start-questionnaire-sending-320');
    await staff.close();
  });
});
