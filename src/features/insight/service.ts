import type { ChannelName } from '../../channels/types.js';
import type { Database } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import {
  compareGroups,
  median,
  type ShownShare,
  shownNumber,
  shownShare,
  TRAVEL_BANDS,
  type TravelBand,
  travelBand,
  type Verdict,
  verdict,
  weekdayOf,
} from '../../domain/insight.js';
import { type ShownCount, suppress, wilson } from '../../domain/statistics.js';
import { audit } from '../audit/index.js';
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

/** The figures of the insight page; each id names its export (`/api/insight/<id>.xlsx|.csv`). */
export const FIGURES = [
  'attendance-over-time',
  'returners',
  'ever-came',
  'channels',
  'deadline',
  'venues',
  'weekdays',
  'travel-time',
  'feedback',
  'topics',
] as const;
export type FigureId = (typeof FIGURES)[number];

export const CHANNELS: readonly ChannelName[] = ['email', 'sms', 'letter', 'digital_mail'];
/** The questions of seed 000: does post beat e-mail? does digital mail work (as well as e-mail)? */
export const CHANNEL_QUESTIONS: readonly { a: ChannelName; b: ChannelName }[] = [
  { a: 'letter', b: 'email' },
  { a: 'digital_mail', b: 'email' },
];

export interface EventFigure {
  date: string;
  title: string;
  venue: string | null;
  invited: ShownCount;
  coming: ShownCount;
  came: ShownCount;
  firstTimers: ShownCount;
}
export interface GroupRow {
  group: string;
  events: number;
  invited: ShownCount;
  came: ShownShare;
}
export interface GroupFigure {
  rows: GroupRow[];
  /** The group that did best against the one that did worst, and what may be said about it. */
  comparison: { a: string; b: string; verdict: Verdict } | null;
}

export interface Insight {
  from: string;
  to: string;
  municipality: string;
  /** true: counts under 5 are shown as { under: 5 } (a programme coordinator's view) */
  hidden: boolean;
  events: number;
  attendance: EventFigure[];
  returners: {
    rows: {
      date: string;
      title: string;
      firstTimers: ShownCount;
      cameAgain: ShownCount;
      medianDays: number | null;
    }[];
    total: { cameAgain: ShownShare; medianDays: number | null };
  };
  everCame: ShownShare;
  channels: {
    rows: { channel: ChannelName; answered: ShownShare; came: ShownShare }[];
    comparisons: { a: ChannelName; b: ChannelName; measure: 'answered' | 'came'; verdict: Verdict }[];
  };
  deadline: GroupFigure;
  venues: GroupFigure;
  weekdays: GroupFigure;
  travel: GroupFigure;
  feedback: { rows: { date: string; title: string; responses: ShownCount; mean: number | null }[] };
  topics: { rows: { topic: string; count: ShownCount }[] };
}

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Every figure of the insight page for the cafés of a period that have taken place. `hide`: a
 * viewer outside the team (a programme coordinator) gets counts under 5 as { under: 5 }. One audit
 * entry per request: what was read (aggregates, no person) and for which period.
 */
export async function readInsight(
  db: Database,
  ctx: TenantContext,
  period: Period,
  hide: boolean,
  what: { figure: string; format: string },
): Promise<Insight> {
  const today = todayInOslo();
  const from = period.from ?? '2000-01-01';
  const to = period.to && period.to < today ? period.to : today;
  return inTenant(db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    // One after another: a transaction is one connection, which runs one query at a time.
    const events = await periodEvents(tx, m, from, to);
    const counts = await invitationCounts(tx, m, from, to);
    const attendance = await eventAttendance(tx, m, from, to);
    const firsts = await firstTimers(tx, m, from, to, today);
    const ever = await everCame(tx, m, from, to);
    const feedback = await feedbackCounts(tx, m, from, to);
    const topics = await topicCounts(tx, m, from, to);
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
export function buildInsight(data: Loaded): Insight {
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
    t.invited += row.n;
    if (row.answered) t.answered += row.n;
    if (row.came) t.came += row.n;
  };
  for (const row of data.counts) {
    const event = eventsById.get(row.eventId);
    if (!event) continue;
    const e = byEvent.get(row.eventId) ?? { invited: 0, coming: 0 };
    e.invited += row.n;
    if (row.coming) e.coming += row.n;
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
