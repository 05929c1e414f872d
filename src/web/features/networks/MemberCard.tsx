import { Alert, Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween, todayInOslo } from '../../../domain/calendar.js';
import { CONSENT_NOTICE_DAYS } from '../../../domain/network.js';
import type { MemberView, SigningLink } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { JoinMember } from './JoinMember.js';
import { STATUS_COLOR } from './NetworksPage.js';

interface MemberCardProps {
  networkId: string;
  member: MemberView;
  onChanged: (notice: string) => void;
  onEnd: (member: MemberView) => void;
  onWithdraw: (withdrawal: Withdrawal) => void;
}

/** A child's consent withdrawn or an adult's signature revoked: asked for in a confirmation first. */
export interface Withdrawal {
  member: MemberView;
  name: string;
  who: { childId: string } | { adultId: string };
}

/**
 * One household of the network: who has signed the confidentiality agreement, which child aged
 * 15 or more has consented, and what the caseworker can do next (links, consent, join, end).
 */
export function MemberCard({ networkId, member, onChanged, onEnd, onWithdraw }: MemberCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const path = `/api/networks/${encodeURIComponent(networkId)}/members/${encodeURIComponent(member.id)}`;
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const [links, setLinks] = useState<Record<string, SigningLink>>({});
  const gateOpen = member.missing.adults.length === 0 && member.missing.children.length === 0;
  const current = member.status === 'active' || member.status === 'consent_missing';
  const headingId = `member-${member.id}`;
  const today = todayInOslo();

  const act = async (key: string, action: () => Promise<void>) => {
    if (busy) return;
    setBusy(key);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  const signingLink = (adultId: string, send: boolean) =>
    act(`${adultId}-${send}`, async () => {
      const link = await api.post<SigningLink>(`${path}/signing-links`, { adultId, send });
      setLinks((all) => ({ ...all, [adultId]: link }));
    });

  const recordConsent = (childId: string, name: string) =>
    act(childId, async () => {
      await api.post<MemberView>(`${path}/consents`, { childId });
      onChanged(t('networks.member.consentRecorded', { name }));
    });

  return (
    <Card data-color="neutral" className="network-card" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {member.name}{' '}
        <Tag data-size="sm" data-color={STATUS_COLOR[member.status]}>
          {t(`networks.status.${member.status}`)}
        </Tag>
      </Heading>
      {member.status === 'left' && member.leftOn ? (
        <Paragraph data-size="sm">
          {t('networks.member.leftOn', {
            date: shortDate(member.leftOn, language),
            reason: t(`networks.endReasons.${member.endReason ?? 'left'}`),
          })}
        </Paragraph>
      ) : null}
      {current && member.joinedOn ? (
        <Paragraph data-size="sm">
          {t('networks.member.joinedOn', { date: shortDate(member.joinedOn, language) })}
        </Paragraph>
      ) : null}
      {member.overrideReason ? (
        <Paragraph data-size="sm">
          {t('networks.member.overrideReason', { reason: member.overrideReason })}
        </Paragraph>
      ) : null}
      {member.own ? null : <Paragraph data-size="sm">{t('networks.member.otherMunicipality')}</Paragraph>}

      {member.status === 'left' ? null : (
        <>
          <Heading level={4} data-size="2xs">
            {t('networks.member.adultsHeading')}
          </Heading>
          <ul className="network-gate">
            {member.adults.map((adult) => {
              const name = `${adult.firstName} ${adult.lastName}`;
              const link = links[adult.id];
              return (
                <li key={adult.id} className="stack">
                  <span>
                    <strong>{name}</strong>{' '}
                    {adult.signature ? (
                      <Tag data-size="sm" data-color="success">
                        {t('networks.member.signed', {
                          date: formatDateTime(adult.signature.signedAt, language),
                        })}
                      </Tag>
                    ) : (
                      <Tag data-size="sm" data-color="warning">
                        {t('networks.member.notSigned')}
                      </Tag>
                    )}
                  </span>
                  {!adult.signature && member.own ? (
                    <div className="button-row">
                      {adult.email ? (
                        <Button
                          data-size="sm"
                          variant="secondary"
                          loading={busy === `${adult.id}-true`}
                          onClick={() => signingLink(adult.id, true)}
                          aria-label={t('networks.member.sendLinkTo', { name })}
                        >
                          {t('networks.member.sendLink')}
                        </Button>
                      ) : null}
                      <Button
                        data-size="sm"
                        variant="tertiary"
                        loading={busy === `${adult.id}-false`}
                        onClick={() => signingLink(adult.id, false)}
                        aria-label={t('networks.member.makeLinkFor', { name })}
                      >
                        {t('networks.member.makeLink')}
                      </Button>
                    </div>
                  ) : null}
                  {adult.signature && member.own ? (
                    <div className="button-row">
                      <Button
                        data-size="sm"
                        variant="tertiary"
                        data-color="danger"
                        onClick={() => onWithdraw({ member, name, who: { adultId: adult.id } })}
                        aria-label={t('networks.member.revokeSignatureOf', { name })}
                      >
                        {t('networks.member.revokeSignature')}
                      </Button>
                    </div>
                  ) : null}
                  {link && !adult.signature ? <LinkShown link={link} name={name} /> : null}
                </li>
              );
            })}
          </ul>
          {member.children.length ? (
            <>
              <Heading level={4} data-size="2xs">
                {t('networks.member.childrenHeading')}
              </Heading>
              <ul className="network-gate">
                {member.children.map((child) => {
                  const name = child.firstName ?? t('networks.member.aChild');
                  // From a month before the 15th birthday the child's consent can be recorded.
                  const soon =
                    child.turns15On !== null && daysBetween(today, child.turns15On) <= CONSENT_NOTICE_DAYS;
                  return (
                    <li key={child.id} className="stack">
                      <span>
                        <strong>{name}</strong>, {t('networks.age', { count: child.age })}{' '}
                        {child.consentRecordedAt ? (
                          <Tag data-size="sm" data-color="success">
                            {t('networks.member.consented', {
                              date: formatDateTime(child.consentRecordedAt, language),
                            })}
                          </Tag>
                        ) : child.consentNeeded ? (
                          <Tag data-size="sm" data-color="warning">
                            {t('networks.member.consentMissing')}
                          </Tag>
                        ) : null}
                      </span>
                      {soon && child.turns15On ? (
                        <span className="network-muted">
                          {t('networks.member.turns15', { date: shortDate(child.turns15On, language) })}
                        </span>
                      ) : null}
                      {!child.consentRecordedAt && (child.consentNeeded || soon) && member.own ? (
                        <div className="button-row">
                          <Button
                            data-size="sm"
                            variant="secondary"
                            loading={busy === child.id}
                            onClick={() => recordConsent(child.id, name)}
                          >
                            {t('networks.member.recordConsent', { name })}
                          </Button>
                        </div>
                      ) : null}
                      {child.consentRecordedAt && member.own ? (
                        <div className="button-row">
                          <Button
                            data-size="sm"
                            variant="tertiary"
                            data-color="danger"
                            onClick={() => onWithdraw({ member, name, who: { childId: child.id } })}
                            aria-label={t('networks.member.withdrawConsentOf', { name })}
                          >
                            {t('networks.member.withdrawConsent')}
                          </Button>
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </>
      )}

      {member.status === 'pending' && !gateOpen ? (
        <Alert data-color="warning">
          <Heading level={4} data-size="2xs">
            {t('networks.member.gateClosed')}
          </Heading>
          <ul>
            {member.missing.adults.map((adult) => (
              <li key={adult.adultId}>
                {t('networks.member.missingSignature', { name: `${adult.firstName} ${adult.lastName}` })}
              </li>
            ))}
            {member.missing.children.map((child) => (
              <li key={child.childId}>
                {t('networks.member.missingConsent', {
                  name: child.firstName ?? t('networks.member.aChild'),
                  count: child.age,
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <ErrorNotice error={error} />
      {member.status === 'pending' && gateOpen && member.own ? (
        <JoinMember path={path} name={member.name} onJoined={onChanged} />
      ) : null}
      {current && member.own ? (
        <div className="button-row">
          <Button data-size="sm" variant="tertiary" data-color="danger" onClick={() => onEnd(member)}>
            {t('networks.member.end')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

/** The personal signing link: sent by e-mail, or shown to copy into an SMS. */
function LinkShown({ link, name }: { link: SigningLink; name: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const fieldId = useId();
  if (link.sentTo) return <Notice>{t('networks.member.linkSent', { email: link.sentTo })}</Notice>;
  return (
    <div className="stack">
      <Textfield
        id={fieldId}
        label={t('networks.member.linkLabel', { name })}
        description={t('networks.member.linkHint')}
        value={link.url}
        readOnly
        onFocus={(event) => event.target.select()}
      />
      <div className="button-row">
        <Button
          data-size="sm"
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link.url);
              setCopied(true);
            } catch {
              // No clipboard (an insecure page, a refused permission): the field is selected for Ctrl+C.
              document.getElementById(fieldId)?.focus();
            }
          }}
        >
          {t('networks.member.copy')}
        </Button>
        {copied ? <span role="status">{t('networks.member.copied')}</span> : null}
      </div>
    </div>
  );
}
