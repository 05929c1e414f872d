import {
  Button,
  Card,
  Heading,
  Paragraph,
  Spinner,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import { type GatheringOccasion, RECEIPT_MAX_BYTES, RECEIPT_TYPES } from '../../../domain/network.js';
import type { ClaimInput, ClaimList, ClaimView } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { kroner, oreOf } from '../networks/format.js';
import { MyNetworkNav } from './MyNetworkNav.js';
import { OccasionSelect } from './OccasionSelect.js';
import { useSave } from './use-save.js';
import './my-network.css';

const STATUS_COLOR = { submitted: 'info', approved: 'success', rejected: 'danger' } as const;

/** /mitt-nettverk/utlegg: an expense with its receipt, and what the caseworkers decided. */
export function ClaimsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [reload, setReload] = useState(0);
  const { data, error } = useLoad<ClaimList>('/api/my-network/claims', reload);
  const [saved, setSaved] = useState('');
  const refresh = () => setReload((count) => count + 1);

  return (
    <Page title={t('myNetwork.claims.title')}>
      <MyNetworkNav />
      <Paragraph className="measure">{t('myNetwork.claims.intro')}</Paragraph>
      {saved ? <Notice>{saved}</Notice> : null}
      <ClaimForm
        onSaved={(claim, text) => {
          setSaved(text ?? t('myNetwork.claims.saved', { purpose: claim.purpose }));
          refresh();
        }}
      />
      <section aria-labelledby="claims-list-heading" className="stack">
        <Heading level={2} data-size="sm" id="claims-list-heading">
          {t('myNetwork.claims.listHeading')}
        </Heading>
        <ErrorNotice error={error} />
        {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
        {data && data.claims.length === 0 ? <Paragraph>{t('myNetwork.claims.none')}</Paragraph> : null}
        <ul className="my-network-cards">
          {data?.claims.map((claim) => (
            <li key={claim.id}>
              <Card data-color="neutral" className="my-network-card">
                <Heading level={3} data-size="xs">
                  {claim.purpose}
                </Heading>
                <Paragraph data-size="sm">
                  {shortDate(claim.date, language)} · {kroner(claim.amountOre, language)}
                  {claim.occasion ? ` · ${t(`myNetwork.occasions.${claim.occasion}`)}` : ''}
                </Paragraph>
                <p>
                  <Tag data-size="sm" data-color={STATUS_COLOR[claim.status]}>
                    {t(`myNetwork.claims.status.${claim.status}`)}
                  </Tag>{' '}
                  {claim.overBudget ? (
                    <Tag data-size="sm" data-color="warning">
                      {t('myNetwork.gatherings.overBudget')}
                    </Tag>
                  ) : null}
                </p>
                {claim.decisionReason ? (
                  <Paragraph data-size="sm">
                    {t('myNetwork.claims.reason', { reason: claim.decisionReason })}
                  </Paragraph>
                ) : null}
                {claim.receipt ? (
                  <Paragraph data-size="sm">{t('myNetwork.claims.hasReceipt')}</Paragraph>
                ) : claim.status === 'submitted' ? (
                  <ReceiptUpload claim={claim} onUploaded={refresh} />
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

/** The receipt's problem before it is sent: none, a wrong type, too big. */
function useReceiptCheck() {
  const { t } = useTranslation();
  return (file: File | undefined): string | undefined => {
    if (!file) return undefined;
    if (!(RECEIPT_TYPES as readonly string[]).includes(file.type))
      return t('myNetwork.claims.errors.receiptType');
    if (file.size > RECEIPT_MAX_BYTES) return t('myNetwork.claims.errors.receiptSize');
    return undefined;
  };
}

const uploadReceipt = (claimId: string, file: File) =>
  api.put<ClaimView>(`/api/my-network/claims/${encodeURIComponent(claimId)}/receipt`, file);

type Errors = Partial<Record<'date' | 'amount' | 'purpose' | 'receipt', string>>;

function ClaimForm({ onSaved }: { onSaved: (claim: ClaimView, text?: string) => void }) {
  const { t } = useTranslation();
  const receiptId = useId();
  const receiptErrorId = useId();
  const check = useReceiptCheck();
  const [date, setDate] = useState(() => todayInOslo());
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [occasion, setOccasion] = useState<GatheringOccasion | ''>('');
  const [file, setFile] = useState<File>();
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const { busy, error, begin, save } = useSave();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    const ore = oreOf(amount);
    const found: Errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t('myNetwork.claims.errors.date');
    if (ore === undefined) found.amount = t('myNetwork.claims.errors.amount');
    if (!purpose.trim()) found.purpose = t('myNetwork.claims.errors.purpose');
    const receiptProblem = check(file);
    if (receiptProblem) found.receipt = receiptProblem;
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first || ore === undefined) {
      document.getElementById(first === 'receipt' ? receiptId : `claim-${first}`)?.focus();
      return;
    }
    const input: ClaimInput = { date, amountOre: ore, purpose: purpose.trim(), occasion: occasion || null };
    await save(async () => {
      const claim = await api.post<ClaimView>('/api/my-network/claims', input);
      setAmount('');
      setPurpose('');
      setOccasion('');
      setFile(undefined);
      setFileKey((count) => count + 1);
      let text: string | undefined;
      if (file) {
        try {
          await uploadReceipt(claim.id, file);
        } catch {
          // The claim is kept; its card offers the upload again.
          text = t('myNetwork.claims.savedWithoutReceipt', { purpose: claim.purpose });
        }
      }
      onSaved(claim, text);
    });
  };

  return (
    <section aria-labelledby="claim-form-heading" className="stack">
      <Heading level={2} data-size="sm" id="claim-form-heading">
        {t('myNetwork.claims.newHeading')}
      </Heading>
      <form noValidate onSubmit={submit} className="my-network-form">
        <Textfield
          id="claim-date"
          type="date"
          label={t('myNetwork.claims.date')}
          value={date}
          onChange={(event) => {
            setDate(event.target.value);
            setErrors((current) => ({ ...current, date: undefined }));
          }}
          error={errors.date}
        />
        <Textfield
          id="claim-amount"
          label={t('myNetwork.claims.amount')}
          description={t('myNetwork.claims.amountHint')}
          inputMode="decimal"
          value={amount}
          onChange={(event) => {
            setAmount(event.target.value);
            setErrors((current) => ({ ...current, amount: undefined }));
          }}
          error={errors.amount}
          autoComplete="off"
        />
        <Textfield
          id="claim-purpose"
          label={t('myNetwork.claims.purpose')}
          value={purpose}
          maxLength={200}
          onChange={(event) => {
            setPurpose(event.target.value);
            setErrors((current) => ({ ...current, purpose: undefined }));
          }}
          error={errors.purpose}
          autoComplete="off"
        />
        <OccasionSelect
          id="claim-occasion"
          label={t('myNetwork.claims.occasion')}
          description={t('myNetwork.claims.occasionHint')}
          noneLabel={t('myNetwork.claims.noOccasion')}
          value={occasion}
          onChange={setOccasion}
        />
        <div className="stack">
          <label htmlFor={receiptId} className="ds-label">
            {t('myNetwork.claims.receipt')}
          </label>
          <input
            key={fileKey}
            id={receiptId}
            type="file"
            accept={RECEIPT_TYPES.join(',')}
            aria-invalid={errors.receipt ? true : undefined}
            aria-describedby={errors.receipt ? receiptErrorId : undefined}
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              setFile(chosen);
              setErrors((current) => ({ ...current, receipt: check(chosen) }));
            }}
            style={{ maxWidth: '100%' }}
          />
          {errors.receipt ? (
            <ValidationMessage id={receiptErrorId}>{errors.receipt}</ValidationMessage>
          ) : null}
        </div>
        <FormFoot error={error} busy={busy} label={t('myNetwork.claims.save')} />
      </form>
    </section>
  );
}

/** A receipt for a claim saved without one. */
function ReceiptUpload({ claim, onUploaded }: { claim: ClaimView; onUploaded: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const check = useReceiptCheck();
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    if (busy) return;
    const found = file ? check(file) : t('myNetwork.claims.errors.receiptMissing');
    setProblem(found);
    if (found || !file) {
      document.getElementById(inputId)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await uploadReceipt(claim.id, file);
      onUploaded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <label htmlFor={inputId} className="ds-label">
        {t('myNetwork.claims.receiptFor', { purpose: claim.purpose })}
      </label>
      <input
        id={inputId}
        type="file"
        accept={RECEIPT_TYPES.join(',')}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => {
          setFile(event.target.files?.[0]);
          setProblem(undefined);
        }}
        style={{ maxWidth: '100%' }}
      />
      {problem ? <ValidationMessage>{problem}</ValidationMessage> : null}
      <ErrorNotice error={error} />
      <div className="button-row">
        <Button data-size="sm" variant="secondary" onClick={upload} loading={busy}>
          {t('myNetwork.claims.upload')}
        </Button>
      </div>
    </div>
  );
}
