import { describe, expect, it } from 'vitest';
import {
  apiCall,
  createCafe,
  expectAccessible,
  expectNoHorizontalScroll,
  sendInvitations,
  setUpE2e,
} from './support.js';

const e2e = setUpE2e();

/** Where screenshots of the page go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const FOSTER_PARENT = 'fosterforelder@demo.landsby.no';

/**
 * The demo has no household with the demo foster parent's address: the caseworker registers one,
 * makes a café with a venue, a programme and a host, invites only that household and sends the
 * invitation, all through the API as the team's pages do.
 */
async function inviteTheDemoFosterParent(): Promise<string> {
  const page = await e2e.caseworker();
  const household = await apiCall<{ id: string }>(page, 'POST', '/api/households', {
    kind: 'foster',
    relation: 'care',
    address: { line: 'Bakkevegen 3', postcode: '1384' },
    adults: [
      { firstName: 'Jonas', lastName: 'Bakke', email: FOSTER_PARENT, preferredChannels: ['email'] },
      { firstName: 'Sara', lastName: 'Bakke' },
    ],
  });
  const venue = await apiCall<{ id: string }>(page, 'POST', '/api/venues', {
    name: 'Frivilligsentralen',
    address: { line: 'Kirkegata 12', postcode: '1384' },
    kitchen: true,
    parking: true,
    stepFree: true,
  });
  const hosts = await apiCall<{ hosts: { id: string }[] }>(page, 'GET', '/api/cafe/hosts');
  const eventId = await createCafe(page, 'Fosterhjemskafé for Min side', 9, {
    venueId: venue.id,
    programme: [{ kind: 'talk', title: 'Søvn og trygghet', minutes: 30, speaker: null }],
    hostUserIds: hosts.hosts.slice(0, 1).map((host) => host.id),
  });
  // Nobody by the rule; this one household by hand.
  await apiCall(page, 'PUT', `/api/events/${eventId}/audience/rule`, {
    maxTravel: 0,
    care: false,
    oversight: false,
    kinds: [],
  });
  await apiCall(page, 'PUT', `/api/events/${eventId}/audience/${household.id}`, { included: true });
  await sendInvitations(page, eventId);
  await page.close();
  return eventId;
}

describe('My page, as the demo foster parent', () => {
  it('shows the upcoming café, takes the answer and a change of it', async () => {
    await inviteTheDemoFosterParent();
    const page = await e2e.loggedIn(FOSTER_PARENT, 390);
    await page.waitForURL((url) => url.pathname === '/min-side');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min side');
    const card = page.locator('.my-card').filter({
      has: page.getByRole('heading', { name: 'Fosterhjemskafé for Min side', level: 2 }),
    });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByText(/kl\. 18\.00–20\.00$/).count()).toBe(1);
    expect(await card.getByText('Søvn og trygghet · 30 minutter').count()).toBe(1);
    const map = card.getByRole('link', { name: 'Vis Frivilligsentralen i kart' });
    expect(await map.getAttribute('href')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/search\?query=Kirkegata%2012%2C%201384/,
    );
    expect(await card.getByText('Dere har ikke svart ennå.').count()).toBe(1);
    await expectAccessible(page, 'My page before answering');

    // Coming, two adults and a child.
    await card.getByRole('radio', { name: 'Ja, vi kommer' }).check();
    await card.getByRole('spinbutton', { name: 'Antall voksne' }).fill('2');
    await card.getByRole('spinbutton', { name: 'Antall barn' }).fill('1');
    await card.getByRole('checkbox', { name: 'Glutenfritt' }).check();
    await card.getByLabel('Kommentar til oss (valgfritt)').fill('Vi gleder oss!');
    // The counter's words are drawn from its data-label (Designsystemet's Field.Counter).
    await expect.poll(() => card.locator('[data-label="986 tegn igjen"]').count()).toBe(1);
    await card.getByRole('button', { name: 'Send svar' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Svaret er lagret.');
    expect(await card.getByText('Dere kommer: 2 voksne og 1 barn.').count()).toBe(1);
    await expectAccessible(page, 'My page after answering');
    await expectNoHorizontalScroll(page, 'My page at 390 px');
    await page.screenshot({ path: `${SCREENSHOTS}/my-page-390.png`, fullPage: true });

    // Not coming after all.
    await card.getByRole('radio', { name: 'Nei, vi kommer ikke' }).check();
    expect(await card.getByRole('spinbutton', { name: 'Antall voksne' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Lagre endringen' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Svaret er lagret.');
    expect(await card.getByText('Dere kommer ikke denne gangen.').count()).toBe(1);

    // It holds after a reload.
    await page.reload();
    await expect.poll(() => card.getByText('Dere kommer ikke denne gangen.').count()).toBe(1);
    expect(await card.getByRole('radio', { name: 'Nei, vi kommer ikke' }).isChecked()).toBe(true);
    await page.close();
  });

  it('says what is wrong before sending, and fits a 320 px screen', async () => {
    const page = await e2e.loggedIn(FOSTER_PARENT, 320);
    await page.waitForURL((url) => url.pathname === '/min-side');
    const card = page.locator('.my-card').first();
    await expect.poll(() => card.count()).toBe(1);
    await card.getByRole('radio', { name: 'Ja, vi kommer' }).check();
    await card.getByRole('spinbutton', { name: 'Antall voksne' }).fill('0');
    await card.getByRole('spinbutton', { name: 'Antall barn' }).fill('0');
    await card.getByRole('button', { name: 'Lagre endringen' }).click();
    await expect.poll(() => card.getByText('Skriv hvor mange som kommer: minst én person.').count()).toBe(1);
    // Focus goes to the first field that needs correcting.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('0');
    await expectAccessible(page, 'My page with an error');
    await expectNoHorizontalScroll(page, 'My page at 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/my-page-320.png`, fullPage: true });
    await page.close();
  });
});
