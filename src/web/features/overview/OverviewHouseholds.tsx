import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { OverviewHousehold } from '../../../features/overview/contract.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';
import { ANSWER_COLOR, answerOf, persons } from './answers.js';

/** Each household with its answer; a table on a wide screen, cards on a phone. */
export function Households({
  households,
  closed,
  onNote,
}: {
  households: OverviewHousehold[];
  closed: boolean;
  onNote: (household: OverviewHousehold) => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(NARROW);
  const name = (h: OverviewHousehold) => h.name || t('registry.noName');
  if (households.length === 0) return <Paragraph>{t('cafe.overview.event.noneMatch')}</Paragraph>;

  const answer = (h: OverviewHousehold) => {
    const a = answerOf(h);
    return (
      <span className="overview-tags">
        <Tag data-size="sm" data-color={ANSWER_COLOR[a]}>
          {t(`cafe.overview.event.answers.${a}`, { place: h.place })}
        </Tag>
        {h.firstTime ? (
          <Tag data-size="sm" data-color="accent">
            {t('cafe.overview.event.firstTime')}
          </Tag>
        ) : null}
        {h.answeredBy === 'team' ? (
          <span className="overview-hint">{t('cafe.overview.event.byTeam')}</span>
        ) : null}
      </span>
    );
  };
  const people = (h: OverviewHousehold) => (h.response === 'coming' ? persons(t, h.adults, h.children) : '');
  const food = (h: OverviewHousehold) =>
    [...h.diet.map((d) => t(`my.diets.${d}`)), h.dietNote].filter(Boolean).join(', ');
  const note = (h: OverviewHousehold) =>
    closed ? null : (
      <Button
        variant="secondary"
        data-size="sm"
        className="overview-note"
        onClick={() => onNote(h)}
        aria-label={t('cafe.overview.event.noteFor', { name: name(h) })}
      >
        {t('cafe.overview.event.note')}
      </Button>
    );

  if (narrow)
    return (
      <ul className="cafe-audience-cards" aria-label={t('cafe.overview.event.householdTable')}>
        {households.map((h) => (
          <li key={h.id} className="cafe-audience-card">
            <strong>{name(h)}</strong>
            {answer(h)}
            {people(h) ? <span>{people(h)}</span> : null}
            {food(h) ? <span>{t('cafe.overview.event.foodIs', { food: food(h) })}</span> : null}
            {h.comment ? <span className="overview-comment">«{h.comment}»</span> : null}
            <div>{note(h)}</div>
          </li>
        ))}
      </ul>
    );

  return (
    <ScrollTable label={t('cafe.overview.event.householdTable')}>
      <Table zebra className="data-table overview-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('cafe.overview.event.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.overview.event.columns.answer')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.overview.event.columns.persons')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.overview.event.columns.diet')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.overview.event.columns.comment')}</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="visually-hidden">{t('cafe.overview.event.columns.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {households.map((h) => (
            <Table.Row key={h.id}>
              <Table.HeaderCell scope="row">{name(h)}</Table.HeaderCell>
              <Table.Cell>{answer(h)}</Table.Cell>
              <Table.Cell>{people(h)}</Table.Cell>
              <Table.Cell>{food(h)}</Table.Cell>
              <Table.Cell className="overview-comment">{h.comment ?? ''}</Table.Cell>
              <Table.Cell>{note(h)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}
