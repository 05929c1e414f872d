import { describe, expect, it } from 'vitest';
import {
  type AudienceHousehold,
  computeAudience,
  DEFAULT_AUDIENCE_RULE,
  type ManualChange,
  ruleReason,
} from '../../src/domain/audience.js';

const household = (id: string, overrides: Partial<AudienceHousehold> = {}): AudienceHousehold => ({
  id,
  kind: 'foster',
  relation: 'care',
  travelMinutes: 30,
  archived: false,
  ...overrides,
});

describe('the audience rule', () => {
  it('follows seed 000: foster and emergency homes in care within 90 minutes, and oversight', () => {
    const rule = DEFAULT_AUDIENCE_RULE;
    expect(ruleReason(household('a'), rule)).toBe('care');
    expect(ruleReason(household('a', { travelMinutes: 90 }), rule)).toBe('care');
    expect(ruleReason(household('a', { travelMinutes: 91 }), rule)).toBeNull();
    expect(ruleReason(household('a', { travelMinutes: null }), rule)).toBe('care_travel_unknown');
    expect(ruleReason(household('a', { relation: 'oversight', travelMinutes: 500 }), rule)).toBe('oversight');
    // Emergency homes too only within the travel limit (they were invited from any distance before).
    expect(ruleReason(household('a', { kind: 'emergency', travelMinutes: 90 }), rule)).toBe('emergency');
    expect(ruleReason(household('a', { kind: 'emergency', travelMinutes: 500 }), rule)).toBeNull();
    expect(ruleReason(household('a', { kind: 'emergency', travelMinutes: null }), rule)).toBe(
      'care_travel_unknown',
    );
    expect(
      ruleReason(household('a', { kind: 'emergency', relation: 'oversight', travelMinutes: 500 }), rule),
    ).toBe('oversight');
    expect(ruleReason(household('a', { kind: 'family_home' }), rule)).toBe('care');
  });

  it('leaves out resource families and archived households', () => {
    expect(
      ruleReason(household('a', { kind: 'resource_family', travelMinutes: 5 }), DEFAULT_AUDIENCE_RULE),
    ).toBeNull();
    expect(ruleReason(household('a', { archived: true }), DEFAULT_AUDIENCE_RULE)).toBeNull();
  });

  it('obeys the switches of the rule', () => {
    const noOversight = { ...DEFAULT_AUDIENCE_RULE, oversight: false };
    expect(ruleReason(household('a', { relation: 'oversight' }), noOversight)).toBeNull();
    const noCare = { ...DEFAULT_AUDIENCE_RULE, care: false };
    expect(ruleReason(household('a'), noCare)).toBeNull();
    // An emergency home in the municipality's care follows the care switch like any other.
    expect(ruleReason(household('a', { kind: 'emergency' }), noCare)).toBeNull();
    const fosterOnly = { ...DEFAULT_AUDIENCE_RULE, kinds: ['foster' as const] };
    expect(ruleReason(household('a', { kind: 'emergency' }), fosterOnly)).toBeNull();
    expect(
      ruleReason(household('a', { travelMinutes: 120 }), { ...DEFAULT_AUDIENCE_RULE, maxTravel: 120 }),
    ).toBe('care');
  });
});

describe('the audience of an event', () => {
  const households = [
    household('near'),
    household('far', { travelMinutes: 200 }),
    household('resource', { kind: 'resource_family' }),
    household('archived', { archived: true }),
    household('oversight', { relation: 'oversight' }),
  ];

  it('lists what the rule matches and counts the included', () => {
    const { count, entries } = computeAudience(households, DEFAULT_AUDIENCE_RULE);
    expect(entries.map((e) => [e.household.id, e.source, e.reason])).toEqual([
      ['near', 'rule', 'care'],
      ['oversight', 'rule', 'oversight'],
    ]);
    expect(count).toBe(2);
  });

  it('adds and removes by hand, keeps notes, and never shows an archived household', () => {
    const manual = new Map<string, ManualChange>([
      ['near', { included: false, note: null }],
      ['far', { included: true, note: 'Velkommen tilbake!' }],
      ['oversight', { included: null, note: 'Hils barna' }],
      ['archived', { included: true, note: null }],
      ['resource', { included: false, note: null }],
    ]);
    const { count, entries } = computeAudience(households, DEFAULT_AUDIENCE_RULE, manual);
    expect(entries.map((e) => [e.household.id, e.included, e.source, e.note])).toEqual([
      ['near', false, 'removed', null],
      ['far', true, 'added', 'Velkommen tilbake!'],
      ['resource', false, 'removed', null],
      ['oversight', true, 'rule', 'Hils barna'],
    ]);
    expect(count).toBe(2);
  });

  it('shows an addition the rule already makes as the rule’s', () => {
    const manual = new Map<string, ManualChange>([['near', { included: true, note: null }]]);
    const { entries } = computeAudience([household('near')], DEFAULT_AUDIENCE_RULE, manual);
    expect(entries[0]).toMatchObject({ included: true, source: 'rule', reason: 'care' });
  });
});
