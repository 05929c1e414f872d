import { Checkbox, Fieldset, Paragraph, Spinner, Switch, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../domain/household.js';
import { checkSender } from '../../../domain/sender.js';
import type { SenderSettings, SenderSettingsInput } from '../../../features/sender-settings/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';

interface Draft {
  senderName: string;
  emailAddress: string;
  smsFrom: string;
  channels: Channel[];
  ownSvarUt: boolean;
  kontoId: string;
  integrasjonId: string;
  integrasjonPassord: string;
  ownSveve: boolean;
  sveveUser: string;
  svevePassword: string;
}

const draftOf = (s: SenderSettings): Draft => ({
  senderName: s.senderName ?? '',
  emailAddress: s.emailAddress ?? '',
  smsFrom: s.smsFrom ?? '',
  channels: s.channels,
  ownSvarUt: s.svarut !== null,
  kontoId: s.svarut?.kontoId ?? '',
  integrasjonId: s.svarut?.integrasjonId ?? '',
  integrasjonPassord: '',
  ownSveve: s.sveve !== null,
  sveveUser: s.sveve?.user ?? '',
  svevePassword: '',
});

/** The request: empty text is null (the installation's value); an empty password keeps the stored one. */
const inputOf = (d: Draft): SenderSettingsInput => ({
  senderName: d.senderName.trim() || null,
  emailAddress: d.emailAddress.trim() || null,
  smsFrom: d.smsFrom.trim() || null,
  channels: d.channels,
  svarut: d.ownSvarUt
    ? {
        kontoId: d.kontoId.trim(),
        integrasjonId: d.integrasjonId.trim(),
        ...(d.integrasjonPassord ? { integrasjonPassord: d.integrasjonPassord } : {}),
      }
    : null,
  sveve: d.ownSveve
    ? { user: d.sveveUser.trim(), ...(d.svevePassword ? { password: d.svevePassword } : {}) }
    : null,
});

const FIELD_IDS: Record<string, string> = {
  senderName: 'sender-name',
  emailAddress: 'sender-email',
  smsFrom: 'sender-sms',
  channels: 'sender-channel-email',
  'svarut.kontoId': 'sender-konto',
  'svarut.integrasjonId': 'sender-integrasjon',
  'svarut.integrasjonPassord': 'sender-integrasjon-passord',
  'sveve.user': 'sender-sveve-user',
  'sveve.password': 'sender-sveve-password',
};

/**
 * /admin/avsender — how the municipality signs its messages, the channels it uses, and its own
 * SvarUt and Sveve accounts. Passwords never come back from the server: a stored one shows as
 * «lagret» and is replaced by typing a new one.
 */
export function SenderSettingsPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const { data, error } = useLoad<SenderSettings>('/api/admin/sender', version);
  const [draft, setDraft] = useState<Draft>();
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (data) setDraft(draftOf(data));
  }, [data]);

  const set = (change: Partial<Draft>) => draft && setDraft({ ...draft, ...change });
  const errorOf = (field: string) =>
    refused[field] ? t(`senderSettings.rules.${refused[field]}`) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !data || busy) return;
    setSaved(false);
    setSaveError(undefined);
    const input = inputOf(draft);
    const wrong = checkSender(input, { svarut: data.svarut !== null, sveve: data.sveve !== null });
    setRefused(Object.fromEntries(wrong.map((e) => [e.field, e.rule])));
    if (wrong.length > 0) {
      document.getElementById(FIELD_IDS[wrong[0]?.field ?? ''] ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.put<SenderSettings>('/api/admin/sender', input);
      setSaved(true);
      setVersion((v) => v + 1);
    } catch (caught) {
      if (caught instanceof ApiError && Array.isArray(caught.details)) {
        const details = caught.details as { field: string; rule: string }[];
        setRefused(Object.fromEntries(details.map((e) => [e.field, e.rule])));
      }
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  };

  const installation = data?.installation;
  return (
    <Page title={t('senderSettings.title')}>
      <Paragraph className="measure">{t('senderSettings.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {!draft && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {draft && installation ? (
        <form noValidate onSubmit={submit} className="form">
          <Textfield
            id="sender-name"
            label={t('senderSettings.senderName')}
            description={t('senderSettings.installationValue', { value: installation.senderName })}
            value={draft.senderName}
            error={errorOf('senderName')}
            onChange={(e) => set({ senderName: e.target.value })}
            autoComplete="organization"
          />
          <Textfield
            id="sender-email"
            type="email"
            label={t('senderSettings.emailAddress')}
            description={`${t('senderSettings.installationValue', { value: installation.emailAddress })} ${t('senderSettings.emailHint')}`}
            value={draft.emailAddress}
            error={errorOf('emailAddress')}
            onChange={(e) => set({ emailAddress: e.target.value })}
            autoComplete="email"
          />
          <Textfield
            id="sender-sms"
            label={t('senderSettings.smsFrom')}
            description={`${t('senderSettings.installationValue', { value: installation.smsFrom })} ${t('senderSettings.smsHint')}`}
            value={draft.smsFrom}
            error={errorOf('smsFrom')}
            onChange={(e) => set({ smsFrom: e.target.value })}
            autoComplete="off"
          />
          <Fieldset>
            <Fieldset.Legend>{t('senderSettings.channels')}</Fieldset.Legend>
            <Fieldset.Description>{t('senderSettings.channelsHint')}</Fieldset.Description>
            {CHANNELS.map((channel) => (
              <Checkbox
                key={channel}
                id={`sender-channel-${channel}`}
                label={t(`registry.channels.${channel}`)}
                value={channel}
                checked={draft.channels.includes(channel)}
                onChange={(e) =>
                  set({
                    channels: e.target.checked
                      ? CHANNELS.filter((c) => c === channel || draft.channels.includes(c))
                      : draft.channels.filter((c) => c !== channel),
                  })
                }
              />
            ))}
            {refused.channels ? <Paragraph role="alert">{errorOf('channels')}</Paragraph> : null}
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{t('senderSettings.svarut')}</Fieldset.Legend>
            <Fieldset.Description>
              {installation.svarutConnected ? t('senderSettings.svarutHint') : t('senderSettings.svarutOff')}
            </Fieldset.Description>
            <Switch
              label={t('senderSettings.useOwn')}
              checked={draft.ownSvarUt}
              onChange={(e) => set({ ownSvarUt: e.target.checked })}
            />
            {draft.ownSvarUt ? (
              <>
                <Textfield
                  id="sender-konto"
                  label={t('senderSettings.kontoId')}
                  value={draft.kontoId}
                  error={errorOf('svarut.kontoId')}
                  onChange={(e) => set({ kontoId: e.target.value })}
                  autoComplete="off"
                />
                <Textfield
                  id="sender-integrasjon"
                  label={t('senderSettings.integrasjonId')}
                  value={draft.integrasjonId}
                  error={errorOf('svarut.integrasjonId')}
                  onChange={(e) => set({ integrasjonId: e.target.value })}
                  autoComplete="off"
                />
                <Textfield
                  id="sender-integrasjon-passord"
                  type="password"
                  label={t('senderSettings.integrasjonPassord')}
                  description={data?.svarut ? t('senderSettings.stored') : undefined}
                  value={draft.integrasjonPassord}
                  error={errorOf('svarut.integrasjonPassord')}
                  onChange={(e) => set({ integrasjonPassord: e.target.value })}
                  autoComplete="new-password"
                />
              </>
            ) : null}
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{t('senderSettings.sveve')}</Fieldset.Legend>
            <Fieldset.Description>
              {installation.sveveConnected ? t('senderSettings.sveveHint') : t('senderSettings.sveveOff')}
            </Fieldset.Description>
            <Switch
              label={t('senderSettings.useOwn')}
              checked={draft.ownSveve}
              onChange={(e) => set({ ownSveve: e.target.checked })}
            />
            {draft.ownSveve ? (
              <>
                <Textfield
                  id="sender-sveve-user"
                  label={t('senderSettings.sveveUser')}
                  value={draft.sveveUser}
                  error={errorOf('sveve.user')}
                  onChange={(e) => set({ sveveUser: e.target.value })}
                  autoComplete="off"
                />
                <Textfield
                  id="sender-sveve-password"
                  type="password"
                  label={t('senderSettings.svevePassword')}
                  description={data?.sveve ? t('senderSettings.stored') : undefined}
                  value={draft.svevePassword}
                  error={errorOf('sveve.password')}
                  onChange={(e) => set({ svevePassword: e.target.value })}
                  autoComplete="new-password"
                />
              </>
            ) : null}
          </Fieldset>
          <FormFoot
            saved={saved ? t('senderSettings.saved') : undefined}
            error={saveError}
            busy={busy}
            label={t('common.save')}
          />
        </form>
      ) : null}
    </Page>
  );
}
