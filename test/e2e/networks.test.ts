import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import { completeCourse } from '../support/courses.js';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

/** Where screenshots of the pages go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const RESOURCE_FAMILY = 'ressursfamilie@demo.landsby.no';
const NETWORK = 'Nettverket i Vestbygda';
// A 1×1 PNG: the receipt.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Shared by the steps, in order: the story of one network. */
let resourceFamilyId: string;
let memberName: string;
let networkPath: string;
let signingLink: string;

/** A birth date `years` years and a few weeks ago. */
const bornYearsAgo = (years: number) => addDays(todayInOslo(), -(years * 365 + 60));

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** At 320 px nothing scrolls sideways; the page is then put back to its width. */
async function fitsAt320(page: Page, what: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalScroll(page, `${what} at 320 px`);
  if (size) await page.setViewportSize(size);
}

beforeAll(async () => {
  // The registry as the team keeps it: the resource family (the demo user is its adult) and a
  // foster home with a child of 16, who must consent.
  const page = await e2e.caseworker();
  // Solid first: a household becomes a resource family once an adult of it has Solid (courses/).
  const familyInput = {
    relation: 'care',
    address: { line: 'Vestbygdveien 4', postcode: '1384' },
    adults: [{ firstName: 'Hilde', lastName: 'Moen', email: RESOURCE_FAMILY, mobile: '+4791234567' }],
  };
  const family = await apiCall<{ id: string; version: number; adults: { id: string }[] }>(
    page,
    'POST',
    '/api/households',
    { ...familyInput, kind: 'foster' },
  );
  await completeCourse(e2e.server.db, e2e.server.municipalityId, family.id);
  await apiCall(page, 'PUT', `/api/households/${family.id}`, {
    ...familyInput,
    kind: 'resource_family',
    adults: familyInput.adults.map((adult, i) => ({ ...adult, id: family.adults[i]?.id })),
    version: family.version,
  });
  resourceFamilyId = family.id;
  await apiCall(page, 'POST', '/api/households', {
    kind: 'foster',
    relation: 'care',
    address: { line: 'Snekkestadveien 7', postcode: '1384' },
    adults: [
      {
        firstName: 'Kari',
        lastName: 'Snekkestad',
        email: 'kari.snekkestad@example.no',
        mobile: '+4798765432',
      },
    ],
    children: [
      { firstName: 'Jonas', birthDate: bornYearsAgo(16) },
      { firstName: 'Mia', birthDate: bornYearsAgo(9) },
    ],
  });
  const found = await apiCall<{ households: { name: string }[] }>(
    page,
    'GET',
    '/api/households?q=Snekkestad',
  );
  memberName = found.households[0]?.name ?? '';
  await page.close();
}, 60_000);

