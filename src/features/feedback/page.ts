import { escapeHtml as h } from '../../domain/template.js';
import { publicPage } from '../../server/public-page.js';
import type { FeedbackQuestion } from './defaults.js';
import type { PublicForm } from './service.js';

/**
 * The feedback form people open from the QR code on the tables (src/server/public-page.ts:
 * server-rendered, no JavaScript, mobile first). Anonymous: no login, and nothing about who
 * answers is stored. Its own words are here, not in the web app's catalogues, because a form can
 * be in a language the staff UI does not have (Arabic, right to left).
 */

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

const nb: FeedbackWords = {
  name: 'Norsk bokmål',
  team: 'Fosterhjemstjenesten',
  languages: 'Språk',
  intro: 'Takk for at du kom! Fortell oss gjerne hvordan du hadde det – det tar et par minutter.',
  anonymous: 'Svaret er anonymt: vi lagrer ikke hvem du er. Svar på det du vil.',
  scale: ['1 – Dårlig', '2 – Ikke så bra', '3 – Greit', '4 – Bra', '5 – Veldig bra'],
  optional: 'Valgfritt',
  chooseMany: 'Du kan velge flere.',
  textHint: (max) => `Høyst ${max} tegn.`,
  send: 'Send svar',
  errorsHeading: 'Svaret ble ikke sendt',
  empty: 'Svar på minst ett spørsmål før du sender.',
  invalid: 'Noe i svaret kunne vi ikke lese. Prøv igjen.',
  thanksTitle: 'Tusen takk for svaret!',
  thanks: 'Det hjelper oss å gjøre neste kafé enda bedre. Vi håper å se deg igjen.',
  alreadyTitle: 'Takk, dere har alt svart',
  already: 'Vi har fått svaret fra denne mobilen, og tar bare imot ett svar per mobil.',
  closedTitle: 'Skjemaet er stengt',
  closed: 'Det er ikke lenger mulig å svare på dette skjemaet. Takk for at du ville!',
  badLinkTitle: 'Vi finner ikke skjemaet',
  badLink: 'Sjekk at lenken er skrevet riktig, eller skann QR-koden på nytt.',
  busyTitle: 'Vent litt',
  busy: 'Det har kommet mange forsøk fra denne adressen på kort tid. Vent et minutt og prøv igjen.',
  sheetLine: 'Skann koden med mobilen og fortell oss hvordan kvelden var. Helt anonymt.',
};

const nn: FeedbackWords = {
  name: 'Norsk nynorsk',
  team: 'Fosterheimstenesta',
  languages: 'Språk',
  intro: 'Takk for at du kom! Fortel oss gjerne korleis du hadde det – det tek eit par minutt.',
  anonymous: 'Svaret er anonymt: vi lagrar ikkje kven du er. Svar på det du vil.',
  scale: ['1 – Dårleg', '2 – Ikkje så bra', '3 – Greitt', '4 – Bra', '5 – Veldig bra'],
  optional: 'Valfritt',
  chooseMany: 'Du kan velje fleire.',
  textHint: (max) => `Høgst ${max} teikn.`,
  send: 'Send svar',
  errorsHeading: 'Svaret vart ikkje sendt',
  empty: 'Svar på minst eitt spørsmål før du sender.',
  invalid: 'Noko i svaret kunne vi ikkje lese. Prøv igjen.',
  thanksTitle: 'Tusen takk for svaret!',
  thanks: 'Det hjelper oss å gjere neste kafé endå betre. Vi håper å sjå deg att.',
  alreadyTitle: 'Takk, de har alt svara',
  already: 'Vi har fått svaret frå denne mobilen, og tek berre imot eitt svar per mobil.',
  closedTitle: 'Skjemaet er stengt',
  closed: 'Det er ikkje lenger mogleg å svare på dette skjemaet. Takk for at du ville!',
  badLinkTitle: 'Vi finn ikkje skjemaet',
  badLink: 'Sjekk at lenka er skriven rett, eller skann QR-koden på nytt.',
  busyTitle: 'Vent litt',
  busy: 'Det har kome mange forsøk frå denne adressa på kort tid. Vent eit minutt og prøv igjen.',
  sheetLine: 'Skann koden med mobilen og fortel oss korleis kvelden var. Heilt anonymt.',
};

