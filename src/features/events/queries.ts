import type { Queryable } from '../../db/connection.js';
import type { AudienceRule } from '../../domain/audience.js';
import type { EventKind, EventStatus, ImageType, ProgrammeKind, Registration } from '../../domain/event.js';

// Every statement names municipality_id; row-level security enforces it again underneath.
// Dates are read as text ('YYYY-MM-DD'), so no driver turns them into instants in its own zone.

export interface ProgrammeItem {
  kind: ProgrammeKind;
  title: string;
  minutes: number | null;
  speaker: string | null;
}

export interface EventRow {
  id: string;
  kind: EventKind;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: Date | string;
  endsAt: Date | string;
  venue: { id: string; name: string; place: string | null } | null;
  capacity: number | null;
  food: boolean;
  registration: Registration;
  deadline: string | null;
  programme: ProgrammeItem[];
  hosts: { id: string; firstName: string }[];
  status: EventStatus;
  audienceRule: AudienceRule | null;
  version: number;
  /** The event's image, without its bytes (GET /api/events/:eventId/image). */
  image: { alt: string; updatedAt: string } | null;
}

export interface EventData {
  kind: EventKind;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  venueId: string | null;
  capacity: number | null;
  food: boolean;
  registration: Registration;
  deadline: string | null;
  programme: ProgrammeItem[];
}

const SELECT_EVENT = `SELECT e.id, e.kind, e.title, e.date::text AS date, e.start_time AS "startTime",
  e.end_time AS "endTime", e.starts_at AS "startsAt", e.ends_at AS "endsAt",
  CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('id', v.id, 'name', v.name, 'place', v.place) END
    AS venue,
  e.capacity, e.food, e.registration, e.deadline::text AS deadline, e.programme, e.status,
  e.audience_rule AS "audienceRule", e.version,
  COALESCE((SELECT json_agg(json_build_object('id', u.id, 'firstName', u.first_name) ORDER BY h.position)
    FROM event_host h JOIN app_user u ON u.id = h.user_id WHERE h.event_id = e.id), '[]') AS hosts,
  (SELECT json_build_object('alt', i.alt, 'updatedAt', i.updated_at) FROM event_image i
    WHERE i.event_id = e.id AND i.municipality_id = e.municipality_id) AS image
  FROM event e LEFT JOIN venue v ON v.id = e.venue_id AND v.municipality_id = e.municipality_id`;

export async function findEvent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<EventRow | undefined> {
  const [row] = await tx.query<EventRow>(`${SELECT_EVENT} WHERE e.municipality_id = $1 AND e.id = $2`, [
    municipalityId,
    eventId,
  ]);
  return row;
}

/** The events dated within `range` (either end open), in the order they start. */
export function eventsBetween(
  tx: Queryable,
  municipalityId: number,
  range: { from?: string; to?: string },
): Promise<EventRow[]> {
  return tx.query<EventRow>(
    `${SELECT_EVENT} WHERE e.municipality_id = $1 AND ($2::date IS NULL OR e.date >= $2::date)
       AND ($3::date IS NULL OR e.date <= $3::date)
     ORDER BY e.starts_at, e.created_at`,
    [municipalityId, range.from ?? null, range.to ?? null],
  );
}

/** The planned café on a date, if any. */
export async function findCafeOn(
  tx: Queryable,
  municipalityId: number,
  date: string,
): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT id FROM event WHERE municipality_id = $1 AND date = $2::date AND kind = 'cafe' AND status = 'planned'`,
    [municipalityId, date],
  );
  return row?.id ?? null;
}

/** The columns $3…$15 of both the insert and the update, in their order. */
function eventValues(e: EventData): unknown[] {
  return [
    e.kind,
    e.title,
    e.date,
    e.startTime,
    e.endTime,
    e.startsAt,
    e.endsAt,
    e.venueId,
    e.capacity,
    e.food,
    e.registration,
    e.deadline,
    JSON.stringify(e.programme),
  ];
}

/**
 * Inserts an event; null when its id exists already or (for a café) a planned café holds the date,
 * in which case nothing is written.
 */
export async function insertEvent(
  tx: Queryable,
  municipalityId: number,
  id: string,
  e: EventData,
  createdBy: string | null,
  /** a resource-family network's gathering: the network, its place as typed, Christmas or summer */
  gathering: { networkId: string; place: string; occasion: string | null } | null = null,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO event (id, municipality_id, kind, title, date, start_time, end_time, starts_at, ends_at, venue_id,
       capacity, food, registration, deadline, programme, created_by, network_id, place, occasion)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11, $12, $13, $14::date, $15::jsonb, $16, $17, $18, $19)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      id,
      municipalityId,
      ...eventValues(e),
      createdBy,
      gathering?.networkId ?? null,
      gathering?.place ?? null,
      gathering?.occasion ?? null,
    ],
  );
  return rows.length > 0;
}

/** false when the event's version is not `version` any more */
export async function updateEvent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  e: EventData,
  version: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE event SET kind = $3, title = $4, date = $5::date, start_time = $6, end_time = $7, starts_at = $8,
       ends_at = $9, venue_id = $10, capacity = $11, food = $12, registration = $13, deadline = $14::date,
       programme = $15::jsonb, version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $16 RETURNING id`,
    [municipalityId, eventId, ...eventValues(e), version],
  );
  return rows.length > 0;
}

