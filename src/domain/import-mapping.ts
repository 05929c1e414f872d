import type { FieldError, FieldWarning, Household, HouseholdInput } from './household.js';
import {
  ADULT_FIELDS,
  ADULT_SLOTS,
  type AdultField,
  CHILD_FIELDS,
  CHILD_SLOTS,
  type ChildField,
  type ImportMapping,
  type ImportRule,
  normaliseHeader,
  type RowProblem,
  type RowWarning,
  type Target,
} from './import-targets.js';
import {
  parseChannels,
  parseDay,
  parseEndReason,
  parseKind,
  parseLanguage,
  parseMinutes,
  parsePostcode,
  parseRelation,
} from './import-values.js';

// From the words of a case-management system's export to the registry's HouseholdInput: the
// suggested mapping of headers, and the merge of a row into the household it updates. The
// reading of single values (31.12.2025, "Beredskapshjem", "e-post og SMS") is import-values.ts.

// ---- Suggested mapping --------------------------------------------------------------------------

type Suggestion =
  | { group: 'household'; target: Target }
  | { group: 'adult'; field: AdultField }
  | { group: 'child'; field: ChildField }
  | { group: 'ignore' };

const CHILD_WORDS = /\b(barn|barnet|barnets|fosterbarn|child|childs|children|kid)\b/;
const SECOND_ADULT_WORDS = /\b(partner|ektefelle|samboer|medsøker|medsoker|spouse|second)\b/;

/** In order: the first rule whose pattern matches the normalised header wins. */
const RULES: [RegExp, Suggestion][] = [
  [
    /omsorgskommune|care municipality|ansvarlig kommune|plasserende kommune/,
    { group: 'child', field: 'careMunicipality' },
  ],
  [
    /fødsels ?dato|fodsels ?dato|\bfødt\b|\bfodt\b|birth|\bf ?dato\b|\bdob\b/,
    { group: 'child', field: 'birthDate' },
  ],
  [
    /plassert fra|plassering fra|plasseringsdato|plassert dato|plassert siden|placed from|placement start|fra ?dato|start ?dato|innflytting/,
    { group: 'child', field: 'placedFrom' },
  ],
  [
    /plassert til|plassering til|placed to|placement end|til ?dato|slutt ?dato|utflytting/,
    { group: 'child', field: 'placedTo' },
  ],
  [
    /avslutningsårsak|avslutning|sluttårsak|årsak|arsak|end reason|opphør/,
    { group: 'child', field: 'endReason' },
  ],
  [/e ?post|\bemail\b|\be ?mail\b/, { group: 'adult', field: 'email' }],
  [/mobil|telefon|\btlf\b|phone|\bmobile\b|\bmob\b|\btel\b/, { group: 'adult', field: 'mobile' }],
  [/etternavn|last ?name|surname|family ?name/, { group: 'adult', field: 'lastName' }],
  [/fornavn|first ?name|given ?name/, { group: 'adult', field: 'firstName' }],
  [/språk|sprak|language|målform|malform/, { group: 'adult', field: 'language' }],
  [/kanal|channel|kontaktform|varsling/, { group: 'adult', field: 'channels' }],
  [
    // The key as offices name it: "Saksnr", "Fosterhjemsnr", "Klientnr", "Hjem-ID", "ID".
    /saks ?nr|saksnummer|\bsak ?id\b|saks ?id|\bid\b|\bref\b|referanse|reference|external|løpe ?nr|løpenummer|klient ?(nr|id)|klientnummer|fosterhjems? ?(nr|id)|fosterhjemsnummer|hjems? ?(nr|id)|familie ?(nr|id)|husstands? ?(nr|id)|\bnr\b|nummer/,
    { group: 'household', target: 'externalRef' },
  ],
  [/hjemtype|\btype\b|\bkind\b|kategori|tiltakstype|\btiltak\b/, { group: 'household', target: 'kind' }],
  [/omsorg|tilsyn|relasjon|relation|\bansvar\b/, { group: 'household', target: 'relation' }],
  [/post ?nr|postnummer|\bzip\b|post ?code|postal code/, { group: 'household', target: 'postcode' }],
  [/poststed|\bsted\b|\bcity\b|\btown\b/, { group: 'ignore' }],
  [/adresse|address|\bstreet\b|\bgate\b/, { group: 'household', target: 'addressLine' }],
  [/reisetid|travel|minutter|kjøretid/, { group: 'household', target: 'travelMinutes' }],
  // "Barn" alone: the child's first name.
  [/^(barn|fosterbarn|child)$/, { group: 'child', field: 'firstName' }],
];

