import { Button, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { MemberView, NetworkView } from '../../../features/networks/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { shortDate } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { AgreementSection } from '../agreements/AgreementSection.js';
import { SubmittedSummaries } from '../network-summary/SubmittedSummaries.js';
import { SupervisionSection } from '../supervision/SupervisionSection.js';
import { AddMember } from './AddMember.js';
import { ClaimsSection } from './ClaimsSection.js';
import { MemberCard, type Withdrawal } from './MemberCard.js';
import { CaseworkersFact, GatheringsFact, MunicipalitiesFact } from './NetworkFacts.js';
import { ResourceFamilyUsers } from './ResourceFamilyUsers.js';
import './networks.css';

/** /nettverk/:networkId — one network: its households and their gate, call-backs, consents, claims. */
export function NetworkPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { networkId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const path = `/api/networks/${encodeURIComponent(networkId)}`;
  const [reload, setReload] = useState(0);
  const { data: network, error } = useLoad<NetworkView>(path, reload);
  const [notice, setNotice] = useState(() =>
    (location.state as { notice?: string } | null)?.notice === 'created' ? t('networks.created') : '',
  );
  const [ending, setEnding] = useState<MemberView>();
  const [withdrawing, setWithdrawing] = useState<Withdrawal>();
  const [actionError, setActionError] = useState<unknown>();

  // The «created» notice belongs to this visit: a reload or Back should not show it again.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const changed = (text: string) => {
    setNotice(text);
    setReload((count) => count + 1);
  };

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Page title={t('networks.missing')}>
        <Paragraph>{t('networks.missingBody')}</Paragraph>
        <BackLink />
      </Page>
    );
  }
  if (!network) {
    return (
      <Page title={t('networks.title')}>
        <ErrorNotice error={error} />
        {error ? null : <Spinner aria-label={t('app.loading')} />}
        <BackLink />
      </Page>
    );
  }

  const openCallBacks = network.callBacks.filter((callBack) => callBack.doneAt === null);
  const memberIds = new Set(
    network.members.filter((member) => member.status !== 'left').map((member) => member.householdId),
  );

  return (
    <Page title={network.name}>
      <BackLink />
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorNotice error={actionError} />
      <dl className="network-facts">
        <div>
          <dt>{t('networks.resourceFamily')}</dt>
          <dd>
            <Link asChild>
              <RouterLink to={`/register/${network.resourceFamily.householdId}`}>
                {network.resourceFamily.name}
              </RouterLink>
            </Link>
          </dd>
        </div>
        <CaseworkersFact caseworkers={network.caseworkers} />
        <MunicipalitiesFact municipalities={network.municipalities} />
        <div>
          <dt>{t('networks.memberCount')}</dt>
          <dd>
            {t('networks.memberCountValue', {
              count: network.memberCount,
              min: network.memberLimits.min,
              max: network.memberLimits.max,
            })}
          </dd>
        </div>
        <GatheringsFact network={network} />
        <div>
          <dt>{t('networks.users')}</dt>
          <dd>{network.resourceFamilyUsers.map((u) => u.email).join(', ') || t('networks.noUsers')}</dd>
        </div>
      </dl>
      <ResourceFamilyUsers
        network={network}
        onLinked={(email) => changed(t('networks.link.done', { email }))}
      />

      <SupervisionSection networkId={network.id} />

      {openCallBacks.length ? (
        <section aria-labelledby="network-callbacks-heading" className="stack">
          <Heading level={2} data-size="sm" id="network-callbacks-heading">
            {t('networks.callBacks.heading')}
          </Heading>
          <ul className="network-gate">
            {openCallBacks.map((callBack) => (
              <li key={callBack.id} className="button-row">
                <span>
                  {t('networks.callBacks.requested', {
                    time: formatDateTime(callBack.requestedAt, language),
                  })}
                </span>
                <Button
                  data-size="sm"
                  variant="secondary"
                  onClick={async () => {
                    setActionError(undefined);
                    try {
                      await api.post(`${path}/call-backs/${encodeURIComponent(callBack.id)}/done`);
                      changed(t('networks.callBacks.doneNotice'));
                    } catch (caught) {
                      setActionError(caught);
                    }
                  }}
                >
                  {t('networks.callBacks.done')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {network.consentTasks.length ? (
        <section aria-labelledby="network-tasks-heading" className="stack">
          <Heading level={2} data-size="sm" id="network-tasks-heading">
            {t('networks.tasks.heading')}
          </Heading>
          <ul className="network-gate">
            {network.consentTasks.map((task) => (
              <li key={task.childId}>
                {t('networks.tasks.turns15', {
                  name: task.childFirstName ?? t('networks.member.aChild'),
                  household: task.householdName,
                  date: shortDate(task.turns15On, language),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="network-members-heading" className="stack">
        <Heading level={2} data-size="sm" id="network-members-heading">
          {t('networks.membersHeading', { count: network.memberCount })}
        </Heading>
        {network.members.length === 0 ? <Paragraph>{t('networks.noMembers')}</Paragraph> : null}
        <ul className="network-cards">
          {network.members.map((member) => (
            <li key={member.id}>
              <MemberCard
                networkId={network.id}
                member={member}
                onChanged={changed}
                onEnd={setEnding}
                onWithdraw={setWithdrawing}
              />
            </li>
          ))}
        </ul>
      </section>

      <AddMember
        path={`${path}/members`}
        memberIds={memberIds}
        onAdded={(name) => changed(t('networks.add.added', { name }))}
      />

      <AgreementSection networkId={network.id} />

      <SubmittedSummaries networkId={network.id} />

      <ClaimsSection networkId={network.id} />

      {ending ? (
        <ConfirmDialog
          title={t('networks.member.endTitle', { name: ending.name })}
          body={t('networks.member.endBody')}
          confirmLabel={t('networks.member.endConfirm')}
          onClose={() => setEnding(undefined)}
          onConfirm={async () => {
            await api.post<MemberView>(`${path}/members/${encodeURIComponent(ending.id)}/end`, {
              reason: 'left',
            });
            setEnding(undefined);
            changed(t('networks.member.ended', { name: ending.name }));
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawDialog path={path} withdrawal={withdrawing} onDone={setWithdrawing} onChanged={changed} />
      ) : null}
    </Page>
  );
}

/**
 * «Trekke tilbake samtykket fra Sara?»: what a withdrawal does depends on the membership — an
 * active one ends, a pending one waits for a new consent or signature before the household can join.
 */
function WithdrawDialog({
  path,
  withdrawal,
  onDone,
  onChanged,
}: {
  path: string;
  withdrawal: Withdrawal;
  onDone: (nothing: undefined) => void;
  onChanged: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { member, name, who } = withdrawal;
  const kind = 'childId' in who ? 'withdrawConsent' : 'revokeSignature';
  const ends = member.status === 'active' || member.status === 'consent_missing';
  return (
    <ConfirmDialog
      title={t(`networks.member.${kind}Title`, { name })}
      body={t(ends ? 'networks.member.withdrawEnds' : 'networks.member.withdrawPending', {
        name: member.name,
      })}
      confirmLabel={t('networks.member.withdrawConfirm')}
      onClose={() => onDone(undefined)}
      onConfirm={async () => {
        await api.post<MemberView>(`${path}/members/${encodeURIComponent(member.id)}/withdraw`, who);
        onDone(undefined);
        onChanged(t(`networks.member.${kind}Done`, { name }));
      }}
    />
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/nettverk">{t('networks.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
}
