import { describe, expect, it } from 'vitest';
import { expectAccessible, setUpE2e } from './support.js';

const e2e = setUpE2e();

// The demo municipality has held cafés in the past year: the overview shows them as held, and
// the planner's warnings (school holidays, unusual weekday …) only for cafés still to come.
describe('past cafés on the café overview', () => {
  it('are shown as held, without date warnings, and their page says so too', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}/kafe`);
    const past = page.locator('section', { has: page.getByRole('heading', { name: 'Tidligere kafeer' }) });
    await expect.poll(() => past.locator('.cafe-card').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const cards = await past.locator('.cafe-card').count();
    await expect.poll(() => past.getByText('Holdt', { exact: true }).count()).toBeGreaterThan(0);
    expect(await past.getByText('Planlagt', { exact: true }).count()).toBe(0);
    expect(await past.locator('.cafe-problems').count()).toBe(0);
    expect(
      (await past.getByText('Holdt', { exact: true }).count()) +
        (await past.getByText('Avlyst', { exact: true }).count()),
    ).toBe(cards);
    await expectAccessible(page, 'café overview with past cafés');
    await page.screenshot({ path: '/tmp/words/past-cafes.png', fullPage: false });

    await past.locator('.cafe-card a').first().click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toMatch(/Holdt|Avlyst/);
    expect(await page.locator('.cafe-problems').count()).toBe(0);
  });
});
