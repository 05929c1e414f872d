import type { Queryable } from '../../db/connection.js';

export async function findMunicipalityByNumber(tx: Queryable, number: string): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>('SELECT id FROM municipality WHERE number = $1', [number]);
  return row?.id;
}

export async function insertMunicipality(
  tx: Queryable,
  municipality: { name: string; number: string; isDemo: boolean },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO municipality (name, number, is_demo) VALUES ($1, $2, $3) RETURNING id',
    [municipality.name, municipality.number, municipality.isDemo],
  );
  return (row as { id: number }).id;
}

export async function insertAccount(
  tx: Queryable,
  account: {
    municipalityId: number;
    email: string;
    firstName: string;
    lastName: string;
    roles: string[];
    passwordHash: string | null;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, first_name, last_name, roles, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      account.municipalityId,
      account.email,
      account.firstName,
      account.lastName,
      account.roles,
      account.passwordHash,
    ],
  );
  return (row as { id: string }).id;
}

// The demo's past cafés (service/seed-history.ts) -------------------------------------------------

export async function countEvents(tx: Queryable, municipalityId: number): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM event WHERE municipality_id = $1',
    [municipalityId],
  );
  return row?.n ?? 0;
}

/** The `limit` active households (resource families aside) last in name order, with their travel time. */
export function lastHouseholdsByName(
  tx: Queryable,
  municipalityId: number,
  limit: number,
): Promise<{ id: string; travel: number | null }[]> {
  return tx.query<{ id: string; travel: number | null }>(
    `SELECT id, travel_minutes AS travel FROM household
     WHERE municipality_id = $1 AND archived_at IS NULL AND kind <> 'resource_family'
     ORDER BY lower(display_name) DESC, id LIMIT $2`,
    [municipalityId, limit],
  );
}

export function insertDemoVenues(tx: Queryable, municipalityId: number): Promise<{ id: string }[]> {
  return tx.query<{ id: string }>(
    `INSERT INTO venue (municipality_id, name, place, capacity, kitchen, parking, step_free)
     VALUES ($1, 'Kantina i Fosterhjemstjenesten', 'Røyken', 60, true, true, true),
            ($1, 'Biblioteket i sentrum', 'Asker', 40, false, false, true)
     RETURNING id`,
    [municipalityId],
  );
}

/** A café 18–20 on `date` (in the past: written here, as the API refuses past dates). */
export async function insertPastCafe(
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

/** An invitation to each household, sent five weeks before the café by the channel at the same index. */
export async function insertSentInvitations(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
  channels: string[],
  date: string,
): Promise<void> {
  await tx.query(
    `WITH invited AS (
       INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language, created_at)
       SELECT $1, $2, h, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'nb', $5::date - 35
       FROM unnest($3::uuid[]) AS h
       RETURNING id, household_id)
     INSERT INTO message (municipality_id, invitation_id, event_id, household_id, channel, status, sent_at, created_at)
     SELECT $1, i.id, $2, i.household_id, c.channel, 'sent', $5::date - 35, $5::date - 35
     FROM invited i JOIN unnest($3::uuid[], $4::text[]) AS c(h, channel) ON c.h = i.household_id`,
    [municipalityId, eventId, householdIds, channels, date],
  );
}

/** Each household's answer (null: none); those coming come as two adults and a child. */
export async function insertAnswers(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
  responses: (string | null)[],
): Promise<void> {
  await tx.query(
    `INSERT INTO answer (invitation_id, municipality_id, event_id, household_id, response, adults, children)
     SELECT i.id, $1, $2, i.household_id, a.response,
       CASE WHEN a.response = 'coming' THEN 2 ELSE 0 END, CASE WHEN a.response = 'coming' THEN 1 ELSE 0 END
     FROM invitation i JOIN unnest($3::uuid[], $4::text[]) AS a(h, response) ON a.h = i.household_id
     WHERE i.event_id = $2 AND a.response IS NOT NULL`,
    [municipalityId, eventId, householdIds, responses],
  );
}

/** The households checked in as present at 18:05 on the evening. */
export async function insertPresent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
  date: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO attendance (event_id, household_id, municipality_id, present, adults, children, last_tap, tapped_at)
     SELECT $2, h, $1, true, 2, 1, gen_random_uuid(), ($4::date + time '18:05') AT TIME ZONE 'Europe/Oslo'
     FROM unnest($3::uuid[]) AS h`,
    [municipalityId, eventId, householdIds, date],
  );
}

/** The café's feedback form, closing a week after it began. */
export async function insertFeedbackForm(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  code: string,
  questions: unknown,
): Promise<void> {
  await tx.query(
    `INSERT INTO feedback_form (event_id, municipality_id, code, questions, languages, closes_at)
     SELECT $1, $2, $3, $4::jsonb, '{nb,nn,en}', starts_at + interval '7 days' FROM event WHERE id = $1`,
    [eventId, municipalityId, code, JSON.stringify(questions)],
  );
}

/** Feedback answers, each a JSON object by question id. */
export async function insertFeedbackResponses(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  answers: string[],
): Promise<void> {
  await tx.query(
    `INSERT INTO feedback_response (municipality_id, event_id, language, answers)
     SELECT $1, $2, 'nb', a::jsonb FROM unnest($3::text[]) AS a`,
    [municipalityId, eventId, answers],
  );
}

/** The demo programme, when it has been made (features/demo/service/seed-programme.ts). */
export async function findProgrammeByName(tx: Queryable, name: string): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>('SELECT id FROM programme WHERE name = $1', [name]);
  return row?.id;
}

export async function findUserIdByEmail(tx: Queryable, email: string): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [email]);
  return row?.id;
}
