import { beforeAll, describe, expect, it, vi } from 'vitest';
import { apiCall, createCafe, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();
/** A household's answer link, as it arrived by e-mail. */
let link: string;

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

beforeAll(async () => {
  // The caseworker makes a café and sends its invitations, as on the sending page.
  const page = await e2e.caseworker(1280);
  const eventId = await createCafe(page, 'Svarkafé', 9, {
    programme: [{ kind: 'talk', title: 'Når barnet blir tenåring', minutes: 25, speaker: null }],
  });
  await apiCall(page, 'POST', `/api/events/${eventId}/sending/now`);
  await page.close();
  link = await vi.waitFor(
    () => {
      const mail = e2e.server.smtp.messages.find(
        // A bokmål household's invitation: the demo's families also read Polish, Somali, Ukrainian …
        (m) => m.subject?.startsWith('Velkommen til Svarkafé') && m.text?.includes('/svar/'),
      );
      const token = /\/svar\/([\w-]{22})/.exec(mail?.text ?? '')?.[1];
      if (!token) throw new Error('No invitation e-mail yet.');
      return `${e2e.server.url}/svar/${token}`;
    },
    { timeout: 30_000, interval: 100 },
  );
}, 120_000);

describe('the answer page on a phone', () => {
  it('answers "coming" with two adults, a child and halal, and sees it saved', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(link);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Svarkafé');
    expect(await page.getByText('Når barnet blir tenåring (25 min)').count()).toBe(1);
    await expectAccessible(page, 'answer page');
    await expectNoHorizontalScroll(page, 'answer page at 360 px');

    await page.getByLabel('Ja, vi kommer').check();
    await page.getByLabel('Antall voksne').fill('2');
    await page.getByLabel('Antall barn').fill('1');
    await page.getByLabel('Halal').check();
    await page.getByRole('button', { name: 'Send svar' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Takk! Svaret er lagret.');
    expect(await page.getByText('Dere kommer: 2 voksne og 1 barn.').count()).toBe(1);
    await expectAccessible(page, 'answer page after saving');
    await page.screenshot({ path: `${SCREENSHOTS}/answer-360.png`, fullPage: true });
    await context.close();
  });

  it('says what is wrong by keyboard alone, keeping what was typed', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 320, height: 700 }, locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel('Antall voksne').fill('25');
    await page.getByLabel('Antall voksne').press('Enter');
    await expect.poll(() => page.getByRole('alert').getByRole('heading').textContent()).toBe('Noe må rettes');
    expect(await page.getByLabel('Antall voksne').inputValue()).toBe('25');
    expect(await page.getByLabel('Antall voksne').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'answer page with errors');
    await expectNoHorizontalScroll(page, 'answer page with errors at 320 px');
    await context.close();
  });

  it('shows a friendly page for a wrong link', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    const response = await page.goto(`${e2e.server.url}/svar/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lenken virker ikke');
    await expectAccessible(page, 'wrong answer link');
    await context.close();
  });
});
