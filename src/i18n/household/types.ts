import type { NoticeKind } from '../../domain/notices.js';
import type { TemplateText } from '../../domain/template.js';

/**
 * Every word a household reads, in one language: the answer page, the feedback page and the
 * feedback form Landsby starts from, the notices after an invitation (confirmations, promotions,
 * reminders), the letter's own labels, the words an invitation's facts are written with, and
 * the invitation template a team starts from. One object per language (nb.ts, nn.ts, en.ts,
 * ar.ts …): adding a language is adding one file and naming it in words.ts.
 *
 * Not in the staff catalogues (../nb.json …): a household can read a language the staff's UI
 * does not have (Arabic, right to left), and the words carry functions for counts and dates.
 */
export interface HouseholdWords {
  /** The words' own language: what a page or letter in them declares (lang="…"). */
  language: string;
  /**
   * 'machine': machine-translated, awaiting a native speaker's review (staff see it where they
   * choose a language, so a municipality knows what it sends). Absent: written or checked by a
   * person who reads the language.
   */
  review?: 'machine';
  /** "1 voksen", "2 voksne", "0 barn": a number with its word. */
  persons: (adults: number, children: number) => { adults: string; children: string };
  /** Where to get help: the foot of every public page says it, in the same place (WCAG 3.2.6). */
  help: string;
  answer: AnswerWords;
  feedback: FeedbackWords;
  /** The feedback form's default questions and options, where the language has them. */
  feedbackForm?: FeedbackFormTexts;
  /** The group confidentiality agreement's signing page and its e-mail, where the language has them. */
  confidentiality?: ConfidentialityWords;
  /** The resource family's agreement (oppdragsavtale): its signing page and e-mail, where the language has them. */
  agreementSigning?: AgreementSigningWords;
  /**
   * The short messages after an invitation, with the template's merge fields ({fornavn},
   * {tittel}, …) and the notice's own {voksne}, {barn} and {plass}.
   */
  notices: Record<NoticeKind, TemplateText>;
  letter: LetterLabels;
  invitation: InvitationWords;
  /** Simple, warm, personal: first names, food, no pressure. */
  defaultTemplate: TemplateText;
}

/** The household's answer page. */
export interface AnswerWords {
  team: string;
  hello: (names: string) => string;
  when: string;
  where: string;
  map: string;
  programme: string;
  hosts: string;
  question: string;
  coming: string;
  notComing: string;
  maybe: string;
  adults: string;
  children: string;
  diet: string;
  diets: Record<string, string>;
  dietNote: string;
  comment: string;
  commentHint: (max: number) => string;
  send: string;
  change: string;
  saved: string;
  yourAnswer: string;
  answerComing: (adults: number, children: number) => string;
  answerWaiting: (place: number) => string;
  answerMaybe: string;
  answerNotComing: string;
  deadline: (date: string) => string;
  deadlinePassed: (date: string, hosts: string) => string;
  closed: string;
  /** The answer page of a cancelled café. */
  cancelled: string;
  calendar: string;
  googleCalendar: string;
  errorsHeading: string;
  errors: Record<string, string>;
  badLinkTitle: string;
  badLink: string;
  busyTitle: string;
  busy: string;
}
/** The feedback form people open from the QR code on the tables. */
export interface FeedbackWords {
  /** The language's own name, for the links between the form's languages. */
  name: string;
  team: string;
  languages: string;
  intro: string;
  anonymous: string;
  scale: [string, string, string, string, string];
  optional: string;
  chooseMany: string;
  textHint: (max: number) => string;
  send: string;
  errorsHeading: string;
  empty: string;
  invalid: string;
  thanksTitle: string;
  thanks: string;
  alreadyTitle: string;
  already: string;
  closedTitle: string;
  closed: string;
  badLinkTitle: string;
  badLink: string;
  busyTitle: string;
  busy: string;
  /** The line under the QR code on the printed sheet. */
  sheetLine: string;
}
/** The default feedback form: question texts by question id, option texts by question and option id. */
export interface FeedbackFormTexts {
  questions: Record<string, string>;
  options: Record<string, Record<string, string>>;
}

/** What a printed letter says besides the template's text. */
export interface LetterLabels {
  answerHeading: string;
  answerHint: string;
  /** "{page}" and "{pages}" are replaced. */
  page: string;
}

/** The words an invitation's facts are written with ({dato}, {tid}, {program}, {påmelding} …). */
export interface InvitationWords {
  and: string;
  locale: string;
  at: (start: string, end: string) => string;
  food: string;
  programme: string;
  minutes: (n: number) => string;
  by: (name: string) => string;
  leader: string;
  optional: (food: boolean) => string;
  required: (deadline: string, food: boolean) => string;
  closing: string;
  facts: { when: string; where: string };
}

/**
 * The signing page of the resource family's agreement and its e-mail. The terms themselves are the
 * bokmål contract (documents/agreement.ts); these are the words around them.
 */
export interface AgreementSigningWords {
  /** "Hei {fornavn}!" */
  greeting: string;
  intro: string;
  termsHeading: string;
  pdf: string;
  confirm: string;
  sign: string;
  signedTitle: string;
  /** "Signert {tidspunkt}." */
  signed: string;
  mustConfirm: string;
  emailSubject: string;
  /** mentions {nettverk} */
  emailBody: string;
}

/** The signing page of the group confidentiality agreement (gruppe-taushetsplikt) and its e-mail. */
export interface ConfidentialityWords {
  title: string;
  /** "Hei {fornavn}!" */
  greeting: string;
  /** the agreement's paragraphs: what the adult signs (kept with the signature as shown) */
  agreement: string[];
  /** "I have read … and agree" (the checkbox's label) */
  confirm: string;
  sign: string;
  signedTitle: string;
  /** "Signert {tidspunkt}." */
  signed: string;
  mustConfirm: string;
  closedTitle: string;
  closed: string;
  emailSubject: string;
  /** "Hei {fornavn}!" */
  emailGreeting: string;
  /** mentions {nettverk} */
  emailBody: string;
}
