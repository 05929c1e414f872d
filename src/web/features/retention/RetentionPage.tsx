import { Heading, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETENTION_BOUNDS, RETENTION_KINDS, type RetentionKind } from '../../../domain/retention.js';
import type {
  RetentionPeriods,
  RetentionPreview,
  RetentionSettings,
} from '../../../features/retention/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';

type Drafts = Record<RetentionKind, string>;

/** The periods outside their bounds, as the page checks them before it sends. */
function refusedFields(drafts: Drafts): RetentionKind[] {
  return RETENTION_KINDS.filter((kind) => {
    const value = Number(drafts[kind]);
    const { min, max } = RETENTION_BOUNDS[kind];
    return !/^\d+$/.test(drafts[kind].trim()) || value < min || value > max;
  });
}

/**
 * /admin/oppbevaring — how many months the municipality keeps each kind of personal data, and what
 * the next nightly run removes (counts only, never names).
 */
export function RetentionPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad<RetentionSettings>('/api/admin/retention');
  const [previewVersion, setPreviewVersion] = useState(0);
  const preview = useLoad<RetentionPreview>('/api/admin/retention/preview', previewVersion);
  const [drafts, setDrafts] = useState<Drafts>();
  const [refused, setRefused] = useState<RetentionKind[]>([]);
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (data)
      setDrafts(Object.fromEntries(RETENTION_KINDS.map((k) => [k, String(data.periods[k])])) as Drafts);
  }, [data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!drafts || busy) return;
    setSaved(false);
    setSaveError(undefined);
    const wrong = refusedFields(drafts);
    setRefused(wrong);
    if (wrong.length > 0) {
      document.getElementById(`retention-${wrong[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const periods = Object.fromEntries(
        RETENTION_KINDS.map((k) => [k, Number(drafts[k])]),
      ) as RetentionPeriods;
      await api.put<RetentionSettings>('/api/admin/retention', periods);
      setSaved(true);
      setPreviewVersion((version) => version + 1);
    } catch (caught) {
      if (caught instanceof ApiError && Array.isArray(caught.details)) {
        setRefused(caught.details.map((detail: { field: RetentionKind }) => detail.field));
      }
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('retention.title')}>
      <Paragraph className="measure">{t('retention.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {!drafts && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {drafts ? (
        <form noValidate onSubmit={submit} className="form">
          <Heading level={2} data-size="sm">
            {t('retention.periods')}
          </Heading>
          {RETENTION_KINDS.map((kind) => {
            const { min, max, default: standard } = RETENTION_BOUNDS[kind];
            return (
              <Textfield
                key={kind}
                id={`retention-${kind}`}
                label={t(`retention.kinds.${kind}`)}
                description={t('retention.hint', { min, max, standard })}
                inputMode="numeric"
                value={drafts[kind]}
                error={refused.includes(kind) ? t('retention.outOfBounds', { min, max }) : undefined}
                onChange={(event) => setDrafts({ ...drafts, [kind]: event.target.value })}
                autoComplete="off"
              />
            );
          })}
          <FormFoot
            saved={saved ? t('retention.saved') : undefined}
            error={saveError}
            busy={busy}
            label={t('common.save')}
          />
        </form>
      ) : null}
      <Heading level={2} data-size="sm">
        {t('retention.previewTitle')}
      </Heading>
      <Paragraph className="measure">{t('retention.previewIntro')}</Paragraph>
      <ErrorNotice error={preview.error} />
      {preview.data ? (
        <ScrollTable label={t('retention.previewTitle')}>
          <Table zebra className="data-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('retention.kindColumn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('retention.beforeColumn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('retention.countColumn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {RETENTION_KINDS.map((kind) => (
                <Table.Row key={kind}>
                  <Table.Cell>{t(`retention.kinds.${kind}`)}</Table.Cell>
                  <Table.Cell>
                    {shortDate(preview.data?.[kind].before.slice(0, 10) ?? '', i18n.language)}
                  </Table.Cell>
                  <Table.Cell data-testid={`retention-count-${kind}`}>
                    {preview.data?.[kind].count}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      ) : null}
    </Page>
  );
}
