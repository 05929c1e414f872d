import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the joint meetings: the
// invitations and attendance of the user accounts of the networks whose resource family it is.
// Invitees are the municipality's own rows; the meeting's date and time come with them.

export interface HouseholdJointMeeting {
  date: string;
  startTime: string;
  person: string;
  invitedAt: Date;
  attended: boolean | null;
}

export function jointMeetingsOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdJointMeeting[]> {
  return tx.query<HouseholdJointMeeting>(
    `SELECT m.date::text AS date, to_char(m.start_time, 'HH24:MI') AS "startTime",
       u.first_name || ' ' || u.last_name AS person, i.invited_at AS "invitedAt", i.attended
     FROM joint_meeting_invitee i
     JOIN joint_meeting m ON m.id = i.meeting_id
     JOIN app_user u ON u.id = i.user_id
     JOIN network_user nu ON nu.user_id = i.user_id AND nu.municipality_id = $1
     JOIN network n ON n.id = nu.network_id
     WHERE i.municipality_id = $1 AND i.role = 'resource_family' AND n.resource_family_household_id = $2
     ORDER BY m.date, m.start_time, person`,
    [municipalityId, householdId],
  );
}
