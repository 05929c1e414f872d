import type { Database, Queryable } from '../../db/connection.js';
import { inTenant } from '../../db/tenant.js';

// Six invented past cafés for the demo municipality, so the insight page has something to show:
// invitations by the four channels, answers, attendance and feedback, made up but deterministic.
// Only the 120 households last in name order take part, so the screens that list the first
// households by name (check-in, the welcome of first-timers) look as they did before. Made once,
// while the demo municipality has no café at all.

const INVITED = 120;
const CAFES = 6;
const CHANNELS = [
  ['email', 0.4],
  ['letter', 0.25],
  ['sms', 0.2],
  ['digital_mail', 0.15],
] as const;
/** How likely a household answers "coming" to an invitation by each channel (the letter does best). */
const COMING: Record<string, number> = { email: 0.22, letter: 0.45, sms: 0.32, digital_mail: 0.28 };
const TOPICS = [
  'Samvær med biologiske foreldre',
  'Skole og lekser',
  'Ungdom og skjerm',
  'Tilknytning',
  'Ettervern',
];

/** mulberry32: the same demo every time. */
function random(seed: number) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A Tuesday or Wednesday near `date`, at or before it. */
function tuesdayOrWednesday(date: string, wednesday: boolean): string {
  let d = date;
  const want = wednesday ? 3 : 2;
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== want) d = addDays(d, -1);
  return d;
}

export async function seedDemoHistory(
  db: Database,
  municipalityId: number,
  today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date()),
): Promise<void> {
  const ctx = { municipalityId, userId: null, ip: null };
  await inTenant(db, ctx, async (tx) => {
    const [existing] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM event WHERE municipality_id = $1',
      [municipalityId],
    );
    if ((existing?.n ?? 0) > 0) return;
    const households = await tx.query<{ id: string; travel: number | null }>(
      `SELECT id, travel_minutes AS travel FROM household
       WHERE municipality_id = $1 AND archived_at IS NULL AND kind <> 'resource_family'
       ORDER BY lower(display_name) DESC, id LIMIT $2`,
      [municipalityId, INVITED],
    );
    if (households.length === 0) return;
    const next = random(2026);
    const channelOf = new Map(
      households.map((h) => {
        let roll = next();
        for (const [channel, weight] of CHANNELS) {
          roll -= weight;
          if (roll < 0) return [h.id, channel];
        }
        return [h.id, 'email'];
      }),
    );
    const venues = await tx.query<{ id: string }>(
      `INSERT INTO venue (municipality_id, name, place, capacity, kitchen, parking, step_free)
       VALUES ($1, 'Kantina i Fosterhjemstjenesten', 'Røyken', 60, true, true, true),
              ($1, 'Biblioteket i sentrum', 'Asker', 40, false, false, true)
       RETURNING id`,
      [municipalityId],
    );
    const cameBefore = new Set<string>();
    for (let k = CAFES; k >= 1; k--) {
      const date = tuesdayOrWednesday(addDays(today, -k * 61), k % 2 === 0);
      const deadline = k % 2 === 0 ? addDays(date, -7) : null;
      const venueId = venues[k % 2]?.id ?? null;
      const eventId = await insertCafe(tx, municipalityId, date, venueId, deadline);
      const ids = households.map((h) => h.id);
      const channels = ids.map((id) => channelOf.get(id) ?? 'email');
      const responses: (string | null)[] = [];
      const came: string[] = [];
      for (const [i, h] of households.entries()) {
        const far = (h.travel ?? 30) > 60 ? 0.6 : 1;
        const regular = cameBefore.has(h.id) ? 1.8 : 1;
        const p = Math.min(0.9, (COMING[channels[i] ?? 'email'] ?? 0.25) * far * regular);
        const roll = next();
        const response =
          roll < p ? 'coming' : roll < p + 0.25 ? 'not_coming' : roll < p + 0.3 ? 'maybe' : null;
        responses.push(response);
        if ((response === 'coming' && next() < 0.85) || (response === null && next() < 0.03)) came.push(h.id);
      }
      await tx.query(
        `WITH invited AS (
           INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language, created_at)
           SELECT $1, $2, h, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'nb', $5::date - 35
           FROM unnest($3::uuid[]) AS h
           RETURNING id, household_id)
         INSERT INTO message (municipality_id, invitation_id, event_id, household_id, channel, status, sent_at, created_at)
         SELECT $1, i.id, $2, i.household_id, c.channel, 'sent', $5::date - 35, $5::date - 35
         FROM invited i JOIN unnest($3::uuid[], $4::text[]) AS c(h, channel) ON c.h = i.household_id`,
        [municipalityId, eventId, ids, channels, date],
      );
      await tx.query(
        `INSERT INTO answer (invitation_id, municipality_id, event_id, household_id, response, adults, children)
         SELECT i.id, $1, $2, i.household_id, a.response,
           CASE WHEN a.response = 'coming' THEN 2 ELSE 0 END, CASE WHEN a.response = 'coming' THEN 1 ELSE 0 END
         FROM invitation i JOIN unnest($3::uuid[], $4::text[]) AS a(h, response) ON a.h = i.household_id
         WHERE i.event_id = $2 AND a.response IS NOT NULL`,
        [municipalityId, eventId, ids, responses],
      );
      await tx.query(
        `INSERT INTO attendance (event_id, household_id, municipality_id, present, adults, children, last_tap, tapped_at)
         SELECT $2, h, $1, true, 2, 1, gen_random_uuid(), ($4::date + time '18:05') AT TIME ZONE 'Europe/Oslo'
         FROM unnest($3::uuid[]) AS h`,
        [municipalityId, eventId, came, date],
      );
      for (const id of came) cameBefore.add(id);
      await insertFeedback(tx, municipalityId, eventId, Math.round(came.length * 0.6), next);
    }
  });
}

