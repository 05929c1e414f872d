import { LetterError, renderLetter } from '../../channels/letter.js';
import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { displayName } from '../../domain/household.js';
import {
  baseLanguage,
  checkTemplate,
  chooseLanguage,
  DEFAULT_LANGUAGES,
  defaultTemplate,
  directionOf,
  escapeHtml,
  type InvitationTemplate,
  invitationValues,
  letterParts,
  renderHtmlBody,
  renderLine,
  renderSms,
  renderText,
  TemplateError,
  type TemplateText,
} from '../../domain/template.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import { audit } from '../audit/service.js';
import * as cafe from '../cafe/queries.js';
import { todayInOslo } from '../cafe/service.js';
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
  ctx: TenantContext,
  language: string,
): Promise<TemplateView | undefined> {
  const row = await q.findTemplate(tx, ctx.municipalityId, language);
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
    const found = await templateOf(tx, ctx, base);
    if (found) return found;
    // No template in this language yet: bokmål's, to translate from.
    const nb = (await templateOf(tx, ctx, 'nb')) as TemplateView;
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
    return (await templateOf(tx, ctx, base)) as TemplateView;
  });
}

export type PreviewChannel = 'email' | 'sms' | 'letter';

export type Preview =
  | { channel: 'email'; language: string; direction: string; subject: string; text: string; html: string }
  | { channel: 'sms'; language: string; text: string; length: number; parts: number; encoding: string }
  | { channel: 'letter'; language: string; pdf: Uint8Array };

function emailHtml(template: InvitationTemplate, subject: string, bodyHtml: string) {
  return [
    '<!doctype html>',
    `<html lang="${template.language}" dir="${template.direction}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family: sans-serif; line-height: 1.5; max-width: 36em;">`,
    bodyHtml,
    '</body></html>',
  ].join('\n');
}

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
    const stored = await q.listTemplates(tx, ctx.municipalityId);
    const language = chooseLanguage(
      household.adults.map((a) => a.preferredLanguage),
      [...stored.map((t) => t.language), ...DEFAULT_LANGUAGES],
    );
    const template = (await templateOf(tx, ctx, language)) as TemplateView;
    const municipality = await q.municipalityName(tx, ctx.municipalityId);
    // The preview shows the household's names and note: a read of personal data.
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'household',
      recordId: householdId,
      subjectId: householdId,
      details: { via: 'invitation_preview', eventId, channel },
    });
    return { event, household, venue, template, municipality };
  });
  const { event, household, venue, template, municipality } = prepared;
  const answerUrl = `${deps.config.publicUrl.replace(/\/+$/, '')}/svar/${PREVIEW_TOKEN}`;
  const values = invitationValues(
    {
      adults: household.adults,
      event,
      venue: venue
        ? { name: venue.name, addressLine: venue.addressLine, postcode: venue.postcode, place: venue.place }
        : null,
      hosts: event.hosts.map((h) => h.firstName),
      note: household.note,
      answerUrl,
    },
    template.language,
  );
  try {
    if (channel === 'sms') {
      const sms = renderSms(template.sms, values);
      return { channel, language: template.language, ...sms };
    }
    if (channel === 'email') {
      const subject = renderLine(template.subject, values);
      return {
        channel,
        language: template.language,
        direction: template.direction,
        subject,
        text: renderText(template.body, values),
        html: emailHtml(template, subject, renderHtmlBody(template.body, values)),
      };
    }
    const parts = letterParts(template, values);
    const pdf = await renderLetter({
      letterhead: { municipality, team: 'Fosterhjemstjenesten' },
      to: {
        name: displayName(household.adults),
        line: household.addressLine ?? '',
        postcode: household.postcode ?? '',
        place: household.place ?? '',
      },
      date: new Date(),
      title: renderLine(template.subject, values),
      paragraphs: parts.paragraphs,
      ...(values.personlig_hilsen ? { note: values.personlig_hilsen } : {}),
      facts: parts.facts,
      closing: parts.closing,
      senders: event.hosts.map((h) => h.firstName),
      answerUrl,
      language: template.language,
      direction: template.direction,
    });
    return { channel, language: template.language, pdf };
  } catch (error) {
    if (error instanceof TemplateError) throw unknownField(error);
    if (error instanceof LetterError)
      throw new AppError('invitations.letter_unprintable', 400, { reason: error.message });
    throw error;
  }
}
