import {
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_LANGUAGES, FORM_TEXT_MAX, isChoice, type QuestionType } from '../../../domain/feedback.js';
import type { FeedbackForm, FeedbackQuestion } from '../../../features/feedback/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { Notice } from '../../shared/Notice.js';
import { fromOsloInputValue, osloInputValue } from '../../shared/oslo-input.js';
import { SaveBar } from '../../shared/SaveBar.js';
import { useFocusLater } from '../../shared/use-focus-later.js';
import { nextId, textIn } from './form.js';
import { OptionFields } from './OptionFields.js';

export type Errors = Record<string, string>;

/** The question types in the order the editor offers them: the open text last. */
const QUESTION_ORDER = [
  'scale',
  'single',
  'multiple',
  'topics',
  'text',
] as const satisfies readonly QuestionType[];

export function FormEditor({
  view,
  base,
  justSaved,
  onSaved,
  onReload,
}: {
  view: FeedbackForm;
  base: string;
  justSaved: boolean;
  onSaved: (saved: FeedbackForm) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [questions, setQuestions] = useState<FeedbackQuestion[]>(view.questions);
  const [languages, setLanguages] = useState<string[]>(view.languages);
  const [closesAt, setClosesAt] = useState(osloInputValue(view.closesAt));
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(justSaved);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const focusLater = useFocusLater();

  const edit = (next: FeedbackQuestion[]) => {
    setQuestions(next);
    setSaved(false);
  };
  const setQuestion = (id: string, change: Partial<FeedbackQuestion>) =>
    edit(questions.map((q) => (q.id === id ? { ...q, ...change } : q)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...questions];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    const to = index + by;
    next.splice(to, 0, moved);
    edit(next);
    // Focus stays on the button pressed, or on the other one when it is now disabled (top, bottom).
    const direction = (by < 0 && to > 0) || to === next.length - 1 ? 'up' : 'down';
    focusLater(`fb-${moved.id}-${direction}`);
  };
  const remove = (index: number) => {
    const next = questions.filter((_, i) => i !== index);
    edit(next);
    focusLater(
      next[Math.min(index, next.length - 1)]
        ? `fb-${next[Math.min(index, next.length - 1)]?.id}-type`
        : 'fb-add',
    );
  };
  const add = () => {
    const id = nextId(
      'q',
      questions.map((q) => q.id),
    );
    edit([...questions, { id, type: 'scale', text: {} }]);
    focusLater(`fb-${id}-type`);
  };
  const changeType = (question: FeedbackQuestion, type: QuestionType) => {
    const options =
      isChoice(type) && !question.options?.length
        ? [
            { id: 'o1', text: {} },
            { id: 'o2', text: {} },
          ]
        : question.options;
    setQuestion(question.id, { type, options: isChoice(type) ? options : undefined });
  };
  const setOptionText = (question: FeedbackQuestion, optionId: string, language: string, value: string) =>
    setQuestion(question.id, {
      options: (question.options ?? []).map((o) =>
        o.id === optionId ? { ...o, text: { ...o.text, [language]: value } } : o,
      ),
    });
  const addOption = (question: FeedbackQuestion) => {
    const id = nextId(
      'o',
      (question.options ?? []).map((o) => o.id),
    );
    setQuestion(question.id, { options: [...(question.options ?? []), { id, text: {} }] });
    focusLater(`fb-${question.id}-${id}-${languages[0] ?? 'nb'}`);
  };
  const removeOption = (question: FeedbackQuestion, optionId: string) => {
    setQuestion(question.id, { options: (question.options ?? []).filter((o) => o.id !== optionId) });
    focusLater(`fb-${question.id}-add-option`);
  };

  /** A field path from the server («questions.2.options.1.text.en») → the id of its input. */
  const idOf = (field: string): string => {
    const match = /^questions\.(\d+)(?:\.(text|options|id)(?:\.(\d+))?(?:\.text)?(?:\.(\w+))?)?/.exec(field);
    if (field.startsWith('languages')) return 'fb-languages';
    if (field.startsWith('closesAt')) return 'fb-closes';
    if (!match) return 'fb-add';
    const question = questions[Number(match[1])];
    if (!question) return 'fb-add';
    const [, , part, optionIndex, language] = match;
    if (part === 'text') return `fb-${question.id}-text-${language ?? languages[0]}`;
    if (part === 'options' && optionIndex !== undefined) {
      const option = question.options?.[Number(optionIndex)];
      if (option) return `fb-${question.id}-${option.id}-${language ?? languages[0]}`;
    }
    if (part === 'options') return `fb-${question.id}-add-option`;
    return `fb-${question.id}-type`;
  };

  const check = (): Errors => {
    const found: Errors = {};
    if (languages.length === 0) found['fb-languages'] = t('cafe.feedback.errors.languages');
    if (questions.length === 0) found['fb-add'] = t('cafe.feedback.errors.noQuestions');
    if (!fromOsloInputValue(closesAt)) found['fb-closes'] = t('cafe.feedback.errors.closesAt');
    for (const question of questions) {
      for (const language of languages) {
        if (!question.text[language]?.trim())
          found[`fb-${question.id}-text-${language}`] = t('cafe.feedback.errors.text');
      }
      if (isChoice(question.type)) {
        if ((question.options ?? []).length < 2)
          found[`fb-${question.id}-add-option`] = t('cafe.feedback.errors.options');
        for (const option of question.options ?? []) {
          for (const language of languages) {
            if (!option.text[language]?.trim())
              found[`fb-${question.id}-${option.id}-${language}`] = t('cafe.feedback.errors.text');
          }
        }
      }
    }
    return found;
  };

  const submit = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (busyRef.current) return;
    setError(undefined);
    setConflict(false);
    setSaved(false);
    const found = check();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      focusLater(first);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    try {
      const body = {
        questions: questions.map((q) => ({
          id: q.id,
          type: q.type,
          text: q.text,
          ...(isChoice(q.type) ? { options: q.options ?? [] } : {}),
        })),
        languages,
        closesAt: fromOsloInputValue(closesAt),
        version: view.version,
      };
      const result = await api.put<FeedbackForm>(`${base}/feedback`, body);
      onSaved(result);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'feedback.conflict') setConflict(true);
      else if (caught instanceof ApiError && Array.isArray(caught.details)) {
        const fromServer: Errors = {};
        for (const detail of caught.details as { field?: string }[]) {
          if (detail.field) fromServer[idOf(detail.field)] = t('cafe.feedback.errors.invalid');
        }
        setErrors(fromServer);
        setError(caught);
        const firstField = Object.keys(fromServer)[0];
        if (firstField) focusLater(firstField);
      } else {
        if (caught instanceof ApiError && caught.code.startsWith('feedback.closes'))
          setErrors({ 'fb-closes': t(`errors.${caught.code}`) });
        setError(caught);
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const languageName = (language: string) => t(`cafe.feedback.languages.${language}`);

  return (
    <section aria-labelledby="feedback-form-heading" className="stack">
      <Heading level={2} data-size="sm" id="feedback-form-heading">
        {t('cafe.feedback.formHeading')}
      </Heading>
      {view.saved ? null : <Paragraph className="measure">{t('cafe.feedback.defaultHint')}</Paragraph>}
      {view.responses > 0 ? (
        <Notice kind="info">{t('cafe.feedback.changeWithAnswers', { count: view.responses })}</Notice>
      ) : null}
      {saved ? <Notice>{t('cafe.feedback.saved')}</Notice> : null}
      <form noValidate onSubmit={submit} className="form">
        <Fieldset>
          <Fieldset.Legend>{t('cafe.feedback.languagesLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('cafe.feedback.languagesHint')}</Fieldset.Description>
          {FORM_LANGUAGES.map((language, index) => (
            <Checkbox
              key={language}
              id={index === 0 ? 'fb-languages' : undefined}
              label={languageName(language)}
              checked={languages.includes(language)}
              onChange={(e) => {
                setSaved(false);
                setLanguages(
                  e.target.checked
                    ? FORM_LANGUAGES.filter((l) => l === language || languages.includes(l))
                    : languages.filter((l) => l !== language),
                );
              }}
              aria-invalid={errors['fb-languages'] ? true : undefined}
              aria-describedby={errors['fb-languages'] ? 'fb-languages-error' : undefined}
            />
          ))}
          {errors['fb-languages'] ? (
            <ValidationMessage id="fb-languages-error">{errors['fb-languages']}</ValidationMessage>
          ) : null}
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('cafe.feedback.questionsLegend')}</Fieldset.Legend>
          <div className="stack">
            {questions.map((question, index) => (
              <Card key={question.id} data-color="neutral" className="stack">
                <Fieldset>
                  <Fieldset.Legend>
                    {t('cafe.feedback.question', { number: index + 1 })}
                    {': '}
                    {textIn(question.text, languages[0] ?? 'nb', languages) || '…'}
                  </Fieldset.Legend>
                  <Field>
                    <Label>{t('cafe.feedback.type')}</Label>
                    <Select
                      id={`fb-${question.id}-type`}
                      value={question.type}
                      onChange={(e) => changeType(question, e.target.value as QuestionType)}
                    >
                      {QUESTION_ORDER.map((type) => (
                        <Select.Option key={type} value={type}>
                          {t(`cafe.feedback.types.${type}`)}
                        </Select.Option>
                      ))}
                    </Select>
                  </Field>
                  {languages.map((language) => (
                    <Textfield
                      key={language}
                      id={`fb-${question.id}-text-${language}`}
                      label={t('cafe.feedback.questionText', { language: languageName(language) })}
                      lang={language}
                      dir={language === 'ar' ? 'rtl' : undefined}
                      value={question.text[language] ?? ''}
                      maxLength={FORM_TEXT_MAX}
                      onChange={(e) =>
                        setQuestion(question.id, { text: { ...question.text, [language]: e.target.value } })
                      }
                      error={errors[`fb-${question.id}-text-${language}`]}
                      autoComplete="off"
                    />
                  ))}
                  {isChoice(question.type) ? (
                    <OptionFields
                      question={question}
                      languages={languages}
                      errors={errors}
                      onText={(optionId, language, value) =>
                        setOptionText(question, optionId, language, value)
                      }
                      onAdd={() => addOption(question)}
                      onRemove={(optionId) => removeOption(question, optionId)}
                    />
                  ) : null}
                  <div className="button-row">
                    <Button
                      id={`fb-${question.id}-up`}
                      variant="tertiary"
                      data-size="sm"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      {t('cafe.feedback.moveUp', { number: index + 1 })}
                    </Button>
                    <Button
                      id={`fb-${question.id}-down`}
                      variant="tertiary"
                      data-size="sm"
                      disabled={index === questions.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      {t('cafe.feedback.moveDown', { number: index + 1 })}
                    </Button>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      onClick={() => remove(index)}
                    >
                      {t('cafe.feedback.remove', { number: index + 1 })}
                    </Button>
                  </div>
                </Fieldset>
              </Card>
            ))}
            <div>
              <Button id="fb-add" variant="secondary" onClick={add} disabled={questions.length >= 20}>
                {t('cafe.feedback.add')}
              </Button>
              {errors['fb-add'] ? <ValidationMessage>{errors['fb-add']}</ValidationMessage> : null}
            </div>
          </div>
        </Fieldset>

        <Textfield
          id="fb-closes"
          type="datetime-local"
          label={t('cafe.feedback.closesAt')}
          description={t('cafe.feedback.closesAtHint', {
            when: formatDateTime(view.defaultClosesAt, i18n.language),
          })}
          value={closesAt}
          onChange={(e) => {
            setClosesAt(e.target.value);
            setSaved(false);
          }}
          error={errors['fb-closes']}
        />

        <SaveBar
          conflict={conflict}
          conflictText={t('errors.feedback.conflict')}
          reloadText={t('cafe.feedback.reload')}
          onReload={onReload}
          error={error}
          busy={busy}
          label={view.saved ? t('cafe.feedback.save') : t('cafe.feedback.saveFirst')}
        />
      </form>
    </section>
  );
}
