import type { Database } from '../src/db/connection.js';
import { inTenant } from '../src/db/tenant.js';
import { addDays, todayInOslo } from '../src/domain/calendar.js';
import { createHouseholds } from '../test/support/factories.js';

// Years of café history for one municipality, written as the sending worker, the answer pages
// and the check-in would have left it — set-based SQL, so five years take seconds, not minutes.
// Deterministic: who is invited, answers and comes follows from the household's and the café's
// place in order (hashtext of the pair), so two runs give the same figures.

export interface HistoryOptions {
  households: number;
  cafesPerYear: number;
  years: number;
  /** Share of the households invited to each café (0.2 × 2,000 × 125 cafés ≈ 50,000 messages). */
  invitedShare: number;
}

export const FIVE_YEARS: HistoryOptions = { households: 2000, cafesPerYear: 25, years: 5, invitedShare: 0.2 };

export interface History {
  households: number;
  cafes: number;
  messages: number;
  answers: number;
  visits: number;
  feedback: number;
}

export async function generateHistory(
  db: Database,
  municipalityId: number,
  options: HistoryOptions = FIVE_YEARS,
): Promise<History> {
  const travel = [5, 12, 20, 35, 50, 75];
  const channels = ['email', 'sms', 'letter', 'digital_mail'] as const;
  await createHouseholds(
    db,
    municipalityId,
    Array.from({ length: options.households }, (_, i) => ({
      travelMinutes: travel[i % travel.length],
      adults: [
        {
          firstName: 'Kari',
          lastName: `Nordmann ${i}`,
          email: `kari.${i}@eksempel.no`,
          mobile: '412 34 567',
          preferredChannels: [channels[i % 20 < 12 ? 0 : i % 20 < 17 ? 1 : i % 20 < 19 ? 2 : 3]],
        },
      ],
    })),
  );
  // The cafés: evenly spread over the years before today, on a Tuesday or a Wednesday-ish day,
  // every third with a registration deadline, two venues taking turns.
  const today = todayInOslo();
  const cafes = options.cafesPerYear * options.years;
  const step = Math.floor((365 * options.years) / cafes);
  const dates = Array.from({ length: cafes }, (_, k) => addDays(today, -1 - (cafes - k) * step));
  const ctx = { municipalityId, userId: null, ip: null };
  const counts = await inTenant(db, ctx, async (tx) => {
    const m = municipalityId;
    await tx.query(
      `INSERT INTO venue (municipality_id, name) VALUES ($1, 'Frivilligsentralen'), ($1, 'Kulturhuset')`,
      [m],
    );
    await tx.query(
      `INSERT INTO event (municipality_id, kind, title, date, start_time, end_time, starts_at, ends_at,
         registration, deadline, venue_id, food)
       SELECT $1, 'cafe', 'Fosterhjemskafé ' || k, d, '18:00', '20:00',
         (d + time '18:00') AT TIME ZONE 'Europe/Oslo', (d + time '20:00') AT TIME ZONE 'Europe/Oslo',
         CASE WHEN k % 3 = 0 THEN 'required' ELSE 'optional' END,
         CASE WHEN k % 3 = 0 THEN d - 7 END,
         (SELECT id FROM venue WHERE municipality_id = $1 ORDER BY name OFFSET (k % 2) LIMIT 1), true
       FROM unnest($2::date[]) WITH ORDINALITY AS x(d, k)`,
      [m, dates],
    );
    // A number 0–99 per (household, café) pair and purpose: who is invited, answers, comes.
    const pairs = `WITH hh AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n
                     FROM household WHERE municipality_id = $1),
                   ev AS (SELECT id, row_number() OVER (ORDER BY date) AS k
                     FROM event WHERE municipality_id = $1 AND kind = 'cafe'),
                   pair AS (SELECT hh.id AS household_id, ev.id AS event_id, hh.n, ev.k,
                     abs(hashtext(hh.n || ':' || ev.k)) % 100 AS r,
                     abs(hashtext(ev.k || ':' || hh.n)) % 100 AS s
                     FROM hh CROSS JOIN ev)`;
    const invited = Math.round(options.invitedShare * 100);
    await tx.query(
      `${pairs}
       INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
       SELECT $1, event_id, household_id, decode(md5(event_id::text || household_id::text), 'hex'), 'nb'
       FROM pair WHERE r < $2`,
      [m, invited],
    );
    await tx.query(
      `INSERT INTO message (municipality_id, invitation_id, event_id, household_id, channel, status, sent_at)
       SELECT i.municipality_id, i.id, i.event_id, i.household_id,
         CASE WHEN x % 100 < 60 THEN 'email' WHEN x % 100 < 85 THEN 'sms' WHEN x % 100 < 97 THEN 'letter'
           ELSE 'digital_mail' END,
         'sent', e.starts_at - interval '14 days'
       FROM invitation i JOIN event e ON e.id = i.event_id,
         LATERAL (SELECT abs(hashtext(i.household_id::text)) AS x) h
       WHERE i.municipality_id = $1`,
      [m],
    );
    // 45 % answer (letters less often), four in five of them coming; two in three of those come,
    // and some who never answered come anyway.
    await tx.query(
      `${pairs}
       INSERT INTO answer (invitation_id, municipality_id, event_id, household_id, response, adults, children,
         created_at)
       SELECT i.id, $1, i.event_id, i.household_id,
         CASE WHEN p.s < 80 THEN 'coming' WHEN p.s < 90 THEN 'maybe' ELSE 'not_coming' END,
         1 + p.s % 2, p.s % 3, e.starts_at - interval '7 days'
       FROM pair p JOIN invitation i ON i.event_id = p.event_id AND i.household_id = p.household_id
         JOIN message x ON x.invitation_id = i.id JOIN event e ON e.id = i.event_id
       WHERE (p.r * 7 + p.s) % 100 < CASE WHEN x.channel = 'letter' THEN 35 ELSE 48 END`,
      [m],
    );
    await tx.query(
      `${pairs}
       INSERT INTO attendance (event_id, household_id, municipality_id, present, adults, children, walk_in,
         last_tap, tapped_at)
       SELECT p.event_id, p.household_id, $1, true, 1 + p.s % 2, p.s % 3, i.id IS NULL,
         gen_random_uuid(), e.starts_at
       FROM pair p JOIN event e ON e.id = p.event_id
         LEFT JOIN invitation i ON i.event_id = p.event_id AND i.household_id = p.household_id
         LEFT JOIN answer a ON a.invitation_id = i.id
       WHERE (a.response = 'coming' AND p.s % 3 < 2) OR (i.id IS NOT NULL AND a.invitation_id IS NULL AND p.s < 8)
         OR (i.id IS NULL AND p.r % 100 = 99)`,
      [m],
    );
    // A feedback form for every café, a scale and a topics question, answered by a third who came.
    await tx.query(
      `INSERT INTO feedback_form (event_id, municipality_id, code, questions, closes_at)
       SELECT e.id, $1, 'f' || substr(md5(e.id::text), 1, 10),
         '[{"id":"q1","type":"scale","text":{"nb":"Hvor fornøyd var du?"}},
           {"id":"q2","type":"topics","text":{"nb":"Tema neste gang?"},
            "options":[{"id":"o1","text":{"nb":"Samvær"}},{"id":"o2","text":{"nb":"Skole"}},
                       {"id":"o3","text":{"nb":"Helse"}}]}]'::jsonb,
         e.ends_at + interval '14 days'
       FROM event e WHERE e.municipality_id = $1 AND e.kind = 'cafe'`,
      [m],
    );
    await tx.query(
      `INSERT INTO feedback_response (municipality_id, event_id, language, answers)
       SELECT $1, t.event_id, 'nb', jsonb_build_object('q1', 1 + x % 5,
         'q2', CASE x % 3 WHEN 0 THEN '["o1"]' WHEN 1 THEN '["o2","o3"]' ELSE '[]' END::jsonb)
       FROM attendance t, LATERAL (SELECT abs(hashtext(t.household_id::text || t.event_id::text)) AS x) h
       WHERE t.municipality_id = $1 AND x % 3 = 0`,
      [m],
    );
    const [counts] = await tx.query<History>(
      `SELECT (SELECT count(*) FROM household WHERE municipality_id = $1)::int AS households,
         (SELECT count(*) FROM event WHERE municipality_id = $1)::int AS cafes,
         (SELECT count(*) FROM message WHERE municipality_id = $1)::int AS messages,
         (SELECT count(*) FROM answer WHERE municipality_id = $1)::int AS answers,
         (SELECT count(*) FROM attendance WHERE municipality_id = $1)::int AS visits,
         (SELECT count(*) FROM feedback_response WHERE municipality_id = $1)::int AS feedback`,
      [m],
    );
    return counts as History;
  });
  // Fresh statistics, as autovacuum would have gathered them over five years.
  await db.executeSql('ANALYZE');
  return counts;
}
