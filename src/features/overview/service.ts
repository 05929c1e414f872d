import { inTenant, type TenantContext } from '../../db/tenant.js';
import type { AnswerInput, Diet } from '../../domain/answer.js';
import { statusOf } from '../../domain/answer-status.js';
import type { Channel } from '../../domain/household.js';
import type { Deps } from '../../server/deps.js';
import { notFound } from '../../server/errors.js';
import { placesInLine, saveAnswer } from '../answers/index.js';
import { auditListRead } from '../audit/index.js';
import { eveningAttendance } from '../checkin/index.js';
import type { NotedAnswer, Overview } from './contract.js';
import * as q from './queries.js';

interface ChannelCounts {
  channel: Channel;
  invited: number;
  answered: number;
  coming: number;
}

/**
 * The team's overview of one event at a glance. Invited = households with an invitation
 * (sent or on its way); answered = with an answer; coming = confirmed (coming and not on the
 * waiting list), in households, adults and children; silent = invited without an answer. Food
 * counts the persons coming and not waiting, the households per diet (and their persons), and the
 * free-text notes, without names.
 */
export async function getOverview(deps: Deps, ctx: TenantContext, eventId: string): Promise<Overview> {
  return inTenant(deps.db, ctx, async (tx) => {
    const settings = await q.findOverviewEvent(tx, ctx.municipalityId, eventId);
    if (!settings) throw notFound();
    const invited = await q.overviewRows(tx, ctx.municipalityId, eventId);
    const places = await placesInLine(
      tx,
      ctx.municipalityId,
      invited.map((r) => r.invitationId),
    );
    const rows = invited.map((r) => ({ ...r, place: places.get(r.invitationId) ?? null }));
    const sent = await q.remindersSent(tx, ctx.municipalityId, eventId);
    const evening = await eveningAttendance(tx, ctx.municipalityId, eventId);
    const present = new Set(evening.filter((e) => e.present).map((e) => e.id));
    await auditListRead(tx, ctx, 'household', [...new Set([...rows.map((r) => r.id), ...present])]);

    const counts = {
      invited: rows.length,
      answered: 0,
      coming: { households: 0, adults: 0, children: 0 },
      notComing: 0,
      maybe: 0,
      silent: 0,
      waiting: { households: 0, persons: 0 },
    };
    const attendance = {
      attended: { households: 0, adults: 0, children: 0 },
      noShow: 0,
      walkIns: { households: 0, persons: 0 },
      firstTimers: 0,
    };
    for (const e of evening) {
      if (!e.present) continue;
      attendance.attended.households++;
      attendance.attended.adults += e.adults;
      attendance.attended.children += e.children;
      if (e.walkIn) {
        attendance.walkIns.households++;
        attendance.walkIns.persons += e.adults + e.children;
      }
      if (e.firstTime) attendance.firstTimers++;
    }
    const diets = new Map<Diet, { households: number; persons: number }>();
    const notes: string[] = [];
    const byChannel = new Map<Channel, ChannelCounts>();
    for (const row of rows) {
      const channel =
        byChannel.get(row.channel) ??
        (byChannel
          .set(row.channel, { channel: row.channel, invited: 0, answered: 0, coming: 0 })
          .get(row.channel) as ChannelCounts);
      channel.invited++;
      if (!row.response) {
        counts.silent++;
        continue;
      }
      counts.answered++;
      channel.answered++;
      const persons = (row.adults ?? 0) + (row.children ?? 0);
      const status = statusOf(row.response, row.place);
      if (status === 'not_coming') counts.notComing++;
      else if (status === 'maybe') counts.maybe++;
      else if (status === 'waiting') {
        counts.waiting.households++;
        counts.waiting.persons += persons;
      } else {
        if (!present.has(row.id)) attendance.noShow++;
        counts.coming.households++;
        counts.coming.adults += row.adults ?? 0;
        counts.coming.children += row.children ?? 0;
        channel.coming++;
        for (const diet of row.diet ?? []) {
          const d = diets.get(diet) ?? diets.set(diet, { households: 0, persons: 0 }).get(diet);
          if (!d) continue;
          d.households++;
          d.persons += persons;
        }
        if (row.dietNote?.trim()) notes.push(row.dietNote.trim());
      }
    }
    const persons = counts.coming.adults + counts.coming.children;
    return {
      eventId,
      capacity: settings.capacity,
      free: settings.capacity === null ? null : Math.max(0, settings.capacity - persons),
      reminders: [...settings.reminders].sort((a, b) => b - a),
      remindersSent: sent.map((r) => ({
        key: r.purpose.slice('reminder:'.length),
        households: r.households,
        at: new Date(r.at).toISOString(),
      })),
      counts,
      attendance,
      food: {
        served: settings.food,
        persons,
        adults: counts.coming.adults,
        children: counts.coming.children,
        diets: [...diets.entries()]
          .map(([diet, d]) => ({ diet, ...d }))
          .sort((a, b) => b.households - a.households || a.diet.localeCompare(b.diet)),
        notes: notes.sort((a, b) => a.localeCompare(b, 'nb')),
      },
      byChannel: [...byChannel.values()],
      households: rows.map((r) => ({
        id: r.id,
        name: r.name,
        channel: r.channel,
        response: r.response,
        adults: r.adults ?? 0,
        children: r.children ?? 0,
        diet: r.diet ?? [],
        dietNote: r.dietNote,
        comment: r.comment,
        place: r.place,
        firstTime: r.firstTime,
        answeredBy: r.answeredBy,
        present: present.has(r.id),
      })),
    };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The team notes a household's answer (a phone call) as saveAnswer does for the household,
 * marked as the team's. The household must have an invitation to the event: 404 otherwise.
 */
export async function noteAnswer(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  householdId: string,
  input: AnswerInput,
): Promise<NotedAnswer> {
  const invitationId = await inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.findOverviewEvent(tx, ctx.municipalityId, eventId))) throw notFound();
    return UUID.test(householdId) ? q.invitationOf(tx, ctx.municipalityId, eventId, householdId) : undefined;
  });
  if (!invitationId) throw notFound();
  const saved = await saveAnswer(deps, ctx, invitationId, input, 'team');
  return { status: saved.status, place: saved.place };
}