/** What each column probably is, from its header in Norwegian or English; null where it is not clear. */
export function suggestMapping(headers: readonly string[]): (Target | null)[] {
  const used = new Set<Target>();
  return headers.map((header) => {
    const text = normaliseHeader(header)
      .replace(/[-_./()]+/g, ' ')
      .replace(/\s+/g, ' ');
    const rule = RULES.find(([pattern]) => pattern.test(text))?.[1];
    if (!rule || rule.group === 'ignore') return null;
    const candidates: Target[] = [];
    const digit = /\b([1-4])\b|\b([1-4])\.|([1-4])$/.exec(text);
    const number = digit ? Number(digit[1] ?? digit[2] ?? digit[3]) : undefined;
    if (rule.group === 'household') candidates.push(rule.target);
    else {
      const isChild = rule.group === 'child' || CHILD_WORDS.test(text);
      const field = rule.field;
      if (isChild && (CHILD_FIELDS as readonly string[]).includes(field)) {
        const slots = number && number <= CHILD_SLOTS.length ? [number] : [...CHILD_SLOTS];
        for (const slot of slots) candidates.push(`child${slot}.${field as ChildField}` as Target);
      } else if (!isChild && (ADULT_FIELDS as readonly string[]).includes(field)) {
        const second = SECOND_ADULT_WORDS.test(text);
        const slots = number && number <= ADULT_SLOTS.length ? [number] : second ? [2] : [...ADULT_SLOTS];
        for (const slot of slots) candidates.push(`adult${slot}.${field as AdultField}` as Target);
      }
    }
    const target = candidates.find((candidate) => !used.has(candidate));
    if (!target) return null;
    used.add(target);
    return target;
  });
}

// ---- A row into a household -------------------------------------------------------------------

/** A mapping turned into look-ups: the column of each target and the header of that column. */
export interface PreparedMapping extends ImportMapping {
  columnOf: Map<Target, number>;
  headers: readonly string[];
}

export function prepareMapping(mapping: ImportMapping, headers: readonly string[]): PreparedMapping {
  const columnOf = new Map<Target, number>();
  mapping.columns.forEach((target, i) => {
    if (target && i < headers.length && !columnOf.has(target)) columnOf.set(target, i);
  });
  return { ...mapping, columnOf, headers };
}

export function cellOf(cells: readonly string[], mapping: PreparedMapping, target: Target): string {
  const column = mapping.columnOf.get(target);
  return column === undefined ? '' : (cells[column] ?? '').trim();
}

/** The value that matches a row to a household: the case number, or the first adult's e-mail (lower case). */
export function keyOf(cells: readonly string[], mapping: PreparedMapping): string {
  return mapping.key === 'email'
    ? cellOf(cells, mapping, 'adult1.email').toLowerCase()
    : cellOf(cells, mapping, 'externalRef');
}

/** A stored household as the input that would store it again unchanged. */
function inputOf(household: Household): HouseholdInput {
  const childIndex = new Map(household.children.map((child, i) => [child.id, i]));
  return {
    id: household.id,
    kind: household.kind,
    relation: household.relation,
    externalRef: household.externalRef,
    address: { line: household.address.line, postcode: household.address.postcode },
    // From the table: looked up again, so it follows the table; typed in: kept.
    travelMinutes: household.travelSource === 'manual' ? household.travelMinutes : null,
    adults: household.adults.map((adult) => ({ ...adult, preferredChannels: [...adult.preferredChannels] })),
    children: household.children.map(({ id, firstName, birthDate }) => ({ id, firstName, birthDate })),
    placements: household.placements.map((placement) => ({
      id: placement.id,
      childIndex: childIndex.get(placement.childId) ?? -1,
      startDate: placement.startDate,
      endDate: placement.endDate,
      endReason: placement.endReason,
      careMunicipality: placement.careMunicipality,
    })),
  };
}

export interface BuiltRow {
  input: HouseholdInput;
  /** Problems found while reading the values (an unknown kind, a child without a birth date). */
  problems: RowProblem[];
  /** Which adult, child or placement of the input came from which slot of the file (null: already stored). */
  origin: { adults: (number | null)[]; children: (number | null)[]; placements: (number | null)[] };
}

