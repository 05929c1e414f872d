import {
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import type { CafeEvent } from '../../shared/cafe-types.js';
import { shortDate } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useFocusLater } from '../../shared/use-focus-later.js';
import { useLoad } from '../../shared/use-load.js';
import { fromOsloInputValue, osloInputValue } from '../../shared/oslo-input.js';

/** The feedback form as the API gives and takes it (docs/insight-api.md, Feedback). */
const QUESTION_TYPES = ['scale', 'single', 'multiple', 'topics', 'text'] as const;
type QuestionType = (typeof QUESTION_TYPES)[number];
const LANGUAGES = ['nb', 'nn', 'en', 'ar'] as const;
type Texts = Partial<Record<string, string>>;
interface Option {
  id: string;
  text: Texts;
}
interface Question {
  id: string;
  type: QuestionType;
  text: Texts;
  options?: Option[];
}
interface FormView {
  eventId: string;
  saved: boolean;
  code: string | null;
  url: string | null;
  questions: Question[];
  languages: string[];
  closesAt: string;
  defaultClosesAt: string;
  open: boolean;
  version: number;
  responses: number;
}
interface QuestionResult {
  id: string;
  type: QuestionType;
  text: Texts;
  answered: number;
  options?: { id: string; text: Texts; count: number }[];
  mean?: number | null;
  distribution?: number[];
  texts?: string[];
}
interface Results {
  responses: number;
  languages: string[];
  questions: QuestionResult[];
}

const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple' || type === 'topics';

/** The next free id like q6 / o7 among `ids`. */
function nextId(prefix: string, ids: string[]): string {
  const numbers = ids.map((id) => Number(id.slice(prefix.length))).filter(Number.isInteger);
  return `${prefix}${Math.max(0, ...numbers) + 1}`;
}

/** A text in the UI's language, else in the form's first language that has one. */
function textIn(text: Texts, language: string, languages: string[]): string {
  return (
    text[language] ?? languages.map((l) => text[l]).find(Boolean) ?? Object.values(text).find(Boolean) ?? ''
  );
}