describe('resource-family networks, from the team to the resource family and back', () => {
  it('lets a caseworker create a network and shows the gate of a proposed household', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}/nettverk`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ressursfamilier');
    await expectAccessible(page, 'the networks');

    await page.getByRole('link', { name: 'Nytt nettverk' }).click();
    await page.getByLabel('Navn på nettverket').waitFor();
    await expectAccessible(page, 'the new network form');
    // Nothing filled in: each field says what it needs.
    await page.getByRole('button', { name: 'Opprett nettverket' }).click();
    await expect.poll(() => page.getByText('Skriv et navn på nettverket.').count()).toBe(1);
    expect(await page.getByText('Velg ressursfamilien.').count()).toBe(1);
    await fitsAt320(page, 'the new network form');

    await page.getByLabel('Navn på nettverket').fill(NETWORK);
    await page.getByLabel('Ressursfamilie').selectOption(resourceFamilyId);
    await page.getByRole('checkbox', { name: 'Ingrid Berg' }).check();
    await page.getByRole('button', { name: 'Opprett nettverket' }).click();
    await page.waitForURL(/\/nettverk\/[0-9a-f-]{36}$/);
    networkPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NETWORK);
    expect(await page.getByText('Nettverket er opprettet.', { exact: false }).count()).toBe(1);

    // Proposed: the household waits until its adult has signed and Jonas (16) has consented.
    await page.getByLabel('Søk etter navn i registeret').fill('Snekkestad');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('button', { name: `Legg til ${memberName}` }).click();
    const card = page.locator('.network-card').filter({
      has: page.getByRole('heading', { name: memberName }),
    });
    await expect.poll(() => card.getByText('Kan ikke bli med ennå. Dette mangler:').count()).toBe(1);
    expect(await card.getByText('Kari Snekkestad har ikke signert taushetserklæringen.').count()).toBe(1);
    expect(await card.getByText('Jonas (16 år) har ikke samtykket.').count()).toBe(1);
    // Nine-year-old Mia needs no consent, and there is no button to let the household in yet.
    expect(await card.getByText('Mia (9 år) har ikke samtykket.').count()).toBe(0);
    expect(await card.getByRole('button', { name: `Ta ${memberName} inn i nettverket` }).count()).toBe(0);
    await expectAccessible(page, 'the network with a household at the gate');
    await fitsAt320(page, 'the network page');

    await card.getByRole('button', { name: 'Lag lenke til å kopiere for Kari Snekkestad' }).click();
    const field = card.getByLabel('Personlig lenke for Kari Snekkestad');
    await expect.poll(() => field.inputValue()).toMatch(/\/taushetsplikt\/[\w-]{10,}$/);
    // The link names the configured public address; the test server listens on its own port.
    signingLink = `${e2e.server.url}${new URL(await field.inputValue()).pathname}`;
    await shoot(page, 'networks-network-1280');
    await page.close();
  });

  it('lets the adult sign the confidentiality agreement through the link on a 390 px phone', async () => {
    const phone = await e2e.newPage({ viewport: { width: 390, height: 844 }, locale: 'nb-NO' });
    await phone.goto(signingLink);
    await expectAccessible(phone, 'the signing page');
    await expectNoHorizontalScroll(phone, 'the signing page at 390 px');
    await phone.getByLabel('Jeg har lest teksten over og godtar gruppe-taushetsplikten').check();
    await phone.getByRole('button', { name: 'Signer' }).click();
    await expect.poll(() => phone.getByRole('button', { name: 'Signer' }).count()).toBe(0);
    await expectAccessible(phone, 'the signing page after signing');
    await shoot(phone, 'networks-signing-390');
    await phone.close();
  });

  it("lets the caseworker record the child's consent and the household join", async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}${networkPath}`);
    const card = page
      .locator('.network-card')
      .filter({ has: page.getByRole('heading', { name: memberName }) });
    await expect.poll(() => card.getByText(/^Signert /).count()).toBe(1);
    expect(await card.getByText('Kari Snekkestad har ikke signert taushetserklæringen.').count()).toBe(0);

    await card.getByRole('button', { name: 'Registrer samtykke fra Jonas' }).click();
    await expect.poll(() => page.getByText('Samtykket fra Jonas er registrert.').count()).toBe(1);
    await card.getByRole('button', { name: `Ta ${memberName} inn i nettverket` }).click();
    await expect.poll(() => page.getByText(`${memberName} er med i nettverket.`).count()).toBe(1);
    // The notice comes with the answer, the card with the reload after it.
    await expect.poll(() => card.getByText('Med i nettverket', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'the network with a member');

    // The demo's resource-family account belongs to the demo's network: the caseworker moves it here.
    await page
      .getByLabel('Gi en ressursfamilie-bruker tilgang til nettverket')
      .selectOption({ label: `Hilde Moen (${RESOURCE_FAMILY})` });
    await page.getByRole('button', { name: 'Gi tilgang' }).click();
    await expect
      .poll(() => page.getByText(`${RESOURCE_FAMILY} har fått tilgang til nettverket.`).count())
      .toBe(1);
    await expect.poll(() => page.getByText(RESOURCE_FAMILY, { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'the network with its resource family user');
    await page.close();
  });

  it('lets the resource family see its families, log a contact in a few taps and ask to be called, on a phone', async () => {
    const page = await e2e.loggedIn(RESOURCE_FAMILY, 390);
    await page.waitForURL((url) => url.pathname === '/mitt-nettverk');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mitt nettverk');
    const family = page
      .locator('.my-network-card')
      .filter({ has: page.getByRole('heading', { name: memberName }) });
    await expect
      .poll(() => family.getByRole('link', { name: /^Ring / }).getAttribute('href'))
      .toBe('tel:+4798765432');
    expect(await family.getByText('Barn: Jonas (16 år), Mia (9 år)').count()).toBe(1);
    await expectAccessible(page, 'my network');
    await fitsAt320(page, 'my network');

    // Ten seconds on a phone: family, how, what — the date is today already.
    await page.getByRole('radio', { name: memberName }).check();
    await page.getByRole('radio', { name: 'Telefon' }).check();
    await page.getByRole('group', { name: 'Hva det gjaldt' }).getByRole('radio').first().check();
    expect(await page.getByLabel('Dato', { exact: true }).inputValue()).toBe(todayInOslo());
    expect(await page.getByLabel('Kort notat').count()).toBe(0);
    await page.getByRole('button', { name: 'Lagre kontakten' }).click();
    await expect.poll(() => page.getByText(`Kontakten med ${memberName} er lagret.`).count()).toBe(1);
    await expect.poll(() => page.getByText(`${memberName} · Telefon`, { exact: false }).count()).toBe(1);

    await page.getByRole('button', { name: 'Jeg trenger å snakke med barnevernet' }).click();
    await expect.poll(() => page.getByText('Beskjeden er sendt.', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'my network after logging a contact');
    await shoot(page, 'my-network-390');
    await page.close();
  });

  it('lets the resource family plan a gathering and see "1 av 6 i år" and the Christmas budget', async () => {
    const page = await e2e.loggedIn(RESOURCE_FAMILY, 390);
    await page.waitForURL((url) => url.pathname === '/mitt-nettverk');
    await page.getByRole('link', { name: 'Samlinger' }).click();
    await expect.poll(() => page.getByText('0 av 6 i år.').count()).toBe(1);
    await page.getByLabel('Aktivitet').fill('Pepperkakebaking');
    await page.getByLabel('Dato', { exact: true }).fill(addDays(todayInOslo(), 14));
    await page.getByLabel('Sted').fill('Hjemme hos Moen');
    await page.getByLabel('Type samling').selectOption('christmas');
    await page.getByRole('button', { name: 'Lagre samlingen' }).click();
    await expect.poll(() => page.getByText('Samlingen «Pepperkakebaking» er lagret.').count()).toBe(1);
    await expect.poll(() => page.getByText('1 av 6 i år.').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Pepperkakebaking' }).count()).toBe(1);
    await expectAccessible(page, 'the gatherings');
    await fitsAt320(page, 'the gatherings');
    await shoot(page, 'my-network-gatherings-390');
    await page.close();
  });

  it('lets the resource family claim an expense with a photo of the receipt', async () => {
    const page = await e2e.loggedIn(RESOURCE_FAMILY, 390);
    await page.waitForURL((url) => url.pathname === '/mitt-nettverk');
    await page.getByRole('link', { name: 'Utlegg' }).click();
    await page.getByLabel('Beløp i kroner').fill('450,50');
    await page.getByLabel('Hva det gjaldt').fill('Pepperkakedeig og glasur');
    await page.getByLabel('Samling', { exact: true }).selectOption('christmas');
    await page
      .getByLabel('Kvittering (bilde eller PDF, høyst 5 MB)')
      .setInputFiles({ name: 'kvittering.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Send utlegget' }).click();
    await expect
      .poll(() => page.getByText('Utlegget «Pepperkakedeig og glasur» er sendt til godkjenning.').count())
      .toBe(1);
    const claim = page
      .locator('.my-network-card')
      .filter({ has: page.getByRole('heading', { name: 'Pepperkakedeig og glasur' }) });
    await expect.poll(() => claim.getByText('Venter på godkjenning').count()).toBe(1);
    expect(await claim.getByText('Kvittering er lastet opp.').count()).toBe(1);
    await expectAccessible(page, 'the expense claims');
    await fitsAt320(page, 'the expense claims');
    await shoot(page, 'my-network-claims-390');
    await page.close();
  });

  it('lets the caseworker see the call-back and the contact, approve the claim and download it as CSV', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}/nettverk`);
    const network = page
      .locator('.network-card')
      .filter({ has: page.getByRole('heading', { name: NETWORK }) });
    await expect.poll(() => network.getByText('Ber om å bli ringt').count()).toBe(1);
    expect(await network.getByText('1 av 6').count()).toBe(1);
    expect(await network.getByText('1 utlegg til godkjenning').count()).toBe(1);
    expect(await network.getByText(/^Siste kontakt /).count()).toBe(1);

    await page.getByRole('button', { name: 'Godkjenn utlegget Pepperkakedeig og glasur' }).click();
    await expect
      .poll(() => page.getByText('Utlegget «Pepperkakedeig og glasur» er godkjent.').count())
      .toBe(1);
    await expectAccessible(page, 'the networks after approving');
    await shoot(page, 'networks-1280');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned godkjente utlegg (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv).toContain('Pepperkakedeig og glasur');
    await page.close();
  });

  it('lets the resource family log a contact by keyboard alone on a 390 px phone', async () => {
    const page = await e2e.loggedIn(RESOURCE_FAMILY, 390);
    await page.waitForURL((url) => url.pathname === '/mitt-nettverk');
    const household = page.getByRole('radio', { name: memberName });
    await expect.poll(() => household.count()).toBe(1);

    // Tab into each group, Space or an arrow key to choose, Tab on to «Lagre kontakten», Enter.
    await tabTo(page, household);
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('radio', { name: 'Telefon' }));
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Besøk' }).isChecked()).toBe(true);
    await tabTo(page, page.getByRole('group', { name: 'Hva det gjaldt' }).getByRole('radio').first());
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Lagre kontakten' }));
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByText(`Kontakten med ${memberName} er lagret.`).count()).toBe(1);
    await expect.poll(() => page.getByText(`${memberName} · Besøk`, { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'my network after logging a contact by keyboard');
    await page.close();
  });

  it("ends the membership when the caseworker records that the child's consent is withdrawn", async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}${networkPath}`);
    const card = page
      .locator('.network-card')
      .filter({ has: page.getByRole('heading', { name: memberName }) });
    await card.getByRole('button', { name: 'Trekk tilbake samtykke fra Jonas' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trekke tilbake samtykket fra Jonas?' });
    await expect
      .poll(() => dialog.getByText(`Medlemskapet til ${memberName} avsluttes.`, { exact: false }).count())
      .toBe(1);
    await expectAccessible(page, 'the withdrawal confirmation');
    await shoot(page, 'networks-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Ja, trekk tilbake' }).click();

    await expect.poll(() => page.getByText('Samtykket fra Jonas er trukket tilbake.').count()).toBe(1);
    await expect.poll(() => card.getByText('Gått ut', { exact: true }).count()).toBe(1);
    expect(await card.getByText(/^Ute fra .*\(samtykket ble trukket\)$/).count()).toBe(1);
    expect(await card.getByRole('button', { name: 'Avslutt medlemskapet' }).count()).toBe(0);
    await expectAccessible(page, 'the network after a withdrawn consent');
    await page.close();

    // The resource family is told only that the household left.
    const family = await e2e.loggedIn(RESOURCE_FAMILY, 390);
    await family.waitForURL((url) => url.pathname === '/mitt-nettverk');
    await expect
      .poll(() => family.getByText(`${memberName} har gått ut av nettverket`, { exact: false }).count())
      .toBe(1);
    expect(await family.getByText('samtykke', { exact: false }).count()).toBe(0);
    await family.close();
  });
});

/** Presses Tab (at most 60 times) until `target` has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}
