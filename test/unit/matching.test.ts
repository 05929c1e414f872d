import { describe, expect, it } from 'vitest';
import {
  type MatchChild,
  type MatchHousehold,
  proposeNetwork,
  type ResourceFamilyOption,
  scoreHousehold,
  solidStatus,
  travelBetween,
} from '../../src/domain/matching.js';

const TODAY = '2026-12-03';
const child = (id: string, householdId: string, birthDate: string, siblingGroup: string | null = null) => ({
  id,
  householdId,
  firstName: id,
  birthDate,
  siblingGroup,
});
const home = (
  id: string,
  children: MatchChild[],
  postcode: string | null = null,
  travelMinutes: number | null = null,
): MatchHousehold => ({ id, name: `Familien ${id}`, postcode, travelMinutes, children });

describe('travel between two homes, estimated from the registry', () => {
  it('counts the same postcode as next door', () => {
    expect(
      travelBetween({ postcode: '1383', travelMinutes: 20 }, { postcode: '1383', travelMinutes: 5 }),
    ).toEqual({
      minutes: 0,
      estimate: 'same_postcode',
    });
  });
  it('takes the difference of the travel times within one postal area', () => {
    expect(
      travelBetween({ postcode: '1383', travelMinutes: 20 }, { postcode: '1390', travelMinutes: 5 }),
    ).toEqual({
      minutes: 15,
      estimate: 'same_area',
    });
  });
  it('goes through the office between postal areas (an upper bound)', () => {
    expect(
      travelBetween({ postcode: '1383', travelMinutes: 20 }, { postcode: '2609', travelMinutes: 30 }),
    ).toEqual({
      minutes: 50,
      estimate: 'through_office',
    });
  });
  it('cannot estimate without a travel time', () => {
    expect(
      travelBetween({ postcode: '1383', travelMinutes: null }, { postcode: '2609', travelMinutes: 30 }),
    ).toBeNull();
  });
});

describe('scoring a home against the picked children', () => {
  const liam = child('Liam', 'A', '2018-05-01');
  const homeA = home('A', [liam], '1383', 10);

  it('gives a child within two years of a picked child as a reason with both ages', () => {
    const b = home('B', [child('Emma', 'B', '2019-09-10')], '1383', 10);
    const { reasons, score } = scoreHousehold(b, [liam], [homeA], [], TODAY);
    expect(reasons).toContainEqual({ code: 'age', child: 'Emma', age: 7, picked: 'Liam', pickedAge: 8 });
    expect(score).toBe(10);
  });

  it('does not call three years apart close in age', () => {
    const b = home('B', [child('Emma', 'B', '2021-06-01')]);
    expect(scoreHousehold(b, [liam], [homeA], [], TODAY).reasons.some((r) => r.code === 'age')).toBe(false);
  });

  it('names a sibling placed in another home before anything else', () => {
    const siblingOfLiam = child('Nora', 'B', '2012-01-01', 'g1');
    const picked = { ...liam, siblingGroup: 'g1' };
    const b = home('B', [siblingOfLiam]);
    const { reasons, score } = scoreHousehold(b, [picked], [homeA], [], TODAY);
    expect(reasons).toEqual([
      { code: 'sibling', child: 'Nora', sibling: 'Liam' },
      { code: 'travel_unknown' },
    ]);
    expect(score).toBe(100);
  });

  it('counts the café evenings both homes came to', () => {
    const b = home('B', []);
    const { reasons, score } = scoreHousehold(b, [liam], [homeA], [{ a: 'A', b: 'B', evenings: 3 }], TODAY);
    expect(reasons).toEqual([
      { code: 'cafe', household: 'Familien A', evenings: 3 },
      { code: 'travel_unknown' },
    ]);
    expect(score).toBe(15);
  });

  it('subtracts a point per three estimated minutes away', () => {
    const b = home('B', [], '2609', 20);
    const { reasons, score } = scoreHousehold(b, [liam], [homeA], [], TODAY);
    expect(reasons).toEqual([{ code: 'travel', minutes: 30, estimate: 'through_office' }]);
    expect(score).toBe(-10);
  });
});

describe('proposing a network for the picked children', () => {
  const liam = child('Liam', 'A', '2018-05-01', 'g1');
  const ida = child('Ida', 'C', '2017-11-20');
  const homes = [
    home('A', [liam], '1383', 10),
    home('C', [ida], '1383', 12),
    home('B', [child('Nora', 'B', '2012-01-01', 'g1')], '1390', 25),
    home('D', [child('Emil', 'D', '2019-01-01')], '1384', 15),
    home('E', [child('Olav', 'E', '2019-01-01')], '1384', 15),
    home('F', [child('Tor', 'F', '2005-01-01')], '1384', 15),
  ];
  const family = (
    id: string,
    solid: ResourceFamilyOption['solid'],
    travel: number,
  ): ResourceFamilyOption => ({
    ...home(id, [], '1390', travel),
    solid,
    candidate: false,
  });
  const input = {
    today: TODAY,
    picked: [liam, ida],
    homes,
    resourceFamilies: [family('R1', 'none', 5), family('R2', 'complete', 40), family('R3', 'complete', 10)],
    meetings: [{ a: 'C', b: 'E', evenings: 1 }],
  };

  it("lists the picked children's homes as members, with the children named", () => {
    const { members } = proposeNetwork(input);
    expect(members.map((m) => m.householdId)).toEqual(['A', 'C']);
    expect(members[0]?.reasons[0]).toEqual({ code: 'picked', children: ['Liam'] });
  });

  it('ranks the sibling home first, then by age and café, ties broken by name, and leaves out homes with no reason', () => {
    const { suggestions } = proposeNetwork(input);
    expect(suggestions.map((s) => s.householdId)).toEqual(['B', 'E', 'D']);
  });

  it('puts resource families with Solid first and says why the others cannot lead', () => {
    const { resourceFamilies } = proposeNetwork(input);
    expect(resourceFamilies.map((r) => r.householdId)).toEqual(['R3', 'R2', 'R1']);
    expect(resourceFamilies[2]?.reasons[0]).toEqual({ code: 'no_solid' });
  });

  it('gives the same proposals whatever order the data comes in', () => {
    const shuffled = {
      ...input,
      homes: [...homes].reverse(),
      resourceFamilies: [...input.resourceFamilies].reverse(),
    };
    expect(proposeNetwork(shuffled)).toEqual(proposeNetwork(input));
  });
});

describe('Solid of a household', () => {
  it("counts an adult's completion, then a team leader's override", () => {
    expect(solidStatus(1, false)).toBe('complete');
    expect(solidStatus(1, true)).toBe('complete');
    expect(solidStatus(0, true)).toBe('override');
    expect(solidStatus(0, false)).toBe('none');
  });
});
