import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/index.js';
import type { Database } from '../../src/db/connection.js';
import { inTenant } from '../../src/db/tenant.js';
import { recordOutcome } from '../../src/features/sending/queries/message.js';
import { sendDue } from '../../src/features/sending/worker.js';
import { loadConfig } from '../../src/server/config.js';
import { insertEvent, insertVenue } from '../support/cafe.js';
import { createTestDatabase } from '../support/database.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';

/**
 * The print room's letters are kept in the database (letter_pdf, migration 0028), not in the
 * sending process's DATA_DIR, so any process can make the print file (scale-out.test.ts runs two).
 * A letter bears the household's name and address: it goes when its message no longer names the
 * household (erasure, retention's anonymising).
 */
let db: Database;
let municipalityId: number;
let eventId: string;
let households: string[];
const ctx = () => ({ municipalityId, userId: null, ip: null });

const letters = () =>
  inTenant(db, ctx(), (tx) =>
    tx.query<{ messageId: string; householdId: string | null; pdf: Uint8Array }>(
      `SELECT l.message_id AS "messageId", m.household_id AS "householdId", l.pdf
       FROM letter_pdf l JOIN message m ON m.id = l.message_id ORDER BY m.household_id`,
    ),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  municipalityId = await createMunicipality(db, 'Brevby');
  const anne = await createUser(db, municipalityId, ['caseworker'], { firstName: 'Anne' });
  households = await createHouseholds(
    db,
    municipalityId,
    ['Brevveien 1', 'Brevveien 2'].map((line) => ({
      address: { line, postcode: '1384' },
      adults: [{ firstName: 'Per', lastName: 'Brevik', preferredChannels: ['letter' as const] }],
    })),
  );
  eventId = await insertEvent(db, municipalityId, {
    date: '2099-09-15',
    venueId: await insertVenue(db, municipalityId),
    sendAt: new Date(),
    sendBy: anne.id,
  });
  const config = loadConfig({
    DATA_DIR: '.tmp/letter-pdf-test',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-32',
    DEMO_DATA: 'false',
  });
  await sendDue({ db, config, channels: createChannels(config) }, municipalityId, eventId, { prepare: true });
}, 60_000);
afterAll(() => db?.close());

describe('printed letters in the database', () => {
  it('keeps each letter sent, as its PDF, with its message', async () => {
    const kept = await letters();
    expect(kept.map((l) => l.householdId).sort()).toEqual([...households].sort());
    for (const letter of kept)
      expect(Buffer.from(letter.pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('replaces the letter when its message is sent again, never keeping two', async () => {
    const [first] = await letters();
    const again = new TextEncoder().encode('%PDF-1.7 sent again');
    await inTenant(db, ctx(), (tx) =>
      recordOutcome(
        tx,
        municipalityId,
        first?.messageId as string,
        { status: 'sent', letterPdf: again },
        null,
        new Date(),
      ),
    );
    const kept = await letters();
    expect(kept).toHaveLength(2);
    expect(
      new Uint8Array(kept.find((l) => l.messageId === first?.messageId)?.pdf ?? new Uint8Array()),
    ).toEqual(again);
  });

  it('deletes a letter when its household is erased or its message anonymised', async () => {
    const [erased, anonymised] = households;
    await inTenant(db, ctx(), async (tx) => {
      await tx.query('DELETE FROM household WHERE municipality_id = $1 AND id = $2', [
        municipalityId,
        erased,
      ]);
      // What retention does to a past café's messages (features/retention).
      await tx.query(
        'UPDATE message SET household_id = NULL WHERE municipality_id = $1 AND household_id = $2',
        [municipalityId, anonymised],
      );
    });
    expect(await letters()).toEqual([]);
    // The messages stay, as countable facts.
    const messages = await inTenant(db, ctx(), (tx) =>
      tx.query('SELECT id FROM message WHERE event_id = $1', [eventId]),
    );
    expect(messages).toHaveLength(2);
  });
});
