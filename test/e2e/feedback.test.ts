import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../support/cafe.js';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// The feedback form that replaces Microsoft Forms, as the team and a participant use it: the
// demo caseworker composes the form from the default, prints the sheet for the tables; a
// participant scans the code on a phone, answers once (and is told so the second time); the team
// sees the answer and writes its own evaluation, which is shown beside the next café.

const e2e = setUpE2e();
let team: Page;
let pastId: string;
let nextId: string;
let code: string;

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

/** Creates a café some days from today (negative: past), trying the day before when one is refused. */
async function createCafe(page: Page, title: string, fromToday: number): Promise<string> {
  for (let shift = 0; shift < 10; shift++) {
    const created = await apiCall<{ id: string }>(page, 'POST', '/api/events', {
      title,
      date: inDays(fromToday - shift),
      startTime: '10:00',
      endTime: '12:00',
      food: true,
      registration: 'none',
      programme: [{ kind: 'talk', title: 'Tilknytning i hverdagen', minutes: 30, speaker: null }],
      confirmDate: true,
    }).catch(() => undefined);
    if (created) return created.id;
  }
  throw new Error(`could not create ${title}`);
}

beforeAll(async () => {
  team = await e2e.caseworker(1280);
  pastId = await createCafe(team, 'Vinterkafé', -2);
  nextId = await createCafe(team, 'Vårkafé', 60);
}, 120_000);

afterAll(async () => {
  await team?.close();
});

describe('the feedback form', () => {
  it('is composed from the default form and gets a QR code, a short link and an A4 sheet', async () => {
    await team.goto(`${e2e.server.url}/kafe/${pastId}`);
    await team.getByRole('link', { name: 'Tilbakemelding og QR-kode' }).click();
    await team.getByRole('heading', { level: 1, name: /Tilbakemelding – Vinterkafé/ }).waitFor();
    await expectAccessible(team, 'feedback page with the default form');

    // The default form: five questions; the second is changed.
    expect(await team.getByRole('group', { name: /^Spørsmål \d/ }).count()).toBe(5);
    const second = team.locator('#fb-q2-text-nb');
    expect(await second.inputValue()).toBe('Hva syntes du om temaet for kvelden?');
    await second.fill('Hva syntes du om foredraget om tilknytning?');
    // A text missing in one of the form's languages is named at the field, which gets focus.
    const english = team.locator('#fb-q1-text-en');
    await english.fill('');
    await team.getByRole('button', { name: 'Lagre og lag QR-kode' }).click();
    await expect.poll(() => english.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await english.getAttribute('aria-invalid')).toBe('true');
    await team.getByText('Skriv teksten på dette språket.').waitFor();
    await expectAccessible(team, 'feedback form with an error');
    await english.fill('How was the evening for you?');
    await team.getByRole('button', { name: 'Lagre og lag QR-kode' }).click();
    await team.getByText('Skjemaet er lagret.').waitFor();

    const qr = team.getByRole('img', { name: /QR-kode til tilbakemeldingsskjemaet/ });
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const link = (await team.getByRole('link', { name: /\/t\/[a-z0-9]{8}$/ }).textContent()) ?? '';
    code = /\/t\/([a-z0-9]{8})$/.exec(link)?.[1] ?? '';
    expect(code).toMatch(/^[a-z0-9]{8}$/);

    const [download] = await Promise.all([
      team.waitForEvent('download'),
      team.getByRole('link', { name: 'Last ned A4-ark til bordene (PDF)' }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toBe('tilbakemelding-a4.pdf');
    await expectAccessible(team, 'feedback page with the saved form');
  });

  it('is answered on a phone, once, anonymously, in the chosen language', async () => {
    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nb-NO' });
    const page = await phone.newPage();
    await page.goto(`${e2e.server.url}/t/${code}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Vinterkafé');
    await page.getByRole('group', { name: 'Hva syntes du om foredraget om tilknytning?' }).waitFor();
    await expectAccessible(page, 'public feedback form');
    await expectNoHorizontalScroll(page, 'public feedback form at 390 px');
    await page.screenshot({ path: `${SCREENSHOTS}/feedback-public-390.png`, fullPage: true });

    // English by the link at the top, and back.
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('group', { name: 'How was the evening for you?' }).waitFor();
    await page.getByRole('link', { name: 'Norsk bokmål' }).click();

    await page
      .getByRole('group', { name: 'Hvordan var kvelden for deg?' })
      .getByRole('radio', { name: '4 – Bra' })
      .check();
    await page.getByRole('group', { name: 'Vil du komme igjen?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('checkbox', { name: 'Tenåringer' }).check();
    await page.getByLabel(/Er det noe annet du vil si til oss\?/).fill('Takk for en fin kveld!');
    await page.getByRole('button', { name: 'Send svar' }).click();
    await page.getByRole('heading', { name: 'Tusen takk for svaret!' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/feedback-thanks-390.png` });
    await expectAccessible(page, 'thank-you page');

    // The same phone again: told it has answered, no form.
    await page.goto(`${e2e.server.url}/t/${code}`);
    await page.getByRole('heading', { name: 'Takk, dere har alt svart' }).waitFor();
    expect(await page.getByRole('button', { name: 'Send svar' }).count()).toBe(0);
    await expectAccessible(page, 'already answered page');
    await phone.close();

    // No sideways scroll at 320 px (a fresh phone: the form itself).
    const small = await e2e.browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'nb-NO' });
    const smallPage = await small.newPage();
    await smallPage.goto(`${e2e.server.url}/t/${code}`);
    await expectNoHorizontalScroll(smallPage, 'public feedback form at 320 px');
    await small.close();
  });

  it('shows the team the answer', async () => {
    await team.reload();
    await team.getByText('1 svar', { exact: true }).waitFor();
    const topics = team.getByRole('region', { name: /Hvilke tema vil du snakke om neste gang/ });
    expect(await topics.getByRole('row', { name: /Tenåringer 1/ }).count()).toBe(1);
    await team.getByText('Takk for en fin kveld!').waitFor();
    await expectAccessible(team, 'feedback page with results');
    await team.screenshot({ path: `${SCREENSHOTS}/feedback-team-1280.png`, fullPage: true });
    await team.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(team, 'feedback page at 320 px');
    await team.screenshot({ path: `${SCREENSHOTS}/feedback-team-320.png`, fullPage: true });
    await team.setViewportSize({ width: 1280, height: 900 });
  });
});

describe("the team's evaluation", () => {
  it('is written after the café and shown beside the next one', async () => {
    await team.goto(`${e2e.server.url}/kafe/${pastId}`);
    await team.getByRole('heading', { name: 'Evaluering i teamet' }).waitFor();
    await team.getByLabel('Hva gikk bra?').fill('God stemning, mange nye ansikter.');
    await team.getByLabel('Hva endrer vi til neste gang?').fill('Start maten tidligere.');
    await team.getByRole('button', { name: 'Lagre evalueringen' }).click();
    await team.getByText('Evalueringen er lagret.').waitFor();
    await expectAccessible(team, 'event page with the evaluation');
    await team.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(team, 'event page with the evaluation at 320 px');
    await team.setViewportSize({ width: 1280, height: 900 });

    await team.goto(`${e2e.server.url}/kafe/${nextId}`);
    await team.getByRole('heading', { name: /^Sist gang: Vinterkafé/ }).waitFor();
    await team.getByText('Start maten tidligere.').waitFor();
    await expectAccessible(team, 'next event with the last evaluation');
    await team.screenshot({ path: `${SCREENSHOTS}/feedback-next-event-1280.png`, fullPage: true });
  });
});
