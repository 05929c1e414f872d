import type { IsoDate } from './calendar.js';

/**
 * Which venue for which café (SPEC section 2: "rotate venues"): the season planner asks for one
 * per proposed date. Pure: the caller passes the venues and their past uses.
 */

export interface Venue {
  id: string;
  /** seats; null when not known */
  capacity: number | null;
  kitchen: boolean;
  parking: boolean;
  stepFree: boolean;
}

/** A café held (or planned) at a venue, counted when spreading use. */
export interface VenueUse {
  venueId: string;
  date: IsoDate;
}

export interface VenueNeed {
  date: IsoDate;
  /** expected attendance (adults and children); when given, capacity is never exceeded */
  expectedAttendance?: number | null;
  food?: boolean;
}

export type VenueNote =
  /** nothing is large enough (or every venue's size is unknown and none is known to fit) */
  | { code: 'no_venue_fits'; params: { expected: number; largest: number | null } }
  /** chosen although its capacity is not registered, because no venue is known to fit */
  | { code: 'capacity_unknown'; params: { venueId: string; expected: number } }
  /** no venue that fits has step-free access */
  | { code: 'not_step_free'; params: { venueId: string } }
  /** food is served but no venue that fits (and has step-free access) has a kitchen */
  | { code: 'no_kitchen'; params: { venueId: string } };

export interface VenueSuggestion {
  date: IsoDate;
  venueId: string | null;
  notes: VenueNote[];
}

/**
 * A venue for each date, in date order. The rule, kept simple so the team can predict it:
 *   1. Size: with an expected attendance, only venues whose capacity is at least that; a venue of
 *      unknown size only if none is known to fit (noted); none at all gives no venue (noted).
 *   2. Access and food: of those, the ones with step-free access and, when food is served, a
 *      kitchen. If none has both, step-free access wins over the kitchen (pizza can be brought
 *      in; a wheelchair cannot be carried up the stairs), and what was given up is noted.
 *   3. Rotation: of those, the venue used least often (past uses plus the dates already assigned
 *      here), then the one used longest ago (never used first), then one with parking (seed 000:
 *      people come by car), then the order of the list.
 * So with two suitable venues the cafés alternate between them, and a new venue gets its turn.
 */
export function suggestVenues(
  needs: readonly VenueNeed[],
  venues: readonly Venue[],
  pastUses: readonly VenueUse[] = [],
): VenueSuggestion[] {
  const uses = new Map<string, { count: number; last: IsoDate | null }>();
  for (const venue of venues) uses.set(venue.id, { count: 0, last: null });
  for (const use of pastUses) {
    const entry = uses.get(use.venueId);
    if (!entry) continue;
    entry.count += 1;
    if (!entry.last || use.date > entry.last) entry.last = use.date;
  }

  return [...needs]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((need) => {
      const notes: VenueNote[] = [];
      const expected = need.expectedAttendance ?? null;
      let pool = [...venues];
      if (expected !== null) {
        const fits = venues.filter((venue) => venue.capacity !== null && venue.capacity >= expected);
        const unknown = venues.filter((venue) => venue.capacity === null);
        pool = fits.length > 0 ? fits : unknown;
        if (pool.length === 0) {
          const capacities = venues.map((venue) => venue.capacity).filter((c): c is number => c !== null);
          notes.push({
            code: 'no_venue_fits',
            params: { expected, largest: capacities.length > 0 ? Math.max(...capacities) : null },
          });
          return { date: need.date, venueId: null, notes };
        }
      }
      if (pool.length === 0) return { date: need.date, venueId: null, notes };

      const stepFree = pool.filter((venue) => venue.stepFree);
      if (stepFree.length > 0) pool = stepFree;
      if (need.food) {
        const kitchen = pool.filter((venue) => venue.kitchen);
        if (kitchen.length > 0) pool = kitchen;
      }

      const order = new Map(venues.map((venue, i) => [venue.id, i]));
      const chosen = [...pool].sort((a, b) => {
        const ua = uses.get(a.id) ?? { count: 0, last: null };
        const ub = uses.get(b.id) ?? { count: 0, last: null };
        if (ua.count !== ub.count) return ua.count - ub.count;
        if (ua.last !== ub.last)
          return ua.last === null ? -1 : ub.last === null ? 1 : ua.last.localeCompare(ub.last);
        if (a.parking !== b.parking) return a.parking ? -1 : 1;
        return (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
      })[0] as Venue;

      if (expected !== null && chosen.capacity === null) {
        notes.push({ code: 'capacity_unknown', params: { venueId: chosen.id, expected } });
      }
      if (!chosen.stepFree) notes.push({ code: 'not_step_free', params: { venueId: chosen.id } });
      if (need.food && !chosen.kitchen) notes.push({ code: 'no_kitchen', params: { venueId: chosen.id } });

      const entry = uses.get(chosen.id);
      if (entry) {
        entry.count += 1;
        if (!entry.last || need.date > entry.last) entry.last = need.date;
      }
      return { date: need.date, venueId: chosen.id, notes };
    });
}
