import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REMINDER_GROUPS, type ReminderGroup } from '../../../domain/reminders.js';
import type { Overview } from '../../../features/overview/contract.js';
import type { ReminderDays, RemindNowResult } from '../../../features/sending/contract.js';
import { api } from '../../shared/api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { osloTime, shortDate } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { REMINDER_DAYS_SHOWN, reminderName } from './answers.js';

/** The reminder schedule (days before), the reminders that went, and a reminder now to one group. */
export function Reminders({
  view,
  eventPath,
  closed,
  announce,
  onChanged,
}: {
  view: Overview;
  eventPath: string;
  closed: boolean;
  announce: (text: string) => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<number[]>(view.reminders);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [group, setGroup] = useState<ReminderGroup>('silent');
  const [confirming, setConfirming] = useState(false);
  const size: Record<ReminderGroup, number> = {
    silent: view.counts.silent,
    coming: view.counts.coming.households,
    maybe: view.counts.maybe,
  };
  const changed = [...days].sort().join() !== [...view.reminders].sort().join();

  const save = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const answer = await api.put<ReminderDays>(`${eventPath}/reminders`, { days });
      setDays(answer.reminders);
      announce(
        answer.reminders.length > 0
          ? t('cafe.overview.event.remindersSaved')
          : t('cafe.overview.event.remindersOff'),
      );
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const sendNow = async () => {
    const answer = await api.post<RemindNowResult>(`${eventPath}/reminders/now`, { group });
    setConfirming(false);
    const later = Date.parse(answer.at) > Date.now() + 60_000;
    announce(
      answer.queued === 0
        ? t('cafe.overview.event.nowNone')
        : later
          ? t('cafe.overview.event.nowLater', {
              count: answer.queued,
              time: osloTime(answer.at, i18n.language),
            })
          : t('cafe.overview.event.nowDone', { count: answer.queued }),
    );
    onChanged();
  };

  return (
    <section aria-labelledby="overview-reminders-heading" className="stack">
      <Heading level={2} data-size="sm" id="overview-reminders-heading">
        {t('cafe.overview.event.remindersHeading')}
      </Heading>
      <Paragraph className="measure">{t('cafe.overview.event.remindersIntro')}</Paragraph>
      <form noValidate onSubmit={save} className="stack">
        <Fieldset>
          <Fieldset.Legend>{t('cafe.overview.event.daysLegend')}</Fieldset.Legend>
          <div className="overview-days">
            {REMINDER_DAYS_SHOWN.map((d) => (
              <Checkbox
                key={d}
                label={t('cafe.overview.event.daysBefore', { count: d })}
                value={String(d)}
                checked={days.includes(d)}
                onChange={(e) =>
                  setDays((current) => (e.target.checked ? [...current, d] : current.filter((x) => x !== d)))
                }
              />
            ))}
          </div>
        </Fieldset>
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button
            type="submit"
            variant="secondary"
            loading={saving}
            aria-disabled={saving || !changed || undefined}
          >
            {t('cafe.overview.event.saveReminders')}
          </Button>
        </div>
      </form>
      {view.remindersSent.length > 0 ? (
        <div className="stack">
          <Heading level={3} data-size="xs">
            {t('cafe.overview.event.sentHeading')}
          </Heading>
          <ul className="overview-sent">
            {view.remindersSent.map((r) => (
              <li key={r.key}>
                {t('cafe.overview.event.sentItem', {
                  what: reminderName(t, r.key),
                  households: t('cafe.overview.event.households', { count: r.households }),
                  when: `${shortDate(r.at.slice(0, 10), i18n.language)} ${osloTime(r.at, i18n.language)}`,
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {closed ? null : (
        <div className="stack">
          <Heading level={3} data-size="xs">
            {t('cafe.overview.event.nowHeading')}
          </Heading>
          <div className="overview-now">
            <Field>
              <Label>{t('cafe.overview.event.group')}</Label>
              <Select
                id="overview-group"
                value={group}
                onChange={(e) => setGroup(e.target.value as ReminderGroup)}
              >
                {REMINDER_GROUPS.map((g) => (
                  <Select.Option key={g} value={g}>
                    {t(`cafe.overview.event.groups.${g}`, { count: size[g] })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button onClick={() => setConfirming(true)}>{t('cafe.overview.event.nowButton')}</Button>
          </div>
        </div>
      )}
      {confirming ? (
        <ConfirmDialog
          title={t('cafe.overview.event.confirmTitle')}
          body={t('cafe.overview.event.confirmBody', {
            group: t(`cafe.overview.event.groupNames.${group}`),
            households: t('cafe.overview.event.households', { count: size[group] }),
          })}
          confirmLabel={t('cafe.overview.event.confirm')}
          onConfirm={sendNow}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
