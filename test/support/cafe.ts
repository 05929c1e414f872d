import { randomBytes } from 'node:crypto';
import { expect, vi } from 'vitest';
import type { Database, Queryable } from '../../src/db/connection.js';
import { inTenant } from '../../src/db/tenant.js';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import type { Agent } from './app.js';

// Venues, events, invitations and answers for the tests. What the team makes goes through the
// HTTP API, as the pages make it; what only the sending worker, a household or the check-in would
// leave behind (an invitation, an answer, a visit, a café in the past the API refuses) is written
// with SQL in the municipality's own transaction, so row-level security still applies.

/** A venue as the venue form registers it; `input` replaces any field. Returns its id. */
export async function createVenue(agent: Agent, input: Record<string, unknown> = {}): Promise<string> {
  const response = await agent.post('/api/venues', {
    name: 'Frivilligsentralen',
    address: { line: 'Torget 1', postcode: '1384' },
    kitchen: true,
    parking: true,
    stepFree: true,
    ...input,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** The event form's body: a foster-home café 18–20 with food, registration optional; `input` replaces any field. */
export const eventInput = (input: Record<string, unknown> = {}) => ({
  title: 'Fosterhjemskafé',
  date: '2027-09-14',
  startTime: '18:00',
  endTime: '20:00',
  food: true,
  registration: 'optional',
  ...input,
});

/** The event form's request (see eventInput), for a test that looks at the answer itself. */
export const postEvent = (agent: Agent, input: Record<string, unknown> = {}) =>
  agent.post('/api/events', eventInput(input));

/** A café made through the event form (see postEvent); returns its id. */
export async function createEvent(agent: Agent, input: Record<string, unknown> = {}): Promise<string> {
  const response = await postEvent(agent, input);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** The date `days` from today in Oslo (the municipality's day, not UTC's), as the event form takes it. */
export const inDays = (days: number) => addDays(todayInOslo(), days);

/**
 * Sends the invitations of an event now, as the sending page's button does, and waits until the
 * worker has sent every one (the households are the event's audience).
 */
export async function sendInvitations(agent: Agent, eventId: string): Promise<void> {
  const send = await agent.post(`/api/events/${eventId}/sending/now`);
  expect(send.statusCode, send.body).toBe(200);
  await vi.waitFor(
    async () => {
      const state = (await agent.get(`/api/events/${eventId}/sending`)).json().state;
      if (state !== 'done') throw new Error(`the invitations are not sent yet: ${state}`);
    },
    { timeout: 20_000, interval: 100 },
  );
}

const tenant = <T>(db: Database, municipalityId: number, fn: (tx: Queryable) => Promise<T>) =>
  inTenant(db, { municipalityId, userId: null, ip: null }, fn);

/** A venue written straight into the database, for a café made with insertEvent; returns its id. */
export async function insertVenue(
  db: Database,
  municipalityId: number,
  name = 'Frivilligsentralen',
): Promise<string> {
  return tenant(db, municipalityId, async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO venue (municipality_id, name, address_line, postcode, place)
       VALUES ($1, $2, 'Torget 1', '3015', 'Drammen') RETURNING id`,
      [municipalityId, name],
    );
    return row?.id as string;
  });
}

export interface PastEventInput {
  date: string;
  title?: string;
  status?: 'planned' | 'cancelled';
  registration?: 'none' | 'optional' | 'required';
  deadline?: string | null;
  venueId?: string | null;
  food?: boolean;
  /** When the team planned the sending (and who did): the worker sends it from then. */
  sendAt?: Date | null;
  sendBy?: string | null;
}

/** A café 18–20 (Oslo time) written straight into the database: the API refuses dates in the past. */
export async function insertEvent(
  db: Database,
  municipalityId: number,
  input: PastEventInput,
): Promise<string> {
  return tenant(db, municipalityId, async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO event (municipality_id, kind, title, date, start_time, end_time, starts_at, ends_at,
         registration, deadline, venue_id, food, status, send_at, send_by)
       VALUES ($1, 'cafe', $2, $3::date, '18:00', '20:00',
         ($3::date + time '18:00') AT TIME ZONE 'Europe/Oslo', ($3::date + time '20:00') AT TIME ZONE 'Europe/Oslo',
         $4, $5::date, $6, $7, $8, $9, $10)
       RETURNING id`,
      [
        municipalityId,
        input.title ?? 'Fosterhjemskafé',
        input.date,
        input.registration ?? (input.deadline ? 'required' : 'none'),
        input.deadline ?? null,
        input.venueId ?? null,
        input.food ?? false,
        input.status ?? 'planned',
        input.sendAt ?? null,
        input.sendBy ?? null,
      ],
    );
    return row?.id as string;
  });
}

export interface InviteOptions {
  /** The message that carried the invitation; none when left out. */
  channel?: 'email' | 'sms' | 'letter' | 'digital_mail';
  /** The message's status (sent unless given). */
  status?: 'queued' | 'sent' | 'delivered' | 'printed' | 'failed';
  language?: string;
}

/**
 * An invitation as the sending worker leaves it (the answer link's hash is random here, so the
 * household cannot open its page), with the message that carried it when `channel` is given.
 * Returns the invitation's id.
 */
export async function invite(
  db: Database,
  municipalityId: number,
  eventId: string,
  householdId: string,
  options: InviteOptions = {},
): Promise<string> {
  return tenant(db, municipalityId, async (tx) => {
    const [invitation] = await tx.query<{ id: string }>(
      `INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [municipalityId, eventId, householdId, randomBytes(32), options.language ?? 'nb'],
    );
    if (options.channel) {
      await tx.query(
        `INSERT INTO message (municipality_id, invitation_id, event_id, household_id, channel, status, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [municipalityId, invitation?.id, eventId, householdId, options.channel, options.status ?? 'sent'],
      );
    }
    return invitation?.id as string;
  });
}

export interface AnswerInput {
  response?: 'coming' | 'maybe' | 'not_coming';
  adults?: number;
  children?: number;
}

/** An invited household's answer, as its answer page would save it (no diet, no comment). */
export async function answer(
  db: Database,
  municipalityId: number,
  eventId: string,
  householdId: string,
  input: AnswerInput = {},
): Promise<void> {
  await tenant(db, municipalityId, (tx) =>
    tx.query(
      `INSERT INTO answer (invitation_id, municipality_id, event_id, household_id, response, adults, children)
       SELECT id, municipality_id, event_id, household_id, $3::text, $4::int, $5::int
       FROM invitation WHERE event_id = $1 AND household_id = $2`,
      [eventId, householdId, input.response ?? 'coming', input.adults ?? 0, input.children ?? 0],
    ),
  );
}

export interface AttendInput {
  present?: boolean;
  adults?: number | null;
  children?: number | null;
  walkIn?: boolean;
}

/** A household checked in (or out) at an event, as the check-in's tap leaves it. */
export async function attend(
  db: Database,
  municipalityId: number,
  eventId: string,
  householdId: string,
  input: AttendInput = {},
): Promise<void> {
  await tenant(db, municipalityId, (tx) =>
    tx.query(
      `INSERT INTO attendance (event_id, household_id, municipality_id, present, adults, children, walk_in,
         last_tap, tapped_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, gen_random_uuid(), now())`,
      [
        eventId,
        householdId,
        municipalityId,
        input.present ?? true,
        input.adults ?? null,
        input.children ?? null,
        input.walkIn ?? false,
      ],
    ),
  );
}
