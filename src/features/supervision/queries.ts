import type { Queryable } from '../../db/connection.js';
import { SUPERVISION_DEFAULT_DAYS } from '../../domain/supervision.js';

// Every statement names municipality_id; row-level security enforces it again (migrations/0018).
// Only the network's own municipality (the owner, whose caseworkers supervise) has these rows.
// Dates are selected as text (YYYY-MM-DD) so PGlite and PostgreSQL give the same.

export interface SupervisedRow {
  id: string;
  name: string;
  resourceFamilyHouseholdId: string;
  startedOn: string;
  intervalDays: number;
  lastTalkOn: string | null;
}

const SELECT_SUPERVISED = `
  SELECT n.id, n.name, n.resource_family_household_id AS "resourceFamilyHouseholdId",
         (n.created_at AT TIME ZONE 'Europe/Oslo')::date::text AS "startedOn",
         COALESCE(i.interval_days, ${SUPERVISION_DEFAULT_DAYS}) AS "intervalDays",
         (SELECT max(t.held_on)::text FROM supervision_talk t
          WHERE t.municipality_id = n.municipality_id AND t.network_id = n.id) AS "lastTalkOn"
  FROM network n
  LEFT JOIN supervision_interval i ON i.network_id = n.id AND i.municipality_id = n.municipality_id`;

/** The network, when this municipality owns it (and so supervises its resource family). */
export async function findSupervised(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<SupervisedRow | undefined> {
  const [row] = await tx.query<SupervisedRow>(
    `${SELECT_SUPERVISED} WHERE n.municipality_id = $1 AND n.id = $2`,
    [municipalityId, networkId],
  );
  return row;
}

/** The networks `userId` is one of the caseworkers of, by name. */
export function supervisedBy(
  tx: Queryable,
  municipalityId: number,
  userId: string,
): Promise<SupervisedRow[]> {
  return tx.query<SupervisedRow>(
    `${SELECT_SUPERVISED}
     WHERE n.municipality_id = $1 AND EXISTS (SELECT 1 FROM network_caseworker c
       WHERE c.network_id = n.id AND c.municipality_id = $1 AND c.user_id = $2)
     ORDER BY n.name`,
    [municipalityId, userId],
  );
}

export interface PersonRow {
  id: string;
  firstName: string;
  lastName: string;
}

export function caseworkersOf(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<PersonRow[]> {
  return tx.query<PersonRow>(
    `SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName"
     FROM network_caseworker c JOIN app_user u ON u.id = c.user_id
     WHERE c.municipality_id = $1 AND c.network_id = $2 ORDER BY u.first_name, u.last_name`,
    [municipalityId, networkId],
  );
}

/** The adults of the resource-family household. */
export function adultsOf(tx: Queryable, municipalityId: number, householdId: string): Promise<PersonRow[]> {
  return tx.query<PersonRow>(
    `SELECT id, first_name AS "firstName", last_name AS "lastName" FROM adult
     WHERE municipality_id = $1 AND household_id = $2 ORDER BY position`,
    [municipalityId, householdId],
  );
}

export interface TalkRow {
  id: string;
  heldOn: string;
  note: string | null;
  participants: { kind: 'caseworker' | 'adult'; id: string; name: string }[];
}

/** The talks, newest first, with who took part (names as they are now). */
export function talksOf(tx: Queryable, municipalityId: number, networkId: string): Promise<TalkRow[]> {
  return tx.query<TalkRow>(
    `SELECT t.id, t.held_on::text AS "heldOn", t.note,
            COALESCE((SELECT jsonb_agg(jsonb_build_object(
                        'kind', CASE WHEN p.user_id IS NULL THEN 'adult' ELSE 'caseworker' END,
                        'id', COALESCE(p.user_id, p.adult_id),
                        'name', COALESCE(u.first_name || ' ' || u.last_name, a.first_name || ' ' || a.last_name))
                        ORDER BY p.user_id IS NULL, COALESCE(u.first_name, a.first_name))
                      FROM supervision_participant p
                      LEFT JOIN app_user u ON u.id = p.user_id
                      LEFT JOIN adult a ON a.id = p.adult_id
                      WHERE p.talk_id = t.id AND p.municipality_id = $1), '[]') AS participants
     FROM supervision_talk t
     WHERE t.municipality_id = $1 AND t.network_id = $2
     ORDER BY t.held_on DESC, t.created_at DESC LIMIT 50`,
    [municipalityId, networkId],
  );
}

/** Logs the talk and who took part; false when this id is logged already (the same form twice). */
export async function insertTalk(
  tx: Queryable,
  municipalityId: number,
  talk: {
    id: string;
    networkId: string;
    heldOn: string;
    note: string | null;
    caseworkerIds: string[];
    adultIds: string[];
    createdBy: string | null;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO supervision_talk (id, municipality_id, network_id, held_on, note, created_by)
     VALUES ($2, $1, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [municipalityId, talk.id, talk.networkId, talk.heldOn, talk.note, talk.createdBy],
  );
  if (rows.length === 0) return false;
  await tx.query(
    `INSERT INTO supervision_participant (talk_id, municipality_id, user_id)
     SELECT $2, $1, unnest($3::uuid[])`,
    [municipalityId, talk.id, talk.caseworkerIds],
  );
  await tx.query(
    `INSERT INTO supervision_participant (talk_id, municipality_id, adult_id)
     SELECT $2, $1, unnest($3::uuid[])`,
    [municipalityId, talk.id, talk.adultIds],
  );
  return true;
}

/** The network a talk id belongs to, if any (a reused id of another network must not pass). */
export async function talkNetwork(
  tx: Queryable,
  municipalityId: number,
  talkId: string,
): Promise<string | undefined> {
  const [row] = await tx.query<{ networkId: string }>(
    'SELECT network_id AS "networkId" FROM supervision_talk WHERE municipality_id = $1 AND id = $2',
    [municipalityId, talkId],
  );
  return row?.networkId;
}

export async function saveInterval(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  days: number,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO supervision_interval (network_id, municipality_id, interval_days, changed_by)
     VALUES ($2, $1, $3, $4)
     ON CONFLICT (network_id) DO UPDATE SET interval_days = EXCLUDED.interval_days,
       changed_by = EXCLUDED.changed_by, changed_at = now()
     WHERE supervision_interval.municipality_id = $1`,
    [municipalityId, networkId, days, userId],
  );
}
