import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

const { caseworker } = e2e;

// An export as an older case-management system writes it: Windows-1252, semicolons, dd.mm.yyyy,
// a header («Kontakt») no suggestion recognises, and one row with a postcode that does not exist.
const FILE = iconv.encode(
  [
    'Saksnr;Fornavn;Etternavn;Kontakt;Postnr;Hjemtype;Barn;Fødselsdato;Plassert fra',
    'E2E-1;Bjørg;Ødegård-Importsen;412 34 501;3370;Fosterhjem;Åsa;17.05.2014;01.08.2022',
    'E2E-2;Tårnfrid;Kvæven-Importsen;412 34 502;0150;Beredskapshjem;;;',
    'E2E-3;Øyvind;Sæterdal-Importsen;412 34 503;0000;Fosterhjem;;;',
    'E2E-4;Håvard;Lien-Importsen;412 34 504;9008;Familiehjem;Liv;01.02.2012;01.06.2019',
  ].join('\r\n'),
  'windows-1252',
);

const stepHeading = (page: Page) => page.locator('#import-step-heading');

/** The dry run's counts, e.g. "3 nye · 0 endres · 0 uendret · 1 avvist". */
async function summaryOf(page: Page): Promise<string> {
  const items = page.getByRole('list', { name: 'Oppsummering av prøvekjøringen' }).getByRole('listitem');
  return (await items.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim()).join(' · ');
}
const main = (page: Page) => page.locator('main');

async function uploadFile(page: Page) {
  await page
    .getByLabel('Fil fra fagsystemet')
    .setInputFiles({ name: 'familia.csv', mimeType: 'text/csv', buffer: FILE });
  await expect.poll(() => main(page).textContent()).toMatch(/Valgt fil: familia\.csv/);
  await page.getByRole('button', { name: 'Last opp og fortsett' }).click();
  await expect.poll(() => stepHeading(page).textContent()).toBe('Steg 2 av 4: Koble kolonner');
}

async function runDryRun(page: Page) {
  await page.getByRole('button', { name: 'Kontroller importen' }).click();
  await expect.poll(() => stepHeading(page).textContent()).toBe('Steg 3 av 4: Kontroller og importer');
}

/** Ticks "skip the rejected row" and double-clicks «Importer»; returns the summary shown. */
async function importSkippingRejected(page: Page): Promise<string> {
  const importButton = page.getByRole('button', { name: 'Importer', exact: true });
  await importButton.click();
  await expect.poll(() => main(page).textContent()).toMatch(/kryss av for å hoppe over/);
  await page.getByLabel('Hopp over den avviste raden og importer resten').check();
  await importButton.dblclick();
  await expect.poll(() => stepHeading(page).textContent()).toBe('Steg 4 av 4: Ferdig');
  return (await page.getByRole('status').filter({ hasText: 'Importen er fullført' }).textContent()) ?? '';
}

async function importedRows() {
  return e2e.server.db.transaction((tx) =>
    tx.query<{ ref: string; history: number }>(
      `SELECT h.external_ref AS ref, (SELECT count(*) FROM household_history hh WHERE hh.household_id = h.id) AS history
       FROM household h WHERE h.external_ref LIKE 'E2E-%' ORDER BY 1`,
    ),
  );
}

