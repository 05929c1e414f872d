import { describe, expect, it } from 'vitest';
import type { HouseholdView } from '../../src/features/registry/contract.js';
import {
  emptyForm,
  formFromHousehold,
  placeOf,
  problemsFrom,
  toInput,
  validate,
} from '../../src/web/features/registry/form-state.js';

/** The household form of the registry (/register/:id/rediger): what a caseworker types and what is sent. */

const household: HouseholdView = {
  id: 'h1',
  kind: 'foster',
  relation: 'care',
  externalRef: 'SAK-1',
  address: { line: 'Storgata 1', postcode: '0150', place: 'Oslo' },
  travelMinutes: 25,
  travelSource: 'manual',
  adults: [
    {
      id: 'a1',
      firstName: 'Kari',
      lastName: 'Nordmann',
      email: 'kari@example.no',
      mobile: '+4741234567',
      preferredLanguage: 'nb',
      preferredChannels: ['email'],
    },
  ],
  children: [{ id: 'c1', firstName: 'Ola', birthDate: '2015-04-03' }],
  placements: [
    {
      id: 'p1',
      childId: 'c1',
      startDate: '2020-01-01',
      endDate: null,
      endReason: null,
      careMunicipality: null,
    },
  ],
  archivedAt: null,
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
  version: 3,
};

describe('the household form', () => {
  it('sends a saved household back unchanged when nothing was edited', () => {
    const input = toInput(formFromHousehold(household));
    expect(input).toMatchObject({
      kind: 'foster',
      relation: 'care',
      externalRef: 'SAK-1',
      address: { line: 'Storgata 1', postcode: '0150' },
      travelMinutes: 25,
      adults: [{ id: 'a1', firstName: 'Kari', lastName: 'Nordmann', email: 'kari@example.no' }],
      children: [{ id: 'c1', firstName: 'Ola', birthDate: '2015-04-03' }],
      placements: [{ id: 'p1', childIndex: 0, startDate: '2020-01-01', endDate: null, endReason: null }],
    });
  });

  it('sends an edited field, and the saved value again once the edit is undone', () => {
    const form = formFromHousehold(household);
    const edited = { ...form, addressLine: '  Kirkegata 2 ' };
    expect(toInput(edited).address?.line).toBe('Kirkegata 2');
    const reverted = { ...edited, addressLine: form.addressLine };
    expect(toInput(reverted)).toEqual(toInput(form));
  });

  it('leaves a travel time from the municipality table empty, so it keeps following the table', () => {
    const form = formFromHousehold({ ...household, travelSource: 'postcode_table', travelMinutes: 40 });
    expect(form.travelMinutes).toBe('');
    expect(toInput(form).travelMinutes).toBeNull();
  });

  it('finds the missing and malformed fields before asking the server', () => {
    const form = emptyForm();
    form.postcode = '12';
    form.travelMinutes = '2000';
    const rules = validate(form).map((p) => `${p.field}:${p.rule}`);
    expect(rules).toEqual([
      'kind:required',
      'relation:required',
      'address.postcode:postcode',
      'travelMinutes:range',
      'adults.0.firstName:required',
      'adults.0.lastName:required',
    ]);
    expect(validate(formFromHousehold(household))).toEqual([]);
  });

  it('refuses a child born in the future and a placement that ends before it starts', () => {
    const form = formFromHousehold(household);
    form.children = form.children.map((child) => ({ ...child, birthDate: '2999-01-01' }));
    form.placements = form.placements.map((p) => ({ ...p, endDate: '2019-01-01', endReason: 'planned' }));
    expect(validate(form)).toEqual([
      { field: 'children.0.birthDate', rule: 'range' },
      { field: 'placements.0.endDate', rule: 'range' },
    ]);
  });

  it("shows the server's refusals at the field they belong to, whatever their spelling", () => {
    const problems = problemsFrom([
      { field: '/body/adults/0/mobile', rule: 'pattern' },
      { field: 'address.postcode', rule: 'postcode' },
      { field: '/children/0/firstName', rule: 'minLength' },
    ]);
    expect(problems).toEqual([
      { field: 'adults.0.mobile', rule: 'phone' },
      { field: 'address.postcode', rule: 'postcode' },
      { field: 'children.0.firstName', rule: 'required' },
    ]);
    const form = formFromHousehold(household);
    expect(placeOf(form, 'adults.0.mobile')?.id).toBeTruthy();
  });
});
