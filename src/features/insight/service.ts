import type { ChannelName } from '../../channels/types.js';
import type { Database } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { seasonSummaryPdf } from '../../documents/season-report.js';
import { todayInOslo, weekdayOf } from '../../domain/calendar.js';
import { CHANNELS } from '../../domain/household.js';
import {
  compareGroups,
  median,
  shownNumber,
  shownShare,
  TRAVEL_BANDS,
  type TravelBand,
  termRange,
  travelBand,
  verdict,
} from '../../domain/insight.js';
import { suppress, wilson } from '../../domain/statistics.js';
import type { Deps } from '../../server/deps.js';
import { audit } from '../audit/index.js';
import type { EventFigure, FigureId, GroupFigure, Insight, Period } from './contract.js';
import {
  eventAttendance,
  everCame,
  feedbackCounts,
  firstTimers,
  invitationCounts,
  municipalityName,
  periodEvents,
  topicCounts,
} from './queries.js';
import { figureCsv, figureTable, figureXlsx } from './render.js';

/** The questions of seed 000: does post beat e-mail? does digital mail work (as well as e-mail)? */
const CHANNEL_QUESTIONS: readonly { a: ChannelName; b: ChannelName }[] = [
  { a: 'letter', b: 'email' },
  { a: 'digital_mail', b: 'email' },
];

/** The queries behind the figures, beyond the period's cafés and the municipality's name. */
type Part = 'counts' | 'attendance' | 'firsts' | 'ever' | 'feedback' | 'topics';
const FIGURE_PARTS: Record<FigureId, readonly Part[]> = {
  'attendance-over-time': ['counts', 'attendance', 'firsts'],
  returners: ['firsts'],
  'ever-came': ['ever'],
  channels: ['counts'],
  deadline: ['counts'],
  venues: ['counts'],
  weekdays: ['counts'],
  'travel-time': ['counts'],
  feedback: ['feedback'],
  topics: ['topics'],
};

/**
 * The figures of the insight page for the cafés of a period that have taken place: every figure
 * for the page and the season report, or only what one figure needs for its download (the other
 * figures come out empty). `hide`: a viewer outside the team (a programme coordinator) gets
 * counts under 5 as { under: 5 }. One audit entry per request: what was read (aggregates, no
 * person) and for which period.
 */
export async function readInsight(
  db: Database,
  ctx: TenantContext,
  period: Period,
  hide: boolean,
  what: { figure: FigureId | 'all' | 'season'; format: string },
): Promise<Insight> {
  const today = todayInOslo();
  const from = period.from ?? '2000-01-01';
  const to = period.to && period.to < today ? period.to : today;
  const parts = what.figure === 'all' || what.figure === 'season' ? null : FIGURE_PARTS[what.figure];
  const needs = (part: Part) => parts === null || parts.includes(part);
  return inTenant(db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    // One after another: a transaction is one connection, which runs one query at a time.
    const events = await periodEvents(tx, m, from, to);
    const counts = needs('counts') ? await invitationCounts(tx, m, from, to) : [];
    const attendance = needs('attendance') ? await eventAttendance(tx, m, from, to) : [];
    const firsts = needs('firsts') ? await firstTimers(tx, m, from, to, today) : [];
    const ever = needs('ever') ? await everCame(tx, m, from, to) : { invited: 0, came: 0 };
    const feedback = needs('feedback') ? await feedbackCounts(tx, m, from, to) : [];
    const topics = needs('topics') ? await topicCounts(tx, m, from, to) : [];
    const municipality = await municipalityName(tx, m);
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'insight',
      details: { figure: what.figure, format: what.format, from, to, hidden: hide },
    });
    return buildInsight({
      from,
      to,
      municipality,
      hide,
      events,
      counts,
      attendance,
      firsts,
      ever,
      feedback,
      topics,
    });
  });
}