describe('importing households from the case-management system', () => {
  it('uploads a CSV, fixes the mapping, reads the dry run, imports, then finds and edits a household', async () => {
    const page = await caseworker(1280);
    await page.goto(`${e2e.server.url}/register`);
    await page.getByRole('link', { name: 'Importer fra fagsystemet' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Importer husstander');
    await expectAccessible(page, 'import: upload');

    // A broken file: a clear message, and the user stays on the upload step.
    await page.getByLabel('Fil fra fagsystemet').setInputFiles({
      name: 'bilde.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]),
    });
    await page.getByRole('button', { name: 'Last opp og fortsett' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/klarte ikke å lese filen.*ser ikke ut som/s);
    await expectAccessible(page, 'import: unreadable file');

    await uploadFile(page);
    await expect.poll(() => main(page).textContent()).toMatch(/familia\.csv: 4 rader og 9 kolonner \(CSV\)/);
    const kontakt = page.getByLabel('Kontakt', { exact: true });
    expect(await kontakt.inputValue()).toBe(''); // not recognised: «Ikke importer»
    expect(await page.getByLabel('Etternavn', { exact: true }).inputValue()).toBe('adult1.lastName');
    expect(await page.getByLabel('Fødselsdato', { exact: true }).inputValue()).toBe('child1.birthDate');
    await expectAccessible(page, 'import: mapping');

    // Fix the mapping: «Kontakt» holds the mobile numbers.
    await kontakt.selectOption({ label: 'Voksen 1: mobil' });
    expect(await page.getByLabel(/Saksnummer eller ID fra fagsystemet/).isChecked()).toBe(true);
    await page.getByLabel('Navn på koblingen').fill('Familia-eksport');
    await page.getByRole('button', { name: 'Lagre koblingen' }).click();
    await expect.poll(() => main(page).textContent()).toMatch(/Koblingen «Familia-eksport» er lagret/);

    await runDryRun(page);
    expect(await summaryOf(page)).toBe('3 nye · 0 endres · 0 uendret · 1 avvist');
    // The rejected rows are shown first, with the reason in Norwegian.
    const rejectedTable = (await page.getByRole('table').textContent()) ?? '';
    expect(rejectedTable).toMatch(/Øyvind Sæterdal-Importsen/);
    expect(rejectedTable).toContain('Postnummer (kolonnen «Postnr») er ikke et norsk postnummer');
    await expectAccessible(page, 'import: dry run, rejected rows');
    await page.getByLabel('Nye (3)').check();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(4);
    expect(await page.getByRole('table').textContent()).toMatch(/Bjørg Ødegård-Importsen.*Ny/);
    await expectAccessible(page, 'import: dry run, new rows');

    const done = await importSkippingRejected(page);
    expect(done).toContain('Nye husstander: 3, endret: 0, uendret: 0, hoppet over: 1');
    await expectAccessible(page, 'import: done');
    // Clicked twice, imported once: one history entry per household.
    expect(await importedRows()).toEqual([
      { ref: 'E2E-1', history: 1 },
      { ref: 'E2E-2', history: 1 },
      { ref: 'E2E-4', history: 1 },
    ]);

    // Find a household by search and edit it.
    await page.getByRole('link', { name: 'Gå til registeret' }).click();
    await page.waitForURL(`${e2e.server.url}/register`);
    await page.getByLabel('Søk i registeret').fill('ødegård-importsen');
    const status = page.locator('.registry-results__status');
    await expect.poll(() => status.textContent()).toMatch(/Viser 1–1 av 1/);
    await page.getByRole('link', { name: 'Bjørg Ødegård-Importsen' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Bjørg Ødegård-Importsen');
    const text = (await main(page).textContent()) ?? '';
    expect(text).toContain('412 34 501');
    expect(text).toContain('3370 VIKERSUND');
    expect(text).toMatch(/Åsa, \d+ år \(født 17\.05\.2014\)/);
    await page.getByRole('link', { name: 'Rediger' }).click();
    const adult = page.getByRole('group', { name: 'Voksen 1' });
    await adult.getByLabel('Mobil').fill('934 56 789');
    await page.getByRole('button', { name: 'Lagre husstanden' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Endringene er lagret/);
    expect(await main(page).textContent()).toContain('934 56 789');
    await page.close();
  });

  it('imports the same file again on a phone with the saved mapping: nothing changes but the edit is kept', async () => {
    const page = await caseworker(320);
    await page.goto(`${e2e.server.url}/register/import`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Importer husstander');
    await expectNoHorizontalScroll(page, 'import upload at 320 px');
    await expectAccessible(page, 'import upload at 320 px');

    await uploadFile(page);
    expect(await page.getByLabel('Kontakt', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('Bruk en lagret kobling').selectOption({ label: 'Familia-eksport' });
    await page.getByRole('button', { name: 'Bruk koblingen' }).click();
    expect(await page.getByLabel('Kontakt', { exact: true }).inputValue()).toBe('adult1.mobile');
    await expectNoHorizontalScroll(page, 'import mapping at 320 px');
    await expectAccessible(page, 'import mapping at 320 px');

    // Keyboard only from here: the dry run and the import.
    await page.getByRole('button', { name: 'Kontroller importen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stepHeading(page).textContent()).toBe('Steg 3 av 4: Kontroller og importer');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-step-heading');
    // The phone number edited in the registry differs from the file: that household would be updated.
    expect(await summaryOf(page)).toBe('0 nye · 1 endres · 2 uendret · 1 avvist');
    await page.getByLabel('Endres (1)').check();
    expect(await page.getByRole('table').textContent()).toMatch(
      /Voksen 1: mobil: \+4793456789 → \+4741234501/,
    );
    await expectNoHorizontalScroll(page, 'import dry run at 320 px');
    await expectAccessible(page, 'import dry run at 320 px');

    // Back to the mapping: leave the mobile column out, so the edit in the registry is kept.
    await page.getByRole('button', { name: 'Tilbake til koblingen' }).click();
    await page.getByLabel('Kontakt', { exact: true }).selectOption({ label: 'Ikke importer' });
    await runDryRun(page);
    expect(await summaryOf(page)).toBe('0 nye · 0 endres · 3 uendret · 1 avvist');

    const done = await importSkippingRejected(page);
    expect(done).toContain('Nye husstander: 0, endret: 0, uendret: 3, hoppet over: 1');
    await expectNoHorizontalScroll(page, 'import done at 320 px');
    await expectAccessible(page, 'import done at 320 px');
    // Nothing new in the history: the import changed nothing.
    expect(await importedRows()).toEqual([
      { ref: 'E2E-1', history: 2 }, // the import and the edit
      { ref: 'E2E-2', history: 1 },
      { ref: 'E2E-4', history: 1 },
    ]);

    // A file uploaded and then left: its rows are removed at once, not kept for 24 hours.
    await page.getByRole('button', { name: 'Importer en ny fil' }).click();
    await uploadFile(page);
    const waiting = () =>
      e2e.server.db.transaction((tx) => tx.query("SELECT id FROM import_job WHERE status = 'ready'"));
    expect(await waiting()).toHaveLength(1);
    await page.getByRole('link', { name: 'Tilbake til registeret' }).first().click();
    await page.waitForURL(`${e2e.server.url}/register`);
    await expect.poll(async () => (await waiting()).length).toBe(0);
    await page.close();
  });

  it('imports an export with one surname column and children by birth date only, showing the repeated row and a warning', async () => {
    const page = await caseworker(1280);
    await page.goto(`${e2e.server.url}/register/import`);
    await page.getByLabel('Fil fra fagsystemet').setInputFiles({
      name: 'fagsystem.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'Fosterhjemsnr;Etternavn;Fornavn forelder 1;Fornavn forelder 2;Postnr;Reisetid;Fødselsdato barn 1;Fødselsdato barn 2',
          'FH-E2E-1;Fjellheim-Eksport;Randi;Tor;3370;45;03.04.2012;17.05.2016',
          'FH-E2E-1;Fjellheim-Eksport;Randi;Tor;3370;45;03.04.2012;17.05.2016',
          'FH-E2E-2;Langtvekk-Eksport;Sigrid;;9008;420;;',
        ].join('\n'),
      ),
    });
    await page.getByRole('button', { name: 'Last opp og fortsett' }).click();
    await expect.poll(() => stepHeading(page).textContent()).toBe('Steg 2 av 4: Koble kolonner');
    expect(await page.getByLabel('Fosterhjemsnr', { exact: true }).inputValue()).toBe('externalRef');
    expect(await page.getByLabel('Fornavn forelder 2', { exact: true }).inputValue()).toBe(
      'adult2.firstName',
    );
    expect(await page.getByLabel(/Saksnummer eller ID fra fagsystemet/).isChecked()).toBe(true);

    await runDryRun(page);
    expect(await summaryOf(page)).toBe('2 nye · 0 endres · 0 uendret · 1 gjentatt · 0 avvist');
    const table = (await page.getByRole('table').textContent()) ?? '';
    expect(table).toContain('Randi og Tor Fjellheim-Eksport');
    expect(table).toContain('Samme husstand som rad 2. Importeres én gang.');
    expect(table).toContain(
      'Advarsel: Reisetid (minutter) (kolonnen «Reisetid») er over 300 minutter. Sjekk at det stemmer.',
    );
    expect(await main(page).textContent()).toContain('1 rad har en advarsel.');
    await expectAccessible(page, 'import: dry run with a repeated row and a warning');
    await page.screenshot({ path: '/tmp/registry-real/import-dry-run.png', fullPage: true });

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => stepHeading(page).textContent()).toBe('Steg 4 av 4: Ferdig');
    const done = (await main(page).textContent()) ?? '';
    expect(done).toContain('Nye husstander: 2, endret: 0, uendret: 0, hoppet over: 0');
    expect(done).toContain('Rad 4: Reisetid (minutter) (kolonnen «Reisetid») er over 300 minutter.');
    await expectAccessible(page, 'import: done with a warning');

    await page.goto(`${e2e.server.url}/register`);
    await page.getByLabel('Søk i registeret').fill('fjellheim-eksport');
    await page.getByRole('link', { name: 'Randi og Tor Fjellheim-Eksport' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Randi og Tor Fjellheim-Eksport');
    const children =
      (await page
        .locator('section', { hasText: 'Barn' })
        .filter({ has: page.getByRole('heading', { name: 'Barn', exact: true }) })
        .textContent()) ?? '';
    expect(children).toMatch(/Barn, født 03\.04\.2012, \d+ år/);
    expect(children).toMatch(/Barn, født 17\.05\.2016, \d+ år/);
    await expectAccessible(page, 'household with unnamed children');
    await page.close();
  });
});
