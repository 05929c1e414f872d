import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as cafe from '../support/cafe.js';
import { apiCall, createCafe, DEMO_PASSWORD, setUpE2e } from './support.js';

// What a blind foster parent or host hears: the accessibility tree Chromium gives a screen reader
// (Playwright's ARIA snapshot: roles, names, states), where the focus lands after sending a form,
// and what polite live regions announce. One café with invitations sent (its answer link) and a
// feedback form; one café for the check-in.

const e2e = setUpE2e();
let answerLink: string;
let feedbackCode: string;
let feedbackEventId: string;

/** The page as a screen reader reads it, from the top. */
const heard = (page: Page) => page.locator('body').ariaSnapshot();
/** What a screen reader says where the focus is. */
const atFocus = (page: Page) => page.locator(':focus').ariaSnapshot();
const headings = (page: Page) => page.getByRole('heading').allTextContents();
/** Where screenshots of the pages go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

beforeAll(async () => {
  const page = await e2e.caseworker(1280);
  feedbackEventId = await createCafe(page, 'Lyttekafé', 11);
  await apiCall(page, 'POST', `/api/events/${feedbackEventId}/sending/now`);
  // The default feedback form, saved as it is: that gives it its short link.
  const form = await apiCall<{ questions: unknown[]; languages: string[]; closesAt: string }>(
    page,
    'GET',
    `/api/events/${feedbackEventId}/feedback`,
  );
  const saved = await apiCall<{ code: string }>(page, 'PUT', `/api/events/${feedbackEventId}/feedback`, {
    questions: form.questions,
    languages: form.languages,
    closesAt: form.closesAt,
  });
  feedbackCode = saved.code;
  await page.close();
  answerLink = await vi.waitFor(
    () => {
      const mail = e2e.server.smtp.messages.find(
        // A bokmål household's invitation: the demo's families also read Polish, Somali, Ukrainian …
        (m) => m.subject?.startsWith('Velkommen til Lyttekafé') && m.text?.includes('/svar/'),
      );
      const token = /\/svar\/([\w-]{22})/.exec(mail?.text ?? '')?.[1];
      if (!token) throw new Error('No invitation e-mail yet.');
      return `${e2e.server.url}/svar/${token}`;
    },
    { timeout: 30_000, interval: 100 },
  );
}, 120_000);

describe('a screen reader on the pages a household opens from a link', () => {
  it('reads the answer page by its names, and after sending opens on the error summary, then the confirmation, right after the H1', async () => {
    const page = await e2e.newPage({ viewport: { width: 360, height: 740 }, locale: 'nb-NO' });
    await page.goto(answerLink);
    const tree = await heard(page);
    for (const line of [
      '- banner: Fosterhjemstjenesten',
      '- heading "Lyttekafé" [level=1]',
      '- group "Kommer dere?"',
      '- radio "Ja, vi kommer"',
      '- radio "Nei, vi kommer ikke"',
      '- spinbutton "Antall voksne": "1"',
      '- spinbutton "Antall barn": "0"',
      '- group "Hensyn i maten"',
      '- checkbox "Halal"',
      '- textbox "Kommentar til oss (valgfritt) Høyst 1000 tegn."',
      '- button "Send svar"',
      '- link "Legg i kalenderen (.ics)"',
    ]) {
      expect(tree, 'the answer page as heard').toContain(line);
    }
    // Help in the same place on every public page (WCAG 3.2.6): the page's foot.
    expect(tree).toMatch(
      /- contentinfo:\n {2}- paragraph: Spørsmål\? Ta kontakt med fosterhjemstjenesten i kommunen deres/,
    );

    // Sent without saying whether they come: the focus is on the summary of what to correct,
    // the first thing after the H1, and the next Tab is its link to the question.
    await page.getByLabel('Antall voksne').fill('2');
    await page.getByRole('button', { name: 'Send svar' }).press('Enter');
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await expect
      .poll(() => atFocus(page))
      .toBe(
        [
          '- alert:',
          '  - heading "Noe må rettes" [level=2]',
          '  - list:',
          '    - listitem:',
          '      - link "Velg om dere kommer.":',
          '        - /url: "#response-error"',
        ].join('\n'),
      );
    expect((await headings(page)).slice(0, 2)).toEqual(['Lyttekafé', 'Noe må rettes']);
    await page.screenshot({ path: `${SCREENSHOTS}/answer-error-focus-360.png` });
    await page.keyboard.press('Tab');
    expect(await atFocus(page)).toContain('- link "Velg om dere kommer."');
    expect(await page.getByRole('group', { name: 'Kommer dere?' }).ariaSnapshot()).toContain(
      'Kommer dere? Velg om dere kommer.',
    );
    expect(await page.getByRole('spinbutton', { name: 'Antall voksne' }).inputValue()).toBe('2');

    // Sent right: the page opens on the confirmation, then the answer as saved.
    await page.getByRole('radio', { name: 'Ja, vi kommer' }).check();
    await page.getByRole('button', { name: 'Send svar' }).press('Enter');
    await page.waitForURL(/lagret=1$/);
    await expect
      .poll(() => atFocus(page))
      .toBe(['- status:', '  - heading "Takk! Svaret er lagret." [level=2]'].join('\n'));
    expect((await headings(page)).slice(0, 3)).toEqual([
      'Lyttekafé',
      'Takk! Svaret er lagret.',
      'Svaret deres',
    ]);
    expect(await heard(page)).toContain('- paragraph: "Dere kommer: 2 voksne og 0 barn."');
    expect(await heard(page)).toContain('- button "Endre svaret"');
    await page.screenshot({ path: `${SCREENSHOTS}/answer-saved-focus-360.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/answer-saved-1280.png`, fullPage: true });

    // Its icon: the browser's tab shows it, and asking for /favicon.ico is no 404.
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    for (const [path, type] of [
      ['/favicon.svg', 'image/svg+xml'],
      ['/favicon.ico', 'image/'],
    ] as const) {
      const icon = await page.request.get(`${e2e.server.url}${path}`);
      expect(icon.status(), path).toBe(200);
      expect(icon.headers()['content-type'], path).toContain(type);
    }
    await page.close();
  });

  it('reads the feedback form by its names, and after sending opens on what went wrong, then the thanks', async () => {
    const page = await e2e.newPage({ viewport: { width: 360, height: 740 }, locale: 'nb-NO' });
    await page.goto(`${e2e.server.url}/t/${feedbackCode}`);
    const tree = await heard(page);
    for (const line of [
      '- navigation "Språk"',
      '- link "Norsk nynorsk"',
      '- link "English"',
      '- heading "Lyttekafé" [level=1]',
      '- group "Hvordan var kvelden for deg?"',
      '- radio "5 – Veldig bra"',
      '- group "Hvilke tema vil du snakke om neste gang?"',
      '- checkbox "Tilknytning"',
      '- textbox "Er det noe annet du vil si til oss? Valgfritt. Høyst 1000 tegn."',
      '- button "Send svar"',
    ]) {
      expect(tree, 'the feedback form as heard').toContain(line);
    }
    expect(tree).toMatch(/- contentinfo:\n {2}- paragraph: Spørsmål\?/);
    // "You can choose more than one" is read with the question, not only seen under it.
    expect(
      await page
        .getByRole('group', { name: 'Hvilke tema vil du snakke om neste gang?' })
        .getAttribute('aria-describedby'),
    ).not.toBeNull();
    expect(
      await page
        .getByRole('group', { name: 'Hvilke tema vil du snakke om neste gang?' })
        .evaluate(
          (group) => document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent,
        ),
    ).toBe('Du kan velge flere.');

    await page.getByRole('button', { name: 'Send svar' }).press('Enter');
    await expect
      .poll(() => atFocus(page))
      .toBe(
        [
          '- alert:',
          '  - heading "Svaret ble ikke sendt" [level=2]',
          '  - paragraph: Svar på minst ett spørsmål før du sender.',
        ].join('\n'),
      );
    expect((await headings(page)).slice(0, 2)).toEqual(['Lyttekafé', 'Svaret ble ikke sendt']);
    await page.setViewportSize({ width: 320, height: 700 });
    await page.screenshot({ path: `${SCREENSHOTS}/feedback-error-focus-320.png`, fullPage: true });

    await page
      .getByRole('group', { name: 'Hvordan var kvelden for deg?' })
      .getByRole('radio', { name: '5 – Veldig bra' })
      .check();
    await page.getByRole('button', { name: 'Send svar' }).press('Enter');
    await expect.poll(() => atFocus(page)).toContain('- heading "Tusen takk for svaret!" [level=2]');
    expect(await atFocus(page)).toMatch(/^- status:/);
    await page.close();
  });
});

describe('a screen reader with the team', () => {
  it('names each check-in button by its household, and announces each check-in and undo politely with the count', async () => {
    const page = await e2e.caseworker(390);
    const eventId = await createCafe(page, 'Innsjekk for øret', 12);
    const { db, municipalityId } = e2e.server;
    const households = await db.transaction((tx) =>
      tx.query<{ id: string; name: string }>(
        'SELECT id, display_name AS name FROM household WHERE municipality_id = $1 ORDER BY display_name LIMIT 3',
        [municipalityId],
      ),
    );
    const [coming, other] = households as [{ id: string; name: string }, { id: string; name: string }];
    for (const household of households) await cafe.invite(db, municipalityId, eventId, household.id);
    await cafe.answer(db, municipalityId, eventId, coming.id, { adults: 2, children: 1 });

    await page.goto(`${e2e.server.url}/kafe/${eventId}/innsjekk`);
    const list = page.getByRole('list', { name: 'Husstander' });
    await list.waitFor();
    const rows = await list.ariaSnapshot();
    for (const household of households) {
      expect(rows, 'the list as heard').toContain(`- button "Sjekk inn ${household.name}"`);
    }
    const announcement = page.getByRole('status').filter({ hasText: /her$/ });

    // By keyboard: the button keeps the focus and now says it undoes; the status says who and how many.
    const button = page.getByRole('button', { name: `Sjekk inn ${other.name}`, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => announcement.textContent()).toBe(`${other.name} er sjekket inn, 1 av 2 her`);
    expect(await atFocus(page)).toContain(`- button "Sjekket inn ✓ (angre) ${other.name}"`);

    // The undo, a moment later (a second press at once counts as a double tap).
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => announcement.textContent())
      .toBe(`${other.name} er ikke lenger sjekket inn, 0 av 1 her`);
    expect(await atFocus(page)).toContain(`- button "Sjekk inn ${other.name}"`);
    await page.close();
  });

  it('moves a feedback question with buttons instead of dragging, keeping the focus on the question moved', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}/kafe/${feedbackEventId}/tilbakemelding`);
    const first = page.getByRole('group', { name: /^Spørsmål 1/ });
    const second = page.getByRole('group', { name: /^Spørsmål 2/ });
    await second.waitFor();
    const secondText = await second.getByRole('textbox').first().inputValue();

    await page.getByRole('button', { name: 'Flytt spørsmål 2 opp' }).press('Enter');
    await expect.poll(() => first.getByRole('textbox').first().inputValue()).toBe(secondText);
    // At the top now, "up" is disabled: the focus is on the same question's "down".
    expect(await atFocus(page)).toBe('- button "Flytt spørsmål 1 ned"');
    await page.close();
  });
});

describe('signing in (WCAG 3.3.8: no memory or transcription test)', () => {
  it('lets a password manager fill the login form and lets a password be pasted', async () => {
    const page = await e2e.newPage({ viewport: { width: 360, height: 740 }, locale: 'nb-NO' });
    await page.goto(`${e2e.server.url}/logg-inn`);
    const email = page.getByRole('textbox', { name: 'E-postadresse' });
    const password = page.getByLabel('Passord', { exact: true });
    expect(await email.getAttribute('autocomplete')).toBe('username');
    expect(await password.getAttribute('autocomplete')).toBe('current-password');
    // A paste is not stopped by the page.
    const pasted = await password.evaluate((input, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      return input.dispatchEvent(event);
    }, DEMO_PASSWORD);
    expect(pasted).toBe(true);
    await page.close();
  });
});
