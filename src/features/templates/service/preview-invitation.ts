import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { LetterError } from '../../../documents/letter.js';
import { type SmsInfo, smsInfo, TemplateError } from '../../../domain/template.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import { findEvent, findEventImageInfo } from '../../events/index.js';
import { renderInvitation } from '../../sending/index.js';
import { findVenueFacts } from '../../venues/index.js';
import type { PreviewChannel } from '../contract.js';
import { letterUnprintable, unknownField } from '../errors.js';
import * as q from '../queries.js';
import { templateChooser } from './edit-templates.js';

/** The answer link shown in previews: no household's real link is made or revealed. */
const PREVIEW_TOKEN = 'FORHÅNDSVISNING';

export type Preview =
  | { channel: 'email'; language: string; direction: string; subject: string; text: string; html: string }
  | ({ channel: 'sms'; language: string; text: string } & SmsInfo)
  | { channel: 'letter'; language: string; pdf: Uint8Array };

/** One household's invitation to an event on one channel, with a placeholder answer link. */
export async function preview(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  householdId: string,
  channel: PreviewChannel,
): Promise<Preview> {
  const prepared = await inTenant(deps.db, ctx, async (tx) => {
    const event = await findEvent(tx, ctx.municipalityId, eventId);
    if (!event) throw notFound();
    const household = /^[0-9a-f-]{36}$/i.test(householdId)
      ? await q.findPreviewHousehold(tx, ctx.municipalityId, eventId, householdId)
      : undefined;
    if (!household) throw notFound();
    const venue = event.venue ? await findVenueFacts(tx, ctx.municipalityId, event.venue.id) : undefined;
    const template = (await templateChooser(tx, ctx.municipalityId))(
      household.adults.map((a) => a.preferredLanguage),
    );
    const municipality = await q.municipalityName(tx, ctx.municipalityId);
    // The preview shows the household's names and note: a read of personal data.
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'household',
      recordId: householdId,
      subjectId: householdId,
      details: { via: 'invitation_preview', eventId, channel },
    });
    const image = await findEventImageInfo(tx, ctx.municipalityId, eventId);
    return { event, household, venue, template, municipality, image };
  });
  const { event, household, venue, template, municipality, image } = prepared;
  try {
    const message = await renderInvitation({
      messageId: 'preview',
      channel,
      event,
      venue: venue
        ? { name: venue.name, addressLine: venue.addressLine, postcode: venue.postcode, place: venue.place }
        : null,
      template,
      municipality,
      household,
      answerUrl: `${deps.config.publicUrl.replace(/\/+$/, '')}/svar/${PREVIEW_TOKEN}`,
      ...(image ? { image: { ...image, src: `/api/events/${eventId}/image` } } : {}),
    });
    const language = template.language;
    if (channel === 'sms') return { channel, language, text: message.text, ...smsInfo(message.text) };
    if (channel === 'email') {
      return {
        channel,
        language,
        direction: template.direction,
        subject: message.subject,
        text: message.text,
        html: message.html ?? '',
      };
    }
    return { channel, language, pdf: message.pdf as Uint8Array };
  } catch (error) {
    if (error instanceof TemplateError) throw unknownField(error);
    if (error instanceof LetterError) throw letterUnprintable(error.message);
    throw error;
  }
}
