import { Button, Heading, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type {
  Agreement,
  AgreementInput,
  AgreementSent,
  AgreementView,
} from '../../../features/agreements/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { kroner } from '../networks/format.js';
import { AgreementStatus } from './AgreementStatus.js';
import './agreements.css';

const blank: AgreementInput = { startOn: '', endOn: '', ksUnits: 1, expenses: '', otherArrangements: '' };

/**
 * /nettverk/:networkId/oppdragsavtale: the terms of the resource family's agreement (a draft can be
 * changed), its PDF, sending it for signing (a personal link per adult, e-mailed) and who has signed.
 */
export function AgreementPage() {
  const { t } = useTranslation();
  const { networkId = '' } = useParams();
  const path = `/api/networks/${encodeURIComponent(networkId)}/agreement`;
  const { data, error, setData } = useLoad<AgreementView>(path);
  const [sent, setSent] = useState<AgreementSent['links']>();
  const [sendError, setSendError] = useState<unknown>();
  const [sending, setSending] = useState(false);

  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to={`/nettverk/${encodeURIComponent(networkId)}`}>{t('agreements.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Page title={t('networks.missing')}>
        <Paragraph>{t('networks.missingBody')}</Paragraph>
        {back}
      </Page>
    );
  }
  if (!data) {
    return (
      <Page title={t('agreements.heading')}>
        <ErrorNotice error={error} />
        {error ? null : <Spinner aria-label={t('app.loading')} />}
      </Page>
    );
  }
  const { agreement } = data;
  const editable = !agreement || agreement.status === 'draft' || agreement.status === 'ended';

  const send = async () => {
    setSendError(undefined);
    setSending(true);
    try {
      const answer = await api.post<AgreementSent>(`${path}/send`);
      setData({ ...data, agreement: answer.agreement });
      setSent(answer.links);
    } catch (caught) {
      setSendError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <Page title={t('agreements.pageTitle', { network: data.networkName })}>
      {back}
      <Paragraph className="measure">{t('agreements.intro', { family: data.resourceFamily })}</Paragraph>
      {agreement && agreement.status !== 'ended' ? (
        <section aria-labelledby="agreement-status-heading" className="stack">
          <Heading level={2} data-size="sm" id="agreement-status-heading">
            {t('agreements.statusHeading')}
          </Heading>
          <AgreementStatus agreement={agreement} />
          <div className="button-row">
            <Button asChild variant="secondary">
              <a href={`${path.replace(/\/agreement$/, '/agreement.pdf')}`} target="_blank" rel="noreferrer">
                {t('agreements.pdf')}
              </a>
            </Button>
            {agreement.status !== 'signed' ? (
              <Button onClick={send} loading={sending}>
                {agreement.sentAt ? t('agreements.sendAgain') : t('agreements.send')}
              </Button>
            ) : null}
          </div>
          <ErrorNotice error={sendError} />
          {sent ? <SentLinks links={sent} agreement={agreement} /> : null}
        </section>
      ) : null}
      {editable ? (
        <TermsForm
          path={path}
          agreement={agreement?.status === 'draft' ? agreement : null}
          onSaved={(view) => {
            setSent(undefined);
            setData(view);
          }}
        />
      ) : agreement ? (
        <Terms agreement={agreement} />
      ) : null}
    </Page>
  );
}

/** Who got the link by e-mail; the links of adults without an address, to pass on by hand. */
function SentLinks({ links, agreement }: { links: AgreementSent['links']; agreement: Agreement }) {
  const { t } = useTranslation();
  const nameOf = (adultId: string) => {
    const signer = agreement.signers.find((s) => s.adultId === adultId);
    return signer ? `${signer.firstName} ${signer.lastName}` : '';
  };
  return (
    <Notice>
      {t('agreements.sentNotice', { count: links.filter((l) => l.sentTo).length })}
      {links
        .filter((l) => !l.sentTo)
        .map((l) => (
          <span key={l.adultId} className="agreement-links">
            {' '}
            {t('agreements.noEmail', { name: nameOf(l.adultId) })} {l.url}
          </span>
        ))}
    </Notice>
  );
}

/** The terms as sent: they stay as the adults were given them. */
function Terms({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <section aria-labelledby="agreement-terms-heading" className="stack">
      <Heading level={2} data-size="sm" id="agreement-terms-heading">
        {t('agreements.termsHeading')}
      </Heading>
      <dl className="network-facts">
        <div>
          <dt>{t('agreements.fields.period')}</dt>
          <dd>
            {shortDate(agreement.startOn, language)}–{shortDate(agreement.endOn, language)}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.fields.compensation')}</dt>
          <dd>
            {t('agreements.compensationValue', {
              units: agreement.ksUnits.toLocaleString(language),
              amount: kroner(agreement.compensationOre, language),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.fields.expenses')}</dt>
          <dd>{agreement.expenses || '–'}</dd>
        </div>
        <div>
          <dt>{t('agreements.fields.otherArrangements')}</dt>
          <dd>{agreement.otherArrangements || '–'}</dd>
        </div>
      </dl>
      <Paragraph data-size="sm">{t('agreements.termsFixed')}</Paragraph>
    </section>
  );
}

function TermsForm({
  path,
  agreement,
  onSaved,
}: {
  path: string;
  agreement: Agreement | null;
  onSaved: (view: AgreementView) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AgreementInput>(blank);
  const [units, setUnits] = useState('1');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);

  useEffect(() => {
    if (!agreement) return;
    const { startOn, endOn, ksUnits, expenses, otherArrangements } = agreement;
    setForm({ startOn, endOn, ksUnits, expenses, otherArrangements });
    setUnits(String(ksUnits).replace('.', ','));
  }, [agreement]);

  const field = (key: keyof AgreementInput) => ({
    value: String(form[key]),
    onChange: (event: { target: { value: string } }) => {
      setSaved(false);
      setForm((f) => ({ ...f, [key]: event.target.value }));
    },
  });
  const ksUnits = Number(units.replace(',', '.'));
  const fieldError = (key: string) => (missing.includes(key) ? t(`agreements.invalid.${key}`) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const wrong = [
      !form.startOn && 'startOn',
      (!form.endOn || form.endOn <= form.startOn) && 'endOn',
      !(ksUnits > 0 && ksUnits <= 10 && Number.isInteger(ksUnits * 4)) && 'ksUnits',
    ].filter((x): x is string => Boolean(x));
    setMissing(wrong);
    if (wrong.length) {
      document.getElementById(`agreement-${wrong[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api.put<AgreementView>(path, { ...form, ksUnits } satisfies AgreementInput));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="form" aria-labelledby="agreement-form-heading">
      <Heading level={2} data-size="sm" id="agreement-form-heading">
        {agreement ? t('agreements.termsHeading') : t('agreements.newHeading')}
      </Heading>
      <Textfield
        id="agreement-startOn"
        type="date"
        label={t('agreements.fields.startOn')}
        error={fieldError('startOn')}
        {...field('startOn')}
      />
      <Textfield
        id="agreement-endOn"
        type="date"
        label={t('agreements.fields.endOn')}
        error={fieldError('endOn')}
        {...field('endOn')}
      />
      <Textfield
        id="agreement-ksUnits"
        label={t('agreements.fields.ksUnits')}
        description={t('agreements.fields.ksUnitsHint')}
        inputMode="decimal"
        value={units}
        error={fieldError('ksUnits')}
        onChange={(event) => {
          setSaved(false);
          setUnits(event.target.value);
        }}
        autoComplete="off"
      />
      <Textfield
        id="agreement-expenses"
        multiline
        rows={3}
        maxLength={1000}
        label={t('agreements.fields.expenses')}
        description={t('agreements.fields.expensesHint')}
        {...field('expenses')}
      />
      <Textfield
        id="agreement-otherArrangements"
        multiline
        rows={3}
        maxLength={1000}
        label={t('agreements.fields.otherArrangements')}
        description={t('agreements.fields.otherArrangementsHint')}
        {...field('otherArrangements')}
      />
      <Paragraph data-size="sm">
        <Link asChild>
          <RouterLink to="/nettverk/ks-satser">{t('agreements.ksRates.link')}</RouterLink>
        </Link>
      </Paragraph>
      <FormFoot
        saved={saved ? t('agreements.saved') : undefined}
        error={error}
        busy={busy}
        label={t('agreements.save')}
      />
    </form>
  );
}
