import { type AnswerInput, COMMENT_MAX, DIET_NOTE_MAX, DIETS } from '../../domain/answer.js';
import { escapeHtml as h } from '../../domain/template.js';
import { type AnswerWords, householdWords, invitationValues } from '../../i18n/household/index.js';
import { messageBox, publicPage } from '../../server/public-page.js';
import type { AnswerPageData } from './service.js';

/**
 * The household's answer page (src/server/public-page.ts: server-rendered, no JavaScript). The
 * form posts back to the same address; the answer is saved and the page shown again (post,
 * redirect, get).
 */

/** A link that is wrong or expired: says what to do, in the languages we cannot tell apart. */
export function badLinkPage(): string {
  const nb = householdWords('nb').answer;
  const en = householdWords('en').answer;
  return publicPage(
    'nb',
    nb.badLinkTitle,
    nb.team,
    `<h1>${h(nb.badLinkTitle)}</h1><p>${h(nb.badLink)}</p><h2 lang="en">${h(en.badLinkTitle)}</h2><p lang="en">${h(en.badLink)}</p>`,
  );
}

/** Too many tries from one address: wait a minute (in bokmål and English, as for a wrong link). */
export function busyPage(): string {
  const nb = householdWords('nb').answer;
  const en = householdWords('en').answer;
  return publicPage(
    'nb',
    nb.busyTitle,
    nb.team,
    `<h1>${h(nb.busyTitle)}</h1><p>${h(nb.busy)}</p><h2 lang="en">${h(en.busyTitle)}</h2><p lang="en">${h(en.busy)}</p>`,
  );
}

export interface FormState {
  values?: Partial<AnswerInput>;
  errors?: string[];
  saved?: boolean;
}

