import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { MERGE_FIELDS, type SmsInfo, templateSmsInfo } from '../../../domain/template.js';
import type { AudienceView } from '../../../features/audience/contract.js';
import type { EventView } from '../../../features/events/contract.js';
import type {
  EmailPreview,
  PreviewChannel,
  SmsPreview,
  TemplateView as Template,
  TemplateInput,
} from '../../../features/templates/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { when } from '../../shared/dates.js';
import { Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';

const LANGUAGES = ['nb', 'nn', 'en', 'ar', 'so', 'pl', 'uk', 'ti'] as const;
type Language = (typeof LANGUAGES)[number];

const CHANNELS = ['email', 'sms', 'letter'] as const satisfies readonly PreviewChannel[];

/** How many included households the preview offers. */
const PREVIEW_HOUSEHOLDS = 50;

type Part = keyof TemplateInput;
const PARTS: Part[] = ['subject', 'body', 'sms'];

/**
 * /kafe/:eventId/invitasjon: the municipality's invitation template per language (subject,
 * body, SMS) with its merge fields, and a preview for one invited household by e-mail, SMS or letter.
 */
export function InvitationTemplatesPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useLoad<EventView>(base);
  const [language, setLanguage] = useState<Language>('nb');
  const [previewReload, setPreviewReload] = useState(0);
  const template = useLoad<Template>(`/api/invitation-templates/${language}`);
  const [form, setForm] = useState<Record<Part, string>>({ subject: '', body: '', sms: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Part, string>>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!template.data) return;
    setForm({ subject: template.data.subject, body: template.data.body, sms: template.data.sms });
    setFieldErrors({});
  }, [template.data]);

  const change = (part: Part, value: string) => {
    setForm((current) => ({ ...current, [part]: value }));
    setFieldErrors((current) => ({ ...current, [part]: undefined }));
    setSaved(false);
  };

  const submit = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    setFieldErrors({});
    try {
      const answer = await api.put<Template>(`/api/invitation-templates/${language}`, form);
      template.setData(answer);
      setSaved(true);
      setPreviewReload((count) => count + 1);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'template.unknown_field') {
        const details = (caught.details ?? {}) as { field?: string; known?: string[]; part?: Part };
        const part: Part = details.part && PARTS.includes(details.part) ? details.part : 'body';
        setFieldErrors({
          [part]: t('cafe.invitation.unknownField', {
            field: `{${details.field ?? ''}}`,
            known: (details.known ?? [...MERGE_FIELDS]).map((field) => `{${field}}`).join(', '),
            interpolation: { escapeValue: false },
          }),
        });
        document.getElementById(`template-${part}`)?.focus();
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const dir = language === 'ar' || template.data?.direction === 'rtl' ? 'rtl' : undefined;

  return (
    <Page title={t('cafe.invitation.title')}>
      {event.data ? <Paragraph>{when(t, i18n.language, event.data)}</Paragraph> : null}
      <CafeError error={event.error} />
      <Paragraph>{t('cafe.invitation.intro')}</Paragraph>

      <section aria-labelledby="template-heading" className="stack">
        <Heading level={2} data-size="sm" id="template-heading">
          {t('cafe.invitation.templateHeading')}
        </Heading>
        <Field>
          <Label>{t('cafe.invitation.language')}</Label>
          <Select
            id="template-language"
            value={language}
            onChange={(e) => {
              setLanguage(e.target.value as Language);
              setSaved(false);
              setError(undefined);
            }}
          >
            {LANGUAGES.map((code) => (
              <Select.Option key={code} value={code}>
                {t(`cafe.invitation.languages.${code}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <CafeError error={template.error} />
        {template.loading && !template.data ? <Spinner aria-label={t('app.loading')} /> : null}
        {template.data && !template.loading ? (
          <form noValidate onSubmit={submit} className="form">
            <Paragraph data-size="sm">
              {template.data.custom ? t('cafe.invitation.custom') : t('cafe.invitation.default')}
            </Paragraph>
            {template.data.machineTranslated ? (
              <Notice kind="warning">{t('cafe.invitation.machineTranslated')}</Notice>
            ) : null}
            <Textfield
              id="template-subject"
              label={t('cafe.invitation.subject')}
              value={form.subject}
              dir={dir}
              onChange={(e) => change('subject', e.target.value)}
              error={fieldErrors.subject}
              autoComplete="off"
            />
            <Textfield
              id="template-body"
              multiline
              rows={12}
              label={t('cafe.invitation.body')}
              description={t('cafe.invitation.bodyHint')}
              value={form.body}
              dir={dir}
              onChange={(e) => change('body', e.target.value)}
              error={fieldErrors.body}
            />
            <Textfield
              id="template-sms"
              multiline
              rows={3}
              label={t('cafe.invitation.sms')}
              description={t('cafe.invitation.smsHint')}
              value={form.sms}
              dir={dir}
              onChange={(e) => change('sms', e.target.value)}
              error={fieldErrors.sms}
              aria-describedby="template-sms-segments"
            />
            <Paragraph data-size="sm" id="template-sms-segments" aria-live="polite">
              {smsWords(t, 'cafe.invitation.smsSegments', templateSmsInfo(form.sms))}
            </Paragraph>
            {saved ? <Notice>{t('cafe.invitation.saved')}</Notice> : null}
            <CafeError error={error} />
            <div className="button-row">
              <Button type="submit" loading={busy}>
                {t('cafe.invitation.save')}
              </Button>
            </div>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="fields-heading" className="stack">
        <Heading level={2} data-size="sm" id="fields-heading">
          {t('cafe.invitation.fieldsHeading')}
        </Heading>
        <Paragraph>{t('cafe.invitation.fieldsIntro')}</Paragraph>
        <dl className="cafe-facts">
          {MERGE_FIELDS.map((field) => (
            <div key={field}>
              <dt>
                <code>{`{${field}}`}</code>
              </dt>
              <dd>{t(`cafe.invitation.fields.${field}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <Preview base={base} reload={previewReload} />

      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kafe/${encodeURIComponent(eventId)}`}>{t('cafe.invitation.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

/** One invited household's invitation as it will look, by the channel chosen. */
function Preview({ base, reload }: { base: string; reload: number }) {
  const { t } = useTranslation();
  const audience = useLoad<AudienceView>(`${base}/audience`);
  const households = (audience.data?.households ?? [])
    .filter((household) => household.included)
    .slice(0, PREVIEW_HOUSEHOLDS);
  const [chosen, setChosen] = useState('');
  const [channel, setChannel] = useState<PreviewChannel>('email');
  const householdId = chosen || households[0]?.id || '';
  const previewPath = householdId
    ? `${base}/invitations/preview/${encodeURIComponent(householdId)}?channel=${channel}`
    : null;
  const jsonPath = channel === 'letter' ? null : previewPath;
  // Each answer is kept with the path it answers, so another household's text is never shown.
  const [answer, setAnswer] = useState<{ path: string; data?: EmailPreview | SmsPreview; error?: unknown }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload asks again after the template is saved
  useEffect(() => {
    if (!jsonPath) return;
    let live = true;
    api
      .get<EmailPreview | SmsPreview>(jsonPath)
      .then((data) => live && setAnswer({ path: jsonPath, data }))
      .catch((caught) => live && setAnswer({ path: jsonPath, error: caught }));
    return () => {
      live = false;
    };
  }, [jsonPath, reload]);
  const settled = answer && answer.path === jsonPath ? answer : undefined;
  const current = settled?.data;

  return (
    <section aria-labelledby="preview-heading" className="stack">
      <Heading level={2} data-size="sm" id="preview-heading">
        {t('cafe.invitation.previewHeading')}
      </Heading>
      <Paragraph>{t('cafe.invitation.previewIntro')}</Paragraph>
      <CafeError error={audience.error} />
      {audience.loading && !audience.data ? <Spinner aria-label={t('app.loading')} /> : null}
      {audience.data && !households.length ? (
        <Paragraph>{t('cafe.invitation.noHouseholds')}</Paragraph>
      ) : null}
      {households.length ? (
        <>
          <Field>
            <Label>{t('cafe.invitation.household')}</Label>
            <Select id="preview-household" value={householdId} onChange={(e) => setChosen(e.target.value)}>
              {households.map((household) => (
                <Select.Option key={household.id} value={household.id}>
                  {household.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Fieldset>
            <Fieldset.Legend>{t('cafe.invitation.channel')}</Fieldset.Legend>
            {CHANNELS.map((option) => (
              <Radio
                key={option}
                name="preview-channel"
                value={option}
                label={t(`cafe.invitation.channels.${option}`)}
                checked={channel === option}
                onChange={() => setChannel(option)}
              />
            ))}
          </Fieldset>
          {channel === 'letter' && previewPath ? (
            <Paragraph>
              <Link href={previewPath} target="_blank" rel="noopener">
                {t('cafe.invitation.openLetter')}
              </Link>
            </Paragraph>
          ) : (
            <div aria-live="polite" className="stack">
              <CafeError error={settled?.error} />
              {settled ? null : <Spinner aria-label={t('app.loading')} />}
              {current && channel === 'email' && 'subject' in current ? (
                <EmailView preview={current} />
              ) : null}
              {current && channel === 'sms' && 'parts' in current ? <SmsView preview={current} /> : null}
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

const PRE_STYLE = {
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  margin: 0,
  padding: 'var(--ds-size-3)',
  border: '1px solid var(--ds-color-neutral-border-subtle)',
  borderRadius: 'var(--ds-border-radius-md)',
  fontFamily: 'inherit',
  maxWidth: '100%',
} as const;

function EmailView({ preview }: { preview: EmailPreview }) {
  const { t } = useTranslation();
  return (
    <dl className="stack" id="preview-email">
      <div>
        <dt>
          <strong>{t('cafe.invitation.previewSubject')}</strong>
        </dt>
        <dd style={{ margin: 0 }}>{preview.subject}</dd>
      </div>
      <div>
        <dt>
          <strong>{t('cafe.invitation.previewText')}</strong>
        </dt>
        <dd style={{ margin: 0 }}>
          <pre style={PRE_STYLE} dir="auto">
            {preview.text}
          </pre>
        </dd>
      </div>
    </dl>
  );
}

function SmsView({ preview }: { preview: SmsPreview }) {
  const { t } = useTranslation();
  return (
    <div className="stack" id="preview-sms">
      <Paragraph>
        <strong>{t('cafe.invitation.smsText')}</strong>
      </Paragraph>
      <pre style={PRE_STYLE} dir="auto">
        {preview.text}
      </pre>
      <Paragraph className="cafe-sms-count">
        {smsWords(t, 'cafe.invitation.smsCount', {
          ...preview,
          encoding: preview.encoding === 'ucs2' ? 'ucs2' : 'gsm7',
        })}
      </Paragraph>
    </div>
  );
}

/** "152 tegn, 1 SMS (vanlige tegn, 160 tegn per SMS)": segments and why (GSM-7 or UCS-2). */
function smsWords(t: TFunction, key: string, info: SmsInfo): string {
  return t(key, {
    length: info.length,
    parts: info.parts,
    perPart: info.perPart,
    encoding: t(`cafe.invitation.smsEncoding.${info.encoding}`),
  });
}
