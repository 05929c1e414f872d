import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

/** Where screenshots of the page go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

const e2e = setUpE2e();

const { caseworker } = e2e;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const nextYear =
  Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date()).slice(0, 4)) + 1;

/** The number in «142 husstander får invitasjon» once the count has answered. */
async function audienceCount(page: Page, pattern: RegExp): Promise<number> {
  const status = page.locator('.cafe-count');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(pattern);
  return Number(((await status.textContent()) ?? '').replace(/\s/g, '').match(/^\d+/)?.[0]);
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the foster-home café, as the demo caseworker', () => {
  let eventPath = '';

  it('registers a venue, plans the spring season and creates its cafés', async () => {
    const page = await caseworker(1280);
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Fosterhjemskafé', exact: true })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe('Fosterhjemskafé');
    await expect.poll(() => page.getByRole('heading', { name: 'Kommende kafeer' }).count()).toBe(1);
    await expectAccessible(page, 'café overview');

    await page.getByRole('link', { name: 'Lokaler', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Lokaler');
    await page.getByRole('button', { name: 'Nytt lokale' }).click();
    await expect.poll(() => activeId(page)).toBe('venue-name');
    await page.getByLabel('Navn', { exact: true }).fill('Grendehuset i Røyken');
    await page.getByLabel('Adresse').fill('Kirkeveien 4');
    await page.getByLabel('Postnummer').fill('3440');
    await page.getByLabel('Plass til').fill('40');
    await page.getByLabel('Kjøkken').check();
    await page.getByLabel('Parkering').check();
    await page.getByLabel('Trinnfri adkomst').check();
    await expectAccessible(page, 'venue form');
    await page.getByRole('button', { name: 'Lagre lokalet' }).click();
    await expect.poll(() => page.getByText('Grendehuset i Røyken er lagret.').count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Grendehuset i Røyken' }).count()).toBe(1);
    // The demo's venues have held cafés with check-ins: the card says how many households came on average.
    await expect.poll(() => page.getByText(/^\d+(,\d)? husstander$/).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'venues list');

    await page.goto(`${e2e.server.url}/kafe/sesong`);
    await expect.poll(() => heading(page).textContent()).toBe('Planlegg sesong');
    await page.getByRole('radio', { name: 'Vår', exact: true }).check();
    await page.getByRole('combobox', { name: 'År', exact: true }).selectOption(String(nextYear));
    await expect
      .poll(() => page.getByRole('heading', { name: `Forslag for vår ${nextYear}` }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    const accept = page.getByRole('checkbox', { name: /^Ta med / });
    await expect.poll(() => accept.count()).toBe(3);
    // The venue just made is offered for each date.
    const venueChoice = page.getByRole('combobox', { name: 'Lokale', exact: true }).first();
    expect(await venueChoice.locator('option').allTextContents()).toContain(
      'Grendehuset i Røyken (ikke brukt ennå)',
    );
    await venueChoice.selectOption({ label: 'Grendehuset i Røyken (ikke brukt ennå)' });
    await expectAccessible(page, 'season planner');

    await page.getByRole('button', { name: 'Opprett valgte kafeer (3)' }).click();
    await page.waitForURL((url) => url.pathname === '/kafe');
    await expect.poll(() => page.getByText('3 kafeer er opprettet.').count()).toBe(1);
    const upcoming = page.locator('section', { has: page.getByRole('heading', { name: 'Kommende kafeer' }) });
    const links = upcoming.getByRole('link', { name: new RegExp(`${nextYear} kl\\. 18\\.00–20\\.00`) });
    await expect.poll(() => links.count()).toBeGreaterThanOrEqual(3);
    expect(await upcoming.getByText(/Grendehuset i Røyken/).count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'café overview with cafés');

    await links.first().click();
    await expect.poll(() => heading(page).textContent()).toMatch(/januar .* kl\. 18\.00–20\.00$/);
    eventPath = new URL(page.url()).pathname;
    await page.close();
  });

  it('adds a programme item and a host to one café', async () => {
    const page = await caseworker(1280);
    await page.goto(`${e2e.server.url}${eventPath}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Endre kafeen' }).count()).toBe(1);
    await expectAccessible(page, 'café page');

    await page.getByRole('button', { name: 'Legg til programpunkt' }).click();
    await expect.poll(() => activeId(page)).toMatch(/^programme-.*-kind$/);
    const item = page.getByRole('group', { name: 'Programpunkt 1' });
    await item.getByLabel('Type').selectOption({ label: 'Foredrag eller tema' });
    await item.getByLabel('Tema eller overskrift').fill('Når barnet blir tenåring');
    await item.getByLabel('Minutter').fill('25');
    await item.getByLabel('Hvem').fill('Familievernkontoret');
    const hosts = page.getByRole('group', { name: 'Verter' }).getByRole('checkbox');
    await expect.poll(() => hosts.count()).toBeGreaterThan(0);
    const hostName = (
      (await hosts.first().evaluate((box) => box.closest('.ds-field, div')?.textContent)) ?? ''
    ).trim();
    await hosts.first().check();
    await page.getByRole('button', { name: 'Lagre kafeen' }).click();
    await expect.poll(() => page.getByText('Endringene er lagret.').count()).toBe(1);
    const firstName = hostName.split(' ')[0] ?? '';
    await expect.poll(() => page.locator('.cafe-facts').textContent()).toContain(firstName);

    await page.reload();
    await expect
      .poll(() =>
        page.getByRole('group', { name: 'Programpunkt 1' }).getByLabel('Tema eller overskrift').inputValue(),
      )
      .toBe('Når barnet blir tenåring');
    expect(await page.getByRole('group', { name: 'Verter' }).getByRole('checkbox').first().isChecked()).toBe(
      true,
    );
    await expectAccessible(page, 'café page with a programme');
    await page.close();
  });

  it('picks the audience with a live count, takes one household out and writes two notes by keyboard', async () => {
    const page = await caseworker(1280);
    await page.goto(`${e2e.server.url}${eventPath}`);
    await page.getByRole('link', { name: 'Velg hvem som inviteres' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Hvem inviteres');
    const before = await audienceCount(page, /husstand(er)? får invitasjon/);
    expect(before).toBeGreaterThan(0);
    await expectAccessible(page, 'audience page');

    await page.getByLabel('Lengste reisetid').fill('20');
    const preview = await audienceCount(page, /med denne regelen/);
    expect(preview).toBeLessThan(before);
    await page.getByRole('button', { name: 'Bruk regelen' }).click();
    const ruled = await audienceCount(page, /husstand(er)? får invitasjon\.$/);
    expect(ruled).toBe(preview);

    const first = page.getByRole('checkbox', { name: /^Inviter / }).first();
    await expect.poll(() => first.isChecked()).toBe(true);
    await first.uncheck();
    await expect.poll(() => audienceCount(page, /får invitasjon\.$/)).toBe(ruled - 1);
    await expect.poll(() => page.getByText('Tatt ut for hånd').count()).toBe(1);

    // Type, Enter, type, Enter: each note is saved and focus moves down the list.
    const notes = page.getByRole('textbox', { name: /^Personlig linje til / });
    await notes.first().focus();
    const firstId = await activeId(page);
    await page.keyboard.type('Så hyggelig om dere kommer!');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).not.toBe(firstId);
    const secondId = await activeId(page);
    expect(secondId).toMatch(/^note-/);
    await page.keyboard.type('Ta gjerne med barna.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cafe-note__state--saved').count()).toBe(2);

    await page.reload();
    await expect.poll(() => page.locator(`#${firstId}`).inputValue()).toBe('Så hyggelig om dere kommer!');
    expect(await page.locator(`#${secondId}`).inputValue()).toBe('Ta gjerne med barna.');
    expect(await audienceCount(page, /får invitasjon\.$/)).toBe(ruled - 1);
    expect(await page.getByLabel('Lengste reisetid').inputValue()).toBe('20');
    await expectAccessible(page, 'audience page with notes');

    // A family further away than the rule reaches is found in the registry and added by hand.
    const far = await page.evaluate(async () => {
      const response = await fetch('/api/households?sort=travel&dir=desc&limit=1');
      return ((await response.json()) as { households: { name: string }[] }).households[0]?.name ?? '';
    });
    // First and last word of "Kari og Ola Nordmann": every word must match, "og" is not a name.
    const words = far.split(' ');
    await page.getByLabel('Søk i registeret').fill(`${words[0]} ${words.at(-1)}`);
    await page.getByRole('button', { name: 'Finn', exact: true }).click();
    await page.getByRole('button', { name: `Legg til ${far}` }).click();
    await expect.poll(() => audienceCount(page, /får invitasjon\.$/)).toBe(ruled);
    await expect.poll(() => page.getByText('Lagt til for hånd').count()).toBe(1);
    await expectAccessible(page, 'audience page after adding by hand');
    await page.close();
  });

  it('fits a 320 px phone: overview, planner and audience without sideways scrolling', async () => {
    const page = await caseworker(320);
    await page.goto(`${e2e.server.url}/kafe`);
    await expect.poll(() => page.getByRole('heading', { name: 'Kommende kafeer' }).count()).toBe(1);
    await expectNoHorizontalScroll(page, 'café overview');
    await expectAccessible(page, 'café overview at 320 px');

    await page.goto(`${e2e.server.url}/kafe/sesong`);
    await expect
      .poll(() => page.getByRole('heading', { name: /^Forslag for / }).count(), { timeout: 10_000 })
      .toBe(1);
    await expectNoHorizontalScroll(page, 'season planner');
    await expectAccessible(page, 'season planner at 320 px');

    await page.goto(`${e2e.server.url}${eventPath}/mottakere`);
    await audienceCount(page, /får invitasjon/);
    await expectNoHorizontalScroll(page, 'audience page');
    await expectAccessible(page, 'audience page at 320 px');
    await page.close();
  });

  it('writes the invitation template, is told of an unknown merge field and previews one household', async () => {
    const page = await caseworker(1280);
    await page.goto(`${e2e.server.url}${eventPath}`);
    await page.getByRole('link', { name: 'Invitasjon og forhåndsvisning' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Invitasjon og forhåndsvisning');
    const body = page.getByLabel('Tekst i e-post og brev');
    await expect.poll(() => body.inputValue()).toContain('{fornavn}');
    await expectAccessible(page, 'invitation page');

    await body.fill('Hei {fornavn}!\n\nVelkommen til {tittel} {dato}.\n\nHilsen {ukjent}');
    await page.getByRole('button', { name: 'Lagre malen' }).click();
    await expect.poll(() => page.getByText(/Flettefeltet \{ukjent\} finnes ikke\./).count()).toBe(1);
    expect(await page.getByText(/Kjente felt: \{fornavn\}, \{tittel\}/).count()).toBe(1);
    await expect.poll(() => activeId(page)).toBe('template-body');
    await expectAccessible(page, 'invitation page with an unknown merge field');

    await body.fill('Hei {fornavn}!\n\nVelkommen til {tittel} {dato} kl. {tid}.\n\nSvar her: {svarlenke}');
    // The SMS's segments as it is typed: one character outside the GSM alphabet makes it UCS-2.
    const sms = page.getByLabel('SMS-tekst', { exact: true });
    const segments = page.locator('#template-sms-segments');
    await sms.fill('Hei {fornavn}! Kafé {dato}. Svar: {svarlenke}');
    await expect
      .poll(() => segments.textContent())
      .toMatch(/: 45 tegn, 1 SMS \(vanlige tegn, 160 tegn per SMS\)/);
    await sms.fill(`Hei {fornavn}! ${'Kafé i kveld. '.repeat(5)}Svar: {svarlenke} ł`);
    await expect
      .poll(() => segments.textContent())
      .toMatch(/: 104 tegn, 2 SMS \(Unicode .*, 67 tegn per SMS\)/);
    await expectAccessible(page, 'invitation page with the SMS segments');
    await sms.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/invitation-sms-segments.png` });
    await sms.fill('Hei {fornavn}! Bli med på {tittel} {dato} {tid}. Svar: {svarlenke}');
    await page.getByRole('button', { name: 'Lagre malen' }).click();
    await expect.poll(() => page.getByText('Malen er lagret.').count()).toBe(1);
    expect(await page.getByText(/Flettefeltet/).count()).toBe(0);

    // The e-mail to the first invited household greets its adults by first name.
    const household = page.getByLabel('Husstand', { exact: true });
    await expect.poll(() => household.locator('option').count()).toBeGreaterThan(0);
    const householdId = await household.inputValue();
    const firstNames = await page.evaluate(async (id) => {
      const response = await fetch(`/api/households/${id}`);
      return ((await response.json()) as { adults: { firstName: string }[] }).adults.map((a) => a.firstName);
    }, householdId);
    expect(firstNames.length).toBeGreaterThan(0);
    const email = page.locator('#preview-email pre');
    await expect.poll(() => email.textContent(), { timeout: 10_000 }).toContain(firstNames[0]);
    const text = (await email.textContent()) ?? '';
    for (const name of firstNames) expect(text).toContain(name);
    await expectAccessible(page, 'invitation e-mail preview');

    await page.getByRole('radio', { name: 'SMS', exact: true }).check();
    await expect
      .poll(() => page.locator('.cafe-sms-count').textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ tegn, 1 SMS \(vanlige tegn, 160 tegn per SMS\)$/);
    await page.getByRole('radio', { name: 'Brev', exact: true }).check();
    expect(await page.getByRole('link', { name: 'Åpne brevet (PDF)' }).getAttribute('href')).toContain(
      `/invitations/preview/${householdId}?channel=letter`,
    );
    await page.close();

    const phone = await caseworker(320);
    await phone.goto(`${e2e.server.url}${eventPath}/invitasjon`);
    await expect.poll(() => phone.locator('#preview-email pre').count(), { timeout: 10_000 }).toBe(1);
    await expectNoHorizontalScroll(phone, 'invitation page');
    await expectAccessible(phone, 'invitation page at 320 px');
    await phone.close();
  });

  it('gives a café an image with a description, and refuses a file that is no image', async () => {
    // A 1×1 PNG, and a text file that only calls itself one.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const page = await caseworker(1280);
    await page.goto(`${e2e.server.url}${eventPath}`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Bilde', exact: true }),
    });
    await expect.poll(() => section.getByText('Kafeen har ikke noe bilde ennå.').count()).toBe(1);

    await section.getByLabel('Velg bilde').setInputFiles({
      name: 'kafe.png',
      mimeType: 'image/png',
      buffer: Buffer.from('Dette er bare tekst.\n'),
    });
    await section
      .getByLabel('Beskrivelse av bildet (for skjermlesere)')
      .fill('Kaffekopper og boller på et bord');
    await section.getByRole('button', { name: 'Last opp bildet' }).click();
    await expect.poll(() => section.getByText(/Filen er ikke et bilde vi kan lese/).count()).toBe(1);
    await expect.poll(() => activeId(page)).toBe(await section.getByLabel('Velg bilde').getAttribute('id'));

    await section
      .getByLabel('Velg bilde')
      .setInputFiles({ name: 'kafe.png', mimeType: 'image/png', buffer: png });
    await section.getByRole('button', { name: 'Last opp bildet' }).click();
    await expect.poll(() => section.getByText('Bildet er lagret.').count()).toBe(1);
    const image = section.getByRole('img', { name: 'Kaffekopper og boller på et bord' });
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await expectAccessible(page, 'café page with an image');

    // Shown again after a reload, from the e2e.server.
    await page.reload();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await section.getByRole('button', { name: 'Fjern bildet' }).count()).toBe(1);
    await page.close();

    const phone = await caseworker(320);
    await phone.goto(`${e2e.server.url}${eventPath}`);
    await expect
      .poll(() => phone.getByRole('img', { name: 'Kaffekopper og boller på et bord' }).count())
      .toBe(1);
    await expectNoHorizontalScroll(phone, 'café page with an image');
    await expectAccessible(phone, 'café page with an image at 320 px');
    await phone.close();
  });
});
