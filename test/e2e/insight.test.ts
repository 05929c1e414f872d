import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// The demo municipality has six past cafés (src/features/demo/history.ts): the insight page shows them.
const e2e = setUpE2e();
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function openInsight(page: Page) {
  await page.goto(`${e2e.server.url}/innsikt`);
  await expect.poll(() => heading(page).textContent()).toBe('Innsikt');
  await expect
    .poll(() => page.locator('figure svg[role="img"]').count(), { timeout: 15_000 })
    .toBeGreaterThan(5);
}

describe('the insight page', () => {
  it('shows the team leader charts with a sentence, tables behind a keyboard toggle, and downloads', async () => {
    const page = await e2e.loggedIn('team_leader', 1280);
    await openInsight(page);
    const attendance = page.locator('figure', {
      has: page.getByRole('heading', { name: 'Oppmøte per kafé' }),
    });
    expect(await attendance.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/^Søylediagram/);
    expect(await attendance.textContent()).toMatch(/6 kafeer, \d+ besøk av husstander/);
    const channels = page.locator('figure', {
      has: page.getByRole('heading', { name: 'Virker posten bedre enn e-post?' }),
    });
    expect(await channels.textContent()).toContain('Brev mot E-post:');
    expect(await channels.textContent()).toMatch(/for lite data til å si sikkert ennå|klart bedre oppmøte/);

    // The table behind "Vis som tabell", opened from the keyboard.
    const toggle = attendance.getByText('Vis som tabell');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const table = attendance.getByRole('table');
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('row').count()).toBe(7);
    expect(await table.getByRole('columnheader').allTextContents()).toContain('Første gang');
    await expectAccessible(page, 'insight page, table open');
    await page.screenshot({ path: `${SCREENSHOTS}/insight-1280.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      attendance.getByRole('link', { name: 'Oppmøte per kafé som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^landsby-attendance-over-time-.*\.csv$/);
    const pdf = await page.evaluate(async () => {
      const link = [...document.querySelectorAll('a')].find((a) =>
        a.href.includes('/api/insight/season.pdf'),
      );
      const response = await fetch(link?.href ?? '');
      return { status: response.status, type: response.headers.get('content-type') };
    });
    expect(pdf).toEqual({ status: 200, type: 'application/pdf' });

    // Another period: a season.
    await page.getByLabel('Periode').selectOption({ index: 1 });
    await expect
      .poll(() => page.locator('figure svg[role="img"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.close();
  });

  it('fits a 320 px phone without sideways scrolling', async () => {
    const page = await e2e.loggedIn('team_leader', 320);
    await openInsight(page);
    await expectNoHorizontalScroll(page, 'insight page at 320 px');
    await expectAccessible(page, 'insight page at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/insight-320.png`, fullPage: true });
    await page.getByRole('heading', { name: 'Virker posten bedre enn e-post?' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/insight-320-channels.png` });
    await page.close();
  });

  it('shows a programme coordinator "under 5" where counts are small', async () => {
    const page = await e2e.loggedIn('programme_coordinator', 1280);
    await openInsight(page);
    expect(
      await page.getByText('Tall under 5 husstander vises som «under 5»', { exact: false }).count(),
    ).toBe(1);
    await expect.poll(() => page.getByText('under 5', { exact: false }).count()).toBeGreaterThan(1);
    await expectAccessible(page, 'insight page for the coordinator');
    await page.screenshot({ path: `${SCREENSHOTS}/insight-coordinator.png`, fullPage: true });
    await page.close();
  });
});
