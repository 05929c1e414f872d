import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import type { FamilyHomeView, Youth, YouthInput } from '../../../features/family-homes/contract.js';
import { api } from '../../shared/api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { shortDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { useSave } from '../my-network/use-save.js';
import { fieldErrors } from './field-errors.js';

/** Whole years between a birth date and today (both YYYY-MM-DD). */
function age(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The home's youths: first name, age, arrival, languages — nothing of their cases. The team edits. */
export function YouthsSection({
  home,
  editable,
  onSaved,
}: {
  home: FamilyHomeView;
  editable: boolean;
  onSaved: (home: FamilyHomeView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, setRemoving] = useState<Youth | null>(null);
  const today = todayInOslo();

  const saved = (next: FamilyHomeView) => {
    onSaved(next);
    setEditing(null);
  };

  return (
    <section aria-labelledby="youths-heading" className="family-home-section">
      <Heading level={2} data-size="sm" id="youths-heading">
        {t('familyHomes.youths.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('familyHomes.youths.privacy')}</Paragraph>
      {home.youths.length === 0 ? <Paragraph>{t('familyHomes.youths.empty')}</Paragraph> : null}
      <ul className="family-home-list">
        {home.youths.map((youth) => (
          <li key={youth.id} className="family-home-item">
            <span className="family-home-item__title">
              {youth.firstName}, {t('familyHomes.youths.age', { age: age(youth.birthDate, today) })}
            </span>
            <span>
              {t('familyHomes.youths.arrivalDate')}: {shortDate(youth.arrivalDate, i18n.language)}
            </span>
            {youth.languages.length > 0 ? (
              <span>
                {t('familyHomes.youths.languages')}: {youth.languages.join(', ')}
              </span>
            ) : null}
            {editable && editing === youth.id ? (
              <YouthForm homeId={home.id} youth={youth} onSaved={saved} onCancel={() => setEditing(null)} />
            ) : null}
            {editable && editing !== youth.id ? (
              <div className="button-row">
                <Button variant="secondary" data-size="sm" onClick={() => setEditing(youth.id)}>
                  {t('familyHomes.youths.edit', { name: youth.firstName })}
                </Button>
                <Button variant="tertiary" data-size="sm" onClick={() => setRemoving(youth)}>
                  {t('familyHomes.youths.remove', { name: youth.firstName })}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {editable && editing === 'new' ? (
        <YouthForm homeId={home.id} onSaved={saved} onCancel={() => setEditing(null)} />
      ) : null}
      {editable && editing !== 'new' ? (
        <div className="button-row">
          <Button variant="secondary" onClick={() => setEditing('new')}>
            {t('familyHomes.youths.add')}
          </Button>
        </div>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('familyHomes.youths.remove', { name: removing.firstName })}
          body={t('familyHomes.youths.removeConfirm', { name: removing.firstName })}
          confirmLabel={t('familyHomes.youths.remove', { name: removing.firstName })}
          onConfirm={async () => {
            onSaved(await api.delete<FamilyHomeView>(`/api/family-homes/${home.id}/youths/${removing.id}`));
            setRemoving(null);
          }}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}

function YouthForm({
  homeId,
  youth,
  onSaved,
  onCancel,
}: {
  homeId: string;
  youth?: Youth;
  onSaved: (home: FamilyHomeView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [firstName, setFirstName] = useState(youth?.firstName ?? '');
  const [birthDate, setBirthDate] = useState(youth?.birthDate ?? '');
  const [arrivalDate, setArrivalDate] = useState(youth?.arrivalDate ?? '');
  const [languages, setLanguages] = useState(youth?.languages.join(', ') ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const { busy, error, begin, save } = useSave();
  const errors = { ...fieldErrors(error, t), ...missing };
  const prefix = youth ? `youth-${youth.id}` : 'youth-new';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    const required = t('familyHomes.fieldErrors.required');
    const found: Record<string, string> = {
      ...(firstName.trim() ? {} : { firstName: required }),
      ...(birthDate ? {} : { birthDate: required }),
      ...(arrivalDate ? {} : { arrivalDate: required }),
    };
    setMissing(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${prefix}-${first}`)?.focus();
      return;
    }
    const input: YouthInput = {
      firstName: firstName.trim(),
      birthDate,
      arrivalDate,
      languages: languages
        .split(',')
        .map((language) => language.trim())
        .filter(Boolean),
    };
    await save(async () => {
      onSaved(
        youth
          ? await api.put<FamilyHomeView>(`/api/family-homes/${homeId}/youths/${youth.id}`, input)
          : await api.post<FamilyHomeView>(`/api/family-homes/${homeId}/youths`, input),
      );
    });
  };

  return (
    <form noValidate onSubmit={submit} className="family-home-form" aria-labelledby={`${prefix}-heading`}>
      <Heading level={3} data-size="xs" id={`${prefix}-heading`}>
        {youth
          ? t('familyHomes.youths.editHeading', { name: youth.firstName })
          : t('familyHomes.youths.addHeading')}
      </Heading>
      <Textfield
        id={`${prefix}-firstName`}
        label={t('familyHomes.youths.firstName')}
        value={firstName}
        maxLength={60}
        autoComplete="off"
        onChange={(event) => setFirstName(event.target.value)}
        error={errors.firstName}
      />
      <Textfield
        id={`${prefix}-birthDate`}
        type="date"
        label={t('familyHomes.youths.birthDate')}
        value={birthDate}
        onChange={(event) => setBirthDate(event.target.value)}
        error={errors.birthDate}
      />
      <Textfield
        id={`${prefix}-arrivalDate`}
        type="date"
        label={t('familyHomes.youths.arrivalDate')}
        value={arrivalDate}
        onChange={(event) => setArrivalDate(event.target.value)}
        error={errors.arrivalDate}
      />
      <Textfield
        id={`${prefix}-languages`}
        label={t('familyHomes.youths.languages')}
        description={t('familyHomes.youths.languagesHelp')}
        value={languages}
        maxLength={250}
        onChange={(event) => setLanguages(event.target.value)}
        error={errors.languages}
      />
      <FormFoot error={error} busy={busy} label={t('familyHomes.youths.save')} />
      <div className="button-row">
        <Button variant="tertiary" onClick={onCancel}>
          {t('familyHomes.youths.cancel')}
        </Button>
      </div>
    </form>
  );
}
