/**
 * Matching (seed 003: "først identifisere barna som skal med i nettverket, og så lete fram en
 * egnet ressursfamilie-kandidat som passer til barna"): from the children the team picks, Landsby
 * proposes member households and a resource family, each with the reasons in words, and the team
 * chooses. Pure and deterministic: the same data gives the same proposals in the same order (ties
 * broken by name, then id).
 *
 * The rules, each a reason the team reads:
 * - sibling: a child of the home is a picked child's sibling placed in another home (the seed:
 *   siblings may share a network, though they need not);
 * - age: a child of the home is within two years of a picked child;
 * - cafe: the home and a picked child's home came to the same café evenings;
 * - travel: the estimated minutes between the home and the picked children's homes (fewer is better).
 * The travel estimate uses only what the registry has: each home's postcode and travel minutes
 * from the office. Same postcode: 0; same postal area (the first two digits): the difference of
 * the two travel times (both lie the same way from the office); otherwise their sum (through the
 * office, an upper bound). Unknown when a travel time is missing.
 */

import { ageOn } from './network.js';

export interface MatchChild {
  id: string;
  householdId: string;
  firstName: string;
  birthDate: string;
  siblingGroup: string | null;
}

export interface MatchHousehold {
  id: string;
  name: string;
  postcode: string | null;
  travelMinutes: number | null;
  children: MatchChild[];
}

/** Café evenings two homes both came to (present at check-in). */
export interface CafeMeeting {
  a: string;
  b: string;
  evenings: number;
}

/**
 * Solid (the course a resource family must have, seed 003), as the course register's gate counts
 * it: an adult of the household has completed it, a team leader has overridden it, or neither.
 */
export type SolidStatus = 'complete' | 'override' | 'none';

export interface ResourceFamilyOption extends MatchHousehold {
  solid: SolidStatus;
  /** a household on the short list, not yet made a resource family */
  candidate: boolean;
}

export type Reason =
  | { code: 'picked'; children: string[] }
  | { code: 'sibling'; child: string; sibling: string }
  | { code: 'age'; child: string; age: number; picked: string; pickedAge: number }
  | { code: 'cafe'; household: string; evenings: number }
  | { code: 'travel'; minutes: number; estimate: TravelEstimate }
  | { code: 'travel_unknown' }
  | { code: 'no_solid' }
  | { code: 'candidate' };

export type TravelEstimate = 'same_postcode' | 'same_area' | 'through_office';

export interface Proposal {
  householdId: string;
  name: string;
  score: number;
  reasons: Reason[];
}

export interface Proposals {
  members: Proposal[];
  suggestions: Proposal[];
  resourceFamilies: Proposal[];
}

/** Two years, in months: "close in age". */
export const AGE_CLOSE_MONTHS = 24;
export const MAX_SUGGESTIONS = 5;
export const MAX_RESOURCE_FAMILIES = 3;
const WEIGHT = { sibling: 100, age: 10, cafe: 5, minutesPerPoint: 3 } as const;

const months = (birthDate: string) => Number(birthDate.slice(0, 4)) * 12 + Number(birthDate.slice(5, 7));

