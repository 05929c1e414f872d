import { checkMobile } from './phone.js';

export const HOUSEHOLD_KINDS = ['foster', 'emergency', 'family_home', 'resource_family'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];
export const RELATIONS = ['care', 'oversight'] as const;
export type Relation = (typeof RELATIONS)[number];
export const CHANNELS = ['email', 'sms', 'letter', 'digital_mail'] as const;
export type Channel = (typeof CHANNELS)[number];
export const END_REASONS = ['planned', 'unplanned'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** A household as typed in a form or read from an import row, before it is checked. */
export interface HouseholdInput {
  id?: string;
  kind: HouseholdKind;
  relation: Relation;
  externalRef?: string | null;
  address?: { line?: string | null; postcode?: string | null };
  /** null or absent: look it up in the municipality's travel-time table by postcode */
  travelMinutes?: number | null;
  adults: {
    id?: string;
    firstName: string;
    lastName: string;
    email?: string | null;
    mobile?: string | null;
    preferredLanguage?: string | null;
    preferredChannels?: Channel[] | null;
  }[];
  /** A child may be known by its birth date alone (exports often hold no child names): firstName null. */
  children?: { id?: string; firstName?: string | null; birthDate: string }[];
  placements?: {
    id?: string;
    childIndex: number;
    startDate: string;
    endDate?: string | null;
    endReason?: EndReason | null;
    careMunicipality?: string | null;
  }[];
}

/** A household after checking: what is stored. */
export interface Household {
  id: string;
  kind: HouseholdKind;
  relation: Relation;
  externalRef: string | null;
  address: { line: string | null; postcode: string | null; place: string | null };
  travelMinutes: number | null;
  travelSource: 'manual' | 'postcode_table' | null;
  adults: {
    id: string;
    firstName: string;
    lastName: string;
    email: string | null;
    mobile: string | null;
    preferredLanguage: string;
    preferredChannels: Channel[];
  }[];
  children: { id: string; firstName: string | null; birthDate: string }[];
  placements: {
    id: string;
    childId: string;
    startDate: string;
    endDate: string | null;
    endReason: EndReason | null;
    careMunicipality: string | null;
  }[];
}

export interface FieldError {
  field: string;
  rule: 'required' | 'phone' | 'landline' | 'email' | 'postcode' | 'date' | 'range';
}

/** What the checks need to know from the database, looked up before. */
export interface Lookups {
  /** place by postcode, for the postcodes the input names */
  places: ReadonlyMap<string, string>;
  /** the municipality's travel-time table, for the postcodes the input names */
  travelMinutes: ReadonlyMap<string, number>;
  newId: () => string;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The postcodes an input names, to look up before checking it. */
export function postcodesOf(input: HouseholdInput): string[] {
  const postcode = text(input.address?.postcode);
  return postcode ? [postcode] : [];
}

/**
 * Checks and normalises a household: trims, E.164 mobiles, lower-case e-mail, the place from
 * the postcode, the travel time from the table when none is typed. Returns every problem at
 * once, each with the field it concerns, so a form or an import report can show them all.
 */
export function checkHousehold(
  input: HouseholdInput,
  lookups: Lookups,
): { household: Household; errors: [] } | { household: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, rule: FieldError['rule']) => errors.push({ field, rule });

  const postcode = text(input.address?.postcode);
  const place = postcode ? lookups.places.get(postcode) : undefined;
  if (postcode && !place) fail('address.postcode', 'postcode');

  let travelMinutes = input.travelMinutes ?? null;
  let travelSource: Household['travelSource'] = travelMinutes === null ? null : 'manual';
  if (
    travelMinutes !== null &&
    !(Number.isInteger(travelMinutes) && travelMinutes >= 0 && travelMinutes <= 1440)
  ) {
    fail('travelMinutes', 'range');
  }
  if (travelMinutes === null && postcode && lookups.travelMinutes.has(postcode)) {
    travelMinutes = lookups.travelMinutes.get(postcode) ?? null;
    travelSource = 'postcode_table';
  }

  if (input.adults.length === 0) fail('adults', 'required');
  const adults = input.adults.map((adult, i) => {
    const firstName = text(adult.firstName);
    const lastName = text(adult.lastName);
    if (!firstName) fail(`adults.${i}.firstName`, 'required');
    if (!lastName) fail(`adults.${i}.lastName`, 'required');
    const email = text(adult.email)?.toLowerCase() ?? null;
    if (email && !EMAIL.test(email)) fail(`adults.${i}.email`, 'email');
    const typedMobile = text(adult.mobile);
    const checked = typedMobile ? checkMobile(typedMobile) : null;
    const mobile = checked && 'mobile' in checked ? checked.mobile : null;
    if (checked && 'problem' in checked) fail(`adults.${i}.mobile`, checked.problem);
    const language = text(adult.preferredLanguage) ?? 'nb';
    if (!LANGUAGE.test(language)) fail(`adults.${i}.preferredLanguage`, 'range');
    return {
      id: adult.id ?? lookups.newId(),
      firstName: firstName ?? '',
      lastName: lastName ?? '',
      email,
      mobile,
      preferredLanguage: language,
      preferredChannels: [...new Set(adult.preferredChannels ?? [])],
    };
  });

  const children = (input.children ?? []).map((child, i) => {
    if (!isDate(child.birthDate)) fail(`children.${i}.birthDate`, 'date');
    return { id: child.id ?? lookups.newId(), firstName: text(child.firstName), birthDate: child.birthDate };
  });

  const placements = (input.placements ?? []).map((placement, i) => {
    const child = children[placement.childIndex];
    if (!child) fail(`placements.${i}.childIndex`, 'range');
    if (!isDate(placement.startDate)) fail(`placements.${i}.startDate`, 'date');
    const endDate = text(placement.endDate);
    if (endDate && (!isDate(endDate) || endDate < placement.startDate))
      fail(`placements.${i}.endDate`, 'date');
    const endReason = placement.endReason ?? null;
    if (endReason && !endDate) fail(`placements.${i}.endDate`, 'required');
    return {
      id: placement.id ?? lookups.newId(),
      childId: child?.id ?? '',
      startDate: placement.startDate,
      endDate,
      endReason,
      careMunicipality: text(placement.careMunicipality),
    };
  });

  if (errors.length) return { household: null, errors };
  return {
    household: {
      id: input.id ?? lookups.newId(),
      kind: input.kind,
      relation: input.relation,
      externalRef: text(input.externalRef),
      address: { line: text(input.address?.line), postcode, place: place ?? null },
      travelMinutes,
      travelSource,
      adults,
      children,
      placements,
    },
    errors: [],
  };
}

/** Above these, a value is possible but odd enough that whoever imports it should look again. */
export const WARNING_LIMITS = { travelMinutes: 300, childAge: 20 } as const;

export interface FieldWarning {
  field: string;
  rule: 'travel_long' | 'child_over_age' | 'placement_before_birth';
}

/**
 * What is plausible but odd in a checked household: stored as it is, shown to the person who
 * imports or types it (a travel time over 5 hours, a child over 20 on `today`, a placement that
 * starts before the child was born).
 */
export function householdWarnings(household: Household, today: string): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  if ((household.travelMinutes ?? 0) > WARNING_LIMITS.travelMinutes) {
    warnings.push({ field: 'travelMinutes', rule: 'travel_long' });
  }
  for (const [i, child] of household.children.entries()) {
    if (ageOn(child.birthDate, today) > WARNING_LIMITS.childAge) {
      warnings.push({ field: `children.${i}.birthDate`, rule: 'child_over_age' });
    }
  }
  const born = new Map(household.children.map((child) => [child.id, child.birthDate]));
  for (const [i, placement] of household.placements.entries()) {
    const birthDate = born.get(placement.childId);
    if (birthDate && placement.startDate < birthDate) {
      warnings.push({ field: `placements.${i}.startDate`, rule: 'placement_before_birth' });
    }
  }
  return warnings;
}

