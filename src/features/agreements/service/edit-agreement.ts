import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { agreementPdf } from '../../../documents/agreement.js';
import { agreementStatus, compensationOre } from '../../../domain/agreement.js';
import { isIsoDate, todayInOslo } from '../../../domain/calendar.js';
import { householdWords } from '../../../i18n/household/index.js';
import { sha256 } from '../../../server/crypto.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import { newSigningToken } from '../../networks/index.js';
import type { Agreement, AgreementInput, AgreementSent, AgreementView } from '../contract.js';
import { agreementSent, noAgreement, noKsRate, noSigners } from '../errors.js';
import * as q from '../queries.js';

export const agreementUrl = (deps: Deps, token: string) => `${deps.config.publicUrl}/oppdragsavtale/${token}`;

async function networkOrNotFound(tx: Queryable, ctx: TenantContext, networkId: string) {
  const network = await q.ownNetwork(tx, ctx.municipalityId, networkId);
  if (!network) throw notFound();
  return network;
}

async function present(tx: Queryable, ctx: TenantContext, row: q.AgreementRow): Promise<Agreement> {
  const signers = await q.signersOf(tx, ctx.municipalityId, row);
  return {
    id: row.id,
    status: agreementStatus(row, signers, todayInOslo()),
    startOn: row.startOn,
    endOn: row.endOn,
    ksUnits: row.ksUnits,
    ksRateOre: row.ksRateOre,
    compensationOre: compensationOre(row.ksUnits, row.ksRateOre),
    expenses: row.expenses,
    otherArrangements: row.otherArrangements,
    sentAt: row.sentAt,
    signers,
  };
}

/** The network's current agreement (audited: it names the resource family's adults). */
export function getAgreement(deps: Deps, ctx: TenantContext, networkId: string): Promise<AgreementView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await networkOrNotFound(tx, ctx, networkId);
    const row = await q.currentAgreement(tx, ctx.municipalityId, networkId);
    if (row) {
      await audit(tx, ctx, {
        action: 'read',
        recordType: 'agreement',
        recordId: row.id,
        subjectId: network.householdId,
      });
    }
    return {
      networkName: network.name,
      resourceFamily: network.familyName,
      agreement: row ? await present(tx, ctx, row) : null,
    };
  });
}

/**
 * Saves the terms: a new agreement when the network has none or the last one has ended, else the
 * draft. A sent agreement keeps its terms (the adults sign what they were sent).
 */
export function saveAgreement(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  input: AgreementInput,
): Promise<AgreementView> {
  if (!isIsoDate(input.startOn)) throw invalid([{ field: 'startOn', rule: 'date' }]);
  if (!isIsoDate(input.endOn) || input.endOn <= input.startOn)
    throw invalid([{ field: 'endOn', rule: 'after' }]);
  return inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    const network = await networkOrNotFound(tx, ctx, networkId);
    const year = Number(input.startOn.slice(0, 4));
    const ksRateOre = await q.ksRateOf(tx, m, year);
    if (ksRateOre === undefined) throw noKsRate(year);
    const terms = {
      startOn: input.startOn,
      endOn: input.endOn,
      ksUnits: input.ksUnits,
      ksRateOre,
      expenses: input.expenses.trim(),
      otherArrangements: input.otherArrangements.trim(),
    };
    const current = await q.currentAgreement(tx, m, networkId, true);
    const today = todayInOslo();
    let id: string;
    if (current && current.endOn >= today) {
      if (current.sentAt) throw agreementSent();
      id = current.id;
      await q.updateAgreement(tx, m, id, terms);
    } else {
      id = randomUUID();
      await q.insertAgreement(tx, m, {
        ...terms,
        id,
        networkId,
        householdId: network.householdId,
        createdBy: ctx.userId,
      });
    }
    await audit(tx, ctx, {
      action: current?.id === id ? 'update' : 'create',
      recordType: 'agreement',
      recordId: id,
      subjectId: network.householdId,
    });
    const row = (await q.findAgreement(tx, m, id)) as q.AgreementRow;
    return {
      networkName: network.name,
      resourceFamily: network.familyName,
      agreement: await present(tx, ctx, row),
    };
  });
}