/**
 * One row of the file as a household. An existing household is the starting point: a filled-in
 * cell replaces what is stored, an empty cell leaves it as it is, and nothing is ever removed
 * (a child missing from this export keeps its place in the registry).
 */
export function buildInput(
  cells: readonly string[],
  mapping: PreparedMapping,
  existing: Household | null,
): BuiltRow {
  const problems: RowProblem[] = [];
  const value = (target: Target) => cellOf(cells, mapping, target);
  const problem = (target: Target, rule: ImportRule) =>
    problems.push({ field: target, column: columnName(mapping, target), rule });

  const input: HouseholdInput = existing
    ? inputOf(existing)
    : {
        kind: mapping.defaults.kind,
        relation: mapping.defaults.relation,
        adults: [],
        children: [],
        placements: [],
      };
  const origin: BuiltRow['origin'] = {
    adults: input.adults.map(() => null),
    children: (input.children ?? []).map(() => null),
    placements: (input.placements ?? []).map(() => null),
  };

  const ref = value('externalRef');
  if (ref) input.externalRef = ref;
  const kindText = value('kind');
  if (kindText) {
    const kind = parseKind(kindText);
    if (kind) input.kind = kind;
    else problem('kind', 'range');
  }
  const relationText = value('relation');
  if (relationText) {
    const relation = parseRelation(relationText);
    if (relation) input.relation = relation;
    else problem('relation', 'range');
  }
  const line = value('addressLine');
  const postcode = value('postcode');
  if (line || postcode) {
    input.address = {
      line: line || input.address?.line,
      postcode: postcode ? parsePostcode(postcode) : input.address?.postcode,
    };
  }
  const travel = value('travelMinutes');
  if (travel) {
    const minutes = parseMinutes(travel);
    if (minutes === null) problem('travelMinutes', 'range');
    else input.travelMinutes = minutes;
  }

  for (const slot of ADULT_SLOTS) {
    const field = (name: AdultField) => value(`adult${slot}.${name}` as Target);
    if (ADULT_FIELDS.every((name) => !field(name))) continue;
    // The file's first adult is the stored first adult, and so on; a new one comes last.
    const index = Math.min(slot - 1, input.adults.length);
    const adult = { ...(input.adults[index] ?? { firstName: '', lastName: '' }) };
    if (field('firstName')) adult.firstName = field('firstName');
    if (field('lastName')) adult.lastName = field('lastName');
    if (field('email')) adult.email = field('email');
    if (field('mobile')) adult.mobile = field('mobile');
    if (field('language')) adult.preferredLanguage = parseLanguage(field('language'));
    if (field('channels')) {
      const channels = parseChannels(field('channels'));
      if (channels) adult.preferredChannels = channels;
      else problem(`adult${slot}.channels` as Target, 'range');
    }
    // One surname column for both adults ("Etternavn", "Fornavn forelder 1", "Fornavn forelder 2"):
    // an adult without a surname of its own takes the first adult's.
    if (!adult.lastName && slot > 1) adult.lastName = input.adults[0]?.lastName ?? '';
    input.adults[index] = adult;
    origin.adults[index] = slot;
  }

  const children = input.children ?? [];
  const placements = input.placements ?? [];
  for (const slot of CHILD_SLOTS) {
    const field = (name: ChildField) => value(`child${slot}.${name}` as Target);
    const target = (name: ChildField) => `child${slot}.${name}` as Target;
    if (CHILD_FIELDS.every((name) => !field(name))) continue;
    const firstName = field('firstName');
    const birthDate = parseDay(field('birthDate'));
    if (!birthDate) {
      problem(target('birthDate'), 'required');
      continue;
    }
    // Exports often hold no child names: a child is known by its birth date (and its name when
    // given), and a name in a later export is added to the child stored without one.
    const sameName = (name: string | null | undefined) =>
      !firstName || !name || name.toLowerCase() === firstName.toLowerCase();
    let index = children.findIndex((child) => child.birthDate === birthDate && sameName(child.firstName));
    if (index < 0) index = children.push({ firstName: firstName || null, birthDate }) - 1;
    else if (firstName && !children[index]?.firstName) {
      children[index] = { ...(children[index] as (typeof children)[number]), firstName };
    }
    origin.children[index] = slot;

    const from = field('placedFrom');
    const to = field('placedTo');
    const reasonText = field('endReason');
    const care = field('careMunicipality');
    if (!from && !to && !reasonText && !care) continue;
    const startDate = parseDay(from);
    if (!startDate) {
      problem(target('placedFrom'), 'required');
      continue;
    }
    const endReason = parseEndReason(reasonText);
    if (endReason === null) problem(target('endReason'), 'range');
    let p = placements.findIndex(
      (candidate) => candidate.childIndex === index && candidate.startDate === startDate,
    );
    if (p < 0) p = placements.push({ childIndex: index, startDate }) - 1;
    const placement = { ...(placements[p] as NonNullable<HouseholdInput['placements']>[number]) };
    if (to) placement.endDate = parseDay(to);
    if (endReason) placement.endReason = endReason;
    if (care) placement.careMunicipality = care;
    placements[p] = placement;
    origin.placements[p] = slot;
  }

  // In the order the registry reads them back (children by birth date and name, placements by
  // start), so an unchanged household compares equal field by field.
  const childOrder = children
    .map((child, i) => ({ child, i }))
    .sort(
      (a, b) =>
        compare(a.child.birthDate, b.child.birthDate) ||
        // Unnamed last, as PostgreSQL sorts NULL.
        compare(a.child.firstName ?? '\uffff', b.child.firstName ?? '\uffff'),
    );
  const newIndex = new Map(childOrder.map(({ i }, position) => [i, position]));
  input.children = childOrder.map(({ child }) => child);
  origin.children = childOrder.map(({ i }) => origin.children[i] ?? null);
  const placementOrder = placements
    .map((placement, i) => ({
      placement: { ...placement, childIndex: newIndex.get(placement.childIndex) ?? -1 },
      i,
    }))
    .sort(
      (a, b) =>
        compare(a.placement.startDate, b.placement.startDate) ||
        a.placement.childIndex - b.placement.childIndex,
    );
  input.placements = placementOrder.map(({ placement }) => placement);
  origin.placements = placementOrder.map(({ i }) => origin.placements[i] ?? null);

  return { input, problems, origin };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function columnName(mapping: PreparedMapping, target: Target): string | null {
  const column = mapping.columnOf.get(target);
  return column === undefined ? null : (mapping.headers[column] ?? null);
}

const ADULT_FIELD_OF: Record<string, AdultField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  mobile: 'mobile',
  preferredLanguage: 'language',
  preferredChannels: 'channels',
};
const CHILD_FIELD_OF: Record<string, ChildField> = { firstName: 'firstName', birthDate: 'birthDate' };
const PLACEMENT_FIELD_OF: Record<string, ChildField> = {
  startDate: 'placedFrom',
  endDate: 'placedTo',
  endReason: 'endReason',
  careMunicipality: 'careMunicipality',
  childIndex: 'firstName',
};

