import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserList } from '../../../features/users/contract.js';
import { queryString } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import type { AuditPage } from '../../shared/types.js';
import { useLoad } from '../../shared/use-load.js';
import { AuditTable } from './AuditTable.js';
import { SecurityEvents } from './SecurityEvents.js';

const AUDIT_PAGE_SIZE = 50;

interface AuditFilters {
  subject: string;
  actor: string;
  record: string;
  from: string;
  to: string;
}

const NO_FILTERS: AuditFilters = { subject: '', actor: '', record: '', from: '', to: '' };

/**
 * /admin/logg: who read or changed what, and when. The filters live in the page, not in its
 * address, so people's names do not end up in the browser history.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [dateError, setDateError] = useState<string>();
  const { data: result, error } = useLoad<AuditPage>(
    `/api/admin/audit${queryString({ ...filters, limit: AUDIT_PAGE_SIZE, offset })}`,
  );
  const users = useLoad<UserList>('/api/admin/users').data?.users;

  const set = (key: keyof AuditFilters) => (value: string) => setDraft({ ...draft, [key]: value });

  const search = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) return setDateError(t('audit.dateOrder'));
    setDateError(undefined);
    setOffset(0);
    setFilters({ ...draft, subject: draft.subject.trim(), record: draft.record.trim() });
  };

  const reset = () => {
    setDateError(undefined);
    setDraft(NO_FILTERS);
    setOffset(0);
    setFilters(NO_FILTERS);
  };

  return (
    <Page title={t('audit.title')}>
      <Paragraph className="measure">{t('audit.intro')}</Paragraph>
      <section aria-labelledby="audit-filters-heading" className="stack">
        <Heading level={2} data-size="sm" id="audit-filters-heading">
          {t('audit.filtersHeading')}
        </Heading>
        <form noValidate onSubmit={search} className="form">
          <div className="filter-grid">
            <Textfield
              label={t('audit.subject')}
              description={t('audit.subjectHint')}
              value={draft.subject}
              onChange={(event) => set('subject')(event.target.value)}
            />
            {users ? (
              <Field>
                <Label>{t('audit.actor')}</Label>
                <Field.Description>{t('audit.actorHint')}</Field.Description>
                <Select value={draft.actor} onChange={(event) => set('actor')(event.target.value)}>
                  <Select.Option value="">{t('audit.allUsers')}</Select.Option>
                  {users.map((user) => (
                    <Select.Option key={user.id} value={user.id}>
                      {user.firstName} {user.lastName}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            ) : (
              <Textfield
                label={t('audit.actorId')}
                description={t('audit.actorHint')}
                value={draft.actor}
                onChange={(event) => set('actor')(event.target.value)}
              />
            )}
            <Textfield
              label={t('audit.record')}
              value={draft.record}
              onChange={(event) => set('record')(event.target.value)}
            />
            <Textfield
              label={t('audit.from')}
              type="date"
              value={draft.from}
              onChange={(event) => set('from')(event.target.value)}
            />
            <Textfield
              label={t('audit.to')}
              type="date"
              value={draft.to}
              onChange={(event) => set('to')(event.target.value)}
              error={dateError}
            />
          </div>
          <div className="button-row">
            <Button type="submit">{t('audit.search')}</Button>
            <Button variant="secondary" onClick={reset}>
              {t('audit.reset')}
            </Button>
          </div>
        </form>
      </section>
      <section aria-labelledby="audit-results-heading" className="stack">
        <div className="results-header">
          <Heading level={2} data-size="sm" id="audit-results-heading">
            {t('audit.resultsHeading')}
          </Heading>
          <Link href={`/api/admin/audit.csv${queryString({ ...filters })}`} download>
            {t('audit.download')}
          </Link>
        </div>
        <ErrorNotice error={error} />
        {result ? (
          <AuditResults result={result} offset={offset} onOffset={setOffset} />
        ) : error ? null : (
          <Spinner aria-label={t('app.loading')} />
        )}
      </section>
      <SecurityEvents />
    </Page>
  );
}

function AuditResults({
  result,
  offset,
  onOffset,
}: {
  result: AuditPage;
  offset: number;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const { total, entries } = result;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.floor(offset / AUDIT_PAGE_SIZE) + 1;
  return (
    <>
      <Paragraph role="status">
        {total === 0
          ? t('audit.noResults')
          : t('audit.showing', { first: offset + 1, last: offset + entries.length, total })}
      </Paragraph>
      {entries.length ? <AuditTable entries={entries} /> : null}
      {pages > 1 ? (
        <nav aria-label={t('audit.paging')} className="pager">
          <Button
            variant="secondary"
            disabled={offset === 0}
            onClick={() => onOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}
          >
            {t('audit.previous')}
          </Button>
          <span>{t('audit.page', { page, pages })}</span>
          <Button
            variant="secondary"
            disabled={offset + AUDIT_PAGE_SIZE >= total}
            onClick={() => onOffset(offset + AUDIT_PAGE_SIZE)}
          >
            {t('audit.next')}
          </Button>
        </nav>
      ) : null}
    </>
  );
}
