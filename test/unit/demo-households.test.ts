import postalCodes from 'norway-postal-codes';
import { describe, expect, it } from 'vitest';
import { checkHousehold } from '../../src/domain/household.js';
import { normaliseMobile } from '../../src/domain/phone.js';
import { DEMO_HOUSEHOLD_COUNT, demoHouseholds } from '../../src/features/demo/service/invent-households.js';

const today = '2026-11-25';
const demo = demoHouseholds({ today });
const households = demo.households.map((h) => h.input);
const adults = households.flatMap((h) => h.adults);
const placements = households.flatMap((h) => h.placements ?? []);
const places = new Map(Object.entries(postalCodes as Record<string, string>));

describe('the demo households', () => {
  it('are the same every time for the same seed, and others for another', () => {
    expect(demoHouseholds({ today })).toEqual(demo);
    const names = (d: typeof demo) =>
      d.households.map((h) => h.input.adults.map((a) => a.lastName).join('+'));
    expect(names(demoHouseholds({ today: '2030-01-01' }))).toEqual(names(demo));
    expect(names(demoHouseholds({ today, seed: 7 }))).not.toEqual(names(demo));
  });

  it('are a few hundred, every one valid as the registry checks it, with ids of their own', () => {
    expect(households).toHaveLength(DEMO_HOUSEHOLD_COUNT);
    const travelMinutes = new Map(demo.travelTimes.map((t) => [t.postcode, t.minutes]));
    const lookups = {
      places,
      travelMinutes,
      newId: () => {
        throw new Error('every demo id is made by the seeded generator');
      },
    };
    for (const input of households) {
      const checked = checkHousehold(input, lookups);
      expect(checked.errors, JSON.stringify(input)).toEqual([]);
    }
    const ids = households.flatMap((h) => [
      h.id,
      ...h.adults.map((a) => a.id),
      ...(h.children ?? []).map((c) => c.id),
      ...(h.placements ?? []).map((p) => p.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = households.map((h) => h.externalRef).filter(Boolean);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('live on real postcodes, mostly near the office, with travel times by distance', () => {
    for (const h of households)
      expect(places.has(h.address?.postcode ?? ''), String(h.address?.postcode)).toBe(true);
    for (const t of demo.travelTimes) expect(places.has(t.postcode), t.postcode).toBe(true);
    const near = households.filter((h) => /^(13[3-9]|0|1[0-2]|34[4-9])/.test(h.address?.postcode ?? ''));
    expect(near.length / households.length).toBeGreaterThan(0.5);
    const minutes = new Map(demo.travelTimes.map((t) => [t.postcode, t.minutes]));
    expect(minutes.get('1384')).toBeLessThan(20);
    expect(minutes.get('3110')).toBeGreaterThan(60);
    // Far away (Bergen, Trondheim) is typed in by hand, if known, and never in the table.
    expect(minutes.has('5003')).toBe(false);
    // Oversight: the household lives in the municipality, the child comes from another one.
    for (const h of households.filter((x) => x.relation === 'oversight')) {
      expect(h.address?.postcode).toMatch(/^(13[7-9]|34[4-9])/);
      for (const p of h.placements ?? []) expect(p.careMunicipality).toBeTruthy();
    }
  });

  it('mix kinds, relations and languages, with 1–2 adults reachable at example addresses', () => {
    const count = (values: string[]) =>
      values.reduce<Record<string, number>>((acc, v) => {
        acc[v] = (acc[v] ?? 0) + 1;
        return acc;
      }, {});
    const kinds = count(households.map((h) => h.kind));
    expect(kinds.foster).toBeGreaterThan(150);
    for (const kind of ['emergency', 'family_home', 'resource_family'])
      expect(kinds[kind]).toBeGreaterThan(5);
    expect(kinds.resource_family).toBeLessThan(kinds.emergency ?? 0);
    expect(count(households.map((h) => h.relation)).oversight).toBeGreaterThan(50);
    const languages = count(adults.map((a) => a.preferredLanguage ?? 'nb'));
    for (const language of ['nb', 'nn', 'so', 'ar', 'pl', 'uk', 'ti'])
      expect(languages[language]).toBeGreaterThan(2);
    expect((languages.nb ?? 0) / adults.length).toBeGreaterThan(0.7);
    for (const h of households) expect(h.adults.length).toBeGreaterThanOrEqual(1);
    for (const h of households) expect(h.adults.length).toBeLessThanOrEqual(2);
    for (const a of adults) {
      if (a.email) expect(a.email).toMatch(/^[a-z0-9.]+@example\.(com|net|org)$/);
      if (a.mobile) expect(normaliseMobile(a.mobile), a.mobile).toMatch(/^\+47[49]\d{7}$/);
    }
    expect(adults.filter((a) => a.email).length / adults.length).toBeGreaterThan(0.85);
    expect(adults.some((a) => a.lastName === 'Kowalska')).toBe(true);
  });

  it('have placements that make sense, about one in eight ended against the plan', () => {
    const ended = placements.filter((p) => p.endDate);
    const unplanned = ended.filter((p) => p.endReason === 'unplanned');
    expect(ended.length).toBeGreaterThan(100);
    expect(unplanned.length / ended.length).toBeGreaterThanOrEqual(0.1);
    expect(unplanned.length / ended.length).toBeLessThanOrEqual(0.15);
    for (const h of households) {
      for (const p of h.placements ?? []) {
        const child = h.children?.[p.childIndex];
        expect(child).toBeDefined();
        expect((child?.birthDate ?? '9') <= p.startDate, JSON.stringify({ child, p })).toBe(true);
        expect(p.startDate <= today).toBe(true);
        if (p.endDate) expect(p.startDate <= p.endDate && p.endDate <= today).toBe(true);
        expect(Boolean(p.endDate)).toBe(Boolean(p.endReason));
      }
    }
    // Households that have left are archived with every placement ended, so they can be erased.
    const left = demo.households.filter((h) => h.archived);
    expect(left.length).toBeGreaterThan(0);
    for (const h of left) for (const p of h.input.placements ?? []) expect(p.endDate).toBeTruthy();
    // Unaccompanied minors in family homes are teenagers.
    for (const h of households.filter((x) => x.kind === 'family_home')) {
      for (const c of h.children ?? []) expect(c.birthDate < '2013-01-01').toBe(true);
    }
  });
});