/** The registry's complaint about a field, told as the column of the file it came from. */
export function problemOf(error: FieldError, built: BuiltRow, mapping: PreparedMapping): RowProblem {
  return { ...locate(error.field, built, mapping), rule: error.rule };
}

/** The registry's warning about a field, told as the column of the file it came from. */
export function warningOf(warning: FieldWarning, built: BuiltRow, mapping: PreparedMapping): RowWarning {
  return { ...locate(warning.field, built, mapping), rule: warning.rule };
}

/** The target and column a field path of the registry ('children.0.birthDate') was read from. */
function locate(
  path: string,
  built: BuiltRow,
  mapping: PreparedMapping,
): { field: string; column: string | null } {
  const asTarget = (target: Target | null) =>
    target ? { field: target, column: columnName(mapping, target) } : { field: path, column: null };
  if (path === 'adults') return asTarget('adult1.firstName');
  if (path === 'address.postcode') return asTarget('postcode');
  if (path === 'travelMinutes') return asTarget('travelMinutes');
  const [group, indexText, name = ''] = path.split('.');
  const index = Number(indexText);
  if (group === 'adults') {
    const slot = built.origin.adults[index];
    const field = ADULT_FIELD_OF[name];
    return asTarget(slot && field ? (`adult${slot}.${field}` as Target) : null);
  }
  if (group === 'children') {
    const slot = built.origin.children[index];
    const field = CHILD_FIELD_OF[name];
    return asTarget(slot && field ? (`child${slot}.${field}` as Target) : null);
  }
  if (group === 'placements') {
    const slot = built.origin.placements[index];
    const field = PLACEMENT_FIELD_OF[name];
    return asTarget(slot && field ? (`child${slot}.${field}` as Target) : null);
  }
  return asTarget(null);
}