/** Estimated minutes between two homes, and how it was estimated; null when it cannot be. */
export function travelBetween(
  a: Pick<MatchHousehold, 'postcode' | 'travelMinutes'>,
  b: Pick<MatchHousehold, 'postcode' | 'travelMinutes'>,
): { minutes: number; estimate: TravelEstimate } | null {
  if (a.postcode && a.postcode === b.postcode) return { minutes: 0, estimate: 'same_postcode' };
  if (a.travelMinutes === null || b.travelMinutes === null) return null;
  if (a.postcode && b.postcode && a.postcode.slice(0, 2) === b.postcode.slice(0, 2)) {
    return { minutes: Math.abs(a.travelMinutes - b.travelMinutes), estimate: 'same_area' };
  }
  return { minutes: a.travelMinutes + b.travelMinutes, estimate: 'through_office' };
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, 'nb') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One home scored against the picked children and their homes: the score and its reasons. */
export function scoreHousehold(
  home: MatchHousehold,
  picked: readonly MatchChild[],
  pickedHomes: readonly MatchHousehold[],
  meetings: readonly CafeMeeting[],
  today: string,
): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let score = 0;
  const others = picked.filter((p) => p.householdId !== home.id);
  for (const child of [...home.children].sort((x, y) =>
    byName({ name: x.firstName, id: x.id }, { name: y.firstName, id: y.id }),
  )) {
    const sibling = others.find((p) => p.siblingGroup !== null && p.siblingGroup === child.siblingGroup);
    if (sibling) {
      score += WEIGHT.sibling;
      reasons.push({ code: 'sibling', child: child.firstName, sibling: sibling.firstName });
      continue;
    }
    // The closest picked child in age, the first by birth date and id when two are as close.
    const closest = [...others]
      .map((p) => ({ p, gap: Math.abs(months(p.birthDate) - months(child.birthDate)) }))
      .sort(
        (x, y) => x.gap - y.gap || x.p.birthDate.localeCompare(y.p.birthDate) || (x.p.id < y.p.id ? -1 : 1),
      )[0];
    if (closest && closest.gap <= AGE_CLOSE_MONTHS) {
      score += WEIGHT.age;
      reasons.push({
        code: 'age',
        child: child.firstName,
        age: ageOn(child.birthDate, today),
        picked: closest.p.firstName,
        pickedAge: ageOn(closest.p.birthDate, today),
      });
    }
  }
  const otherHomes = pickedHomes.filter((h) => h.id !== home.id).sort(byName);
  for (const other of otherHomes) {
    const met = meetings.find(
      (m) => (m.a === home.id && m.b === other.id) || (m.a === other.id && m.b === home.id),
    );
    if (met && met.evenings > 0) {
      score += WEIGHT.cafe * met.evenings;
      reasons.push({ code: 'cafe', household: other.name, evenings: met.evenings });
    }
  }
  const trips = otherHomes.map((other) => travelBetween(home, other));
  const known = trips.filter((t): t is NonNullable<typeof t> => t !== null);
  if (otherHomes.length > 0 && known.length === 0) reasons.push({ code: 'travel_unknown' });
  if (known.length > 0) {
    const minutes = Math.round(known.reduce((sum, t) => sum + t.minutes, 0) / known.length);
    // The weakest estimate used names how the figure was made.
    const order: TravelEstimate[] = ['same_postcode', 'same_area', 'through_office'];
    const estimate = order[Math.max(...known.map((t) => order.indexOf(t.estimate)))] ?? 'through_office';
    score -= Math.round(minutes / WEIGHT.minutesPerPoint);
    reasons.push({ code: 'travel', minutes, estimate });
  }
  return { score, reasons };
}

const ranked = (a: Proposal, b: Proposal) =>
  b.score - a.score || byName({ name: a.name, id: a.householdId }, { name: b.name, id: b.householdId });

/**
 * The proposals for the picked children: their own homes (members, by name), up to five other
 * homes with at least one reason beyond travel (best first), and up to three resource families
 * (those with Solid first: a household without it cannot become a resource family).
 */
export function proposeNetwork(input: {
  today: string;
  picked: readonly MatchChild[];
  homes: readonly MatchHousehold[];
  resourceFamilies: readonly ResourceFamilyOption[];
  meetings: readonly CafeMeeting[];
}): Proposals {
  const pickedIds = new Set(input.picked.map((c) => c.householdId));
  const pickedHomes = input.homes.filter((h) => pickedIds.has(h.id));
  const score = (home: MatchHousehold) =>
    scoreHousehold(home, input.picked, pickedHomes, input.meetings, input.today);

  const members = [...pickedHomes].sort(byName).map((home) => {
    const own = input.picked
      .filter((c) => c.householdId === home.id)
      .map((c) => c.firstName)
      .sort();
    const { score: s, reasons } = score(home);
    return {
      householdId: home.id,
      name: home.name,
      score: s,
      reasons: [{ code: 'picked', children: own } as Reason, ...reasons],
    };
  });
  const suggestions = input.homes
    .filter((home) => !pickedIds.has(home.id))
    .map((home) => ({ householdId: home.id, name: home.name, ...score(home) }))
    .filter((p) => p.reasons.some((r) => r.code === 'sibling' || r.code === 'age' || r.code === 'cafe'))
    .sort(ranked)
    .slice(0, MAX_SUGGESTIONS);
  const resourceFamilies = input.resourceFamilies
    .filter((family) => !pickedIds.has(family.id))
    .map((family) => {
      const { score: s, reasons } = score(family);
      const extra: Reason[] = [
        ...(family.candidate ? [{ code: 'candidate' } as const] : []),
        ...(family.solid === 'none' ? [{ code: 'no_solid' } as const] : []),
      ];
      return {
        family,
        proposal: { householdId: family.id, name: family.name, score: s, reasons: [...extra, ...reasons] },
      };
    })
    .sort(
      (a, b) =>
        Number(b.family.solid !== 'none') - Number(a.family.solid !== 'none') ||
        ranked(a.proposal, b.proposal),
    )
    .slice(0, MAX_RESOURCE_FAMILIES)
    .map((x) => x.proposal);
  return { members, suggestions, resourceFamilies };
}

/** Solid of a household: an adult's completion counts first, then a team leader's override. */
export function solidStatus(adultsWithSolid: number, overridden: boolean): SolidStatus {
  if (adultsWithSolid > 0) return 'complete';
  return overridden ? 'override' : 'none';
}

export const CANDIDATE_STATUSES = [
  'identified',
  'approached',
  'considering',
  'accepted',
  'declined',
] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const SUITABILITY_NOTE_MAX = 1000;