function mapLink(data: AnswerPageData): string | null {
  const v = data.venue;
  if (!v?.addressLine) return null;
  const query = [v.addressLine, v.postcode, v.place].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

function googleLink(data: AnswerPageData): string {
  const stamp = (d: Date | string) =>
    new Date(d)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: data.event.title,
    dates: `${stamp(data.event.startsAt)}/${stamp(data.event.endsAt)}`,
    location: [data.venue?.name, data.venue?.addressLine, data.venue?.place].filter(Boolean).join(', '),
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}

function answerSummary(data: AnswerPageData, words: AnswerWords): string {
  const a = data.answer;
  if (!a) return '';
  const text =
    a.status === 'confirmed'
      ? words.answerComing(a.adults, a.children)
      : a.status === 'waiting'
        ? words.answerWaiting(a.place ?? 1)
        : a.status === 'maybe'
          ? words.answerMaybe
          : words.answerNotComing;
  return `<h2>${h(words.yourAnswer)}</h2><p>${h(text)}</p>`;
}

function form(data: AnswerPageData, words: AnswerWords, state: FormState, action: string): string {
  const v: Partial<AnswerInput> = state.values ?? data.answer ?? {};
  const errors = new Set(state.errors ?? []);
  const err = (name: string) =>
    errors.has(name) ? `<span class="error" id="${name}-error">${h(words.errors[name] ?? '')}</span>` : '';
  const described = (name: string, hint?: string) => {
    const ids = [hint, errors.has(name) ? `${name}-error` : undefined].filter(Boolean).join(' ');
    return ids ? ` aria-describedby="${ids}"` : '';
  };
  const invalid = (name: string) => (errors.has(name) ? ' aria-invalid="true"' : '');
  const radio = (value: string, label: string) =>
    `<label class="choice"><input type="radio" name="response" value="${value}"${v.response === value ? ' checked' : ''} required> ${h(label)}</label>`;
  const diet = DIETS.map(
    (d) =>
      `<label class="choice"><input type="checkbox" name="diet" value="${d}"${v.diet?.includes(d) ? ' checked' : ''}> ${h(words.diets[d] ?? d)}</label>`,
  ).join('');
  const count = (name: 'adults' | 'children', label: string) =>
    `<label class="field" for="${name}">${h(label)}</label>${err(name)}<input type="number" id="${name}" name="${name}" inputmode="numeric" min="0" max="20" value="${h(String(v[name] ?? (name === 'adults' ? 1 : 0)))}"${invalid(name)}${described(name)}>`;
  return [
    `<form method="post" action="${h(action)}" novalidate>`,
    `<fieldset${errors.has('response') ? ' aria-describedby="response-error"' : ''}><legend>${h(words.question)}</legend>${err('response')}`,
    radio('coming', words.coming),
    radio('not_coming', words.notComing),
    radio('maybe', words.maybe),
    '</fieldset>',
    count('adults', words.adults),
    count('children', words.children),
    // Food questions only where there is food.
    ...(data.event.food
      ? [
          `<fieldset><legend>${h(words.diet)}</legend>${err('diet')}${diet}</fieldset>`,
          `<label class="field" for="dietNote">${h(words.dietNote)}</label>${err('dietNote')}`,
          `<textarea id="dietNote" name="dietNote" maxlength="${DIET_NOTE_MAX}"${invalid('dietNote')}${described('dietNote')}>${h(v.dietNote ?? '')}</textarea>`,
        ]
      : []),
    `<label class="field" for="comment">${h(words.comment)} <span class="hint" id="comment-hint">${h(words.commentHint(COMMENT_MAX))}</span></label>${err('comment')}`,
    `<textarea id="comment" name="comment" maxlength="${COMMENT_MAX}"${invalid('comment')}${described('comment', 'comment-hint')}>${h(v.comment ?? '')}</textarea>`,
    `<button type="submit">${h(data.answer ? words.change : words.send)}</button>`,
    '</form>',
  ].join('');
}

export function answerPage(data: AnswerPageData, state: FormState, action: string): string {
  const { language, answer: words } = householdWords(data.invitation.language);
  const values = invitationValues(
    {
      adults: data.names.map((firstName) => ({ firstName })),
      event: data.event,
      venue: data.venue,
      hosts: data.event.hosts.map((host) => host.firstName),
      note: null,
      answerUrl: '',
    },
    language,
  );
  const map = mapLink(data);
  const programme = data.event.programme
    .map((item) => `<li>${h(item.title)}${item.minutes ? ` (${item.minutes} min)` : ''}</li>`)
    .join('');
  const errorList = (state.errors ?? []).filter((e) => words.errors[e]);
  const parts = [
    `<p>${h(words.hello(values.fornavn))}</p>`,
    `<h1>${h(data.event.title)}</h1>`,
    // After sending, the page opens on what became of it (focused: see messageBox).
    errorList.length > 0
      ? messageBox(
          'alert',
          words.errorsHeading,
          `<ul>${errorList
            .map((e) =>
              ['response', 'adults', 'children', 'dietNote', 'comment'].includes(e)
                ? `<li><a href="#${e === 'response' ? 'response-error' : e}">${h(words.errors[e] ?? '')}</a></li>`
                : `<li>${h(words.errors[e] ?? '')}</li>`,
            )
            .join('')}</ul>`,
        )
      : '',
    state.saved ? messageBox('ok', words.saved) : '',
    '<dl>',
    `<dt>${h(words.when)}</dt><dd>${h(`${values.dato} ${values.tid}`)}</dd>`,
    data.venue
      ? `<dt>${h(words.where)}</dt><dd>${h(values.sted)}${map ? `<br><a href="${h(map)}" rel="noreferrer noopener">${h(words.map)}</a>` : ''}</dd>`
      : '',
    programme ? `<dt>${h(words.programme)}</dt><dd><ul>${programme}</ul></dd>` : '',
    data.event.hosts.length > 0 ? `<dt>${h(words.hosts)}</dt><dd>${h(values.vertskap)}</dd>` : '',
    '</dl>',
    answerSummary(data, words),
  ];
  const hosts = values.vertskap || words.team;
  if (!data.open) {
    const closed = data.event.status === 'cancelled' ? words.cancelled : words.closed;
    parts.push(`<div class="box"><p>${h(closed)}</p></div>`);
  } else if (data.deadlinePassed && data.event.deadline) {
    parts.push(
      `<div class="box"><p>${h(words.deadlinePassed(formatted(data.event.deadline, language), hosts))}</p></div>`,
    );
  } else {
    if (data.event.deadline)
      parts.push(`<p>${h(words.deadline(formatted(data.event.deadline, language)))}</p>`);
    parts.push(form(data, words, state, action));
  }
  if (data.calendar) {
    parts.push(
      `<ul class="links"><li><a href="${h(action)}/kafe.ics">${h(words.calendar)}</a></li><li><a href="${h(googleLink(data))}" rel="noreferrer noopener">${h(words.googleCalendar)}</a></li></ul>`,
    );
  }
  return publicPage(language, data.event.title, words.team, parts.join(''));
}

function formatted(date: string, language: string): string {
  return invitationValues(
    {
      adults: [],
      event: {
        title: '',
        date,
        startTime: '00:00',
        endTime: '00:00',
        food: false,
        registration: 'none',
        deadline: null,
        programme: [],
      },
      venue: null,
      hosts: [],
      note: null,
      answerUrl: '',
    },
    language,
  ).dato;
}
