import type { OutgoingMessage, SendResult } from '../../../channels/types.js';
import type { Database } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { LetterError } from '../../../documents/letter.js';
import type { NoticeKind } from '../../../domain/notices.js';
import { TemplateError } from '../../../domain/template.js';
import type { Config } from '../../../server/config.js';
import { answersWithStatus } from '../../answers/index.js';
import { findEvent, findEventImage } from '../../events/index.js';
import { feedbackLinkOf } from '../../feedback/index.js';
import { municipalitySender } from '../../sender-settings/index.js';
import { municipalityName, templateChooser } from '../../templates/index.js';
import { findVenueFacts } from '../../venues/index.js';
import * as followUpSql from '../queries/follow-up.js';
import * as householdsSql from '../queries/household.js';
import * as invitationsSql from '../queries/invitation.js';
import type * as messagesSql from '../queries/message.js';
import { type InvitationFactsForSending, renderInvitation } from '../render.js';
import { answerToken, answerUrl, questionnaireToken, questionnaireUrl } from './answer-tokens.js';

/** The claimed messages of a run made ready to send: what the worker (worker.ts) hands the channels. */

/** The notices whose kind the purpose says alone (a confirmation's depends on the answer). */
const FIXED_KINDS: Record<string, NoticeKind> = {
  promotion: 'promotion',
  cancellation: 'cancelled',
  thanks: 'thanks',
  missed: 'missed',
  'questionnaire:before': 'questionnaire_before',
  'questionnaire:after': 'questionnaire_after',
  'questionnaire-reminder:before': 'questionnaire_reminder',
  'questionnaire-reminder:after': 'questionnaire_reminder',
};

/** The messages that do not say where the café is (every other one does). */
const WITHOUT_VENUE = new Set([
  'cancellation',
  'thanks',
  'missed',
  'questionnaire:before',
  'questionnaire:after',
  'questionnaire-reminder:before',
  'questionnaire-reminder:after',
]);
/** Shown to the team beside the household on the sending page. */
const NO_VENUE_REASON = 'Kafeen har ikke noe sted (sending.no_venue). Velg sted, og send på nytt.';

type RenderDeps = { db: Database; config: Pick<Config, 'secretKey' | 'publicUrl'> };

/**
 * What every message of the event shares: read once per run, not once per batch (the image alone
 * can be 2 MB). A template edited during a run is used from the next run (at most SLICE_MS on).
 */
export async function eventFacts(deps: RenderDeps, ctx: TenantContext, eventId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await findEvent(tx, ctx.municipalityId, eventId);
    const venue = event?.venue ? await findVenueFacts(tx, ctx.municipalityId, event.venue.id) : undefined;
    return {
      event,
      venue,
      templateFor: await templateChooser(tx, ctx.municipalityId),
      municipality: await municipalityName(tx, ctx.municipalityId),
      image: await findEventImage(tx, ctx.municipalityId, eventId),
      sender: await municipalitySender(tx, ctx.municipalityId, deps.config.secretKey),
      feedbackUrl: await feedbackLinkOf(tx, ctx.municipalityId, eventId, deps.config.publicUrl),
    };
  });
}

