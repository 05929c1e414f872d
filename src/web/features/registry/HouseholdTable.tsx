import { Card, Field, Heading, Label, Link, Select, Table, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import type { AriaAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { HouseholdSummary } from '../../../features/registry/contract.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { formatDay } from './format.js';
import { type Direction, defaultDirection, type ListFilters } from './list-query.js';
import { SORTS, type Sort } from './types.js';

interface HouseholdListProps {
  households: HouseholdSummary[];
  filters: ListFilters;
  onSort: (change: Partial<ListFilters>) => void;
}

const EMPTY = '–';

/** Wide screens: one row per household, sortable by name, kind, travel time and last change. */
export function HouseholdTable({ households, filters, onSort }: HouseholdListProps) {
  const { t, i18n } = useTranslation();
  const sortOf = (column: Sort): AriaAttributes['aria-sort'] =>
    filters.sort === column ? (filters.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const sortBy = (column: Sort) =>
    onSort({
      sort: column,
      dir: filters.sort === column ? (filters.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(column),
    });
  const header = (column: Sort, label: string) => (
    <Table.HeaderCell sort={sortOf(column)} onClick={() => sortBy(column)}>
      {label}
    </Table.HeaderCell>
  );

  return (
    <ScrollTable label={t('registry.list.tableLabel')}>
      <Table zebra className="data-table registry-table">
        <Table.Head>
          <Table.Row>
            {header('name', t('registry.list.name'))}
            {header('kind', t('registry.list.kind'))}
            <Table.HeaderCell>{t('registry.list.relation')}</Table.HeaderCell>
            <Table.HeaderCell>{t('registry.list.place')}</Table.HeaderCell>
            {header('travel', t('registry.list.travel'))}
            <Table.HeaderCell>{t('registry.list.children')}</Table.HeaderCell>
            <Table.HeaderCell>{t('registry.list.languages')}</Table.HeaderCell>
            {header('updated', t('registry.list.updated'))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {households.map((household) => (
            <Table.Row key={household.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/register/${household.id}`}>
                    {household.name || t('registry.noName')}
                  </RouterLink>
                </Link>
                {household.archived ? (
                  <>
                    {' '}
                    <Tag data-color="neutral" data-size="sm">
                      {t('registry.archivedTag')}
                    </Tag>
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>{t(`registry.kinds.${household.kind}`)}</Table.Cell>
              <Table.Cell>{t(`registry.relationsShort.${household.relation}`)}</Table.Cell>
              <Table.Cell className="nowrap">{place(household) || EMPTY}</Table.Cell>
              <Table.Cell className="nowrap">
                {household.travelMinutes === null
                  ? EMPTY
                  : t('registry.minutes', { minutes: household.travelMinutes })}
              </Table.Cell>
              <Table.Cell>{household.childrenCount}</Table.Cell>
              <Table.Cell>{languages(household, t) || EMPTY}</Table.Cell>
              <Table.Cell className="nowrap">{formatDay(household.updatedAt, i18n.language)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}

/** Phones: one card per household, with a sort choice above instead of column headers. */
export function HouseholdCards({ households, filters, onSort }: HouseholdListProps) {
  const { t, i18n } = useTranslation();
  const value = `${filters.sort}:${filters.dir}`;
  return (
    <>
      <Field className="registry-cards__sort">
        <Label>{t('registry.list.sortLabel')}</Label>
        <Select
          value={value}
          onChange={(event) => {
            const [sort, dir] = event.target.value.split(':') as [Sort, Direction];
            onSort({ sort, dir });
          }}
        >
          {SORTS.flatMap((sort) =>
            (['asc', 'desc'] as const).map((dir) => (
              <Select.Option key={`${sort}:${dir}`} value={`${sort}:${dir}`}>
                {t(`registry.list.sortOptions.${sort}_${dir}`)}
              </Select.Option>
            )),
          )}
        </Select>
      </Field>
      <ul className="registry-cards" aria-label={t('registry.list.tableLabel')}>
        {households.map((household) => (
          <li key={household.id}>
            <Card data-color="neutral" className="registry-card">
              <Heading level={3} data-size="2xs">
                <Link asChild>
                  <RouterLink to={`/register/${household.id}`}>
                    {household.name || t('registry.noName')}
                  </RouterLink>
                </Link>
              </Heading>
              <p className="registry-card__tags">
                <Tag data-size="sm" data-color="accent">
                  {t(`registry.kinds.${household.kind}`)}
                </Tag>
                <Tag data-size="sm" data-color="neutral">
                  {t(`registry.relationsShort.${household.relation}`)}
                </Tag>
                {household.archived ? (
                  <Tag data-size="sm" data-color="warning">
                    {t('registry.archivedTag')}
                  </Tag>
                ) : null}
              </p>
              <dl className="registry-card__facts">
                <div>
                  <dt>{t('registry.list.place')}</dt>
                  <dd>{place(household) || EMPTY}</dd>
                </div>
                <div>
                  <dt>{t('registry.list.travel')}</dt>
                  <dd>
                    {household.travelMinutes === null
                      ? EMPTY
                      : t('registry.minutes', { minutes: household.travelMinutes })}
                  </dd>
                </div>
                <div>
                  <dt>{t('registry.list.children')}</dt>
                  <dd>{household.childrenCount}</dd>
                </div>
                <div>
                  <dt>{t('registry.list.languages')}</dt>
                  <dd>{languages(household, t) || EMPTY}</dd>
                </div>
                <div>
                  <dt>{t('registry.list.updated')}</dt>
                  <dd>{formatDay(household.updatedAt, i18n.language)}</dd>
                </div>
              </dl>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}

const place = (household: HouseholdSummary) =>
  [household.postcode, household.place].filter(Boolean).join(' ');

const languages = (household: HouseholdSummary, t: TFunction) =>
  household.languages.map((code) => t(`registry.languages.${code}`, { defaultValue: code })).join(', ');
