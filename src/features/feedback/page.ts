import { escapeHtml as h } from '../../domain/template.js';
import { type FeedbackWords, householdWords } from '../../i18n/household/index.js';
import { messageBox, publicPage } from '../../server/public-page.js';
import type { FeedbackQuestion } from './contract.js';
import type { PublicForm } from './service/answer-form.js';

/**
 * The feedback form people open from the QR code on the tables (src/server/public-page.ts:
 * server-rendered, no JavaScript, mobile first). Anonymous: no login, and nothing about who
 * answers is stored. Its words are the household's (i18n/household), not the staff catalogues',
 * because a form can be in a language the staff UI does not have (Arabic, right to left).
 */

/** Text of a question or option in the language, else in the form's first language that has one. */
function textIn(text: Partial<Record<string, string>>, language: string, languages: string[]): string {
  return (
    text[language] ?? languages.map((l) => text[l]).find(Boolean) ?? Object.values(text).find(Boolean) ?? ''
  );
}

/** A short page in bokmål and English, for when we cannot tell which language to speak. */
function twoLanguagePage(title: (w: FeedbackWords) => string, body: (w: FeedbackWords) => string): string {
  const nb = householdWords('nb').feedback;
  const en = householdWords('en').feedback;
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
  const words = householdWords(language).feedback;
  const links = data.form.languages
    .map((l) => {
      const w = householdWords(l).feedback;
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
  const words = householdWords(language).feedback;
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
  // The hint is read with the question's name, not only where it stands.
  const hint = multiple ? `<span class="hint" id="${id('hint')}">${h(words.chooseMany)}</span>` : '';
  const described = multiple ? ` aria-describedby="${id('hint')}"` : '';
  return `<fieldset${described}><legend>${h(text)}</legend>${hint}${inputs}</fieldset>`;
}

export interface FeedbackFormState {
  values?: Record<string, string[]>;
  error?: 'empty' | 'invalid';
}

export function formPage(data: PublicForm, language: string, state: FeedbackFormState = {}): string {
  const words = householdWords(language).feedback;
  const path = `/t/${data.code}`;
  const parts = [
    heading(data, language, path),
    state.error ? messageBox('alert', words.errorsHeading, `<p>${h(words[state.error])}</p>`) : '',
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
  const words = householdWords(language).feedback;
  const body = `${heading(data, language, `/t/${data.code}`)}${messageBox(kind, title, `<p>${h(text)}</p>`)}`;
  return publicPage(language, `${title} – ${data.event.title}`, words.team, body);
}

export const thanksPage = (data: PublicForm, language: string) => {
  const w = householdWords(language).feedback;
  return messagePage(data, language, w.thanksTitle, w.thanks, 'ok');
};

export const alreadyPage = (data: PublicForm, language: string) => {
  const w = householdWords(language).feedback;
  return messagePage(data, language, w.alreadyTitle, w.already, 'ok');
};

export const closedPage = (data: PublicForm, language: string) => {
  const w = householdWords(language).feedback;
  return messagePage(data, language, w.closedTitle, w.closed);
};
