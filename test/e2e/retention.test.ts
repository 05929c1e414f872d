import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

describe('retention, for the municipality admin', () => {
  it('sets how long data is kept within its bounds and sees what the next run removes, counts only', async () => {
    const admin = await e2e.loggedIn('municipality_admin', 1280);
    await admin
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Oppbevaring', exact: true })
      .click();
    await admin.getByRole('heading', { name: 'Oppbevaring og sletting', level: 1 }).waitFor();
    await admin.getByRole('table').waitFor();
    const table = await admin.getByRole('table').textContent();
    expect(table).toMatch(/Logg over bruk av personopplysninger/);
    // The programmes' kinds too: candidates, notes, evaluation answers and attendance.
    for (const kind of [
      /Kandidater som har stoppet eller takket nei/,
      /Notater fra veiledningssamtaler/,
      /Notater i familiehjemmenes oppfølgingslogg/,
      /Evalueringssvar fra avsluttede kull i En god start/,
      /Hvem som var til stede på arrangementer som er over/,
    ]) {
      expect(table).toMatch(kind);
    }
    await expectAccessible(admin, 'retention');

    // Below the audit log's five years: refused at the field, in Norwegian, and nothing saved.
    const auditLog = admin.getByLabel('Logg over bruk av personopplysninger');
    await auditLog.fill('12');
    await admin.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect
      .poll(() => admin.locator('main').textContent())
      .toMatch(/Skriv et helt tall mellom 60 og 120/);
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('retention-audit_log');
    await expectAccessible(admin, 'retention with a refused period');

    // Attendance below its two years: refused as well, at its own field.
    const attendance = admin.getByLabel('Hvem som var til stede på arrangementer som er over');
    await auditLog.fill('72');
    await attendance.fill('12');
    await admin.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect
      .poll(() => admin.locator('main').textContent())
      .toMatch(/Skriv et helt tall mellom 24 og 120/);
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('retention-attendance');

    await attendance.fill('36');
    await admin.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect
      .poll(() => admin.getByRole('status').first().textContent())
      .toMatch(/Oppbevaringstidene er lagret/);
    await admin.reload();
    await admin.getByRole('table').waitFor();
    expect(await admin.getByLabel('Logg over bruk av personopplysninger').inputValue()).toBe('72');
    expect(await admin.getByLabel('Hvem som var til stede på arrangementer som er over').inputValue()).toBe(
      '36',
    );

    const phone = await e2e.loggedIn('municipality_admin', 320);
    await phone.goto(`${e2e.server.url}/admin/oppbevaring`);
    await phone.getByRole('table').waitFor();
    await expectAccessible(phone, 'retention at 320 px');
    await expectNoHorizontalScroll(phone, 'retention');
  });
});
