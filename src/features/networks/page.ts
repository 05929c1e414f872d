import { dateFormat, TIME_ZONE } from '../../domain/calendar.js';
import { escapeHtml as h } from '../../domain/template.js';
import { householdWords } from '../../i18n/household/index.js';
import { messageBox, publicPage } from '../../server/public-page.js';
import type { SigningPageData } from './service/sign-agreement.js';

/**
 * The signing page of the group confidentiality agreement (src/server/public-page.ts: server-
 * rendered, no JavaScript, no login). The form posts back to the same address (post, redirect, get).
 */

const header = () => householdWords('nb').answer.team;

/** A wrong link: what to do, in bokmål and English (the language is not known). */
export function badSigningLinkPage(): string {
  const nb = householdWords('nb').answer;
  const en = householdWords('en').answer;
  return publicPage(
    'nb',
    nb.badLinkTitle,
    header(),
    `<h1>${h(nb.badLinkTitle)}</h1><p>${h(nb.badLink)}</p><h2 lang="en">${h(en.badLinkTitle)}</h2><p lang="en">${h(en.badLink)}</p>`,
  );
}

export function busySigningPage(): string {
  const nb = householdWords('nb').answer;
  return publicPage('nb', nb.busyTitle, header(), `<h1>${h(nb.busyTitle)}</h1><p>${h(nb.busy)}</p>`);
}

function when(at: Date, language: string): string {
  return dateFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(at);
}

export function signingPage(data: SigningPageData, action: string, mustConfirm: boolean): string {
  const { words, language, link } = data;
  const parts = [`<h1>${h(words.title)}</h1>`];
  if (link.signedAt) {
    parts.push(
      messageBox(
        'ok',
        words.signedTitle,
        `<p>${h(words.signed.replace('{tidspunkt}', when(new Date(link.signedAt), language)))}</p>`,
      ),
    );
  } else if (!data.open) {
    parts.push(messageBox('alert', words.closedTitle, `<p>${h(words.closed)}</p>`));
  } else if (mustConfirm) {
    parts.push(messageBox('alert', words.mustConfirm));
  }
  parts.push(`<p>${h(words.greeting.replace('{fornavn}', link.firstName))}</p>`);
  parts.push(...words.agreement.map((p) => `<p>${h(p)}</p>`));
  if (data.open && !link.signedAt) {
    parts.push(
      `<form method="post" action="${h(action)}">`,
      `<label class="choice"><input type="checkbox" name="confirm" value="yes" required> ${h(words.confirm)}</label>`,
      `<button type="submit">${h(words.sign)}</button>`,
      '</form>',
    );
  }
  return publicPage(language, words.title, header(), parts.join(''));
}
