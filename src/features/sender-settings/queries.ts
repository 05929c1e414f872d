import type { Queryable } from '../../db/connection.js';

/** One municipality's row; the passwords as sealed (src/server/secret-box.ts), never plain. */
export interface SenderRow {
  senderName: string | null;
  emailAddress: string | null;
  smsFrom: string | null;
  channels: string[] | null;
  svarutKontoId: string | null;
  svarutIntegrasjonId: string | null;
  svarutIntegrasjonPassord: string | null;
  sveveUser: string | null;
  svevePassword: string | null;
}

export async function findSender(tx: Queryable, municipalityId: number): Promise<SenderRow | undefined> {
  const [row] = await tx.query<SenderRow>(
    `SELECT sender_name AS "senderName", email_address AS "emailAddress", sms_from AS "smsFrom",
       channels, svarut_konto_id::text AS "svarutKontoId", svarut_integrasjon_id::text AS "svarutIntegrasjonId",
       svarut_integrasjon_passord AS "svarutIntegrasjonPassord", sveve_user AS "sveveUser",
       sveve_password AS "svevePassword"
     FROM sender_setting WHERE municipality_id = $1`,
    [municipalityId],
  );
  return row;
}

export async function saveSender(tx: Queryable, municipalityId: number, r: SenderRow): Promise<void> {
  await tx.query(
    `INSERT INTO sender_setting (municipality_id, sender_name, email_address, sms_from, channels,
       svarut_konto_id, svarut_integrasjon_id, svarut_integrasjon_passord, sveve_user, sveve_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (municipality_id) DO UPDATE SET sender_name = EXCLUDED.sender_name,
       email_address = EXCLUDED.email_address, sms_from = EXCLUDED.sms_from, channels = EXCLUDED.channels,
       svarut_konto_id = EXCLUDED.svarut_konto_id, svarut_integrasjon_id = EXCLUDED.svarut_integrasjon_id,
       svarut_integrasjon_passord = EXCLUDED.svarut_integrasjon_passord, sveve_user = EXCLUDED.sveve_user,
       sveve_password = EXCLUDED.sveve_password, updated_at = now()`,
    [
      municipalityId,
      r.senderName,
      r.emailAddress,
      r.smsFrom,
      r.channels,
      r.svarutKontoId,
      r.svarutIntegrasjonId,
      r.svarutIntegrasjonPassord,
      r.sveveUser,
      r.svevePassword,
    ],
  );
}