const en: FeedbackWords = {
  name: 'English',
  team: 'Foster care team',
  languages: 'Language',
  intro: 'Thank you for coming! Please tell us how it was for you – it takes a couple of minutes.',
  anonymous: 'Your answer is anonymous: we do not store who you are. Answer what you like.',
  scale: ['1 – Poor', '2 – Not so good', '3 – OK', '4 – Good', '5 – Very good'],
  optional: 'Optional',
  chooseMany: 'You can choose several.',
  textHint: (max) => `At most ${max} characters.`,
  send: 'Send answer',
  errorsHeading: 'Your answer was not sent',
  empty: 'Please answer at least one question before sending.',
  invalid: 'We could not read part of your answer. Please try again.',
  thanksTitle: 'Thank you for your answer!',
  thanks: 'It helps us make the next café even better. We hope to see you again.',
  alreadyTitle: 'Thank you – you have already answered',
  already: 'We have your answer from this phone, and take one answer per phone.',
  closedTitle: 'The form is closed',
  closed: 'It is no longer possible to answer this form. Thank you for wanting to!',
  badLinkTitle: 'We cannot find the form',
  badLink: 'Check that the link is typed correctly, or scan the QR code again.',
  busyTitle: 'Please wait',
  busy: 'There have been many tries from this address in a short time. Wait a minute and try again.',
  sheetLine: 'Scan the code with your phone and tell us how the evening was. Completely anonymous.',
};

const ar: FeedbackWords = {
  name: 'العربية',
  team: 'فريق الأسر الحاضنة',
  languages: 'اللغة',
  intro: 'شكراً لحضورك! أخبرنا كيف كانت الأمسية بالنسبة لك – يستغرق ذلك دقيقتين فقط.',
  anonymous: 'إجابتك مجهولة الهوية: لا نحفظ من أنت. أجب عمّا تريد.',
  scale: ['1 – سيئ', '2 – ليس جيداً', '3 – مقبول', '4 – جيد', '5 – جيد جداً'],
  optional: 'اختياري',
  chooseMany: 'يمكنك اختيار أكثر من خيار.',
  textHint: (max) => `${max} حرف كحد أقصى.`,
  send: 'أرسل الإجابة',
  errorsHeading: 'لم تُرسل الإجابة',
  empty: 'يرجى الإجابة عن سؤال واحد على الأقل قبل الإرسال.',
  invalid: 'لم نتمكن من قراءة جزء من إجابتك. يرجى المحاولة مرة أخرى.',
  thanksTitle: 'شكراً جزيلاً على إجابتك!',
  thanks: 'تساعدنا إجابتك على جعل اللقاء القادم أفضل. نأمل أن نراك مرة أخرى.',
  alreadyTitle: 'شكراً، لقد أجبتم من قبل',
  already: 'وصلتنا الإجابة من هذا الهاتف، ونقبل إجابة واحدة من كل هاتف.',
  closedTitle: 'الاستبيان مغلق',
  closed: 'لم يعد من الممكن الإجابة على هذا الاستبيان. شكراً لرغبتك في ذلك!',
  badLinkTitle: 'لم نجد الاستبيان',
  badLink: 'تأكد من كتابة الرابط بشكل صحيح، أو امسح رمز QR مرة أخرى.',
  busyTitle: 'انتظر قليلاً',
  busy: 'وصلت محاولات كثيرة من هذا العنوان في وقت قصير. انتظر دقيقة ثم حاول مرة أخرى.',
  sheetLine: 'امسح الرمز بهاتفك وأخبرنا كيف كانت الأمسية. دون ذكر اسمك.',
};

const WORDS: Record<string, FeedbackWords> = { nb, nn, en, ar };

/** The words of a language; bokmål for one without its own. */
export function feedbackWords(language: string): FeedbackWords {
  return WORDS[language] ?? nb;
}

/** Text of a question or option in the language, else in the form's first language that has one. */
function textIn(text: Partial<Record<string, string>>, language: string, languages: string[]): string {
  return (
    text[language] ?? languages.map((l) => text[l]).find(Boolean) ?? Object.values(text).find(Boolean) ?? ''
  );
}

/** A short page in bokmål and English, for when we cannot tell which language to speak. */
function twoLanguagePage(title: (w: FeedbackWords) => string, body: (w: FeedbackWords) => string): string {
  return publicPage(
    'nb',
    title(nb),
    nb.team,
    `<h1>${h(title(nb))}</h1><p>${h(body(nb))}</p><h2 lang="en">${h(title(en))}</h2><p lang="en">${h(body(en))}</p>`,
  );
}

export const badLinkPage = () =>
  twoLanguagePage(
    (w) => w.badLinkTitle,
    (w) => w.badLink,
  );
export const busyPage = () =>
  twoLanguagePage(
    (w) => w.busyTitle,
    (w) => w.busy,
  );

