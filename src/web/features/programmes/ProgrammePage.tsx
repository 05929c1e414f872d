import { Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { PHASES } from '../../../domain/programme.js';
import type { Plan } from '../../../features/programmes/contract.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { Downloads } from './Downloads.js';
import { OwnMunicipality } from './OwnMunicipality.js';
import { People } from './People.js';
import { ProgrammeChoice } from './ProgrammeChoice.js';
import { useProgramme } from './use-programme.js';
import './programmes.css';

/** /program: the programme's plan, each municipality's phase and checklist, and its groups. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const programme = useProgramme();
  const id = programme.chosen?.id;
  const plan = useLoad<Plan>(id ? `/api/programmes/${id}` : null);
  const data = plan.data?.id === id ? plan.data : undefined;
  const phaseName = (phase: number) =>
    t('programmes.phaseName', { phase, name: t(`programmes.phases.${phase}`) });

  return (
    <Page title={t('programmes.title')} heading={data?.name ?? t('programmes.title')}>
      <Paragraph className="measure">{t('programmes.intro')}</Paragraph>
      <ErrorNotice error={programme.list.error ?? plan.error} />
      {programme.list.loading && !programme.list.data ? <Spinner aria-label={t('app.loading')} /> : null}
      {programme.list.data && programme.programmes.length === 0 ? (
        <Paragraph>{t('programmes.none')}</Paragraph>
      ) : null}
      <ProgrammeChoice programme={programme} />
      {data ? (
        <>
          <Notice kind="info">{t(`programmes.access.${data.access}`)}</Notice>
          <p>
            <Link asChild>
              <RouterLink to={`/program/stabilitet?program=${data.id}`}>
                {t('programmes.stabilityLink')}
              </RouterLink>
            </Link>
          </p>
          {data.access === 'coordinator' ? (
            <p>
              <Link asChild>
                <RouterLink to={`/program/kull?program=${data.id}`}>{t('programmes.cohortsLink')}</RouterLink>
              </Link>
            </p>
          ) : null}
          <section aria-labelledby="programme-members" className="stack">
            <Heading level={2} data-size="sm" id="programme-members">
              {t('programmes.membersTitle')}
            </Heading>
            <Paragraph data-size="sm">
              {t('programmes.membersSentence', { count: data.members.length })}
            </Paragraph>
            <Downloads base={`/api/programmes/${data.id}/members`} title={t('programmes.membersTitle')} />
            <ScrollTable label={t('programmes.membersTitle')}>
              <Table data-size="sm" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('programmes.columns.municipality')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('programmes.columns.phase')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('programmes.columns.checklist')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.members.map((m) => {
                    const items = PHASES.find((p) => p.phase === m.phase)?.items ?? [];
                    const done = items.filter((item) => m.done.includes(item));
                    return (
                      <Table.Row key={m.municipalityId}>
                        <Table.Cell>{m.name}</Table.Cell>
                        <Table.Cell>{phaseName(m.phase)}</Table.Cell>
                        <Table.Cell>
                          {t('programmes.itemsDone', { done: done.length, of: items.length })}
                          <ul className="programme-items">
                            {items.map((item) => (
                              <li key={item}>
                                <span aria-hidden="true">{m.done.includes(item) ? '✓ ' : '○ '}</span>
                                {t(`programmes.items.${item}`)}
                              </li>
                            ))}
                          </ul>
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table>
            </ScrollTable>
          </section>
          {data.ownMunicipality !== null ? <OwnMunicipality plan={data} onSaved={plan.load} /> : null}
          <section aria-labelledby="programme-phases" className="stack">
            <Heading level={2} data-size="sm" id="programme-phases">
              {t('programmes.phasesTitle')}
            </Heading>
            <ol className="programme-phases">
              {PHASES.map((p) => (
                <li key={p.phase}>
                  <strong>{t(`programmes.phases.${p.phase}`)}</strong>
                  <ul>
                    {p.items.map((item) => (
                      <li key={item}>{t(`programmes.items.${item}`)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
          <People plan={data} onChanged={plan.load} />
        </>
      ) : null}
    </Page>
  );
}