/** One figure's data as a spreadsheet (.xlsx) or CSV, for the period it covers. */
export async function exportFigure(
  deps: Pick<Deps, 'db'>,
  ctx: TenantContext,
  period: Period,
  hide: boolean,
  figure: FigureId,
  format: 'xlsx' | 'csv',
): Promise<{ body: Buffer | string; from: string; to: string }> {
  const insight = await readInsight(deps.db, ctx, period, hide, { figure, format });
  const table = figureTable(insight, figure);
  const body = format === 'xlsx' ? await figureXlsx(table, insight) : figureCsv(table);
  return { body, from: insight.from, to: insight.to };
}

/** The season report: the term's key figures and charts on one A4 page. */
export async function seasonReport(
  deps: Pick<Deps, 'db'>,
  ctx: TenantContext,
  season: { term: 'spring' | 'autumn'; year: number },
  hide: boolean,
): Promise<Uint8Array> {
  const insight = await readInsight(deps.db, ctx, termRange(season.term, season.year), hide, {
    figure: 'season',
    format: 'pdf',
  });
  return seasonSummaryPdf(insight, season, todayInOslo());
}

type Loaded = {
  from: string;
  to: string;
  municipality: string;
  hide: boolean;
  events: Awaited<ReturnType<typeof periodEvents>>;
  counts: Awaited<ReturnType<typeof invitationCounts>>;
  attendance: Awaited<ReturnType<typeof eventAttendance>>;
  firsts: Awaited<ReturnType<typeof firstTimers>>;
  ever: Awaited<ReturnType<typeof everCame>>;
  feedback: Awaited<ReturnType<typeof feedbackCounts>>;
  topics: Awaited<ReturnType<typeof topicCounts>>;
};

interface Tally {
  events: Set<string>;
  invited: number;
  answered: number;
  came: number;
}
const tally = (): Tally => ({ events: new Set(), invited: 0, answered: 0, came: 0 });

