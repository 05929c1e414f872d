import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendingView } from '../../../features/sending/contract.js';
import { ApiError } from '../../shared/api.js';
import { fromOsloInputValue, osloInputValue } from '../../shared/oslo-input.js';
import { atTime } from './status.js';

/** Planning the sending (4–5 weeks before, suggested), moving or dropping the plan, or sending now. */
export function WhenSection({
  view,
  busy,
  onPlan,
  onSendNow,
}: {
  view: SendingView;
  busy: string | null;
  onPlan: (sendAt: string | null, handled?: (caught: unknown) => boolean) => Promise<unknown>;
  onSendNow: () => void;
}) {
  const { t, i18n } = useTranslation();
  const planned = view.sendAt ?? view.defaultSendAt;
  const [value, setValue] = useState(() => osloInputValue(planned));
  const [fieldError, setFieldError] = useState<string>();
  const scheduled = view.state === 'scheduled';
  // A new plan (here or by someone else) shows in the field.
  useEffect(() => setValue(osloInputValue(planned)), [planned]);

  const plan = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    const sendAt = fromOsloInputValue(value);
    if (!sendAt) {
      setFieldError(t('cafe.sending.errors.noTime'));
      document.getElementById('sending-at')?.focus();
      return;
    }
    if (Date.parse(sendAt) <= Date.now()) {
      setFieldError(t('cafe.sending.errors.pastTime'));
      document.getElementById('sending-at')?.focus();
      return;
    }
    setFieldError(undefined);
    // The server refuses a time that has passed meanwhile: said next to the field.
    await onPlan(sendAt, (caught) => {
      if (!(caught instanceof ApiError && caught.code === 'validation.invalid')) return false;
      setFieldError(t('cafe.sending.errors.pastTime'));
      return true;
    });
  };

  return (
    <section aria-labelledby="sending-when-heading" className="stack">
      <Heading level={2} data-size="sm" id="sending-when-heading">
        {t('cafe.sending.whenHeading')}
      </Heading>
      <Paragraph className="measure">
        {t('cafe.sending.whenIntro', { when: atTime(t, i18n.language, view.defaultSendAt) })}
      </Paragraph>
      <form noValidate onSubmit={plan} className="cafe-sending-when">
        <Textfield
          id="sending-at"
          type="datetime-local"
          label={t('cafe.sending.sendAt')}
          description={t('cafe.sending.sendAtHint')}
          value={value}
          min={osloInputValue(new Date().toISOString())}
          onChange={(e) => {
            setValue(e.target.value);
            setFieldError(undefined);
          }}
          error={fieldError}
        />
        <Button type="submit" variant="secondary" loading={busy === 'plan'}>
          {scheduled ? t('cafe.sending.move') : t('cafe.sending.plan')}
        </Button>
      </form>
      <div className="button-row">
        <Button onClick={onSendNow} loading={busy === 'now'} aria-disabled={busy !== null || undefined}>
          {t('cafe.sending.sendNow')}
        </Button>
        {scheduled ? (
          <Button
            variant="tertiary"
            onClick={async () => {
              // The button goes with the plan: the keyboard goes on from the field.
              if (await onPlan(null)) document.getElementById('sending-at')?.focus();
            }}
            loading={busy === 'plan'}
            aria-disabled={busy !== null || undefined}
          >
            {t('cafe.sending.unplan')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
