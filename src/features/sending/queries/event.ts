import type { ChannelName } from '../../../channels/types.js';
import type { Queryable } from '../../../db/connection.js';

/** The event as sending and reminding need it: when and how the invitations go, the reminder schedule. */

export interface SendingSettings {
  sendAt: Date | null;
  channel: ChannelName | null;
  sendBy: string | null;
  startsAt: Date;
  status: 'planned' | 'cancelled';
}

/** The event's sending settings; `lock` holds the event until the transaction ends (one sending at a time). */
export async function findSendingSettings(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  lock = false,
): Promise<SendingSettings | undefined> {
  const [row] = await tx.query<SendingSettings>(
    `SELECT send_at AS "sendAt", channel, send_by AS "sendBy", starts_at AS "startsAt", status
     FROM event WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [municipalityId, eventId],
  );
  return row && { ...row, sendAt: row.sendAt && new Date(row.sendAt), startsAt: new Date(row.startsAt) };
}

export async function setSendAt(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  sendAt: Date | null,
  userId: string | null,
): Promise<void> {
  await tx.query(
    'UPDATE event SET send_at = $3, send_by = $4, updated_at = now() WHERE municipality_id = $1 AND id = $2',
    [municipalityId, eventId, sendAt, userId],
  );
}

export async function setEventChannel(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  channel: ChannelName | null,
): Promise<void> {
  await tx.query('UPDATE event SET channel = $3, updated_at = now() WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    eventId,
    channel,
  ]);
}

/** Events whose planned sending time has come and that have not been sent yet. */
export function eventsDueForSending(tx: Queryable): Promise<{ municipalityId: number; eventId: string }[]> {
  return tx.query(
    `SELECT e.municipality_id AS "municipalityId", e.id AS "eventId" FROM event e
     WHERE e.status = 'planned' AND e.send_at <= now() AND e.send_at > now() - interval '60 days'
       AND NOT EXISTS (SELECT 1 FROM message m WHERE m.event_id = e.id)`,
  );
}

export interface ReminderSettings {
  reminders: number[];
  startsAt: Date;
  status: 'planned' | 'cancelled';
}

/** The event's reminder schedule; `lock` holds the event until the transaction ends. */
export async function findReminderSettings(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  lock = false,
): Promise<ReminderSettings | undefined> {
  const [row] = await tx.query<ReminderSettings>(
    `SELECT reminders, starts_at AS "startsAt", status FROM event
     WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [municipalityId, eventId],
  );
  return row && { ...row, startsAt: new Date(row.startsAt) };
}

export async function setReminders(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  days: number[],
): Promise<void> {
  await tx.query(
    'UPDATE event SET reminders = $3::int[], updated_at = now() WHERE municipality_id = $1 AND id = $2',
    [municipalityId, eventId, days],
  );
}

/**
 * Planned events that have not started by `now`, start within `withinDays`, have a reminder
 * schedule and some message (the invitations have gone out). Only ids, dates and the schedule.
 */
export function eventsWithReminders(
  tx: Queryable,
  now: Date,
  withinDays: number,
): Promise<{ municipalityId: number; eventId: string; reminders: number[]; startsAt: Date }[]> {
  return tx.query(
    `SELECT e.municipality_id AS "municipalityId", e.id AS "eventId", e.reminders, e.starts_at AS "startsAt"
     FROM event e
     WHERE e.status = 'planned' AND cardinality(e.reminders) > 0
       AND e.starts_at > $1 AND e.starts_at <= $1 + make_interval(days => $2)
       AND EXISTS (SELECT 1 FROM message m WHERE m.event_id = e.id)
     ORDER BY e.starts_at`,
    [now, withinDays],
  );
}
