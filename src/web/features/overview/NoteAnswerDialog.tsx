import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotedAnswer, OverviewHousehold } from '../../../features/overview/contract.js';
import {
  type AnswerErrors,
  type AnswerField,
  AnswerFields,
  type AnswerForm,
  answerBody,
  answerFieldId,
  answerFormOf,
  checkAnswerForm,
} from '../../shared/AnswerFields.js';
import { ApiError, api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { useReturnFocus } from '../../shared/use-return-focus.js';

/** «Noter svar»: the team writes down an answer given on the phone; the household gets its confirmation. */
export function NoteAnswerDialog({
  household,
  eventPath,
  onClose,
  onSaved,
}: {
  household: OverviewHousehold;
  eventPath: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const id = useId();
  const name = household.name || t('registry.noName');
  const [form, setForm] = useState<AnswerForm>(() =>
    answerFormOf(household.response ? { ...household, response: household.response } : null),
  );
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const change = (patch: Partial<AnswerForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
  };

  const save = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (saving) return;
    const found = checkAnswerForm(form, (rule) =>
      t(
        rule === 'response' || rule === 'persons'
          ? `cafe.overview.event.form.errors.${rule}`
          : rule === 'adults' || rule === 'children'
            ? 'cafe.overview.event.form.errors.range'
            : `my.fieldErrors.${rule}`,
      ),
    );
    setErrors(found);
    const first = (Object.keys(found) as AnswerField[])[0];
    if (first) {
      document.getElementById(answerFieldId(id, first))?.focus();
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const answer = await api.put<NotedAnswer>(
        `${eventPath}/answers/${encodeURIComponent(household.id)}`,
        answerBody(form),
      );
      onSaved(
        answer.status === 'waiting'
          ? t('cafe.overview.event.form.savedWaiting', { name, place: answer.place })
          : t('cafe.overview.event.form.saved', { name }),
      );
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={`${id}-heading`}>
      <form noValidate onSubmit={save} className="stack">
        <Heading level={2} data-size="sm" id={`${id}-heading`}>
          {t('cafe.overview.event.form.title', { name })}
        </Heading>
        <Paragraph>{t('cafe.overview.event.form.intro')}</Paragraph>
        <AnswerFields
          id={id}
          form={form}
          errors={errors}
          onChange={change}
          labels={{
            question: t('cafe.overview.event.form.response'),
            response: (response) => t(`cafe.overview.event.form.responses.${response}`),
            adults: t('cafe.overview.event.form.adults'),
            children: t('cafe.overview.event.form.children'),
            diet: t('cafe.overview.event.form.diet'),
            dietNote: t('cafe.overview.event.form.dietNote'),
            comment: t('cafe.overview.event.form.comment'),
          }}
        />
        <ErrorNotice
          error={error instanceof ApiError && error.code === 'validation.invalid' ? undefined : error}
        />
        {error instanceof ApiError && error.code === 'validation.invalid' ? (
          <p className="overview-error">{t('cafe.overview.event.form.errors.invalid')}</p>
        ) : null}
        <div className="button-row">
          <Button type="submit" loading={saving} aria-disabled={saving || undefined}>
            {t('cafe.overview.event.form.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
