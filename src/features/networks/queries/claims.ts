import type { Queryable } from '../../../db/connection.js';
import type { ClaimStatus, GatheringOccasion, ReceiptType } from '../../../domain/network.js';

// Every statement names municipality_id (or goes through network_member_contacts(), which checks
// the caller's municipality itself); row-level security enforces it again underneath. Dates are
// selected as text (YYYY-MM-DD) so PGlite and PostgreSQL give the same.

// --- Claims ---------------------------------------------------------------------------------------------

export interface ClaimRow {
  id: string;
  networkId: string;
  networkName: string;
  date: string;
  amountOre: number;
  purpose: string;
  occasion: GatheringOccasion | null;
  status: ClaimStatus;
  decisionReason: string | null;
  decidedAt: Date | null;
  receiptType: string | null;
  receiptBytes: number | null;
  createdAt: Date;
}

const SELECT_CLAIM = `SELECT c.id, c.network_id AS "networkId", n.name AS "networkName", c.date::text AS date,
  c.amount_ore AS "amountOre", c.purpose, c.occasion, c.status, c.decision_reason AS "decisionReason",
  c.decided_at AS "decidedAt", c.receipt_type AS "receiptType", octet_length(c.receipt) AS "receiptBytes",
  c.created_at AS "createdAt"
  FROM expense_claim c JOIN network n ON n.id = c.network_id`;

export function claimsOf(
  tx: Queryable,
  municipalityId: number,
  filter: { networkId?: string; status?: ClaimStatus; from?: string; to?: string },
): Promise<ClaimRow[]> {
  return tx.query<ClaimRow>(
    `${SELECT_CLAIM} WHERE c.municipality_id = $1 AND ($2::uuid IS NULL OR c.network_id = $2)
       AND ($3::text IS NULL OR c.status = $3) AND ($4::date IS NULL OR c.date >= $4)
       AND ($5::date IS NULL OR c.date <= $5)
     ORDER BY c.date DESC, c.created_at DESC LIMIT 1000`,
    [municipalityId, filter.networkId ?? null, filter.status ?? null, filter.from ?? null, filter.to ?? null],
  );
}

export async function findClaim(
  tx: Queryable,
  municipalityId: number,
  claimId: string,
): Promise<ClaimRow | undefined> {
  const [row] = await tx.query<ClaimRow>(`${SELECT_CLAIM} WHERE c.municipality_id = $1 AND c.id = $2`, [
    municipalityId,
    claimId,
  ]);
  return row;
}

/** The occasion's claims in the year that are not rejected, in øre. */
export async function claimedOre(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  occasion: GatheringOccasion,
  year: number,
): Promise<number> {
  const [row] = await tx.query<{ sum: number }>(
    `SELECT COALESCE(sum(amount_ore), 0)::int AS sum FROM expense_claim
     WHERE municipality_id = $1 AND network_id = $2 AND occasion = $3 AND status <> 'rejected'
       AND extract(year FROM date) = $4`,
    [municipalityId, networkId, occasion, year],
  );
  return row?.sum ?? 0;
}

export async function insertClaim(
  tx: Queryable,
  municipalityId: number,
  claim: {
    id: string;
    networkId: string;
    date: string;
    amountOre: number;
    purpose: string;
    occasion: GatheringOccasion | null;
    createdBy: string | null;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO expense_claim (id, municipality_id, network_id, date, amount_ore, purpose, occasion, created_by)
     VALUES ($2, $1, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      municipalityId,
      claim.id,
      claim.networkId,
      claim.date,
      claim.amountOre,
      claim.purpose,
      claim.occasion,
      claim.createdBy,
    ],
  );
  return rows.length > 0;
}

export async function setReceipt(
  tx: Queryable,
  municipalityId: number,
  claimId: string,
  receipt: Buffer,
  type: ReceiptType,
): Promise<void> {
  await tx.query(
    `UPDATE expense_claim SET receipt = $3, receipt_type = $4
     WHERE municipality_id = $1 AND id = $2 AND status = 'submitted'`,
    [municipalityId, claimId, receipt, type],
  );
}

export async function findReceipt(
  tx: Queryable,
  municipalityId: number,
  claimId: string,
): Promise<{ receipt: Uint8Array; receiptType: string } | undefined> {
  const [row] = await tx.query<{ receipt: Uint8Array; receiptType: string }>(
    `SELECT receipt, receipt_type AS "receiptType" FROM expense_claim
     WHERE municipality_id = $1 AND id = $2 AND receipt IS NOT NULL`,
    [municipalityId, claimId],
  );
  return row;
}

/** Decides a submitted claim; false when it was decided already. */
export async function decideClaim(
  tx: Queryable,
  municipalityId: number,
  claimId: string,
  decision: { status: 'approved' | 'rejected'; reason: string | null; decidedBy: string | null },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE expense_claim SET status = $3, decision_reason = $4, decided_by = $5, decided_at = now()
     WHERE municipality_id = $1 AND id = $2 AND status = 'submitted' RETURNING id`,
    [municipalityId, claimId, decision.status, decision.reason, decision.decidedBy],
  );
  return rows.length > 0;
}
