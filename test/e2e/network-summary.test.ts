import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

// «Erfaringer fra siste halvår» in Chromium: the demo resource family (ressursfamilie@demo…,
// «Nettverket på Heggedal») drafts this half-year's summary, saves it, submits it with a double
// click, and downloads the PDF; the demo caseworker reads it on the network page and comments,
// and the family reads the comment.

const e2e = setUpE2e();
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const RESOURCE_FAMILY = 'ressursfamilie@demo.landsby.no';
const DESCRIPTION =
  'Nettverket har fungert godt dette halvåret. Familiene ringer hverandre, og barna gleder seg til samlingene.';

async function fitsAt320(page: Page, what: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 700 });
  await page.screenshot({ path: `${SCREENSHOTS}/network-summary-320.png`, fullPage: true });
  await expectNoHorizontalScroll(page, `${what} at 320 px`);
  if (size) await page.setViewportSize(size);
}

describe('the half-year summary', () => {
  it('is drafted, written, saved, submitted once and downloaded as a PDF by the resource family', async () => {
    const page = await e2e.loggedIn(RESOURCE_FAMILY);
    await page.getByRole('link', { name: 'Erfaringer' }).click();
    await page.getByRole('heading', { name: 'Erfaringer fra siste halvår', level: 1 }).waitFor();
    await page.getByText('Utkast – ikke sendt').waitFor();
    // The contacts per family come from the log, a row per member household.
    const contacts = page.getByRole('region', { name: 'Kontakt med familiene' });
    await expect.poll(() => contacts.getByRole('row').count()).toBeGreaterThan(3);
    await expectAccessible(page, 'the summary draft');

    const field = page.getByLabel('Hvordan har nettverket fungert?');
    await field.fill(DESCRIPTION);
    await page.getByText(`${DESCRIPTION.length} av 4000 tegn`).waitFor();
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Hvordan har nettverket fungert?').inputValue())
      .toBe(DESCRIPTION);

    // An empty description is refused in words before anything is sent.
    await field.fill('');
    await page.getByRole('button', { name: 'Send til kommunen' }).click();
    await page.getByText('Skriv en kort beskrivelse før du sender.').waitFor();
    await field.fill(DESCRIPTION);

    await page.getByRole('button', { name: 'Send til kommunen' }).dblclick();
    await page.getByText('Erfaringene er sendt til kommunen.').waitFor();
    await page.getByText(/^Sendt til kommunen /).waitFor();
    expect(await page.getByRole('button', { name: 'Send til kommunen' }).count()).toBe(0);
    await expectAccessible(page, 'the submitted summary');
    await page.screenshot({ path: `${SCREENSHOTS}/network-summary-1280.png`, fullPage: true });
    await fitsAt320(page, 'the summary');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^erfaringer-\d{4}-H[12]\.pdf$/);
    const file = `${SCREENSHOTS}/network-summary-e2e.pdf`;
    await download.saveAs(file);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nettverket på Heggedal');
    expect(text).toContain('Familiene ringer hverandre');
    expect(text).toContain('Sendt til kommunen');
  });

  it("is read and commented by the network's caseworker, and the family reads the comment", async () => {
    const staff = await e2e.caseworker();
    await staff
      .getByRole('region', { name: 'Veiledning av ressursfamilier' })
      .getByRole('link')
      .first()
      .click();
    const section = staff.getByRole('region', { name: 'Erfaringer fra siste halvår' });
    await section.getByText('Familiene ringer hverandre', { exact: false }).first().waitFor();
    await section.getByRole('textbox', { name: 'Kommentar' }).fill('Takk! Fint å lese.');
    await section.getByRole('button', { name: 'Legg til kommentar' }).click();
    await section.getByText('Kommentaren er lagt til.').waitFor();
    await section.getByText('Takk! Fint å lese.').waitFor();
    await expectAccessible(staff, 'the network page with the submitted summary');

    const family = await e2e.loggedIn(RESOURCE_FAMILY);
    await family.goto(`${e2e.server.url}/mitt-nettverk/erfaringer`);
    await family.getByText('Takk! Fint å lese.').waitFor();
  });
});
