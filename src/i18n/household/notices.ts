import type { NoticeKind } from '../../domain/notices.js';
import type { TemplateText } from '../../domain/template.js';
import { householdWords } from './words.js';

/**
 * The short messages that follow an invitation: the confirmation of an answer, the news that a
 * place came free, and reminders — warmer for a household that has never been to a café (the
 * first time is the biggest worry), the cancellation, and the thank-you and "we missed you" after
 * the café. Written with the template's merge fields ({fornavn}, {tittel}, {dato}, {tid}, {sted},
 * {svarlenke}, {vertskap}), plus {voksne}, {barn}, {plass} and {tilbakemeldingslenke}, which
 * fillNoticeFields fills in first.
 */

/** The notice in the language, or bokmål where there is none (a household's own language without notices). */
export function noticeText(kind: NoticeKind, language: string): { language: string; text: TemplateText } {
  const words = householdWords(language);
  return { language: words.language, text: words.notices[kind] };
}

/** "1 voksen", "2 voksne", "0 barn": the number with its word, in the language. */
function persons(language: string, adults: number, children: number): { adults: string; children: string } {
  return householdWords(language).persons(adults, children);
}

/**
 * Fills in the notice's own fields ({voksne}, {barn}, {plass}, and the thank-you's
 * {tilbakemeldingslenke}) before the template's merge fields.
 */
export function fillNoticeFields(
  source: string,
  values: { adults: number; children: number; place: number | null; feedbackUrl?: string | null },
  language: string,
) {
  const counted = persons(language, values.adults, values.children);
  return source
    .replaceAll('{voksne}', counted.adults)
    .replaceAll('{barn}', counted.children)
    .replaceAll('{plass}', values.place === null ? '' : String(values.place))
    .replaceAll('{tilbakemeldingslenke}', values.feedbackUrl ?? '');
}
