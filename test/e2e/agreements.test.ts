import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import type { AgreementView } from '../../src/features/agreements/contract.js';
import { apiCall, expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

/** Where screenshots of the pages go, to be looked at by a person. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const NETWORK = 'Nettverket på Heggedal';
const year = Number(todayInOslo().slice(0, 4));
let networkPath: string;
let signingPath: string;
let signerName: string;

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

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

beforeAll(async () => {
  const page = await e2e.caseworker();
  const { networks } = await apiCall<{ networks: { id: string; name: string }[] }>(
    page,
    'GET',
    '/api/networks',
  );
  networkPath = `/nettverk/${networks.find((n) => n.name === NETWORK)?.id}`;
  await page.close();
}, 60_000);

describe('the agreement (oppdragsavtale), from the KS rates to the signatures', () => {
  it('lets the caseworker keep the KS rate per year, with a clear message for a year given twice', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}/nettverk`);
    await page.getByRole('link', { name: 'KS-satser' }).click();
    await expect.poll(() => heading(page)).toBe('KS-satser');
    await expectAccessible(page, 'the KS rates');
    await page.getByRole('button', { name: 'Legg til år' }).click();
    await page.getByLabel('Kroner per måned').fill('12 345');
    await page.getByRole('button', { name: 'Legg til år' }).click();
    await page.getByLabel('År', { exact: true }).nth(1).fill(String(year));
    await page.getByLabel('Kroner per måned').nth(1).fill('13 000');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect.poll(() => page.getByText('Året står to ganger.').count()).toBe(1);
    await expectAccessible(page, 'the KS rates with a year twice');
    await page
      .getByLabel('År', { exact: true })
      .nth(1)
      .fill(String(year + 1));
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect.poll(() => page.getByText('KS-satsene er lagret.').count()).toBe(1);
    await fitsAt320(page, 'the KS rates');
    await shoot(page, 'agreements-ks-rates-1280');
    await page.close();
  });

  it('lets the caseworker make the agreement from the network page, open its PDF and send it for signing', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}${networkPath}`);
    await expect.poll(() => heading(page)).toBe(NETWORK);
    await expect.poll(() => page.getByText('Ingen oppdragsavtale ennå.').count()).toBe(1);
    await page.getByRole('link', { name: 'Lag oppdragsavtale' }).click();
    await expect.poll(() => heading(page)).toBe(`Oppdragsavtale: ${NETWORK}`);
    await expectAccessible(page, 'the new agreement');

    // Nothing filled in: each field says what it needs.
    await page.getByRole('button', { name: 'Lagre vilkårene' }).click();
    await expect.poll(() => page.getByText('Skriv startdatoen.').count()).toBe(1);
    await page.getByLabel('Startdato').fill(`${year}-12-01`);
    await page.getByLabel('Sluttdato').fill(`${year + 1}-11-30`);
    await page.getByLabel('Utleggsrefusjon').fill('Kjøring etter statens satser.');
    await page.getByLabel('Andre ordninger').fill('Fosterhjemsavtalen gjelder som før.');
    await page.getByRole('button', { name: 'Lagre vilkårene' }).click();
    await expect.poll(() => page.getByText('Vilkårene er lagret.').count()).toBe(1);
    expect(await page.getByText('Utkast', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'the draft agreement');
    await fitsAt320(page, 'the draft agreement');

    // The PDF the «Åpne PDF» link opens: the terms and the KS amount of the start year.
    const href = (await page.getByRole('link', { name: 'Åpne PDF' }).getAttribute('href')) as string;
    const pdf = await page.request.get(`${e2e.server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'agreement-e2e-'));
    writeFileSync(join(dir, 'avtale.pdf'), await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'avtale.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain(`KS-satsen for ${year} er 12 345 kr per måned`);
    expect(text).toContain('Kjøring etter statens satser.');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      join(dir, 'avtale.pdf'),
      `${SCREENSHOTS}/agreements-pdf`,
    ]);

    await page.getByRole('button', { name: 'Send til signering' }).click();
    await expect.poll(() => page.getByText('Sendt til signering', { exact: true }).count()).toBe(1);
    const view = await apiCall<AgreementView>(
      page,
      'GET',
      `/api${networkPath.replace('/nettverk', '/networks')}/agreement`,
    );
    const signer = view.agreement?.signers[0];
    signerName = `${signer?.firstName} ${signer?.lastName}`;
    expect(await page.getByText(`${signerName} har ikke signert ennå`).count()).toBe(1);
    if (signer?.email) {
      const mail = await e2e.server.smtp.waitFor(signer.email);
      signingPath = new URL(/https?:\/\/\S+\/oppdragsavtale\/[\w-]+/.exec(mail.text ?? '')?.[0] as string)
        .pathname;
    } else {
      const notice = (await page.getByText(`${signerName} har ingen e-postadresse`).textContent()) ?? '';
      signingPath = new URL(/https?:\/\/\S+\/oppdragsavtale\/[\w-]+/.exec(notice)?.[0] as string).pathname;
    }
    expect(await page.getByLabel('Startdato').count()).toBe(0);
    await expectAccessible(page, 'the agreement sent for signing');
    await shoot(page, 'agreements-sent-1280');
    await page.close();
  });

  it('lets the adult read and sign the agreement through the personal link on a 320 px phone', async () => {
    const phone = await e2e.newPage({ viewport: { width: 320, height: 700 }, locale: 'nb-NO' });
    await phone.goto(`${e2e.server.url}${signingPath}`);
    await expect.poll(() => heading(phone)).toBe('Oppdragsavtale for ressursfamilie');
    await expectAccessible(phone, 'the agreement signing page');
    await expectNoHorizontalScroll(phone, 'the agreement signing page at 320 px');
    // Not ticked: the page says what is missing.
    await phone.evaluate(() => document.querySelector('input[name=confirm]')?.removeAttribute('required'));
    await phone.getByRole('button', { name: 'Signer avtalen' }).click();
    await expect
      .poll(() => phone.getByText('Kryss av for at du har lest og godtar avtalen.').count())
      .toBe(1);
    await phone.getByLabel('Jeg har lest oppdragsavtalen og godtar den').check();
    await phone.getByRole('button', { name: 'Signer avtalen' }).click();
    await expect.poll(() => phone.getByText('Takk! Du har signert oppdragsavtalen').count()).toBe(1);
    expect(await phone.getByRole('button', { name: 'Signer avtalen' }).count()).toBe(0);
    await expectAccessible(phone, 'the agreement signing page after signing');
    await shoot(phone, 'agreements-signing-320');
    await phone.close();

    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}${networkPath}`);
    await expect.poll(() => page.getByText(new RegExp(`${signerName} signerte`)).count()).toBe(1);
    await expectAccessible(page, 'the network page with the agreement');
    await page.close();
  });
});

describe('the quarterly joint meeting', () => {
  it('lets the caseworker plan it, invite the own people, record attendance and see the counts', async () => {
    const page = await e2e.caseworker(1280);
    await page.goto(`${e2e.server.url}/nettverk`);
    await page.getByRole('link', { name: 'Kvartalsmøte' }).click();
    await expect.poll(() => heading(page)).toBe('Kvartalsmøte');
    await expect.poll(() => page.getByText('Ingen kvartalsmøter er planlagt ennå.').count()).toBe(1);
    await expectAccessible(page, 'the joint meetings');
    await page.getByRole('button', { name: 'Planlegg møtet' }).click();
    await expect.poll(() => page.getByText('Velg en dato som ikke har vært.').count()).toBe(1);
    await page.getByLabel('Dato').fill(addDays(todayInOslo(), 30));
    await page.getByLabel('Møtelenke').fill('https://teams.example/kvartalsmote');
    await page.getByRole('button', { name: 'Planlegg møtet' }).click();
    await expect.poll(() => page.locator('.joint-meetings li').count()).toBe(1);
    await fitsAt320(page, 'the joint meetings');
    await expectAccessible(page, 'the joint meetings with one planned');

    await page.locator('.joint-meetings').getByRole('link').click();
    await page.getByRole('button', { name: 'Send invitasjoner' }).click();
    await expect.poll(() => page.getByText('Invitasjonene er sendt.').count()).toBe(1);
    const boxes = page.getByRole('group', { name: 'Hvem deltok?' }).getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    await boxes.first().check();
    await page.getByRole('button', { name: 'Lagre oppmøtet' }).click();
    await expect.poll(() => page.getByText('Oppmøtet er lagret.').count()).toBe(1);
    const own = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') })
      .first();
    expect(await own.getByRole('cell').last().textContent()).toBe('1');
    await expectAccessible(page, 'the joint meeting with attendance');
    await fitsAt320(page, 'the joint meeting');
    await shoot(page, 'joint-meeting-1280');
    await page.close();
  });
});
