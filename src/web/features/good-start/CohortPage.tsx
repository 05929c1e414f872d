import { Button, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { CohortView } from '../../../features/good-start/contract.js';
import { api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { JointCohort, OtherMunicipalities } from './JointCohort.js';
import { SessionsVenue } from './SessionsVenue.js';
import './good-start.css';

type Session = CohortView['sessions'][number];

/**
 * /god-start/:cohortId: the six sessions (each an event: audience, sending, overview and check-in
 * are the café's pages), the contact persons and their training, attendance per household and
 * session, and «Tilbys neste kull» for those who missed one.
 */
export function CohortPage() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const { data, error, loading, setData } = useLoad<CohortView>(`/api/cohorts/${cohortId}`);
  const [changeError, setChangeError] = useState<unknown>();

  const change = async (work: () => Promise<CohortView>) => {
    setChangeError(undefined);
    try {
      setData(await work());
    } catch (caught) {
      setChangeError(caught);
    }
  };

  return (
    <Page title={data?.name ?? t('goodStart.title')}>
      <ErrorNotice error={error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          {data.programme ? (
            <Paragraph>{t('goodStart.inProgramme', { programme: data.programme.name })}</Paragraph>
          ) : null}
          <div className="button-row">
            <Button asChild variant="secondary">
              <RouterLink to={`/god-start/${data.id}/evaluering`}>{t('evaluation.link')}</RouterLink>
            </Button>
          </div>
          <Sessions sessions={data.sessions} />
          <SessionsVenue
            cohort={data}
            onSetVenue={(venueId) =>
              change(() => api.put<CohortView>(`/api/cohorts/${data.id}/venue`, { venueId }))
            }
          />
          <Leaders leaders={data.leaders} />
          <JointCohort
            cohort={data}
            onAddPartner={(municipalityId) =>
              change(() => api.post<CohortView>(`/api/cohorts/${data.id}/partners`, { municipalityId }))
            }
            onAddMember={(householdId) =>
              change(() => api.post<CohortView>(`/api/cohorts/${data.id}/members`, { householdId }))
            }
          />
          <ErrorNotice error={changeError} />
          <AttendanceGrid
            cohort={data}
            onTap={(eventId, householdId, present) =>
              change(async () => {
                await api.post(`/api/events/${eventId}/attendance`, {
                  tapId: crypto.randomUUID(),
                  householdId,
                  present,
                  tappedAt: new Date().toISOString(),
                });
                return api.get<CohortView>(`/api/cohorts/${data.id}`);
              })
            }
            onPartnerTap={(householdId, theme, present) =>
              change(() =>
                api.put<CohortView>(`/api/cohorts/${data.id}/partner-attendance`, {
                  householdId,
                  theme,
                  present,
                  tapId: crypto.randomUUID(),
                  tappedAt: new Date().toISOString(),
                }),
              )
            }
          />
          <OtherMunicipalities cohort={data} />
          <Offers
            cohort={data}
            onOffer={(householdId, eventId) =>
              change(() => api.post<CohortView>(`/api/cohorts/${data.id}/offers`, { householdId, eventId }))
            }
          />
        </>
      ) : null}
    </Page>
  );
}

