import type { ChannelName } from '../../channels/types.js';
import type { Queryable } from '../../db/connection.js';

// The insight pages' SQL. Aggregates only: counts per event, channel, travel time and answer —
// never a name, an address or a household's id leaves these queries.

/** The cafés of a period that have taken place: not cancelled, not after `to` (which is at most today). */
const PERIOD = `e.municipality_id = $1 AND e.kind = 'cafe' AND e.status = 'planned'
  AND e.date BETWEEN $2::date AND $3::date`;

export interface PeriodEvent {
  id: string;
  date: string;
  title: string;
  venue: string | null;
  hasDeadline: boolean;
}

export function periodEvents(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<PeriodEvent[]> {
  return tx.query<PeriodEvent>(
    `SELECT e.id, e.date::text AS date, e.title, v.name AS venue,
       (e.registration <> 'none' AND e.deadline IS NOT NULL) AS "hasDeadline"
     FROM event e LEFT JOIN venue v ON v.id = e.venue_id AND v.municipality_id = e.municipality_id
     WHERE ${PERIOD}
     ORDER BY e.date, e.id`,
    [municipalityId, from, to],
  );
}

/** Invitations counted by event, channel, travel time, answer and attendance. */
export interface InvitationCount {
  eventId: string;
  channel: ChannelName | null;
  travelMinutes: number | null;
  answered: boolean;
  coming: boolean;
  came: boolean;
  n: number;
}

export function invitationCounts(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<InvitationCount[]> {
  // The channel of each invitation's latest message, for all of the period at once: one sort
  // instead of an index lookup per invitation (50,000 of them at five years).
  return tx.query<InvitationCount>(
    `WITH latest AS (
       SELECT DISTINCT ON (x.invitation_id) x.invitation_id, x.channel
       FROM message x JOIN event e ON e.id = x.event_id AND e.municipality_id = x.municipality_id
       WHERE x.municipality_id = $1 AND x.purpose = 'invitation' AND ${PERIOD}
       ORDER BY x.invitation_id, x.created_at DESC, x.id)
     SELECT i.event_id AS "eventId", m.channel, h.travel_minutes AS "travelMinutes",
       (a.invitation_id IS NOT NULL) AS answered,
       coalesce(a.response = 'coming', false) AS coming,
       coalesce(t.present, false) AS came,
       count(*)::int AS n
     FROM invitation i
     JOIN event e ON e.id = i.event_id AND e.municipality_id = i.municipality_id
     LEFT JOIN household h ON h.id = i.household_id AND h.municipality_id = i.municipality_id
     LEFT JOIN latest m ON m.invitation_id = i.id
     LEFT JOIN answer a ON a.invitation_id = i.id AND a.municipality_id = i.municipality_id
     LEFT JOIN attendance t ON t.event_id = i.event_id AND t.household_id = i.household_id
       AND t.municipality_id = i.municipality_id
     WHERE i.municipality_id = $1 AND ${PERIOD}
     GROUP BY i.event_id, m.channel, h.travel_minutes, (a.invitation_id IS NOT NULL),
       coalesce(a.response = 'coming', false), coalesce(t.present, false)`,
    [municipalityId, from, to],
  );
}

export interface EventAttendance {
  eventId: string;
  /** households present, walk-ins included */
  came: number;
  walkIns: number;
  persons: number;
}

export function eventAttendance(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<EventAttendance[]> {
  return tx.query<EventAttendance>(
    `SELECT e.id AS "eventId", count(*)::int AS came,
       count(*) FILTER (WHERE t.walk_in)::int AS "walkIns",
       coalesce(sum(coalesce(t.adults, 0) + coalesce(t.children, 0)), 0)::int AS persons
     FROM attendance t JOIN event e ON e.id = t.event_id AND e.municipality_id = t.municipality_id
     WHERE t.municipality_id = $1 AND t.present AND ${PERIOD}
     GROUP BY e.id`,
    [municipalityId, from, to],
  );
}

/**
 * Per café of the period: the households that came for the first time there (their first café
 * ever), how many of them came to a later café (up to `today`), and the median days until then.
 */
export interface FirstTimers {
  eventId: string;
  firstTimers: number;
  cameAgain: number;
  medianDays: number | null;
  days: number[];
}

export async function firstTimers(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
  today: string,
): Promise<FirstTimers[]> {
  // One pass over the visits, numbered per household in date order: the first is the household's
  // first café, lead() its next one. A municipality holds one café a day (event_one_cafe_a_day),
  // so the next visit is on a later date.
  const rows = await tx.query<FirstTimers>(
    `WITH visits AS (
       SELECT e.id AS event_id, e.date,
         row_number() OVER w AS nth, lead(e.date) OVER w - e.date AS days
       FROM attendance t JOIN event e ON e.id = t.event_id AND e.municipality_id = t.municipality_id
       WHERE t.municipality_id = $1 AND t.present AND e.kind = 'cafe' AND e.status = 'planned'
         AND e.date <= $4::date
       WINDOW w AS (PARTITION BY t.household_id ORDER BY e.date, e.id))
     SELECT v.event_id AS "eventId", count(*)::int AS "firstTimers", count(v.days)::int AS "cameAgain",
       coalesce(array_agg(v.days ORDER BY v.days) FILTER (WHERE v.days IS NOT NULL), '{}') AS days
     FROM visits v JOIN event e ON e.id = v.event_id
     WHERE v.nth = 1 AND ${PERIOD}
     GROUP BY v.event_id`,
    [municipalityId, from, to, today],
  );
  return rows.map((row) => ({ ...row, days: row.days.map(Number), medianDays: null }));
}

/** Households invited to a café of the period, and how many of them have ever come to a café. */
export async function everCame(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<{ invited: number; came: number }> {
  const [row] = await tx.query<{ invited: number; came: number }>(
    `WITH invited AS (
       SELECT DISTINCT i.household_id FROM invitation i
       JOIN event e ON e.id = i.event_id AND e.municipality_id = i.municipality_id
       WHERE i.municipality_id = $1 AND i.household_id IS NOT NULL AND ${PERIOD})
     SELECT count(*)::int AS invited,
       count(*) FILTER (WHERE EXISTS (
         SELECT 1 FROM attendance t JOIN event e ON e.id = t.event_id AND e.municipality_id = t.municipality_id
         WHERE t.municipality_id = $1 AND t.household_id = invited.household_id AND t.present
           AND e.kind = 'cafe' AND e.status = 'planned' AND e.date <= $3::date))::int AS came
     FROM invited`,
    [municipalityId, from, to],
  );
  return row ?? { invited: 0, came: 0 };
}

/** Per café: the feedback responses and the mean of every 1–5 answer to its scale questions. */
export interface FeedbackCount {
  eventId: string;
  responses: number;
  scaleAnswers: number;
  mean: number | null;
}

export async function feedbackCounts(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<FeedbackCount[]> {
  const rows = await tx.query<FeedbackCount>(
    `SELECT e.id AS "eventId", count(DISTINCT r.id)::int AS responses,
       count(s.score)::int AS "scaleAnswers", avg(s.score)::float8 AS mean
     FROM event e
     JOIN feedback_response r ON r.event_id = e.id AND r.municipality_id = e.municipality_id
     LEFT JOIN feedback_form f ON f.event_id = e.id AND f.municipality_id = e.municipality_id
     LEFT JOIN LATERAL (
       SELECT (r.answers ->> (q ->> 'id'))::numeric AS score
       FROM jsonb_array_elements(CASE WHEN jsonb_typeof(f.questions) = 'array' THEN f.questions ELSE '[]' END) q
       WHERE q ->> 'type' = 'scale' AND jsonb_typeof(r.answers -> (q ->> 'id')) = 'number'
         AND (r.answers ->> (q ->> 'id'))::numeric BETWEEN 1 AND 5) s ON true
     WHERE ${PERIOD}
     GROUP BY e.id`,
    [municipalityId, from, to],
  );
  return rows.map((row) => ({ ...row, mean: row.mean === null ? null : Number(row.mean) }));
}

/** The options of every 'topics' question of the period's forms, with how many responses chose each. */
export interface TopicCount {
  /** the option's text in nb (or its first language), the key that joins the same topic across forms */
  topic: string;
  count: number;
}

export function topicCounts(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<TopicCount[]> {
  return tx.query<TopicCount>(
    `WITH options AS (
       SELECT f.event_id, q ->> 'id' AS question, o ->> 'id' AS option,
         coalesce(o -> 'text' ->> 'nb', (SELECT v FROM jsonb_each_text(o -> 'text') AS x(k, v) LIMIT 1), o ->> 'id') AS topic
       FROM feedback_form f JOIN event e ON e.id = f.event_id AND e.municipality_id = f.municipality_id,
         jsonb_array_elements(CASE WHEN jsonb_typeof(f.questions) = 'array' THEN f.questions ELSE '[]' END) q,
         jsonb_array_elements(CASE WHEN jsonb_typeof(q -> 'options') = 'array' THEN q -> 'options' ELSE '[]' END) o
       WHERE f.municipality_id = $1 AND q ->> 'type' = 'topics' AND ${PERIOD})
     SELECT o.topic, count(r.id)::int AS count
     FROM options o
     LEFT JOIN feedback_response r ON r.event_id = o.event_id AND r.municipality_id = $1
       AND jsonb_typeof(r.answers -> o.question) = 'array'
       AND (r.answers -> o.question) ? o.option
     GROUP BY o.topic
     ORDER BY count(r.id) DESC, o.topic`,
    [municipalityId, from, to],
  );
}

export async function municipalityName(tx: Queryable, municipalityId: number): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM municipality WHERE id = $1', [
    municipalityId,
  ]);
  return row?.name ?? '';
}
