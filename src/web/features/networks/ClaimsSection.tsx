import {
  Button,
  Card,
  Dialog,
  Heading,
  Link,
  Paragraph,
  Spinner,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimList, ClaimView } from '../../../features/networks/contract.js';
import { api, queryString } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { useLoad } from '../../shared/use-load.js';
import { useReturnFocus } from '../../shared/use-return-focus.js';
import { kroner } from './format.js';
import { ReasonField } from './ReasonField.js';

/**
 * Claims to approve, from every network of the municipality (or of one network), and the CSV of
 * the approved ones for the payroll/accounts office.
 */
export function ClaimsSection({ networkId }: { networkId?: string }) {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const { data, error, loading } = useLoad<ClaimList>('/api/networks/claims?status=submitted', reload);
  const [rejecting, setRejecting] = useState<ClaimView>();
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const claims = (data?.claims ?? []).filter((claim) => !networkId || claim.networkId === networkId);

  const decide = async (claim: ClaimView, decision: 'approve' | 'reject', reason?: string) => {
    setActionError(undefined);
    setNotice('');
    await api.post<ClaimView>(`/api/networks/claims/${encodeURIComponent(claim.id)}/decision`, {
      decision,
      reason: reason ?? null,
    });
    setNotice(
      t(decision === 'approve' ? 'networks.claims.approved' : 'networks.claims.rejected', {
        purpose: claim.purpose,
      }),
    );
    setReload((count) => count + 1);
  };

  const approve = async (claim: ClaimView) => {
    if (busy) return;
    setBusy(claim.id);
    try {
      await decide(claim, 'approve');
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="networks-claims-heading" className="stack">
      <Heading level={2} data-size="sm" id="networks-claims-heading">
        {t('networks.claims.heading')}
      </Heading>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorNotice error={actionError ?? error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {data && claims.length === 0 ? <Paragraph>{t('networks.claims.none')}</Paragraph> : null}
      <ul className="network-cards">
        {claims.map((claim) => (
          <li key={claim.id}>
            <ClaimCard
              claim={claim}
              showNetwork={!networkId}
              busy={busy === claim.id}
              onApprove={() => approve(claim)}
              onReject={() => setRejecting(claim)}
            />
          </li>
        ))}
      </ul>
      <ClaimsExport />
      {rejecting ? (
        <RejectDialog
          claim={rejecting}
          onClose={() => setRejecting(undefined)}
          onReject={async (reason) => {
            await decide(rejecting, 'reject', reason);
            setRejecting(undefined);
          }}
        />
      ) : null}
    </section>
  );
}

function ClaimCard({
  claim,
  showNetwork,
  busy,
  onApprove,
  onReject,
}: {
  claim: ClaimView;
  showNetwork: boolean;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card data-color="neutral" className="network-card">
      <Heading level={3} data-size="2xs">
        {claim.purpose}
      </Heading>
      <dl className="network-facts">
        {showNetwork ? (
          <div>
            <dt>{t('networks.claims.network')}</dt>
            <dd>{claim.networkName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('networks.claims.date')}</dt>
          <dd>{shortDate(claim.date, language)}</dd>
        </div>
        <div>
          <dt>{t('networks.claims.amount')}</dt>
          <dd>{kroner(claim.amountOre, language)}</dd>
        </div>
        {claim.occasion ? (
          <div>
            <dt>{t('networks.claims.occasion')}</dt>
            <dd>{t(`networks.occasions.${claim.occasion}`)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('networks.claims.receipt')}</dt>
          <dd>
            {claim.receipt ? (
              <Link href={`/api/networks/claims/${encodeURIComponent(claim.id)}/receipt`} target="_blank">
                {t('networks.claims.openReceipt', { purpose: claim.purpose })}
              </Link>
            ) : (
              t('networks.claims.noReceipt')
            )}
          </dd>
        </div>
      </dl>
      {claim.overBudget ? (
        <p>
          <Tag data-size="sm" data-color="warning">
            {t('networks.claims.overBudget')}
          </Tag>
        </p>
      ) : null}
      <div className="button-row">
        <Button
          data-size="sm"
          onClick={onApprove}
          loading={busy}
          aria-disabled={busy || undefined}
          aria-label={t('networks.claims.approveOne', { purpose: claim.purpose })}
        >
          {t('networks.claims.approve')}
        </Button>
        <Button
          data-size="sm"
          variant="secondary"
          onClick={onReject}
          aria-label={t('networks.claims.rejectOne', { purpose: claim.purpose })}
        >
          {t('networks.claims.reject')}
        </Button>
      </div>
    </Card>
  );
}

function RejectDialog({
  claim,
  onClose,
  onReject,
}: {
  claim: ClaimView;
  onClose: () => void;
  onReject: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById('claim-reject-reason')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onReject(reason.trim());
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby="claim-reject-heading">
      <form noValidate onSubmit={submit} className="stack">
        <Heading level={2} data-size="sm" id="claim-reject-heading">
          {t('networks.claims.rejectTitle', { purpose: claim.purpose })}
        </Heading>
        <ReasonField
          id="claim-reject-reason"
          label={t('networks.claims.reason')}
          missingText={t('networks.claims.reasonMissing')}
          rows={3}
          value={reason}
          missing={missing}
          onChange={(text) => {
            setReason(text);
            setMissing(false);
          }}
        />
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button type="submit" data-color="danger" loading={busy}>
            {t('networks.claims.rejectConfirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The approved claims as CSV, for a period or all. */
function ClaimsExport() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <div className="stack">
      <Heading level={3} data-size="2xs">
        {t('networks.claims.exportHeading')}
      </Heading>
      <Paragraph data-size="sm" className="measure">
        {t('networks.claims.exportHint')}
      </Paragraph>
      <div className="form__row">
        <Textfield
          type="date"
          label={t('networks.claims.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Textfield
          type="date"
          label={t('networks.claims.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <div className="button-row">
        <Button asChild variant="secondary">
          <a href={`/api/networks/claims.csv${queryString({ from, to })}`} download>
            {t('networks.claims.export')}
          </a>
        </Button>
      </div>
    </div>
  );
}
