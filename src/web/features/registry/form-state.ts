import { isIsoDate, todayInOslo } from '../../../domain/calendar.js';
import type { Channel, EndReason, HouseholdKind, Relation } from '../../../domain/household.js';
import type { HouseholdInput, HouseholdView } from '../../../features/registry/contract.js';
import type { FieldProblem } from './types.js';

/**
 * The household form as typed: every value a string, rows keyed so that React keeps each row's
 * fields (and errors) in place when another row is removed.
 */
export interface AdultForm {
  key: string;
  id?: string;
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  preferredLanguage: string;
  preferredChannels: Channel[];
}

export interface ChildForm {
  key: string;
  id?: string;
  firstName: string;
  birthDate: string;
}

export interface PlacementForm {
  key: string;
  id?: string;
  /** The key of the child row. */
  child: string;
  startDate: string;
  endDate: string;
  endReason: EndReason | '';
  careMunicipality: string;
}

export interface HouseholdForm {
  kind: HouseholdKind | '';
  relation: Relation | '';
  externalRef: string;
  addressLine: string;
  postcode: string;
  travelMinutes: string;
  adults: AdultForm[];
  children: ChildForm[];
  placements: PlacementForm[];
}

let counter = 0;
/** A key for a new row; rows from the server use their id. */
export const rowKey = () => `new-${++counter}`;

export const emptyAdult = (): AdultForm => ({
  key: rowKey(),
  firstName: '',
  lastName: '',
  email: '',
  mobile: '',
  preferredLanguage: 'nb',
  preferredChannels: [],
});

export const emptyChild = (): ChildForm => ({ key: rowKey(), firstName: '', birthDate: '' });

export const emptyPlacement = (child = ''): PlacementForm => ({
  key: rowKey(),
  child,
  startDate: '',
  endDate: '',
  endReason: '',
  careMunicipality: '',
});

export const emptyForm = (): HouseholdForm => ({
  kind: '',
  relation: '',
  externalRef: '',
  addressLine: '',
  postcode: '',
  travelMinutes: '',
  adults: [emptyAdult()],
  children: [],
  placements: [],
});

