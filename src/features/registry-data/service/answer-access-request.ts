import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import * as agreements from '../../agreements/index.js';
import * as answers from '../../answers/index.js';
import { audit } from '../../audit/index.js';
import * as checkin from '../../checkin/index.js';
import * as courses from '../../courses/index.js';
import * as evaluation from '../../evaluation/index.js';
import * as meetings from '../../family-home-meetings/index.js';
import * as familyHomes from '../../family-homes/index.js';
import * as goodStart from '../../good-start/index.js';
import * as housing from '../../housing/index.js';
import * as jointMeetings from '../../joint-meetings/index.js';
import * as matching from '../../matching/index.js';
import * as summaries from '../../network-summary/index.js';
import * as networks from '../../networks/index.js';
import * as registry from '../../registry/index.js';
import * as supervision from '../../supervision/index.js';
import * as welcome from '../../welcome/index.js';
import * as q from '../queries.js';

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Everything Landsby holds about one household and its people (GDPR art. 15), as one
 * machine-readable document: the household with its adults, children and placements, its history
 * of changes, what each programme holds about it (each feature answers through its index.ts), and
 * who read, exported or changed it (from the audit log). The export is itself audited, and listed
 * in it. docs/registry-api.md describes the document.
 */
export async function exportHouseholdData(deps: Deps, ctx: TenantContext, householdId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await registry.findHousehold(tx, ctx.municipalityId, householdId);
    if (!row) throw notFound();
    await audit(tx, ctx, {
      action: 'export',
      recordType: 'household',
      recordId: householdId,
      subjectId: householdId,
      details: { via: 'access_request' },
    });
    const m = ctx.municipalityId;
    const people = [householdId, ...row.adults.map((a) => a.id), ...row.children.map((c) => c.id)];
    const municipality = await q.municipalityOf(tx, m);
    const history = await registry.listHistory(tx, m, householdId);
    const familyHome = await familyHomes.familyHomeOfHousehold(tx, m, householdId);
    const network = await networks.networksOfHousehold(tx, m, householdId);
    const programmes = {
      invitations: await answers.invitationsOfHousehold(tx, m, householdId),
      attendance: await checkin.attendanceOfHousehold(tx, m, householdId),
      welcomeCalls: await welcome.welcomeCallsOfHousehold(tx, m, householdId),
      networkMemberships: network.memberships,
      networkContacts: network.contacts,
      courses: await courses.coursesOfHousehold(tx, m, householdId),
      resourceFamilyCandidate: await matching.candidacyOfHousehold(tx, m, householdId),
      agreements: await agreements.agreementsOfHousehold(tx, m, householdId),
      supervisionTalks: await supervision.supervisionTalksOfHousehold(tx, m, householdId),
      networkSummaries: await summaries.summariesOfHousehold(tx, m, householdId),
      jointMeetings: await jointMeetings.jointMeetingsOfHousehold(tx, m, householdId),
      goodStart: await goodStart.cohortsOfHousehold(tx, m, householdId),
      evaluations: await evaluation.evaluationsOfHousehold(tx, m, householdId),
      familyHome: { ...familyHome, meetings: await meetings.meetingsOfHousehold(tx, m, householdId) },
      housing: await housing.housingOfHousehold(tx, m, householdId),
    };
    // Read last, so the log includes this export.
    const access = await q.accessLog(tx, m, people);
    return {
      format: 'landsby.household-export',
      formatVersion: 2,
      exportedAt: new Date().toISOString(),
      about:
        'Alt Landsby har lagret om husstanden og personene i den (personvernforordningen artikkel 15): ' +
        'husstanden med voksne, barn og plasseringer, endringshistorikken, invitasjoner med meldinger ' +
        'og svar, oppmøte, velkomstsamtaler, nettverk med samtykker, signaturer og kontaktlogg, ' +
        'kurs, oppdragsavtaler, ' +
        'veiledning, halvårsoppsummeringer, fellesmøter, kandidatlisten for ressursfamilier, ' +
        'En god start med evalueringssvar, familiehjemmets ungdommer, oppfølging, møter og bolig, ' +
        'og hvem som har sett, eksportert eller endret opplysningene.',
      controller: { municipality: municipality.name, municipalityNumber: municipality.number },
      household: registry.presentHousehold(row),
      history: history.map((h) => ({
        at: iso(h.at),
        actorName: h.actorName,
        action: h.action,
        changes: h.changes,
      })),
      ...programmes,
      accessLog: access.map((a) => ({
        at: iso(a.at),
        actorName: a.actorName,
        action: a.action,
        recordType: a.recordType,
        fields: a.fields,
        via: a.via,
      })),
    };
  });
}