function languageLinks(data: PublicForm, language: string, path: string): string {
  if (data.form.languages.length < 2) return '';
  const words = feedbackWords(language);
  const links = data.form.languages
    .map((l) => {
      const w = feedbackWords(l);
      const current = l === language ? ' aria-current="true"' : '';
      return `<li><a href="${h(`${path}?lang=${l}`)}" lang="${h(l)}" hreflang="${h(l)}"${current}>${h(w.name)}</a></li>`;
    })
    .join('');
  return `<nav aria-label="${h(words.languages)}"><ul class="links langs">${links}</ul></nav>`;
}

/** Links between languages sit in a row at the top; the rest is the shared public style. */
const EXTRA_STYLE =
  '<style>ul.langs{display:flex;flex-wrap:wrap;gap:0 1.25rem;margin:0 0 .5rem}ul.langs li{margin:0}ul.langs a{display:inline-block;padding:.5rem 0}ul.langs a[aria-current]{font-weight:700;color:#1a1a1a}.event-date{color:#444;margin-top:-.5rem}</style>';

function heading(data: PublicForm, language: string, path: string): string {
  return `${EXTRA_STYLE}${languageLinks(data, language, path)}<h1>${h(data.event.title)}</h1>`;
}

function question(
  q: FeedbackQuestion,
  index: number,
  language: string,
  data: PublicForm,
  chosen: string[],
): string {
  const words = feedbackWords(language);
  const name = `q_${q.id}`;
  const text = textIn(q.text, language, data.form.languages);
  const id = (suffix: string | number) => `q${index}-${suffix}`;
  if (q.type === 'text') {
    return [
      `<label class="field" for="${id('text')}">${h(text)} <span class="hint" id="${id('hint')}">${h(`${words.optional}. ${words.textHint(1000)}`)}</span></label>`,
      `<textarea id="${id('text')}" name="${name}" maxlength="1000" aria-describedby="${id('hint')}">${h(chosen[0] ?? '')}</textarea>`,
    ].join('');
  }
  const multiple = q.type === 'multiple' || q.type === 'topics';
  const choices =
    q.type === 'scale'
      ? words.scale.map((label, i) => ({ value: String(i + 1), label }))
      : (q.options ?? []).map((o) => ({ value: o.id, label: textIn(o.text, language, data.form.languages) }));
  const inputs = choices
    .map(
      (c) =>
        `<label class="choice"><input type="${multiple ? 'checkbox' : 'radio'}" name="${name}" value="${h(c.value)}"${chosen.includes(c.value) ? ' checked' : ''}> ${h(c.label)}</label>`,
    )
    .join('');
  const hint = multiple ? `<span class="hint">${h(words.chooseMany)}</span>` : '';
  return `<fieldset><legend>${h(text)}</legend>${hint}${inputs}</fieldset>`;
}

export interface FeedbackFormState {
  values?: Record<string, string[]>;
  error?: 'empty' | 'invalid';
}

export function formPage(data: PublicForm, language: string, state: FeedbackFormState = {}): string {
  const words = feedbackWords(language);
  const path = `/t/${data.code}`;
  const parts = [
    heading(data, language, path),
    state.error
      ? `<div class="box alert" role="alert"><h2>${h(words.errorsHeading)}</h2><p>${h(words[state.error])}</p></div>`
      : '',
    `<p>${h(words.intro)}</p>`,
    `<p class="hint">${h(words.anonymous)}</p>`,
    `<form method="post" action="${h(path)}" novalidate>`,
    `<input type="hidden" name="lang" value="${h(language)}">`,
    ...data.form.questions.map((q, i) => question(q, i, language, data, state.values?.[`q_${q.id}`] ?? [])),
    `<button type="submit">${h(words.send)}</button>`,
    '</form>',
  ];
  return publicPage(language, data.event.title, words.team, parts.join(''));
}

function messagePage(
  data: PublicForm,
  language: string,
  title: string,
  text: string,
  kind: 'ok' | 'plain' = 'plain',
): string {
  const words = feedbackWords(language);
  const body = `${heading(data, language, `/t/${data.code}`)}<div class="box${kind === 'ok' ? ' ok' : ''}" role="status"><h2>${h(title)}</h2><p>${h(text)}</p></div>`;
  return publicPage(language, `${title} – ${data.event.title}`, words.team, body);
}

export const thanksPage = (data: PublicForm, language: string) => {
  const w = feedbackWords(language);
  return messagePage(data, language, w.thanksTitle, w.thanks, 'ok');
};

export const alreadyPage = (data: PublicForm, language: string) => {
  const w = feedbackWords(language);
  return messagePage(data, language, w.alreadyTitle, w.already, 'ok');
};

export const closedPage = (data: PublicForm, language: string) => {
  const w = feedbackWords(language);
  return messagePage(data, language, w.closedTitle, w.closed);
};