async function insertCafe(
  tx: Queryable,
  municipalityId: number,
  date: string,
  venueId: string | null,
  deadline: string | null,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO event (municipality_id, kind, title, date, start_time, end_time, starts_at, ends_at, venue_id,
       food, registration, deadline, channel)
     VALUES ($1, 'cafe', 'Fosterhjemskafé', $2::date, '18:00', '20:00',
       ($2::date + time '18:00') AT TIME ZONE 'Europe/Oslo', ($2::date + time '20:00') AT TIME ZONE 'Europe/Oslo',
       $3, true, $4, $5::date, NULL)
     RETURNING id`,
    [municipalityId, date, venueId, deadline ? 'required' : 'optional', deadline],
  );
  return row?.id as string;
}

async function insertFeedback(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  responses: number,
  next: () => number,
): Promise<void> {
  const questions = [
    {
      id: 'q1',
      type: 'scale',
      text: {
        nb: 'Hvor fornøyd var du med kvelden?',
        nn: 'Kor nøgd var du med kvelden?',
        en: 'How happy were you with the evening?',
      },
    },
    {
      id: 'q2',
      type: 'topics',
      text: {
        nb: 'Hvilke temaer vil du ha neste gang?',
        nn: 'Kva tema vil du ha neste gong?',
        en: 'Which topics next time?',
      },
      options: TOPICS.map((topic, i) => ({ id: `t${i + 1}`, text: { nb: topic } })),
    },
  ];
  const code = `demo${eventId.replaceAll('-', '').slice(0, 10)}`;
  await tx.query(
    `INSERT INTO feedback_form (event_id, municipality_id, code, questions, languages, closes_at)
     SELECT $1, $2, $3, $4::jsonb, '{nb,nn,en}', starts_at + interval '7 days' FROM event WHERE id = $1`,
    [eventId, municipalityId, code, JSON.stringify(questions)],
  );
  const answers = Array.from({ length: responses }, () => {
    const topics = TOPICS.map((_, i) => `t${i + 1}`).filter((_, i) => next() < 0.5 - i * 0.08);
    return JSON.stringify({
      q1: next() < 0.6 ? 5 : next() < 0.7 ? 4 : 3,
      ...(topics.length ? { q2: topics } : {}),
    });
  });
  await tx.query(
    `INSERT INTO feedback_response (municipality_id, event_id, language, answers)
     SELECT $1, $2, 'nb', a::jsonb FROM unnest($3::text[]) AS a`,
    [municipalityId, eventId, answers],
  );
}
