import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

/** The link in the newest e-mail to `to`, as the person would click it. */
async function linkFromMail(to: string): Promise<string> {
  const mail = await e2e.server.smtp.waitFor(to);
  const link = /(http\S+#token=[\w-]+)/.exec(mail.text ?? '')?.[1];
  if (!link) throw new Error(`no link in the e-mail to ${to}`);
  return link.replace(/^https?:\/\/[^/]+/, e2e.server.url);
}

describe('the municipality admin', () => {
  it('invites a colleague, who sets a password from the e-mail and logs in; the log shows it all', async () => {
    const admin = await e2e.loggedIn('municipality_admin', 1280);
    await admin
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Brukere', exact: true })
      .click();
    await admin.getByRole('table').waitFor();
    await expectAccessible(admin, 'users');

    await admin.getByLabel('Fornavn').fill('Tone');
    await admin.getByLabel('Etternavn').fill('Tillitsvalgt');
    await admin.getByLabel('E-post', { exact: true }).fill('tone.tillitsvalgt@demo.landsby.no');
    await admin.getByLabel('Saksbehandler').check();
    await admin.getByRole('button', { name: 'Send invitasjon', exact: true }).click();
    await expect
      .poll(() => admin.getByRole('status').first().textContent())
      .toMatch(/Tone Tillitsvalgt er invitert/);
    await expect
      .poll(() => admin.getByRole('table').textContent())
      .toMatch(/tone\.tillitsvalgt@demo\.landsby\.no/);
    await expectAccessible(admin, 'users after invite');

    // The colleague opens the link from the e-mail on a phone.
    const link = await linkFromMail('tone.tillitsvalgt@demo.landsby.no');
    const phone = await (await e2e.browser.newContext({ viewport: { width: 320, height: 700 } })).newPage();
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Velkommen til Landsby' }).waitFor();
    expect(phone.url(), 'the token leaves the address bar once read').not.toContain('token=');
    await expectAccessible(phone, 'welcome');
    await expectNoHorizontalScroll(phone, 'welcome');
    await phone.getByLabel('Nytt passord').fill('kort');
    await phone.getByLabel('Gjenta passordet').fill('kort');
    await phone.getByRole('button', { name: 'Lagre passord' }).click();
    await expect.poll(() => phone.locator('main').textContent()).toMatch(/12 tegn/);
    await phone.getByLabel('Nytt passord').fill('tones-lange-passord');
    await phone.getByLabel('Gjenta passordet').fill('tones-lange-passord');
    await phone.getByRole('button', { name: 'Lagre passord' }).click();
    await expect.poll(() => phone.locator('main').textContent()).toMatch(/Passordet er lagret/);
    await phone.getByLabel('E-postadresse').fill('tone.tillitsvalgt@demo.landsby.no');
    await phone.getByLabel('Passord', { exact: true }).fill('tones-lange-passord');
    await phone.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toMatch(/Tone/);

    // The admin looks the person up in the audit log.
    await admin
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Logg', exact: true })
      .click();
    await admin.getByRole('table').waitFor();
    await admin.getByLabel('Person').fill('Tillitsvalgt');
    await admin.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect.poll(() => admin.getByRole('table').textContent()).toMatch(/Tone Tillitsvalgt/);
    const table = (await admin.getByRole('table').textContent()) ?? '';
    expect(table).toMatch(/Nina Lie/); // who did it
    await expectAccessible(admin, 'audit log with results');
    const href = await admin.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href');
    expect(href).toContain('subject=Tillitsvalgt');
    const csv = await admin.request.get(`${e2e.server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Tone Tillitsvalgt');

    await admin.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(admin, 'audit log at 320 px');
    await expectAccessible(admin, 'audit log at 320 px');
  });

  it('deactivates a user after a confirmation, and that user can no longer log in', async () => {
    const admin = await e2e.loggedIn('municipality_admin', 1280);
    await admin.goto(`${e2e.server.url}/admin/brukere`);
    await admin.getByRole('button', { name: 'Deaktiver – Amina Haugen' }).click();
    await admin.getByRole('dialog').waitFor();
    await expectAccessible(admin, 'deactivate confirmation');
    await admin.getByRole('button', { name: 'Ja, deaktiver' }).click();
    await admin.getByRole('dialog').waitFor({ state: 'hidden' });
    await admin.getByRole('button', { name: 'Aktiver igjen – Amina Haugen' }).waitFor();

    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/logg-inn`);
    await page.getByLabel('E-postadresse').fill('familieveileder@demo.landsby.no');
    await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/deaktivert|ikke aktiv/i);
  });
});

describe('forgotten password', () => {
  it('sends a link by e-mail that sets a new password', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/logg-inn`);
    await page.getByRole('link', { name: 'Glemt passord?' }).click();
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('E-postadresse').fill('teamleder@demo.landsby.no');
    await page.getByRole('button', { name: 'Send lenke' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Hvis adressen finnes/);
    await expectAccessible(page, 'forgot password sent');

    await page.goto(await linkFromMail('teamleder@demo.landsby.no'));
    await page.getByRole('heading', { name: 'Lag nytt passord' }).waitFor();
    await expectAccessible(page, 'reset password');
    await page.getByLabel('Nytt passord').fill('olas-nye-passord');
    await page.getByLabel('Gjenta passordet').fill('olas-nye-passord');
    await page.getByRole('button', { name: 'Lagre passord' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Passordet er lagret/);
    await page.getByLabel('E-postadresse').fill('teamleder@demo.landsby.no');
    await page.getByLabel('Passord', { exact: true }).fill('olas-nye-passord');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Ola/);
  });
});

describe('the external roles', () => {
  it.each([
    ['fosterforelder@demo.landsby.no', 'Min side'],
    ['ressursfamilie@demo.landsby.no', 'Mitt nettverk'],
    ['koordinator@demo.landsby.no', 'Innsikt'],
  ])('%s lands on a page of its own that passes axe', async (email, heading) => {
    const page = await e2e.loggedIn(email, 320);
    if (heading === 'Innsikt') await page.goto(`${e2e.server.url}/innsikt`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(heading);
    await expectAccessible(page, heading);
    await expectNoHorizontalScroll(page, heading);
    // No staff registry for them.
    expect(await page.getByRole('link', { name: 'Register', exact: true }).count()).toBe(0);
  });
});
