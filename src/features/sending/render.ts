import type { ChannelName, MessageSender, OutgoingMessage } from '../../channels/types.js';
import { renderLetter } from '../../documents/letter.js';
import { displayName } from '../../domain/household.js';
import { calendarFile } from '../../domain/ics.js';
import type { NoticeKind } from '../../domain/notices.js';
import { defaultSenderName, TEAM_NAME } from '../../domain/sender.js';
import {
  escapeHtml,
  type InvitationTemplate,
  renderHtmlBody,
  renderLine,
  renderSms,
  renderText,
} from '../../domain/template.js';
import { fillNoticeFields, invitationValues, letterParts, noticeText } from '../../i18n/household/index.js';
import type { EventRow } from '../events/index.js';

export interface InvitationHousehold {
  adults: {
    firstName: string;
    lastName: string;
    email?: string | null;
    mobile?: string | null;
  }[];
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  note: string | null;
}

export interface InvitationFactsForSending {
  /** Our message id: the provider's reference (see OutgoingMessage.id). */
  messageId: string;
  channel: ChannelName;
  event: EventRow;
  venue: { name: string; addressLine: string | null; postcode: string | null; place: string | null } | null;
  template: InvitationTemplate;
  municipality: string;
  household: InvitationHousehold;
  answerUrl: string;
  /** The event's picture: in e-mail as an inline attachment (cid), in a preview by its address. */
  image?: { alt: string; contentType: string; bytes?: Uint8Array; src?: string };
  /** The municipality's own sender (features/sender-settings); unset: the team and the installation's. */
  sender?: { name: string; sender: MessageSender };
  /** A message after the invitation (a confirmation, a reminder …) instead of the invitation itself. */
  notice?: {
    kind: NoticeKind;
    adults: number;
    children: number;
    place: number | null;
    /** The café's feedback form, for the thank-you after it. */
    feedbackUrl?: string | null;
  };
}

/** The text a message is written from: the team's invitation template, or the notice in its language. */
function sourceOf(facts: InvitationFactsForSending): InvitationTemplate {
  const { notice, template } = facts;
  if (!notice) return template;
  const { language, text } = noticeText(notice.kind, template.language);
  const fill = (source: string) => fillNoticeFields(source, notice, language);
  return {
    language,
    direction: language === template.language ? template.direction : 'ltr',
    subject: fill(text.subject),
    body: fill(text.body),
    sms: fill(text.sms),
  };
}

const IMAGE_CID = 'event-image@landsby';

/** The notices that carry no calendar file. */
const NO_CALENDAR = new Set<NoticeKind>([
  'not_coming',
  'waiting',
  'cancelled',
  'thanks',
  'missed',
  'questionnaire_before',
  'questionnaire_after',
  'questionnaire_reminder',
]);

function emailHtml(template: InvitationTemplate, subject: string, bodyHtml: string, image?: string) {
  return [
    '<!doctype html>',
    `<html lang="${template.language}" dir="${template.direction}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family: sans-serif; line-height: 1.5; max-width: 36em;">`,
    ...(image ? [image] : []),
    bodyHtml,
    '</body></html>',
  ].join('\n');
}

function venueLine(venue: InvitationFactsForSending['venue']): string | null {
  if (!venue) return null;
  const place = [venue.postcode, venue.place].filter(Boolean).join(' ');
  return [venue.name, venue.addressLine, place].filter(Boolean).join(', ');
}

/**
 * One household's invitation on one channel, as the channel sends it. Throws TemplateError for
 * an unknown merge field and LetterError for an address that cannot be printed.
 */
export async function renderInvitation(facts: InvitationFactsForSending): Promise<OutgoingMessage> {
  const { event, household, channel } = facts;
  const template = sourceOf(facts);
  const from = facts.sender?.name ?? defaultSenderName(facts.municipality);
  // A café without hosts is signed by the team: a message never ends in "Hilsen" and nothing.
  const senders = event.hosts.length ? event.hosts.map((h) => h.firstName) : [from];
  const values = invitationValues(
    {
      adults: household.adults,
      event,
      venue: facts.venue,
      hosts: senders,
      note: household.note,
      answerUrl: facts.answerUrl,
    },
    template.language,
  );
  const subject = renderLine(template.subject, values);
  const name = displayName(household.adults);
  const email = household.adults.find((a) => a.email)?.email ?? undefined;
  const mobile = household.adults.find((a) => a.mobile)?.mobile ?? undefined;
  const address =
    household.addressLine && household.postcode && household.place
      ? { name, line: household.addressLine, postcode: household.postcode, place: household.place }
      : undefined;
  const base: OutgoingMessage = {
    id: facts.messageId,
    channel,
    from,
    ...(facts.sender ? { sender: facts.sender.sender } : {}),
    to: { name, ...(email ? { email } : {}), ...(mobile ? { mobile } : {}), ...(address ? { address } : {}) },
    subject,
    text: '',
  };

  if (channel === 'sms') return { ...base, text: renderSms(template.sms, values).text };

  if (channel === 'email') {
    // The picture belongs to the invitation; the calendar file to every message before the café
    // but a "no" and the waiting list's (a household waiting has no place to put in its calendar
    // yet), and never to a cancellation or a message after the café.
    const image = facts.notice ? undefined : facts.image;
    const withCalendar = !facts.notice || !NO_CALENDAR.has(facts.notice.kind);
    const imageSrc = image?.bytes ? `cid:${IMAGE_CID}` : image?.src;
    const imageHtml =
      image && imageSrc
        ? `<p><img src="${escapeHtml(imageSrc)}" alt="${escapeHtml(image.alt)}" style="max-width: 100%; height: auto;"></p>`
        : undefined;
    const ics = calendarFile({
      uid: `${event.id}@landsby`,
      title: event.title,
      startsAt: new Date(event.startsAt),
      endsAt: new Date(event.endsAt),
      location: venueLine(facts.venue),
      description: `${subject}\n${facts.answerUrl}`,
      url: facts.answerUrl,
    });
    return {
      ...base,
      text: renderText(template.body, values),
      html: emailHtml(template, subject, renderHtmlBody(template.body, values), imageHtml),
      attachments: [
        ...(withCalendar
          ? [
              {
                filename: 'kafe.ics',
                contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                content: ics,
              },
            ]
          : []),
        ...(image?.bytes
          ? [{ filename: 'bilde', contentType: image.contentType, content: image.bytes, cid: IMAGE_CID }]
          : []),
      ],
    };
  }

  // A letter, printed by the print room or sent as digital mail: the same PDF.
  const parts = letterParts(template, values);
  const pdf = await renderLetter({
    letterhead: { municipality: facts.municipality, team: TEAM_NAME },
    to: {
      name,
      line: household.addressLine ?? '',
      postcode: household.postcode ?? '',
      place: household.place ?? '',
    },
    date: new Date(),
    title: subject,
    paragraphs: parts.paragraphs,
    ...(values.personlig_hilsen ? { note: values.personlig_hilsen } : {}),
    facts: parts.facts,
    closing: parts.closing,
    senders,
    answerUrl: facts.answerUrl,
    language: template.language,
    direction: template.direction,
  });
  return { ...base, text: subject, pdf };
}