export async function cancelEvent(tx: Queryable, municipalityId: number, eventId: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE event SET status = 'cancelled', version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND status = 'planned' RETURNING id`,
    [municipalityId, eventId],
  );
  return rows.length > 0;
}

export async function setEventHosts(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  userIds: string[],
): Promise<void> {
  await tx.query('DELETE FROM event_host WHERE municipality_id = $1 AND event_id = $2', [
    municipalityId,
    eventId,
  ]);
  if (userIds.length === 0) return;
  await tx.query(
    `INSERT INTO event_host (event_id, user_id, municipality_id, position)
     SELECT $2, u.id, $1, u.position - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS u(id, position)`,
    [municipalityId, eventId, userIds],
  );
}

// --- Staff who may host ---

export interface StaffRow {
  id: string;
  firstName: string;
  lastName: string;
}

export function listHosts(tx: Queryable, municipalityId: number): Promise<StaffRow[]> {
  return tx.query<StaffRow>(
    `SELECT id, first_name AS "firstName", last_name AS "lastName" FROM app_user
     WHERE municipality_id = $1 AND active AND roles && ARRAY['caseworker', 'team_leader']::text[]
     ORDER BY lower(first_name), lower(last_name), id`,
    [municipalityId],
  );
}

// --- The event's image (one per event; migrations/0007) ---

export interface EventImageInfo {
  contentType: ImageType;
  alt: string;
  updatedAt: Date | string;
}

/** The image's type and text without its bytes (up to 2 MB): for a preview that links to the image. */
export async function findEventImageInfo(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<EventImageInfo | undefined> {
  const [row] = await tx.query<EventImageInfo>(
    `SELECT content_type AS "contentType", alt, updated_at AS "updatedAt"
     FROM event_image WHERE municipality_id = $1 AND event_id = $2`,
    [municipalityId, eventId],
  );
  return row;
}

export async function findEventImage(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<(EventImageInfo & { bytes: Uint8Array }) | undefined> {
  const [row] = await tx.query<EventImageInfo & { bytes: Uint8Array }>(
    `SELECT content_type AS "contentType", alt, updated_at AS "updatedAt", bytes
     FROM event_image WHERE municipality_id = $1 AND event_id = $2`,
    [municipalityId, eventId],
  );
  return row;
}

export async function saveEventImage(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  image: { contentType: ImageType; bytes: Uint8Array; alt: string },
): Promise<EventImageInfo> {
  const [row] = await tx.query<EventImageInfo>(
    `INSERT INTO event_image (event_id, municipality_id, content_type, bytes, alt) VALUES ($2, $1, $3, $4, $5)
     ON CONFLICT (event_id) DO UPDATE SET content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes,
       alt = EXCLUDED.alt, updated_at = now()
     WHERE event_image.municipality_id = EXCLUDED.municipality_id
     RETURNING content_type AS "contentType", alt, updated_at AS "updatedAt"`,
    [municipalityId, eventId, image.contentType, image.bytes, image.alt],
  );
  if (!row) throw new Error('event image not saved');
  return row;
}

export async function deleteEventImage(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM event_image WHERE municipality_id = $1 AND event_id = $2 RETURNING event_id',
    [municipalityId, eventId],
  );
  return rows.length > 0;
}
