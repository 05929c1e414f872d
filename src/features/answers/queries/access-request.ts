import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds of its invitations: each event
// it was invited to, the messages that carried the invitation and its reminders (channel and
// status, never the provider's reference or the link's hash), and its answer in its own words.

export interface HouseholdInvitation {
  event: string;
  date: string;
  language: string;
  invitedAt: Date;
  messages: { purpose: string; channel: string; status: string; sentAt: string | null }[];
  answer: {
    response: string;
    adults: number;
    children: number;
    diet: string[];
    dietNote: string | null;
    comment: string | null;
    answeredBy: string;
    answeredAt: string;
  } | null;
}

export function invitationsOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdInvitation[]> {
  return tx.query<HouseholdInvitation>(
    `SELECT e.title AS event, e.date::text AS date, i.language, i.created_at AS "invitedAt",
       COALESCE((SELECT json_agg(json_build_object('purpose', m.purpose, 'channel', m.channel, 'status', m.status,
           'sentAt', m.sent_at) ORDER BY m.created_at)
         FROM message m WHERE m.municipality_id = $1 AND m.invitation_id = i.id), '[]') AS messages,
       (SELECT json_build_object('response', a.response, 'adults', a.adults, 'children', a.children,
           'diet', a.diet, 'dietNote', a.diet_note, 'comment', a.comment, 'answeredBy', a.answered_by,
           'answeredAt', a.updated_at)
         FROM answer a WHERE a.municipality_id = $1 AND a.invitation_id = i.id) AS answer
     FROM invitation i JOIN event e ON e.id = i.event_id
     WHERE i.municipality_id = $1 AND i.household_id = $2
     ORDER BY e.date, e.start_time, e.id`,
    [municipalityId, householdId],
  );
}
