import { describe, expect, it } from 'vitest';
import {
  rate,
  type StabilityCounts,
  stabilityFigures,
  stabilityYears,
  yearsWithPlacements,
} from '../../src/domain/stability.js';

const row = (
  municipalityId: number,
  year: number,
  placementYears: number,
  unplanned: number,
  took: boolean | null = false,
): StabilityCounts => ({
  municipalityId,
  year,
  goodStart: took,
  network: took,
  cafe: took,
  placementYears,
  unplanned,
});

describe('unplanned moves per 100 placement-years', () => {
  it('is the share of placement-years that ended in an unplanned move, with its 95 % interval', () => {
    // By hand: 7 of 90 = 7.78 per 100. Wilson, z = 1.96: centre (7/90 + 1.96²/180) / (1 + 1.96²/90)
    // = 0.0951; half-width 1.96·√(7/90·83/90/90 + 1.96²/(4·90²)) / 1.0427 = 0.0569 → 3.8 to 15.2.
    const r = rate(7, 90);
    expect(r.per100).toBeCloseTo(7.78, 2);
    expect(r.low).toBeCloseTo(3.82, 1);
    expect(r.high).toBeCloseTo(15.19, 1);
  });

  it('shows no rate where either count is hidden (it would give the count away)', () => {
    expect(rate({ under: 5 }, 40)).toEqual({
      moves: { under: 5 },
      placementYears: 40,
      per100: null,
      low: null,
      high: null,
    });
  });

  it('covers the last five calendar years up to today, from the first with a placement', () => {
    expect(stabilityYears('2026-12-03')).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(yearsWithPlacements([row(1, 2024, 3, 0), row(1, 2023, 0, 0)], [2022, 2023, 2024, 2025])).toEqual([
      2024, 2025,
    ]);
    expect(yearsWithPlacements([], [2025, 2026])).toEqual([]);
  });
});

describe('the stability figures of a programme', () => {
  // Municipality 1: 2025 40 placement-years, 2 moves; 2026 50 and 6.
  // Municipality 2: 2025 30 and 7;             2026 20 and 5.
  const rows = [row(1, 2025, 40, 2), row(1, 2026, 50, 6), row(2, 2025, 30, 7), row(2, 2026, 20, 5)];

  it("gives a municipality's own staff every count exactly", () => {
    const f = stabilityFigures(rows, [1, 2], [2025, 2026], false);
    // Municipality 1: 8 of 90 = 8.89 per 100; 2025 pooled: 9 of 70 = 12.86; all: 20 of 140 = 14.29.
    expect(f.byMunicipality[0]?.moves).toBe(8);
    expect(f.byMunicipality[0]?.per100).toBeCloseTo(8.89, 2);
    expect(f.byYear[0]?.per100).toBeCloseTo(12.86, 2);
    expect(f.total.per100).toBeCloseTo(14.29, 2);
    expect(f.cells[0]?.[0]?.moves).toBe(2);
  });

  it('hides small counts and their complements for the coordinator, and every rate built on them', () => {
    const f = stabilityFigures(rows, [1, 2], [2025, 2026], true);
    // The 2 moves (municipality 1, 2025) are small. Row 1 hides its other cell (6), column 2025
    // its other (7); then column 2026 has the 6 alone and row 2 the 7 alone: the 5 goes too.
    expect(f.cells.map((r) => r.map((c) => c.moves))).toEqual([
      [{ under: 5 }, { hidden: true }],
      [{ hidden: true }, { hidden: true }],
    ]);
    expect(f.cells.flat().every((c) => c.per100 === null)).toBe(true);
    // The margins stay: 8 and 12 by municipality, 9 and 11 by year, 20 in all.
    expect(f.byMunicipality.map((r) => r.moves)).toEqual([8, 12]);
    expect(f.byYear.map((r) => r.moves)).toEqual([9, 11]);
    expect(f.total.moves).toBe(20);
    expect(f.total.per100).toBeCloseTo(14.29, 2);
  });

  it('compares homes that took part with those that did not, and says too little data when it is', () => {
    const f = stabilityFigures(
      [row(1, 2026, 100, 2, true), row(1, 2026, 100, 30, false), row(1, 2026, 6, 1, null)],
      [1],
      [2026],
      true,
    );
    const goodStart = f.participation.find((p) => p.kind === 'good_start');
    // 2 of 100 (interval 0.6–7.0) against 30 of 100 (21.9–39.6): clearly fewer.
    expect(goodStart?.verdict).toBe('fewer');
    expect(goodStart?.tookPart.moves).toEqual({ under: 5 });
    // 2 and 1 are small and add up to 3 of a shown 33: the 30 is hidden too, or they would be known to add up to 3.
    expect(goodStart?.didNot.moves).toEqual({ hidden: true });
    expect(goodStart?.didNot.per100).toBeNull();
    const thin = stabilityFigures(
      [row(1, 2026, 10, 1, true), row(1, 2026, 10, 5, false)],
      [1],
      [2026],
      false,
    );
    expect(thin.participation[0]?.verdict).toBe('too_thin');
  });
});
