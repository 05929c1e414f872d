/**
 * The feedback form a café starts from (issue 8, point 1): five short, warm questions in bokmål,
 * nynorsk and English. The team changes, removes or adds questions from here; what it saves is
 * the event's own form (feedback_form.questions).
 */

export const QUESTION_TYPES = ['scale', 'single', 'multiple', 'text', 'topics'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The languages a form can be written in: those the public page has its own words for. */
export const FORM_LANGUAGES = ['nb', 'nn', 'en', 'ar'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** A text in each of the form's languages: { nb: '…', en: '…' }. */
export type Texts = Partial<Record<string, string>>;

export interface FeedbackOption {
  id: string;
  text: Texts;
}

export interface FeedbackQuestion {
  id: string;
  type: QuestionType;
  text: Texts;
  /** single, multiple and topics only. */
  options?: FeedbackOption[];
}

/** Types whose answer is one or more of the question's options. */
export const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple', 'topics'];

const option = (id: string, nb: string, nn: string, en: string): FeedbackOption => ({
  id,
  text: { nb, nn, en },
});

export const DEFAULT_LANGUAGES: FormLanguage[] = ['nb', 'nn', 'en'];

/** The default form: a fresh copy each time, so a caller may change it. */
export function defaultQuestions(): FeedbackQuestion[] {
  return [
    {
      id: 'q1',
      type: 'scale',
      text: {
        nb: 'Hvordan var kvelden for deg?',
        nn: 'Korleis var kvelden for deg?',
        en: 'How was the evening for you?',
      },
    },
    {
      id: 'q2',
      type: 'scale',
      text: {
        nb: 'Hva syntes du om temaet for kvelden?',
        nn: 'Kva syntest du om temaet for kvelden?',
        en: "What did you think of the evening's topic?",
      },
    },
    {
      id: 'q3',
      type: 'single',
      text: {
        nb: 'Vil du komme igjen?',
        nn: 'Vil du kome att?',
        en: 'Would you come again?',
      },
      options: [
        option('o1', 'Ja', 'Ja', 'Yes'),
        option('o2', 'Kanskje', 'Kanskje', 'Maybe'),
        option('o3', 'Nei', 'Nei', 'No'),
      ],
    },
    {
      id: 'q4',
      type: 'topics',
      text: {
        nb: 'Hvilke tema vil du snakke om neste gang?',
        nn: 'Kva tema vil du snakke om neste gong?',
        en: 'Which topics would you like next time?',
      },
      options: [
        option('o1', 'Tilknytning', 'Tilknyting', 'Attachment'),
        option('o2', 'Tenåringer', 'Tenåringar', 'Teenagers'),
        option('o3', 'Samvær med foreldre', 'Samvær med foreldre', 'Contact with birth parents'),
        option('o4', 'Skole', 'Skule', 'School'),
        option('o5', 'Sorg og tap', 'Sorg og tap', 'Grief and loss'),
        option(
          'o6',
          'Egen helse som fosterforelder',
          'Eiga helse som fosterforelder',
          'Your own health as a foster parent',
        ),
      ],
    },
    {
      id: 'q5',
      type: 'text',
      text: {
        nb: 'Er det noe annet du vil si til oss?',
        nn: 'Er det noko anna du vil seie til oss?',
        en: 'Is there anything else you would like to tell us?',
      },
    },
  ];
}