/** Whole years from a YYYY-MM-DD birth date to `today`. */
function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** "Kari og Ola Nordmann" when they share a last name, else "Kari Nordmann og Per Hansen". */
export function displayName(adults: readonly { firstName: string; lastName: string }[]): string {
  if (adults.length === 0) return '';
  const lastNames = new Set(adults.map((a) => a.lastName));
  const join = (parts: string[]) =>
    parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}`;
  if (lastNames.size === 1) return `${join(adults.map((a) => a.firstName))} ${adults[0]?.lastName}`;
  return join(adults.map((a) => `${a.firstName} ${a.lastName}`));
}

/** What a search may match: every name, address, e-mail and phone in the household. */
export function searchText(household: Household): string {
  return [
    ...household.adults.flatMap((a) => [
      a.firstName,
      a.lastName,
      a.email,
      a.mobile,
      a.mobile?.replace(/^\+47/, ''),
    ]),
    ...household.children.map((c) => c.firstName),
    household.address.line,
    household.address.postcode,
    household.address.place,
    household.externalRef,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** Field by field, what differs between two versions of a household (ids left out). */
export function diffHouseholds(before: Household | null, after: Household): Change[] {
  const flat = (h: Household | null): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    if (!h) return out;
    const put = (prefix: string, value: object) => {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'id' || key === 'childId') continue;
        out.set(`${prefix}${key}`, Array.isArray(v) ? v.join(', ') : v);
      }
    };
    put('', {
      kind: h.kind,
      relation: h.relation,
      externalRef: h.externalRef,
      travelMinutes: h.travelMinutes,
    });
    put('address.', h.address);
    for (const [i, a] of h.adults.entries()) put(`adults.${i}.`, a);
    for (const [i, c] of h.children.entries()) put(`children.${i}.`, c);
    for (const [i, p] of h.placements.entries()) put(`placements.${i}.`, p);
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  const changes: Change[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(field) ?? null;
    const y = b.get(field) ?? null;
    if (x !== y) changes.push({ field, before: x, after: y });
  }
  return changes;
}
