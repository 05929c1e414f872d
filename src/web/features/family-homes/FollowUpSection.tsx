import { Field, Fieldset, Heading, Label, Radio, Textarea, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import { FOLLOW_UP_KINDS, type FollowUpKind } from '../../../domain/family-home.js';
import type { FamilyHomeView, FollowUpInput } from '../../../features/family-homes/contract.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { useSave } from '../my-network/use-save.js';
import { fieldErrors } from './field-errors.js';

/**
 * «Logg oppfølging»: the kind (a tap), the date (today), a short staff-only note. Made for the
 * family counsellor's phone after a visit: first on the home's page.
 */
export function FollowUpSection({
  home,
  onSaved,
}: {
  home: FamilyHomeView;
  onSaved: (home: FamilyHomeView) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<FollowUpKind>('home_visit');
  const [date, setDate] = useState(() => todayInOslo());
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState('');
  const { busy, error, begin, save } = useSave();
  const errors = fieldErrors(error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    setSaved('');
    const input: FollowUpInput = { date, kind, note: note.trim() || null };
    await save(async () => {
      onSaved(await api.post<FamilyHomeView>(`/api/family-homes/${home.id}/follow-ups`, input));
      setNote('');
      setSaved(t('familyHomes.followUps.saved'));
    });
  };

  return (
    <section aria-labelledby="follow-up-form-heading" className="family-home-section">
      <Heading level={2} data-size="sm" id="follow-up-form-heading">
        {t('familyHomes.followUps.log')}
      </Heading>
      <form noValidate onSubmit={submit} className="family-home-form">
        <Fieldset>
          <Fieldset.Legend>{t('familyHomes.followUps.kind')}</Fieldset.Legend>
          <div className="family-home-choices">
            {FOLLOW_UP_KINDS.map((option) => (
              <Radio
                key={option}
                name="follow-up-kind"
                value={option}
                label={t(`familyHomes.followUps.kinds.${option}`)}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  setSaved('');
                }}
              />
            ))}
          </div>
        </Fieldset>
        <Textfield
          id="follow-up-date"
          type="date"
          label={t('familyHomes.followUps.date')}
          value={date}
          max={todayInOslo()}
          onChange={(event) => {
            setDate(event.target.value);
            setSaved('');
          }}
          error={errors.date}
        />
        <Field>
          <Label>{t('familyHomes.followUps.note')}</Label>
          <Field.Description>{t('familyHomes.followUps.noteHelp')}</Field.Description>
          <Textarea
            id="follow-up-note"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              setSaved('');
            }}
          />
        </Field>
        <FormFoot saved={saved} error={error} busy={busy} label={t('familyHomes.followUps.log')} />
      </form>
    </section>
  );
}
