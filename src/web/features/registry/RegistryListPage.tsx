import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router-dom';
import type { HouseholdList } from '../../../features/registry/contract.js';
import { useUser } from '../../app/session.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';
import { formatNumber } from './format.js';
import { HouseholdCards, HouseholdTable } from './HouseholdTable.js';
import {
  DEFAULT_FILTERS,
  exportPath,
  type ListFilters,
  listPath,
  readFilters,
  writeFilters,
} from './list-query.js';
import { PAGE_SIZE } from './options.js';
import { RegistryFilters } from './RegistryFilters.js';
import { LIST_KEY, SEARCH_KEY, sessionStore } from './session-store.js';
import './registry.css';
import { useLoad } from '../../shared/use-load.js';

/** How long typing must pause before the list is searched. */
const SEARCH_DELAY_MS = 250;

/**
 * /register: every household of the municipality, searchable as you type. Filters, sorting and
 * page live in the address; the search text (names, phone numbers) only in this tab.
 */
export function RegistryListPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const canWrite = user.permissions.includes('registry:write');
  const narrow = useMediaQuery(NARROW);
  const location = useLocation();
  const [, setParams] = useSearchParams();
  // The filters answer at once (a checkbox must not blink while the router catches up); the
  // address follows, and wins when it changes by itself (Back, Forward, a shared link).
  const [filters, setFilters] = useState(() => readFilters(new URLSearchParams(location.search)));
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const [text, setText] = useState(() => sessionStore.get(SEARCH_KEY) ?? '');
  const [q, setQ] = useState(text.trim());
  const searched = useRef(q);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const path = listPath(filters, q);
  const { data: result, loading, error } = useLoad<HouseholdList>(path);

  useEffect(() => {
    sessionStore.set(LIST_KEY, location.search);
    const fromAddress = readFilters(new URLSearchParams(location.search));
    if (writeFilters(fromAddress).toString() !== writeFilters(filtersRef.current).toString())
      setFilters(fromAddress);
  }, [location.search]);

  /** A new filter or sort starts from page 1 and replaces the address; a new page adds to the history, for Back. */
  const changeFilters = useCallback(
    (next: Partial<ListFilters>, options: { keepPage?: boolean } = {}) => {
      const merged = { ...filtersRef.current, ...next };
      const changed = options.keepPage ? merged : { ...merged, page: next.page ?? 1 };
      filtersRef.current = changed;
      setFilters(changed);
      setParams(writeFilters(changed), { replace: !options.keepPage });
    },
    [setParams],
  );

  /** Searches for `value` from the first page; nothing happens when it is what the list shows. */
  const search = useCallback(
    (value: string) => {
      if (value.trim() === searched.current) return;
      searched.current = value.trim();
      setQ(value.trim());
      if (filtersRef.current.page > 1) changeFilters({ page: 1 });
    },
    [changeFilters],
  );

  // Searches as you type, once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => search(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, search]);

  const onType = (value: string) => {
    setText(value);
    sessionStore.set(SEARCH_KEY, value);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search(text);
  };

  const goToPage = (page: number) => {
    changeFilters({ page }, { keepPage: true });
    resultsHeading.current?.focus();
  };

  const reset = () => {
    onType('');
    searched.current = '';
    setQ('');
    changeFilters(DEFAULT_FILTERS);
  };

  const total = result?.total ?? 0;
  const shown = result?.households ?? [];
  const first = (filters.page - 1) * PAGE_SIZE + 1;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const searching =
    q.trim() !== '' || writeFilters({ ...filters, sort: 'name', dir: 'asc', page: 1 }).size > 0;
  const number = (value: number) => formatNumber(value, i18n.language);

  let status = '';
  if (result) {
    if (total === 0) status = searching ? t('registry.list.noMatches') : t('registry.list.empty');
    else if (shown.length === 0) status = t('registry.list.pastEnd');
    else
      status = t('registry.list.showing', {
        first: number(first),
        last: number(first + shown.length - 1),
        total: number(total),
      });
  }

  return (
    <Page title={t('registry.list.title')}>
      <Paragraph className="measure">{t('registry.list.intro')}</Paragraph>
      {(location.state as { notice?: string } | null)?.notice === 'erased' ? (
        <Notice>{t('registry.list.erased')}</Notice>
      ) : null}
      {canWrite ? (
        <div className="button-row">
          <Button asChild>
            <RouterLink to="/register/ny">{t('registry.list.new')}</RouterLink>
          </Button>
          <Button asChild variant="secondary">
            <RouterLink to="/register/import">{t('registry.list.import')}</RouterLink>
          </Button>
          <Button asChild variant="tertiary">
            <RouterLink to="/register/reisetider">{t('registry.list.travelTimes')}</RouterLink>
          </Button>
          <Button asChild variant="tertiary">
            <RouterLink to="/register/kurs">{t('courses.listLink')}</RouterLink>
          </Button>
        </div>
      ) : null}

      <div className="button-row">
        <Button asChild variant="tertiary">
          <a href={exportPath(filters, 'xlsx')} download>
            {t('registry.list.exportXlsx')}
          </a>
        </Button>
        <Button asChild variant="tertiary">
          <a href={exportPath(filters, 'csv')} download>
            {t('registry.list.exportCsv')}
          </a>
        </Button>
      </div>
      <Paragraph data-size="sm" className="measure">
        {t('registry.list.exportHint')}
      </Paragraph>

      <search className="registry-search">
        <form noValidate onSubmit={onSubmit} className="registry-search__form">
          <Textfield
            type="search"
            label={t('registry.list.search')}
            description={t('registry.list.searchHint')}
            value={text}
            onChange={(event) => onType(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="registry-search__field"
          />
          <Button type="submit" variant="secondary">
            {t('registry.list.searchButton')}
          </Button>
        </form>
      </search>

      <RegistryFilters filters={filters} narrow={narrow} onChange={changeFilters} onReset={reset} />

      <section aria-labelledby="registry-results-heading" className="stack">
        <Heading
          level={2}
          data-size="sm"
          id="registry-results-heading"
          ref={resultsHeading}
          tabIndex={-1}
          className="registry-results__heading"
        >
          {t('registry.list.resultsHeading')}
        </Heading>
        <Paragraph role="status" className="registry-results__status">
          {status}
        </Paragraph>
        <ErrorNotice error={error} />
        {!result && loading && !error ? <Spinner aria-label={t('app.loading')} /> : null}
        {shown.length ? (
          <div aria-busy={loading} className="registry-results__list">
            {narrow ? (
              <HouseholdCards households={shown} filters={filters} onSort={changeFilters} />
            ) : (
              <HouseholdTable households={shown} filters={filters} onSort={changeFilters} />
            )}
          </div>
        ) : null}
        {result && total === 0 && searching ? (
          <div>
            <Button variant="secondary" onClick={reset}>
              {t('registry.list.reset')}
            </Button>
          </div>
        ) : null}
        {pages > 1 || filters.page > 1 ? (
          <nav aria-label={t('registry.list.paging')} className="pager">
            <Button
              variant="secondary"
              disabled={filters.page <= 1}
              onClick={() => goToPage(Math.min(filters.page - 1, pages))}
            >
              {t('registry.list.previous')}
            </Button>
            <span>{t('registry.list.page', { page: number(filters.page), pages: number(pages) })}</span>
            <Button
              variant="secondary"
              disabled={filters.page >= pages}
              onClick={() => goToPage(filters.page + 1)}
            >
              {t('registry.list.next')}
            </Button>
          </nav>
        ) : null}
      </section>
    </Page>
  );
}