/** /kafe/:eventId/tilbakemelding: compose the feedback form, its QR code and link, and the answers. */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useLoad<CafeEvent>(base);
  const [reload, setReload] = useState(0);
  const [justSaved, setJustSaved] = useState(false);
  const form = useLoad<FormView>(`${base}/feedback`, reload);
  const results = useLoad<Results>(`${base}/feedback/results`, reload);

  const title = event.data
    ? t('cafe.feedback.heading', { title: event.data.title, date: shortDate(event.data.date, i18n.language) })
    : t('cafe.feedback.title');
  return (
    <Page title={title}>
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kafe/${encodeURIComponent(eventId)}`}>{t('cafe.feedback.back')}</RouterLink>
        </Link>
      </Paragraph>
      <CafeError error={event.error ?? form.error} />
      {!form.data ? (
        form.loading && !form.error ? (
          <Spinner aria-label={t('app.loading')} />
        ) : null
      ) : (
        <>
          <Paragraph className="measure">{t('cafe.feedback.intro')}</Paragraph>
          {form.data.saved ? <LinkSection view={form.data} base={base} /> : null}
          <FormEditor
            key={`${form.data.version}-${reload}`}
            view={form.data}
            base={base}
            justSaved={justSaved}
            onSaved={(saved) => {
              form.setData(saved);
              setJustSaved(true);
              setReload((count) => count + 1);
            }}
            onReload={() => setReload((count) => count + 1)}
          />
          <ResultsSection results={results.data} error={results.error} />
        </>
      )}
    </Page>
  );
}

/** The QR code, the short link and the downloads. */
function LinkSection({ view, base }: { view: FormView; base: string }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<'ok' | 'failed'>();
  const url = view.url ?? '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section aria-labelledby="feedback-link-heading" className="stack">
      <Heading level={2} data-size="sm" id="feedback-link-heading">
        {t('cafe.feedback.linkHeading')}
      </Heading>
      <Card data-color="neutral" className="stack">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem', alignItems: 'flex-start' }}>
          <img
            src={`${base}/feedback/qr.svg?v=${encodeURIComponent(url)}`}
            alt={t('cafe.feedback.qrAlt', { url })}
            width={180}
            height={180}
            style={{ display: 'block', maxWidth: '100%', height: 'auto', background: '#fff' }}
          />
          <div className="stack" style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Paragraph>
              {t('cafe.feedback.shortLink')}{' '}
              <Link href={url} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
                <strong>{url}</strong>
              </Link>
            </Paragraph>
            <Paragraph>
              {view.open
                ? t('cafe.feedback.openUntil', { when: formatDateTime(view.closesAt, i18n.language) })
                : t('cafe.feedback.closedSince', { when: formatDateTime(view.closesAt, i18n.language) })}
            </Paragraph>
            <div className="button-row">
              <Button variant="secondary" onClick={copy}>
                {t('cafe.feedback.copy')}
              </Button>
              <Button asChild>
                <a href={`${base}/feedback/sheet.pdf`} download>
                  {t('cafe.feedback.downloadSheet')}
                </a>
              </Button>
              <Button asChild variant="secondary">
                <a href={`${base}/feedback/qr.png`} download>
                  {t('cafe.feedback.downloadPng')}
                </a>
              </Button>
              <Button asChild variant="secondary">
                <a href={`${base}/feedback/qr.svg?download=1`} download>
                  {t('cafe.feedback.downloadSvg')}
                </a>
              </Button>
            </div>
            <div aria-live="polite">
              {copied === 'ok' ? <Paragraph data-size="sm">{t('cafe.feedback.copied')}</Paragraph> : null}
              {copied === 'failed' ? (
                <Paragraph data-size="sm">{t('cafe.feedback.copyFailed')}</Paragraph>
              ) : null}
            </div>
          </div>
        </div>
      </Card>
    </section>
  );
}

type Errors = Record<string, string>;

function FormEditor({
  view,
  base,
  justSaved,
  onSaved,
  onReload,
}: {
  view: FormView;
  base: string;
  justSaved: boolean;
  onSaved: (saved: FormView) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [questions, setQuestions] = useState<Question[]>(view.questions);
  const [languages, setLanguages] = useState<string[]>(view.languages);
  const [closesAt, setClosesAt] = useState(osloInputValue(view.closesAt));
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(justSaved);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const focusLater = useFocusLater();

  const edit = (next: Question[]) => {
    setQuestions(next);
    setSaved(false);
  };
  const setQuestion = (id: string, change: Partial<Question>) =>
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
  const changeType = (question: Question, type: QuestionType) => {
    const options =
      isChoice(type) && !question.options?.length
        ? [
            { id: 'o1', text: {} },
            { id: 'o2', text: {} },
          ]
        : question.options;
    setQuestion(question.id, { type, options: isChoice(type) ? options : undefined });
  };
  const setOptionText = (question: Question, optionId: string, language: string, value: string) =>
    setQuestion(question.id, {
      options: (question.options ?? []).map((o) =>
        o.id === optionId ? { ...o, text: { ...o.text, [language]: value } } : o,
      ),
    });
  const addOption = (question: Question) => {
    const id = nextId(
      'o',
      (question.options ?? []).map((o) => o.id),
    );
    setQuestion(question.id, { options: [...(question.options ?? []), { id, text: {} }] });
    focusLater(`fb-${question.id}-${id}-${languages[0] ?? 'nb'}`);
  };
  const removeOption = (question: Question, optionId: string) => {
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
      const result = await api.put<FormView>(`${base}/feedback`, body);
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
          {LANGUAGES.map((language, index) => (
            <Checkbox
              key={language}
              id={index === 0 ? 'fb-languages' : undefined}
              label={languageName(language)}
              checked={languages.includes(language)}
              onChange={(e) => {
                setSaved(false);
                setLanguages(
                  e.target.checked
                    ? LANGUAGES.filter((l) => l === language || languages.includes(l))
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
                      {QUESTION_TYPES.map((type) => (
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
                      maxLength={300}
                      onChange={(e) =>
                        setQuestion(question.id, { text: { ...question.text, [language]: e.target.value } })
                      }
                      error={errors[`fb-${question.id}-text-${language}`]}
                      autoComplete="off"
                    />
                  ))}
                  {isChoice(question.type) ? (
                    <div className="stack">
                      {(question.options ?? []).map((option, optionIndex) => (
                        <Fieldset key={option.id}>
                          <Fieldset.Legend>
                            {t('cafe.feedback.option', { number: optionIndex + 1 })}
                          </Fieldset.Legend>
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
                                maxLength={300}
                                onChange={(e) => setOptionText(question, option.id, language, e.target.value)}
                                error={errors[`fb-${question.id}-${option.id}-${language}`]}
                                autoComplete="off"
                              />
                            ))}
                          </div>
                          <div>
                            <Button
                              variant="tertiary"
                              data-size="sm"
                              onClick={() => removeOption(question, option.id)}
                            >
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
                          onClick={() => addOption(question)}
                          disabled={(question.options ?? []).length >= 12}
                          aria-describedby={
                            errors[`fb-${question.id}-add-option`]
                              ? `fb-${question.id}-options-error`
                              : undefined
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

        {conflict ? (
          <Notice kind="warning">
            {t('errors.feedback.conflict')}{' '}
            <Button variant="secondary" data-size="sm" onClick={onReload}>
              {t('cafe.feedback.reload')}
            </Button>
          </Notice>
        ) : null}
        <CafeError error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {view.saved ? t('cafe.feedback.save') : t('cafe.feedback.saveFirst')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Bar({ share }: { share: number }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        verticalAlign: 'middle',
        height: '0.75rem',
        width: `${Math.round(share * 8 * 10) / 10}rem`,
        minWidth: share > 0 ? '0.25rem' : 0,
        marginInlineStart: '0.5rem',
        background: 'var(--ds-color-accent-base-default)',
        borderRadius: '2px',
      }}
    />
  );
}

/** The answers: N, counts with bars, scale means, the free texts. */
function ResultsSection({ results, error }: { results?: Results; error: unknown }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value);
  return (
    <section aria-labelledby="feedback-results-heading" className="stack">
      <Heading level={2} data-size="sm" id="feedback-results-heading">
        {t('cafe.feedback.resultsHeading')}
      </Heading>
      <CafeError error={error} />
      {results ? (
        <>
          <Paragraph data-testid="feedback-count">
            <strong>{t('cafe.feedback.responses', { count: results.responses })}</strong>
          </Paragraph>
          {results.responses === 0 ? <Paragraph>{t('cafe.feedback.noResponses')}</Paragraph> : null}
          {results.responses > 0
            ? results.questions.map((question, index) => {
                const heading = `${index + 1}. ${textIn(question.text, i18n.language, results.languages)}`;
                const max = Math.max(1, question.answered);
                const rows =
                  question.type === 'scale'
                    ? (question.distribution ?? []).map((count, i) => ({
                        key: String(i + 1),
                        label: t(`cafe.feedback.scale.${i + 1}`),
                        count,
                      }))
                    : (question.options ?? []).map((option) => ({
                        key: option.id,
                        label: textIn(option.text, i18n.language, results.languages),
                        count: option.count,
                      }));
                return (
                  <Card key={question.id} data-color="neutral" className="stack">
                    <Heading level={3} data-size="2xs">
                      {heading}
                    </Heading>
                    <Paragraph data-size="sm">
                      {t('cafe.feedback.answered', { count: question.answered })}
                      {question.type === 'scale' && question.mean !== null && question.mean !== undefined
                        ? ` · ${t('cafe.feedback.mean', { mean: number(question.mean) })}`
                        : ''}
                    </Paragraph>
                    {question.type === 'text' ? (
                      question.texts?.length ? (
                        <ul className="stack" style={{ paddingInlineStart: '1.25rem', margin: 0 }}>
                          {question.texts.map((text, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: anonymous answers have no id
                            <li key={i} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                              {text}
                            </li>
                          ))}
                        </ul>
                      ) : null
                    ) : (
                      <ScrollTable label={heading}>
                        <Table className="data-table" data-size="sm" style={{ maxWidth: '40rem' }}>
                          <Table.Head>
                            <Table.Row>
                              <Table.HeaderCell style={{ width: '60%' }}>
                                {t('cafe.feedback.answer')}
                              </Table.HeaderCell>
                              <Table.HeaderCell>{t('cafe.feedback.count')}</Table.HeaderCell>
                            </Table.Row>
                          </Table.Head>
                          <Table.Body>
                            {rows.map((row) => (
                              <Table.Row key={row.key}>
                                <Table.Cell>{row.label}</Table.Cell>
                                <Table.Cell style={{ whiteSpace: 'nowrap' }}>
                                  {row.count}
                                  <Bar share={row.count / max} />
                                </Table.Cell>
                              </Table.Row>
                            ))}
                          </Table.Body>
                        </Table>
                      </ScrollTable>
                    )}
                  </Card>
                );
              })
            : null}
        </>
      ) : null}
    </section>
  );
}
