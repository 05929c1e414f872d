import { describe, expect, it } from 'vitest';
import { disclose, discloseParts, discloseTable, hiddenCells } from '../../src/domain/disclosure.js';

const under = { under: 5 };
const hidden = { hidden: true };

describe('small counts shown outside the municipality', () => {
  it('hides every count under 5, zero included, and shows 5 and more', () => {
    expect(disclose([0, 4, 5, 17], [])).toEqual([under, under, 5, 17]);
  });

  it('refuses counts that are not whole numbers and lines that name no cell', () => {
    expect(() => disclose([1.5], [])).toThrow(RangeError);
    expect(() => disclose([-1], [])).toThrow(RangeError);
    expect(() => disclose([7, 8], [{ total: 2, parts: [0, 1] }])).toThrow(RangeError);
  });
});

describe('complementary suppression: a hidden count cannot be worked out from the totals', () => {
  it('hides the smallest other part when one part of a shown total is small', () => {
    // 3 + 10 + 12 = 25: with 10, 12 and 25 shown, 3 would be 25 − 10 − 12.
    expect(discloseParts([3, 10, 12])).toEqual({ parts: [under, hidden, 12], total: 25 });
  });

  it('hides nothing more when two parts are small already', () => {
    expect(discloseParts([3, 2, 12])).toEqual({ parts: [under, under, 12], total: 17 });
  });

  it('hides nothing when no count is small', () => {
    expect(discloseParts([6, 10, 12])).toEqual({ parts: [6, 10, 12], total: 28 });
  });

  it('hides another part when the small hidden ones would add up to a known small sum', () => {
    // 0 + 0 + 14 = 14: with 14 shown, both hidden parts would be known to be 0.
    expect(discloseParts([0, 0, 14])).toEqual({ parts: [under, under, hidden], total: 14 });
    // 1 + 3 + 12 = 16: the hidden parts add up to 4, small: the 12 goes too.
    expect(discloseParts([1, 3, 12])).toEqual({ parts: [under, under, hidden], total: 16 });
  });

  it('hides the total when a part is its only other cell', () => {
    // One municipality of 3: its count and the total are both 3.
    expect(discloseParts([3])).toEqual({ parts: [under], total: under });
  });

  it('works through a two-way table until no row or column has one hidden cell', () => {
    // unplanned moves, municipality × year
    //            2024 2025 | total
    // A             2    9 |   11
    // B             8    7 |   15
    // C            12   10 |   22
    // total        22   26 |   48
    // The 2 is small. Its row hides the 9 (A's other cell), its column hides the 8 (smaller of
    // 8 and 12); then column 2025 has the 9 alone and row B the 8 alone: the 7 goes (the
    // smallest of 7 and 10), which leaves every line with two hidden cells or none.
    const table = discloseTable([
      [2, 9],
      [8, 7],
      [12, 10],
    ]);
    expect(table.cells).toEqual([
      [under, hidden],
      [hidden, hidden],
      [12, 10],
    ]);
    expect(table.rowTotals).toEqual([11, 15, 22]);
    expect(table.columnTotals).toEqual([22, 26]);
    expect(table.total).toBe(48);
    // No line of the table can give a hidden cell away: each has 0 or ≥ 2 hidden cells.
    const shownRows = table.cells.map((row) => row.filter((c) => typeof c !== 'number').length);
    expect(shownRows.every((n) => n === 0 || n >= 2)).toBe(true);
  });

  it('hides a part of a row whose total was hidden for the grand total', () => {
    // Row totals 3 (small) and 20 against a shown grand total 23: the row total 20 is hidden
    // too, and then row 2's parts (10 + 10) would give it away, so one of them is hidden.
    const table = discloseTable([
      [1, 2],
      [10, 10],
    ]);
    expect(table.rowTotals).toEqual([under, hidden]);
    expect(table.cells[1]?.filter((c) => typeof c !== 'number')).toHaveLength(2);
    expect(table.total).toBe(23);
  });

  it('prefers to hide a part over a total that other lines use', () => {
    // cells 0,1 add up to 2; cells 2,3 to 4; 2 and 4 to 5 (a grand total).
    const counts = [3, 9, 20, 6, 12, 26, 38];
    const lines = [
      { total: 4, parts: [0, 1] },
      { total: 5, parts: [2, 3] },
      { total: 6, parts: [4, 5] },
    ];
    expect(hiddenCells(counts, lines)).toEqual([true, true, false, false, false, false, false]);
  });

  it('takes another threshold when asked', () => {
    expect(disclose([9, 10], [], { threshold: 10 })).toEqual([{ under: 10 }, 10]);
  });
});
