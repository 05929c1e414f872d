import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  DEFAULT_FILTERS,
  exportPath,
  listPath,
  readFilters,
  writeFilters,
} from '../../src/web/features/registry/list-query.js';

/** The registry list (/register): its filters live in the address, its search text never does. */

describe('the registry list query', () => {
  it('keeps a plain /register plain: the defaults leave nothing in the address', () => {
    expect(writeFilters(DEFAULT_FILTERS).toString()).toBe('');
    expect(readFilters(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
  });

  it('brings the same filters back from the address (Back, Forward, a shared link)', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      kinds: ['foster' as const, 'emergency' as const],
      relation: 'care' as const,
      maxTravel: '30',
      language: 'en',
      archived: 'all' as const,
      sort: 'updated' as const,
      dir: 'asc' as const,
      page: 3,
    };
    const address = writeFilters(filters);
    expect(readFilters(new URLSearchParams(address.toString()))).toEqual(filters);
    expect(activeFilterCount(filters)).toBe(5);
  });

  it('asks the list and its downloads for households that never came, and keeps that in the address', () => {
    const filters = { ...DEFAULT_FILTERS, neverAttended: true };
    expect(writeFilters(filters).toString()).toBe('aldri-kommet=1');
    expect(readFilters(new URLSearchParams('aldri-kommet=1'))).toEqual(filters);
    expect(activeFilterCount(filters)).toBe(1);
    expect(listPath(filters, '')).toContain('neverAttended=true');
    expect(exportPath(filters, 'csv')).toContain('neverAttended=true');
    expect(listPath(DEFAULT_FILTERS, '')).not.toContain('neverAttended');
  });

  it('ignores what it does not know in an address, instead of failing', () => {
    const filters = readFilters(
      new URLSearchParams('type=dragon&ansvar=x&reisetid=17&sprak=EN!&arkiv=maybe&sorter=age&side=-2'),
    );
    expect(filters).toEqual(DEFAULT_FILTERS);
  });

  it('sends the search text to the API but never puts it in the address or a download link', () => {
    const filters = { ...DEFAULT_FILTERS, kinds: ['foster' as const], page: 2 };
    const path = listPath(filters, '  Nordmann ');
    expect(path).toContain('q=Nordmann');
    expect(path).toContain('kind=foster');
    expect(path).toContain('offset=50');
    expect(writeFilters(filters).toString()).not.toContain('Nordmann');
    const download = exportPath(filters, 'xlsx');
    expect(download.startsWith('/api/households.xlsx?')).toBe(true);
    expect(download).not.toContain('q=');
    expect(download).toContain('kind=foster');
  });

  it('sorts the newest change first unless told otherwise', () => {
    expect(readFilters(new URLSearchParams('sorter=updated')).dir).toBe('desc');
    expect(writeFilters({ ...DEFAULT_FILTERS, sort: 'updated', dir: 'desc' }).toString()).toBe(
      'sorter=updated',
    );
  });
});