/** The form for a saved household. A travel time from the municipality's table stays empty, so it keeps following the table. */
export function formFromHousehold(household: HouseholdView): HouseholdForm {
  return {
    kind: household.kind,
    relation: household.relation,
    externalRef: household.externalRef ?? '',
    addressLine: household.address.line ?? '',
    postcode: household.address.postcode ?? '',
    travelMinutes:
      household.travelSource === 'manual' && household.travelMinutes !== null
        ? String(household.travelMinutes)
        : '',
    adults: household.adults.map((adult) => ({
      key: adult.id,
      id: adult.id,
      firstName: adult.firstName,
      lastName: adult.lastName,
      email: adult.email ?? '',
      mobile: adult.mobile ?? '',
      preferredLanguage: adult.preferredLanguage || 'nb',
      preferredChannels: [...adult.preferredChannels],
    })),
    children: household.children.map((child) => ({
      key: child.id,
      id: child.id,
      firstName: child.firstName ?? '',
      birthDate: child.birthDate,
    })),
    placements: household.placements.map((placement) => ({
      key: placement.id,
      id: placement.id,
      child: placement.childId,
      startDate: placement.startDate,
      endDate: placement.endDate ?? '',
      endReason: placement.endReason ?? '',
      careMunicipality: placement.careMunicipality ?? '',
    })),
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** The body of POST/PUT /api/households. Call only after `validate` found nothing. */
export function toInput(form: HouseholdForm): HouseholdInput {
  const travel = form.travelMinutes.trim();
  return {
    kind: form.kind as HouseholdKind,
    relation: form.relation as Relation,
    externalRef: orNull(form.externalRef),
    address: { line: orNull(form.addressLine), postcode: orNull(form.postcode) },
    travelMinutes: travel ? Number(travel) : null,
    adults: form.adults.map((adult) => ({
      ...(adult.id ? { id: adult.id } : {}),
      firstName: adult.firstName.trim(),
      lastName: adult.lastName.trim(),
      email: orNull(adult.email),
      mobile: orNull(adult.mobile),
      preferredLanguage: adult.preferredLanguage,
      preferredChannels: adult.preferredChannels,
    })),
    children: form.children.map((child) => ({
      ...(child.id ? { id: child.id } : {}),
      // Empty: the child is known by its birth date alone.
      firstName: child.firstName.trim() || null,
      birthDate: child.birthDate,
    })),
    placements: form.placements.map((placement) => ({
      ...(placement.id ? { id: placement.id } : {}),
      childIndex: form.children.findIndex((child) => child.key === placement.child),
      startDate: placement.startDate,
      endDate: orNull(placement.endDate),
      endReason: placement.endReason || null,
      careMunicipality: orNull(placement.careMunicipality),
    })),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** As the server allows: a day. */
const MAX_TRAVEL_MINUTES = 1440;

/** What can be checked before asking the server: required fields and plain formats. Paths as the server names them. */
export function validate(form: HouseholdForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, rule: string) => problems.push({ field, rule });
  if (!form.kind) add('kind', 'required');
  if (!form.relation) add('relation', 'required');
  if (form.postcode.trim() && !/^\d{4}$/.test(form.postcode.trim())) add('address.postcode', 'postcode');
  const travel = form.travelMinutes.trim();
  if (travel && !(/^\d+$/.test(travel) && Number(travel) <= MAX_TRAVEL_MINUTES))
    add('travelMinutes', 'range');
  form.adults.forEach((adult, index) => {
    if (!adult.firstName.trim()) add(`adults.${index}.firstName`, 'required');
    if (!adult.lastName.trim()) add(`adults.${index}.lastName`, 'required');
    if (adult.email.trim() && !EMAIL.test(adult.email.trim())) add(`adults.${index}.email`, 'email');
  });
  const now = todayInOslo();
  form.children.forEach((child, index) => {
    if (!child.birthDate) add(`children.${index}.birthDate`, 'required');
    else if (!isIsoDate(child.birthDate)) add(`children.${index}.birthDate`, 'date');
    else if (child.birthDate > now) add(`children.${index}.birthDate`, 'range');
  });
  form.placements.forEach((placement, index) => {
    if (!form.children.some((child) => child.key === placement.child))
      add(`placements.${index}.childIndex`, 'required');
    if (!placement.startDate) add(`placements.${index}.startDate`, 'required');
    else if (!isIsoDate(placement.startDate)) add(`placements.${index}.startDate`, 'date');
    if (placement.endDate && !isIsoDate(placement.endDate)) add(`placements.${index}.endDate`, 'date');
    else if (placement.endDate && placement.startDate && placement.endDate < placement.startDate)
      add(`placements.${index}.endDate`, 'range');
    if (placement.endDate && !placement.endReason) add(`placements.${index}.endReason`, 'required');
    if (placement.endReason && !placement.endDate) add(`placements.${index}.endDate`, 'required');
  });
  return problems;
}

/**
 * The server's refusals as a list of {field, rule}, whatever their spelling: the contract's
 * 'adults.0.mobile', or a schema error's '/adults/0/mobile' with a JSON-schema keyword.
 */
export function problemsFrom(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail): FieldProblem[] => {
    if (!detail || typeof detail !== 'object') return [];
    const { field, rule } = detail as { field?: unknown; rule?: unknown };
    if (typeof field !== 'string') return [];
    return [
      { field: normalizeField(field), rule: normalizeRule(typeof rule === 'string' ? rule : '', field) },
    ];
  });
}

function normalizeField(field: string): string {
  return field
    .replace(/^\/?body/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[/.]/)
    .filter(Boolean)
    .join('.');
}

/** JSON-schema keywords as the contract's rules: required, phone, email, postcode, date, range. */
function normalizeRule(rule: string, field: string): string {
  if (['required', 'phone', 'email', 'postcode', 'date', 'range'].includes(rule)) return rule;
  if (rule === 'minLength' || rule === 'missingProperty') return 'required';
  if (['minimum', 'maximum', 'minItems', 'maxItems', 'maxLength', 'exclusiveMinimum'].includes(rule))
    return 'range';
  if (/mobile/.test(field)) return 'phone';
  if (/email/.test(field)) return 'email';
  if (/postcode/.test(field)) return 'postcode';
  if (/date/i.test(field)) return 'date';
  return rule || 'required';
}

/** Where a field is in the form: its element id and the catalogue name of its messages. */
export interface FieldPlace {
  id: string;
  /** e.g. 'adult.mobile', the key under registry.errors */
  name: string;
  /** e.g. { section: 'adults', index: 0 } for «Voksen 1» */
  row?: { section: 'adults' | 'children' | 'placements'; index: number };
}

const SECTION_NAMES = { adults: 'adult', children: 'child', placements: 'placement' } as const;

/** The element id of a field of the form, e.g. household-adult-new-3-mobile. */
export const fieldId = (name: string, rowKey?: string) =>
  rowKey ? `household-${name.replace('.', `-${rowKey}-`)}` : `household-${name.replace('.', '-')}`;

/** Turns 'adults.1.mobile' into the field's place in the form as it is now. */
export function placeOf(form: HouseholdForm, field: string): FieldPlace | undefined {
  const [first, second, third] = field.split('.');
  if (first === 'adults' || first === 'children' || first === 'placements') {
    const index = Number(second);
    const row = form[first][index];
    if (!row) return undefined;
    const sectionName = SECTION_NAMES[first];
    // A whole row refused (no field named): point at its first field.
    const part = third ?? (first === 'placements' ? 'childIndex' : 'firstName');
    const name = `${sectionName}.${part === 'childIndex' ? 'child' : part}`;
    return { id: fieldId(name, row.key), name, row: { section: first, index } };
  }
  const name =
    {
      kind: 'kind',
      relation: 'relation',
      externalRef: 'externalRef',
      address: 'address.postcode',
      'address.line': 'address.line',
      'address.postcode': 'address.postcode',
      travelMinutes: 'travelMinutes',
    }[second ? `${first}.${second}` : (first ?? '')] ?? undefined;
  if (!name) return undefined;
  return { id: fieldId(name), name };
}
