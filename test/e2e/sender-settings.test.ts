import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

describe('sender settings, for the municipality admin', () => {
  it('sets the sender and its own SvarUt account by keyboard; the password comes back only as «lagret»', async () => {
    const admin = await e2e.loggedIn('municipality_admin', 1280);
    await admin
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Avsender', exact: true })
      .click();
    await admin.getByRole('heading', { name: 'Avsender og kanaler', level: 1 }).waitFor();
    const smsFrom = admin.getByLabel('SMS-avsender');
    await smsFrom.waitFor();
    await expectAccessible(admin, 'sender settings');

    // A sender Sveve would refuse: named at the field, in Norwegian, and the field has focus.
    await smsFrom.fill('Fosterhjem-tjenesten');
    await smsFrom.press('Enter');
    await expect
      .poll(() => admin.locator('main').textContent())
      .toMatch(/Bruk 1–11 bokstaver \(a–z\), sifre eller mellomrom/);
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('sender-sms');
    await expectAccessible(admin, 'sender settings with a refused field');

    await smsFrom.fill('Fosterhjem');
    await admin.getByLabel('Avsenderadresse for e-post').fill('fosterhjem@demo.kommune.no');
    // The switch by keyboard alone: focus and Space.
    const ownSvarUt = admin.getByRole('group', { name: 'Kommunens egen SvarUt-konto' }).getByRole('switch');
    await ownSvarUt.focus();
    await admin.keyboard.press('Space');
    await admin.getByLabel('Konto-ID (SvarUt)').fill('3f0c1e7a-2b4d-4c6e-8a9b-0c1d2e3f4a5b');
    await admin.getByLabel('Integrasjons-ID (Fiks)').fill('7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d');
    await admin.getByLabel('Integrasjonspassord').fill('hemmelig-integrasjonspassord');
    await admin.getByLabel('Integrasjonspassord').press('Enter');
    await expect
      .poll(() => admin.getByRole('status').first().textContent())
      .toMatch(/Avsenderinnstillingene er lagret/);

    await admin.reload();
    await admin.getByLabel('Konto-ID (SvarUt)').waitFor();
    expect(await admin.getByLabel('SMS-avsender').inputValue()).toBe('Fosterhjem');
    expect(await admin.getByLabel('Integrasjonspassord').inputValue()).toBe('');
    expect(await admin.locator('main').textContent()).toMatch(/Lagret\. Skriv et nytt for å bytte det\./);
    expect(await admin.content()).not.toContain('hemmelig-integrasjonspassord');
    await admin.screenshot({ path: '.tmp/sender-settings-1280.png', fullPage: true });

    const phone = await e2e.loggedIn('municipality_admin', 320);
    await phone.goto(`${e2e.server.url}/admin/avsender`);
    await phone.getByLabel('Konto-ID (SvarUt)').waitFor();
    await expectAccessible(phone, 'sender settings at 320 px');
    await expectNoHorizontalScroll(phone, 'sender settings');
    await phone.screenshot({ path: '.tmp/sender-settings-320.png', fullPage: true });
  });
});
