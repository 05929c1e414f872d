import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// The demo's programme (src/features/demo/service/seed-programme.ts): the demo municipality and
// two invented neighbours with their households and placements; the demo coordinator belongs to it.
const e2e = setUpE2e();
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('the programme pages', () => {
  it('show the coordinator the plan: each municipality, its phase and checklist, and the groups', async () => {
    const page = await e2e.loggedIn('programme_coordinator', 1280);
    await page.getByRole('link', { name: 'Program', exact: true }).first().click();
    await expect.poll(() => heading(page).textContent()).toBe('Styrking av fosterhjemsarbeid (demo)');
    const members = page.getByRole('table');
    await expect.poll(() => members.getByRole('row').count()).toBe(4);
    expect(await members.textContent()).toContain('Nordvik (demo)');
    expect(await members.textContent()).toContain('Fase 3: Gjennomføre pilot');
    expect(await page.getByRole('heading', { name: 'Styringsgruppe' }).count()).toBe(1);
    expect(await page.locator('strong', { hasText: 'Randi Berge' }).count()).toBe(1);
    await expectAccessible(page, 'programme page for the coordinator');
    await page.screenshot({ path: `${SCREENSHOTS}/programme-1280.png`, fullPage: true });

    // The coordinator adds a person to the working group, by keyboard alone.
    await page.getByLabel('Navn').fill('Kari Kontakt');
    await page.getByLabel('Organisasjon').fill('Sørvik (demo)');
    await page.getByLabel('Rolle i programmet').fill('Kontaktperson');
    await page.getByRole('checkbox', { name: 'Arbeidsgruppe' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Legg til person' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Kari Kontakt er lagt til.').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Fjern Kari Kontakt' }).count()).toBe(1);
    await page.close();
  });

  it('show the coordinator pooled stability with charts, tables and downloads, and hide small counts', async () => {
    const page = await e2e.loggedIn('programme_coordinator', 1280);
    await page.goto(`${e2e.server.url}/program/stabilitet`);
    await expect.poll(() => heading(page).textContent()).toBe('Stabilitet i plasseringene');
    await expect.poll(() => page.locator('figure svg[role="img"]').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByText('ikke bevis for at tilbudene virker', { exact: false }).count()).toBe(1);
    expect(await page.getByText('Samlet for kommunene i programmet.').count()).toBe(1);
    const byMunicipality = page.locator('figure', {
      has: page.getByRole('heading', { name: 'Utilsiktede flyttinger per kommune' }),
    });
    await byMunicipality.getByText('Vis som tabell').click();
    const table = byMunicipality.getByRole('table');
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.textContent()).toContain('Sørvik (demo)');
    expect(await page.getByText(/under 5|skjult/).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'stability page for the coordinator');
    await page.screenshot({ path: `${SCREENSHOTS}/programme-stability-1280.png`, fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byMunicipality.getByRole('link', { name: 'Utilsiktede flyttinger per kommune som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('landsby-stabilitet-by-municipality.csv');
    await page.close();
  });

  it('let a team tick its checklist, and fit a 320 px phone', async () => {
    const page = await e2e.loggedIn('team_leader', 320);
    await page.goto(`${e2e.server.url}/program`);
    await expect.poll(() => heading(page).textContent()).toBe('Styrking av fosterhjemsarbeid (demo)');
    const item = page.getByRole('checkbox', { name: 'Piloten gjennomført' });
    await item.check();
    await expect.poll(() => page.getByRole('table').textContent()).toContain('2 av 2 punkter');
    await expectNoHorizontalScroll(page, 'programme page at 320 px');
    await expectAccessible(page, 'programme page at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/programme-320.png`, fullPage: true });
    await page.goto(`${e2e.server.url}/program/stabilitet`);
    await expect.poll(() => page.locator('figure svg[role="img"]').count(), { timeout: 15_000 }).toBe(3);
    // The team sees its own municipality exactly.
    expect(await page.getByText('Tallene for Demo kommune.').count()).toBe(1);
    await expectNoHorizontalScroll(page, 'stability page at 320 px');
    await expectAccessible(page, 'stability page at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/programme-stability-320.png`, fullPage: true });
    await page.close();
  });

  it("show the coordinator En god start's cohorts as counts per session and the pooled evaluation, at 1280 and 320 px", async () => {
    for (const width of [1280, 320]) {
      const page = await e2e.loggedIn('programme_coordinator', width);
      await page.goto(`${e2e.server.url}/program`);
      await page.getByRole('link', { name: 'Se kullene og evalueringen i En god start' }).click();
      await expect.poll(() => heading(page).textContent()).toBe('En god start i programmet');
      // The demo's «Høstkullet» of Demo kommune, sessions 1–3 held: a chart and a table of counts.
      const cohort = page
        .locator('section', { has: page.getByRole('heading', { name: /Høstkullet/ }) })
        .last();
      await expect.poll(() => cohort.getByRole('table').count(), { timeout: 15_000 }).toBe(1);
      expect(await cohort.getByRole('heading', { level: 3 }).textContent()).toContain('Demo kommune');
      expect(await cohort.getByRole('table').textContent()).toContain('1 Den nye familien');
      // Six homes and Nordvik's two (a joint cohort, counted once), two missing session 2: who came
      // is hidden (6 of 6 invited would tell the 2).
      const rows = cohort.getByRole('row');
      expect(await rows.nth(2).textContent()).toMatch(/2 Samarbeid med barnets familie.*6skjult/);
      expect(await rows.nth(4).textContent()).toContain('under 5');
      expect(await page.getByRole('heading', { name: 'Evaluering før og etter, alle kullene' }).count()).toBe(
        1,
      );
      // The table as a file, as the insight pages give theirs: the same hidden counts.
      const csv = page.getByRole('link', { name: 'Oppmøte per samling som CSV' });
      await expect.poll(() => csv.count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Oppmøte per samling som Excel' }).count()).toBe(1);
      const file = await page.request.get(`${e2e.server.url}${await csv.getAttribute('href')}`);
      expect(file.status()).toBe(200);
      expect(await file.text()).toMatch(
        /Høstkullet;Demo kommune;.*2 Samarbeid med barnets familie;[^;]*;6;skjult/,
      );
      if (width === 320) await expectNoHorizontalScroll(page, 'cohorts page at 320 px');
      await expectAccessible(page, `cohorts page at ${width} px`);
      await page.screenshot({ path: `${SCREENSHOTS}/programme-cohorts-${width}.png`, fullPage: true });
      await page.close();
    }
  });
});
