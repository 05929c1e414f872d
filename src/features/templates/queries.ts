import type { Queryable } from '../../db/connection.js';
import type { TemplateText } from '../../domain/template.js';

// Every statement names municipality_id; row-level security enforces it again underneath.

export interface TemplateRow extends TemplateText {
  language: string;
  version: number;
  updatedAt: Date | string;
}

export function listTemplates(tx: Queryable, municipalityId: number): Promise<TemplateRow[]> {
  return tx.query<TemplateRow>(
    `SELECT language, subject, body, sms, version, updated_at AS "updatedAt" FROM invitation_template
     WHERE municipality_id = $1 ORDER BY language`,
    [municipalityId],
  );
}

export async function findTemplate(
  tx: Queryable,
  municipalityId: number,
  language: string,
): Promise<TemplateRow | undefined> {
  const [row] = await tx.query<TemplateRow>(
    `SELECT language, subject, body, sms, version, updated_at AS "updatedAt" FROM invitation_template
     WHERE municipality_id = $1 AND language = $2`,
    [municipalityId, language],
  );
  return row;
}

export async function saveTemplate(
  tx: Queryable,
  municipalityId: number,
  language: string,
  template: TemplateText,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO invitation_template (municipality_id, language, subject, body, sms, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (municipality_id, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body,
       sms = EXCLUDED.sms, updated_by = EXCLUDED.updated_by, version = invitation_template.version + 1,
       updated_at = now()`,
    [municipalityId, language, template.subject, template.body, template.sms, userId],
  );
}

export interface PreviewHouseholdRow {
  id: string;
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  adults: { firstName: string; lastName: string; preferredLanguage: string }[];
  note: string | null;
}

/** A household of the municipality (not archived) with its adults and its note for the event. */
export async function findPreviewHousehold(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
): Promise<PreviewHouseholdRow | undefined> {
  const [row] = await tx.query<PreviewHouseholdRow>(
    `SELECT h.id, h.address_line AS "addressLine", h.postcode, h.place,
       COALESCE((SELECT json_agg(json_build_object('firstName', a.first_name, 'lastName', a.last_name,
         'preferredLanguage', a.preferred_language) ORDER BY a.position) FROM adult a
         WHERE a.household_id = h.id AND a.municipality_id = h.municipality_id), '[]') AS adults,
       (SELECT i.note FROM event_invitee i WHERE i.event_id = $3 AND i.household_id = h.id
         AND i.municipality_id = h.municipality_id) AS note
     FROM household h WHERE h.municipality_id = $1 AND h.id = $2 AND h.archived_at IS NULL`,
    [municipalityId, householdId, eventId],
  );
  return row;
}

export async function municipalityName(tx: Queryable, municipalityId: number): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM municipality WHERE id = $1', [
    municipalityId,
  ]);
  return row?.name ?? '';
}
