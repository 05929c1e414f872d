import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCafe, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

const { caseworker } = e2e;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const state = (page: Page) => page.locator('.cafe-sending-state').textContent();
/** Where screenshots of the page go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

describe('sending the invitations, as the demo caseworker', () => {
  let eventId = '';

  it('plans, sends once on a double click, shows each household and gives the print room its PDF', async () => {
    const page = await caseworker(1280);
    eventId = await createCafe(page, 'Utsendingskafé', 8);
    await page.goto(`${e2e.server.url}/kafe/${eventId}`);
    await page.getByRole('link', { name: 'Utsending', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^Utsending – Utsendingskafé /);
    await expect.poll(() => state(page)).toBe('Ikke planlagt');

    // The suggested time is filled in: plan it, see it, and take the plan back.
    const sendAt = page.getByLabel('Dato og klokkeslett');
    expect(await sendAt.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T09:00$/);
    await page.getByRole('button', { name: 'Planlegg utsending' }).click();
    await expect.poll(() => state(page)).toMatch(/^Planlagt sendt .+ kl\. 09\.00$/);
    await page.getByRole('button', { name: 'Fjern planen' }).click();
    await expect.poll(() => state(page)).toBe('Ikke planlagt');

    // The planned channels: each household's select says what «as the others» means for it.
    const choices = page.getByRole('combobox', { name: /^Kanal for (?!alle)/ });
    await expect.poll(() => choices.count()).toBeGreaterThan(0);
    const planned = await choices.first().locator('option:checked').textContent();
    expect(planned).toMatch(/^Som de andre \((E-post|SMS|Brev|Digital post)\)$/);
    await expectAccessible(page, 'sending page before sending');
    await page.screenshot({ path: `${SCREENSHOTS}/sending-1280-before.png` });

    // One household by letter instead.
    const letterChoice = choices.filter({ has: page.locator('option', { hasText: /^Brev$/ }) }).first();
    const label = (await letterChoice.getAttribute('aria-label')) ?? '';
    const name = label.replace(/^Kanal for /, '');
    expect(name).not.toBe('');
    await letterChoice.selectOption({ label: 'Brev' });
    await expect.poll(() => page.getByText(`Kanal for ${name}: Brev.`).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: label, exact: true }).inputValue()).toBe('letter');

    // A double click sends once.
    const sendRequests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/sending/now'))
        sendRequests.push(request.url());
    });
    await page.getByRole('button', { name: 'Send nå', exact: true }).click();
    const confirm = page.getByRole('dialog');
    await expect
      .poll(() => confirm.getByRole('heading').textContent())
      .toMatch(/^Sende invitasjonen til \d+ husstander nå\?$/);
    await expectAccessible(page, 'sending page asking before it sends');
    await confirm.getByRole('button', { name: 'Send nå', exact: true }).dblclick();
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('Sendt');
    expect(sendRequests).toHaveLength(1);
    await expect.poll(() => page.getByText(/^Utsendingen er ferdig: /).count()).toBe(1);

    // Each household's status in words; the letter household is ready for the print room.
    const table = page.getByRole('region', { name: 'Husstandene og status for invitasjonen' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect.poll(() => row.getByText('Sendt', { exact: true }).count()).toBe(1);
    expect(await row.getByRole('cell', { name: 'Brev', exact: true }).count()).toBe(1);
    const failed = await table.getByText('Feilet', { exact: true }).count();
    if (failed > 0) {
      // A household that cannot be reached says why, and can be tried again.
      const failedRow = table.getByRole('row').filter({ has: page.getByText('Feilet', { exact: true }) });
      expect(((await failedRow.first().locator('.cafe-sending-reason').textContent()) ?? '').trim()).not.toBe(
        '',
      );
      expect(
        await failedRow
          .first()
          .getByRole('button', { name: /^Prøv igjen for / })
          .count(),
      ).toBe(1);
    }
    expect(await table.getByText(/^(Sendt|Levert|Feilet)$/).count()).toBe(
      (await table.getByRole('row').count()) - 1,
    );

    // The print room: one PDF, then the letters are marked printed.
    const downloadLink = page.getByRole('link', { name: /^Last ned brev til utskrift \(\d+\)$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
    const pdf = await readFile((await download.path()) ?? '');
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await page.getByRole('button', { name: 'Merk brevene som skrevet ut' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merk som skrevet ut' }).click();
    await expect.poll(() => row.getByText('Skrevet ut', { exact: true }).count()).toBe(1);
    await expect
      .poll(() => page.getByText('Alle brevene er skrevet ut. Du kan laste dem ned igjen.').count())
      .toBe(1);

    await expectAccessible(page, 'sending page after sending');
    await page.screenshot({ path: `${SCREENSHOTS}/sending-1280.png`, fullPage: true });
    await page.close();
  });

  it('shows the progress while the invitations go out, and says when they are done', async () => {
    const page = await caseworker(1280);
    // The first two answers are as while a run is under way: 120 of 270 gone.
    let answers = 0;
    await page.route(`**/api/events/${eventId}/sending`, async (route) => {
      const response = await route.fetch();
      const view = (await response.json()) as {
        state: string;
        counts: Record<string, number>;
      };
      answers += 1;
      if (answers <= 2) {
        const waiting = (view.counts.households ?? 0) - 120;
        view.state = 'sending';
        view.counts.queued = waiting;
        view.counts.sent = (view.counts.sent ?? 0) - waiting;
      }
      await route.fulfill({ response, json: view });
    });
    await page.goto(`${e2e.server.url}/kafe/${eventId}/utsending`);
    await expect.poll(() => state(page)).toMatch(/^Sender … 120 av \d+$/);
    const progress = page.getByRole('progressbar', { name: 'Sendt så langt' });
    expect(await progress.getAttribute('value')).toBe('120');
    await page.screenshot({ path: `${SCREENSHOTS}/sending-progress.png` });
    // Asked again every 2 s until done; then one polite sentence for screen readers.
    await expect.poll(() => state(page), { timeout: 15_000 }).toBe('Sendt');
    expect(answers).toBeGreaterThanOrEqual(3);
    expect(
      await page
        .getByRole('status')
        .getByText(/^Utsendingen er ferdig: \d+ sendt, 0 feilet\.$/)
        .count(),
    ).toBe(1);
    expect(await progress.count()).toBe(0);
    await page.close();
  });

  it("shows a failure with the provider's reason, filters the failed and tries one household again", async () => {
    const page = await caseworker(1280);
    // The local outbox never fails: the first answer says one e-mail did, as a provider would.
    const reason = 'SMTP: 550 Mailbox unavailable';
    let failedName = '';
    let answers = 0;
    await page.route(`**/api/events/${eventId}/sending`, async (route) => {
      const response = await route.fetch();
      const view = (await response.json()) as {
        counts: Record<string, number>;
        byChannel: { channel: string; sent: number; failed: number }[];
        households: { name: string; channel: string; status: string; reason: string | null }[];
      };
      answers += 1;
      const household = view.households.find((h) => h.channel === 'email' && h.status === 'sent');
      const email = view.byChannel.find((row) => row.channel === 'email');
      if (answers === 1 && household && email) {
        failedName = household.name;
        household.status = 'failed';
        household.reason = reason;
        view.counts.sent = (view.counts.sent ?? 0) - 1;
        view.counts.failed = 1;
        email.sent -= 1;
        email.failed = 1;
      }
      await route.fulfill({ response, json: view });
    });
    await page.goto(`${e2e.server.url}/kafe/${eventId}/utsending`);
    await expect.poll(() => page.getByText(reason).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Prøv igjen for E-post' }).count()).toBe(1);
    const table = page.getByRole('region', { name: 'Husstandene og status for invitasjonen' });
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: failedName, exact: true }) });
    expect(await row.getByText('Feilet', { exact: true }).count()).toBe(1);
    // A failed household can go by another channel next time.
    expect(await row.getByRole('combobox', { name: `Kanal for ${failedName}` }).count()).toBe(1);

    await page.getByRole('checkbox', { name: 'Vis bare feilet (1)' }).check();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await expectAccessible(page, 'sending page with a failure');
    await page.screenshot({ path: `${SCREENSHOTS}/sending-failed.png`, fullPage: true });

    const retried = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/sending/retry'),
    );
    await row.getByRole('button', { name: `Prøv igjen for ${failedName}` }).click();
    expect((await retried).postDataJSON()).toEqual({ householdId: expect.any(String) });
    await expect.poll(() => page.getByText(reason).count()).toBe(0);
    await expect
      .poll(() => page.getByRole('status').getByText(`Sendes på nytt: ${failedName}.`).count())
      .toBe(1);
    expect(await page.getByRole('checkbox', { name: /^Vis bare feilet/ }).count()).toBe(0);
    expect(await table.getByRole('rowheader', { name: failedName, exact: true }).count()).toBe(1);
    await page.close();
  });

  it('fits a 320 px phone without sideways scrolling', async () => {
    const phone = await caseworker(320);
    await phone.goto(`${e2e.server.url}/kafe/${eventId}/utsending`);
    await expect.poll(() => state(phone)).toBe('Sendt');
    await expect
      .poll(() => phone.locator('.cafe-sending-card').getByText('Skrevet ut', { exact: true }).count())
      .toBeGreaterThan(0);
    await expectNoHorizontalScroll(phone, 'sending page');
    await expectAccessible(phone, 'sending page at 320 px');
    await phone.screenshot({ path: `${SCREENSHOTS}/sending-320.png`, fullPage: true });

    // Before sending, with a channel to choose per household.
    const other = await createCafe(phone, 'Neste kafé', 9);
    await phone.goto(`${e2e.server.url}/kafe/${other}/utsending`);
    await expect.poll(() => state(phone)).toBe('Ikke planlagt');
    await expect
      .poll(() => phone.getByRole('combobox', { name: /^Kanal for (?!alle)/ }).count())
      .toBeGreaterThan(0);
    await expectNoHorizontalScroll(phone, 'sending page before sending');
    await expectAccessible(phone, 'sending page before sending at 320 px');
    await phone.screenshot({ path: `${SCREENSHOTS}/sending-320-before.png`, fullPage: true });
    await phone.close();
  });
});
