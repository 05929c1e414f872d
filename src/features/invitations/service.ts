import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { LetterError } from '../../documents/letter.js';
import { todayInOslo } from '../../domain/calendar.js';
import {
  baseLanguage,
  checkTemplate,
  chooseLanguage,
  directionOf,
  type InvitationTemplate,
  smsInfo,
  TemplateError,
  type TemplateText,
} from '../../domain/template.js';
import { DEFAULT_LANGUAGES, defaultTemplate } from '../../i18n/household/index.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import * as cafe from '../cafe/queries.js';
import * as sending from '../sending/queries.js';
import { renderInvitation } from '../sending/render.js';
import * as q from './queries.js';

/** The answer link shown in previews: no household's real link is made or revealed. */
export const PREVIEW_TOKEN = 'FORHÅNDSVISNING';

const LANGUAGE = /^[a-z]{2,3}$/;

function checkLanguage(language: string): string {
  const base = baseLanguage(language);
  if (!LANGUAGE.test(base))
    throw new AppError('validation.invalid', 400, [{ field: 'language', rule: 'language' }]);
  return base;
}

function unknownField(error: TemplateError): AppError {
  return new AppError('template.unknown_field', 400, error.details);
}

export interface TemplateView extends InvitationTemplate {
  /** false: the built-in default (or, for a language without one, bokmål to translate from). */
  custom: boolean;
  version: number | null;
}

async function templateOf(
  tx: Queryable,
  municipalityId: number,
  language: string,
): Promise<TemplateView | undefined> {
  const row = await q.findTemplate(tx, municipalityId, language);
  if (row) {
    return {
      language,
      direction: directionOf(language),
      subject: row.subject,
      body: row.body,
      sms: row.sms,
      custom: true,
      version: row.version,
    };
  }
  const fallback = defaultTemplate(language);
  return fallback ? { ...fallback, custom: false, version: null } : undefined;
}

export async function getTemplate(deps: Deps, ctx: TenantContext, language: string): Promise<TemplateView> {
  const base = checkLanguage(language);
  return inTenant(deps.db, ctx, async (tx) => {
    const found = await templateOf(tx, ctx.municipalityId, base);
    if (found) return found;
    // No template in this language yet: bokmål's, to translate from.
    const nb = (await templateOf(tx, ctx.municipalityId, 'nb')) as TemplateView;
    return { ...nb, language: base, direction: directionOf(base), custom: false, version: null };
  });
}

export async function saveTemplate(
  deps: Deps,
  ctx: TenantContext,
  language: string,
  input: TemplateText,
): Promise<TemplateView> {
  const base = checkLanguage(language);
  const template = { subject: input.subject.trim(), body: input.body.trim(), sms: input.sms.trim() };
  const errors = (['subject', 'body', 'sms'] as const)
    .filter((part) => template[part] === '')
    .map((field) => ({ field, rule: 'required' }));
  if (errors.length > 0) throw new AppError('validation.invalid', 400, errors);
  try {
    checkTemplate(template);
  } catch (error) {
    if (error instanceof TemplateError) throw unknownField(error);
    throw error;
  }
  return inTenant(deps.db, ctx, async (tx) => {
    await q.saveTemplate(tx, ctx.municipalityId, base, template, ctx.userId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'invitation_template',
      details: { language: base },
    });
    return (await templateOf(tx, ctx.municipalityId, base)) as TemplateView;
  });
}

/**
 * Picks the template for a household from its adults' languages: the team's own template in that
 * language, else the built-in default, else bokmål. Reads the stored templates once, for a whole
 * sending.
 */
export async function templateChooser(
  tx: Queryable,
  municipalityId: number,
): Promise<(languages: string[]) => InvitationTemplate> {
  const stored = new Map((await q.listTemplates(tx, municipalityId)).map((t) => [t.language, t]));
  const available = [...stored.keys(), ...DEFAULT_LANGUAGES];
  return (languages) => {
    const language = chooseLanguage(languages, available);
    const row = stored.get(language);
    if (row)
      return {
        language,
        direction: directionOf(language),
        subject: row.subject,
        body: row.body,
        sms: row.sms,
      };
    return defaultTemplate(language) ?? (defaultTemplate('nb') as InvitationTemplate);
  };
}

export type PreviewChannel = 'email' | 'sms' | 'letter';

export type Preview =
  | { channel: 'email'; language: string; direction: string; subject: string; text: string; html: string }
  | { channel: 'sms'; language: string; text: string; length: number; parts: number; encoding: string }
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
    const event = await cafe.findEvent(tx, ctx.municipalityId, eventId);
    if (!event) throw notFound();
    const household = /^[0-9a-f-]{36}$/i.test(householdId)
      ? await q.findPreviewHousehold(tx, ctx.municipalityId, eventId, householdId)
      : undefined;
    if (!household) throw notFound();
    const venue = event.venue
      ? await cafe.findVenue(tx, ctx.municipalityId, event.venue.id, todayInOslo())
      : undefined;
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
    const image = await sending.findEventImageInfo(tx, ctx.municipalityId, eventId);
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
    if (error instanceof LetterError)
      throw new AppError('invitations.letter_unprintable', 400, { reason: error.message });
    throw error;
  }
}