/** The figures from the counts: pure, so the arithmetic can be checked without a database. */
function buildInsight(data: Loaded): Insight {
  const { hide } = data;
  const count = (n: number) => suppress(n, hide);
  const eventsById = new Map(data.events.map((e) => [e.id, e]));
  const byEvent = new Map<string, { invited: number; coming: number }>();
  const byChannel = new Map<string, Tally>();
  const byDeadline = new Map<string, Tally>();
  const byVenue = new Map<string, Tally>();
  const byWeekday = new Map<string, Tally>();
  const byBand = new Map<TravelBand, Tally>(TRAVEL_BANDS.map((band) => [band, tally()]));
  const add = (map: Map<string, Tally>, key: string, row: (typeof data.counts)[number]) => {
    const t = map.get(key) ?? tally();
    map.set(key, t);
    t.events.add(row.eventId);
    t.invited += row.invited;
    t.answered += row.answered;
    t.came += row.came;
  };
  for (const row of data.counts) {
    const event = eventsById.get(row.eventId);
    if (!event) continue;
    const e = byEvent.get(row.eventId) ?? { invited: 0, coming: 0 };
    e.invited += row.invited;
    e.coming += row.coming;
    byEvent.set(row.eventId, e);
    if (row.channel) add(byChannel, row.channel, row);
    add(byDeadline, event.hasDeadline ? 'deadline' : 'no_deadline', row);
    add(byVenue, event.venue ?? '', row);
    add(byWeekday, String(weekdayOf(event.date)), row);
    add(byBand as Map<string, Tally>, travelBand(row.travelMinutes), row);
  }
  const attendanceById = new Map(data.attendance.map((a) => [a.eventId, a]));
  const firstsById = new Map(data.firsts.map((f) => [f.eventId, f]));

  const attendance: EventFigure[] = data.events.map((event) => ({
    date: event.date,
    title: event.title,
    venue: event.venue,
    invited: count(byEvent.get(event.id)?.invited ?? 0),
    coming: count(byEvent.get(event.id)?.coming ?? 0),
    came: count(attendanceById.get(event.id)?.came ?? 0),
    firstTimers: count(firstsById.get(event.id)?.firstTimers ?? 0),
  }));

  const allDays = data.firsts.flatMap((f) => f.days);
  const totalFirst = data.firsts.reduce((sum, f) => sum + f.firstTimers, 0);
  const returners: Insight['returners'] = {
    rows: data.events.map((event) => {
      const f = firstsById.get(event.id);
      const days = f?.days ?? [];
      return {
        date: event.date,
        title: event.title,
        firstTimers: count(f?.firstTimers ?? 0),
        cameAgain: count(f?.cameAgain ?? 0),
        medianDays: shownNumber(median(days), days.length, hide),
      };
    }),
    total: {
      cameAgain: shownShare(allDays.length, totalFirst, hide),
      medianDays: shownNumber(median(allDays), allDays.length, hide),
    },
  };

  const channelRows = CHANNELS.map((channel) => {
    const t = byChannel.get(channel) ?? tally();
    return {
      channel,
      answered: shownShare(t.answered, t.invited, hide),
      came: shownShare(t.came, t.invited, hide),
    };
  });
  const comparisons = CHANNEL_QUESTIONS.flatMap(({ a, b }) => {
    const ta = byChannel.get(a) ?? tally();
    const tb = byChannel.get(b) ?? tally();
    return (['answered', 'came'] as const).map((measure) => ({
      a,
      b,
      measure,
      verdict: verdict(wilson(ta[measure], ta.invited), wilson(tb[measure], tb.invited)),
    }));
  });

  const groupFigure = (map: Map<string, Tally>, keys?: readonly string[]): GroupFigure => {
    const entries = (keys ?? [...map.keys()].sort()).map((key) => [key, map.get(key) ?? tally()] as const);
    const compared = compareGroups(
      entries.filter(([, t]) => t.invited > 0).map(([key, t]) => ({ key, share: wilson(t.came, t.invited) })),
    );
    return {
      rows: entries.map(([group, t]) => ({
        group,
        events: t.events.size,
        invited: count(t.invited),
        came: shownShare(t.came, t.invited, hide),
      })),
      comparison: compared && { a: compared.a.key, b: compared.b.key, verdict: compared.verdict },
    };
  };
  // The deadline groups' comparison is always "with" against "without", whichever did better.
  const deadline = groupFigure(byDeadline, ['deadline', 'no_deadline']);
  const withDeadline = byDeadline.get('deadline') ?? tally();
  const withoutDeadline = byDeadline.get('no_deadline') ?? tally();
  deadline.comparison =
    withDeadline.invited && withoutDeadline.invited
      ? {
          a: 'deadline',
          b: 'no_deadline',
          verdict: verdict(
            wilson(withDeadline.came, withDeadline.invited),
            wilson(withoutDeadline.came, withoutDeadline.invited),
          ),
        }
      : null;

  const feedbackById = new Map(data.feedback.map((f) => [f.eventId, f]));
  return {
    from: data.from,
    to: data.to,
    municipality: data.municipality,
    hidden: hide,
    events: data.events.length,
    attendance,
    returners,
    everCame: shownShare(data.ever.came, data.ever.invited, hide),
    channels: { rows: channelRows, comparisons },
    deadline,
    venues: groupFigure(byVenue),
    weekdays: groupFigure(
      byWeekday,
      ['1', '2', '3', '4', '5', '6', '7'].filter((d) => byWeekday.has(d)),
    ),
    travel: groupFigure(byBand as Map<string, Tally>, TRAVEL_BANDS),
    feedback: {
      rows: data.events
        .filter((event) => feedbackById.has(event.id))
        .map((event) => {
          const f = feedbackById.get(event.id);
          return {
            date: event.date,
            title: event.title,
            responses: count(f?.responses ?? 0),
            mean: shownNumber(f?.mean ?? null, f?.responses ?? 0, hide),
          };
        }),
    },
    topics: { rows: data.topics.map((t) => ({ topic: t.topic, count: count(t.count) })) },
  };
}
