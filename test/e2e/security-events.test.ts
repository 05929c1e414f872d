import { describe, expect, it } from 'vitest';
import { insertEvent } from '../support/cafe.js';
import { createHousehold, createMunicipality } from '../support/factories.js';
import { expectAccessible, expectNoHorizontalScroll, setUpE2e } from './support.js';

const e2e = setUpE2e();

describe("the admin's log page: refused attempts", () => {
  it("shows the admin that a colleague opened another municipality's café and household, without their ids", async () => {
    const other = await createMunicipality(e2e.server.db, 'Bærum');
    const eventOfOther = await insertEvent(e2e.server.db, other, {
      date: '2099-05-05',
      title: 'Bærums kafé',
    });
    const householdOfOther = await createHousehold(e2e.server.db, other, {
      adults: [
        { firstName: 'Berit', lastName: 'Bærumsen', mobile: '412 34 567', preferredChannels: ['sms'] },
      ],
    });

    // Ingrid, the demo caseworker, pastes addresses she should not have into the browser.
    const caseworker = await e2e.caseworker();
    for (const path of [`/kafe/${eventOfOther}`, `/register/${householdOfOther}`]) {
      const answer = caseworker.waitForResponse((r) => r.url().includes('/api/') && r.status() === 404);
      await caseworker.goto(`${e2e.server.url}${path}`);
      await answer;
    }
    await expect.poll(() => caseworker.locator('main').textContent()).not.toMatch(/Berit|Bærum/);

    const admin = await e2e.loggedIn('municipality_admin', 1280);
    await admin
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Logg', exact: true })
      .click();
    const section = admin.getByRole('region', { name: 'Avviste forsøk', exact: true });
    const table = section.getByRole('table');
    await table.waitFor();
    await expect
      .poll(() => table.textContent())
      .toMatch(/Ingrid Berg.*Husstand.*GET \/api\/households\/:householdId/);
    const text = (await section.textContent()) ?? '';
    expect(text).toMatch(/Ingrid Berg.*Kafé.*\/api\/events\/:eventId/);
    for (const secret of [eventOfOther, householdOfOther, 'Bærum', 'Berit'])
      expect(text).not.toContain(secret);
    await expectAccessible(admin, 'log page with refused attempts');

    await admin.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(admin, 'refused attempts at 320 px');
    await expectAccessible(admin, 'refused attempts at 320 px');
  });
});
