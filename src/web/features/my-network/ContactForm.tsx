import {
  Field,
  Fieldset,
  Heading,
  Label,
  Radio,
  Textarea,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import { CONTACT_KINDS, type ContactKind } from '../../../domain/network.js';
import type { ContactInput, ContactView, MyNetworkView } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { useSave } from './use-save.js';

type Errors = Partial<Record<'date' | 'household' | 'kind' | 'category', string>>;

/**
 * «Logg en kontakt»: date (today), family, kind, category — a few taps on a phone. The note field
 * shows only when the municipality has turned it on, with its warning.
 */
export function ContactForm({ network, onSaved }: { network: MyNetworkView; onSaved: () => void }) {
  const { t } = useTranslation();
  const only = network.members.length === 1 ? network.members[0]?.householdId : undefined;
  const [date, setDate] = useState(() => todayInOslo());
  const [household, setHousehold] = useState(only ?? '');
  const [kind, setKind] = useState<ContactKind | ''>('');
  const [category, setCategory] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState('');
  const { busy, error, begin, save } = useSave();
  const { categories, noteEnabled } = network.contactSettings;

  const clear = (field: keyof Errors) => {
    setSaved('');
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    setSaved('');
    const found: Errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t('myNetwork.contact.errors.date');
    else if (date > todayInOslo()) found.date = t('myNetwork.contact.errors.future');
    if (!household) found.household = t('myNetwork.contact.errors.household');
    if (!kind) found.kind = t('myNetwork.contact.errors.kind');
    if (!category) found.category = t('myNetwork.contact.errors.category');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first || !kind) {
      document.getElementById(`contact-${first}`)?.focus();
      return;
    }
    const input: ContactInput = {
      date,
      householdId: household,
      kind,
      categoryId: category,
      ...(noteEnabled ? { note: note.trim() || null } : {}),
    };
    await save(async () => {
      const contact = await api.post<ContactView>('/api/my-network/contacts', input);
      setSaved(t('myNetwork.contact.saved', { household: contact.householdName }));
      setHousehold(only ?? '');
      setKind('');
      setCategory('');
      setNote('');
      onSaved();
    });
  };

  return (
    <section aria-labelledby="contact-form-heading" className="stack">
      <Heading level={2} data-size="sm" id="contact-form-heading">
        {t('myNetwork.contact.heading')}
      </Heading>
      <form noValidate onSubmit={submit} className="my-network-form">
        <Fieldset>
          <Fieldset.Legend>{t('myNetwork.contact.household')}</Fieldset.Legend>
          <div className="my-network-choices">
            {network.members.map((member, index) => (
              <Radio
                key={member.householdId}
                id={index === 0 ? 'contact-household' : undefined}
                name="contact-household"
                value={member.householdId}
                label={member.name}
                checked={household === member.householdId}
                aria-invalid={errors.household ? true : undefined}
                onChange={() => {
                  setHousehold(member.householdId);
                  clear('household');
                }}
              />
            ))}
          </div>
          {errors.household ? <ValidationMessage>{errors.household}</ValidationMessage> : null}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('myNetwork.contact.kind')}</Fieldset.Legend>
          <div className="my-network-choices">
            {CONTACT_KINDS.map((option, index) => (
              <Radio
                key={option}
                id={index === 0 ? 'contact-kind' : undefined}
                name="contact-kind"
                value={option}
                label={t(`myNetwork.kinds.${option}`)}
                checked={kind === option}
                aria-invalid={errors.kind ? true : undefined}
                onChange={() => {
                  setKind(option);
                  clear('kind');
                }}
              />
            ))}
          </div>
          {errors.kind ? <ValidationMessage>{errors.kind}</ValidationMessage> : null}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('myNetwork.contact.category')}</Fieldset.Legend>
          <div className="my-network-choices">
            {categories.map((option, index) => (
              <Radio
                key={option.id}
                id={index === 0 ? 'contact-category' : undefined}
                name="contact-category"
                value={option.id}
                label={option.label}
                checked={category === option.id}
                aria-invalid={errors.category ? true : undefined}
                onChange={() => {
                  setCategory(option.id);
                  clear('category');
                }}
              />
            ))}
          </div>
          {errors.category ? <ValidationMessage>{errors.category}</ValidationMessage> : null}
        </Fieldset>
        <Textfield
          id="contact-date"
          type="date"
          label={t('myNetwork.contact.date')}
          value={date}
          max={todayInOslo()}
          onChange={(event) => {
            setDate(event.target.value);
            clear('date');
          }}
          error={errors.date}
        />
        {noteEnabled ? (
          <Field>
            <Label>{t('myNetwork.contact.note')}</Label>
            <Field.Description>{t('myNetwork.contact.noteWarning')}</Field.Description>
            <Textarea
              id="contact-note"
              rows={2}
              maxLength={200}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </Field>
        ) : null}
        <FormFoot saved={saved} error={error} busy={busy} label={t('myNetwork.contact.save')} />
      </form>
    </section>
  );
}
