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

/** Invitations by event, channel and travel time: how many, and of them answered, coming and came. */
export interface InvitationCount {
  eventId: string;
  channel: ChannelName | null;
  travelMinutes: number | null;
  invited: number;
  answered: number;
  coming: number;
  came: number;
}

export function invitationCounts(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<InvitationCount[]> {
  // Counted in SQL: a row per event, channel and travel time (a few thousand at five years)
  // rather than one per combination of answer and attendance too. The row-level security on
  // event makes the planner expect one café where there are a hundred, and then look up each of
  // 50,000 invitations' household, answer and attendance by index, one at a time (3 s): each
  // side is a MATERIALIZED set of its own, which the planner joins by hashing (~0.2 s). The
  // channel is each invitation's latest message's, in one sorted pass.
  return tx.query<InvitationCount>(
    `WITH period AS MATERIALIZED (
       SELECT e.id FROM event e WHERE ${PERIOD}),
     invited AS MATERIALIZED (
       SELECT i.id, i.event_id, i.household_id FROM invitation i
       WHERE i.municipality_id = $1 AND i.event_id IN (SELECT id FROM period)),
     latest AS MATERIALIZED (
       SELECT DISTINCT ON (x.invitation_id) x.invitation_id, x.channel
       FROM message x
       WHERE x.municipality_id = $1 AND x.purpose = 'invitation' AND x.event_id IN (SELECT id FROM period)
       ORDER BY x.invitation_id, x.created_at DESC, x.id),
     answers AS MATERIALIZED (
       SELECT a.invitation_id, a.response FROM answer a
       WHERE a.municipality_id = $1 AND a.invitation_id IN (SELECT id FROM invited)),
     present AS MATERIALIZED (
       SELECT t.event_id, t.household_id FROM attendance t
       WHERE t.municipality_id = $1 AND t.present AND t.event_id IN (SELECT id FROM period)),
     households AS MATERIALIZED (
       SELECT h.id, h.travel_minutes FROM household h WHERE h.municipality_id = $1)
     SELECT i.event_id AS "eventId", m.channel, h.travel_minutes AS "travelMinutes",
       count(*)::int AS invited,
       count(a.invitation_id)::int AS answered,
       count(*) FILTER (WHERE a.response = 'coming')::int AS coming,
       count(t.household_id)::int AS came
     FROM invited i
     LEFT JOIN households h ON h.id = i.household_id
     LEFT JOIN latest m ON m.invitation_id = i.id
     LEFT JOIN answers a ON a.invitation_id = i.id
     LEFT JOIN present t ON t.event_id = i.event_id AND t.household_id = i.household_id
     GROUP BY i.event_id, m.channel, h.travel_minutes`,
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
