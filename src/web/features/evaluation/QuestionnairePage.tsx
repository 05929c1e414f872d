import { Button, Fieldset, Paragraph, Radio, Spinner, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../domain/good-start.js';
import type { QuestionnaireView } from '../../../features/evaluation/contract.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import '../good-start/good-start.css';

const LANGUAGES = ['nb', 'nn', 'en'] as const;

/**
 * /god-start/sporreskjema: the team edits the questionnaire, the same before and after. A question
 * keeps its id when its words change, so before and after still pair; a new question gets a new id.
 */
export function QuestionnairePage() {
  const { t } = useTranslation();
  const loaded = useLoad<QuestionnaireView>('/api/evaluation/questionnaire');
  const [questions, setQuestions] = useState<Question[]>([]);
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState(false);
  const { busy, error, begin, save } = useSave();

  useEffect(() => {
    if (!loaded.data) return;
    setQuestions(loaded.data.questions);
    setVersion(loaded.data.version);
  }, [loaded.data]);

  const edit = (index: number, next: Partial<Question>) => {
    setSaved(false);
    setQuestions((current) => current.map((q, i) => (i === index ? { ...q, ...next } : q)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    setSaved(false);
    void save(async () => {
      const answer = await api.put<QuestionnaireView>('/api/evaluation/questionnaire', {
        questions,
        version,
      });
      setQuestions(answer.questions);
      setVersion(answer.version);
      setSaved(true);
    });
  };

  const add = () =>
    setQuestions((current) => [
      ...current,
      { id: `q${Date.now().toString(36)}`, type: 'scale', text: { nb: '', nn: '', en: '' } },
    ]);

  return (
    <Page title={t('evaluation.questionnaire.title')}>
      <Paragraph className="measure">{t('evaluation.questionnaire.intro')}</Paragraph>
      <ErrorNotice error={loaded.error} />
      {!loaded.data && !loaded.error ? <Spinner aria-label={t('app.loading')} /> : null}
      {loaded.data ? (
        <form noValidate onSubmit={submit} className="form">
          {questions.map((q, i) => (
            <Fieldset key={q.id}>
              <Fieldset.Legend>{t('evaluation.questionnaire.question', { number: i + 1 })}</Fieldset.Legend>
              <Radio
                name={`type-${q.id}`}
                label={t('evaluation.questionnaire.scale')}
                value="scale"
                checked={q.type === 'scale'}
                onChange={() => edit(i, { type: 'scale' })}
              />
              <Radio
                name={`type-${q.id}`}
                label={t('evaluation.questionnaire.text')}
                value="text"
                checked={q.type === 'text'}
                onChange={() => edit(i, { type: 'text' })}
              />
              {LANGUAGES.map((language) => (
                <Textfield
                  key={language}
                  label={t(`evaluation.questionnaire.in.${language}`)}
                  value={q.text[language]}
                  maxLength={300}
                  onChange={(e) => edit(i, { text: { ...q.text, [language]: e.target.value } })}
                />
              ))}
              <div className="button-row">
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => setQuestions((current) => current.filter((_, j) => j !== i))}
                >
                  {t('evaluation.questionnaire.remove', { number: i + 1 })}
                </Button>
              </div>
            </Fieldset>
          ))}
          <div className="button-row">
            <Button variant="secondary" onClick={add}>
              {t('evaluation.questionnaire.add')}
            </Button>
          </div>
          <FormFoot
            saved={saved ? t('evaluation.questionnaire.saved') : undefined}
            error={error}
            busy={busy}
            label={t('evaluation.questionnaire.save')}
          />
        </form>
      ) : null}
    </Page>
  );
}
