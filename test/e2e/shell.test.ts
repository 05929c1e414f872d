import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

const NAV = {
  nb: ['Hjem', 'Register', 'Fosterhjemskafé', 'Ressursfamilier', 'En god start', 'Familiehjem', 'Innsikt'],
  nn: ['Heim', 'Register', 'Fosterheimskafé', 'Ressursfamiliar', 'Ein god start', 'Familieheimar', 'Innsikt'],
  en: [
    'Home',
    'Registry',
    'Foster-home café',
    'Resource families',
    'A good start',
    'Family homes',
    'Insight',
  ],
};

async function newPage(width: number): Promise<{ context: BrowserContext; page: Page }> {
  const page = await e2e.newPage({ viewport: { width, height: 800 } });
  return { context: page.context(), page };
}

/** Opens a link of the main menu; on a phone the menu sits behind its "Meny" button. */
async function openFromMenu(page: Page, name: string, menuButton: string) {
  const nav = page.getByRole('navigation', { name: /Hovedmeny|Hovudmeny|Main menu/ });
  const toggle = nav.getByRole('button', { name: menuButton });
  if (await toggle.isVisible()) await toggle.click();
  await nav.getByRole('link', { name, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
}

async function login(
  page: Page,
  email: string,
  labels = { email: 'E-postadresse', password: 'Passord', submit: 'Logg inn' },
) {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

describe.each([1280, 320])('the demo caseworker at %i px', (width) => {
  it('logs in, visits every programme, switches to nynorsk and English, and logs out; every page passes axe', async () => {
    const { context, page } = await newPage(width);
    await page.goto(`${e2e.server.url}/`);
    await page.waitForURL(/\/logg-inn/);
    await expectAccessible(page, `login at ${width}`);
    await expectNoHorizontalScroll(page, 'login');

    await login(page, 'saksbehandler@demo.landsby.no');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Ingrid/);
    expect(await page.getByRole('banner').getByText(/DEMO/).isVisible()).toBe(true);
    await expectAccessible(page, `home at ${width}`);

    for (const name of NAV.nb.slice(1)) {
      await openFromMenu(page, name, 'Meny');
      // Every programme opens with its own heading and text, pages loaded on demand too (pages not
      // built yet say plainly what will come).
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await expect
        .poll(async () => ((await page.locator('main p').first().textContent()) ?? '').length)
        .toBeGreaterThan(20);
      await expectAccessible(page, `${name} at ${width}`);
      await expectNoHorizontalScroll(page, name);
    }
    // A caseworker has no admin pages.
    expect(await page.getByRole('link', { name: 'Brukere', exact: true }).count()).toBe(0);

    // Nynorsk, from the user menu.
    await page.getByRole('button', { name: /Brukermeny/ }).click();
    await page.getByRole('button', { name: 'Norsk nynorsk' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nn');
    await page.keyboard.press('Escape');
    await openFromMenu(page, NAV.nn[0] as string, 'Meny');
    await expectAccessible(page, `home (nn) at ${width}`);
    for (const name of NAV.nn.slice(1, 3)) await openFromMenu(page, name, 'Meny');

    // English.
    await page.getByRole('button', { name: /Brukarmeny/ }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.keyboard.press('Escape');
    await openFromMenu(page, NAV.en[2] as string, 'Menu');
    await expectAccessible(page, `café (en) at ${width}`);

    // Remembered: after a reload the page is still in English.
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.getByRole('navigation', { name: 'Main menu' }).count()).toBe(1);

    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/logg-inn/);
    await expectAccessible(page, `login after logout at ${width}`);
    // The session is gone on the server: a protected page sends us back to login.
    await page.goto(`${e2e.server.url}/kafe`);
    await page.waitForURL(/\/logg-inn/);

    // Language is remembered at the next login too (saved on the server).
    await page.evaluate(() => localStorage.removeItem('landsby.lang'));
    await page.reload();
    await login(page, 'saksbehandler@demo.landsby.no');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('button', { name: 'Norsk bokmål' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await context.close();
  });
});

describe('login page', () => {
  it('says in Norwegian when the password is wrong, and keeps the e-mail typed', async () => {
    const { context, page } = await newPage(390);
    await page.goto(`${e2e.server.url}/logg-inn`);
    await page.getByLabel('E-postadresse').fill('teamleder@demo.landsby.no');
    await page.getByLabel('Passord', { exact: true }).fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Feil e-postadresse eller passord/);
    expect(await page.getByLabel('E-postadresse').inputValue()).toBe('teamleder@demo.landsby.no');
    await expectAccessible(page, 'login with error');
    await context.close();
  });

  it('works by keyboard alone: skip link first, then the form, with visible focus', async () => {
    const { context, page } = await newPage(1280);
    await page.goto(`${e2e.server.url}/logg-inn`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hopp til hovedinnhold');
    const box = await skip.boundingBox();
    expect(box && box.height > 10 && box.y >= 0, 'the focused skip link is shown on screen').toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

    // Tab to the e-mail field, type, tab to password, Enter submits.
    for (let i = 0; i < 10; i++) {
      if ((await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)) === 'email')
        break;
      await page.keyboard.press('Tab');
    }
    const focus = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(focus.outline !== 'none' || focus.shadow !== 'none', 'the focused field shows its focus').toBe(
      true,
    );
    await page.keyboard.type('teamleder@demo.landsby.no');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Ola/);
    await context.close();
  });

  it('shows a page that says so, inside the shell, for an address that does not exist', async () => {
    const { context, page } = await newPage(320);
    await page.goto(`${e2e.server.url}/logg-inn`);
    await login(page, 'teamleder@demo.landsby.no');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Ola/);
    await page.goto(`${e2e.server.url}/finnes-ikke`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toMatch(/finnes ikke|fant ikke/i);
    await expectAccessible(page, '404 page');
    await expectNoHorizontalScroll(page, '404 page');
    await context.close();
  });
});
