import { Button, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinInput, MemberView } from '../../../features/networks/contract.js';
import { useUser } from '../../app/session.js';
import { ApiError, api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { ReasonField } from './ReasonField.js';

/**
 * Lets a household whose gate is open join. Past five members the server refuses; a team leader
 * may let it in anyway, with a reason that is kept with the membership.
 */
export function JoinMember({
  path,
  name,
  onJoined,
}: {
  path: string;
  name: string;
  onJoined: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  // The team leader's decision (approvals:decide), as the server checks it.
  const isTeamLeader = user.permissions.includes('approvals:decide');
  const [tooMany, setTooMany] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const reasonId = `${path}-reason`;

  const join = async (input: JoinInput) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post<MemberView>(`${path}/join`, input);
      onJoined(t('networks.member.joined', { name }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'network.too_many_members') setTooMany(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const override = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    void join({ override: { reason: reason.trim() } });
  };

  if (tooMany && isTeamLeader) {
    return (
      <form noValidate onSubmit={override} className="stack">
        <Paragraph role="alert">{t('networks.member.tooManyLeader')}</Paragraph>
        <ReasonField
          id={reasonId}
          label={t('networks.member.overrideLabel')}
          missingText={t('networks.member.overrideMissing')}
          rows={2}
          value={reason}
          missing={missing}
          onChange={(text) => {
            setReason(text);
            setMissing(false);
          }}
        />
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button type="submit" data-size="sm" loading={busy}>
            {t('networks.member.overrideJoin')}
          </Button>
          <Button data-size="sm" variant="secondary" onClick={() => setTooMany(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="stack">
      {tooMany ? <Paragraph role="alert">{t('networks.member.tooMany')}</Paragraph> : null}
      <ErrorNotice error={error} />
      {tooMany ? null : (
        <div className="button-row">
          <Button data-size="sm" loading={busy} onClick={() => join({})}>
            {t('networks.member.join', { name })}
          </Button>
        </div>
      )}
    </div>
  );
}
