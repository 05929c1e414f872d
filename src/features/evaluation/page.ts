import { escapeHtml as h } from '../../domain/template.js';
import { evaluationLanguage, evaluationWords } from '../../i18n/household/index.js';
import { messageBox, publicPage } from '../../server/public-page.js';
import type { PageData } from './service.js';

/**
 * The household's questionnaire at /sporreskjema/<token>: server-rendered, no JavaScript, in the
 * link's language (nb, nn, en; others read bokmål). Each scale question is a group of five radio
 * buttons; free text is optional.
 */
export interface PageState {
  saved?: boolean;
  missing?: string[];
  values?: Record<string, string | undefined>;
}

export function questionnaireHtml(data: PageData, path: string, state: PageState = {}): string {
  const language = evaluationLanguage(data.language);
  const w = evaluationWords(language);
  const missing = new Set(state.missing ?? []);
  const answerOf = (id: string) => state.values?.[id] ?? String(data.answers.get(id) ?? '');
  const questions = data.questions.map((q, i) => {
    const text = q.text[language];
    const id = `q${i}`;
    if (q.type === 'text') {
      return [
        `<label class="field" for="${id}">${h(text)} <span class="hint">${h(w.optional)}</span></label>`,
        `<textarea id="${id}" name="${h(q.id)}" maxlength="2000">${h(answerOf(q.id))}</textarea>`,
      ].join('');
    }
    const chosen = answerOf(q.id);
    const error = missing.has(q.id) ? `<span class="error" id="${id}-error">${h(w.missing)}</span>` : '';
    const described = missing.has(q.id) ? ` aria-describedby="${id}-error"` : '';
    const choices = w.scale
      .map((label, n) => {
        const value = String(n + 1);
        return `<label class="choice"><input type="radio" name="${h(q.id)}" value="${value}"${chosen === value ? ' checked' : ''}> ${h(label)}</label>`;
      })
      .join('');
    return `<fieldset${described}><legend>${h(text)}</legend>${error}${choices}</fieldset>`;
  });
  const box = state.saved
    ? messageBox('ok', w.savedTitle, `<p>${h(w.saved)}</p>`)
    : missing.size > 0
      ? messageBox('alert', w.errorsHeading, `<p>${h(w.missing)}</p>`)
      : '';
  const body = [
    `<h1>${h(w.title)}</h1>`,
    box,
    `<p>${h(w.intro[data.round])}</p>`,
    `<p class="hint">${h(w.private)}</p>`,
    `<form method="post" action="${h(path)}" novalidate>`,
    ...questions,
    `<button type="submit">${h(data.answered ? w.change : w.send)}</button>`,
    '</form>',
  ];
  return publicPage(language, w.title, w.team(data.teamName), body.join(''));
}

export const badLinkPage = () => {
  const w = evaluationWords('nb');
  return publicPage('nb', w.badLinkTitle, w.title, `<h1>${h(w.badLinkTitle)}</h1><p>${h(w.badLink)}</p>`);
};

export const busyPage = () => {
  const w = evaluationWords('nb');
  return publicPage('nb', w.busyTitle, w.title, `<h1>${h(w.busyTitle)}</h1><p>${h(w.busy)}</p>`);
};
