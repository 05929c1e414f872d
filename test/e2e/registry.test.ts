import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

const { caseworker } = e2e;

const main = (page: Page) => page.locator('main');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Waits until the list has answered (its count says so) and returns that text. */
async function listStatus(page: Page, pattern: RegExp): Promise<string> {
  const status = page.locator('.registry-results__status');
  await expect.poll(() => status.textContent()).toMatch(pattern);
  return (await status.textContent()) ?? '';
}

async function openForm(page: Page) {
  await page.goto(`${e2e.server.url}/register/ny`);
  await expect.poll(() => heading(page).textContent()).toBe('Ny husstand');
}

describe('the registry, as the demo caseworker', () => {
  it('creates a household, finds it by search, edits a phone, sees the change in the history and archives it', async () => {
    const page = await caseworker(1280);
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Register', exact: true })
      .click();
    await listStatus(page, /Registeret er tomt|Viser/);
    await expectAccessible(page, 'registry list');
    expect(await page.getByRole('link', { name: 'Importer fra fagsystemet' }).getAttribute('href')).toBe(
      '/register/import',
    );

    await page.getByRole('link', { name: 'Ny husstand' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Ny husstand');
    await expectAccessible(page, 'empty household form');

    await page.getByLabel('Fosterhjem').check();
    await page.getByLabel('Vi har omsorgsansvaret').check();
    await page.getByLabel('Adresse').fill('Storgata 1');
    await page.getByLabel('Postnummer').fill('0150');
    // The place fills in from the postcode as the fourth digit is typed.
    await expect.poll(() => page.getByLabel('Poststed').inputValue()).toBe('OSLO');

    const kari = page.getByRole('group', { name: 'Voksen 1' });
    await kari.getByLabel('Fornavn').fill('Kari');
    await kari.getByLabel('Etternavn').fill('Nordmann');
    await kari.getByRole('textbox', { name: 'E-post' }).fill('kari.nordmann@example.no');
    await kari.getByLabel('Mobil').fill('412 34 567');
    await kari.getByLabel('Foretrukket språk').selectOption({ label: 'Norsk nynorsk' });
    await kari.getByLabel('SMS').check();

    await page.getByRole('button', { name: 'Legg til voksen' }).click();
    const ola = page.getByRole('group', { name: 'Voksen 2' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toContain('firstName');
    await ola.getByLabel('Fornavn').fill('Ola');
    await ola.getByLabel('Etternavn').fill('Nordmann');

    await page.getByRole('button', { name: 'Legg til barn' }).click();
    const emma = page.getByRole('group', { name: 'Barn 1' });
    await emma.getByLabel('Fornavn').fill('Emma');
    await emma.getByLabel('Fødselsdato').fill('2016-04-03');
    await page.getByRole('button', { name: 'Legg til plassering' }).click();
    const placement = page.getByRole('group', { name: 'Plassering 1' });
    expect(await placement.getByLabel('Barn', { exact: true }).inputValue()).not.toBe('');
    await placement.getByLabel('Startdato').fill('2023-08-15');

    await page.getByRole('button', { name: 'Lagre husstanden' }).click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page).textContent()).toBe('Kari og Ola Nordmann');
    const address = page.url();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Husstanden er lagt til/);
    const text = (await main(page).textContent()) ?? '';
    expect(text).toContain('412 34 567'); // stored as +4741234567, shown the Norwegian way
    expect(text).toContain('0150 OSLO');
    expect(text).toMatch(/Emma, \d+ år \(født 03\.04\.2016\)/);
    expect(text).toContain('Norsk nynorsk');
    await page.getByRole('heading', { name: 'Historikk' }).waitFor();
    await expect
      .poll(() => page.locator('.registry-history').textContent())
      .toMatch(/Opprettet.*Ingrid Berg/);
    await expectAccessible(page, 'household page');

    // Found by search, as you type; the search text never goes into the address.
    await page.getByRole('link', { name: 'Tilbake til registeret' }).click();
    await listStatus(page, /Viser/);
    await page.getByLabel('Søk i registeret').fill('nordmann');
    await listStatus(page, /Viser 1–1 av 1/);
    expect(page.url()).not.toMatch(/nordmann/i);
    await page.getByRole('link', { name: 'Kari og Ola Nordmann' }).click();
    await page.waitForURL(address);

    // Edit: a new mobile for Kari.
    await page.getByRole('link', { name: 'Rediger' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Endre Kari og Ola Nordmann');
    const kariAgain = page.getByRole('group', { name: 'Voksen 1' });
    expect(await kariAgain.getByLabel('Mobil').inputValue()).toBe('+4741234567');
    await kariAgain.getByLabel('Mobil').fill('934 56 789');
    await page.getByRole('button', { name: 'Lagre husstanden' }).click();
    await page.waitForURL(address);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Endringene er lagret/);
    expect(await main(page).textContent()).toContain('934 56 789');
    const history = page.locator('.registry-history__entry').first();
    await expect.poll(() => history.textContent()).toMatch(/Endret/);
    expect(await history.textContent()).toMatch(
      /Voksen 1, mobil:\s*412 34 567\s*→?\s*endret til\s*934 56 789/,
    );

    // Archive, after a confirmation.
    await page.getByRole('button', { name: 'Arkiver' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/Arkivere Kari og Ola Nordmann\?/);
    await expectAccessible(page, 'archive confirmation');
    await dialog.getByRole('button', { name: 'Ja, arkiver' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Husstanden er arkivert/);
    await page.getByRole('button', { name: 'Gjenopprett' }).waitFor();
    await expect
      .poll(() => page.locator('.registry-history__entry').first().textContent())
      .toMatch(/Arkivert/);
    await expectAccessible(page, 'archived household');

    // Archived households leave the list, but can be shown.
    await page.getByRole('link', { name: 'Tilbake til registeret' }).click();
    await listStatus(page, /Ingen husstander passer/);
    expect(await page.getByLabel('Søk i registeret').inputValue()).toBe('nordmann'); // kept in this tab
    await page.getByLabel('Vis', { exact: true }).selectOption({ label: 'Aktive og arkiverte' });
    await listStatus(page, /Viser 1–1 av 1/);
    expect(page.url()).toContain('arkiv=all');
    expect(await page.getByRole('row', { name: /Kari og Ola Nordmann/ }).textContent()).toMatch(/Arkivert/);
    await page.close();
  });

  it('keeps what was typed and says in Norwegian what is wrong when a half-filled form is saved', async () => {
    const page = await caseworker(1280);
    await openForm(page);
    const adult = page.getByRole('group', { name: 'Voksen 1' });
    await adult.getByLabel('Fornavn').fill('Per');
    await adult.getByLabel('Mobil').fill('123');
    await page.getByLabel('Adresse').fill('Solsikkeveien 7');
    await page.getByRole('button', { name: 'Lagre husstanden' }).click();

    // Checked in the browser: an error summary, which takes focus, and a message at each field.
    const summary = page.locator('ds-error-summary');
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase()))
      .toBe('ds-error-summary');
    const listed = (await summary.textContent()) ?? '';
    expect(listed).toContain('Velg hvilken type hjem dette er.');
    expect(listed).toContain('Velg om dere har omsorgsansvaret eller tilsynsansvaret.');
    expect(listed).toContain('Voksen 1: Skriv inn etternavnet til den voksne.');
    expect(await adult.textContent()).toContain('Skriv inn etternavnet til den voksne.');
    expect(await adult.getByLabel('Fornavn').inputValue()).toBe('Per');
    expect(await adult.getByLabel('Mobil').inputValue()).toBe('123');
    expect(await page.getByLabel('Adresse').inputValue()).toBe('Solsikkeveien 7');
    await expectAccessible(page, 'household form with errors');

    // A link in the summary takes you to the field.
    await summary.getByRole('link', { name: /etternavnet/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/lastName$/);

    // Checked by the server: the mobile number.
    await page.getByLabel('Beredskapshjem').check();
    await page.getByLabel('Vi har tilsynsansvaret').check();
    await adult.getByLabel('Etternavn').fill('Testrud');
    await page.getByRole('button', { name: 'Lagre husstanden' }).click();
    await expect.poll(() => summary.textContent()).toMatch(/Voksen 1: Skriv et gyldig mobilnummer/);
    expect(await adult.textContent()).toContain('Skriv et gyldig mobilnummer');
    expect(page.url()).toMatch(/\/register\/ny$/);
    expect(await adult.getByLabel('Etternavn').inputValue()).toBe('Testrud');
    expect(await page.getByLabel('Beredskapshjem').isChecked()).toBe(true);
    await expectAccessible(page, 'household form with an error from the server');

    // Fixed, a double click still makes one household.
    await adult.getByLabel('Mobil').fill('+47 412 00 000');
    await page.getByRole('button', { name: 'Lagre husstanden' }).dblclick();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page).textContent()).toBe('Per Testrud');
    const answer = await page.request.get(`${e2e.server.url}/api/households?q=Testrud`);
    expect((await answer.json()).total).toBe(1);
    await page.close();
  });

  it('keeps filters and page in the address, sorts by column, and leaves names out of it', async () => {
    const page = await caseworker(1280);
    await page.goto(`${e2e.server.url}/register`);
    await listStatus(page, /Viser/);
    await page.getByLabel('Beredskapshjem').check();
    await expect.poll(() => page.url()).toContain('type=emergency');
    await listStatus(page, /Viser|Ingen/);
    await page.getByRole('button', { name: 'Reisetid', exact: true }).click();
    await expect.poll(() => page.url()).toContain('sorter=travel');
    expect(await page.getByRole('columnheader', { name: 'Reisetid' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(await page.getByRole('columnheader', { name: 'Navn' }).getAttribute('aria-sort')).toBe('none');
    await page.getByLabel('Søk i registeret').fill('Testrud');
    await listStatus(page, /Viser 1–1 av 1/);
    await page.reload();
    await listStatus(page, /Viser 1–1 av 1/);
    expect(await page.getByLabel('Beredskapshjem').isChecked()).toBe(true);
    expect(await page.getByLabel('Søk i registeret').inputValue()).toBe('Testrud');
    expect(page.url()).not.toContain('Testrud');
    await expectAccessible(page, 'registry list with filters');
    await page.close();
  });
});

describe('two people editing the same household', () => {
  it('tells the one who saves last that someone else saved first, and offers the saved version', async () => {
    const page = await caseworker(1280);
    const csrf =
      (await page.context().cookies()).find((cookie) => cookie.name === 'landsby.csrf')?.value ?? '';
    const created = await page.request.post(`${e2e.server.url}/api/households`, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        kind: 'family_home',
        relation: 'care',
        adults: [{ firstName: 'Siri', lastName: 'Samtidig' }],
        children: [],
        placements: [],
      },
    });
    const { id } = await created.json();
    const colleague = await page.context().newPage();
    await page.goto(`${e2e.server.url}/register/${id}/rediger`);
    await colleague.goto(`${e2e.server.url}/register/${id}/rediger`);
    await page.getByLabel('Etternavn').waitFor();
    await colleague.getByLabel('Fornavn').fill('Sigrid');
    await colleague.getByRole('button', { name: 'Lagre husstanden' }).click();
    await colleague.waitForURL(`${e2e.server.url}/register/${id}`);

    await page.getByLabel('Etternavn').fill('Samtidigsen');
    await page.getByRole('button', { name: 'Lagre husstanden' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Noen andre har lagret først' });
    await alert.waitFor();
    expect(await page.getByLabel('Etternavn').inputValue()).toBe('Samtidigsen'); // not thrown away
    await expectAccessible(page, 'form after a conflict');
    await alert.getByRole('button', { name: 'Last inn den lagrede versjonen' }).click();
    await expect.poll(() => page.getByLabel('Fornavn').inputValue()).toBe('Sigrid');
    expect(await page.getByLabel('Etternavn').inputValue()).toBe('Samtidig');
    await colleague.close();
    await page.close();
  });
});

describe('a long registry', () => {
  it('pages through 50 at a time, counts politely, and Back returns to the page before', async () => {
    const page = await caseworker(1280);
    const csrf =
      (await page.context().cookies()).find((cookie) => cookie.name === 'landsby.csrf')?.value ?? '';
    for (let i = 0; i < 55; i++) {
      const answer = await page.request.post(`${e2e.server.url}/api/households`, {
        headers: { 'X-CSRF-Token': csrf },
        data: {
          kind: 'foster',
          relation: 'care',
          address: { postcode: '0150' },
          adults: [{ firstName: `Test${String(i).padStart(2, '0')}`, lastName: 'Pagesen' }],
          children: [],
          placements: [],
        },
      });
      expect(answer.status()).toBe(201);
    }
    await page.goto(`${e2e.server.url}/register`);
    const first = await listStatus(page, /Viser 1–50 av \d+/);
    expect(await page.getByRole('status').filter({ hasText: first }).count()).toBe(1);
    const totalText = /av ([\d\s]+)$/.exec(first.trim())?.[1] ?? ''; // «2 000» with a no-break space
    const total = Number(totalText.replace(/\s/g, ''));
    expect(total).toBeGreaterThan(50);
    const pages = Math.ceil(total / 50);
    expect(await page.getByRole('navigation', { name: 'Sider i registeret' }).textContent()).toContain(
      `Side 1 av ${pages}`,
    );
    await page.getByRole('button', { name: 'Neste side' }).click();
    await listStatus(page, new RegExp(`Viser 51–[\\d\\s]+ av ${totalText}`));
    expect(page.url()).toContain('side=2');
    // Focus goes to the top of the results, not to the page heading or nowhere.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('registry-results-heading');
    await page.goBack();
    await listStatus(page, /Viser 1–50/);
    await page.goForward();
    await listStatus(page, /Viser 51–/);
    await page.close();
  });
});

describe('the registry on a phone (320 px)', () => {
  it('shows the list as cards, the form and the household page without sideways scrolling', async () => {
    const page = await caseworker(320);
    await page.goto(`${e2e.server.url}/register`);
    await listStatus(page, /Viser/);
    expect(await page.locator('table').count()).toBe(0);
    await page.locator('.registry-cards').waitFor();
    await expectNoHorizontalScroll(page, 'registry list at 320 px');
    await expectAccessible(page, 'registry list at 320 px');

    await page.locator('summary', { hasText: 'Filtrer' }).click();
    await page.getByLabel('Familiehjem').check();
    await listStatus(page, /Ingen husstander passer|Viser/);
    await expectNoHorizontalScroll(page, 'registry list with filters open at 320 px');

    await openForm(page);
    await expectNoHorizontalScroll(page, 'household form at 320 px');
    await expectAccessible(page, 'household form at 320 px');
    await page.getByRole('button', { name: 'Legg til barn' }).click();
    await page.getByRole('button', { name: 'Legg til plassering' }).click();
    await page.getByRole('button', { name: 'Lagre husstanden' }).click();
    await page.locator('ds-error-summary').waitFor();
    await expectNoHorizontalScroll(page, 'household form with errors at 320 px');
    await expectAccessible(page, 'household form with errors at 320 px');

    await page.goto(`${e2e.server.url}/register`);
    await listStatus(page, /Viser/);
    await page.locator('.registry-cards a').first().click();
    await page.getByRole('heading', { name: 'Historikk' }).waitFor();
    await page.locator('.registry-history').waitFor();
    await expectNoHorizontalScroll(page, 'household page at 320 px');
    await expectAccessible(page, 'household page at 320 px');
    await page.close();
  });

  it('says so for a household that is not there', async () => {
    const page = await caseworker(320);
    await page.goto(`${e2e.server.url}/register/00000000-0000-4000-8000-000000000000`);
    await expect.poll(() => heading(page).textContent()).toBe('Fant ikke husstanden');
    await expectAccessible(page, 'missing household');
    await page.close();
  });
});

describe('the registry, as the demo team leader', () => {
  it('downloads the list, answers an access request and erases an archived household', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/logg-inn`);
    await page.getByLabel('E-postadresse').fill('teamleder@demo.landsby.no');
    await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));

    await page.goto(`${e2e.server.url}/register`);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned som Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // An archived household of the demo: find one through the API the page itself uses.
    const archived = await page.evaluate(async () => {
      const response = await fetch('/api/households?archived=true&limit=1');
      return ((await response.json()) as { households: { id: string; name: string }[] }).households[0];
    });
    expect(archived).toBeDefined();
    await page.goto(`${e2e.server.url}/register/${archived?.id}`);
    await expect.poll(() => heading(page).textContent()).toContain(archived?.name ?? '');
    const [data] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned alle opplysninger (innsyn)' }).click(),
    ]);
    expect(data.suggestedFilename()).toMatch(/\.json$/);

    await page.getByRole('button', { name: 'Slett opplysningene' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'erase confirmation');
    await page.getByRole('button', { name: 'Ja, slett for godt' }).click();
    await page.waitForURL((url) => url.pathname === '/register');
    await expect.poll(() => main(page).textContent()).toMatch(/Opplysningene om husstanden er slettet/);
    await expectAccessible(page, 'list after erasure');
    const gone = await page.evaluate(
      async (id) => (await fetch(`/api/households/${id}`)).status,
      archived?.id,
    );
    expect(gone).toBe(404);
    await context.close();
  });
});

describe('reference tables', () => {
  it('replaces the travel-time table from a file, refusing a file with a bad line and changing nothing', async () => {
    const page = await caseworker(320);
    await page.goto(`${e2e.server.url}/register/reisetider`);
    await expect.poll(() => main(page).textContent()).toMatch(/Tabellen har \d+ postnumre/);
    const before = (await main(page).textContent())?.match(/Tabellen har (\d+)/)?.[1];
    await expectAccessible(page, 'travel times');
    await expectNoHorizontalScroll(page, 'travel times');

    await page.getByLabel('Fil').setInputFiles({
      name: 'reisetider.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('postnummer;minutter\n1384;25\n13x4;30\n'),
    });
    await page.getByRole('button', { name: 'Last opp og erstatt' }).click();
    await expect.poll(() => main(page).textContent()).toMatch(/Ugyldig postnummer/);
    await expectAccessible(page, 'travel times with rejected lines');
    await page.reload();
    await expect.poll(() => main(page).textContent()).toMatch(new RegExp(`Tabellen har ${before} postnumre`));

    await page.getByLabel('Fil').setInputFiles({
      name: 'reisetider.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('1384;25\n0150;40\n'),
    });
    await page.getByRole('button', { name: 'Last opp og erstatt' }).click();
    await expect.poll(() => main(page).textContent()).toMatch(/Tabellen har nå 2 postnumre/);
  });

  it('lets the admin find the postcode page, which passes axe', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/logg-inn`);
    await page.getByLabel('E-postadresse').fill('admin@demo.landsby.no');
    await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Postnumre' })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe('Postnumre');
    await expectAccessible(page, 'postcodes');
    await page
      .getByLabel('Fil')
      .setInputFiles({ name: 'feil.txt', mimeType: 'text/plain', buffer: Buffer.from('hei\n') });
    await page.getByRole('button', { name: /Last opp og erstatt/ }).click();
    await expect.poll(() => main(page).textContent()).toMatch(/Ingenting er endret/);
    await context.close();
  });
});
