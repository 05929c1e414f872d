import type { Queryable } from '../../db/connection.js';

// What the network insight reads: the municipality's own networks, their member households during a
// year, contacts per month, gatherings, approved and submitted claims, and the yearly budgets.

export interface NetworkRow {
  id: string;
  name: string;
}

export function ownNetworks(tx: Queryable, municipalityId: number): Promise<NetworkRow[]> {
  return tx.query<NetworkRow>('SELECT id, name FROM network WHERE municipality_id = $1 ORDER BY name, id', [
    municipalityId,
  ]);
}

export interface MemberRow {
  networkId: string;
  householdId: string;
  name: string;
}

/** Households of the own municipality that were members some day of the year. */
export function membersDuring(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<MemberRow[]> {
  return tx.query<MemberRow>(
    `SELECT DISTINCT m.network_id AS "networkId", m.household_id AS "householdId", h.display_name AS name
     FROM network_member m JOIN household h ON h.id = m.household_id
     WHERE m.municipality_id = $1 AND m.joined_on IS NOT NULL AND m.joined_on <= $3::date
       AND (m.left_on IS NULL OR m.left_on >= $2::date)
     ORDER BY h.display_name, m.household_id`,
    [municipalityId, from, to],
  );
}

export interface ContactCount {
  networkId: string;
  householdId: string;
  month: number;
  contacts: number;
}

export function contactsPerMonth(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<ContactCount[]> {
  return tx.query<ContactCount>(
    `SELECT network_id AS "networkId", household_id AS "householdId",
            extract(month FROM date)::int AS month, count(*)::int AS contacts
     FROM contact_log WHERE municipality_id = $1 AND date BETWEEN $2::date AND $3::date
     GROUP BY network_id, household_id, extract(month FROM date)`,
    [municipalityId, from, to],
  );
}

export interface GatheringCount {
  networkId: string;
  held: number;
  planned: number;
}

/** Gatherings of the year not cancelled: held (up to today) and planned (after). */
export function gatherings(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
  today: string,
): Promise<GatheringCount[]> {
  return tx.query<GatheringCount>(
    `SELECT network_id AS "networkId", count(*) FILTER (WHERE date <= $4::date)::int AS held,
            count(*) FILTER (WHERE date > $4::date)::int AS planned
     FROM event WHERE municipality_id = $1 AND kind = 'gathering' AND network_id IS NOT NULL
       AND status <> 'cancelled' AND date BETWEEN $2::date AND $3::date
     GROUP BY network_id`,
    [municipalityId, from, to, today],
  );
}

export interface ClaimSum {
  networkId: string;
  approvedOre: number;
  submittedOre: number;
}

export function claimSums(
  tx: Queryable,
  municipalityId: number,
  from: string,
  to: string,
): Promise<ClaimSum[]> {
  return tx.query<ClaimSum>(
    `SELECT network_id AS "networkId",
            COALESCE(sum(amount_ore) FILTER (WHERE status = 'approved'), 0)::int AS "approvedOre",
            COALESCE(sum(amount_ore) FILTER (WHERE status = 'submitted'), 0)::int AS "submittedOre"
     FROM expense_claim WHERE municipality_id = $1 AND date BETWEEN $2::date AND $3::date
     GROUP BY network_id`,
    [municipalityId, from, to],
  );
}

export function budgets(
  tx: Queryable,
  municipalityId: number,
  year: number,
): Promise<{ networkId: string; amountOre: number }[]> {
  return tx.query(
    `SELECT network_id AS "networkId", amount_ore::int AS "amountOre"
     FROM network_budget WHERE municipality_id = $1 AND year = $2`,
    [municipalityId, year],
  );
}

export interface SupervisionRow {
  networkId: string;
  startedOn: string;
  intervalDays: number;
  /** every talk held, oldest first */
  heldOn: string[];
}

/** Each network's start, supervision interval (14 days when none is set) and talks held. */
export function supervision(tx: Queryable, municipalityId: number): Promise<SupervisionRow[]> {
  return tx.query<SupervisionRow>(
    `SELECT n.id AS "networkId", ((n.created_at AT TIME ZONE 'Europe/Oslo')::date)::text AS "startedOn",
            COALESCE((SELECT si.interval_days FROM supervision_interval si WHERE si.network_id = n.id), 14)
              AS "intervalDays",
            COALESCE((SELECT array_agg(st.held_on::text ORDER BY st.held_on) FROM supervision_talk st
                      WHERE st.network_id = n.id), '{}') AS "heldOn"
     FROM network n WHERE n.municipality_id = $1`,
    [municipalityId],
  );
}

/** Whether the network is the municipality's own (the owner sets its budget). */
export async function ownsNetwork(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM network WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    networkId,
  ]);
  return rows.length > 0;
}

export async function setBudget(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  year: number,
  amountOre: number,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO network_budget (network_id, municipality_id, year, amount_ore, updated_by)
     VALUES ($2, $1, $3, $4, $5)
     ON CONFLICT (network_id, year) DO UPDATE SET amount_ore = EXCLUDED.amount_ore,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [municipalityId, networkId, year, amountOre, userId],
  );
}
