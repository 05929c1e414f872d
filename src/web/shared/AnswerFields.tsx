import { Checkbox, Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  COMMENT_MAX,
  DIET_NOTE_MAX,
  DIETS,
  type Diet,
  MAX_PERSONS,
  RESPONSES,
  type Response,
} from '../../domain/answer.js';

/**
 * A household's answer to an invitation as a form: used where a foster parent answers on My page
 * and where the team notes an answer given on the phone. The public answer page (/svar) is
 * rendered on the server and has its own HTML.
 */
export interface AnswerForm {
  response: Response | '';
  adults: string;
  children: string;
  diet: Diet[];
  dietNote: string;
  comment: string;
}

export type AnswerField = 'response' | 'adults' | 'children' | 'dietNote' | 'comment';
export type AnswerErrors = Partial<Record<AnswerField, string>>;

/** The form filled from a stored answer, or with `adults` adults when there is none. */
export function answerFormOf(
  answer: {
    response: Response;
    adults: number;
    children: number;
    diet: string[];
    dietNote: string | null;
    comment: string | null;
  } | null,
  adults = 1,
): AnswerForm {
  const coming = answer?.response === 'coming';
  return {
    response: answer?.response ?? '',
    adults: String(coming ? answer.adults : adults),
    children: String(coming ? answer.children : 0),
    diet: (answer?.diet ?? []) as Diet[],
    dietNote: answer?.dietNote ?? '',
    comment: answer?.comment ?? '',
  };
}

const count = (value: string) => (/^\d{1,2}$/.test(value.trim()) ? Number(value) : Number.NaN);

/** What is wrong with the form, in the words of `message` (an i18n key prefix's messages). */
export function checkAnswerForm(
  form: AnswerForm,
  message: (rule: 'response' | 'adults' | 'children' | 'persons' | 'dietNote' | 'comment') => string,
): AnswerErrors {
  const found: AnswerErrors = {};
  if (!form.response) found.response = message('response');
  if (form.response === 'coming') {
    const adults = count(form.adults);
    const children = count(form.children);
    if (!(adults >= 0 && adults <= MAX_PERSONS)) found.adults = message('adults');
    if (!(children >= 0 && children <= MAX_PERSONS)) found.children = message('children');
    if (!found.adults && !found.children && adults + children < 1) found.adults = message('persons');
  }
  if (form.dietNote.length > DIET_NOTE_MAX) found.dietNote = message('dietNote');
  if (form.comment.length > COMMENT_MAX) found.comment = message('comment');
  return found;
}

/** The answer as the API takes it: numbers and food only for "coming", empty texts as null. */
export function answerBody(form: AnswerForm) {
  const coming = form.response === 'coming';
  return {
    response: form.response,
    adults: coming ? Number(form.adults) : 0,
    children: coming ? Number(form.children) : 0,
    diet: coming ? form.diet : [],
    dietNote: coming && form.dietNote.trim() ? form.dietNote.trim() : null,
    comment: form.comment.trim() ? form.comment.trim() : null,
  };
}

/** The id of a field's input, to move focus to the first that needs fixing. */
export const answerFieldId = (id: string, field: AnswerField) =>
  field === 'response' ? `${id}-response` : `${id}-${field}`;

export interface AnswerLabels {
  question: string;
  response: (response: Response) => string;
  adults: string;
  children: string;
  diet: string;
  dietHint?: string;
  dietNote: string;
  comment: string;
}

export function AnswerFields({
  id,
  form,
  errors,
  labels,
  onChange,
}: {
  id: string;
  form: AnswerForm;
  errors: AnswerErrors;
  labels: AnswerLabels;
  onChange: (patch: Partial<AnswerForm>, field?: AnswerField) => void;
}) {
  const { t } = useTranslation();
  const counter = (limit: number) => ({ limit, under: t('my.form.under'), over: t('my.form.over') });
  const number = (field: 'adults' | 'children') => (
    <Textfield
      id={answerFieldId(id, field)}
      type="number"
      inputMode="numeric"
      min={0}
      max={MAX_PERSONS}
      label={labels[field]}
      value={form[field]}
      onChange={(e) => onChange({ [field]: e.target.value }, field)}
      error={errors[field]}
    />
  );
  return (
    <>
      <Fieldset>
        <Fieldset.Legend>{labels.question}</Fieldset.Legend>
        {RESPONSES.map((response, index) => (
          <Radio
            key={response}
            id={index === 0 ? answerFieldId(id, 'response') : undefined}
            name={`${id}-response`}
            value={response}
            label={labels.response(response)}
            checked={form.response === response}
            onChange={() => onChange({ response }, 'response')}
            aria-invalid={errors.response ? true : undefined}
          />
        ))}
        {errors.response ? <ValidationMessage>{errors.response}</ValidationMessage> : null}
      </Fieldset>
      {form.response === 'coming' ? (
        <>
          <div className="answer-numbers">
            {number('adults')}
            {number('children')}
          </div>
          <Fieldset>
            <Fieldset.Legend>{labels.diet}</Fieldset.Legend>
            {labels.dietHint ? <Fieldset.Description>{labels.dietHint}</Fieldset.Description> : null}
            <div className="answer-diets">
              {DIETS.map((diet) => (
                <Checkbox
                  key={diet}
                  label={t(`my.diets.${diet}`)}
                  value={diet}
                  checked={form.diet.includes(diet)}
                  onChange={(e) =>
                    onChange({
                      diet: e.target.checked
                        ? [...form.diet, diet]
                        : form.diet.filter((chosen) => chosen !== diet),
                    })
                  }
                />
              ))}
            </div>
          </Fieldset>
          <Textfield
            id={answerFieldId(id, 'dietNote')}
            label={labels.dietNote}
            value={form.dietNote}
            onChange={(e) => onChange({ dietNote: e.target.value }, 'dietNote')}
            error={errors.dietNote}
            counter={counter(DIET_NOTE_MAX)}
          />
        </>
      ) : null}
      <Textfield
        id={answerFieldId(id, 'comment')}
        multiline
        rows={3}
        label={labels.comment}
        value={form.comment}
        onChange={(e) => onChange({ comment: e.target.value }, 'comment')}
        error={errors.comment}
        counter={counter(COMMENT_MAX)}
      />
    </>
  );
}
