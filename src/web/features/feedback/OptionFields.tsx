import { Button, Fieldset, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FORM_TEXT_MAX } from '../../../domain/feedback.js';
import type { FeedbackQuestion } from '../../../features/feedback/contract.js';

/** The answers to choose from of one question, each in every language of the form. */
export function OptionFields({
  question,
  languages,
  errors,
  onText,
  onAdd,
  onRemove,
}: {
  question: FeedbackQuestion;
  languages: string[];
  errors: Record<string, string>;
  onText: (optionId: string, language: string, value: string) => void;
  onAdd: () => void;
  onRemove: (optionId: string) => void;
}) {
  const { t } = useTranslation();
  const languageName = (language: string) => t(`cafe.feedback.languages.${language}`);
  return (
    <div className="stack">
      {(question.options ?? []).map((option, optionIndex) => (
        <Fieldset key={option.id}>
          <Fieldset.Legend>{t('cafe.feedback.option', { number: optionIndex + 1 })}</Fieldset.Legend>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(9rem, 1fr))',
              gap: 'var(--ds-size-2)',
            }}
          >
            {languages.map((language) => (
              <Textfield
                key={language}
                id={`fb-${question.id}-${option.id}-${language}`}
                label={languageName(language)}
                lang={language}
                dir={language === 'ar' ? 'rtl' : undefined}
                value={option.text[language] ?? ''}
                maxLength={FORM_TEXT_MAX}
                onChange={(e) => onText(option.id, language, e.target.value)}
                error={errors[`fb-${question.id}-${option.id}-${language}`]}
                autoComplete="off"
              />
            ))}
          </div>
          <div>
            <Button variant="tertiary" data-size="sm" onClick={() => onRemove(option.id)}>
              {t('cafe.feedback.removeOption', { number: optionIndex + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div>
        <Button
          id={`fb-${question.id}-add-option`}
          variant="secondary"
          data-size="sm"
          onClick={onAdd}
          disabled={(question.options ?? []).length >= 12}
          aria-describedby={
            errors[`fb-${question.id}-add-option`] ? `fb-${question.id}-options-error` : undefined
          }
        >
          {t('cafe.feedback.addOption')}
        </Button>
        {errors[`fb-${question.id}-add-option`] ? (
          <ValidationMessage id={`fb-${question.id}-options-error`}>
            {errors[`fb-${question.id}-add-option`]}
          </ValidationMessage>
        ) : null}
      </div>
    </div>
  );
}
