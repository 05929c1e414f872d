import {
  Button,
  Field,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import { SUMMARY_DESCRIPTION_MAX } from '../../../domain/half-year.js';
import type { DescriptionInput, SummaryView } from '../../../features/network-summary/contract.js';
import { api } from '../../shared/api.js';
import { longDate } from '../../shared/dates.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { MyNetworkNav } from '../my-network/MyNetworkNav.js';
import { useSave } from '../my-network/use-save.js';
import { halfYearLabel, SummaryComments, SummaryFigures } from './SummaryFigures.js';
import './network-summary.css';

/**
 * /mitt-nettverk/erfaringer: «Erfaringer fra siste halvår» — the figures drafted from the log,
 * the resource family's short description, saved as a draft and submitted once; the PDF.
 */
export function SummaryPage() {
  const { t, i18n } = useTranslation();
  const [halfYear, setHalfYear] = useState('');
  const path = `/api/my-network/summary${halfYear ? `?halfYear=${encodeURIComponent(halfYear)}` : ''}`;
  const { data, error, setData } = useLoad<SummaryView>(path);
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState(false);
  const [notice, setNotice] = useState('');
  const { busy, error: saveError, begin, save } = useSave();

  useEffect(() => {
    if (data) setDescription(data.description);
  }, [data]);

  const send = async (event: FormEvent, action: 'save' | 'submit') => {
    event.preventDefault();
    if (!data || !begin()) return;
    setNotice('');
    if (action === 'submit' && description.trim() === '') {
      setMissing(true);
      document.getElementById('summary-description')?.focus();
      return;
    }
    const input: DescriptionInput = { halfYear: data.halfYear, description };
    await save(async () => {
      const answer =
        action === 'save'
          ? await api.put<SummaryView>('/api/my-network/summary', input)
          : await api.post<SummaryView>('/api/my-network/summary/submit', input);
      setData(answer);
      setNotice(t(action === 'save' ? 'networkSummary.draftSaved' : 'networkSummary.submitted'));
    });
  };

  const submitted = data?.status === 'submitted';
  return (
    <Page title={t('networkSummary.title')}>
      <MyNetworkNav />
      <Paragraph className="measure">{t('networkSummary.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <Field className="measure">
            <Label>{t('networkSummary.halfYear')}</Label>
            <Select
              id="summary-half-year"
              value={data.halfYear}
              onChange={(event) => {
                setNotice('');
                setHalfYear(event.target.value);
              }}
            >
              {data.halfYears.map((h) => (
                <Select.Option key={h} value={h}>
                  {halfYearLabel(t, h)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Paragraph>
            <strong>
              {submitted && data.submittedAt
                ? t('networkSummary.submittedOn', {
                    date: longDate(todayInOslo(new Date(data.submittedAt)), i18n.language),
                  })
                : t('networkSummary.draft')}
            </strong>
          </Paragraph>
          {notice ? <Notice>{notice}</Notice> : null}
          <form noValidate onSubmit={(event) => send(event, 'submit')} className="stack measure">
            <Textfield
              id="summary-description"
              multiline
              rows={8}
              label={t('networkSummary.description')}
              description={t('networkSummary.descriptionHint')}
              value={description}
              maxLength={SUMMARY_DESCRIPTION_MAX}
              readOnly={submitted}
              onChange={(event) => {
                setDescription(event.target.value);
                setMissing(false);
              }}
              error={missing ? t('networkSummary.descriptionRequired') : undefined}
            />
            <Paragraph data-size="sm" aria-live="polite">
              {t('networkSummary.characters', { count: description.length, max: SUMMARY_DESCRIPTION_MAX })}
            </Paragraph>
            <ErrorNotice error={saveError} />
            {submitted ? null : (
              <div className="button-row">
                <Button type="submit" loading={busy}>
                  {t('networkSummary.submit')}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy}
                  onClick={(event) => send(event, 'save')}
                >
                  {t('networkSummary.saveDraft')}
                </Button>
              </div>
            )}
          </form>
          <p>
            <Link href={`/api/my-network/summary/pdf?halfYear=${encodeURIComponent(data.halfYear)}`} download>
              {t('networkSummary.download')}
            </Link>
          </p>
          <SummaryFigures summary={data} headingLevel={2} />
          {submitted ? <SummaryComments summary={data} headingLevel={2} /> : null}
        </>
      ) : null}
    </Page>
  );
}
