import { Button, Card, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { HouseholdHistory, HouseholdView } from '../../../features/registry/contract.js';
import { useUser } from '../../app/session.js';
import { Address } from '../../shared/Address.js';
import { ApiError, api } from '../../shared/api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { shortDate } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { HouseholdCourses } from '../courses/HouseholdCourses.js';
import { ageOn, childName, formatPhone, householdName } from './format.js';
import { HistoryList } from './HistoryList.js';
import { LIST_KEY, sessionStore } from './session-store.js';
import './registry.css';
import { useLoad } from '../../shared/use-load.js';

type NoticeKey = 'created' | 'saved' | 'archived' | 'unarchived';

/** /register/:householdId — everything about one household, and what has changed. */
export function HouseholdPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const canWrite = user.permissions.includes('registry:write');
  // Access requests and erasure are the team leader's decisions (docs/registry-api.md).
  const canDecide = user.permissions.includes('approvals:decide');
  const { householdId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<NoticeKey | undefined>(
    () => (location.state as { notice?: NoticeKey } | null)?.notice,
  );
  const [confirming, setConfirming] = useState<'archive' | 'erase'>();
  const [busy, setBusy] = useState(false);
  const path = `/api/households/${encodeURIComponent(householdId)}`;
  const { data: household, error, setData: setHousehold } = useLoad<HouseholdView>(path);
  // Read on arrival and again after every change, so the newest entry shows at once.
  const {
    data: historyAnswer,
    error: historyError,
    load: loadHistory,
  } = useLoad<HouseholdHistory>(`${path}/history`);
  const history = historyAnswer?.entries;

  // The «saved» notice belongs to this visit: a reload or Back should not show it again.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  if (isMissing(error)) return <HouseholdMissing />;
  if (!household) {
    return (
      <Page title={t('registry.household.loading')}>
        <BackLink />
        <ErrorNotice error={error} />
        {error ? null : <Spinner aria-label={t('app.loading')} />}
      </Page>
    );
  }

  const name = householdName(household.adults, t('registry.and')) || t('registry.noName');
  const archived = household.archivedAt !== null;

  const changed = (saved: HouseholdView, key: NoticeKey) => {
    setHousehold(saved);
    setActionError(undefined);
    setNotice(key);
    loadHistory();
  };

  const unarchive = async () => {
    if (busy) return;
    setBusy(true);
    setNotice(undefined);
    try {
      changed(await api.post<HouseholdView>(`${path}/unarchive`), 'unarchived');
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={name}
      heading={
        <>
          {name}
          {archived ? (
            <>
              {' '}
              <Tag data-color="warning" className="registry-heading-tag">
                {t('registry.archivedTag')}
              </Tag>
            </>
          ) : null}
        </>
      }
    >
      <BackLink />
      {notice ? <Notice>{t(`registry.household.notices.${notice}`)}</Notice> : null}
      <ErrorNotice error={actionError} />
      {archived && household.archivedAt ? (
        <Paragraph className="measure">
          {t('registry.household.archivedOn', { date: formatDateTime(household.archivedAt, i18n.language) })}
        </Paragraph>
      ) : null}
      {canWrite ? (
        <div className="button-row">
          <Button asChild>
            <RouterLink to={`/register/${household.id}/rediger`}>{t('registry.household.edit')}</RouterLink>
          </Button>
          {archived ? (
            <Button variant="secondary" onClick={unarchive} loading={busy} aria-disabled={busy || undefined}>
              {t('registry.household.unarchive')}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming('archive')}>
              {t('registry.household.archive')}
            </Button>
          )}
        </div>
      ) : null}
      {canDecide ? (
        <div className="button-row">
          <Button asChild variant="tertiary">
            <a href={`${path}/export`} download>
              {t('registry.household.exportData')}
            </a>
          </Button>
          {archived ? (
            <Button variant="tertiary" data-color="danger" onClick={() => setConfirming('erase')}>
              {t('registry.household.erase')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="household-facts-heading" className="stack">
        <Heading level={2} data-size="sm" id="household-facts-heading">
          {t('registry.household.aboutHeading')}
        </Heading>
        <dl className="registry-facts">
          <Fact term={t('registry.household.kind')}>{t(`registry.kinds.${household.kind}`)}</Fact>
          <Fact term={t('registry.household.relation')}>{t(`registry.relations.${household.relation}`)}</Fact>
          <Fact term={t('registry.household.address')}>
            <Address address={household.address} empty={t('registry.household.notGiven')} />
          </Fact>
          <Fact term={t('registry.household.travel')}>
            {household.travelMinutes === null
              ? t('registry.household.travelUnknown')
              : household.travelSource === 'postcode_table'
                ? t('registry.household.travelFromTable', { minutes: household.travelMinutes })
                : t('registry.minutes', { minutes: household.travelMinutes })}
          </Fact>
          {household.externalRef ? (
            <Fact term={t('registry.household.externalRef')}>{household.externalRef}</Fact>
          ) : null}
          <Fact term={t('registry.household.updated')}>
            {formatDateTime(household.updatedAt, i18n.language)}
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="household-adults-heading" className="stack">
        <Heading level={2} data-size="sm" id="household-adults-heading">
          {t('registry.household.adultsHeading')}
        </Heading>
        <ul className="registry-people">
          {household.adults.map((adult) => (
            <li key={adult.id}>
              <Card data-color="neutral" className="registry-person">
                <Heading level={3} data-size="xs">
                  {adult.firstName} {adult.lastName}
                </Heading>
                <dl className="registry-facts registry-facts--compact">
                  <Fact term={t('registry.form.email')}>
                    {adult.email ? (
                      <Link href={`mailto:${adult.email}`}>{adult.email}</Link>
                    ) : (
                      t('registry.household.notGiven')
                    )}
                  </Fact>
                  <Fact term={t('registry.form.mobile')}>
                    {adult.mobile ? (
                      <Link href={`tel:${adult.mobile}`}>{formatPhone(adult.mobile)}</Link>
                    ) : (
                      t('registry.household.notGiven')
                    )}
                  </Fact>
                  <Fact term={t('registry.form.language')}>
                    {t(`registry.languages.${adult.preferredLanguage}`, {
                      defaultValue: adult.preferredLanguage,
                    })}
                  </Fact>
                  <Fact term={t('registry.form.channels')}>
                    {adult.preferredChannels.length
                      ? adult.preferredChannels.map((channel) => t(`registry.channels.${channel}`)).join(', ')
                      : t('registry.household.notGiven')}
                  </Fact>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="household-children-heading" className="stack">
        <Heading level={2} data-size="sm" id="household-children-heading">
          {t('registry.household.childrenHeading')}
        </Heading>
        {household.children.length ? (
          <ul className="registry-list">
            {household.children.map((child) => {
              const age = ageOn(child.birthDate);
              const born = shortDate(child.birthDate, i18n.language);
              // Unnamed («Barn, født 03.04.2012»): the name already says the birth date.
              const details = child.firstName
                ? age === undefined
                  ? born
                  : t('registry.household.childAge', { count: age, date: born })
                : age === undefined
                  ? null
                  : t('registry.household.childYears', { count: age });
              return (
                <li key={child.id}>
                  <strong>{childName(child, t, i18n.language)}</strong>
                  {details ? `, ${details}` : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <Paragraph>{t('registry.household.noChildren')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="household-placements-heading" className="stack">
        <Heading level={2} data-size="sm" id="household-placements-heading">
          {t('registry.household.placementsHeading')}
        </Heading>
        {household.placements.length ? (
          <ul className="registry-list">
            {household.placements.map((placement) => {
              const child = household.children.find((candidate) => candidate.id === placement.childId);
              return (
                <li key={placement.id}>
                  <strong>
                    {child ? childName(child, t, i18n.language) : t('registry.household.unknownChild')}
                  </strong>
                  {': '}
                  {placement.endDate
                    ? t('registry.household.period', {
                        start: shortDate(placement.startDate, i18n.language),
                        end: shortDate(placement.endDate, i18n.language),
                      })
                    : t('registry.household.ongoing', {
                        start: shortDate(placement.startDate, i18n.language),
                      })}
                  {placement.endReason ? (
                    <>
                      {' '}
                      <Tag
                        data-size="sm"
                        data-color={placement.endReason === 'unplanned' ? 'warning' : 'neutral'}
                      >
                        {t(`registry.endReasons.${placement.endReason}`)}
                      </Tag>
                    </>
                  ) : null}
                  {placement.careMunicipality ? (
                    <span className="registry-list__extra">
                      {t('registry.household.careMunicipality', { municipality: placement.careMunicipality })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <Paragraph>{t('registry.household.noPlacements')}</Paragraph>
        )}
      </section>

      <HouseholdCourses householdId={household.id} canWrite={canWrite} canDecide={canDecide} />

      <section aria-labelledby="household-history-heading" className="stack">
        <Heading level={2} data-size="sm" id="household-history-heading">
          {t('registry.history.heading')}
        </Heading>
        <ErrorNotice error={historyError} />
        {history ? (
          <HistoryList entries={history} />
        ) : historyError ? null : (
          <Spinner aria-label={t('app.loading')} />
        )}
      </section>

      {confirming === 'archive' ? (
        <ConfirmDialog
          title={t('registry.household.archiveTitle', { name })}
          body={t('registry.household.archiveBody')}
          confirmLabel={t('registry.household.archiveConfirm')}
          onClose={() => setConfirming(undefined)}
          onConfirm={async () => {
            const saved = await api.post<HouseholdView>(`${path}/archive`);
            setConfirming(undefined);
            changed(saved, 'archived');
          }}
        />
      ) : null}
      {confirming === 'erase' ? (
        <ConfirmDialog
          title={t('registry.household.eraseTitle', { name })}
          body={t('registry.household.eraseBody')}
          confirmLabel={t('registry.household.eraseConfirm')}
          onClose={() => setConfirming(undefined)}
          onConfirm={async () => {
            await api.post(`${path}/erase`);
            navigate('/register', { state: { notice: 'erased' } });
          }}
        />
      ) : null}
    </Page>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="registry-facts__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Back to the list as it was left: same filters, same page. */
function BackLink() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={`/register${sessionStore.get(LIST_KEY) ?? ''}`}>
          {t('registry.household.back')}
        </RouterLink>
      </Link>
    </Paragraph>
  );
}

/** Whether loading a household failed because there is none by that id (or the id is no id). */
export const isMissing = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

/** An id that is not (or no longer) a household of this municipality. */
export function HouseholdMissing() {
  const { t } = useTranslation();
  return (
    <Page title={t('registry.household.missingTitle')}>
      <Paragraph>{t('registry.household.missingBody')}</Paragraph>
      <BackLink />
    </Page>
  );
}
