import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { mergeLetterPdfs } from '../../../documents/print-file.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { audit, auditListRead } from '../../audit/index.js';
import type { SendingView } from '../contract.js';
import { noLetters } from '../errors.js';
import * as eventsSql from '../queries/event.js';
import * as messagesSql from '../queries/message.js';
import { getSending } from './plan-sending.js';

/** One PDF of the letters ready for the print room, by postcode. */
export async function lettersPdf(deps: Deps, ctx: TenantContext, eventId: string): Promise<Uint8Array> {
  const letters = await inTenant(deps.db, ctx, async (tx) => {
    if (!(await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId))) throw notFound();
    const rows = await messagesSql.lettersToPrint(tx, ctx.municipalityId, eventId, ['sent', 'printed']);
    await auditListRead(
      tx,
      ctx,
      'household',
      rows.flatMap((r) => (r.householdId ? [r.householdId] : [])),
    );
    return rows;
  });
  if (letters.length === 0) throw noLetters();
  // The letters are in the database (letter_pdf), whichever process sent them.
  return mergeLetterPdfs(
    letters.map((l) => l.pdf),
    { title: 'Invitasjoner til utskrift' },
  );
}

export async function markLettersPrinted(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
): Promise<SendingView> {
  await inTenant(deps.db, ctx, async (tx) => {
    if (!(await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId))) throw notFound();
    const households = await messagesSql.markLettersPrinted(tx, ctx.municipalityId, eventId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'message',
      details: { eventId, printed: households.length },
    });
  });
  return getSending(deps, ctx, eventId);
}
