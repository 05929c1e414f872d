import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CounsellorInput,
  CounsellorList,
  FamilyHomeView,
} from '../../../features/family-homes/contract.js';
import { useUser } from '../../app/session.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import { ReasonField } from '../networks/ReasonField.js';

/**
 * The home's family counsellor. The team chooses one; a counsellor who follows two homes already
 * takes a third only when a team leader gives a reason (the server says so to everyone else).
 */
export function CounsellorSection({
  home,
  editable,
  onSaved,
}: {
  home: FamilyHomeView;
  editable: boolean;
  onSaved: (home: FamilyHomeView) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="counsellor-heading" className="family-home-section">
      <Heading level={2} data-size="sm" id="counsellor-heading">
        {t('familyHomes.counsellor.heading')}
      </Heading>
      <Paragraph>{home.counsellor ? home.counsellor.name : t('familyHomes.counsellor.none')}</Paragraph>
      {home.counsellor?.overrideReason ? (
        <Paragraph data-size="sm">
          {t('familyHomes.counsellor.overridden', { reason: home.counsellor.overrideReason })}
        </Paragraph>
      ) : null}
      {editable ? <CounsellorForm home={home} onSaved={onSaved} /> : null}
    </section>
  );
}

function CounsellorForm({
  home,
  onSaved,
}: {
  home: FamilyHomeView;
  onSaved: (home: FamilyHomeView) => void;
}) {
  const { t } = useTranslation();
  const canOverride = useUser().permissions.includes('approvals:decide');
  const { data } = useLoad<CounsellorList>('/api/family-homes/counsellors');
  const [userId, setUserId] = useState(home.counsellor?.id ?? '');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [saved, setSaved] = useState('');
  const { busy, error, begin, save } = useSave();

  if (data && data.counsellors.length === 0)
    return <Paragraph>{t('familyHomes.counsellor.noCounsellors')}</Paragraph>;
  const chosen = data?.counsellors.find((counsellor) => counsellor.id === userId);
  // The home's own counsellor is counted among their homes already.
  const followed = chosen ? chosen.homeCount - (home.counsellor?.id === chosen.id ? 1 : 0) : 0;
  const needsReason = canOverride && data !== undefined && followed >= data.limit;

  const remove = () =>
    save(async () => {
      onSaved(await api.delete<FamilyHomeView>(`/api/family-homes/${home.id}/counsellor`));
      setUserId('');
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    setSaved('');
    if (!userId) {
      if (home.counsellor) await remove();
      return;
    }
    if (needsReason && !reason.trim()) {
      setReasonMissing(true);
      document.getElementById('counsellor-reason')?.focus();
      return;
    }
    const input: CounsellorInput = { userId, ...(needsReason ? { overrideReason: reason.trim() } : {}) };
    await save(async () => {
      onSaved(await api.put<FamilyHomeView>(`/api/family-homes/${home.id}/counsellor`, input));
      setReason('');
      setSaved(t('familyHomes.counsellor.saved'));
    });
  };

  return (
    <form noValidate onSubmit={submit} className="family-home-form">
      <Field>
        <Label>{t('familyHomes.counsellor.choose')}</Label>
        <Select
          id="counsellor-user"
          value={userId}
          onChange={(event) => {
            setUserId(event.target.value);
            setSaved('');
          }}
        >
          <Select.Option value="">{t('familyHomes.noCounsellor')}</Select.Option>
          {data?.counsellors.map((counsellor) => (
            <Select.Option key={counsellor.id} value={counsellor.id}>
              {t('familyHomes.counsellor.option', {
                name: counsellor.name,
                count: counsellor.homeCount,
                limit: data.limit,
              })}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {needsReason ? (
        <>
          <Paragraph data-size="sm">{t('familyHomes.counsellor.overrideHelp')}</Paragraph>
          <ReasonField
            id="counsellor-reason"
            label={t('familyHomes.counsellor.overrideReason')}
            missingText={t('familyHomes.fieldErrors.required')}
            rows={2}
            value={reason}
            missing={reasonMissing}
            onChange={(value) => {
              setReason(value);
              setReasonMissing(false);
            }}
          />
        </>
      ) : null}
      <FormFoot saved={saved} error={error} busy={busy} label={t('familyHomes.counsellor.save')} />
      {home.counsellor ? (
        <div className="button-row">
          <Button variant="tertiary" onClick={remove}>
            {t('familyHomes.counsellor.remove')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
