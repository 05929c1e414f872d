import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../server/schemas.js';

export const TemplateLanguageParams = Type.Object({
  language: Type.String({ minLength: 2, maxLength: 8, description: 'Language code: nb, nn, en, ar, …' }),
});
export type TemplateLanguageParams = Static<typeof TemplateLanguageParams>;

/** The invitation template's three texts, with merge fields (domain/template.ts MERGE_FIELDS). */
export const TemplateInput = Type.Object({
  subject: Type.String({ maxLength: 200 }),
  body: Type.String({ maxLength: 5000 }),
  sms: Type.String({ maxLength: 320 }),
});
export type TemplateInput = Static<typeof TemplateInput>;

export const TemplateView = Type.Object({
  language: Type.String(),
  direction: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
  subject: Type.String(),
  body: Type.String(),
  sms: Type.String(),
  /** false: the built-in default (or, for a language without one, bokmål to translate from). */
  custom: Type.Boolean(),
  /** true: the built-in default is machine-translated and awaits a native speaker's review. */
  machineTranslated: Type.Boolean(),
  version: Type.Union([Type.Integer(), Type.Null()]),
});
export type TemplateView = Static<typeof TemplateView>;

// The household is checked by the service (after the event), so another municipality's event
// answers 404 whatever the second id is.
export const PreviewParams = Type.Object({ eventId: Uuid, householdId: Type.String({ maxLength: 64 }) });
export type PreviewParams = Static<typeof PreviewParams>;

export const PreviewChannel = Type.Union(
  [Type.Literal('email'), Type.Literal('sms'), Type.Literal('letter')],
  {
    default: 'email',
  },
);
export type PreviewChannel = Static<typeof PreviewChannel>;

export const PreviewQuery = Type.Object({ channel: PreviewChannel });
export type PreviewQuery = Static<typeof PreviewQuery>;

export const EmailPreview = Type.Object({
  language: Type.String(),
  direction: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
});
export type EmailPreview = Static<typeof EmailPreview>;

export const SmsPreview = Type.Object({
  language: Type.String(),
  text: Type.String(),
  length: Type.Integer(),
  parts: Type.Integer(),
  encoding: Type.String(),
  /** Characters per SMS: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perPart: Type.Integer(),
});
export type SmsPreview = Static<typeof SmsPreview>;