/** The claimed messages rendered, or why one cannot be. */
export async function renderClaimed(
  deps: RenderDeps,
  ctx: TenantContext,
  eventId: string,
  shared: Awaited<ReturnType<typeof eventFacts>>,
  claimed: messagesSql.ClaimedMessage[],
): Promise<Map<string, OutgoingMessage | SendResult>> {
  const batch = await inTenant(deps.db, ctx, async (tx) => {
    const householdIds = claimed.flatMap((m) => (m.householdId ? [m.householdId] : []));
    const households = new Map(
      (await householdsSql.householdsForMessages(tx, ctx.municipalityId, eventId, householdIds)).map((h) => [
        h.householdId,
        h,
      ]),
    );
    const languages = await invitationsSql.invitationLanguages(
      tx,
      ctx.municipalityId,
      claimed.map((m) => m.invitationId),
    );
    const notices = claimed.filter((m) => m.purpose !== 'invitation');
    const answers = new Map(
      (
        await answersWithStatus(
          tx,
          ctx.municipalityId,
          notices.map((m) => m.invitationId),
        )
      ).map((a) => [a.invitationId, a]),
    );
    const firstTimers = await householdsSql.firstTimers(
      tx,
      ctx.municipalityId,
      notices.flatMap((m) => (m.householdId && m.purpose.startsWith('reminder:') ? [m.householdId] : [])),
    );
    const questionnaires = await followUpSql.questionnaireLinks(
      tx,
      ctx.municipalityId,
      claimed.flatMap((m) => (m.purpose.startsWith('questionnaire') ? [m.id] : [])),
    );
    return { households, languages, answers, firstTimers, questionnaires };
  });
  const facts = { ...shared, ...batch };
  const result = new Map<string, OutgoingMessage | SendResult>();
  for (const message of claimed) {
    const household = message.householdId ? facts.households.get(message.householdId) : undefined;
    if (!facts.event || !household) {
      result.set(message.id, {
        status: 'failed',
        reason: 'The household or the event is gone.',
        retryable: false,
      });
      continue;
    }
    if ((facts.sender.unreadable as string[]).includes(message.channel)) {
      result.set(message.id, {
        status: 'failed',
        reason:
          "The municipality's stored password for this channel does not open (SECRET_KEY changed?): the admin enters it again under Avsender.",
        retryable: false,
      });
      continue;
    }
    // The venue is checked again at send time, not only at the team's click: one taken away since
    // would make the message read "kl. 18.00–20.00 på .". Failed with why; retried once there is one.
    if (!facts.venue && !WITHOUT_VENUE.has(message.purpose)) {
      result.set(message.id, { status: 'failed', reason: NO_VENUE_REASON, retryable: false });
      continue;
    }
    // A questionnaire message carries the household's evaluation link where the answer link goes.
    const questionnaire = facts.questionnaires.get(message.id);
    if (message.purpose.startsWith('questionnaire') && !questionnaire) {
      result.set(message.id, {
        status: 'failed',
        reason: 'The questionnaire link is gone.',
        retryable: false,
      });
      continue;
    }
    const language = facts.languages.get(message.invitationId) ?? 'nb';
    const input: InvitationFactsForSending = {
      messageId: message.id,
      channel: message.channel,
      event: facts.event,
      venue: facts.venue
        ? {
            name: facts.venue.name,
            addressLine: facts.venue.addressLine,
            postcode: facts.venue.postcode,
            place: facts.venue.place,
          }
        : null,
      template: facts.templateFor([language]),
      municipality: facts.municipality,
      sender: facts.sender,
      household,
      answerUrl: questionnaire
        ? questionnaireUrl(deps.config.publicUrl, questionnaireToken(deps.config.secretKey, questionnaire))
        : answerUrl(deps.config.publicUrl, answerToken(deps.config.secretKey, message.invitationId)),
      ...(facts.image ? { image: facts.image } : {}),
    };
    if (message.purpose !== 'invitation') {
      const answer = facts.answers.get(message.invitationId);
      const kind: NoticeKind = message.purpose.startsWith('reminder:')
        ? facts.firstTimers.has(household.householdId)
          ? 'reminder_first_time'
          : 'reminder'
        : (FIXED_KINDS[message.purpose] ??
          (!answer ? 'maybe' : answer.status === 'confirmed' ? 'coming' : answer.status));
      input.notice = {
        kind,
        adults: answer?.adults ?? 0,
        children: answer?.children ?? 0,
        place: answer?.place ?? null,
        feedbackUrl: facts.feedbackUrl,
      };
    }
    try {
      result.set(message.id, await renderInvitation(input));
    } catch (error) {
      if (error instanceof TemplateError || error instanceof LetterError) {
        result.set(message.id, { status: 'failed', reason: error.message, retryable: false });
      } else throw error;
    }
  }
  return result;
}
