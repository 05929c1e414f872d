import type { HouseholdKind, Relation } from './household.js';

/**
 * Who is invited to a café (SPEC section 2, "Audience rule"): a rule over the registry plus the
 * team's own additions and removals. Pure: the caller passes the households and the hand-made
 * changes.
 *
 * The default, as Asker's foster-home café did it (seed 000): foster and emergency homes in the
 * municipality's care within a travel time (1½ hours; no travel time known = included, flagged),
 * and every household under its oversight (they live in the municipality). Resource families are
 * not foster homes and are left out unless the rule names them.
 */
export interface AudienceRule {
  /** minutes from the team's office, for households in the municipality's care */
  maxTravel: number;
  /** households this municipality has care responsibility for (omsorgskommune) */
  care: boolean;
  /** households this municipality only supervises (tilsynskommune) */
  oversight: boolean;
  /** the kinds of household invited at all */
  kinds: HouseholdKind[];
}

export const DEFAULT_AUDIENCE_RULE: AudienceRule = {
  maxTravel: 90,
  care: true,
  oversight: true,
  kinds: ['foster', 'emergency', 'family_home'],
};

export interface AudienceHousehold {
  id: string;
  kind: HouseholdKind;
  relation: Relation;
  travelMinutes: number | null;
  archived: boolean;
}

/** Why the rule includes a household; null when it does not. */
export type AudienceReason = 'care' | 'care_travel_unknown' | 'oversight' | 'emergency';

export function ruleReason(household: AudienceHousehold, rule: AudienceRule): AudienceReason | null {
  if (household.archived || !rule.kinds.includes(household.kind)) return null;
  if (household.relation === 'oversight') return rule.oversight ? 'oversight' : null;
  if (!rule.care) return null;
  if (household.travelMinutes === null) return 'care_travel_unknown';
  // Emergency homes too only within the travel limit: a café is an evening out, wherever they live.
  if (household.travelMinutes > rule.maxTravel) return null;
  return household.kind === 'emergency' ? 'emergency' : 'care';
}

/** The team's change for one household: included true (added), false (removed), null (none). */
export interface ManualChange {
  included: boolean | null;
  note: string | null;
}

export interface AudienceEntry<H extends AudienceHousehold> {
  household: H;
  included: boolean;
  source: 'rule' | 'added' | 'removed';
  /** why the rule includes it; null when only the team's addition does */
  reason: AudienceReason | null;
  note: string | null;
}

/**
 * Every household the rule matches, plus those added or removed by hand (archived households
 * never), in the order given. A removal wins over the rule; an addition of a household the rule
 * already includes is shown as the rule's.
 */
export function computeAudience<H extends AudienceHousehold>(
  households: readonly H[],
  rule: AudienceRule,
  manual: ReadonlyMap<string, ManualChange> = new Map(),
): { count: number; entries: AudienceEntry<H>[] } {
  const entries: AudienceEntry<H>[] = [];
  for (const household of households) {
    if (household.archived) continue;
    const reason = ruleReason(household, rule);
    const change = manual.get(household.id);
    const note = change?.note ?? null;
    if (change?.included === false) {
      entries.push({ household, included: false, source: 'removed', reason, note });
    } else if (reason !== null) {
      entries.push({ household, included: true, source: 'rule', reason, note });
    } else if (change?.included === true) {
      entries.push({ household, included: true, source: 'added', reason: null, note });
    }
  }
  return { count: entries.filter((entry) => entry.included).length, entries };
}