function Sessions({ sessions }: { sessions: Session[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="sessions-heading" className="stack">
      <Heading level={2} data-size="sm" id="sessions-heading">
        {t('goodStart.sessions')}
      </Heading>
      <ol className="good-start-sessions">
        {sessions.map((s) => (
          <li key={s.eventId}>
            <strong>{t(`goodStart.themes.${s.theme}`)}</strong>{' '}
            <span>
              {shortDate(s.date, i18n.language)} {s.startTime}
              {s.venue ? `, ${s.venue}` : ''}
            </span>{' '}
            {s.status === 'cancelled' ? (
              <Tag data-size="sm" data-color="warning">
                {t('goodStart.cancelled')}
              </Tag>
            ) : s.held ? (
              <Tag data-size="sm" data-color="success">
                {t('goodStart.heldCount', { count: s.present })}
              </Tag>
            ) : (
              <Tag data-size="sm" data-color="info">
                {t('goodStart.planned')}
              </Tag>
            )}
            <ul className="good-start-sessions__links" aria-label={t(`goodStart.themes.${s.theme}`)}>
              {(['mottakere', 'utsending', 'oversikt', 'innsjekk'] as const).map((page) => (
                <li key={page}>
                  <Link asChild>
                    <RouterLink to={`/kafe/${s.eventId}/${page}`}>
                      {t(`goodStart.eventPages.${page}`)}
                    </RouterLink>
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Leaders({ leaders }: { leaders: CohortView['leaders'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="leaders-heading" className="stack">
      <Heading level={2} data-size="sm" id="leaders-heading">
        {t('goodStart.leaders')}
      </Heading>
      {leaders.length === 0 ? <Paragraph>{t('goodStart.noLeaders')}</Paragraph> : null}
      <ul>
        {leaders.map((l) => (
          <li key={l.userId}>
            {l.name}{' '}
            <Tag data-size="sm" data-color={l.trained ? 'success' : 'warning'}>
              {l.trained ? t('goodStart.trained') : t('goodStart.untrained')}
            </Tag>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Households down, sessions across: a checkbox per held session (a tap of the check-in), a dash for those to come. */
function AttendanceGrid({
  cohort,
  onTap,
  onPartnerTap,
}: {
  cohort: CohortView;
  onTap: (eventId: string, householdId: string, present: boolean) => void;
  /** the host's tap for a partner municipality's household (shown by first names and municipality) */
  onPartnerTap: (householdId: string, theme: number, present: boolean) => void;
}) {
  const { t } = useTranslation();
  const held = new Set(cohort.sessions.filter((s) => s.held).map((s) => s.eventId));
  return (
    <section aria-labelledby="attendance-heading" className="stack">
      <Heading level={2} data-size="sm" id="attendance-heading">
        {t('goodStart.attendance')}
      </Heading>
      <Paragraph data-size="sm">{t('goodStart.attendanceHint')}</Paragraph>
      {cohort.members.length + cohort.partnerHouseholds.length === 0 ? (
        <Paragraph>{t('goodStart.noMembers')}</Paragraph>
      ) : null}
      {cohort.members.length + cohort.partnerHouseholds.length > 0 ? (
        <ScrollTable label={t('goodStart.attendance')}>
          <Table data-size="sm" className="good-start-grid">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('goodStart.columns.household')}</Table.HeaderCell>
                {cohort.sessions.map((s) => (
                  <Table.HeaderCell key={s.eventId} title={t(`goodStart.themes.${s.theme}`)}>
                    {t('goodStart.sessionShort', { theme: s.theme })}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cohort.members.map((m) => (
                <Table.Row key={m.householdId}>
                  <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
                  {m.attendance.map((a, i) => {
                    const theme = cohort.sessions[i]?.theme ?? i + 1;
                    const label = t('goodStart.presentAt', { name: m.name, theme });
                    return (
                      <Table.Cell key={a.eventId}>
                        {held.has(a.eventId) ? (
                          <input
                            type="checkbox"
                            aria-label={label}
                            checked={a.mark === 'present'}
                            onChange={(e) => onTap(a.eventId, m.householdId, e.target.checked)}
                          />
                        ) : (
                          <span title={t('goodStart.notYet')}>
                            <span aria-hidden="true">–</span>
                            <span className="good-start-sr">{t('goodStart.notYet')}</span>
                          </span>
                        )}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
              {cohort.partnerHouseholds.map((h) => {
                const name = t('goodStart.partnerHouseholdName', {
                  names: h.firstNames.join(', '),
                  municipality: h.municipality,
                });
                return (
                  <Table.Row key={h.householdId}>
                    <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
                    {h.attendance.map((a) => (
                      <Table.Cell key={a.theme}>
                        {a.mark === null ? (
                          <span title={t('goodStart.notYet')}>
                            <span aria-hidden="true">–</span>
                            <span className="good-start-sr">{t('goodStart.notYet')}</span>
                          </span>
                        ) : (
                          <input
                            type="checkbox"
                            aria-label={t('goodStart.presentAt', { name, theme: a.theme })}
                            checked={a.mark === 'present'}
                            onChange={(e) => onPartnerTap(h.householdId, a.theme, e.target.checked)}
                          />
                        )}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </ScrollTable>
      ) : null}
    </section>
  );
}

function Offers({
  cohort,
  onOffer,
}: {
  cohort: CohortView;
  onOffer: (householdId: string, eventId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="offers-heading" className="stack">
      <Heading level={2} data-size="sm" id="offers-heading">
        {t('goodStart.offers')}
      </Heading>
      <Paragraph data-size="sm">{t('goodStart.offersHint')}</Paragraph>
      {cohort.offers.length === 0 ? <Paragraph>{t('goodStart.noOffers')}</Paragraph> : null}
      <ul className="good-start-sessions">
        {cohort.offers.map((o) => (
          <li key={`${o.householdId}-${o.eventId}`}>
            {t('goodStart.offer', {
              name: o.name,
              theme: t(`goodStart.themes.${o.theme}`),
              cohort: o.cohortName,
              date: shortDate(o.date, i18n.language),
            })}{' '}
            {o.added ? (
              <Tag data-size="sm" data-color="success">
                {t('goodStart.offered')}
              </Tag>
            ) : (
              <Button data-size="sm" variant="secondary" onClick={() => onOffer(o.householdId, o.eventId)}>
                {t('goodStart.offerButton', { name: o.name })}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