/**
 * Sends the agreement for signing: a fresh personal link for each adult who has not signed (a link
 * sent before stops working), e-mailed to those who have an address. Sending again reminds them.
 */
export async function sendAgreement(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
): Promise<AgreementSent> {
  const { agreement, links, networkName } = await inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    const network = await networkOrNotFound(tx, ctx, networkId);
    const row = await q.currentAgreement(tx, m, networkId, true);
    if (!row || row.endOn < todayInOslo()) throw noAgreement();
    const adults = await q.signersOf(tx, m, row);
    if (adults.length === 0) throw noSigners();
    const links: (AgreementSent['links'][number] & { firstName: string })[] = [];
    for (const adult of adults.filter((a) => !a.signedAt)) {
      const token = newSigningToken();
      await q.upsertSignerLink(tx, m, {
        agreementId: row.id,
        adultId: adult.adultId,
        tokenHash: sha256(token),
      });
      links.push({
        adultId: adult.adultId,
        firstName: adult.firstName,
        url: agreementUrl(deps, token),
        sentTo: adult.email,
      });
    }
    await q.markSent(tx, m, row.id);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'agreement',
      recordId: row.id,
      subjectId: network.householdId,
      details: { change: 'sent', links: links.length, emailed: links.filter((l) => l.sentTo).length },
    });
    const sent = (await q.findAgreement(tx, m, row.id)) as q.AgreementRow;
    return { agreement: await present(tx, ctx, sent), links, networkName: network.name };
  });
  const words = householdWords('nb').agreementSigning;
  for (const link of links) {
    if (!link.sentTo || !words) continue;
    await deps.mailer.send({
      to: link.sentTo,
      subject: words.emailSubject,
      text: `${words.greeting.replace('{fornavn}', link.firstName)}\n\n${words.emailBody.replace('{nettverk}', networkName)}\n\n${link.url}\n`,
    });
  }
  return { agreement, links: links.map(({ adultId, url, sentTo }) => ({ adultId, url, sentTo })) };
}

/** What the PDF is made from: the agreement, its people and who has signed. */
export async function agreementDocument(tx: Queryable, ctx: TenantContext, agreementId: string) {
  const row = await q.findAgreement(tx, ctx.municipalityId, agreementId);
  if (!row) throw noAgreement();
  const network = await networkOrNotFound(tx, ctx, row.networkId);
  const signers = await q.signersOf(tx, ctx.municipalityId, row);
  const content = {
    municipality: network.municipalityName,
    network: network.name,
    adults: signers.map((s) => `${s.firstName} ${s.lastName}`),
    startOn: row.startOn,
    endOn: row.endOn,
    ksUnits: row.ksUnits,
    ksYear: Number(row.startOn.slice(0, 4)),
    ksRateOre: row.ksRateOre,
    compensationOre: compensationOre(row.ksUnits, row.ksRateOre),
    expenses: row.expenses,
    otherArrangements: row.otherArrangements,
  };
  return {
    row,
    network,
    content,
    signatures: signers.map((s) => ({ name: `${s.firstName} ${s.lastName}`, signedAt: s.signedAt })),
  };
}

/** The current agreement as an A4 PDF (audited as a read). */
export async function agreementPdfOf(deps: Deps, ctx: TenantContext, networkId: string): Promise<Uint8Array> {
  const found = await inTenant(deps.db, ctx, async (tx) => {
    await networkOrNotFound(tx, ctx, networkId);
    const row = await q.currentAgreement(tx, ctx.municipalityId, networkId);
    if (!row) throw noAgreement();
    const doc = await agreementDocument(tx, ctx, row.id);
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'agreement',
      recordId: row.id,
      subjectId: doc.network.householdId,
      details: { as: 'pdf' },
    });
    return doc;
  });
  return agreementPdf({ ...found.content, signatures: found.signatures, made: todayInOslo() });
}
