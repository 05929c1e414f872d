import { HOUSEHOLD_KINDS, type HouseholdKind, RELATIONS, type Relation } from '../../../domain/household.js';
import { queryString } from '../../shared/api.js';
import { PAGE_SIZE, TRAVEL_LIMITS } from './options.js';
import { ARCHIVED, type ArchivedFilter, SORTS, type Sort } from './types.js';

export type Direction = 'asc' | 'desc';

/**
 * What the list shows, apart from the search text: kept in the address (`?type=foster&side=2`)
 * so Back works and a link can be shared. Never names: the search text stays out of it.
 */
export interface ListFilters {
  kinds: HouseholdKind[];
  relation: Relation | '';
  maxTravel: string;
  language: string;
  /** Only households that have never come to a café (checked in as present). */
  neverAttended: boolean;
  archived: ArchivedFilter;
  sort: Sort;
  dir: Direction;
  page: number;
}

export const DEFAULT_FILTERS: ListFilters = {
  kinds: [],
  relation: '',
  maxTravel: '',
  language: '',
  neverAttended: false,
  archived: 'false',
  sort: 'name',
  dir: 'asc',
  page: 1,
};

/** The newest change first; everything else from A or the shortest. */
export const defaultDirection = (sort: Sort): Direction => (sort === 'updated' ? 'desc' : 'asc');

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** The filters in an address, with anything unknown or malformed left at its default. */
export function readFilters(params: URLSearchParams): ListFilters {
  const sort = oneOf(SORTS, params.get('sorter')) ?? DEFAULT_FILTERS.sort;
  const travel = params.get('reisetid') ?? '';
  const page = Number(params.get('side'));
  return {
    kinds: HOUSEHOLD_KINDS.filter((kind) => params.getAll('type').includes(kind)),
    relation: oneOf(RELATIONS, params.get('ansvar')) ?? '',
    maxTravel: (TRAVEL_LIMITS as readonly number[]).includes(Number(travel)) ? travel : '',
    language: /^[a-z]{2,3}$/.test(params.get('sprak') ?? '') ? (params.get('sprak') ?? '') : '',
    neverAttended: params.get('aldri-kommet') === '1',
    archived: oneOf(ARCHIVED, params.get('arkiv')) ?? DEFAULT_FILTERS.archived,
    sort,
    dir: oneOf(['asc', 'desc'] as const, params.get('retning')) ?? defaultDirection(sort),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address for the filters; defaults are left out, so a plain /register stays plain. */
export function writeFilters(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const kind of filters.kinds) params.append('type', kind);
  if (filters.relation) params.set('ansvar', filters.relation);
  if (filters.maxTravel) params.set('reisetid', filters.maxTravel);
  if (filters.language) params.set('sprak', filters.language);
  if (filters.neverAttended) params.set('aldri-kommet', '1');
  if (filters.archived !== DEFAULT_FILTERS.archived) params.set('arkiv', filters.archived);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sorter', filters.sort);
  if (filters.dir !== defaultDirection(filters.sort)) params.set('retning', filters.dir);
  if (filters.page > 1) params.set('side', String(filters.page));
  return params;
}

/** How many filters narrow the list (the search text and sorting not counted). */
export function activeFilterCount(filters: ListFilters): number {
  return (
    (filters.kinds.length ? 1 : 0) +
    (filters.relation ? 1 : 0) +
    (filters.maxTravel ? 1 : 0) +
    (filters.language ? 1 : 0) +
    (filters.neverAttended ? 1 : 0) +
    (filters.archived !== DEFAULT_FILTERS.archived ? 1 : 0)
  );
}

/** GET /api/households?… for the filters and the search text. */
export function listPath(filters: ListFilters, q: string): string {
  const query = queryString({
    q: q.trim(),
    relation: filters.relation,
    language: filters.language,
    maxTravel: filters.maxTravel,
    neverAttended: filters.neverAttended ? 'true' : undefined,
    archived: filters.archived,
    sort: filters.sort,
    dir: filters.dir,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  });
  const kinds = filters.kinds.map((kind) => `kind=${encodeURIComponent(kind)}`).join('&');
  if (!kinds) return `/api/households${query}`;
  return `/api/households${query ? `${query}&` : '?'}${kinds}`;
}

/**
 * GET /api/households.xlsx|csv for the filters. The search text is left out on purpose: a name
 * in a download address would end up in browser history and proxy logs.
 */
export function exportPath(filters: ListFilters, format: 'xlsx' | 'csv'): string {
  const query = queryString({
    relation: filters.relation,
    language: filters.language,
    maxTravel: filters.maxTravel,
    neverAttended: filters.neverAttended ? 'true' : undefined,
    archived: filters.archived,
    sort: filters.sort,
    dir: filters.dir,
  });
  const kinds = filters.kinds.map((kind) => `kind=${encodeURIComponent(kind)}`).join('&');
  const path = `/api/households.${format}`;
  if (!kinds) return `${path}${query}`;
  return `${path}${query ? `${query}&` : '?'}${kinds}`;
}
