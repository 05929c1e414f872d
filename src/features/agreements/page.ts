import { agreementTitle } from '../../documents/agreement.js';
import { dateFormat, TIME_ZONE } from '../../domain/calendar.js';
import { escapeHtml as h } from '../../domain/template.js';
import { householdWords } from '../../i18n/household/index.js';
import { messageBox, publicPage } from '../../server/public-page.js';
import type { AgreementPageData } from './service/sign-agreement.js';

/**
 * The signing page of the resource family's agreement at /oppdragsavtale/<token> (server-rendered,
 * no JavaScript, no login), as the confidentiality agreement's: the terms, a link to the PDF, and a
 * form that posts back to the same address (post, redirect, get). The terms are the bokmål contract.
 */

function when(at: Date, language: string): string {
  return dateFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(at);
}

export function agreementPage(data: AgreementPageData, action: string, mustConfirm: boolean): string {
  const { words, language, signer } = data;
  const parts = [`<h1 lang="nb">${h(agreementTitle)}</h1>`];
  if (signer.signedAt) {
    parts.push(
      messageBox(
        'ok',
        words.signedTitle,
        `<p>${h(words.signed.replace('{tidspunkt}', when(new Date(signer.signedAt), language)))}</p>`,
      ),
    );
  } else if (mustConfirm) {
    parts.push(messageBox('alert', words.mustConfirm));
  }
  parts.push(
    `<p>${h(words.greeting.replace('{fornavn}', signer.firstName))}</p>`,
    `<p>${h(words.intro)}</p>`,
  );
  parts.push(`<ul class="links"><li><a href="${h(action)}/pdf">${h(words.pdf)}</a></li></ul>`);
  parts.push(`<h2>${h(words.termsHeading)}</h2><div lang="nb">`);
  for (const section of data.sections) {
    parts.push(`<h3>${h(section.heading)}</h3>`, ...section.paragraphs.map((p) => `<p>${h(p)}</p>`));
  }
  parts.push('</div>');
  if (data.open && !signer.signedAt) {
    parts.push(
      `<form method="post" action="${h(action)}">`,
      `<label class="choice"><input type="checkbox" name="confirm" value="yes" required> ${h(words.confirm)}</label>`,
      `<button type="submit">${h(words.sign)}</button>`,
      '</form>',
    );
  }
  return publicPage(language, agreementTitle, householdWords('nb').answer.team, parts.join(''));
}
