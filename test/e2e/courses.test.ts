import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

/** Where screenshots of the pages go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

let householdId: string;
let withoutSolidId: string;

async function fitsAt320(page: Page, what: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalScroll(page, `${what} at 320 px`);
  if (size) await page.setViewportSize(size);
}

beforeAll(async () => {
  const page = await e2e.caseworker();
  const household = await apiCall<{ id: string }>(page, 'POST', '/api/households', {
    kind: 'foster',
    relation: 'care',
    address: { line: 'Kursveien 3', postcode: '1384' },
    adults: [{ firstName: 'Sigrid', lastName: 'Kursdal', mobile: '+4791234000' }],
  });
  householdId = household.id;
  const other = await apiCall<{ id: string }>(page, 'POST', '/api/households', {
    kind: 'foster',
    relation: 'care',
    adults: [{ firstName: 'Oddny', lastName: 'Utenkurs', mobile: '+4791234001' }],
  });
  withoutSolidId = other.id;
  await page.close();
}, 60_000);

describe('the course register, from a household page to the course list', () => {
  it('records a Solid completion on the household page, by keyboard, with Norwegian errors first', async () => {
    const page = await e2e.caseworker();
    await page.goto(`${e2e.server.url}/register/${householdId}`);
    const section = page.getByRole('region', { name: 'Kurs', exact: true });
    await expect
      .poll(() => section.getByTestId('solid-status').textContent())
      .toContain('Ingen voksne i husstanden har gått Solid');
    await expectAccessible(page, 'the household page with its courses');

    // Sent empty: each missing field says what to do, and nothing is saved.
    await section.getByRole('button', { name: 'Registrer kurs' }).click();
    await expect.poll(() => section.getByText('Velg kurset.').count()).toBe(1);
    await expect.poll(() => section.getByText('Skriv datoen kurset ble gjennomført.').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('course-course');
    await expectAccessible(page, 'the course form with its errors');

    // The course select has the focus; the date picker's own keys differ by browser locale, so
    // the date is filled and the rest typed.
    await page.locator('#course-course').selectOption({ label: 'Solid' });
    await page.locator('#course-date').fill('2025-05-20');
    await page.locator('#course-hours').focus();
    await page.keyboard.type('15');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Bufetat, region øst');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => section.getByRole('status').textContent())
      .toContain('Solid er registrert på Sigrid Kursdal.');
    await expect
      .poll(() => section.getByTestId('solid-status').textContent())
      .toContain('Solid er gjennomført: husstanden kan være ressursfamilie.');
    expect(await section.getByRole('listitem').first().textContent()).toContain('Bufetat, region øst');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/courses-household.png`, fullPage: true });
    await fitsAt320(page, 'the household page with its courses');
    await page.close();
  });

  it('shows the completion on /register/kurs, with the demo’s resource families under Solid', async () => {
    const page = await e2e.caseworker();
    await page.goto(`${e2e.server.url}/register/kurs`);
    const solid = page.getByRole('region', { name: 'Solid', exact: true });
    await expect.poll(() => solid.textContent()).toContain('Sigrid Kursdal');
    const row = solid.getByRole('row', { name: /Sigrid Kursdal/ });
    expect(await row.textContent()).toContain('20.05.2025');
    expect(await row.textContent()).toContain('Bufetat, region øst');
    // The demo network's resource family has both conversations of the intro course.
    const intro = page.getByRole('region', { name: 'Introduksjonskurs for ressursfamilier', exact: true });
    expect(await intro.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, 'the course list');
    await page.screenshot({ path: `${SCREENSHOTS}/courses-list.png`, fullPage: false });

    // A course of the municipality's own, added and archived.
    await page.getByLabel('Navn på kurset').fill('Traumebevisst omsorg');
    await page.getByLabel('Kursholder (valgfritt)').fill('RVTS Øst');
    await page.getByRole('button', { name: 'Legg til kurs' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Traumebevisst omsorg er lagt til.');
    await page.getByRole('button', { name: 'Arkiver Traumebevisst omsorg' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Traumebevisst omsorg' }).count()).toBe(0);

    await fitsAt320(page, 'the course list');
    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: `${SCREENSHOTS}/courses-list-320.png`, fullPage: false });
    await page.close();
  });

  it('refuses in the registry form to make a household without Solid a resource family, saying what to do', async () => {
    const page = await e2e.caseworker();
    await page.goto(`${e2e.server.url}/register/${withoutSolidId}/rediger`);
    await page.getByRole('radio', { name: 'Ressursfamilie' }).check();
    await page.getByRole('button', { name: 'Lagre husstanden' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Husstanden kan ikke bli ressursfamilie før en voksen i husstanden har gått Solid.');
    expect(await page.getByRole('alert').first().textContent()).toContain('under «Kurs» på husstandens side');
    await expectAccessible(page, 'the household form refused for want of Solid');
    await page.getByRole('alert').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/courses-solid-refused.png`, fullPage: false });
    await page.close();
  });
});
