import {
  Button,
  Checkbox,
  Fieldset,
  Link,
  Paragraph,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { ContactSettings, ContactSettingsInput } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import './networks.css';

const MAX_CATEGORIES = 20;

/**
 * /nettverk/kategorier: the municipality's short list of what a contact was about, and whether
 * the resource families get a note field (off by default: sensitive things belong to the team).
 */
export function ContactSettingsPage() {
  const { t } = useTranslation();
  const { data, error } = useLoad<ContactSettings>('/api/networks/contact-settings');
  const [categories, setCategories] = useState<ContactSettingsInput['categories']>([]);
  const [noteEnabled, setNoteEnabled] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [blank, setBlank] = useState(false);

  useEffect(() => {
    if (!data) return;
    setCategories(data.categories.map((category) => ({ id: category.id, label: category.label })));
    setNoteEnabled(data.noteEnabled);
  }, [data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    setSaveError(undefined);
    const kept = categories
      .map((category) => ({ ...category, label: category.label.trim() }))
      .filter((category) => category.label);
    if (kept.length === 0) {
      setBlank(true);
      document.getElementById('category-0')?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await api.put<ContactSettings>('/api/networks/contact-settings', {
        categories: kept,
        noteEnabled,
      } satisfies ContactSettingsInput);
      setCategories(answer.categories.map((category) => ({ id: category.id, label: category.label })));
      setNoteEnabled(answer.noteEnabled);
      setSaved(true);
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('networks.settings.title')}>
      <Paragraph className="measure">{t('networks.settings.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <form noValidate onSubmit={submit} className="form">
          <Fieldset>
            <Fieldset.Legend>{t('networks.settings.categories')}</Fieldset.Legend>
            <Fieldset.Description>{t('networks.settings.categoriesHint')}</Fieldset.Description>
            <ol className="network-categories">
              {categories.map((category, index) => (
                <li key={category.id ?? `new-${index}`} className="button-row">
                  <Textfield
                    id={`category-${index}`}
                    label={t('networks.settings.category', { number: index + 1 })}
                    value={category.label}
                    maxLength={40}
                    error={blank && index === 0 ? t('networks.settings.blank') : undefined}
                    onChange={(event) => {
                      setBlank(false);
                      setCategories((all) =>
                        all.map((one, at) => (at === index ? { ...one, label: event.target.value } : one)),
                      );
                    }}
                    autoComplete="off"
                  />
                  <Button
                    data-size="sm"
                    variant="tertiary"
                    data-color="danger"
                    onClick={() => setCategories((all) => all.filter((_, at) => at !== index))}
                    aria-label={t('networks.settings.removeOne', { label: category.label || index + 1 })}
                  >
                    {t('networks.settings.remove')}
                  </Button>
                </li>
              ))}
            </ol>
            {categories.length < MAX_CATEGORIES ? (
              <div className="button-row">
                <Button
                  data-size="sm"
                  variant="secondary"
                  onClick={() => {
                    setCategories((all) => [...all, { label: '' }]);
                    setTimeout(() => document.getElementById(`category-${categories.length}`)?.focus(), 0);
                  }}
                >
                  {t('networks.settings.add')}
                </Button>
              </div>
            ) : null}
          </Fieldset>
          <Checkbox
            label={t('networks.settings.note')}
            description={t('networks.settings.noteHint')}
            checked={noteEnabled}
            onChange={(event) => setNoteEnabled(event.target.checked)}
          />
          <FormFoot
            saved={saved ? t('networks.settings.saved') : undefined}
            error={saveError}
            busy={busy}
            label={t('common.save')}
          />
        </form>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/nettverk">{t('networks.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
