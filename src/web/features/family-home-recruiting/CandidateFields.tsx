import { Field, Label, Textarea, Textfield } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CandidateInput, CandidateView } from '../../../features/family-home-recruiting/contract.js';
import { ApiError } from '../../shared/api.js';

/** The candidate form as typed; languages as one line, separated by commas. */
export interface CandidateForm {
  name: string;
  phone: string;
  email: string;
  languages: string;
  firstContactOn: string;
  notes: string;
}

export const formOf = (c: CandidateView): CandidateForm => ({
  name: c.name,
  phone: c.phone ?? '',
  email: c.email ?? '',
  languages: c.languages.join(', '),
  firstContactOn: c.dates.firstContact,
  notes: c.notes ?? '',
});

export const candidateInput = (form: CandidateForm): CandidateInput => ({
  name: form.name.trim(),
  phone: form.phone.trim() || null,
  email: form.email.trim() || null,
  languages: form.languages
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 10),
  firstContactOn: form.firstContactOn,
  notes: form.notes.trim() || null,
});

/** The problems before sending: a name, and a mobile number or an e-mail address. */
export function candidateProblems(form: CandidateForm, t: TFunction): Record<string, string> {
  const found: Record<string, string> = {};
  if (!form.name.trim()) found.name = t('recruiting.errors.name');
  if (!form.phone.trim() && !form.email.trim()) found.phone = t('recruiting.errors.contact');
  return found;
}

/** The fields the server refused (validation.invalid), each with its sentence. */
export function serverProblems(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation.invalid' || !Array.isArray(error.details))
    return {};
  const found: Record<string, string> = {};
  for (const { field, rule } of error.details as { field: string; rule: string }[]) {
    if (found[field]) continue;
    if (field === 'phone')
      found.phone = t(
        rule === 'required'
          ? 'recruiting.errors.contact'
          : `recruiting.errors.${rule === 'landline' ? 'landline' : 'phone'}`,
      );
    else if (field === 'email') found.email = t('recruiting.errors.email');
    else if (field === 'name') found.name = t('recruiting.errors.name');
    else if (field === 'firstContactOn')
      found.firstContactOn = t(
        rule === 'after_next_step'
          ? 'recruiting.errors.firstContactAfterStep'
          : 'recruiting.errors.firstContactOn',
      );
  }
  return found;
}

export function CandidateFields({
  id,
  form,
  onChange,
  problems,
}: {
  id: string;
  form: CandidateForm;
  onChange: (form: CandidateForm) => void;
  problems: Record<string, string>;
}) {
  const { t } = useTranslation();
  const field = (name: keyof CandidateForm) => ({
    id: `${id}-${name}`,
    value: form[name],
    error: problems[name],
    onChange: (event: { target: { value: string } }) => onChange({ ...form, [name]: event.target.value }),
  });
  return (
    <>
      <Textfield {...field('name')} label={t('recruiting.fields.name')} maxLength={100} autoComplete="off" />
      <Textfield
        {...field('phone')}
        label={t('recruiting.fields.phone')}
        description={t('recruiting.fields.contactHint')}
        type="tel"
        maxLength={30}
        autoComplete="off"
      />
      <Textfield
        {...field('email')}
        label={t('recruiting.fields.email')}
        type="email"
        maxLength={254}
        autoComplete="off"
      />
      <Textfield
        {...field('languages')}
        label={t('recruiting.fields.languages')}
        description={t('recruiting.fields.languagesHint')}
        maxLength={400}
        autoComplete="off"
      />
      <Textfield {...field('firstContactOn')} type="date" label={t('recruiting.fields.firstContactOn')} />
      <Field>
        <Label>{t('recruiting.fields.notes')}</Label>
        <Field.Description>{t('recruiting.fields.notesHint')}</Field.Description>
        <Textarea
          id={`${id}-notes`}
          rows={4}
          maxLength={1000}
          value={form.notes}
          onChange={(event) => onChange({ ...form, notes: event.target.value })}
        />
      </Field>
    </>
  );
}
